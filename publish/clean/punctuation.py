"""Pass ``punctuation``: half-width punctuation in Chinese text becomes full-width.

In Chinese context (a CJK character on either side; Markdown emphasis markers and shared
quotes are looked through)::

    ,  ;  :  ?  !        -> ，；：？！  (the spaces after them are dropped, but at a line's
                                       end or before another such mark: a full-width mark
                                       has its own room; also after inline math:
                                       ``$x$ , 再`` -> ``$x$，再``)
    $x$ ，               -> $x$，  (a converter's space between math and a full-width mark)
    (…)                  -> （…） when the content has a Chinese character (the spaces
                                  outside dropped: ``控制组 (…) 是`` -> ``控制组（…）是``)
    （…) (…）            -> （…） a pair of mixed widths, beside Chinese or holding it
    "…" “…" "…”          -> “…”   when the content is Chinese
    .                    -> 。    after a CJK letter or closing bracket, before a space and a
                                  CJK letter (the spaces dropped) or the paragraph end; not
                                  with none after it, a reference's ``张辉.本振…`` or a
                                  notation's ``主版號.次版號``
    ８５％  ３．５        -> 85%  3.5 (％ after a digit, ． between digits; here, the last
                                     pass, since joining lines may bring them together)

Never in protected spans (code, URLs, e-mail addresses, link targets, HTML, math,
attributes, reference-list entries), which count as one opaque unit when brackets are
paired; never in numbers, formulas and codes: ``1,234.5`` ``3.85亿元`` ``16:30`` ``1:500``
``7×24小时`` ``1-2个月`` ``〔2024〕15号`` ``f(x)`` ``式(3)`` ``kJ/(kW·h)`` ``(1 ≤n ≤6)`` ``(GDP)``
``ISO9001`` ``5G``, nor in English sentences: a mark that ends a quotation with no Chinese in
it (``会得到“I am inside!”，因为``), or follows a quotation or bracket and goes on in English
(``Library（NSL）, as the``), is English punctuation.

An author's own Markdown (no mark of conversion: :func:`~publish.clean.pagelines.
shows_conversion`) may type its Chinese marks half-width, or its quotation marks straight, by
choice: where it does so throughout, those repairs are only suggested; and its brackets set
half-width where it types its marks full-width (:mod:`publish.clean.housestyle`).
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Callable

import regex

from publish.cjk import (
    CLOSING_QUOTES,
    FULL_WIDTH,
    OPENING_QUOTES,
    SHARED,
    WIDE_MARKED,
    has_cjk,
    is_hangul,
    marks_wide,
)
from publish.clean import housestyle
from publish.clean.editor import Editor
from publish.clean.english import English
from publish.clean.housestyle import doubted
from publish.clean.lines import LineIndex
from publish.clean.pagelines import shows_conversion
from publish.clean.protect import Protected
from publish.clean.shapes import URL_END
from publish.clean.trace import Edit, Step, apply_edits, apply_sorted

NAME = "punctuation"
_PERCENT = re.compile(r"(?<=[0-9])％")
_POINT = re.compile(r"(?<=[0-9])．(?=[0-9])")
_ITEM_NUMBER = re.compile(r"[ \t]*[0-9]{1,3}")  # before its point, a line's first thing

# What each repair records as its evidence.
_MARK_WHY = ("a half-width mark in Chinese text",)
_MATH_WHY = ("a space between inline math and a Chinese mark, as converters set it",)
_HOLDS_WHY = ("half-width brackets holding Chinese",)
_MIXED_WHY = ("a pair of brackets of mixed widths, beside or holding Chinese",)
_QUOTE_WHY = ("straight quotation marks around Chinese",)
_STOP_WHY = ("a full stop after Chinese",)
_DIGITS_WHY = ("a full-width percent sign or point with digits",)
#: A pair's halves are two changes, decided together (:mod:`~publish.clean.editor`).
_HALF_OF_PAIR = "one half of a pair: accepting or rejecting either decides both"
_MARK = re.compile(r"(?:[,;:?]|!(?![\[=~]))( *)")  # (not an image's ``![``, an operator's ``!=``)
_PERIOD = regex.compile(  # (the spaces after it, before Chinese, go with it)
    rf"\.(?<=[{WIDE_MARKED}）」』》】][*_]*\.)"
    rf"(?:[ \t]+(?=[*_]*[{WIDE_MARKED}])|(?=[*_]*[ \t]*$))",
    regex.M,
)
_QUOTE = re.compile('[“”"]')
_SPACED_MARK = re.compile(  # (``$x$ ，再``: a converter's space; and one after the mark, before
    r"\$([ \t]+)[，。；：、！？]([ \t]+(?=\$[^\s$]))?"  # more math: ``$A$ ， $B$``)
)
_MARK_THEN_MATH = re.compile(r"(?<=[，。；：、！？])[ \t]+(?=\$[^\s$])")
_SKIP = "*_~,;:?!"  # emphasis markers, and the other marks of a run like ",,"
_SKIP_MARKUP = "*_~" + SHARED  # what :func:`_neighbour` looks through, but the marks
_WIDE_LETTER = regex.compile(f"[{WIDE_MARKED}]")
_PAREN = re.compile(r"[()（）]")


def _neighbour(text: str, pos: int, step: int) -> str:
    """The first character from ``pos`` in direction ``step``, looking through emphasis, the
    marks of a run and shared quotes; '' at the line's end. Next to a quotation, both its
    last word and what stands beyond it on the line must be Chinese for the mark to be: a
    Chinese word quoted in an English sentence leaves its marks English (``between “旅/族”,
    “辨/瓣”``, ``“鍊”**: The``), and so does an English one in a Chinese sentence (``在“First”,
    “Second”``, as its author wrote it)."""
    inside = _walk(text, pos, step, False)
    if inside.isascii() or not marks_wide(inside):
        return inside
    return _walk(text, pos, step, True) or inside


def _walk(text: str, pos: int, step: int, past_quotations: bool) -> str:
    while 0 <= pos < len(text) and text[pos] != "\n":
        if text[pos] not in _SKIP and text[pos] not in SHARED:
            return text[pos]
        beyond = _past_quotation(text, pos, step) if past_quotations else -1
        pos = beyond if beyond >= 0 else pos + step
    return ""


_PAIRED = {"”": "“", "’": "‘", "“": "”", "‘": "’"}


def _past_quotation(text: str, pos: int, step: int) -> int:
    """When ``text[pos]`` closes a quotation (looking back) or opens one (looking on) on its
    line: where the text beyond it goes on, past emphasis and spaces; else -1."""
    mark = text[pos]
    if mark not in (CLOSING_QUOTES if step < 0 else OPENING_QUOTES):
        return -1
    if step < 0:
        other = text.rfind(_PAIRED[mark], text.rfind("\n", 0, pos) + 1, pos)
    else:
        line_end = text.find("\n", pos)
        other = text.find(_PAIRED[mark], pos + 1, len(text) if line_end < 0 else line_end)
    if other < 0:
        return -1
    beyond = other + step
    while 0 <= beyond < len(text) and text[beyond] in _BESIDE_QUOTATION:
        beyond += step  # (the line's text only: a quotation is looked past on its line)
    return beyond


_BESIDE_QUOTATION = "*_~ \t"  # (a converter spaces a quotation: ``明确提出 “建立…”; 党的``)


def _marks(text: str) -> list[Edit]:
    """A mark with a CJK character on either side (looking through emphasis and shared
    quotes, :func:`_neighbour`), and the spaces after it before Chinese."""
    edits = []
    length = len(text)
    quoted = [m.span() for m in _QUOTED_PAIR.finditer(text)] if "(" in text else []
    labels: bool | None = None  # (the text's bold labels end on ``:`` as a style: found once)
    plain: bool | None = None  # (and its labels opening lines)
    english = English(text)  # (each line read once: publish.clean.english)
    listed: dict[int, bool] = {}  # (each line's list of Latin words: _in_latin_list)
    mixed: dict[int, list[tuple[int, int]]] = {}  # (each line's lists: _mixed_list)
    glossed: dict[int, bool] = {}  # (each line's commas after glosses: _glossed_list)
    for match in _MARK.finditer(text):
        start = match.start()
        if _in_latin_quotation(text, start) or (start and text[start - 1] in "：:"):
            continue  # (``逗号：,``: the mark named, not used)
        if start and text[start - 1] in _DOUBLED:
            continue  # (``判别式；;b²``: widened, it would double the mark before; review 186)
        if start and _NAMED.get(text[start - 1]) == text[start + 1 : start + 2]:
            continue  # (``用「,」區隔``: the mark named, a program's comma; review 106)
        if text[max(0, start - 2) : start].rstrip(" ")[-1:] == "+":
            continue  # (a key of a shortcut, ``（Command + ,）``: review 107)
        if any(a < start < b for a, b in quoted) or _in_latin_list(
            text, start, english.lines, listed
        ):
            continue
        if text[start : start + 2] == ", " and _mixed_list(text, start, english.lines, mixed):
            continue  # (``314k参数, 1.26 MB, 推理7ms``: one list, one width; review 196)
        if text[start - 1 : start + 1] == ")," and _glossed_list(
            text, start, english.lines, glossed
        ):
            continue  # (``本地地址 (local address), 本地端口(local port),远端地址…``: the list's
            # commas after its glosses stay as the one a space follows stays; review 204)
        if text[start] == ":" and _labels_of_list(text, start):
            continue
        if text[start] == ":" and ":" in (text[start - 1 : start], text[start + 1 : start + 2]):
            continue  # (``::``, one token: a Dataview field's, ``**作者**:: 王小明``; a scope's,
            # ``标准库::vector``; review 168)
        if _emoticon(text, start):
            continue  # (``写完了:)``, ``又挂了:(``: a face, no mark; review 132)
        if _ends_latin_aside(text, start):
            continue  # (``那句话（Are you sure?）``: the English phrase's own mark; review 194)
        if text[start] == ":" and text[max(0, start - 2) : start] in ("**", "__"):
            if labels is None:
                labels = _bold_labels(text)
            if labels:
                continue  # (``**版本**: 2.1``, the text's every bold label so: review 134)
        if text[start] == ":" and _PLAIN_LABEL.match(text, text.rfind("\n", 0, start) + 1):
            if plain is None:
                plain = _plain_labels(text)
            if plain:
                continue  # (``来源: https://…`` under ``版次: 头版`` ⏎ ``日期: …``: review 236)
        if text[start] == ":" and _LATIN_PREFIX.search(text, max(0, start - 5), start + 2):
            continue  # (a Latin prefix's colon before a title in brackets, ``RE:【心得】…``,
            # ``FW:《…》``: a forum's reply, copied as it stands; review 130)
        left = text[start - 1] if start else ""
        if left in _SKIP or left in SHARED:
            left = _neighbour(text, start - 1, -1)
        if left.isascii() or not marks_wide(left):
            right = text[start + 1] if start + 1 < length else ""
            if right in _SKIP or right in SHARED:
                right = _neighbour(text, start + 1, 1)
            if right.isascii() or not marks_wide(right):
                math = _after_math(text, start, match.end())
                if math < 0 or english.at(start):
                    continue
                edits.append(Edit(math, match.end(), FULL_WIDTH[text[start]], evidence=_MARK_WHY))
                continue
        if english.at(start):
            continue  # (``…written as 㖭 or 𠻹, they are…``: English punctuation)
        end = match.end()  # (and the spaces after the mark: a full-width one has its own
        # room; not at a line's end, where they make a hard break, nor before another mark,
        # which they would bring beside it: ``代, ,`` is judged once, as it stands)
        after = text[end : end + 16]
        after = after[:1] if after.startswith("__") else after.lstrip(_SKIP_MARKUP)[:1]
        # (through emphasis and quotes to the next word; a blank to fill in, ``______``, is one)
        drop = end - start - 1 if after != "\n" and after not in FULL_WIDTH else 0
        lead = start  # (the spaces before the mark: walked back over, the text not copied)
        while lead and text[lead - 1] in " \t":
            lead -= 1
        before = text[lead - 1 : lead]
        if lead < start and not (before.isascii() and (before.isalnum() or before in _LEADS)):
            lead = start  # (an indent, a heading's or a table's space, a mark's; and a space
            # after Chinese, where a converter lost a formula, ``两个平方根之和等于 ，乘积…``:
            # kept, the trace of it)
        if lead < start and URL_END.search(text, max(0, lead - 300), lead):
            lead = start  # (after an address, ``http://exmail.qq.com ,点击``: without its
            # space, the link would take the Chinese after it in; review 232)
        edits.append(Edit(lead, start + 1 + drop, FULL_WIDTH[text[start]], evidence=_MARK_WHY))
    return edits


#: What a mark made full-width takes the spaces after, as after a Latin word: emphasis, code,
#: a link's or a bracket's end, a percentage (``**TNS** :``, ``22.0% ,``).
_LEADS = "*_`)]%"


def _ends_latin_aside(text: str, start: int) -> bool:
    """The mark at ``start``, after a Latin letter, ends the words a full-width bracket or a
    curly quotation holds, Latin words alone (``（Are you sure?）``, ``“What if?”``)."""
    closer = text[start + 1 : start + 2]
    if closer not in _ASIDE_OPENS or not text[start - 1 : start].isascii():
        return False
    opening = text.rfind(_ASIDE_OPENS[closer], text.rfind("\n", 0, start) + 1, start)
    if opening < 0:
        return False
    inside = text[opening + 1 : start]
    return inside[:1].isalpha() and not _WIDE_LETTER.search(inside)


_ASIDE_OPENS = {"）": "（", "”": "“", "」": "「", "』": "『", "》": "《", "】": "【"}


def _bold_labels(text: str) -> bool:
    """The text ends its bold labels on a half-width colon, a space after it, three times or
    more and more often than on a full-width one (``**版本**: 2.1`` ⏎ ``**難度**: 初級``, eleven
    times in a Hugo post): its author's style, kept."""
    half = len(_BOLD_LABEL_HALF.findall(text))
    return half >= 3 and half > text.count("**：") + text.count("__：")


