"""Fuzz (hypothesis): front matter and Markdown through read, clean, parse and render, in
process and without the PDF, never raise anything but publish's own one-line errors.

Each example is the bytes of one source file, drawn from pieces of YAML and Markdown that have
broken builds before or could: anchors and aliases, odd dates and slugs, attribute blocks,
footnotes, raw HTML, deep nesting, line ends of three kinds, BOMs and NUL bytes. The file is
read, cleaned, parsed and rendered into the site's document and change-log pages and the EPUB's
chapters. ``PUBLISH_EXAMPLES`` sets the number of examples (300 by default; ``make test`` runs
10,000 with ``make test-fuzz``).
"""

from __future__ import annotations

import os

import pytest
from hostile_scan import injected
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from publish import clean, parse, read
from publish.config import Config, load_config
from publish.errors import PublishError
from publish.formats.epubsplit import chapters
from publish.formats.jsonld import document_jsonld, script_text
from publish.labels import labels, provenance
from publish.render import Renderer
from publish.theme import load_theme

EXAMPLES = int(os.environ.get("PUBLISH_EXAMPLES", "300"))
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
    derandomize=os.environ.get("PUBLISH_FUZZ") != "random",
    database=None,
)

YAML = [
    "title: 标题\n",
    "title: <script>HOSTILE</script>\n",
    "title: [a, b]\n",
    "title:\n",
    "date: 2024-03-01\n",
    "date: 2024-13-45\n",
    "date: 2200-01-01\n",
    "date: yesterday\n",
    "date: 1899-12-31T23:59:59Z\n",
    "slug: search\n",
    "slug: ../x\n",
    "slug: None\n",
    "slug: ''\n",
    "slug: 好\n",
    "keywords: &a [x, x, x, x]\n",
    "more: &b [*a, *a, *a, *a]\n",
    "keywords: *b\n",
    "keywords: {a: 1}\n",
    "cover: ../../etc/passwd\n",
    "cover: /etc/hostname\n",
    "cover: a.png\n",
    "lang: zh-CN\n",
    "lang: 'x\" onload=\"HOSTILE'\n",
    "author: [甲, {b: c}]\n",
    "clean:\n  threshold: 2\n",
    "clean:\n  accept: [x]\n",
    "clean: 7\n",
    "abstract: |\n  多行\n  摘要\n",
    "? [complex, key]\n: v\n",
    "!!python/object:os.system x\n",
    "tags: !!binary aGVsbG8=\n",
    "x: &x 1\ny: *x\n",
    "- a list\n",
    ":\n",
    "'unclosed: x\n",
]
MARKDOWN = [
    *"甲乙丙丁。，,.!?abc 12",
    "\n",
    "\n\n",
    "\r\n",
    "\r",
    "\t",
    "\x00",
    "\ufeff",
    "\u2028",
    "# 标题\n",
    "## <em>x</em>\n",
    "###### ",
    "> ",
    "- ",
    "1. ",
    "  ",
    "**",
    "*",
    "_",
    "`",
    "```\n",
    "~~~\n",
    "$$\n",
    "$x$",
    "---\n",
    "[a](http://127.0.0.1:9/x)",
    "[a](javascript:HOSTILE)",
    "[a](/etc/passwd){rel=attachment}",
    "![i](a.png)",
    "![i](http://127.0.0.1:9/p.png)",
    "![i](../../../etc/passwd)",
    "![i](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)",
    "{#id .cls}",
    '{style="HOSTILE" onclick="HOSTILE"}',
    "{.a #b key=value}",
    "[^1]",
    "[^1]: 注释\n",
    "[^x]: ",
    "<script>HOSTILE</script>",
    "<div onclick='HOSTILE'>",
    "<style>HOSTILE{}</style>",
    "<!-- -->",
    "| a | b |\n|---|---|\n| 1 | 2 |\n",
    "(上接第一版)",
    "（下转第3版）",
    "Continued on Page A6",
    "\n=== PAGE 4 ===\n",
    "govern-\nment ",
    "https://example.com/a_very/long/url",
    "x" * 300,
]
BODY = st.lists(st.sampled_from(MARKDOWN), max_size=60).map("".join)
FRONT = st.lists(st.sampled_from(YAML), max_size=8).map("".join)
ENDS = st.sampled_from(["\n", "\r\n", "\r"])
ENCODINGS = st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "gb18030"])


@st.composite
def sources(draw: st.DrawFn) -> bytes:
    end = draw(ENDS)
    head = draw(FRONT)
    text = f"---{end}{head.replace(chr(10), end)}---{end}" if draw(st.booleans()) else ""
    text += draw(BODY)
    return text.encode(draw(ENCODINGS), errors="replace")


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> tuple[Config, Renderer]:
    root = tmp_path_factory.mktemp("fuzz") / "project"
    (root / "content").mkdir(parents=True)
    (root / "content" / "a.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(32))
    config = load_config(root)
    return config, Renderer(load_theme(config.theme, root), config)


def _through_everything(data: bytes, config: Config, renderer: Renderer) -> None:
    path = config.content_dir / "a.md"
    path.write_bytes(data)
    try:
        (article,) = read.read_all([path], config.root, limits=config.limits)
        cleaned = clean.clean_article(article)
        doc = parse.parse(cleaned, config, renderer.theme.attributes)
    except PublishError as exc:
        assert exc.problems and all("\n" not in p for p in exc.problems)
        return
    words = labels(doc.meta.language)
    context = {"doc": doc, "lang": doc.meta.language, "labels": words, "root": "../"}
    jsonld = script_text(document_jsonld(doc, "https://example.org/a/"))
    common = {"stylesheet": "s.css", "provenance": provenance(doc.meta), **context}
    pages = [
        renderer.render(
            "document.html",
            path="a/",
            downloads=[],
            previous=None,
            next=None,
            jsonld=jsonld,
            **common,
        ),
        renderer.render("changes.html", path="a/changes.html", changes_shown=5000, **common),
    ]
    parts = chapters(doc)
    for number, part in enumerate(parts):
        first, last = number == 0, number == len(parts) - 1
        pages.append(
            renderer.render("epub_chapter.html", chapter=part, first=first, last=last, **context)
        )
    for page in pages:
        assert injected(page.encode("utf-8")) == [], page


@FUZZ
@given(sources())
@example(b"---\rtitle: t\rdate: 2024-03-01\r---\rbody\r")
@example(
    b"---\nkeywords: &a [x, x]\nb: &b [*a, *a, *a]\nc: *b\n---\n" + b"*" * 500 + b"a" + b"*" * 500
)
@example("标题\n".encode("utf-16-le"))
def test_no_traceback(project: tuple[Config, Renderer], data: bytes) -> None:
    config, renderer = project
    _through_everything(data, config, renderer)
