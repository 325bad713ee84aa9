"""Running heads, running feet and bare folios: short lines that recur page after page.

A line is a candidate when it is short (at most :data:`_WIDEST` columns: a journal's foot
names it, its issue and page, ``PLOS ONE | www.plosone.org 3 January 2014 | Volume 9 |
Issue 1 | e83897``; a released record is stamped ``UNCLASSIFIED U.S. Department of State
Case No. F-2017-13804 Doc No. C06685938 Date: 05/04/2021``), has a letter, no link or image,
does not start in lower case unless it is a site's address (``https://abcaus.in``), is not a
sentence, a question to the reader, a speaker's name (ending in ``:``) or wholly in brackets
(``（掌声）``), and stands in a paragraph, heading or quote block. Lines are compared with
Markdown marks and punctuation dropped, case folded and every number read as ``#``. A group
recurs when its lines stand at least
:data:`~publish.clean.recurrence.MIN_GAP` columns apart (a page holds more; counted
in columns of text, not lines, so that unwrapping the text between them changes nothing).
Evidence, strongest first:

- one number in it rises from one to the next, all else alike, by four at most on average
  (a page number; a note's citing one work twice rises faster), and it is no note among the
  text's notes numbered in turn: strong, but
  only likely when one of them is a heading that names no page or issue (``## Lesson 3`` …
  ``## Lesson 4``, or ``4结论`` … ``# 5结论``, are sections; ``# 舰船电子工程 2023 年第1 期
  191`` names its issue);
- it stands on the line after a page marker every time it recurs: strong, however short the
  pages between (a page holding only a figure), but only likely when it heads two pages of
  six or more (an article's own heading over its continuation); likewise on the line before
  one, or at the end of the text (a running foot, twice or more before a marker);
- it stands next to a page marker, a folio or another running line, or between the two halves
  of a sentence: strong;
- it recurs three times or more: likely (a suggestion at the default threshold);
- twice alike: weak.

Where the text shows its pages (page markers, folios), lines half of which stand on the page
of the one before are none: a running head stands once a page.

A numbered label (``Table 3``), a caption's label word alone (``Figure``), a figure's source
line (``资料来源：Wind``) or a note's reference (``参考资料：《线性代数》56 页``) is none.

In a text that shows no page, fields their author labelled in bold or italics (``**Week**: 3``
under each section of a lecture log) are a record's, never furniture.

Lines that differ in a year (``民国29年（1940年）`` … ``民国30年（1941年）``) are a chronicle's
headings, never furniture.

A number alone on a line is a folio when such numbers rise from one to the next (likely), and
strong next to other furniture, as is a number among marks that OCR made of one (``= 26``,
``-46``, ``a6``, six characters at most, a letter at most); never where its block holds three
or more such (a table flattened one cell a line: ``8`` ⏎ ``港市必须现金替代`` ⏎ ``2`` ⏎ ``103``
above a page's foot). Where lines stand and what their numbers do is
:mod:`publish.clean.recurrence`'.
"""

from __future__ import annotations

import bisect
import itertools
from collections import Counter
from typing import NamedTuple

import regex

from publish.cjk import CLAUSE, CLOSING_QUOTES, OPENING_QUOTES, has_cjk_letter, width
from publish.clean import evidence as ev
from publish.clean import lines_of, recurrence
from publish.clean.blocks import ATX, DISPLAY_OPENS, EXTENSION_LINE, RULE, Block, kind_of
from publish.clean.markers import OWN_LINE, could_hold, normalise_page
from publish.clean.numbering import rank, starts_list_item
from publish.clean.pagelines import PAGE_MARKER
from publish.clean.recurrence import LETTER, NUMBER, Line
from publish.clean.shapes import (
    URL_END,
    URL_START,
    chinese_prose,
    ends_sentence,
    field_label,
    image_line,
    in_brackets,
    only_bold,
    only_emphasis,
    size,
    starts_lowercase,
)

_WIDEST = 100  # columns a running line may take (a journal's foot, a release stamp)
#: A site's address alone is a foot up to this wide; a longer one names a page (a debate's
#: source, ``https://api.parliament.uk/historic-hansard/commons/1817/jun/16/…``).
_WIDEST_ADDRESS = 70
_OPEN_KINDS = ("paragraph", "heading", "quote")
_DECOR = regex.compile(r"^[ \t]*(?:#{1,6}[ \t]+|>[ \t]*)?[*_]*[ \t]*|[ \t]*[*_]*[ \t]*$")
_BARE = regex.compile(r"^\d{1,4}$")
#: A page's label with its number in words (``Page One`` over a paper's first page, ``Page 2``
#: over the next: review 94), read as the number (the markers' number words).
_SPELT_PAGE = regex.compile(r"^(page[ \t]+)([A-Za-z]{3,9})$", regex.I)
#: A manuscript's page number in a transcription, ``[136]``: a page only where such numbers
#: rise one by one, far apart (else a note's or an entry's label).
_BRACKETED_NUMBER = regex.compile(r"^\[\d{1,4}\]$")
#: Numbers alone on their lines in one block, at least: a flattened table's cells, no folios.
_CELLS = 3
#: A bulleted item's line (``- `code``` too).
_BULLET = regex.compile(r"^[ \t]*[-+*•][ \t]+[^\s*+•-]")
_ADDRESS = regex.compile(r"^(?:https?://|www\.)\S+$")  # a site's address: a foot, not a sentence
#: Numbered labels recur with changing numbers too: Table 1, Table 2; a series' letter may
#: come first, set close or with a point (a supplement's ``Fig. S1``, an appendix's ``Table
#: A.2``, a textbook's questions' figures, ``Fig. Q. 15.4``, one under each question: review
#: 73; not a book's running head ``PART II 45``, its part and its page, review 75).
_LABEL = regex.compile(
    r"^(?:table|tab\.|figure|fig\.|chart|exhibit|step|section|chapter|part|question|q|item|no\."
    r"|appendix|annex|图|表|附[图表件录]|第[\d一二三四五六七八九十百]+[章节条部篇回])"
    r"\s*(?:[a-z]{1,2}(?:\.\s*|-)?)?\d",
    regex.IGNORECASE,
)
#: A figure's or table's source line, under each one: ``资料来源：Wind``, ``Source: BLS``; a
#: note's reference after each answer (``参考资料：《线性代数》56 页``, its page rising); or
#: the label word alone that starts a caption cut at its line's end (``Figure`` ⏎ ``wheel.``);
#: a table's unit over each table (``单位：元``, ``单位:元 币种:人民币``: review 224, two reports).
_SOURCE = regex.compile(
    r"^(?:(?:资料|数据)?来源|参考(?:资料|文献)|出处|单位[ \t]*[:：]"
    r"|sources?[ \t]*:|references?[ \t]*:"
    r"|(?:table|figure|fig\.?|chart|图|表)$)",
    regex.IGNORECASE,
)
_SENTENCE_END = tuple("。！？；.!?;:：,，")
_QUOTES_CLOSED = "\"'」』" + CLOSING_QUOTES
#: A page, volume or issue named in a running head: ``Page 3``, ``No. 4``, ``2023 年第1 期``
#: (not ``NO SECTION``).
_PAGE_WORD = regex.compile(
    r"(?i:\b(?:page|pp?|vol|volume|issue)\b|\bno(?:\.|(?=[ \t]*\d)))|[期页版卷]"
)
_DIGIT = regex.compile(r"\d")
_URL = regex.compile(r"(?:https?|ftp)://\S+")


