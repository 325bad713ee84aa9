"""Properties of the whole cleaner (hypothesis): idempotent, nothing lost, protection holds.

Each property runs on ``PUBLISH_EXAMPLES`` generated texts (300 by default); ``make test``
runs them once more with 10,000 each (``make test-properties``). Texts are drawn from pieces of
the kinds of damage the cleaner repairs: jump lines, page markers, running heads, folios,
floats, hyphenated and hard-wrapped lines, headings, lists and mixed punctuation.
"""

from __future__ import annotations

import os
import unicodedata
from pathlib import Path

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from fixture_file import FIXTURES, read_fixture_file, unescape
from publish import clean
from publish.clean.blocks import split_blocks
from publish.clean.protect import Protected
from publish.model import Source

PIECES = [
    *"代县政府工作报告一二年月",
    *"abZ120",
    *',.:;?!()"，。：（）“”、-',
    " ",
    " ",
    "\n",
    "\n",
    "\n\n",
    "\u3000",
    "    ",
    "**",
    "*",
    "#",
    "## ",
    "- ",
    "1. ",
    "`",
    "（一）",
    "一、",
    "(上接第一版)",
    "（下转第3版）",
    "Continued on Page A6",
    "*continued from page one*",
    "\n=== PAGE 4 ===\n",
    "\n<!-- 第 5 页 -->\n",
    "\n-4-\n",
    "\nPage 7 GAO-26 Report\n",
    "\nPage 8 GAO-26 Report\n",
    "\n舰船电子工程\n",
    "\n![图](a.png)\n",
    "\n图1 示意图\n",
    "\n| a | b |\n|---|---|\n| 1 | 2 |\n",
    "govern-\nment ",
    "well-\nknown ",
    "the ",
    "and ",
    "，全面推进",
    "$x(1)$",
    "[1] 张三. 题名[J]. 刊名, 2019, 3(2): 1-10.",
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
EXAMPLES = int(os.environ.get("PUBLISH_EXAMPLES", "300"))
# The same examples on every run (a seed from each test's code), so a test run can be repeated;
# PUBLISH_FUZZ=random draws new ones, to look for more.
FAST = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
    derandomize=os.environ.get("PUBLISH_FUZZ") != "random",
    database=None,
)
STRUCTURAL = {"indents", "jumps", "furniture", "demote", "unwrap", "seams", "headings"}


def _clean(text: str) -> tuple[str, list[object]]:
    cleaned, editors = clean.clean_text(text, "x.md", passes=clean.select())
    return cleaned, [r for e in editors for r in e.recorded] + [j for e in editors for j in e.jumps]


