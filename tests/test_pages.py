"""The original's page starts (issue 12): found by the cleaner in jump lines and page markers,
carried through every later edit to the cleaned text, anchored in the body, listed in the
EPUB page-list, bookmarked in the PDF, set in the site's margin."""

from __future__ import annotations

import json
import re
import zipfile
from pathlib import Path
from typing import Any

import pytest
from lxml import etree
from pypdf import PdfReader
from pypdf.generic import Destination

from conftest import REPO, MakeProject, run_cli
from publish.changelog import change_log
from publish.clean import clean, clean_article
from publish.clean.pagestarts import resolve
from publish.config import Config
from publish.formats.epubpages import carry_forward, with_epub_type
from publish.frontmatter import split_front_matter
from publish.model import CleanedSource, Document, PageStart, Source
from publish.parse import parse
from publish.read import read_all

STORY_A = """---
title: 县里召开经济工作会议
language: zh-CN
publication: 某某日报
edition: 2025-02-01
---

# 县里召开经济工作会议

本报讯 县委经济工作会议昨日召开，会议总结了全年工作，部署了明年的重点任务，要求各级各部门(下转第3版)
"""
STORY_B = """（上接第1版）坚定信心、真抓实干，推动经济运行整体好转。

会议指出，要加快产业转型升级。

=== PAGE 4 ===

## 重点任务

会议强调，要抓好项目建设，优化营商环境。
"""
GAZETTE = """---
title: Council Approves Budget
language: en
publication: The Harbor Gazette
edition: late edition
---

The city council approved next year's budget on Tuesday after a long debate
over the cost of the bridge repairs. Continued on Page A6

Council members argued for an hour before the final vote.
"""
#: Long enough to be split into chapters in the EPUB; page 5 starts right before a heading.
LONG = (
    "---\ntitle: 长文\nlanguage: zh-CN\n---\n\n## 第一部分\n\n（上接第4版）"
    + "第一部分的正文很长。" * 200
    + "\n\n"
    + "第一部分还有一段。" * 200
    + "\n\n=== PAGE 5 ===\n\n## 第二部分\n\n"
    + "第二部分的正文也很长。" * 200
    + "\n"
)
PLAIN = "---\ntitle: 没有转版\npages: 5\n---\n\n正文一段。\n\n正文二段。\n"
_RESERVED = re.compile("[\ufdd0-\ufdef]")
STORY_A_PATH = "content/story/a.md"


def _cleaned(text: str) -> CleanedSource:
    meta, fm, body, line = split_front_matter(text, "content/t.md")
    return clean(Source(Path("/nonexistent/t.md"), "content/t.md", "t", meta, fm, body, line))


def _doc(cleaned: CleanedSource) -> Document:
    return parse(cleaned, Config(root=Path("/nonexistent")))


def _story(make_project: MakeProject) -> CleanedSource:
    root = make_project({"content/story/a.md": STORY_A, "content/story/b.md": STORY_B})
    (article,) = read_all([root / "content"], root)
    return clean_article(article)


def test_a_jump_the_cleaner_joined_across_starts_its_page_where_the_text_resumes(
    make_project: MakeProject,
) -> None:
    cleaned = _story(make_project)
    text = cleaned.text
    starts = {s.page: s for s in cleaned.page_starts}
    assert [s.page for s in cleaned.page_starts] == ["1", "3", "4"]
    # "（上接第1版）" follows the first fragment's text: that text ran on page 1
    assert text[starts["1"].offset :].startswith("# 县里召开经济工作会议")
    # the paragraph was joined across "(下转第3版)" / "（上接第1版）": page 3 starts inside it
    assert text[: starts["3"].offset].endswith("要求各级各部门")
    assert text[starts["3"].offset :].startswith("坚定信心")
    assert (starts["3"].kind, starts["3"].path, starts["3"].line) == ("to", STORY_A_PATH, 10)
    # the page marker, removed as furniture, starts page 4 at the heading after it
    assert text[starts["4"].offset :].startswith("## 重点任务")
    assert (starts["4"].kind, starts["4"].line) == ("page marker", 5)
    log = json.loads(change_log(cleaned))
    assert [(p["page"], p["offset"], p["kind"]) for p in log["pages"]] == [
        (s.page, s.offset, s.kind) for s in cleaned.page_starts
    ]