_BOLD_LABEL_HALF = re.compile(r"(?:\*\*|__)[ \t]*:[ \t]")


def _plain_labels(text: str) -> bool:
    """The text ends the Chinese labels opening its lines on a half-width colon, a space after
    it, three times or more and more often than on a full-width one (``版次: 头版`` ⏎ ``日期:
    2025-10-26`` ⏎ ``主题: …`` ⏎⏎ ``来源: https://…``, a report's head): its author's style."""
    half = len(_PLAIN_LABELS.findall(text))
    return half >= 3 and half > len(_PLAIN_LABELS_FULL.findall(text))


#: A Chinese label opening a line (an item's bullet before it allowed), up to its colon.
_LABEL_HEAD = r"[ \t]*(?:[-*+][ \t]+)?\p{Han}{1,6}[ \t]*"
_PLAIN_LABEL = regex.compile(rf"{_LABEL_HEAD}:[ \t]")  # (half-width, a space after it)
_PLAIN_LABELS = regex.compile(rf"^{_LABEL_HEAD}:[ \t]", regex.MULTILINE)
_PLAIN_LABELS_FULL = regex.compile(rf"^{_LABEL_HEAD}：", regex.MULTILINE)


#: A Latin word or version opening a phrase, its colon, and a title's opening bracket right
#: after it (searched from five characters before the colon, a prefix having four at most, up
#: to the character after it: searched from the text's start, each colon took time in
#: proportion to the text, 0.5 MB of the seed in 6 s instead of 0.9).
_LATIN_PREFIX = re.compile(r"(?:^|(?<=[\s\[(（]))[A-Za-z][A-Za-z0-9]{0,3}:[【《「『]\Z", re.M)