def _numbered_by_url(line: str) -> bool:
    """Every number of ``line`` is inside a URL in it."""
    return "://" in line and _DIGIT.search(_URL.sub("", line)) is None


_MATH_ONLY = regex.compile(r"^\$[^$]+\$$")
_MARKS = regex.compile(r"[^\w#]+")  # (OCR reads ``Vol. 9, No. 41.`` and ``Vol. 9. No. 41.``)


def _decorated(line: str) -> bool:
    """Markdown marks or spaces may stand at an edge of ``line`` (what :data:`_DECOR` drops:
    else it drops nothing)."""
    return line[:1] in (" ", "\t", "#", ">", "*", "_", "") or line.endswith((" ", "\t", "*", "_"))


#: A few capitalised words and a full stop: a title as a book's running head sets it.
_TITLE_STOPPED = regex.compile(r"^[A-Z][a-z]+(?:[ \t][A-Z][a-z]+){0,3}\.$")


def _not_furniture(core: str) -> bool:
    """A sentence, or wholly in brackets (``（掌声）``). A full stop ends a periodical's
    masthead and dateline in capitals (``AMERICAN SENTINEL.``, ``OCTOBER 18, 1894.``), its
    volume line (``Vol. 9, No. 41.``) and a book's title over its pages (``Introduction.``,
    ``Literature Review.``) too: no sentence."""
    if core.endswith(".") and (core.isupper() or (_PAGE_WORD.match(core) and _DIGIT.search(core))):
        return False
    if core.endswith(".") and _TITLE_STOPPED.match(core):
        return False  # (a chapter's running head, ``Introduction.``, on each page: review 116)
    if core.rstrip(_QUOTES_CLOSED).endswith(_SENTENCE_END):  # (``…a call."``: dialogue)
        return True
    if _CLAUSE_INSIDE.search(core):
        return True  # (a line of Chinese prose, a clause going on past its comma: a passage
        # quoted twice, ``學者和社會人士，共同研究…範圍，關注``, in a council's transcript;
        # review 238. No running head sets one.)
    return in_brackets(core)


_CLAUSE_INSIDE = regex.compile(r"\p{Han}[，；]\p{Han}")


Found = dict[tuple[int, int], tuple[str, str, float]]
_QUOTES_OPEN = "\"'«" + OPENING_QUOTES  # (before a quoted item's number: ``“(2) Whenever…``)


class _Candidates(NamedTuple):
    groups: dict[str, list[Line]]  # lines that may recur, by their key
    numbers: list[Line]  # numbers alone on a line
    bracketed: list[Line]  # numbers alone on a line in square brackets (``[136]``), as numbers
    garbled: list[Line]  # a number among marks OCR made of a folio (``= 26``, ``a6``)
    rules: list[Line]  # thematic breaks
    starts: list[int]  # the start of every non-blank line, by index
    texts: list[str]  # every non-blank line, by index


#: Dashes in columns two spaces or more apart: a Pandoc table's rule, under its head or over
#: and under the whole (``--------  --------  ----``), never a page's (review 214: one
#: removed, the table's head run into its rows).
_COLUMN_RULE = regex.compile(r"^ {0,3}-+(?:[ \t]{2,}-+)+[ \t]*$")