def test_anchors_go_inline_where_a_paragraph_was_joined_and_before_blocks_elsewhere(
    make_project: MakeProject,
) -> None:
    doc = _doc(_story(make_project))
    assert [(a.page, a.id, a.label) for a in doc.pages] == [
        ("1", "原第1版", "原第1版"),
        ("3", "原第3版", "原第3版"),
        ("4", "原第4版", "原第4版"),
    ]
    body = doc.body_html
    anchor = '<span class="page-start" role="doc-pagebreak" id="{}" aria-label="{}"'
    assert f"<p>{anchor.format('原第1版', '原第1版')}" in body  # first in the first paragraph
    assert re.search(r"要求各级各部门<span [^>]*id=\"原第3版\"[^>]*>原第3版</span>坚定信心", body)
    assert re.search(r'<span [^>]*id="原第4版"[^>]*>原第4版</span>\s*<h2 id="重点任务">', body)
    assert not _RESERVED.search(body)


def test_a_fragment_opening_with_continued_from_is_on_the_page_the_front_matter_names() -> None:
    body = "(上接第一版)人民群众的获得感进一步增强。\n\n第二段讲到这里。（下转第3版）\n\n第三段。\n"
    unnamed = _cleaned("---\ntitle: 报告\n---\n\n" + body)
    assert [(s.page, s.kind) for s in unnamed.page_starts] == [("", "from"), ("3", "to")]
    assert [a.id for a in _doc(unnamed).pages] == ["原第3版"]  # its own page is not known
    named = _cleaned("---\ntitle: 报告\npages: 2–3\n---\n\n" + body)
    doc = _doc(named)
    assert [a.id for a in doc.pages] == ["原第2版", "原第3版"]
    assert doc.body_html.startswith('<p><span class="page-start"')
    assert 'id="原第2版"' in doc.body_html.split("人民群众")[0]
    # the same rule, as the lead's front matter may give it
    starts = resolve(named.page_starts, named.text, "2")
    text = named.text
    assert [(s.page, s.offset) for s in starts] == [
        ("2", text.index("人民")),
        ("3", text.index("第三段")),
    ]


def test_continued_on_page_a6_in_english() -> None:
    cleaned = _cleaned(GAZETTE)
    assert [(s.page, s.kind, s.text) for s in cleaned.page_starts] == [
        ("A6", "to", "Continued on Page A6")
    ]
    assert cleaned.text[cleaned.page_starts[0].offset :].startswith("Council members")
    doc = _doc(cleaned)
    assert [(a.id, a.label) for a in doc.pages] == [("page-A6", "p. A6")]
    assert 'aria-label="original page A6"' in doc.body_html


@pytest.mark.parametrize(
    "text",
    [
        PLAIN,
        "---\ntitle: Plain\nlanguage: en\n---\n\nOne paragraph.\n\nPage 3 of 12\n\nAnother.\n",
        "---\ntitle: 引用\n---\n\n报纸上印着“下转第二版”。\n",
    ],
)
def test_no_page_starts_without_markers(text: str) -> None:
    cleaned = _cleaned(text)
    assert cleaned.page_starts == ()
    doc = _doc(cleaned)
    assert doc.pages == () and "page-start" not in doc.body_html
    assert json.loads(change_log(cleaned))["pages"] == []


def test_page_ids_are_unique_and_a_heading_keeps_its_own() -> None:
    text = (
        "---\ntitle: 重名\n---\n\n## 原第3版\n\n"
        "甲。（下转第3版）\n\n乙。（下转第4版）\n\n丙。（下转第3版）\n\n丁。\n"
    )
    doc = _doc(_cleaned(text))
    assert [h.id for h in doc.headings] == ["原第3版"]
    assert [a.id for a in doc.pages] == ["原第3版-2", "原第4版", "原第3版-3"]
    ids = re.findall(r'\bid="([^"]+)"', doc.body_html)
    assert len(ids) == len(set(ids))