def _emoticon(text: str, at: int) -> bool:
    """A face typed in ASCII starts at ``at`` (``:)``, ``:-)``, ``;)``, ``:D``): its colon is
    no mark, its bracket no bracket; a frown (``:(``) only where no bracket but a face's closes
    on its line soon after (``如下:(一)…`` is a colon and a number)."""
    found = _FACE.match(text, at)
    if found is None:
        return False
    if found.group(0)[-1] != "(":
        return True
    rest = _FACE.sub("", text[found.end() : found.end() + 12].split("\n", 1)[0])
    return ")" not in rest and "）" not in rest


_FACE = re.compile(r"[:;]-?(?:[()]|[DPp](?![A-Za-z0-9]))")
_DOUBLED = frozenset("，；：。！？、")  # (a full-width mark a half-width one stands right after)
_LATIN_COMMA = re.compile(r"[A-Za-z0-9], [A-Za-z]")


def _in_latin_list(text: str, start: int, index: LineIndex, lines: dict[int, bool]) -> bool:
    """The comma at ``start``, a Latin word after it, is one of a list's whose commas part
    Latin words (two or more on its line): ``kentropy, 詹志傑, imironhead`` keeps its commas
    alike, as a list of names mixing the scripts does (review 115). ``lines``: each line's
    answer, by where it starts (a line is read once, however many commas it holds; ``index``
    finds it)."""
    word = text[start + 1 : start + 3].lstrip(" ")[:1]
    if text[start] != "," or not (word.isascii() and word.isalpha()):
        return False
    first, end = index.span(start)
    if first not in lines:
        found = _LATIN_COMMA.finditer(text, first, end)
        lines[first] = sum(1 for _ in itertools.islice(found, 2)) >= 2
    return lines[first]