def _candidates(blocks: list[Block]) -> _Candidates:
    groups: dict[str, list[Line]] = {}
    numbers: list[Line] = []
    bracketed: list[Line] = []
    garbled: list[Line] = []
    rules: list[Line] = []
    starts: list[int] = []
    texts: list[str] = []
    for block in blocks:
        pos, numbered, marred = block.start, len(numbers), len(garbled)
        lines = block.text.split("\n")
        listed: bool | None = None  # (a contents list: asked once a line would be a candidate)
        for k, line in enumerate(lines):
            span, index = (pos, pos + len(line)), len(starts)
            starts.append(pos)
            texts.append(line)
            pos += len(line) + 1
            if (
                RULE.match(line)
                and (block.kind == "rule" or (k and line.lstrip()[:1] in "*_"))
                and not _COLUMN_RULE.match(line)
            ):
                rules.append((index, span, line))  # (not the lines run on after it; ``***``
                # inside a paragraph breaks it, as no ``---`` under a line does)
            if block.kind not in _OPEN_KINDS or len(line) > _WIDEST + 10:  # (its marks too)
                continue
            core = _DECOR.sub("", line) if _decorated(line) else line
            if core[:1] in "Pp" and (spelt := _SPELT_PAGE.match(core)) is not None:
                number = normalise_page(spelt.group(2))  # (``Page One``)
                core = f"{spelt.group(1)}{number}" if number.isdigit() else core
            if _BARE.match(core):
                if ATX.match(line):
                    continue  # (a heading's number, ``### 01``: a section's, not a page's)
                numbers.append((index, span, core))
            elif _BRACKETED_NUMBER.match(core):
                bracketed.append((index, span, core.strip("[]")))
            elif recurrence.garbled(core):
                garbled.append((index, span, core))
            elif core and LETTER.search(core) and not _not_furniture(core):
                wrapped = k > 0 and texts[-2].endswith("-")  # (a word's end, in its block)
                piece = core.endswith("-") or core[0].islower() or wrapped
                if piece and not _ADDRESS.match(core):
                    continue  # a piece of a wrapped sentence
                widest = _WIDEST_ADDRESS if _ADDRESS.match(core) else _WIDEST
                if "](" in core or "![" in line or "<" in core or width(core) > widest:
                    continue  # a link, an image (its placeholder too, ``![Eclipse photo 1]``
                    # … ``2]`` on two pages: review 235), a tag; too wide
                if size(core) < 4:
                    continue  # too few letters
                if "{%" in core or "{{" in core or _MATH_ONLY.match(core):
                    continue  # (a template's tag, ``{% include figure.html fig="15" %}``; a
                    # label set in math, ``$\bf Prop$``, a theorem's)
                if line.startswith("|") or line.rstrip().endswith("|"):
                    continue  # (a table's row a converter ran into a paragraph)
                if EXTENSION_LINE.match(line):
                    continue  # (an admonition's opening line, ``!!! note``, ``/// html | div``)
                if _EMOJI_FIRST.match(core):
                    continue  # (an author's label, ``🎯 适用场景`` under each of six modes: no
                    # print or OCR runs a head with an emoji; review 126)
                if starts_list_item(core.lstrip(_QUOTES_OPEN)) or _BULLET.match(line):
                    continue  # (an item of a list, quoted: ``“(2) Whenever the flow…``; an
                    # agenda's standing item, ``- CAC Chair Update``, under each meeting)
                if PAGE_MARKER.match(line):
                    continue  # (a page marker, removed for sure: ``----…---- Page 2`` is no
                    # running line of ``PAGE: 2``'s, which then rises page after page)
                listed = _contents(lines) if listed is None else listed
                if listed:
                    continue  # (a contents list's entry, ``单元测验二 :113``: review 139)
                if not (rank(core) or (could_hold(line) and OWN_LINE.match(line))):
                    # (not a numbered heading, nor a jump line: the jumps pass records it)
                    key = " ".join(_MARKS.sub(" ", NUMBER.sub("#", core.casefold())).split())
                    groups.setdefault(key, []).append((index, span, core))
        if len(numbers) - numbered + len(garbled) - marred >= _CELLS and _dense(
            numbers[numbered:] + garbled[marred:]
        ):  # a table's cells (not folios far apart in a text of one block, a manual's)
            del numbers[numbered:], garbled[marred:]
    return _Candidates(groups, numbers, bracketed, garbled, rules, starts, texts)


def _dense(lines: list[Line]) -> bool:
    """Numbers alone on their lines stand close, most of them within two lines of the one
    before: a flattened table's cells. Folios stand a page apart (a manual's PDF text with
    no blank line, one block, its ``TENCENT 腾讯企业邮用户使用手册`` over each page's number:
    review 232)."""
    at = sorted(line[0] for line in lines)
    close = sum(1 for a, b in itertools.pairwise(at) if b - a <= 2)
    return 2 * close >= len(at) - 1


#: A line ending in a page's number after a leader or a space (``单元测验二 :113``,
#: ``方法归纳· …197``): a contents list's entry.
_ENTRY = regex.compile(r"(?:[·…．.:：]|[ \t])[ \t·…．.:：]*\d{1,4}[ \t]*$")


def _contents(lines: list[str]) -> bool:
    """Three lines of a block or more, and most of them, end in a page's number: a contents
    list, whose entries recur with other numbers (``单元测验二 :113`` ⏎ … ⏎ ``单元测验二 202``,
    a textbook's two units; review 139), no running head's."""
    entries = sum(1 for line in lines if line.rstrip()[-1:].isdigit() and _ENTRY.search(line))
    return entries >= 3 and 2 * entries > len(lines)


#: A word of three letters, or one Chinese, Japanese or Korean letter: a line that holds one
#: may be a running head.
_WORDED = regex.compile(r"\p{L}{3}|[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}]")
#: A line that opens with an emoji (past markup and spaces).
_EMOJI_FIRST = regex.compile(r"[\W_]*?(?:\p{Emoji_Presentation}|\p{Extended_Pictographic}\ufe0f)")
_SETEXT = regex.compile(r"^ {0,3}(?:=+|-+)[ \t]*$")  # (a setext heading's underline)


def _sections(lines: list[Line], texts: list[str], starts: list[int]) -> bool:
    """The lines are headings (or labels all in bold or italics), and a heading above them
    stands between each two, or three pairs in four: the same section under each part (a
    changelog's ``### Fixed`` or ``**Bugfixes**`` under every version, a handbook's ``_代码_``
    under every example, a spec's ``### Guideline`` once or twice under each topic), not a
    running head."""
    levels, marked = [], False
    for line in lines:
        heading = ATX.match(texts[line[0]])
        labelled = heading is not None or only_emphasis(texts[line[0]].strip())
        if not (labelled or _alone(texts, starts, line[0])):
            return False
        marked = marked or labelled
        levels.append(len(heading.group(1)) if heading else 7)  # (a label in bold or italics
        # is below every heading; so is one in plain text where others are headings or
        # labels, a change log's ``Added`` under its older releases, ``### Added`` under its
        # newer ones: review 148)
    if not marked:
        return False
    apart = sum(  # (each pair at its own level: ``### Tooling`` once, then ``#### Tooling``)
        any(_above(texts, starts, k, min(la, lb)) for k in range(a[0] + 1, b[0]))
        for (a, la), (b, lb) in itertools.pairwise(zip(lines, levels, strict=True))
    )
    return 4 * apart >= 3 * (len(lines) - 1)  # (a part may hold two: ``### Guideline`` twice)


