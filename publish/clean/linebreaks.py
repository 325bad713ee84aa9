"""Verdicts on the line breaks of one block, for ``unwrap``: join, split, or leave.

A break is joined when

- the line ends in a hyphenated word and the next starts in lower case, or the next starts with
  a mark that continues a sentence (``，。）``): strong;
- the line is full (within a fifth of the block's measure, :mod:`publish.clean.measure`; a
  Chinese paragraph's first line counts its lost two-character indent): strong;
- the line and the next are both short, fit one printed line, and the next goes on (ends in a
  lower-case word, a hyphen or a clause mark): one line an extractor cut in two, strong (not a
  memo's head lines: in capitals, in title case, under a field's label such as ``SUBJECT:``);
- the line is a newspaper's dateline alone (``KANSAS CITY, Mo., Dec. 31.``): strong;
- the line does not end a sentence and the next line continues it (lower case, a clause mark
  before, an open bracket, Chinese prose on both sides): strong; but a short line ending in a
  comma before a capital only likely (OCR reads a full stop as a comma).

A list number alone on its line (``(xii)``) is joined to its item's text on the next line. A
line that ends in a mark and a dash (``namely:—``) leads in to what is set apart below it, and
one that ends in a leader and a page number is a contents entry: their breaks stay.

It is split (a new paragraph) at a continuation marker, before a dateline (``CHICAGO, Dec.
31``), before a line that starts with a list number in brackets after a line that ends an item
or a sentence, or in a dash (``…2017;`` ⏎ ``(xii)``), before a line indented with U+3000 or
spaces the others lack (not in a list, whose items' lines are indented to their content),
before and after a Chinese heading-number line, before an item's number after a sentence's end
(``三、`` after ``。``, ``3.`` alone on its line), before a short line in capitals after a
sentence's end (``CONCLUSIONS``), after a line no print is as wide as (:data:`_NO_PRINTED_LINE`
columns) that ends a sentence (paragraphs an extraction wrote one a line), and after a line
well short of the block's own measure when the next does not go on in lower case and the line
does not stop on a lower-case word (``one`` ⏎ ``William Simpson`` is one sentence) or a colon
(``A WILD-LIFE CREED:`` leads into its text).
Where the evidence disagrees it is only suggested: a sentence's end followed by a line that
starts with a mark (``市。`` ⏎ ``：民国27年``, OCR debris more often than a continuation), and a
full line ending a sentence before a line that starts with a date (a chronicle's next entry).
Each break is judged twice: the second time against the text after it *as it will read*, with
the lines the first round joined to it. A verdict reads the paragraph up to the break and the
first :data:`_READ` characters after it (a line's start is what tells how it goes on), so a
block none of whose breaks would read other text is not judged again (:func:`settled`). What a
line's look says is :mod:`publish.clean.linelooks`'.
"""

from __future__ import annotations

import itertools
import re
from typing import NamedTuple

from publish.cjk import CLAUSE, FULL_STOPS, is_cjk, is_cjk_letter, script_change, width
from publish.clean import evidence as ev
from publish.clean import linelooks, lines_of, rows
from publish.clean.blocks import (
    DISPLAY_CLOSES,
    DISPLAY_OPENS,
    EXTENSION_LINE,
    INTERRUPTS,
    PROPERTY_LINE,
    RULE,
    Block,
)
from publish.clean.joining import goes_on_elsewhere, spaced_run
from publish.clean.markers import BRACKETED, OWN_LINE, could_hold, might_hold, without_markers
from publish.clean.measure import BY_HAND, OWN
from publish.clean.numbering import (
    is_bare_number,
    is_heading_line,
    is_list_number,
    starts_list_item,
)
from publish.clean.punctuation import widened
from publish.clean.shapes import (
    DASH_LEADS,
    DATED,
    DATELINE,
    PAPER_LABEL,
    PROOFED_NOTE,
    SIGNED,
    aligned,
    bulleted,
    chinese_prose,
    closing,
    ends_sentence,
    ends_with_marker,
    field_label,
    grid_row,
    last_mark,
    only_emphasis,
    proofed_note,
    speaker,
    starts_cjk,
    starts_continuing,
    starts_lowercase,
    without_trailing_markup,
)