def _mixed_list(
    text: str, start: int, index: LineIndex, lines: dict[int, list[tuple[int, int]]]
) -> bool:
    """The comma at ``start``, a space after it, is one of a list's whose items, a few
    characters each, mix Chinese with figures and Latin words, another of its commas after a
    figure or a Latin word and before Chinese (``314k参数, 1.26 MB, 推理7ms``: that one stays,
    as a comma after Latin does, and widening the others would set one list's commas two
    ways; review 196's notes). ``lines``: each line's such lists, found once."""
    first, end = index.span(start)
    if first not in lines:
        found = _LIST_PART.finditer(text, first, end)
        lines[first] = [m.span() for m in found if _short_items(m.group(0))]
    return any(a <= start < b for a, b in lines[first])


def _short_items(part: str) -> bool:
    """``part`` is a list of three items or more, each of a few characters, its commas set
    ``, ``, one of them after a figure or a Latin word and before Chinese."""
    items = part.split(", ")
    fits = len(items) >= 3 and all(0 < len(item.strip()) <= _ITEM for item in items)
    return fits and _LATIN_BEFORE_CHINESE.search(part) is not None


def _glossed_list(text: str, start: int, index: LineIndex, lines: dict[int, bool]) -> bool:
    """The line of the comma at ``start`` holds a comma after a gloss in brackets, a space
    after it, before Chinese (:data:`_GLOSS_LIST`); ``lines``: each line's answer, found once."""
    first, end = index.span(start)
    if first not in lines:
        lines[first] = _GLOSS_LIST.search(text, first, end) is not None
    return lines[first]


#: A comma after a gloss in brackets, a space after it, before Chinese: kept half-width (a
#: comma after Latin), it sets the width of the line's other such commas.
_GLOSS_LIST = regex.compile(rf"\), (?=[{WIDE_MARKED}])")
#: The parts of a line between its marks other than ``, `` (a label's colon, a full stop…).
_LIST_PART = regex.compile(r"[^:：;；。，！？()（）\[\]|\n]+")
_LATIN_BEFORE_CHINESE = regex.compile(rf"[A-Za-z0-9], (?=[{WIDE_MARKED}])")
_ITEM = 10  # characters, at most, of a list's item


#: A line's label and its colon, set half-width with a space, or full-width: ``- 手机号码: ``,
#: ``GitHub: ``, ``电子邮箱：``.
_LABEL = re.compile(
    r"^[ \t]*(?P<item>[-*+][ \t]+)?[*_]*[^\s:：，。,.](?:[^\n:：，。,.]{0,22}[^\s:：，。,.])?[*_]*"
    r"(?:(?P<half>:)(?=[ \t]+\S|<br|\\?_{2})|：[ \t]*\S)",
    re.M,
)


def _labels_of_list(text: str, start: int) -> bool:
    """The colon at ``start`` follows a label and comes before its value, in a list whose
    items' labels all set their colons so, half-width with a space after (a résumé's ``-
    手机号码: …`` ⏎ ``- 电子邮箱: …`` ⏎ ``- GitHub: …``: the list's style, review 122), or in
    three or more lines of a block set so, a form's fields too, their values blank or to come
    (a contributor agreement's ``Full name姓名:<br />`` ⏎ ``Email邮箱:<br />`` …: review 202);
    where the others are ``：``, it is a slip."""
    line = text.rfind("\n", 0, start) + 1
    label = _LABEL.match(text, line)
    if label is None or label.start("half") != start:
        return False
    top, bottom = text.rfind("\n\n", 0, line), text.find("\n\n", start)
    block = text[top + 1 : bottom if bottom >= 0 else len(text)]
    labels = list(_LABEL.finditer(block))
    if not all(m.group("half") for m in labels):
        return False
    items = all(m.group("item") for m in labels)
    return len(labels) >= (2 if items else 3)


_OPENING = {"”": "“", "’": "‘", '"': '"', "）": "（", ")": "("}
#: Quotation marks around a mark alone: the mark named (``「,」``, ``“;”``, ``","``).
_NAMED = {"「": "」", "『": "』", "“": "”", "‘": "’", '"': '"', "'": "'", "`": "`"}


def _in_latin_quotation(text: str, start: int) -> bool:
    """The mark at ``start`` ends a quotation with no Chinese in it (``“I am inside!”，因为``),
    or follows one (or a bracket) and goes on in English (``Library（NSL）, as the``): English
    punctuation, whatever stands beyond the quotation marks."""
    after = text[start + 1 : start + 4].lstrip("*_~")[:1]
    if after and after in '”’"':  # the mark ends the quotation: judged by its words
        line = text.rfind("\n", 0, start) + 1
        opened = text.rfind(_OPENING[after], line, start)
        return opened >= 0 and _latin(text[opened + 1 : start])
    before, word = text[start - 1 : start], text[start + 1 : start + 3].lstrip(" ")[:1]
    if before in _OPENING and word.isascii() and word.isalpha():
        line = text.rfind("\n", 0, start) + 1
        opened = text.rfind(_OPENING[before], line, start - 1)
        return opened >= 0 and _latin(text[opened + 1 : start - 1])
    return False


def _latin(words: str) -> bool:
    """Latin letters, and no Chinese one."""
    return any("a" <= ch.lower() <= "z" for ch in words) and not _WIDE_LETTER.search(words)


def _after_math(text: str, start: int, end: int) -> int:
    """Where the spaces before the mark at ``start`` begin, when an inline math span ends right
    before them and Chinese follows the spaces after it (``$x^2$ , 再``, as converters
    space math); else -1."""
    if not (end > start + 1 and _WIDE_LETTER.match(text, end) is not None):
        return -1
    line = text.rfind("\n", 0, start) + 1
    before = text[line:start].rstrip(" \t")
    closed = before.endswith("$") and before[-2:-1] not in (" ", "\t", "")
    return line + len(before) if closed and before.count("$") % 2 == 0 else -1