def _alone(texts: list[str], starts: list[int], k: int) -> bool:
    """Line ``k`` is a paragraph of its own: a blank line before and after it."""
    end = starts[k] + len(texts[k]) + 1
    before = k == 0 or starts[k - 1] + len(texts[k - 1]) + 1 < starts[k]
    return before and (k + 1 == len(texts) or end < starts[k + 1])


def _text_of(lines: list[Line], texts: list[str]) -> bool:
    """In a text that shows no page, lines that recur as headings (a textbook's ``# 教材例题``
    over each lesson) or, three times at most, too long for most running heads (a
    transcription quoted in three places; a slip opinion's ``Cite as 28 I&N Dec. 437 (BIA
    2022) Interim Decision #4035``, on each of its 13 pages, is still asked about): the
    document's own, never asked about."""
    headings = all(texts[line[0]].lstrip().startswith("#") for line in lines)
    return headings or (len(lines) <= 3 and width(lines[0][2]) > _LONG_HEAD)


def _fields(lines: list[Line], texts: list[str]) -> bool:
    """Every line is a field its author labelled in bold or italics (``**Week**: 3``,
    ``**規格**: 1vCPU``, ``*Room:* 204``), or set in bold whole, label and value
    (``**Page number(s): 2**`` under each article's ``**Title: …**``, a magazine's dataset:
    review 223): a record's, under each section of a log or a review; no converter marks a
    running head up so."""
    return all(_LABELLED.match(texts[line[0]]) for line in lines)


def _identified(lines: list[Line], texts: list[str]) -> bool:
    """Every line is a field, a label of a few words and a colon, whose value ends in an
    identifier (``Application ID: APP-002``, ``站点编号：WH-101``): a record's, its number no
    page's (a slip opinion's ``Cite as: 582 U. S. ____ (2017)      31`` ends on a page's)."""
    return all(_IDENTIFIED.match(texts[line[0]]) for line in lines)


_LABELLED = regex.compile(
    r"[ \t]*([*_]{1,2})(?:[^*_\n]{1,24}?(?:[:：]\1|\1[ \t]*[:：])"
    r"|[^*_\n:：]{1,24}[:：][ \t]*[^*_\n]+\1[ \t]*$)"
)
_IDENTIFIED = regex.compile(
    r"[ \t]*[*_]{0,2}\p{L}[\p{L}\p{N} .&/'()-]{0,29}?[*_]{0,2}[ \t]*(?::[ \t]+|：[ \t]*)"
    r"[*_]{0,2}[^\n]*?[A-Za-z][-_]?\d+[*_]{0,2}[ \t]*$"
)


def _rows(lines: list[Line]) -> bool:
    """Every line has its columns set apart by a tab: a table's rows, flattened (a model's
    name and its score, ``PP-OCRv6_medium\t86.2%``, in each of three tables)."""
    return all(_TAB_BETWEEN.search(line[2]) for line in lines)


_TAB_BETWEEN = regex.compile(r"\S[ \t]*\t[ \t]*\S")
_LONG_HEAD = 40  # columns: a running head is a title, a name, a date and a number


def _numbered_sections(lines: list[Line], texts: list[str]) -> bool:
    """The lines are headings that differ in their numbers only, each once: sections
    numbered in turn, not a head that repeats."""
    headings = all(texts[line[0]].lstrip().startswith("#") for line in lines)
    return headings and len({line[2] for line in lines}) == len(lines)


def _above(texts: list[str], starts: list[int], k: int, level: int) -> bool:
    """Line ``k`` is a heading's (or the underline of a setext heading, right under its text:
    a rule after a blank line is no heading) of a level above ``level``."""
    atx = ATX.match(texts[k])
    if atx is not None:
        return len(atx.group(1)) < level
    under = k > 0 and starts[k - 1] + len(texts[k - 1]) + 1 == starts[k]
    return level > 2 and under and _SETEXT.match(texts[k]) is not None


_FENCES = ("```", "~~~")


def _in_container(texts: list[str], index: int) -> bool:
    """Line ``index`` is indented under an extension's opener (``!!! note``, ``??? tip``,
    ``=== "Tab"``): its block's body, no page's text."""
    if not texts[index].startswith(("    ", "\t")):
        return False
    k = index
    while k > 0 and (texts[k].startswith(("    ", "\t")) or not texts[k].strip()):
        k -= 1
    return EXTENSION_LINE.match(texts[k]) is not None


def _cuts_a_sentence(texts: list[str], index: int, gone: set[int] | None = None) -> bool:
    """The line stands between the two halves of a sentence (furniture, not a heading), past
    the lines ``gone`` too; a web address on either side is no sentence's half."""
    if index == 0 or index + 1 >= len(texts):
        return False
    back, on, gone = index - 1, index + 1, gone or set()
    while back > 0 and (PAGE_MARKER.match(texts[back]) or back in gone):
        back -= 1  # (a page marker, which goes too: the sentence is the one before it)
    while on + 1 < len(texts) and (PAGE_MARKER.match(texts[on]) or on in gone):
        on += 1  # (…or the one after it)
    before, after = texts[back].rstrip(), texts[on].lstrip()
    if not before or ends_sentence(before) or _DECOR.sub("", before) != before.strip():
        return False
    if before.lstrip().startswith(_FENCES) or after.startswith(_FENCES):
        return False  # (a code block's fence: an R Markdown deck's ``***`` between a chunk
        # and ``right column notes`` parts its slide's two columns; review 182)
    if _in_container(texts, back):
        return False  # (an admonition's body, ``!!! tip`` ⏎ ``    这里是 tip``, over a rule
        # between two demonstrations: review 198's theme README)
    if URL_END.search(before) or URL_START.match(after) or _reads_on(texts[index], after):
        return False
    if recurrence.LETTERED.match(after):
        return False  # (an exercise's lettered item, ``a  $15^{2} = 225$``, under ``# Answers``)
    if field_label(after) or (after[:1] in "(（" and _UNIT.match(after)):
        return False  # (``来源: https://…``, a source's line; ``(km/h)``, a table head's unit)
    if field_label(before.lstrip()) and len(before) <= _BYLINE:
        return False  # (a byline over a repost's rule, ``作者：武芝`` ⏎ ``---`` ⏎ ``今天中午，…``:
        # a record, no sentence's half; three reposted articles, review 233)
    chinese = (has_cjk_letter(before[-1:]) or before[-1:] in CLAUSE) and chinese_prose(before)
    # (a Chinese letter goes on; a bracket opens something new: ``【例1】`` under its heading)
    return starts_lowercase(after) or (has_cjk_letter(after[:1]) and chinese)