HEADING = "a heading-number line"
NUMBERED = "a numbered section or clause after a sentence's end"
LISTED = "a list number after an item's end starts an item"
FULL_LINE = "a full line"  # (how the evidence of a join by the measure starts)
SHORT = "a line well short of the measure"  # (how that evidence of a split starts)
CONTINUES = "the next line continues the word or sentence"
_NOTE_STARTS = "a note starts ([Footnote 1: …], as Distributed Proofreaders mark one)"
_NOTE_ENDS = "a note ([Footnote 1: …]) ends"
WIDE = "a line no print is as wide as"  # (how that evidence starts: ``unwrap`` reads it)
INDENTED = "the next line is indented as a new paragraph"
_DEFINITION = re.compile(r"^ {0,3}[:~][ \t]")  # a definition list's definition
_TERMED = re.compile(r"[ \t]*(\*\*|__)[^*_\n]{1,40}\1[ \t]+\S")  # (``**term** its gloss``)
_SETEXT = re.compile(r"^ {0,3}=+[ \t]*$")  # a setext underline (``---`` is a RULE too)
_NEWLINE = re.compile(r"\n[ \t\u3000]*")  # a break and the indent a join drops
_LIST_START = re.compile(r"^ {0,3}(?:[-+*]|1[.)])[ \t]")  # an item that interrupts a paragraph
_MARKUP = frozenset("!<[#>|`~$*_+-=")  # what an image, a tag, a heading or a list starts with
_ITEM_END = frozenset(";:.!?；：。！？")  # what ends a list's item, or the text before the list
#: What a word broken at a hyphen goes on with: a Latin letter or a digit, or a Han character
#: after a Han one (``北京-`` ⏎ ``上海``), not after a number (``....-39-`` ⏎ ``知识模块 31`` is a
#: contents line's page number before the next entry).
_LATIN_START = re.compile(r"[A-Za-z0-9\u00c0-\u024f]")
_ITEM = re.compile(r"^[ \t]*(?:[-+*]|\d{1,9}[.)])(?:[ \t]|$)")
_EMPTY_ITEM = re.compile(r"[ \t]*(?:[-+*]|\d{1,9}[.)])[ \t]*$")
_ITEM_WHY = "a numbered item starts after a sentence's end"
#: A run-in head in capitals, its colon, and its paragraph's first word (a gazette's
#: ``EXAMINATION RESULTS: Each`` ⏎ ``applicant whether passing…``; review 199).
_RUN_IN_CAPS = re.compile(r"[ \t]*[A-Z]{2,}(?:[ \t]+[A-Z&]{2,}){1,4}:[ \t]+[A-Z0-9]")
#: A long number that goes on with words (``1157233400960126 (Don't…``, a year): not an
#: item's (``3.``), nor a footnote's (``1 The 'colonus' in the Digest…`` at a page's foot).
#: A line that is a web address and nothing else (its words would not go on a sentence).
_URL_LINE = re.compile(r"[ \t]*(?:https?://|www\.)\S+[ \t]*$")
_NUMBER_GOES_ON = re.compile(r"\d{4}[\d,]*(?:[ \t]|$)")
#: A word no line of a head in capitals ends on (``THE PUBLICATION OF`` ⏎ ``THE YOSEMITE
#: EDUCATIONAL DEPARTMENT``, ``…COLLECTION DONATED TO`` ⏎ ``YOSEMITE MUSEUM``: a headline of two
#: lines or three, split at each; review 209, two issues of a nature bulletin), where the next
#: line is in capitals too.
_HEAD_GOES_ON = re.compile(r"(?<=[ \t])(?:OF|TO|AND|THE|A|AN|FOR|WITH|FROM|BY|AT|IN|ON|OR)$")
#: A title before a name ends no sentence, though it ends in a full stop.
_TITLE_BEFORE_NAME = re.compile(
    r"(?<![A-Za-z])(?:Dr|Mr|Mrs|Ms|Messrs|Prof|Rev|Hon|Gen|Col|Capt|Lt|Sgt|Gov|Sen|Rep|St|Mt)\.$"
)
#: Columns no printed line reaches (200 Chinese characters): a line so wide is a paragraph
#: that an extraction wrote on one line, one after another.
_NO_PRINTED_LINE = 400


def _goes_on(cur: str, nxt: str) -> bool:
    """``nxt`` plainly carries on what ``cur`` left open: lower case (not after a Chinese
    sentence's end: ``…概率分布。`` ⏎ ``softmax运算…``), a clause mark."""
    mark = last_mark(cur)
    lower = mark not in FULL_STOPS and starts_lowercase(nxt)
    return lower or mark in CLAUSE or starts_continuing(nxt)


def continues(cur: str, nxt: str, so_far: str) -> bool:
    """``nxt`` carries on the sentence ``cur`` left open: plainly, or Chinese prose (the
    paragraph so far has clause marks) that stops on a letter; not a line a dash opens (a
    comment, an attribution: only a line's width can say it goes on)."""
    if nxt.startswith(DASH_LEADS):
        return False
    if _goes_on(so_far, nxt) or _inside(cur, so_far):
        return True
    if ends_sentence(cur) or not is_cjk_letter(cur[-1:]):
        return False
    return (starts_cjk(nxt) or nxt[:1].isalnum()) and chinese_prose(so_far)


_BRACKETED = 300  # characters: a bracket or quotation opened further back is OCR's debris


_PAIRS = ("（）", "()", "《》", "“”", "「」", "【】")
_OPENERS = re.compile("[" + "".join(re.escape(pair[0]) for pair in _PAIRS) + "]")


def _unclosed(text: str) -> bool:
    """A bracket or quotation opened and not closed in the last :data:`_BRACKETED`
    characters: the text goes on. Not where as many closing marks of other kinds stand
    beside it: OCR read one closing mark as another (``（见《郡国志））``, a ``《`` left open
    though the marks add up), and the text's lines are no longer inside anything."""
    text = text[-_BRACKETED:]
    if not _OPENERS.search(text):  # (a quick look: most lines open nothing)
        return False
    counts = [(text.count(pair[0]), text.count(pair[1])) for pair in _PAIRS]
    (wide, wide_closed), (narrow, narrow_closed), *others = counts
    # (brackets of either width: ``punctuation`` evens them)
    open_kind = wide + narrow > wide_closed + narrow_closed or any(a > b for a, b in others)
    return open_kind and sum(a for a, _ in counts) > sum(b for _, b in counts)