def _math_spaces(text: str, converted: bool = False) -> list[Edit]:
    """Spaces between the end of an inline math span and a full-width mark (``$d$ ，``,
    ``$90 \\%$ 。``, as converters space math), which a Chinese mark needs none of; and those
    after the mark where more math follows, its spaces on both sides the same habit's
    (``$A$ ， $B$`` is ``$A$，$B$``, not a lopsided ``$A$， $B$``: reviews 111 and 113); in a
    ``converted`` text, those after a mark before math too (``式中， $u$``: its converter's)."""
    edits = []
    starts = {start for start, _ in Protected.of(text).spans} if " $" in text else set()
    for match in _SPACED_MARK.finditer(text):
        dollar = match.start()
        line = text.rfind("\n", 0, dollar) + 1
        before = text[line : dollar + 1]
        if before[-2:-1] not in (" ", "\t", "", "\\") and before.count("$") % 2 == 0:
            if match.group(2) and match.end() in starts:  # (the ``$`` after opens math: one
                # edit, so that a suggestion accepted is never half of one)
                mark = text[match.end(1) : match.start(2)]
                edits.append(Edit(dollar + 1, match.end(), mark, evidence=_MATH_WHY))
            else:
                edits.append(Edit(dollar + 1, match.end(1), "", evidence=_MATH_WHY))
    if converted:  # (and a converter's before math after a mark: ``式中， $u$``)
        taken = {e.end for e in edits}
        for match in _MARK_THEN_MATH.finditer(text):
            if match.end() in starts and match.end() not in taken:
                edits.append(Edit(match.start(), match.end(), "", evidence=_MATH_WHY))
        edits.sort(key=lambda e: e.start)
    return edits


def _masked(text: str) -> str:
    """``text`` with every protected span and every emoticon blanked out, so no bracket pairs
    across one, nor with a face's (``目的:(有点过分了:)``: review 132)."""
    spans = Protected.of(text).spans
    if ":" in text or ";" in text:
        faces = [(m.start(), m.end()) for m in _FACE.finditer(text) if _emoticon(text, m.start())]
        spans = sorted(spans + faces) if faces else spans
    if not spans:
        return text
    parts, last = [], 0
    for start, end in spans:
        start = max(start, last)  # (a face inside a protected span: blanked once)
        if end <= start:
            continue
        parts.append(text[last:start])
        parts.append("\0" * (end - start))
        last = end
    parts.append(text[last:])
    return "".join(parts)


def _parentheses(masked: str) -> list[Edit]:
    edits = []
    base = 0
    english = English(masked)
    found: list[set[int]] = []

    def marks() -> set[int]:  # (where the marks made full-width stand, looked for once)
        if not found:
            found.append({e.start for e in _marks(masked)})
        return found[0]

    for line in masked.split("\n"):
        start, base = base, base + len(line) + 1
        if not ("(" in line or "（" in line) or not (")" in line or "）" in line):
            continue
        stack: list[int] = []
        for bracket in _PAREN.finditer(line):
            i, ch = bracket.start(), bracket.group(0)
            if ch in "(（":
                stack.append(i)
            elif stack:
                opening = stack.pop()
                pair = line[opening] + ch
                if pair == "（）" or _FILE_END.match(line, i + 1):
                    continue  # (a file's name, ``N005898(丁明昌).pdf``: as it is on disk)
                if _quoted_pair(line, opening, i):
                    continue  # (quoted as it is written: a style guide's ``“(批量大小, 词数)”``)
                if is_hangul(line[opening - 1 : opening]) or is_hangul(line[i + 1 : i + 2]):
                    continue  # (Korean's: a word glossed in Hanja, ``그녀(女)가``; review 153)
                inner = line[opening + 1 : i]
                if pair == "()" and _SLIDE_MARK.fullmatch(inner):
                    continue  # (d2lbook's slide mark, ``(**实现汇聚层的前向传播**)``: markup,
                    # which the book strips and the slides take in; reviews 97 and 229)
                if pair == "()" and _OPERATOR.search(inner):
                    continue  # (a formula's, ``(总时间/IO Time * 磁盘数 * 利用率)``; review 204)
                if (_chinese_inside(inner) and not _glossed(line, opening, inner)) or (
                    pair != "()" and _beside_cjk(line, opening, i, marks(), start)
                ):
                    if pair == "()" and english.at(start + opening, start + i):
                        continue  # (a gloss in an English sentence, ``*Hongxue* (紅學) or…``)
                    before, after = _room(line, opening, i)
                    at = start + opening
                    both = (before or pair[0] == "(") and (after or ch == ")")  # (two changes)
                    tie = at if both else -1
                    why: tuple[str, ...] = _HOLDS_WHY if pair == "()" else _MIXED_WHY
                    why = (*why, _HALF_OF_PAIR) if both else why
                    edits.append(Edit(at - before, at + 1, "（", evidence=why, pair=tie))
                    end = start + i + 1 + after
                    edits.append(Edit(start + i, end, "）", evidence=why, pair=tie))
    return edits


_FILE_END = re.compile(r"\.[A-Za-z][A-Za-z0-9]{1,4}\b")  # a file name's extension
_SLIDE_MARK = re.compile(r"\*\*[^*\n]+\*\*")  # (bold, the brackets hugging it)
#: An operator set apart by spaces: what the brackets hold is a formula's terms.
_OPERATOR = re.compile(r"(?<=\S)[ \t]+[*×÷=+][ \t]+(?=\S)")
#: A bracket pair quoted (``“(批量大小, 词数)”``): a style guide's example, as it is to be
#: written, its marks too (review 97; so is a mark right after a colon, ``逗号：,``).
_QUOTED_PAIR = re.compile(r'[“"「]\([^()\n]*\)[”"」]')


def _quoted_pair(line: str, opening: int, closing: int) -> bool:
    """The brackets at ``opening`` and ``closing`` stand right inside quotation marks."""
    found = _QUOTED_PAIR.match(line, opening - 1) if opening else None
    return found is not None and found.end() == closing + 2