def _after_clause(lines: list[Line], texts: list[str]) -> bool:
    """One of ``lines`` stands after a line that ends on a clause's mark (``…由来已久，``), or
    before the few characters that end a sentence or a word (``…在Y方`` ⏎ the line ⏎ ``布。所以…``,
    a converter's watermark set as a heading): a sentence cut for sure, not one that lost its
    stop."""
    return any(
        texts[line[0] - 1].rstrip()[-1:] in CLAUSE
        or (line[0] + 1 < len(texts) and _ENDS_SOON.match(texts[line[0] + 1]) is not None)
        for line in lines
    )


_ENDS_SOON = regex.compile(r"[ \t]*\p{Han}{1,3}[，。、；：！？]")


def _cut_elsewhere(lines: list[Line], texts: list[str]) -> list[Line]:
    """Of lines that cut a sentence, those that cut a different one each time: where the same
    line stands before two of them, the sentence is a formula the text repeats, and the line
    its own (a council's resolutions, each citing ``…of the Local Government Act,`` ⏎ ``2001
    (as amended) and Section 211 of the … Act, 2000 (as`` ⏎ ``amended), the approval…``:
    review 90), not a running head that a page cut into it."""
    before = Counter(texts[line[0] - 1].strip() for line in lines)
    return [line for line in lines if before[texts[line[0] - 1].strip()] == 1]


def _leads_in(texts: list[str], index: int) -> bool:
    """The line stands right above a display formula or a picture, no blank line between: the
    word that leads into it (a textbook's ``Using`` ⏎ ``$$…$$``, three times in a chapter:
    review 73; a food blog's ``菜单`` ⏎ ``![](…)`` over three restaurants' menus, review
    190), no running head."""
    if index + 1 >= len(texts):
        return False
    after = texts[index + 1]
    return DISPLAY_OPENS.match(after) is not None or image_line(after)


def _page_rules(rules: list[Line], texts: list[str], blocks: int) -> list[Line]:
    """The thematic breaks that stand between the two halves of a sentence, a page's end a
    converter drew; none where the breaks are slides' (four or more, fewer than five blocks
    apart on average, one in four or fewer cutting a sentence): one a sentence runs across
    is its author's too (review 69: a play's captions, a speech over two slides). A
    converter's pages are longer (review 70: MinerU's twelve rules, one cutting ``其`` ⏎
    ``中``)."""
    cutting = [
        line
        for line in rules
        if _cuts_a_sentence(texts, line[0]) and kind_of(texts[line[0] - 1]) != "list"
    ]  # (a rule under a list's last item, ``2. **链接**：保持链接地址不变``, over a note: its
    # author's, review 153; a folio under an item a page cut is still a folio)
    slides = len(rules) >= 4 and blocks < 5 * len(rules)
    return [] if slides and 4 * len(cutting) <= len(rules) else cutting


_BYLINE = 24  # characters a field's line over a rule holds at most (a byline's, a date's)
#: A unit alone in brackets on its line (``(km/h)``, ``（万元）``): a table head's.
_UNIT = regex.compile(r"^[(（][^()（）\n]{1,10}[)）][ \t]*$")


def _reads_on(line: str, after: str) -> bool:
    """The line's own words go on into the next line: a word all in lower case ends it and the
    next starts in lower case (``$125.00 (exclusive of binding and paper`` ⏎ ``costs) is
    controlled…``, twice in a book's chapter). It is a line of the sentence, not furniture
    cutting it (a site's address is, ``https://abcaus.in``; a title's capital word ends a
    running head, ``1 The Memoir``, ``(Defendants Sacramento Drilling``)."""
    last = line.strip().rpartition(" ")[2]
    lower = last[:1].isascii() and last.isalpha() and last.islower()
    return lower and starts_lowercase(after) and _ADDRESS.match(line.strip()) is None


def _headings(lines: list[Line], texts: list[str]) -> bool:
    """One of ``lines`` is a heading."""
    return any(texts[line[0]].lstrip().startswith("#") for line in lines)


def _among(lines: list[Line], lists: tuple[list[Line], ...]) -> bool:
    return any(lines is each for each in lists)


def _on_one_page(lines: list[Line], pages: list[int]) -> bool:
    """Two of ``lines`` stand on one page, no page's edge (``pages``: the lines of its page
    markers, folios and rules, sorted) between them: a page's head or foot is on it once."""
    if not pages:
        return False
    on = [bisect.bisect_left(pages, line[0]) for line in lines]
    return len(set(on)) < len(on)


def _atop(index: int, markers: set[int], folios: set[int]) -> bool:
    """The line at ``index`` stands right after a page marker, or after a bare number right
    after one (``PAGE 4`` ⏎ ``36`` ⏎ ``THE AMERICAN SENTINEL.``: a weekly's even pages set the
    folio over the head; review 210, the head left on each, a sentence joined into one)."""
    return index - 1 in markers or (index - 1 in folios and index - 2 in markers)


def _next_to(line: Line, marked: set[int]) -> bool:
    return line[0] in marked or line[0] - 1 in marked or line[0] + 1 in marked


