"""Characters a PDF's text extraction gave for others, for ``normalise``: radicals for the
characters a font drew with them, and control characters where a space or nothing stood.

- A run of Kangxi radicals (U+2F00–U+2FD5) beside a Chinese character becomes the characters
  it stands for (``⾃主`` -> ``自主``, by NFKC); one alone, or a run of them alone, is left (a
  table of radicals names them). They show a PDF's extraction where they stand throughout
  (:func:`throughout`), not where a writer pasted a line from a PDF into their own text.
- So does a radical of the CJK Radicals Supplement that has the shape of a whole simplified
  character (``⻓江`` -> ``长江``, ``⻘年`` -> ``青年``: MinerU's Markdown of two PDFs, reviews 108
  and 114); these have no NFKC form, so :data:`SUPPLEMENT` names each.
- A control character (U+0001–U+001F but tab, line feed, carriage return, and a form feed
  starting a line, which ``furniture`` reads as a page's end) is invisible in print, and no
  HTML or EPUB can hold one. One beside a space, a line's edge or a CJK character goes, and a
  line of nothing else goes whole. Between two letters it plays one part through a text: a
  PDF font's unmapped space (``USLEEP\\x01VISION``) becomes a space, a stray inside a word
  (``wa\\x02nt``: the halves make a word the text or the word list knows) goes, as most of
  that character's runs read (reviews 95, 97, 103, 105, 114 and 118 found them in five
  documents).
- U+2043 HYPHEN BULLET, which Chinese journals' fonts set for a hyphen (``South⁃Central``,
  ``1000⁃386x``, ``na⁃`` at a line's end), is a hyphen; a word it broke at a line's end
  that a converter rejoined (``nonme⁃tallic``, ``Recur⁃ sively``) is whole again where the
  halves make a word; between two words the space after it is only offered as gone (reviews
  104, 109, 119, 131, 133 and 135 found it in six papers). A bullet starting a line is left.
- A Latin ligature (U+FB00–U+FB06: ``ﬁ``, ``ﬂ``, ``ﬀ``, ``ﬃ``, ``ﬄ``, ``ﬅ``, ``ﬆ``) beside a
  letter is the letters a PDF's font drew as one glyph (``proﬁted``, ``ﬂight``, ``bene-`` ⏎
  ``ﬁt``): no one types them, a search for the word misses them, and the font ligates its
  own letters again; one alone (``the ﬁ ligature``) is a text about the glyph and stays
  (reviews 94, 106 and 156 found them in three documents).
- U+2010 (a hyphen) before a space and a word's other half in lower case is where a line
  ended and a converter joined it on (``evalua‐ tion``): the word is whole again where the
  halves make one; two words' compound closed is only offered (reviews 119, 134, 139 and 140).
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

import regex

from publish.cjk import is_cjk
from publish.clean import evidence as ev
from publish.clean.editor import Editor
from publish.clean.joining import Join, hyphenated
from publish.clean.trace import Edit
from publish.clean.words import Lexicon

#: Radicals of the CJK Radicals Supplement shaped as a whole character, and the character.
SUPPLEMENT = {
    "\u2e9f": "母",
    "\u2ea0": "民",
    "\u2ec4": "西",
    "\u2ec5": "见",
    "\u2ec6": "角",
    "\u2ec9": "贝",
    "\u2ecb": "车",
    "\u2ed1": "長",
    "\u2ed3": "长",
    "\u2ed4": "门",
    "\u2ed7": "雨",
    "\u2ed8": "青",
    "\u2ed9": "韦",
    "\u2eda": "页",
    "\u2edb": "风",
    "\u2edc": "飞",
    "\u2edd": "食",
    "\u2ee2": "马",
    "\u2ee3": "骨",
    "\u2ee4": "鬼",
    "\u2ee5": "鱼",
    "\u2ee6": "鸟",
    "\u2ee7": "卤",
    "\u2ee8": "麦",
    "\u2ee9": "黄",
    "\u2eea": "黾",
    "\u2eec": "齐",
    "\u2eee": "齿",
    "\u2ef0": "龙",
    "\u2ef3": "龟",
}
_ONE = "[\u2f00-\u2fd5" + "".join(SUPPLEMENT) + "]"
_RUN = rf"{_ONE}(?:[ \t]?{_ONE})*"  # (spaced out by OCR, ``电 ⼦ ⽿``)
_RADICALS = regex.compile(
    rf"(?<=\p{{Unified_Ideograph}}[ \t]?){_RUN}|{_RUN}(?=[ \t]?\p{{Unified_Ideograph}})"
)
_ANY_RADICAL = re.compile(_ONE)
_RADICAL = ("a radical a PDF's font gave for the character, beside Chinese",)

#: Control characters no HTML or EPUB can hold (a form feed starting a line is ``furniture``'s
#: page end; one after text on its line is not, nor one before another control character: a
#: font's garbage, ``\x0c\x0b\x0f\x0c\x1c…``, a page's text layer that maps no letter).
CONTROLS = "\x01-\x08\x0b\x0e-\x1f"  # (a class body: the form feed apart)
CONTROL = re.compile(f"[{CONTROLS}]+|(?<=[^\n\x0c])\x0c+|^\x0c+(?=[{CONTROLS}])", re.MULTILINE)
_ANY_CONTROL = re.compile(f"[{CONTROLS}\x0c]")
_SPACE = ("a control character a PDF's font gave for a space, between two words",)
_STRAY = ("a control character, invisible in print, that no HTML or EPUB can hold",)
#: A line of nothing but control characters and spaces, and its line end.
_ONLY_CONTROLS = re.compile(  # (form feeds in it too, but not alone: ``furniture``'s)
    f"^\x0c*[ \t]*(?:[{CONTROLS}]+[ \t\x0c]*)+(?:\n|$)", re.MULTILINE
)
_HEAD = re.compile(r"[A-Za-z]+$")  # (searched up to the control character)
_TAIL = re.compile(r"[A-Za-z]+")


_LIGATURE = "[\ufb00-\ufb06]"
_LIGATURES = regex.compile(rf"(?<=\p{{Latin}}){_LIGATURE}+|{_LIGATURE}+(?=\p{{Latin}})")
_ANY_LIGATURE = re.compile(_LIGATURE)
_LIGATED = ("a ligature a PDF's font drew for the letters, inside a word",)


def ligatures(text: str, edit: Editor) -> str:
    """``text`` with the Latin ligatures inside words made their letters."""
    if text.isascii() or not _ANY_LIGATURE.search(text):
        return text
    return edit.sub(_LIGATURES, _letters, text, why=_LIGATED)


def _letters(match: regex.Match[str]) -> str:
    return unicodedata.normalize("NFKC", match.group(0))


def radicals(text: str, edit: Editor) -> str:
    """``text`` with the radicals beside Chinese made the characters they stand for."""
    if not _ANY_RADICAL.search(text):
        return text
    return edit.sub(_RADICALS, lambda m: _character(m.group(0)), text, why=_RADICAL)


def throughout(text: str) -> bool:
    """The radicals in ``text`` stand for their characters throughout, as a PDF's font draws
    them: half as many or more as the characters written as such (a text extracted whole;
    one a writer pasted a line of into, ``进⾏`` among thirty ``行``, is the writer's own:
    review 172)."""
    found = _ANY_RADICAL.findall(text)
    written = sum(text.count(_character(ch)) for ch in set(found))
    return 2 * len(found) >= written


def _character(run: str) -> str:
    return "".join(SUPPLEMENT.get(ch) or unicodedata.normalize("NFKC", ch) for ch in run)


def controls(text: str, edit: Editor) -> str:
    """``text`` without control characters: a line of nothing else goes whole (its emptied
    line would end a paragraph); one beside a space, a line's edge or a CJK character goes;
    one between two words is a space, one inside a word goes (:func:`_roles`); one beside a
    mark (``RELATIONS\\x01&``) is a space."""
    if not _ANY_CONTROL.search(text):  # (a plain class: found at once, or not at all)
        return text
    edits, lines = [], set()
    for line in _ONLY_CONTROLS.finditer(text):
        edits.append(Edit(line.start(), line.end(), "", 1.0, _STRAY))
        lines.add(line.start())
    found = [m for m in CONTROL.finditer(text) if text.rfind("\n", 0, m.start()) + 1 not in lines]
    inside = _roles(text, found)
    for match in found:
        before, after = text[match.start() - 1 : match.start()], text[match.end() : match.end() + 1]
        apart = not before.strip() or not after.strip() or is_cjk(before) or is_cjk(after)
        if apart or inside.get(match.start(), False):
            edits.append(Edit(match.start(), match.end(), "", 1.0, _STRAY))
        else:
            edits.append(Edit(match.start(), match.end(), " ", 1.0, _SPACE))
    return edit.apply(text, sorted(edits))


def extracted(text: str) -> bool:
    """``text``'s control characters are a PDF's text extraction's: three or more, or one
    between two letters (a font's space, ``USLEEP\x01VISION``, or a stray inside a word,
    ``wa\x02nt``). One or two beside Chinese or a space may be a typist's, a backspace an
    input method left in an author's notes (``意见\x08都归纳``: review 124): they go, and the
    text is not taken for converted."""
    return len(_ANY_CONTROL.findall(text)) >= 3 or _BETWEEN_LETTERS.search(text) is not None


_BETWEEN_LETTERS = re.compile(f"[A-Za-z][{CONTROLS}\x0c]+[A-Za-z]")


def _roles(text: str, found: list[re.Match[str]]) -> dict[int, bool]:
    """Whether each run of ``found`` between two Latin letters stands inside a word, by where
    it starts: a text's control character plays one part throughout (a font's space in a
    brochure, ``USLEEP\\x01VISION``, ``THE\\x01SCORE\\x01BOARD``; a stray inside a paper's words,
    ``wa\\x02nt``, ``labe\\x02led``), so each character's runs go as most of them do, where the
    two halves make a word the text or the word list knows (``HOSPITAL'S\\x01CORE`` makes none:
    a word's ending), or are a space."""
    lexicon, halves, votes = Lexicon(text), {}, Counter[tuple[str, bool]]()
    for match in found:
        head = _HEAD.search(text, max(0, match.start() - 40), match.start())
        tail = _TAIL.match(text, match.end())
        if head is None or tail is None:
            continue
        prior = text[head.start() - 1] if head.start() else ""
        word = prior not in ("'", "’") and lexicon.is_word(head[0] + tail[0])
        halves[match.start()] = (match[0][0], word)
        votes[match[0][0], word] += 1
    return {
        at: votes[char, True] > votes[char, False]
        or (votes[char, True] == votes[char, False] and word)
        for at, (char, word) in halves.items()
    }


#: U+2043 after a letter or digit, before a letter (across the space a converter put where the
#: line broke) or a digit, or at the line's end.
_HYPHEN_BULLET = regex.compile(
    r"(?<=[\p{L}\p{N}])\u2043(?:[ \t]+(?=\p{L})|(?=[\p{L}\p{N}])|(?=[ \t]*$))", regex.M
)
_BULLET = ("a journal's font set its hyphen as U+2043, a bullet",)


def hyphen_bullets(text: str, edit: Editor) -> str:
    """``text`` with U+2043 set for a hyphen made one, or, where a word was broken at a line's
    end and a converter rejoined it, the two halves as one word (``nonme⁃tallic``, ``Recur⁃
    sively``: :func:`~publish.clean.joining.hyphenated` sure of it); between two words the
    space after it is only offered as gone (``low⁃ resource`` a compound's, ``Dis⁃ actions``
    two columns' words); else it stays."""
    if "\u2043" not in text:
        return text
    lexicon, edits = Lexicon(text), []
    for match in _HYPHEN_BULLET.finditer(text):
        join = _joined(match, lexicon)
        if join is not None and join.confidence >= ev.STRONG:
            new, whys = "-"[: 1 - join.drop], (*_BULLET, join.why)
            edits.append(Edit(match.start(), match.end(), new, join.confidence, whys))
            continue
        edits.append(Edit(match.start(), match.start() + 1, "-", ev.CERTAIN, _BULLET))
        if join is not None and not join.drop and match.end() > match.start() + 1:
            # (two words: a compound's halves, ``low⁃ resource``, or two columns' words,
            # ``Dis⁃ actions``, review 145: the converter's space only offered as gone)
            edits.append(Edit(match.start() + 1, match.end(), "", join.confidence, (join.why,)))
    return edit.apply(text, edits)


def _joined(match: regex.Match[str], lexicon: Lexicon) -> Join | None:
    """How the word before ``match`` (a hyphen, and the spaces after it) joins the one after."""
    text = match.string
    head = _HEAD.search(text, max(0, match.start() - 40), match.start())
    after = text[match.end() : match.end() + 40]
    return hyphenated(head.group(0) + "-", after, lexicon) if head else None


#: U+2010 (a hyphen) that ended a line, a space where a converter joined the line on, then the
#: word's other half in lower case (``evalua‐ tion``, ``inte‐ gration``: a paper's and a book's
#: text pasted from a PDF; reviews 119, 134, 139 and 140).
_SPACED_HYPHEN = regex.compile(r"(?<=[A-Za-z])\u2010[ \t]+(?=[a-z])")


def hyphens(text: str, edit: Editor) -> str:
    """``text`` with the words a U+2010 and a space broke made whole where their halves make a
    word, as :func:`~publish.clean.joining.hyphenated` is sure (two words' compound closed,
    ``low‐ cost`` -> ``low‐cost``, only offered); else left. (Not a mark of a PDF's
    extraction for the rest of the text: an author pastes such a paragraph into their own.)"""
    if "\u2010" not in text:
        return text
    lexicon, edits = Lexicon(text), []
    for match in _SPACED_HYPHEN.finditer(text):
        join = _joined(match, lexicon)
        if join is None or (join.drop and join.confidence < ev.STRONG):
            continue
        new = "" if join.drop else "\u2010"  # (two words' only offered: ``low‐ cost``)
        edits.append(Edit(match.start(), match.end(), new, join.confidence, (*_SPACED, join.why)))
    return edit.apply(text, edits)


_SPACED = ("a word's hyphen that ended a line, and the space a converter joined the line on with",)