_QUOTATION = re.compile(r'"[^"\n]*"|“[^”\n]*”|‘[^’\n]*’')


def _chinese_inside(words: str) -> bool:
    """Chinese in brackets: not only in quotations among English words (``(e.g., "相" becomes
    "篇")``: an English aside that quotes Chinese)."""
    if not _WIDE_LETTER.search(words):
        return False
    return not _latin(_QUOTATION.sub(" ", words))


def _finish(text: str) -> list[Edit]:
    """The spaces after math before a mark, and the full stops, of ``text``."""
    return (_math_spaces(text) if "$" in text else []) + _stops(text)


def _all_of(text: str, first: list[Edit], *finders: Callable[[str], list[Edit]]) -> list[Edit]:
    """``first``, and the edits each of ``finders`` finds in the text the ones before would
    leave, all as edits of ``text`` (none recorded, none made)."""
    steps: list[Step] = []
    found, current, virtual = [], _disjoint(first), text
    found.extend(current)
    for find in finders:
        steps.append(Step(current))
        virtual = apply_sorted(virtual, current)
        current = _disjoint(find(virtual))
        for made in current:
            start, end = made.start, made.end
            for step in reversed(steps):
                start, end = step.to_inputs([start, end])
            found.append(made._replace(start=start, end=end))
    return found


def _disjoint(edits: list[Edit]) -> list[Edit]:
    """``edits`` sorted, each overlapping one before it left out."""
    kept: list[Edit] = []
    for made in sorted(edits, key=lambda e: (e.start, e.end)):
        if not kept or made.start >= kept[-1].end:
            kept.append(made)
    return kept


def _stops(text: str) -> list[Edit]:
    """The full stops :data:`_PERIOD` finds, but in a paragraph whose sentences end on a ``.``
    set right between Chinese characters (``…重要手段.与光学遥感相比…``, which is left: a
    reference's ``张辉.本振``), whose last one is its style too (review 109: only the last of
    each paragraph turned)."""
    edits, english = [], English(text)
    scanned, end, between = 0, text.find("\n\n"), False  # (the paragraph read so far: once)
    for m in _PERIOD.finditer(text):
        while 0 <= end < m.start():  # (past the paragraph: the next starts fresh)
            scanned, between, end = end + 1, False, text.find("\n\n", end + 1)
        if not between:
            between = _STOP_BETWEEN.search(text, scanned, m.start()) is not None
            scanned = max(scanned, m.start() - 1)
        line = text.rfind("\n", 0, m.start()) + 1
        if between or _NUMERAL_POINT.fullmatch(text, line, m.start()):
            continue
        if not english.at(m.start(), beside=False):  # (``…in 完璧归赵.``: its own)
            edits.append(Edit(m.start(), m.end(), "。", evidence=_STOP_WHY))
    return edits


_STOP_BETWEEN = regex.compile(rf"[{WIDE_MARKED}]\.(?=[{WIDE_MARKED}])")
#: What stands before a section's number in Chinese numerals and its point, at a line's start
#: (``## 一. 什么是线段树``, ``二.``: review 146): its point is no full stop.
_NUMERAL_POINT = regex.compile(
    r"[ \t]*(?:#{1,6}[ \t]+|[-*+][ \t]+|\d{1,9}[.)][ \t]+|>[ \t]*)?"
    r"[*_]*[一二三四五六七八九十百]{1,4}"
)


def _glossed(line: str, opening: int, inner: str) -> bool:
    """The brackets stand in an English sentence: a Latin word before them, and one after
    them (``Open Chinese Convert (OpenCC, 開放中文轉換) is…``) or only quoted Chinese in them
    (``The family genealogy ("族譜"), which…``); or they gloss the Latin word right before
    them at the end of a link's text or of the line (``[Chinese(繁體中文)](…)``, a README's
    list of its translations: review 101)."""
    before = line[:opening].rstrip(" \t")[-1:]
    if not (before.isascii() and before.isalpha()):
        return False
    after = line[opening + len(inner) + 2 :].lstrip(" \t")[:1]
    if after in ("]", "\0") or (after == "" and line[opening - 1 : opening] == before):
        return True  # (``\0``: the link's ``](…)``, protected, blanked out; at a link's end a
        # space before them too, ``[Japanese (日本語)]``: review 142; not at a line's, where
        # ``Wayforward (給一個…)`` describes a name, no gloss)
    unquoted = _QUOTATION.sub("", inner)
    return (after.isascii() and after.isalpha()) or not _WIDE_LETTER.search(unquoted)


def _room(line: str, opening: int, closing: int) -> tuple[int, int]:
    """The spaces before a pair of brackets made full-width and after it, between it and a
    word, a CJK mark or code on either side (a full-width bracket has its own room:
    ``控制组 (…) 是`` -> ``控制组（…）是``); none next to Markdown's own marks (``### (一)``,
    ``| (…) |``), an indent or a hard break; nor three or more, which set columns apart (a
    plain-text table's, :func:`~publish.clean.shapes.aligned`)."""
    head, tail = line[:opening].rstrip(" \t"), line[closing + 1 :].lstrip(" \t")
    before = opening - len(head) if _tight(_past_emphasis(head, -1)) else 0
    after = len(line) - closing - 1 - len(tail) if _tight(_past_emphasis(tail, 0)) else 0
    return (before if before < _COLUMNS else 0), (after if after < _COLUMNS else 0)


_COLUMNS = 3  # spaces: the fewest that set a table's columns apart


def _past_emphasis(text: str, at: int) -> str:
    """The character at ``text``'s end (``at`` -1) or start (0), past the emphasis marks that
    close or open there on a word (``**Dataview** (一種…)``: the marks close on ``w`` with a
    full-width bracket after them as well; review 138); "" where a space stands inside them."""
    bare = text.rstrip("*_") if at else text.lstrip("*_")
    return (bare[-1:] if at else bare[:1]).strip()