def _inside(cur: str, so_far: str) -> bool:
    """``cur`` ends inside a bracket or quotation the paragraph opened (:func:`_unclosed`), not
    on a full stop: a quotation's lines that each stop a sentence are set apart so (a letter
    read out line by line, ``「院子里的桂花开了。`` ⏎ ``母亲说…」``: review 115); a printed
    line that happened to end on one reaches the measure, which says so on its own."""
    return _unclosed(so_far) and last_mark(cur) not in FULL_STOPS


def as_it_reads(line: str) -> str:
    """``line`` past its indent, its first mark as ``punctuation`` will set it (``　:`` after
    Chinese reads ``：``, which carries a sentence on)."""
    body = line.lstrip(" \t\u3000")
    if body[:1] in ";:!?" and not starts_continuing(body):
        body = widened(line).lstrip(" \t\u3000")
    return body


def _labelled(line: str) -> bool:
    """``line`` opens with a label and goes on after its colon (``更多报道详见：【专题】…``);
    not the label alone, which may be a sentence's last words (``件格式版本：``)."""
    return field_label(line) and bool(line.rstrip()[-1:]) and line.rstrip()[-1] not in ":："


#: A time of day opening a line (``9:00 a.m. THE DIRECTOR leaves…``, ``12:00 Noon``, ``2:30 -
#: 5:30 DEPART…``): after a sentence's end or a head in capitals, a schedule's next entry
#: (review 127's typed schedules, four pages; a council's calendar before). Only suggested as
#: a paragraph of its own; its line is not joined to the one before.
_TIME_OF_DAY = re.compile(
    r"\d{1,2}:\d{2}(?:[ \t]*(?:[ap]\.?[ \t]?m\b\.?|noon\b))?"
    r"(?:[ \t]*[-–][ \t]*\d{1,2}:\d{2})?[ \t]+\S",
    re.IGNORECASE,
)
_TIMED = "a time of day starts the next line, after a sentence's end: a schedule's entry"


def _lettered_run(cur: str, body: str) -> bool:
    """``body`` opens with a lettered item (``a)``, ``(b)``) that starts a run after a colon
    or follows the item before it on ``cur`` (``a)`` then ``b)``): each a line of its own."""
    found = _LETTERED.match(body)
    if found is None:
        return False
    letter = found.group(1).lower()
    if letter == "a":
        return cur.rstrip()[-1:] in ":："
    before = _LETTERED.match(cur.lstrip())
    return before is not None and ord(before.group(1).lower()) + 1 == ord(letter)


_LETTERED = re.compile(r"[ \t]*\(?([a-hA-H])\)[ \t]+\S")


#: A name's initial ending the line, its full stop no sentence's end (review 223).
_INITIAL_END = re.compile(r"(?:^|[\s(])[A-Z]\.$")


def _heading_at_end(cur: str) -> bool:
    """``cur`` ends, after a sentence's end, on a Chinese heading number and its title: a
    heading OCR set on after the paragraph above it (review 228's gazetteer, two pages)."""
    end = max(cur.rfind(mark) for mark in "。！？")
    tail = cur[end + 1 :].strip(" \t\u3000") if end >= 0 else ""
    return bool(tail) and is_heading_line(tail)


#: A part's or a step's title: its ordinal, a label's colon, a few words and no clause.
_STEP_TITLE = re.compile(
    r"[ \t\u3000]*第[一二三四五六七八九十百\d]{1,4}(?:步|部分|篇|讲|課|课)[：:][^，。；、,;]{1,30}$"
)


def _titled_step(cur: str) -> bool:
    """``cur`` is a part's or a step's title (:data:`_STEP_TITLE`): no sentence goes on."""
    return cur.lstrip(" \t\u3000")[:1] == "第" and _STEP_TITLE.match(cur) is not None