def repeated_lines(text: str, blocks: list[Block], near: list[tuple[int, int]]) -> Found:
    """Running heads, feet and folios: {line span: (kind, evidence, confidence)}."""
    groups, numbers, bracketed, garbled, rules, starts, texts = _candidates(blocks)
    index_of = {start: i for i, start in enumerate(starts)}
    marked = {index_of[span[0]] for span in near if span[0] in index_of}
    found: Found = {}
    for line in _page_rules(rules, texts, len(blocks)):
        why = "a thematic break between the two halves of a sentence"
        found[line[1]] = ("page rule", why, ev.STRONG)
        marked.add(line[0])
    weak: list[tuple[list[Line], str, float]] = []
    cut_groups: list[list[Line]] = []  # (running heads found cutting sentences)
    beside_markers = set(marked)  # (page markers, folios and page rules only, so far)
    folios = {line[0] for line in numbers}  # (bare numbers: a page's, as likely as not)
    # (and a recurring line right under a marker, a date over the title: ``PAGE 3`` ⏎
    # ``JANUARY 30, 1896.`` ⏎ ``AMERICAN SENTINEL``, a head of two lines; review 221)
    folios |= {
        line[0]
        for lines in groups.values()
        if len(lines) > 1
        for line in lines
        if line[0] - 1 in beside_markers
    }
    labels = recurrence.page_labels(groups)
    pages = sorted(beside_markers | labels)
    notes = lines_of.note_lines(text) if groups else frozenset()
    for lines in groups.values():
        if len(lines) < 2 or _LABEL.match(lines[0][2]) or _SOURCE.match(lines[0][2]):
            continue  # (a numbered label; a figure's source line, under each figure)
        if any(line[0] in labels for line in lines):  # (however short the page between: one
            for line in lines:  # OCR could not read)
                if line[0] in labels:  # (not a form's field among them, ``Page: 1``)
                    why = "a page's label, its number rising"
                    found[line[1]] = ("page marker", why, ev.STRONG)
                    marked.add(line[0])
            continue
        if recurrence.years(lines) or recurrence.sections_in_turn(lines, texts):
            continue
        cited = {texts[line[0]].strip() for line in lines}
        if notes and len(cited) == len(lines) and cited <= notes:
            continue  # (notes citing one work, ``8 Y. A. Arbel, “Adminization…”`` and ``13 …``,
            # among a text's notes numbered in turn: review 237; not a stamp alike on each
            # page, ``4 ARBELMUNGAN 453-497 (DO NOT DELETE)…``)
        atop = [line for line in lines if _atop(line[0], beside_markers, folios)]
        if len(atop) == len(lines) == 2 and len(near) >= _FEW_OF * 2:
            weak.append((atop, _TWO_OF_MANY, ev.LIKELY))
            continue  # (a head atop two pages of many: an article's own heading over its
            # continuation, a flyer's title and date over each of its two pages, all its copies
            # removed else; review 235, two newsletters)
        if len(atop) == len(lines) or (len(atop) >= _PAGES_HEADED and 2 * len(atop) >= len(lines)):
            for line in atop:  # (however short the pages between: a figure's page is; the
                # title it heads the pages with, once over the text, stays: review 116)
                why = "recurs, each time on the line after a page marker"
                found[line[1]] = ("running head", why, ev.STRONG)
                marked.add(line[0])
            continue
        if recurrence.feet(lines, beside_markers, len(texts) - 1):
            for line in lines:
                why = "recurs, each time on the line before a page marker or at the end"
                found[line[1]] = ("running foot", why, ev.STRONG)
                marked.add(line[0])
            continue
        if recurrence.head_and_foot(lines, beside_markers):
            for line in lines:  # (a classification banner, ``TOP SECRET``, atop and below)
                why = "recurs, each time on the line before or after a page marker"
                found[line[1]] = ("running head", why, ev.STRONG)
                marked.add(line[0])
            continue
        if not recurrence.apart(lines, text) or recurrence.same_page(lines, pages):
            continue
        if recurrence.numbered_items(lines) or recurrence.days(lines, texts):
            continue  # (``GAZETTE NOTICE NO. 14039`` over each notice: cited by its number; a
            # calendar's day under its month's heading)
        if recurrence.identifiers(lines):
            continue  # (a record's number, ``P. P. No. 004-17-048``: review 199's gazette)
        if recurrence.rising_page(lines) and not recurrence.outpaced(lines):
            if recurrence.section_numbered(lines, texts) or recurrence.counted(lines, texts):
                continue  # (``2.1 Start-up Check`` … ``3.1 Start-up Check``, review 125's
                # aeronautical manual; ``4 lines`` … ``8 lines``, review 126's poems)
            if all(_numbered_by_url(line[2]) for line in lines):
                continue  # (its number is a link's, ``**Link:** https://…/issues/1001``, a
                # resource's, no page's: minutes citing an issue under each item; review 111)
            if not pages and _fields(lines, texts):
                continue  # (no page shown: a record's field under each section, ``**Week**:
                # 3``; review 162)
            if _identified(lines, texts) and not any(
                _next_to(line, beside_markers) for line in lines
            ):
                continue  # (a record's field, its number rising one record to the next, none
                # by a page's edge: ``Application ID: APP-002`` under each system of a
                # policy's appendix; review 167)
            bold = not pages and all(only_bold(texts[line[0]]) for line in lines)
            heading = _headings(lines, texts) or bold  # (or a label wholly in bold, where no
            # page shows: ``**Error example code 1**``, ``… 2**`` over a docs page's examples;
            # review 229)
            if heading and not _PAGE_WORD.search(lines[0][2]):
                if not pages:
                    continue  # (no page shown: a section's number, ``### Tier 2``, ``第 9-1 條``)
                why = "a heading that recurs with a rising number (a section's, or a page's)"
                weak.append((lines, why, ev.LIKELY))
                continue
            named = _PAGE_WORD.search(lines[0][2]) or recurrence.at_edge(lines)
            if len(lines) == 2 and not pages and not named:
                # (twice, no page shown, its number inside and named no page's: ``Booking
                # Phone: 61 7 4321 1234`` on two waybills; furniture only next to furniture)
                weak.append((lines, "recurs twice with a changing number", 0.0))
                continue
            for line in lines:
                found[line[1]] = ("running head", "recurs with a changing page number", ev.STRONG)
                marked.add(line[0])
            continue
        if not pages and _numbered_sections(lines, texts):
            continue  # (``### 3.2.3 式(3.5)的推导``, ``### 3.2.4 式(3.6)…``: sections)
        if _on_one_page(lines, pages):
            continue  # (twice on one page: a text's own words, a resolution's ``20, 1995, the
            # City, through the Commissioner…`` in two of a gazette's; review 199)
        if not _WORDED.search(lines[0][2]):
            continue  # (no word of three letters, nor Chinese, and no page's number: pieces
            # of a formula a line each, ``2qB 2qG``, three times in a paper; review 237)
        cutting = _cut_elsewhere(
            [line for line in lines if _cuts_a_sentence(texts, line[0])], texts
        )
        if len(lines) == 2 and len(cutting) == 1 and not _next_to(cutting[0], beside_markers):
            cutting = []  # (seen twice, once in the text: a byline the staff list repeats)
        if (
            cutting
            and not pages
            and _headings(cutting, texts)
            and not _after_clause(cutting, texts)
        ):
            weak.append((cutting, "a heading that recurs, and cuts a sentence", ev.LIKELY))
            cutting = []  # (no page shown, and no clause left open before it: a section's,
            # ``# 考点介绍`` over each of a textbook's, one after a paragraph that lost its
            # stop; review 139. A journal's name cuts ``…由来已久，`` ⏎ ``# 干旱区地理``)
        if cutting and not pages and len(lines) == 2 and not _after_clause(cutting, texts):
            weak.append((cutting, "recurs twice, no page shown, and cuts a sentence", ev.LIKELY))
            cutting = []  # (a line of code set as text, ``   @task = params[:task]``, in two
            # routes of a tutorial: no page to head, no clause left open; review 222)
        word = lines[0][2].strip()  # (a Latin word: Chinese sets its heads without spaces)
        if (
            cutting
            and " " not in word
            and not has_cjk_letter(word)
            and not any(_next_to(line, beside_markers) for line in cutting)
        ):
            weak.append((cutting, "one word that recurs, and cuts a sentence", ev.LIKELY))
            cutting = []  # (a word a line of scrambled columns holds alone, ``officers in`` ⏎
            # ``Mexico`` ⏎ ``City``, a name in a log, ``MARTIN``: none by a page's edge; review 239)
        for line in cutting:
            found[line[1]] = ("running head", "recurs, and cuts a sentence", ev.STRONG)
            marked.add(line[0])
        if cutting:
            cut_groups.append(lines)
        rest = [line for line in lines if line not in cutting and not _leads_in(texts, line[0])]
        if len(lines) >= 3:
            own = _text_of(lines, texts) or _rows(lines) or _fields(lines, texts)
            sections = _sections(lines, texts, starts) or (not pages and own)
            weak.append((rest, f"recurs {len(lines)} times, apart", 0.0 if sections else ev.LIKELY))
        else:
            # (seen twice, only a masthead in capitals is worth asking about: bylines, table
            # heads, a refrain, a repeated section title were each asked, and never right;
            # nor a heading where no page is shown, ``### ⚠ BREAKING CHANGES`` under two of
            # a change log's releases: review 124's two change logs)
            masthead = lines[0][2].isupper() and (pages or not _headings(lines, texts))
            weak.append((rest, "recurs twice", ev.WEAK if masthead else 0.0))
    if _rising(numbers, text, 2):
        why, sure = _cutting("page numbers alone on their lines, rising", numbers, texts)
        weak.append((numbers, why, sure))
    elif numbers:  # a number alone on a line is a folio only next to a page break
        weak.append((numbers, "a number alone on a line", 0.0))
    if _rising(bracketed, text, 3) and all(
        int(a[2]) + 1 == int(b[2]) for a, b in itertools.pairwise(bracketed)
    ):  # (a manuscript's pages, in a transcription: ``…by the`` ⏎⏎ ``[136]`` ⏎⏎ ``Governor…``)
        why, sure = _cutting("page numbers in brackets, one up from the last", bracketed, texts)
        weak.append((bracketed, why, sure))
    for lines, why, sure in weak:  # (sure folios: the lines beside them are judged by them)
        if sure >= ev.STRONG:
            for line in lines:
                found[line[1]] = ("folio", why, sure)
                marked.add(line[0])
    if garbled:  # (likewise)
        weak.append((garbled, "a number among marks alone on a line (a folio OCR garbled)", 0.0))
    if len(numbers) >= _PAGES_HEADED:
        _headed_pages(groups, numbers, marked, found)
    _beside(weak, (numbers, bracketed, garbled), marked, found, texts)
    _catchwords(marked, starts, texts, found)
    if rules or cut_groups:  # (the lines that go, found once for both)
        gone = _gone(texts, marked)
        _rules_past(rules, texts, gone, found)
        _cutting_past(cut_groups, texts, gone, found)
    return found