def _hand_made(text: str, pages: dict[int, str]) -> Document:
    """``text`` as if cleaned, with page starts at the offsets of ``pages`` (places the
    cleaner never leaves them: the marks must come out of code, addresses and headings)."""
    source = Source(Path("/nonexistent/t.md"), "content/t.md", "t", {"title": "T"}, "", text, 1)
    starts = tuple(PageStart(p, at, "to", "", "content/t.md", 1) for at, p in pages.items())
    return _doc(CleanedSource(source, text, (), page_starts=starts))


def _no_marks(doc: Document) -> None:
    for part in (doc.body_html, doc.summary, doc.meta.title, *(h.text for h in doc.headings)):
        assert not _RESERVED.search(part)


def test_marks_never_reach_code_headings_or_the_summary() -> None:
    text = "## 标题在这里\n\n用 `code span` 以及正文。\n"
    at = {text.index("标题") + 1: "1", text.index("span"): "2", text.index("正文"): "3"}
    doc = _hand_made(text, at)
    _no_marks(doc)
    assert doc.headings[0].id == "标题在这里" and "<code>code span</code>" in doc.body_html
    assert [a.id for a in doc.pages] == ["原第1版", "原第2版", "原第3版"]
    assert re.search(r'<span [^>]*id="原第1版"[^>]*>原第1版</span>\s*<h2', doc.body_html)
    assert re.search(r'<p><span [^>]*id="原第2版"[^>]*>原第2版</span>用 <code>', doc.body_html)
    assert re.search(r'以及<span [^>]*id="原第3版"[^>]*>原第3版</span>正文', doc.body_html)


def test_a_mark_in_a_link_address_leaves_it_whole() -> None:
    text = "见 [链接](https://example.org/a/b) 及正文。\n"
    doc = _hand_made(text, {text.index("example"): "1", text.index("正文"): "2"})
    _no_marks(doc)
    assert 'href="https://example.org/a/b"' in doc.body_html
    assert [a.id for a in doc.pages] == ["原第1版", "原第2版"]  # (both at the paragraph's head)


def test_text_holding_the_mark_characters_gets_no_anchors_and_stays_whole() -> None:
    text = "正文\ufdd0\ufde1\ufdd1中间。\n\n第二段。\n"
    doc = _hand_made(text, {text.index("中间"): "1", text.index("第二段"): "2"})
    assert doc.pages == ()
    assert "\ufdd0\ufde1\ufdd1" in doc.body_html and "page-start" not in doc.body_html


def test_a_page_start_before_a_heading_goes_with_it_into_the_next_chapter() -> None:
    anchor = '<span class="page-start" role="doc-pagebreak" id="p5" aria-label="5">5</span>\n'
    parts = carry_forward(["<h2>一</h2>\n<p>甲</p>\n" + anchor, "<h2>二</h2>\n<p>乙</p>\n"])
    assert parts == ["<h2>一</h2>\n<p>甲</p>\n", anchor + "<h2>二</h2>\n<p>乙</p>\n"]
    assert 'epub:type="pagebreak" id="p5"' in with_epub_type(parts[1])


def test_the_samples_in_content_map_their_pages() -> None:
    articles = {a.slug: a for a in read_all([REPO / "content"], REPO)}
    festival = clean_article(articles["huangjiu-festival"])
    assert [s.page for s in festival.page_starts] == ["1", "2", "3"]
    report = clean_article(articles["daixian-work-report"])  # (上接第一版) … (下转第三版), last
    assert [(s.page, s.kind) for s in report.page_starts] == [("", "from")]
    assert _doc(report).pages == ()  # its front matter names no page
    assert clean_article(articles["harbor-bridge-reopens"]).page_starts == ()


# Real outputs: EPUB (EPUBCheck, Ace), PDF bookmarks, site anchors.


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("pages") / "project"
    for name, text in {
        "content/story/a.md": STORY_A,
        "content/story/b.md": STORY_B,
        "content/gazette.md": GAZETTE,
        "content/long.md": LONG,
        "content/plain.md": PLAIN,
    }.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    result = run_cli(["build"], root, {"SOURCE_DATE_EPOCH": "1738368000"})
    assert result.returncode == 0, result.stderr
    return root / "build"