def _nfkc(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", ch) for ch in text)


def _letters(text: str) -> str:
    return "".join(ch for ch in _nfkc(text) if unicodedata.category(ch)[0] in "LN")


@FAST
@given(TEXT)
@example("(上接第一版)(上接第一版)## ;")  # found by random runs: a run of markers before "## ",
@example("(上接第一版)\n=== PAGE 4 ===\n## ;")  # a heading under lines that go,
@example(",\n\n舰船电子工程\n\n=== PAGE 4 ===\n,")  # a record that a seam after it carries on,
@example("代\n\n![图](a.png)\n(上接第一版)\n\ngovern-\nment ")  # a marker kept beside a float,
@example("（1\n％")  # a full-width percent sign on the next line,
@example("## ,(上接第一版)?")  # a heading's half-width marks widened next to a marker,
@example("代\n\n![图](a.png)\n(上接第一版)代\n\na")  # a marker inside a float,
@example("## (上接第一版)\n舰船电子工程\na")  # lines after a heading are a paragraph,
@example("Report\n\u3000:a代代")  # a half-width mark that will be full-width starts a line
@example("一、\n=== PAGE 4 ===\n）\n=== PAGE 4 ===\n)")  # a line that ends once joined
@example("一、\n=== PAGE 4 ===\n ）\n=== PAGE 4 ===\n)")  # …and its indent dropped
@example("代,    **,")  # spaces after a mark made full-width, before another (in emphasis)
@example("代    \n#")  # a hard break before an empty heading, which goes
@example("## (上接第一版)#")  # a heading that holds a marker and a "#" alone
@example("(上接第一版)#(上接第一版)")  # markers around a "#": an empty heading once out
@example("一、*continued from page one*\nPage 7 GAO-26 Report\n")  # a number, its marker out
@example("#\n=== PAGE 4 ===\n\n=== PAGE 4 ===\n#")  # two empty headings, the last at the end
@example(  # a text broken in the first round of unwrap is broken in the rounds after
    "、\nPage 7 GAO-26 Report\n-\n舰船电子工程\ngovern-\nment \n![图](a.png)\nthe 代代    \n"
    "Page 7 GAO-26 Report\n"
)
@example("Continued on Page A6:代\nPage 7 GAO-26 Report\n")  # a colon widened later: no row
@example("代\n=== PAGE 4 ===\na代    (上接第一版)")  # a jump line set off by spaces sets no columns
@example("（Advanced)（Advanced)")  # a pair of mixed widths beside another, repaired in one run
@example("a\n,代")  # a line opening on a mark widened later: joined in the first run, as read
@example("\nPage 7 GAO-26 Report\n,,代")  # …and two such marks
@example(",（Advanced)")  # …beside a mark made full-width by its full-width bracket
@example("（Advanced),代")  # …beside a mark made full-width by the Chinese after it
@example("代,\nPage 7 GAO-26 Report\n")  # a comma after Chinese is Chinese's, half-width or not
@example("代,,\nPage 7 GAO-26 Report\n")  # and a run of them
@example("（)(上接第一版)代")  # a mixed pair beside a pair made full-width
@example("\n舰船电子工程\n\u3000:")  # an indented colon after Chinese, kept indented, goes on
@example("代Continued on Page A6Ａ")  # a marker whose page is folded to ASCII: a converted text
@example("代:,\nPage 7 GAO-26 Report\n")  # a comma after a Chinese mark set half-width
@example("代\n=== PAGE 4 ===\na代    (上接第一版)代")  # spaces that set columns stay
@example("a(## \n=== PAGE 4 ===\n（\nPage 7 GAO-26 Report\n、\nPage 7 GAO-26 Report\n")  # no row
@example('一、\n![图](a.png)\n(上接第一版):"代”')  # a paragraph ending on a picture, a marker out
@example(".\n=== PAGE 4 ===\n1(上接第一版)")  # a number alone once its marker is out
@example("代\n![图](a.png)\n代代代,、\n代")  # a line as wide as it reads once its comma is wide
@example("代,\n，\nPage 7 GAO-26 Report\n")  # a mark after Chinese read wide at a break
@example("代((上接第一版)Continued on Page A6\nPage 7 GAO-26 Report\n")  # rows as they read
@example("代\n=== PAGE 4 ===\n２.(上接第一版)")  # an item's number, its marker out
@example("- \n\u3000(上接第一版)、")  # an empty item, a marker's foreign text after it
@example("\n舰船电子工程\n,，the ")  # a mark opening a line after Chinese, read wide
@example("*continued from page one*代（\nPage 7 GAO-26 Report\n代(上接第一版)代")  # …its marker off
@example("代\n代代代\u3000,\n![图](a.png)\n代")  # …after an ideographic space too
@example("代(上接第一版),\nPage 7 GAO-26 Report\n")  # a comma after Chinese past a marker
@example(  # a heading's line read once the marker ending it goes
    "\nPage 7 GAO-26 Report\n（一）代代代代代代代代代代govern-\nment *continued from page one*"
)
@example("a(上接第一版),\nPage 7 GAO-26 Report\n")  # …after its bracket, made wide
@example("a，,\n代")  # a mark after a Chinese mark, read wide
@example("代. 代\n=== PAGE 4 ===\n代")  # a full stop after Chinese, a space after it
@example("代,\n=== PAGE 4 ===\n****\n舰船电子工程\n")  # a rule under a page marker, cutting
@example("\u3000*continued from page one*.\n=== PAGE 4 ===\n\u3000代")  # a marker's full stop
@example("\nPage 7 GAO-26 Report\n****\n=== PAGE 4 ===\na")  # a rule over a page marker, cutting
@example("## ## Continued on Page A6\nContinued on Page A6:")  # a heading only a marker ends
@example("(上接第一版)， (上接第一版)")  # a mark after a leading marker, another marker after it
@example("\u3000*continued from page one*Continued on Page A6")  # one marker glued to another
@example("Continued on Page A6:\n=== PAGE 4 ===\n\u3000#")  # an indent holding a ``#`` as text
@example("代\n![图](a.png)\n1(上接第一版)*continued from page one*")  # past the window
@example("govern-\nment 代,     代")  # columns that a comma widened leaves none
@example("代,\n\n代?")  # a sentence's last words, its ``?`` half-width until widened
def test_idempotent(text: str) -> None:
    once, _ = _clean(text)
    twice, _ = _clean(once)
    assert twice == once


@FAST
@given(TEXT)
@example("代, \n\n\n\n代,代")  # a repair inside a line, the layout kept as written
@example(  # a heading ending a list's lines
    "*\n=== PAGE 4 ===\n代Continued on Page A6\nPage 7 GAO-26 Report\n（一）\n"
    "Page 7 GAO-26 Report\n #"
)
def test_idempotent_as_a_build_cleans(text: str) -> None:
    """The text a build takes (:func:`publish.clean.clean`: a document that needed only
    layout as written, repairs inside lines made on the text as written) is cleaned no
    further by cleaning it again."""
    once = _built(text)
    assert _built(once) == once


def _built(text: str) -> str:
    return clean.clean(Source(Path("x.md"), "x.md", "x", {}, "", text, 1)).text


def test_idempotent_on_every_fixture_input() -> None:
    for text in FIXTURE_INPUTS:
        once, _ = _clean(text)
        assert _clean(once)[0] == once, text


@FAST
@given(TEXT)
@example("(上接第一版)甲乙,丙\n\n丁。（下转第3版）")
@example("甲\n\n=== PAGE 4 ===\n\n-4-\n\n乙")
def test_nothing_lost_but_recorded_furniture(text: str) -> None:
    """Every letter and digit survives (a float may move), except those of removed jump lines
    and furniture."""
    cleaned, editors = clean.clean_text(text.replace("\r", ""), "x.md", passes=clean.select())
    original, cleaned = _nfkc(text), _nfkc(cleaned)
    removed = [j.text for e in editors for j in e.jumps]
    removed += [f.text for e in editors for f in e.furniture]
    for piece in sorted(removed, key=len, reverse=True):
        original = original.replace(_nfkc(piece), "", 1)
    assert sorted(_letters(cleaned)) == sorted(_letters(original))


@FAST
@given(
    TEXT,
    st.sampled_from(
        [
            "`a,b  c`",
            "https://e.cn/x,y",
            "[链接](http://e.cn/a,b)",
            "<b>x,y</b>",
            "$a,(b$",
            "x@e.cn",
            "&emsp;",
            "[2] 李四. 书名[M]. 北京: 出版社, 2020.",
        ]
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
    if not any(r.applied for e in editors if e.pass_name in STRUCTURAL for r in e.recorded):
        before = [b.kind for b in split_blocks(text)]
        after = [b.kind for b in split_blocks(cleaned)]
        assert after == before


@FAST
@given(TEXT)
def test_suggestions_change_nothing(text: str) -> None:
    """An edit below the threshold is recorded, never applied: at a threshold above every
    confidence, only the certain edits happen."""
    from publish.model import CleanSettings

    strict, editors = clean.clean_text(text, "x.md", settings=CleanSettings(threshold=1.01))
    assert not any(r.applied for e in editors for r in e.recorded)
    assert strict == text


def test_fenced_code_survives_everything() -> None:
    code = "```\n(上接第一版)\n甲 , 乙  \n\n\n**二、任务**\n=== PAGE 4 ===\n```"
    cleaned, _ = _clean(f"正文,内容\n\n{code}\n\n更多,内容\n")
    assert code in cleaned
    assert Protected(cleaned).overlaps(cleaned.index("```"), cleaned.index("```") + 3)