def _cutting_past(groups: list[list[Line]], texts: list[str], gone: set[int], found: Found) -> None:
    """The other lines of a running head found cutting sentences that cut one once the
    furniture and jump lines beside them go (a log's ``Activity Recorded`` over each page, a
    ``(Continued from Page 3)`` under one copy): found now, not by cleaning the output again
    (review 239). ``gone``: :func:`_gone`."""
    for lines in groups:
        for line in lines:
            sure = found[line[1]][2] if line[1] in found else 0.0  # (asked about, maybe)
            if sure < ev.STRONG and _cuts_a_sentence(texts, line[0], gone):
                found[line[1]] = ("running head", "recurs, and cuts a sentence", ev.STRONG)


def _gone(texts: list[str], marked: set[int]) -> set[int]:
    """The lines that go: the furniture found (``marked``) and the jump lines (a later pass's)."""
    return set(marked) | {
        i for i, line in enumerate(texts) if could_hold(line) and OWN_LINE.match(line)
    }


def _rules_past(rules: list[Line], texts: list[str], gone: set[int], found: Found) -> None:
    """A thematic break between the two halves of a sentence once the page's furniture and
    jump lines around it go (``…If I see the correct`` ⏎ ``*Continued on next page*`` ⏎
    ``---`` ⏎ its running foot ⏎ ``=== PAGE 4 ===`` ⏎ ``*Continued from previous page*`` ⏎
    ``star field, I…``): a page's end too, found now, not by cleaning the output again
    (review 235's newsletter, the one output of fourteen not idempotent). ``gone``:
    :func:`_gone`."""
    for line in rules:
        beside = line[0] - 1 in gone or line[0] + 1 in gone  # (furniture next to it)
        if line[1] in found or not beside or kind_of(texts[line[0] - 1]) == "list":
            continue  # (a rule under a list's last item: its author's; review 153)
        if _cuts_a_sentence(texts, line[0], gone):
            found[line[1]] = (
                "page rule",
                "a thematic break between the two halves of a sentence, past the page's furniture",
                ev.STRONG,
            )