def _page_list(epub: Path) -> list[tuple[str, str, str]]:
    """(file, id, label) of each page-list entry, each checked against the file it names."""
    found = []
    with zipfile.ZipFile(epub) as archive:
        nav = etree.fromstring(archive.read("EPUB/nav.xhtml"))
        ns = {"x": "http://www.w3.org/1999/xhtml", "epub": "http://www.idpf.org/2007/ops"}
        for link in nav.xpath("//x:nav[@epub:type='page-list']//x:a", namespaces=ns):
            name, _, anchor = link.get("href").partition("#")
            chapter = etree.fromstring(archive.read(f"EPUB/{name}"))
            (target,) = chapter.xpath(f"//*[@id='{anchor}']")
            assert target.get("{http://www.idpf.org/2007/ops}type") == "pagebreak"
            assert target.get("role") == "doc-pagebreak" and target.get("aria-label")
            found.append((name, anchor, link.text))
    return found


def test_the_page_list_points_at_real_places(built: Path) -> None:
    assert _page_list(built / "epub/story.epub") == [
        ("story.xhtml", "原第1版", "1"),
        ("story.xhtml", "原第3版", "3"),
        ("story.xhtml", "原第4版", "4"),
    ]
    assert _page_list(built / "epub/gazette.epub") == [("gazette.xhtml", "page-A6", "A6")]
    # split into chapters: page 5 starts with the second part's heading, in its file
    assert _page_list(built / "epub/long.epub") == [("long-02.xhtml", "原第5版", "5")]
    with zipfile.ZipFile(built / "epub/long.epub") as archive:
        second = archive.read("EPUB/long-02.xhtml").decode("utf-8")
        first = archive.read("EPUB/long-01.xhtml").decode("utf-8")
    assert second.index('id="原第5版"') < second.index("<h2") and "page-start" not in first
    assert _page_list(built / "epub/plain.epub") == []


def test_the_package_names_the_edition_the_pages_are_of(built: Path) -> None:
    def source(name: str) -> list[str]:
        with zipfile.ZipFile(built / "epub" / name) as archive:
            opf = archive.read("EPUB/content.opf").decode("utf-8")
        return re.findall(r'<meta property="pageBreakSource">([^<]*)</meta>', opf)

    assert source("story.epub") == ["某某日报，2025-02-01"]
    assert source("gazette.epub") == ["The Harbor Gazette, late edition"]
    assert source("plain.epub") == []


def test_epubs_with_page_lists_pass_epubcheck_and_ace(built: Path) -> None:
    from publish.check import ace, epubcheck

    for name in ("story", "gazette", "long"):
        epub = built / "epub" / f"{name}.epub"
        assert epubcheck(epub) == []
        assert ace(epub, REPO) == []


def test_the_pdf_bookmarks_each_page_start_below_the_headings(built: Path) -> None:
    reader = PdfReader(built / "pdf/story.pdf")
    top, below = reader.outline[0], reader.outline[1]
    assert isinstance(top, Destination) and top.title == "县里召开经济工作会议"
    assert isinstance(below, list)
    found = [(b.title, reader.get_destination_page_number(b)) for b in _marks(below)]
    assert [title for title, _ in found][:2] == ["原第1版", "原第3版"]
    assert "原第4版" in [title for title, _ in found]
    page = found[1][1]
    assert page is not None and "坚定信心" in reader.pages[page].extract_text()


def _marks(items: list[Any]) -> list[Destination]:
    """The bookmarks of an outline, nested ones too, in order."""
    return [d for item in items for d in (_marks(item) if isinstance(item, list) else [item])]


def test_the_site_shows_each_page_start_with_an_anchor(built: Path) -> None:
    page = (built / "site/story/index.html").read_text("utf-8")
    for anchor in ("原第1版", "原第3版", "原第4版"):
        assert re.search(rf'<span class="page-start" role="doc-pagebreak" id="{anchor}"', page)
    assert "page-start" not in (built / "site/plain/index.html").read_text("utf-8")
    css = (built / "site/static").glob("*.css")
    assert any(".page-start" in sheet.read_text("utf-8") for sheet in css)
