"""Render stage: a :class:`~publish.model.Document` and a theme -> HTML and CSS.

One Jinja2 environment per build, autoescaping on, templates found child theme first. The
stylesheet of a format is the theme's variables as CSS custom properties (the
``variables.css`` template) followed by the theme's static CSS files for that format, so PDF,
EPUB and site share one design.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2

from publish.config import Config
from publish.errors import ThemeError
from publish.model import Metadata
from publish.theme import Theme

log = logging.getLogger(__name__)

#: Static stylesheets per format, in cascade order; ``custom.css`` of any theme comes last.
STYLESHEETS: dict[str, tuple[str, ...]] = {
    "pdf": ("base.css", "print.css"),
    "epub": ("base.css", "epub.css"),
    "html": ("base.css", "site.css"),
}


@dataclass
class Renderer:
    theme: Theme
    config: Config

    def __post_init__(self) -> None:
        self.env = jinja2.Environment(
            loader=jinja2.FileSystemLoader([str(p) for p in self.theme.template_dirs]),
            autoescape=jinja2.select_autoescape(("html", "xhtml", "xml"), default=False),
            undefined=jinja2.StrictUndefined,
            keep_trailing_newline=True,
            trim_blocks=True,
            lstrip_blocks=True,
        )
        self._warned: set[str] = set()

    def render(self, template: str, **context: Any) -> str:
        try:
            return self.env.get_template(template).render(
                site=self.config, theme=self.theme, **context
            )
        except jinja2.TemplateNotFound as exc:
            raise ThemeError(
                f"template {exc.name!r} not found in theme {self.theme.name!r} "
                f"(looked in {', '.join(str(p) for p in self.theme.template_dirs)})"
            ) from None
        except jinja2.TemplateSyntaxError as exc:
            raise ThemeError(
                f"{exc.filename}:{exc.lineno}: template error: {exc.message}"
            ) from None
        except jinja2.UndefinedError as exc:
            raise ThemeError(f"template {template!r} of theme {self.theme.name!r}: {exc}") from None

    def _font_faces(self) -> str:
        from publish.fontfiles import for_pdf

        rules = []
        for face in self.theme.fonts:
            path = next((Path(p) for p in face.src if Path(p).is_file()), None)
            if path is None:
                if face.family not in self._warned:
                    self._warned.add(face.family)
                    log.warning(
                        "theme %s: font %r not found (%s); install %s; using the next font "
                        "of the stack instead",
                        self.theme.name,
                        face.family,
                        ", ".join(face.src),
                        face.package or "it",
                    )
                continue
            rules.append(
                f'@font-face {{ font-family: "{face.family}"; font-weight: {face.weight}; '
                f'src: url("{for_pdf(path).resolve().as_uri()}"); }}'
            )
        return "\n".join(rules)

    def stylesheet(self, fmt: str) -> str:
        variables = {name.replace("_", "-"): value for name, value in self.theme.variables.items()}
        # [[fonts]] faces are files on this machine: the PDF embeds them; a site or an EPUB
        # pointing at file:/usr/share/... would be broken anywhere else, so they use the next
        # fonts of the stack (the EPUB can embed its own: [epub] embed_fonts).
        faces = self._font_faces() if fmt == "pdf" else ""
        parts = [faces, self.render("variables.css", variables=variables, format=fmt)]
        extra = [name for sheet_fmt, name in self.theme.stylesheets if sheet_fmt in ("all", fmt)]
        for name in (*STYLESHEETS[fmt], *extra, "custom.css"):
            path = self.theme.static_file(name)
            if path is not None:
                parts.append(f"/* {self.theme.name}: {name} */\n" + path.read_text("utf-8"))
            elif name != "custom.css":
                raise ThemeError(f"theme {self.theme.name!r} has no static/{name}")
        return "\n".join(parts)


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
        "changes": "清理记录（{} 处修改）",
        "changes_title": "清理记录",
        "changes_intro": "下表列出清理程序对原始文本所做的每一处修改："
        "步骤、原文件中的位置、修改前后的文字。",
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
        "changes": "Cleaning log ({} changes)",
        "changes_title": "Cleaning log",
        "changes_intro": "Every change the cleaner made to the source text: the pass, the place in "
        "the original file, the text before and after.",
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
    },
}


def labels(language: str) -> dict[str, str]:
    """Interface words in the document's language (English when there is no translation)."""
    return _LABELS.get(language.split("-")[0].lower(), _LABELS["en"])


def provenance(meta: Metadata) -> str:
    """The source and the newspaper pages its jump lines named (``报纸第2版；上接第1版``)."""
    words = labels(meta.language)
    pages = [words["continued_from"].format(p) for p in meta.continued_from]
    pages += [words["continues_on"].format(p) for p in meta.continues_on]
    separator = "；" if meta.language.lower().startswith("zh") else "; "
    return separator.join(filter(None, [meta.source, *pages]))
