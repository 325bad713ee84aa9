"""Properties of the whole cleaner (hypothesis): idempotent, nothing lost, protection holds."""

from __future__ import annotations

import unicodedata

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from fixture_file import FIXTURES, read_fixture_file, unescape
from publish import clean
from publish.clean.blocks import split_blocks
from publish.clean.protect import Protected

PIECES = [
    "代",
    "县",
    "政",
    "府",
    "工",
    "作",
    "报",
    "告",
    "一",
    "二",
    "年",
    "月",
    "a",
    "b",
    "Z",
    "1",
    "2",
    "0",
    ",",
    ".",
    ":",
    ";",
    "?",
    "!",
    "(",
    ")",
    '"',
    "，",
    "。",
    "：",
    "（",
    "）",
    "“",
    "”",
    " ",
    " ",
    "\n",
    "\n",
    "\n\n",
    "\u3000",
    "**",
    "#",
    "## ",
    "- ",
    "`",
    "-",
    "、",
    "（一）",
    "一、",
    "(上接第一版)",
    "（下转第3版）",
    "Continued on Page A6",
    "２",
    "Ａ",
    "％",
]
TEXT = st.lists(st.sampled_from(PIECES), max_size=40).map("".join)
FIXTURE_INPUTS = [
    unescape(case.given)
    for path in sorted((FIXTURES / "clean").glob("*.md"))
    for case in read_fixture_file(path)
]
FAST = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _clean(text: str) -> tuple[str, list[object]]:
    cleaned, editors = clean.clean_text(text, "x.md", passes=clean.select())
    return cleaned, [r for e in editors for r in e.recorded] + [j for e in editors for j in e.jumps]


def _letters(text: str) -> str:
    folded = "".join(unicodedata.normalize("NFKC", ch) for ch in text)
    return "".join(ch for ch in folded if unicodedata.category(ch)[0] in "LN")


@FAST
@given(TEXT)
def test_idempotent(text: str) -> None:
    once, _ = _clean(text)
    twice, _ = _clean(once)
    assert twice == once


def test_idempotent_on_every_fixture_input() -> None:
    for text in FIXTURE_INPUTS:
        once, _ = _clean(text)
        assert _clean(once)[0] == once, text


@FAST
@given(TEXT)
@example("(上接第一版)甲乙,丙\n\n丁。（下转第3版）")
def test_nothing_lost_but_recorded_jump_lines(text: str) -> None:
    cleaned, editors = clean.clean_text(text.replace("\r", ""), "x.md", passes=clean.select())
    original = "".join(unicodedata.normalize("NFKC", ch) for ch in text)
    for editor in editors:
        for jump in editor.jumps:  # a removed marker, and any copy of it that stayed
            marker = "".join(unicodedata.normalize("NFKC", ch) for ch in jump.text)
            original = original.replace(marker, "")
            cleaned = "".join(unicodedata.normalize("NFKC", ch) for ch in cleaned)
            cleaned = cleaned.replace(marker, "")
    assert _letters(cleaned) == _letters(original)


@FAST
@given(
    TEXT,
    st.sampled_from(
        ["`a,b  c`", "https://e.cn/x,y", "[链接](http://e.cn/a,b)", "<b>x,y</b>", "$a,b$", "x@e.cn"]
    ),
)
def test_protected_spans_are_byte_identical(text: str, span: str) -> None:
    document = f"{text}\n\n甲,{span},乙\n"
    cleaned, _ = _clean(document)
    assert span in cleaned


@FAST
@given(TEXT)
def test_block_structure_changes_only_where_recorded(text: str) -> None:
    cleaned, editors = clean.clean_text(text, "x.md", passes=clean.select())
    structural = {"jumps", "unwrap", "seams", "headings"}
    if not any(e.recorded for e in editors if e.pass_name in structural):
        before = [b.kind for b in split_blocks(text)]
        after = [b.kind for b in split_blocks(cleaned)]
        assert after == before


def test_fenced_code_survives_everything() -> None:
    code = "```\n(上接第一版)\n甲 , 乙  \n\n\n**二、任务**\n```"
    cleaned, _ = _clean(f"正文,内容\n\n{code}\n\n更多,内容\n")
    assert code in cleaned
    assert Protected(cleaned).overlaps(cleaned.index("```"), cleaned.index("```") + 3)