def _decide(
    cur: str,
    nxt: str,
    measure: int | None,
    how: str,
    so_far: str,
    printed: str = "",
    listed: bool = False,
    first_continues: bool = False,
    chinese: int | None = None,
    items: bool = False,
) -> tuple[str, float, str]:
    """("join" | "split" | "", confidence, why) for the break between ``cur`` and ``nxt``;
    ``so_far`` is the paragraph up to the break, ``printed`` the next line as it stands;
    ``listed``: the break is in a list, whose item's lines are indented to its content;
    ``items``: in a list of two items or more (a real one, not a clause's ``1. 诊断`` alone);
    ``first_continues``: ``cur`` is the first line of a block that goes on from a page before
    (it lost no indent, :func:`~publish.clean.linelooks.lost_indent`); ``chinese``: the
    width the lines of Chinese alone reach (:func:`~publish.clean.measure.chinese_measure`)."""
    if linelooks.set_apart_after(cur) or linelooks.credited(cur) or _EMPTY_ITEM.match(cur):
        return "", 0.0, ""  # (an empty item, ``- ``: what follows is no text of its)
    if _heading_at_end(cur):
        return "", 0.0, ""  # (``…隶淮扬道。第二节 民国时期`` ⏎ ``民国元年…``: OCR ran the
        # heading on after the paragraph; joined, its title would read into the text under it)
    if _URL_LINE.match(nxt) and is_cjk(cur.rstrip()[-1:]):
        return "", 0.0, ""  # (an address alone on its line after Chinese is a record's: a
        # reading list's title ⏎ its link, ``…的回答 - 知乎`` ⏎ ``https://www.zhihu.com/…``,
        # which joined would be no link; review 122)
    if nxt.startswith("[Footnote ") and PROOFED_NOTE.match(nxt):
        return "split", ev.STRONG, _NOTE_STARTS
    if so_far.startswith("[Footnote ") and proofed_note(so_far):
        return "split", ev.STRONG, _NOTE_ENDS
    body = as_it_reads(nxt)
    body = without_markers(body) or body  # (as it will read once ``jumps`` takes a marker at
    # its end off: ``2.(上接第一版)`` is an item's number, ``1(上接第一版)`` one alone)
    hyphen = cur.endswith(("-", "\u2010", "—", "–", "\u00ad")) and (
        _LATIN_START.match(body) is not None or (is_cjk_letter(cur[-2:-1]) and starts_cjk(body))
    )
    hyphen = hyphen and not goes_on_elsewhere(cur, body)  # (``estab-`` ⏎ ``CLASS OF 1964``)
    if hyphen or starts_continuing(body):
        if starts_continuing(body) and ends_sentence(so_far or cur):
            return "join", ev.LIKELY, "a sentence ends, and the next line starts with a mark"
        return "join", ev.STRONG, CONTINUES
    if DATELINE.match(body):
        return "split", ev.STRONG, "a dateline starts a story (CHICAGO, Dec. 31)"
    if PAPER_LABEL.match(body):
        return "split", ev.STRONG, "a paper's abstract or keywords label starts the next line"
    dateline = DATELINE.match(cur)
    if dateline and not cur[dateline.end() :].strip(" \t.—-"):
        return "join", ev.STRONG, "a dateline alone on its line, its story on the next"
    if _TIME_OF_DAY.match(body) and (ends_sentence(cur) or cur.isupper()):
        return "split", ev.LIKELY, _TIMED
    if _TERMED.match(cur) and _TERMED.match(body):
        return "", 0.0, ""  # (a glossary's entries, one a line, each opening on its term in
        # bold: ``**친구** 朋友、友人`` ⏎ ``**기억하다** 记得…``, review 151; a calendar's dates)
    if _lettered_run(cur, body):
        return "", 0.0, ""  # (``pitched:`` ⏎ ``a) On the only slope…`` ⏎ ``b) Next to…``: a
        # list typed a lettered item a line, under its numbered one; review 131's bulletin)
    if linelooks.indented(cur, nxt) and ends_sentence(cur) and how != BY_HAND and not listed:
        return "split", ev.STRONG, INDENTED
    if is_bare_number(so_far):
        return "join", ev.STRONG, "a heading number alone, its text on the next line"
    if _titled(so_far, measure):
        return "split", ev.STRONG, HEADING
    if ends_sentence(cur) and lines_of.numbered(body) and not _within(so_far, body, items):
        return "split", ev.STRONG, NUMBERED
    if lines_of.next_item(cur, body) and not _within(so_far, body, items):
        return "split", ev.STRONG, NUMBERED
    if closing(body) and ends_sentence(cur):
        return "split", ev.STRONG, "a letter's closing after the letter's last sentence"
    if closing(cur):
        return "", 0.0, ""  # (the signature's lines under it: its own)
    if speaker(body) and not cur.rstrip()[-1:].islower():
        return "split", ev.STRONG, "a speaker's name starts the next line: a turn (a transcript)"
    if ends_sentence(cur) and _RUN_IN_CAPS.match(body):
        return "split", ev.STRONG, "a run-in head in capitals starts the next line"
    if spaced_run(cur, body):
        return "join", ev.STRONG, "characters spaced out by OCR go on across the line"
    if (_goes_on(so_far, body) or _inside(cur, so_far)) and not body.startswith(DASH_LEADS):
        read = _as_read(cur) if cur.endswith(",") and not cur.isascii() else cur  # (a comma
        # after a marker's bracket, ``代(上接第一版),``: Chinese's, widened with it)
        if linelooks.comma_for_stop(read, body, measure, how):
            return "join", ev.LIKELY, "a short line ends in a comma, and the next in a capital"
        return "join", ev.STRONG, "the line does not end a sentence and the next carries it on"
    if (
        2 * len(cur) >= _NO_PRINTED_LINE
        and width(cur) >= _NO_PRINTED_LINE
        and ends_sentence(cur)
        and not _INITIAL_END.search(cur)  # (``…honor Francis M.`` ⏎ ``("Tacky") Donahue``)
    ):
        why = f"{WIDE} ({_NO_PRINTED_LINE}+ columns) ends: a paragraph"
        return "split", ev.STRONG, why
    if not measure:
        if linelooks.item_starts(cur, body):
            return "split", ev.STRONG, _ITEM_WHY
        indented = linelooks.indented(cur, nxt) and nxt.startswith("\u3000")
        if continues(cur, body, so_far) and not _labelled(body) and not indented:
            # (nor into a paragraph's indent in ideographic spaces, after a title ending on no
            # mark: ``原标题：…享年84岁`` ⏎ ``　　据香港媒体报道…``; review 215)
            # (with no measure, a line opening with a label starts a record's: a cover's
            # ``特别报道: 逐鹿黄金…`` ⏎ ``2025年诺奖: 探寻…``, ``…正途。财`` ⏎ ``更多报道详见：…``)
            return "join", ev.STRONG, "Chinese prose that stops mid-sentence, the next line goes on"
        return "", 0.0, ""
    indent = linelooks.lost_indent(cur, so_far, first_continues)
    if chinese is not None and not listed and linelooks.short_chinese_end(cur, indent, chinese):
        why = f"a Chinese sentence ends over two characters short of the Chinese lines ({chinese})"
        return "split", ev.STRONG, why
    full = width(cur) + indent >= measure - max(4, measure // 5)
    if full and only_emphasis(cur.strip()) and body[:1] not in ("*", "_"):
        return "", 0.0, ""  # (a line all in bold over one in none: a song's line over its
        # translation, ``**어쩌면 나도…**`` ⏎ ``或许我也…``, a title over its text; review 151)
    if full and not linelooks.title_over_text(cur, body):
        if ends_sentence(cur) and DATED.match(body):
            return "split", ev.LIKELY, "a sentence ends, and the next line starts with a date"
        if linelooks.item_starts(cur, body):  # (a short line before one is split as short)
            return "split", ev.STRONG, _ITEM_WHY
        ended = ends_sentence(cur) or SIGNED.search(cur) is not None
        if ended and linelooks.titled(printed, measure, True) and not cur.isupper():
            why = "a short line in capitals or title case after a sentence's end: a head"
            return "split", ev.STRONG, why
        return "join", ev.STRONG, f"{FULL_LINE} of the measure ({measure} columns, {how})"
    if how == OWN and width(cur) < 0.75 * measure and not starts_lowercase(body):
        if linelooks.drawn(cur) >= 0.75 * measure and not (ends_sentence(cur) or cur.isupper()):
            return "", 0.0, ""  # (short in characters, the names in capitals in its sentence
            # fill it in print; a line all in capitals is a head's)
        if cur.rstrip()[-1:].islower() or cur.rstrip()[-1:] in ":：":
            return "", 0.0, ""  # a sentence going on ("one" ⏎ "William Simpson"), or a lead-in
        if _NUMBER_GOES_ON.match(body) and not ends_sentence(cur):
            return "", 0.0, ""  # (``…; Facebook ID`` ⏎ ``1157233400960126 (Don't Shoot)``)
        if _TITLE_BEFORE_NAME.search(cur):
            return "", 0.0, ""  # (``an announcement by Dr.`` ⏎ ``Arnaud C. Marts``)
        if body.isupper() and _HEAD_GOES_ON.search(cur.rstrip()):
            return "", 0.0, ""  # (a head's lines; but ``MEMORANDUM FOR`` ⏎ ``Mr. Robert…``)
        if _capitals_go_on(cur, body):
            return "", 0.0, ""  # (a passage set in capitals, a newspaper's quotation: no
            # capital tells a paragraph's start there, ``…SELF-MASTERY, RE`` ⏎ ``GARD FOR…``;
            # review 234)
        if linelooks.cut_line(cur, printed, measure):
            why = f"two short lines that fit one printed line ({measure} columns): a cut line"
            return "join", ev.STRONG, why
        return "split", ev.STRONG, f"{SHORT} ({measure} columns, {how})"
    return "", 0.0, ""


_DIGIT = re.compile(r"\d")


def _capitals_go_on(cur: str, body: str) -> bool:
    """Two lines of a passage set in capitals, the first going on (five words or more, or a
    clause's comma; no sentence's end), the next of three words or more: not a head's lines,
    four words at most (``FIRST READING EMERGENCY`` ⏎ ``ORDINANCES READ IN FULL``), nor a
    memo's, a word or two (``WASHINGTON`` ⏎ ``MEMORANDUM FOR``)."""
    return (
        cur.isupper()
        and body.isupper()
        and not ends_sentence(cur)
        and (len(cur.split()) >= 5 or ("," in cur and len(cur.split()) >= 3))
        and len(body.split()) >= 3
        and not _DIGIT.search(cur + body)  # (a contents' entries, ``CHAPTER 3. JUDGMENT…``)
    )


def _marked(cur: str, nxt: str) -> bool:
    """A jump line, or a continuation marker at the edge of the break: the text on the other
    side may come from another page (the ``jumps`` pass decides)."""
    if not (might_hold(cur) or might_hold(nxt)) or not (could_hold(cur) or could_hold(nxt)):
        return False
    return bool(
        OWN_LINE.match(cur)
        or OWN_LINE.match(nxt)
        or ends_with_marker(cur)
        or BRACKETED.match(nxt.lstrip())
    )


class Break(NamedTuple):
    newline: int
    end: int  # after the next line's indent
    verdict: str
    confidence: float
    why: str


Verdict = tuple[str, float, str]  # ("join" | "split" | "keep" | "", confidence, why)


class Seen:
    """What the verdicts on one block's breaks read, kept for its next round (only what
    they read decides them): each break's own verdict from its two lines (None: it is judged
    on the text), and each judgement, by (break, paragraph start, the text after it). A
    judgement that read the next line's marks as :func:`~publish.clean.punctuation.widened`
    (it starts with ``;:!?``) is made again: widening looks up protected spans, and their
    cache is shared with the passes, so it is made as often as before."""

    def __init__(self) -> None:
        self.own: dict[int, Verdict | None] = {}
        self.judged: dict[tuple[int, int, str], Verdict] = {}


#: A line a break before is kept at (it interrupts a paragraph, a rule, a setext underline,
#: a definition, an extension's block syntax), and one a break after is kept at (a rule, an
#: underline, an extension's opener or fence: ``=== "Tab"`` over its indented content).
_KEPT_BEFORE = re.compile(
    "|".join(
        p.pattern
        for p in (
            INTERRUPTS,
            RULE,
            _SETEXT,
            _DEFINITION,
            EXTENSION_LINE,
            DISPLAY_OPENS,
            PROPERTY_LINE,
        )
    )
)
_KEPT_AFTER = re.compile(
    "|".join(p.pattern for p in (RULE, _SETEXT, EXTENSION_LINE, DISPLAY_CLOSES, PROPERTY_LINE))
)


def _as_read(line: str) -> str:
    """``line`` as it will read: the markers at its edges off, its marks as ``punctuation``
    sets them."""
    return widened(without_markers(line) or line)


def _own(kind: str, cur: str, nxt: str) -> Verdict | None:
    """The verdict the two lines of a break give alone: kept (a hard break, a block that
    interrupts, a rule or setext underline on either side, a line of code), split (a
    continuation marker), or None."""
    if (
        linelooks.hard_break(cur)
        or linelooks.code(cur)
        or linelooks.code(nxt)
        or _KEPT_BEFORE.match(nxt)
        or _KEPT_AFTER.match(cur)
        or (kind == "list" and _ITEM.match(nxt))
    ):
        return "keep", 0.0, ""
    grid = not (cur.isascii() or nxt.isascii()) and grid_row(cur) and grid_row(nxt)
    columns = (aligned(cur) and aligned(_as_read(cur))) or (aligned(nxt) and aligned(_as_read(nxt)))
    records = rows.records(cur, nxt) and rows.records(*map(_as_read, (cur, nxt)))  # (as they
    # will read: ``代((上接第一版)…`` is no row once its bracket is wide, nor a line once the
    # marker opening it goes; nor ``代,     代`` columns once its comma is wide, the spaces
    # after it gone)
    if grid or columns or records:  # (a jump line set off at a line's end by
        # spaces sets no columns: the jumps pass takes it off, spaces and all)
        return "keep", 0.0, ""  # (rows of a diagram or a table set with spaces, tabs)
    alike = _IDEOGRAPHIC_INDENT.match(cur) and _indent(cur) == _indent(nxt)
    if alike and not starts_continuing(nxt.lstrip(" \t\u3000")):  # (but ``　　」徐援称…``)
        return "keep", 0.0, ""  # (lines indented alike in ideographic spaces: verse quoted,
        # ``　　　　粤有盘古，生于太荒，`` ⏎ ``　　　　首出御世，肇开混茫。``, a constitution's
        # offices a line each, ``　　总理，`` ⏎ ``　　副总理若干人，``; review 219: joined, the
        # indent dropped: a print's wrapped line carries no paragraph's indent)
    if _marked(cur, nxt):
        return "split", ev.STRONG, "a continuation marker ends the line or starts the next"
    return None


_IDEOGRAPHIC_INDENT = re.compile("\u3000{2,}\\S")


def _indent(line: str) -> str:
    return line[: len(line) - len(line.lstrip(" \t\u3000"))]


def _titled(line: str, measure: int | None) -> bool:
    """``line`` is a title: a heading-number line
    (:func:`~publish.clean.numbering.is_heading_line`), but one filling the measure with a
    clause in it is an article's first line going on (``第十条对于使用补助资金实施的项目，在资金
    到位前区财`` ⏎ ``政先行垫付…``), or a numbered section's title
    (:func:`~publish.clean.lines_of.section_title`) that does not fill the line (a clause's
    first line in a narrow column does: ``6.4.5 超高缓和段应在缓和曲线全长范`` ⏎ ``围内进行``);
    neither with a quotation left open (``第三条…遵循“权责统一、突出重点、注重``)."""
    if _unclosed(line):
        return False
    if is_heading_line(line):
        if _ARTICLE_GOING_ON.match(line):
            return False
        full = bool(measure) and width(line) >= 0.75 * (measure or 0)
        return not (full and ("，" in line or "," in line))
    return lines_of.section_title(line) and not (measure and width(line) >= measure - 4)


#: A law's article, its number, its title in brackets if any, and its text going on: its first
#: line, never a title whatever its width (``第二条 【积极适用范围】平等主体的公民、法人和其他
#: 组织之`` ⏎ ``间发生的…``, eight in review 224's law; ``第十条对于使用补助资金…区财`` before).
_ARTICLE_GOING_ON = re.compile(
    r"[ \t\u3000]*第[一二三四五六七八九十百千零〇\d]+条[ \t\u3000]*(?:【[^】\n]*】)?[ \t\u3000]*"
    r"[^\s【]{8}"
)


def _within(so_far: str, body: str, items: bool) -> bool:
    """A numbered line that goes on inside what stands before it: a bracket left open (an
    affiliation note, ``(1.…;`` ⏎ ``2.…)``), or a list item's own steps, in a list of items
    (``14. …？`` ⏎ ``1、交换两行…``: a blank line there would end the list)."""
    return _unclosed(so_far) or (items and _STEP.match(body) is not None)


_STEP = re.compile(r"[ \t]*(?:\d{1,2}、|[（(]\d{1,2}[）)])")


def _led(lines: list[str], n: int) -> Verdict | None:
    """Kept: the break after a lead-in, before records
    (:func:`~publish.clean.rows.opens_records`)."""
    return ("keep", 0.0, "") if rows.opens_records(lines, n) else None


def _numbered(lines: list[str], n: int) -> Verdict | None:
    """The verdict a list number in brackets gives the break after line ``n``: split before
    it (alone, or before its item's text) after an item's end or a dash, joined to its item's
    text after it when alone (words, not an image or markup); None if there is no such
    number, or it stands in a column of numbers (a table's)."""
    cur, nxt = lines[n], lines[n + 1]
    heads = cur.lstrip()[:6] + nxt.lstrip()[:6]
    if "(" not in heads and ")" not in heads and "（" not in heads and "）" not in heads:
        return None  # (a quick look: most breaks have no bracket at either line's start)
    ends = cur.rstrip(" \t")[-1:] in "-–—" or cur.rstrip(" \t-–—\"'”’")[-1:] in _ITEM_END
    run_in = cur.rstrip(" \t")[-1:] in ";；" and _run_in(lines, n)
    if nxt.lstrip()[:1] not in "(（" and starts_list_item(nxt):
        if cur.rstrip(" \t")[-1:] in ";；.。":  # (a lettered item's own line, ``…at present);``
            return "keep", 0.0, ""  # ⏎ ``g) performing…``, as typed: review 240's standard)
        return None
    if starts_list_item(nxt) and ends and not (_runs_on(nxt) or run_in):  # (``namely:-`` too)
        if n + 2 == len(lines) or not is_list_number(lines[n + 2]):
            return "split", ev.STRONG, LISTED
    elif is_list_number(cur) and nxt.strip() and nxt.lstrip()[:1] not in _MARKUP:
        column = is_list_number(nxt) or (n > 0 and is_list_number(lines[n - 1]))
        if not column:
            return "join", ev.STRONG, "a list number alone, its item on the next line"
    return None


#: A number in brackets opening a clause inside a line, after a colon, semicolon or comma:
#: an enumeration the sentence runs through (a citation, ``under clause (j) of``, is none),
#: where an item ends in a semicolon (``…for his view: (a) the dues…;`` ⏎ ``(b) the loan…``,
#: a line's wrap falling before one of its numbers; review 161), whose items no paragraph
#: break sets apart. An Act's ``1. (1) This Act…`` ⏎ ``Act, 2012.`` ⏎ ``(2) It extends…``,
#: its clauses sentences, are items; so are its definitions, ``2. Definition… requires;`` ⏎
#: ``(a) 'Act' means…``, under a section whose margin note ran into a clause above it.
_RUN_IN = re.compile(r"[:;,：；，][ \t]*[(（](?:\d{1,2}|[a-z])[)）][ \t]")
_SECTION_START = re.compile(r"[ \t]*\d{1,3}\.[ \t]")


def _run_in(lines: list[str], n: int) -> bool:
    """Lines ``n`` and before, back to the last that opens on a section's number (``2.
    Definition…``: an enumeration above it is another's), hold a number opening a clause
    inside a line (:data:`_RUN_IN`)."""
    start = n
    while start > 0 and not _SECTION_START.match(lines[start]):
        start -= 1
    return any(_RUN_IN.search(line) for line in lines[start : n + 1])


_FIRST_NUMBER = re.compile(r"^[ \t]*[(（](\d{1,2}|[a-z])[)）]")


def _runs_on(line: str) -> bool:
    """The line names the next number too (``(1) assert copyright…, and (2) offer you…``): an
    enumeration in a sentence, not a list's item."""
    first = _FIRST_NUMBER.match(line)
    if first is None:
        return False
    number = first.group(1)
    following = str(int(number) + 1) if number.isdigit() else chr(ord(number) + 1)
    return f"({following})" in line or f"（{following}）" in line


def verdicts(
    block: Block,
    lines: list[str],
    measure: int | None,
    how: str,
    before: list[Break] | None,
    seen: Seen | None = None,
    continued: bool = False,
    chinese: int | None = None,
    turns: frozenset[str] = frozenset(),
    notes: frozenset[str] = frozenset(),
) -> list[Break]:
    """A verdict for every break of ``block``; with the verdicts of a first round
    (``before``), the line after a break is read with the lines it will be joined to.
    ``seen`` keeps what an earlier round read, so a break read alike is not judged again;
    ``continued``: the block stands right after a page break (its first line may go on);
    ``chinese``: the width its lines of Chinese alone reach, if known; ``turns``: the
    document's speakers (:func:`~publish.clean.lines_of.turn_labels`); ``notes``: its notes'
    first lines (:func:`~publish.clean.lines_of.note_lines`)."""
    seen = seen or Seen()
    hanging = linelooks.hanging(lines)  # (like a list's item: its lines indent alike)
    items = block.kind == "list" and sum(1 for line in lines if _ITEM.match(line)) >= 2
    found: list[Break] = []
    pos = paragraph = block.start
    kind = block.kind  # "list" from a line that starts a list on: its items stay items
    joined = (-1, -1, "")  # (where, up to where, the paragraph read so far)
    for n, (cur, nxt) in enumerate(itertools.pairwise(lines)):
        newline = pos + len(cur)
        pos = newline + 1
        end = pos + len(nxt) - len(nxt.lstrip(" \t\u3000"))
        own = (
            seen.own[n]
            if n in seen.own
            else seen.own.setdefault(
                n,
                _own(kind, cur, nxt)
                or _numbered(lines, n)
                or _led(lines, n)
                or lines_of.turn(turns, cur, nxt)
                or lines_of.note(notes, cur, nxt),
            )
        )
        if own is not None:
            found.append(Break(newline, end, *own))
            if _LIST_START.match(nxt):
                kind = "list"
        else:
            begin = max(paragraph, newline - _BEFORE)  # (a long paragraph: its end will do)
            after = (
                nxt[: len(nxt) - len(nxt.lstrip(" \t\u3000"))] + reading_after(block, before, n)
                if before
                else nxt
            )
            after = _window(after)
            judged = seen.judged.get((n, begin, after))
            if judged is None:
                # the paragraph as it will read, joined: the lines since the last break read
                # on to the text read at it (no break is inside a line, nor a join across one)
                if begin != joined[0]:
                    joined = (begin, begin, "")
                more = block.text[joined[1] - block.start : newline - block.start]
                joined = (begin, newline, joined[2] + _NEWLINE.sub("", more))
                printed = nxt.strip(" \t\u3000")
                so_far, listed = without_markers(joined[2]), kind == "list" or hanging
                first = continued and n == 0
                judged = _decide(
                    cur, after, measure, how, so_far, printed, listed, first, chinese, items
                )
                if judged[0] == "join" and _kept_apart(cur, printed, so_far):
                    judged = ("", 0.0, "")
                if after.lstrip(" \t\u3000")[:1] not in ";:!?":  # (see :class:`Seen`)
                    seen.judged[n, begin, after] = judged
            found.append(Break(newline, end, *judged))
        if found[-1].verdict != "join":
            paragraph = pos
    return found


def _kept_apart(cur: str, printed: str, so_far: str) -> bool:
    """The next line is joined to ``cur`` by no verdict: an item a bullet glyph opens,
    whatever the line before left open (pdftotext's ``• $25 if…`` after ``• $40 if…, or an
    honorary member,``; review 152), a line in Korean under one in Chinese or the other
    way round (a lyric and its translation, ``…也想起了你`` ⏎ ``옛 노래가 생각나요``: review
    153), a line after a part's or a step's title (``第一步：注册腾讯企业邮箱`` ⏎ ``浏览器访
    问…``), or one a heading's number opens (``第三部分：… 你需要知道的事`` ⏎ ``一、 考勤与打
    卡``: two converted handbooks, review 232)."""
    if _titled_step(cur) or (is_heading_line(printed) and not _unclosed(so_far)):
        return True
    return bulleted(printed) or script_change(without_trailing_markup(cur), printed.lstrip("*_"))


def settled(lines: list[str], found: list[Break]) -> bool:
    """Judged again with ``found``, no break would read other text after it (each next line
    is as long as a verdict reads, or ends at a break not joined): the verdicts stand."""
    return not any(
        found[n + 1].verdict == "join" and len(lines[n + 1].lstrip(" \t\u3000")) < _READ
        for n in range(len(found) - 1)
    )


_ENOUGH = 240  # characters of the text after a break that any verdict reads
_READ = 32  # characters of the next line, after its indent, that a verdict reads


def _window(line: str) -> str:
    """The first :data:`_READ` characters of ``line`` after its indent, read as they will
    be once the markers at its edges go (a window cutting one would read it as text:
    ``1(上接第一版)*continued from page one*`` is a number alone, once ``jumps`` has run)."""
    text = line.lstrip(" \t\u3000")
    indent = line[: len(line) - len(text)]
    if len(text) > _READ and might_hold(text):
        text = without_markers(text) or text
    return indent + text[:_READ]


_BEFORE = 4000  # characters of the paragraph before a break that any verdict reads


def reading_after(block: Block, found: list[Break], n: int) -> str:
    """The lines after break ``n``, up to the next break not joined, as they will read (at
    most about :data:`_ENOUGH` characters: the verdicts read only how the text goes on)."""
    start, stop = found[n].end, block.end
    for later in found[n + 1 :]:
        if later.verdict != "join" or later.newline - start > _ENOUGH:
            stop = later.newline
            break
    return block.text[start - block.start : stop - block.start].replace("\n", "")
