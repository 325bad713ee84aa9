"""Parse stage: heading ids, titles, raw HTML, attributes, metadata."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from publish.clean import clean
from publish.config import Config
from publish.frontmatter import split_front_matter
from publish.model import Document, Source
from publish.parse import parse, plain_text
from publish.parse.mdit import make_parser
from publish.parse.slugs import heading_slug


def _doc(text: str, config: Config | None = None, tmp: Path = Path("/nonexistent")) -> Document:
    meta, fm, body, line = split_front_matter(text, "content/t.md")
    source = Source(tmp / "t.md", "content/t.md", "t", meta, fm, body, line)
    return parse(clean(source), config or Config(root=tmp))


@pytest.mark.parametrize(
    ("heading", "slug"),
    [
        ("(三)深化改革开放,激发高质量发展活力", "三深化改革开放激发高质量发展活力"),
        ("2024年工作安排", "s-2024年工作安排"),
        ("Roads & Bridges", "roads-bridges"),
        ("一、总体要求", "一总体要求"),
        ("!!!", "section"),
    ],
)
def test_heading_slug(heading: str, slug: str) -> None:
    assert heading_slug(heading) == slug


def test_heading_ids_are_stable_and_unique() -> None:
    doc = _doc("# 标题\n\n## 概况\n\n## 概况\n\n### Roads & Bridges\n")
    assert [(h.level, h.id) for h in doc.headings] == [
        (2, "概况"),
        (2, "概况-1"),
        (3, "roads-bridges"),
    ]
    assert '<h2 id="概况">概况</h2>' in doc.body_html


def test_title_from_first_heading_is_not_repeated() -> None:
    doc = _doc("# 政府工作报告\n\n正文。\n")
    assert doc.meta.title == "政府工作报告"
    assert "<h1" not in doc.body_html


def test_front_matter_title_wins_and_heading_stays() -> None:
    doc = _doc("---\ntitle: 另一个标题\nauthors: [甲, 乙]\nkeywords: a, b\n---\n# 标题\n\n正文。\n")
    assert doc.meta.title == "另一个标题"
    assert doc.meta.authors == ("甲", "乙")
    assert doc.meta.keywords == ("a", "b")
    assert '<h1 id="标题">标题</h1>' in doc.body_html


def test_identifier_is_derived_and_stable() -> None:
    first, second = _doc("# 甲\n"), _doc("# 甲\n")
    assert first.meta.identifier == second.meta.identifier
    assert first.meta.identifier.startswith("urn:uuid:")
    assert _doc("# 乙\n").meta.identifier != first.meta.identifier


def test_raw_html_is_escaped_by_default() -> None:
    doc = _doc("# T\n\n<script>alert(1)</script>\n\n段落<b>粗</b>\n")
    assert "<script>" not in doc.body_html
    assert "&lt;script&gt;" in doc.body_html


def test_raw_html_allowed_by_config() -> None:
    doc = _doc('# T\n\n<div class="x">raw</div>\n', Config(root=Path("."), allow_html=True))
    assert '<div class="x">raw</div>' in doc.body_html


def test_attributes_cannot_add_script() -> None:
    doc = _doc('# T\n\n[x](http://e.com){onclick="alert(1)" .c href="javascript:alert(1)"}\n')
    assert "onclick" not in doc.body_html and "javascript:" not in doc.body_html
    assert 'class="c"' in doc.body_html


def test_footnotes_tables_deflists_and_emphasis() -> None:
    text = (
        "# T\n\n**社会保障更加有力。**完成[^1]\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n"
        "术语\n: 解释\n\n[^1]: 注释。\n"
    )
    html = _doc(text).body_html
    assert "<strong>社会保障更加有力。</strong>完成" in html
    assert '<section class="footnotes">' in html and "注释。" in html
    assert "<table>" in html and "<dl>" in html


def test_summary_joins_wrapped_lines_by_script() -> None:
    assert _doc("# T\n\nTwo years\nafter 工作\n安排\n").summary == "Two years after 工作安排"


_TITLES = st.sampled_from(["A", "a", "A-1", "a-2", "甲", "甲-1", "!!", "section", "Code `x`"])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(_TITLES, st.sampled_from(["", "a-1", "甲", "x"])), max_size=12))
def test_heading_ids_are_those_of_the_anchors_plugin(headings: list[tuple[str, str]]) -> None:
    """Our linear-time ids are exactly mdit-py-plugins' anchors ids, repeats and ``{#id}``
    included (ids a heading sets itself are reserved first, whatever their place)."""
    from markdown_it import MarkdownIt
    from mdit_py_plugins.anchors import anchors_plugin
    from mdit_py_plugins.attrs import attrs_block_plugin

    text = "".join(
        (f"{{#{given}}}\n" if given else "") + f"## {title}\n\n" for title, given in headings
    )
    theirs = MarkdownIt("commonmark").use(attrs_block_plugin)
    theirs.use(anchors_plugin, min_level=1, max_level=6, slug_func=heading_slug)
    ours = make_parser()
    expected = [t.attrGet("id") for t in theirs.parse(text) if t.type == "heading_open"]
    assert [t.attrGet("id") for t in ours.parse(text) if t.type == "heading_open"] == expected


def test_a_line_break_between_chinese_characters_is_no_space() -> None:
    """Pandoc's ``east_asian_line_breaks``: a soft break between two wide characters, through
    emphasis, links and code, is dropped (a browser and WeasyPrint show it as a space inside
    Chinese: the eleventh review, a paragraph break only suggested left one); next to Latin
    text it stays a space, and a hard break stays."""
    md = make_parser()
    assert md.render("中文的第一行，\n继续写完。\n") == "<p>中文的第一行，继续写完。</p>\n"
    assert md.render("**粗体。**\n继续\n") == "<p><strong>粗体。</strong>继续</p>\n"
    assert (
        md.render("[链接](x)\n`代码`\n中文\n")
        == '<p><a href="x">链接</a><code>代码</code>中文</p>\n'
    )
    assert md.render("中文\nEnglish\n") == "<p>中文\nEnglish</p>\n"
    assert md.render("English\nline\n") == "<p>English\nline</p>\n"
    assert md.render("一行。  \n二行。\n") == "<p>一行。<br />\n二行。</p>\n"


def test_a_line_break_beside_a_chinese_quotation_mark_is_no_space() -> None:
    """A curly quotation mark between the break and a wide character is Chinese (review 126:
    an author's paragraphs filled to 80 columns, ``…看到的`` ⏎ ``“颜色”``): the break is
    dropped; beside Latin text the quotation is English, and the break stays a space."""
    md = make_parser()
    assert (
        md.render("非色盲患者看到的\n“颜色”可能不同。\n")
        == "<p>非色盲患者看到的“颜色”可能不同。</p>\n"
    )
    assert md.render("它是“实时的\n”而非历史的。\n") == "<p>它是“实时的”而非历史的。</p>\n"
    assert md.render("He said\n“你好”\n") == "<p>He said\n“你好”</p>\n"
    assert md.render("他说\n“Hello”\n") == "<p>他说\n“Hello”</p>\n"
    assert plain_text(md.parse("看到的\n“颜色”\n===\n")[1]) == "看到的“颜色”"  # (a heading's)
