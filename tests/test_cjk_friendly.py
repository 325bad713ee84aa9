"""CJK-friendly emphasis: the specification's test cases, and CommonMark left untouched."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from fixture_file import FIXTURES, Case, read_fixture_file
from publish.parse.cjk_friendly import cjk_friendly_plugin, scan_delims

CJK = MarkdownIt("commonmark").use(cjk_friendly_plugin)
PLAIN = MarkdownIt("commonmark")
SPEC_CASES = read_fixture_file(FIXTURES / "cjk_friendly.md")
COMMONMARK = json.loads((FIXTURES / "commonmark.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", SPEC_CASES, ids=[c.title for c in SPEC_CASES])
def test_specification_cases(case: Case) -> None:
    assert CJK.render(case.given) == case.expected


def test_fixtures_cover_the_specification_files() -> None:
    files = {c.title.split(" #")[0] for c in SPEC_CASES}
    assert {
        "testcases/strong.md",
        "testcases/korean.md",
        "testcases/pseudo-emoji.md",
        "testcases/non-bmp.md",
        "testcases/underscore-cjk-punct.md",
    } <= files
    assert len(SPEC_CASES) >= 100


def test_plain_commonmark_fails_what_the_plugin_fixes() -> None:
    text = "**社会保障更加有力。**完成全县城乡居民养老保险"
    assert "**" in PLAIN.render(text)
    assert (
        CJK.render(text) == "<p><strong>社会保障更加有力。</strong>完成全县城乡居民养老保险</p>\n"
    )


@pytest.mark.parametrize("example", COMMONMARK, ids=[f"cm{e['example']}" for e in COMMONMARK])
def test_commonmark_spec_unchanged(example: dict[str, str]) -> None:
    assert CJK.render(example["markdown"]) == PLAIN.render(example["markdown"])


LATIN = st.text(alphabet=st.sampled_from(list("ab *_.,!?()'\"\n-`[]é«»")), max_size=40)


@settings(max_examples=400, deadline=None)
@given(LATIN)
def test_text_without_cjk_parses_as_commonmark(text: str) -> None:
    assert CJK.render(text) == PLAIN.render(text)


def test_scan_delims_looks_through_variation_selectors() -> None:
    # 。 + U+FE01 before ``_``: punctuation, so the run may open.
    scanned = scan_delims("正體字。\ufe01_T_", 5, 8, False)
    assert scanned.can_open and scanned.length == 1