def _catchwords(marked: set[int], starts: list[int], texts: list[str], found: Found) -> None:
    """A word or two alone on the line before a page's furniture that the next page's text
    starts with: a printer's catchword (an 1807 book's ``in`` ⏎ ``Page-206`` ⏎ its running
    head ⏎ ``in that quarter…``: review 94), furniture too."""
    for i in sorted(marked):
        before = i - 1
        if before < 0 or before in marked or not _CATCHWORD.match(texts[before]):
            continue
        after = i + 1
        while after in marked:
            after += 1
        if after >= len(texts):
            continue
        word = texts[before].strip()
        if texts[after].lstrip().casefold().startswith(word.casefold() + " "):
            span = (starts[before], starts[before] + len(texts[before]))
            found[span] = (
                "catchword",
                "the next page's first words, alone at a page's foot",
                ev.STRONG,
            )


_CATCHWORD = regex.compile(r"^[ \t]*[A-Za-z][a-z'’]*(?:[ \t]+[A-Za-z][a-z'’]*)?[ \t]*$")


def _rising(numbers: list[Line], text: str, fewest: int) -> bool:
    """At least ``fewest`` numbers, far apart, each above the last."""
    pairs = itertools.pairwise(numbers)
    return (
        len(numbers) >= fewest
        and recurrence.apart(numbers, text)
        and all(int(a[2]) < int(b[2]) for a, b in pairs)
    )


def _cutting(why: str, numbers: list[Line], texts: list[str]) -> tuple[str, float]:
    """Page numbers are sure where most of them (three at least) cut a sentence, a page's
    end: the text shows its pages (review 94: a club's minutes, thirty times)."""
    cut = sum(1 for line in numbers if _cuts_a_sentence(texts, line[0]))
    if cut >= 3 and 2 * cut > len(numbers):
        return f"{why}, most cutting a sentence", ev.STRONG
    return why, ev.LIKELY


#: Pages a line stands atop of, next to their furniture, that make it a running head though
#: it stands once more elsewhere (a thesis's ``Introduction.`` under six page markers and as
#: its chapter's title: review 116); twice is a section's title seen again.
_PAGES_HEADED = 3
#: A line atop only two pages when the text shows this many times as many is no running head
#: for sure: only suggested.
_FEW_OF = 3
_TWO_OF_MANY = "recurs twice, on the line after a page marker, among many pages"


_HEADED_FOLIO = "a page number alone on its line, beside a running head"


def _headed_pages(
    groups: dict[str, list[Line]],
    numbers: list[Line],
    marked: set[int],
    found: Found,
) -> None:
    """A line recurring on three pages at least, each time beside a number alone on its line,
    the numbers rising from one to the next, is a running head and they its folios, each the
    other's evidence, however short a page between (``立法會  ─  2013年 4月 24日`` over
    ``6062``, ``6063``…: a council's record, four of review 228's; ``TENCENT 腾讯企业邮用户使用
    手册`` over ``4``, ``5``… in a manual's PDF text: review 232)."""
    folio_at = {line[0]: line for line in numbers}
    for lines in groups.values():
        if len(lines) < _PAGES_HEADED:
            continue
        beside = [folio_at.get(line[0] + 1) or folio_at.get(line[0] - 1) for line in lines]
        folios = [folio for folio in beside if folio is not None]
        if len(folios) < len(lines):
            continue
        if not all(int(a[2]) < int(b[2]) for a, b in itertools.pairwise(folios)):
            continue
        why = "recurs, each time beside a page number, the numbers rising"
        for line in lines:
            found[line[1]] = ("running head", why, ev.STRONG)
            marked.add(line[0])
        for line in folios:
            found[line[1]] = ("folio", _HEADED_FOLIO, ev.STRONG)
            marked.add(line[0])
        return


def _beside(
    weak: list[tuple[list[Line], str, float]],
    folios: tuple[list[Line], ...],
    marked: set[int],
    found: Found,
    texts: list[str],
) -> None:
    """The weaker candidates next to furniture are furniture too (strong), until no more are
    (a running head under a folio under a page marker: ``322`` ⏎ ``AMERICAN SENTINEL.``),
    but for headings (a transcription's ``# The Daily Record`` under its ``#### Page 1``: the
    paper's title), and for a line seen only twice unless both stand next to furniture
    (``概率论`` once under a page's marker and once over the text is a section's title), where
    it stands next to furniture on fewer than :data:`_PAGES_HEADED` pages; the rest are only as
    sure as their own evidence."""
    kinds = [("folio" if _among(lines, folios) else "running head") for lines, _, _ in weak]
    grown = True
    while grown:
        grown = False
        for (lines, why, sure), kind in zip(weak, kinds, strict=True):
            near = sum(1 for line in lines if _next_to(line, marked))
            if not (sure or kind == "folio" or near == len(lines) or near >= _PAGES_HEADED):
                continue  # (seen twice, once in the text: a section's ``概率论``, not furniture)
            for line in lines:
                if texts[line[0]].lstrip().startswith("#"):
                    continue
                if line[0] not in marked and _next_to(line, marked):
                    found[line[1]] = (kind, f"{why}, next to other page furniture", ev.STRONG)
                    marked.add(line[0])
                    grown = True
    for (lines, why, confidence), kind in zip(weak, kinds, strict=True):
        for line in lines:
            if line[0] not in marked and confidence:
                found[line[1]] = (kind, why, confidence)
