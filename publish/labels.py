"""The words the themes print around a document (contents, cover, download, the cleaning
log's headings), in Chinese and English, and the provenance line built from its jump lines."""

from __future__ import annotations

from publish.model import Metadata

_LABELS: dict[str, dict[str, str]] = {
    "zh": {
        "contents": "目录",
        "documents": "文档",
        "continued_from": "上接第{}版",
        "continues_on": "下转第{}版",
        "cover": "封面",
        "guide": "导航",
        "skip": "跳到正文",
        "search": "搜索",
        "about": "关于本文",
        "source": "来源：",
        "original": "原文：",
        "listed_first": "这里列出前 {} 处（共 {} 处），全部见清理记录文件 {}。",
        "changes": "清理记录（{} 处修改）",
        "changes_title": "清理记录",
        "changes_intro": "下表列出清理程序对原始文本所做的每一处修改："
        "步骤、原文件中的位置、修改前后的文字。",
        "changes_more": "；这里列出前 {} 处，全部修改（连同建议）见清理记录文件 {}",
        "jumps": "删除的转版标记",
        "furniture": "删除的页面元素（页码、页眉页脚、分页标记）",
        "status": "状态",
        "edit_id": "编号与依据",
        "applied": "已修改",
        "accepted": "审校采纳",
        "rejected": "审校拒绝",
        "suggested": "建议",
        "suggestions": "建议（{} 处，未修改）",
        "suggestions_title": "未采纳的建议",
        "suggestions_intro": "以下修改把握不足，没有应用。审校者可在文档旁的 .review.yaml 文件中"
        "按编号采纳（accept）或拒绝（reject）。",
        "pass": "步骤",
        "where": "位置",
        "before": "修改前",
        "after": "修改后",
        "more": "更多文档",
        "undated": "未注明日期",
        "not_found": "页面不存在",
        "back_home": "返回首页",
        "download_pdf": "下载 PDF",
        "download_epub": "下载 EPUB",
        "edition": "{}",
        "pages": "第{}版",
        "pages_many": "第{}版",
        "archive_id": "档案号 {}",
        "captured_from": "{} 采集自 {}",
        "captured": "{} 采集",
        "page_mark": "原第{}版",
        "page_name": "原第{}版",
        "page_list": "原报版面",
        "page_source": "原报纸",
    },
    "en": {
        "contents": "Contents",
        "documents": "Documents",
        "continued_from": "continued from page {}",
        "continues_on": "continued on page {}",
        "cover": "Cover",
        "guide": "Guide",
        "skip": "Skip to the text",
        "search": "Search",
        "about": "About this document",
        "source": "Source: ",
        "original": "Original: ",
        "listed_first": "The first {} of {} are listed here; all of them are in the change log "
        "file {}.",
        "changes": "Cleaning log ({} changes)",
        "changes_title": "Cleaning log",
        "changes_intro": "Every change the cleaner made to the source text: the pass, the place in "
        "the original file, the text before and after.",
        "changes_more": "; the first {} are listed here, all of them and the suggestions are in "
        "the change log file {}",
        "jumps": "Jump lines removed",
        "furniture": "Page furniture removed (page markers, running heads and feet, folios)",
        "status": "Status",
        "edit_id": "Id and evidence",
        "applied": "applied",
        "accepted": "accepted by a reviewer",
        "rejected": "rejected by a reviewer",
        "suggested": "suggested",
        "suggestions": "Suggestions ({} not applied)",
        "suggestions_title": "Suggestions not applied",
        "suggestions_intro": "The cleaner was not sure enough to make these edits. A reviewer can "
        "accept or reject each by its id in the .review.yaml file next to the document.",
        "pass": "Pass",
        "where": "Where",
        "before": "Before",
        "after": "After",
        "more": "More documents",
        "undated": "Undated",
        "not_found": "Page not found",
        "back_home": "Back to the index",
        "download_pdf": "Download PDF",
        "download_epub": "Download EPUB",
        "edition": "{} edition",
        "pages": "p. {}",
        "pages_many": "pp. {}",
        "archive_id": "archive no. {}",
        "captured_from": "captured {} from {}",
        "captured": "captured {}",
        "page_mark": "p. {}",
        "page_name": "original page {}",
        "page_list": "Pages of the original",
        "page_source": "the printed newspaper",
    },
}


def labels(language: str) -> dict[str, str]:
    """Interface words in the document's language (English when there is no translation)."""
    return _LABELS.get(language.split("-")[0].lower(), _LABELS["en"])


def citation(meta: Metadata) -> list[str]:
    """The parts of a citation of the original: publication, edition, section, pages, place,
    archive number, and when and where it was captured, from the source fields."""
    words, origin = labels(meta.language), meta.origin
    pages = ", ".join(origin.pages)
    many = len(origin.pages) > 1 or "–" in pages
    captured = (
        words["captured_from"].format(origin.captured, origin.url)
        if origin.captured and origin.url
        else words["captured"].format(origin.captured)
        if origin.captured
        else origin.url
    )
    return [
        origin.publication,
        words["edition"].format(origin.edition) if origin.edition else "",
        origin.section,
        words["pages_many" if many else "pages"].format(pages) if pages else "",
        origin.place,
        words["archive_id"].format(origin.archive_id) if origin.archive_id else "",
        captured,
    ]


def provenance(meta: Metadata) -> str:
    """The source, the citation of the original (:func:`citation`) and the newspaper pages
    its jump lines named (``人民日报；第2版；上接第1版``)."""
    words = labels(meta.language)
    pages = [words["continued_from"].format(p) for p in meta.continued_from]
    pages += [words["continues_on"].format(p) for p in meta.continues_on]
    separator = "；" if meta.language.lower().startswith("zh") else "; "
    return separator.join(filter(None, [meta.source, *citation(meta), *pages]))