def _tight(ch: str) -> bool:
    """A bracket made full-width takes no space beside ``ch``: a letter, a digit, a CJK mark,
    or code (blanked out in the masked line)."""
    return ch.isalnum() or ch in ("\0", "`") or (ch != "" and marks_wide(ch))


def _beside_cjk(line: str, opening: int, closing: int, marks: set[int], at: int) -> bool:
    """A CJK character is the first one before the bracket pair or after it (spaces looked
    through): a pair of mixed widths in an English sentence, ``three-dimensional(3D）position``,
    is not Chinese punctuation. A half-width bracket of another pair of mixed widths counts as
    the full-width one it becomes (``（a)（b)``: both repaired in one run), and so does a
    half-width mark the pass makes full-width (``marks``: where they stand in the text, the
    line starting at ``at``; ``（a),代``)."""
    left = line[:opening].rstrip(" \t")
    right = line[closing + 1 :].lstrip(" \t")
    before, after = left[-1:], right[:1]
    if before == ")" and _mixed(left, len(left) - 1):
        return True
    if after == "(" and _mixed(line, len(line) - len(right)):
        return True
    if (before in FULL_WIDTH and at + len(left) - 1 in marks) or (
        after in FULL_WIDTH and at + len(line) - len(right) in marks
    ):
        return True
    return marks_wide(before) or marks_wide(after)


def _mixed(line: str, at: int) -> bool:
    """The half-width bracket at ``at`` is one of a pair of mixed widths (``（a)``, ``(a）``)."""
    back = line[at] == ")"
    step, mate, same = (-1, "(（", ")）") if back else (1, ")）", "(（")
    depth, i = 0, at + step
    while 0 <= i < len(line):
        if line[i] in mate:
            if depth == 0:
                return line[i] in "（）"
            depth -= 1
        elif line[i] in same:
            depth += 1
        i += step
    return False


def _quotes(masked: str) -> list[Edit]:
    """Straight double quotes around Chinese, paired in order with curly ones: ``"…"``,
    ``“…"`` and ``"…”`` all become ``“…”``; not on a line with an odd number of quotation
    marks, where a paragraph starts inside a quotation, or OCR lost one, and pairing them in
    order would turn every one the wrong way round, nor on one where a quotation nests in
    another (``曰: "…有言曰: "…." …."``: one read as closing stands after a colon)."""
    edits = []
    base = 0
    for line in masked.split("\n"):
        start, base = base, base + len(line) + 1
        if '"' not in line or sum(map(line.count, '“”"')) % 2:
            continue  # (an odd count: the line may start inside a quotation; pairs unknown)
        if "“" in line and _WRONG_WAY.search(line):
            continue  # (a curly mark set the wrong way, ``"框架“ 、``: pairs unknown; review 196)
        opened: tuple[int, str] | None = None
        found: list[Edit] = []
        mixed = False
        marks = [(m.start(), m.group(0)) for m in _QUOTE.finditer(line)]
        nested = _nested(line, marks)
        for n, (i, ch) in enumerate(marks):
            if n in nested:
                continue
            if opened is None or ch == "“":
                opened = (i, ch) if ch != "”" else None
                continue
            at, first = opened
            opened = None
            if ch == '"' and line[:i].rstrip(" \t")[-1:] in ":：":
                found = []  # (one opens after a colon, where it would close: quotes nest)
                break
            if first + ch == '""' and _literal(line, at, i):
                continue  # (a value set out as data: a table's cell ``| "春天的花園" |``, a
                # list's ``["生活"]``, front matter shown; review 134)
            if first + ch != "“”" and _WIDE_LETTER.search(line[at + 1 : i]):
                opens = start + at
                tie = opens if first + ch == '""' else -1  # (both halves change)
                why = (*_QUOTE_WHY, _HALF_OF_PAIR) if tie >= 0 else _QUOTE_WHY
                found.append(Edit(opens, opens + 1, "“", evidence=why, pair=tie))
                found.append(Edit(start + i, start + i + 1, "”", evidence=why, pair=tie))
            elif first + ch == '""':
                mixed = True  # (a straight pair around other words: ``"客户端" 和 "SSR"``)
        edits.extend(doubted(found, _MIXED_QUOTES) if mixed else found)
    return edits


#: An opening curly quotation mark where one closes: after a word, before a space or a mark.
_WRONG_WAY = regex.compile(rf"[{WIDE_MARKED}]“(?=[ \t，。、；：！？,.;:!?]|$)")
_MIXED_QUOTES = "the line quotes other words with straight marks too: only these would turn"


def _literal(line: str, opening: int, closing: int) -> bool:
    """The straight pair at ``opening`` and ``closing`` holds a value set out as data: the
    whole of a table's cell, an item of a bracketed list (``["Hugo", "園藝"]``), or a key's
    value (:data:`_KEYED`)."""
    before = line[:opening].rstrip(" \t")[-1:]
    after = line[closing + 1 :].lstrip(" \t")[:1]
    if (before, after) == ("|", "|"):
        return True
    listed = line.rfind("[", 0, opening) > line.rfind("]", 0, opening) and "]" in line[closing:]
    if listed and before in ("[", ",") and after in ("]", ","):
        return True
    if after not in (",", "}", "]", ""):
        return False
    return _KEYED.search(line, max(0, opening - _KEY_REACH), opening) is not None


#: A key named as code names one (``title: `` in a script's object, ``{"text": `` in JSON),
#: the value after it set out as data: ``title: "春晓",`` (a page's MDX), ``→ {"text":
#: "希望…。", "notes": ""}`` (a translation's lines; reviews 191 and 192), not a sentence's
#: Chinese before a colon.
_KEY_REACH = 64  # characters before a value its key is looked for in (a key's name is short)
_KEYED = re.compile(
    r"""(?:^|[{,\s])(?:"[A-Za-z_$][\w$-]*"|'[A-Za-z_$][\w$-]*'|[A-Za-z_$][\w$]*)[ \t]*:[ \t]*$"""
)


