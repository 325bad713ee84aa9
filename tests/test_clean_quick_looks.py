"""The cleaner's quick looks decide as the patterns they stand before (hypothesis).

A quick look (a first character, a substring, a cheaper pattern) lets a pass skip a costly
pattern where it cannot match, and ``scan.finditer`` tries a pattern only where its first
character stands. Each is compared here with the plain use of the pattern it saves, on texts
drawn from the pieces the property tests use and from the marks the looks test for.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable

import regex
from hypothesis import example, given
from hypothesis import strategies as st
from test_clean_properties import FAST, PIECES

from publish.clean import (
    blocks,
    furniture,
    joining,
    jumps,
    linebreaks,
    markers,
    normalise,
    pagelines,
    protect,
    running,
    scan,
    shapes,
    spaced,
    wrapspaces,
)
from publish.clean.evidence import Pages
from publish.clean.trace import FileOrigin

_MARKS = [
    *"`$\n\r\t *_#>-+[]()（）<|~=第页版接转承见pP.:;!?，。—–·•－\f\ufeff\u200b\u3000\xa0\x85",
    "```",
    "$$",
    "page",
    "p.",
    "<!--",
    "](",
    "（下转第3版）",
    "(上接第一版)",
    "*Continued on page 3*",
    "See FIRE, Page 3",
    "-4- ",
    "\n\n\n",
    "ſee page 2",
    "Continued",
    " on ",
    "from the ",
    "FIRE, ",
    "版",
    "面",
    " 第 ",
]
TEXT = st.lists(st.sampled_from(PIECES + _MARKS), max_size=30).map("".join)
LINE = TEXT.map(lambda text: text.replace("\n", ""))


def _spans(matches: Iterable[re.Match[str]]) -> list[tuple[int, int]]:
    return [m.span() for m in matches]


@FAST
@given(TEXT)
def test_scan_finds_what_the_pattern_finds(text: str) -> None:
    patterns = [(p, t) for t, p in protect._SCANS if t in protect._STARTS]
    patterns += [(normalise._BLANK_RUN, "\n\n\n"), (normalise._INDENT, "\u3000")]
    for pattern, literal in patterns:
        assert _spans(scan.finditer(pattern, text, literal)) == _spans(pattern.finditer(text))


@FAST
@given(TEXT)
def test_no_marker_where_none_could_hold(text: str) -> None:
    if not markers.could_hold(text):
        assert markers.MARKER.search(text) is None


@FAST
@given(TEXT)
@example("oversee page 5, cont'd on\n p. 4 and 上接 第 3 版")
@example("Continued from the Mariposa Gazette, Yosemite Park, page 4")
def test_markers_found_near_their_anchors_as_the_pattern_finds_them(text: str) -> None:
    found = [(m.span(), m.groupdict()) for m in markers.finditer(text)]
    assert found == [(m.span(), m.groupdict()) for m in markers.MARKER.finditer(text)]
    first = markers.search(text)
    expected = markers.MARKER.search(text)
    assert (first and first.span()) == (expected and expected.span())


@FAST
@given(LINE)
def test_markers_taken_off_the_edges_as_the_patterns_would(text: str) -> None:
    expected = text  # (the texts are short: the patterns run over the whole of them)
    if markers.might_hold(text):
        expected = markers.LEADING.sub("", markers.TRAILING.sub("", text))
    assert markers.without_markers(text) == expected


@FAST
@given(TEXT)
@example("（下转第3版） \n")
@example("*continued on page 3*_")
def test_markers_at_the_end_as_the_pattern_finds_them(text: str) -> None:
    assert shapes.ends_with_marker(text) == (shapes._MARKED_END.search(text) is not None)
    for cur, nxt in itertools.pairwise(text.split("\n")):
        plain = markers.might_hold(cur) or markers.might_hold(nxt)
        own = markers.OWN_LINE.match(cur) or markers.OWN_LINE.match(nxt)
        edge = shapes._MARKED_END.search(cur) or markers.BRACKETED.match(nxt.lstrip())
        assert linebreaks._marked(cur, nxt) == bool(plain and (own or edge))


@FAST
@given(TEXT)
def test_only_markers_as_the_substitution_reads(text: str) -> None:
    expected = not jumps._ONLY_MARKERS.sub("", text).strip()
    assert jumps._only_markers(text) == expected


@FAST
@given(LINE)
@example("page 3 of 12")
@example("  p. 4")
@example("· 4 ·")
@example("\f")
@example("第 3 页 共 12 页")
@example("**Table 3**  ")
@example("AMERICAN SENTINEL.")
@example("Vol. 9, No. 41.")
@example("（一）\u3000")
def test_line_looks_of_furniture_and_running_heads(line: str) -> None:
    if line.lstrip(" \t")[:1] not in furniture._FIRST:
        assert not pagelines.PAGE_MARKER.match(line) and not furniture._FOLIO.match(line)
    if not running._decorated(line):
        assert running._DECOR.sub("", line) == line
    if line:
        ends = re.search(r"[。！？；.!?;:：,，][\"'」』”’]*\Z", line)
        aside = line.strip()  # (wholly in brackets, its spaces aside: ``（一）\u3000``)
        bracketed = len(aside) > 1 and re.fullmatch(r"[(（\[【].*[)）\]】]", aside, re.S)
        volume = running._PAGE_WORD.match(line) and re.search(r"\d", line)
        masthead = line.endswith(".") and (line.isupper() or bool(volume))  # (no sentence)
        prose = regex.search(r"\p{Han}[，；]\p{Han}", line)  # (a clause going on)
        assert running._not_furniture(line) == (bool(ends or bracketed or prose) and not masthead)


@FAST
@given(TEXT)
def test_block_kinds_spaced_runs_and_line_starts(text: str) -> None:
    found = blocks._ANY_KIND.match(text)
    kind = "fence" if blocks._FENCE.match(text) else (found.lastgroup if found else None)
    assert blocks._kind(text) == kind if kind else blocks._kind(text) in ("table", "paragraph")
    assert bool(joining._SPACED_END.search(text)) == bool(joining._SPACED_END.search(text[-4:]))
    if not spaced._SPACED_OUT.search(text):
        assert spaced._RUN.search(text) is None
    if not wrapspaces.QUICK.search(text):
        assert wrapspaces._GAP.search(text) is None
    newlines = [m.start() for m in re.finditer(r"\r\n?|\n", text)]
    assert FileOrigin("x.md", text)._newlines == newlines


def _line_by_line(text: str) -> list[tuple[int, int]]:
    """Block spans read a line at a time (as the splitter once did): a blank line or a fence
    line ends a run; a fence, a ``$$`` block or an HTML comment goes on to its closing line."""
    spans: list[tuple[int, int]] = []
    pos, length = 0, len(text)
    while pos < length:
        line_end = text.find("\n", pos)
        line_end = length if line_end < 0 else line_end
        first = text[pos:line_end]
        if not first.strip():
            pos = line_end + 1
            continue
        fence = blocks._FENCE.match(first)
        closing = None
        if fence:
            marker = fence.group(1)
            closing = re.compile(rf"^ {{0,3}}{re.escape(marker[0])}{{{len(marker)},}}[ \t]*$")
        elif first.lstrip().startswith("$$") and first.strip().count("$$") == 1:
            closing = re.compile(r"^.*\$\$[ \t]*$")
        elif re.match(r" {0,3}<!--", first) and "-->" not in _run_of(text, pos):
            closing = re.compile(r"^.*-->")  # (an HTML comment: to its ``-->``)
        end = line_end
        while end < length:
            next_end = text.find("\n", end + 1)
            next_end = length if next_end < 0 else next_end
            line = text[end + 1 : next_end]
            if closing is None and (not line.strip() or blocks._FENCE.match(line)):
                break
            end = next_end
            if closing is not None and closing.match(line):
                break
        spans.append((pos, end))
        pos = end + 1
    return spans


def _run_of(text: str, pos: int) -> str:
    """The lines from ``pos`` up to the first blank line (or the text's end)."""
    lines = []
    for line in text[pos:].split("\n"):
        if not line.strip():
            break
        lines.append(line)
    return "\n".join(lines)


@FAST
@given(
    st.lists(
        st.sampled_from([*PIECES, *_MARKS, "```", "~~~~", "\n```\n", "\n$$\n", "<!--", "-->"]),
        max_size=40,
    )
)
@example(["<!--", "\n=== PAGE 4 ===\n"])
@example(["<!--", "\n\n", "x", "-->", "\n\n", "y"])
@example(["a\n", "```", "\n\n", "b"])
@example(["$$", "\n\n", "x$$", "\n", "c"])
def test_blocks_with_fences_as_read_line_by_line(pieces: list[str]) -> None:
    text = "".join(pieces)
    assert [(b.start, b.end) for b in blocks._with_fences(text)] == _line_by_line(text)


_SPANS = st.lists(st.tuples(st.integers(0, 60), st.integers(0, 12)), max_size=8)


@FAST
@given(_SPANS, _SPANS, st.lists(st.tuples(st.integers(0, 70), st.integers(0, 6)), max_size=12))
def test_a_break_touches_a_suspect_line_as_a_look_at_each_would_say(
    first: list[tuple[int, int]], more: list[tuple[int, int]], breaks: list[tuple[int, int]]
) -> None:
    """The lines offered as furniture, sorted once with the furthest end reached, answer as a
    look at each line would: before and after more lines are offered."""
    pages = Pages()
    for spans in (first, more):
        pages.suspect.extend((a, a + n) for a, n in spans)
        for start, size in breaks:
            end = start + size
            plain = any(a <= end and start <= b for a, b in pages.suspect)
            assert pages.touches_suspect(start, end) == plain