def _nested(line: str, marks: list[tuple[int, str]]) -> set[int]:
    """The straight quotation marks that pair up inside a curly quotation around words with no
    Chinese: an English phrase quoted within it (``“主题 = ( " solar wind" magnetosphere)”``, a
    search's terms; review 91), which pairing in order would turn half of the wrong way."""
    nested: set[int] = set()
    for n in range(1, len(marks) - 2):
        (_, opens), (a, first), (b, second), (_, closes) = marks[n - 1 : n + 3]
        if (opens, first, second, closes) == ("“", '"', '"', "”") and not _WIDE_LETTER.search(
            line[a + 1 : b]
        ):
            nested.update((n, n + 1))
    return nested


def _decimal(match: re.Match[str]) -> str | None:
    """``．`` between digits made ``.``, but not an item's number that starts its line
    (``8．1643 年，法国数学家费马…``: item 8, a year)."""
    text, start = match.string, match.start()
    line = text.rfind("\n", 0, start) + 1
    return None if _ITEM_NUMBER.fullmatch(text, line, start) else "."


def apply(text: str, edit: Editor) -> str:
    if not has_cjk(text):  # (every repair here has a CJK letter or mark beside it)
        return text
    # Brackets and quotes first: the marks next to them then see the full-width forms.
    masked = _masked(text) if "(" in text or "（" in text or '"' in text else text
    pairs, quotes, marks = _parentheses(masked), _quotes(masked), _marks(text)
    doubt = ""  # (why every repair here is only suggested: the author's own style)
    shown = shows_conversion(text, edit.pages)  # (widening marks adds or removes no sign)
    own = (pairs or quotes or marks) and not shown
    if own:
        kept = Protected.of(text)  # (a log's ``已保存: publi…`` in a code block is no slip)
        marks = [e for e in marks if not kept.covers(e.start, e.end)]
        pairs, quotes, marks, doubt = housestyle.weigh(masked, pairs, quotes, marks)
    if doubt:  # (all made edits of the text as it stands: a suggestion's id, which a
        # reviewer accepts, must not hang on whether another was accepted)
        found = _all_of(text, pairs + quotes, _marks, _finish)
        text = edit.apply(text, _unescaped(text, doubted(found, doubt)))
    else:
        widened = edit.apply(text, _unescaped(text, pairs + quotes))
        if widened != text and not own:  # (a mixed pair beside a pair made full-width:
            # ``（)(上接…)`` is ``（)（上接…）`` now, its ``)`` beside Chinese; once more)
            more = _parentheses(_masked(widened))
            widened = edit.apply(widened, _unescaped(widened, more))
        if widened != text:  # (the marks again, beside the brackets made full-width, and
            # weighed again: a text's style of a mark holds whatever its brackets became)
            marks = _marks(widened)
            marks = housestyle.marks_of_style(_masked(widened), marks) if own else marks
        if own and "(" in widened:
            marks = _in_kept_pairs(widened, marks)
        text = edit.apply(widened, _unescaped(widened, marks))
        if "$" in text:  # (after the marks: one made full-width may stand after math, spaces)
            spaces = _math_spaces(text, shown)
            spaces = spaces if shown else housestyle.math_of_style(text, spaces)
            text = edit.apply(text, spaces)
        stops = _stops(text)
        if stops:  # (converted too: a journal's ``.`` after every sentence, ``所示.分离``,
            # which widened only at a paragraph's end would mix the two; reviews 109, 141, 149)
            stops = housestyle.stops_of_style(text, stops)
        text = edit.apply(text, stops)
    if "％" in text:
        text = edit.sub(_PERCENT, "%", text, why=_DIGITS_WHY)
    if "．" in text:
        text = edit.sub(_POINT, _decimal, text, why=_DIGITS_WHY)
    return text


_IN_KEPT_PAIR = "inside brackets the text keeps half-width: widened, it would mix the two"


def _in_kept_pairs(text: str, marks: list[Edit]) -> list[Edit]:
    """``marks``, those inside a pair of brackets around Chinese that stays half-width (its
    widening only suggested, the author's style) only suggested too: ``(批量大小, 隐藏单元个数)``
    would read ``(批量大小，隐藏单元个数)`` (review 140)."""
    spans = [m.span() for m in housestyle.HALF_PAIR.finditer(text)]
    if not spans:
        return marks
    starts = [start for start, _ in spans]
    kept = []
    for mark in marks:
        at = bisect.bisect_right(starts, mark.start) - 1
        inside = at >= 0 and mark.end <= spans[at][1]
        kept.extend(doubted([mark], _IN_KEPT_PAIR) if inside else [mark])
    return kept


def _unescaped(text: str, edits: list[Edit]) -> list[Edit]:
    """``edits``, each taking the backslash that escapes its mark (``\\(``, as YomiToku writes
    every ASCII mark) with it: CommonMark escapes only ASCII marks, so ``\\（`` would show one."""
    if "\\" not in text:
        return edits
    found = []
    for edit in edits:
        start = edit.start
        if text[start - 1 : start] == "\\" and _escapes(text, start - 1):
            edit = edit._replace(start=start - 1)
        found.append(edit)
    return found


def _escapes(text: str, at: int) -> bool:
    """The backslash at ``at`` escapes what follows it (it is not itself escaped)."""
    run = 0
    while run <= at and text[at - run] == "\\":
        run += 1
    return run % 2 == 1


def widened(text: str) -> str:
    """``text`` with its marks as this pass will leave them, nothing recorded: for a pass
    that runs earlier and judges the marks of a line (protected spans are not looked for)."""
    masked = _masked(text) if "(" in text or "（" in text or '"' in text else text
    text = apply_edits(text, _parentheses(masked) + _quotes(masked))
    return apply_edits(text, _marks(text))
