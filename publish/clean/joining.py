"""How two pieces of text are joined when a line or page break between them is removed.

Shared by ``unwrap`` and ``seams``: nothing between CJK characters, one space between Latin
words, and a word hyphenated at the break rejoined when the joined form is a word (see
:mod:`publish.clean.words`)::

    gov- + ernment         -> government          (a word)
    de<U+00AD> + clares    -> declares            (a soft hyphen: the word was broken there)
    well- + known          -> well-known          (the document writes it so)
    mirrors- + you name it -> mirrors-you name it (two words, "mirrorsyou" is none: suggested)
    Har + bor              -> Harbor              (OCR dropped the hyphen: two pieces, one word)
    court~ + house         -> courthouse          (OCR read the hyphen as ~ or =: a word)
    Inquiry@ + faa.gov     -> Inquiry@faa.gov     (an e-mail address cut at its @)
    so — + that            -> so — that           (a dash set apart keeps its space)
    vendors / + suppliers  -> vendors / suppliers (and so does a slash)
    estab- + CLASS OF 1964 -> estab- CLASS OF 1964 (a headline between the halves: as rendered)
    长 效 + 保 洁           -> 长 效 保 洁          (a spaced-out run goes on; ``spaced`` closes it)
    只支持 + _基于等值_      -> 只支持 _基于等值_     (an underscore opens emphasis beside a space)
"""

from __future__ import annotations

import re
from typing import NamedTuple

import regex

from publish.cjk import CJK_LETTER, SHARED, is_cjk
from publish.clean import evidence as ev
from publish.clean.words import Lexicon, known

_LEFT_WORD = re.compile(r"(?<![A-Za-z])([A-Za-z]+)[-\u2010]$")  # (U+2010: a hyphen too)
_RIGHT_WORD = re.compile(r"^([a-z][a-z]*)(?![A-Za-z-])")
_SOFT_HYPHEN = "\u00ad"  # (a discretionary hyphen: OCR keeps it where the line broke a word)
_SPACED_END = re.compile(r"\w \w$")
_SPACED_START = re.compile(r"^\w \w(?:[^\w]|$)")


class Join(NamedTuple):
    """Drop ``drop`` characters from the end of the left text and put ``between``."""

    drop: int
    between: str
    confidence: float = ev.CERTAIN
    why: str = ""


def _side_is_cjk(text: str, reverse: bool) -> bool:
    chars = reversed(text) if reverse else iter(text)
    for ch in chars:
        if ch in SHARED or ch in "*_~`":
            continue
        return is_cjk(ch)
    return False


def hyphenated(left: str, right: str, lexicon: Lexicon) -> Join | None:
    """How to join a word ``left`` ends with its hyphen to the one ``right`` starts with: the
    hyphen kept where the document writes the compound, dropped where the two make a word."""
    first, second = _LEFT_WORD.search(left), _RIGHT_WORD.match(right)
    if not (first and second):
        return None
    head, tail = first.group(1), second.group(1)
    if f"{head}-{tail}".lower() in lexicon.forms:
        return Join(0, "", ev.STRONG, f"the document writes '{head}-{tail}' on one line")
    if lexicon.is_word(head + tail):
        return Join(1, "", ev.STRONG, f"'{head}{tail}' is a word")
    if lexicon.is_word(head) and lexicon.is_word(tail):
        return Join(0, "", ev.LIKELY, f"'{head}' and '{tail}' are words, '{head}{tail}' is not")
    return Join(1, "", ev.LIKELY, f"'{head}{tail}' is not a known word")


#: What OCR reads a line's hyphen as (``court~`` ⏎ ``house``, ``prop=`` ⏎ ``erty``: review 74,
#: three columns of a 1970 newspaper).
_MISREAD = "~="
_MISREAD_WORD = re.compile(r"(?<![A-Za-z])([A-Za-z]+)[~=]$")


def _misread_hyphen(left: str, right: str, lexicon: Lexicon) -> Join | None:
    """A word OCR split at the line's end, its hyphen read as ``~`` or ``=``: rejoined where
    the two pieces make a word of the word list (``court~`` ⏎ ``house``; a setting's
    ``key=`` ⏎ ``value`` makes none, a strikethrough's ``~~`` follows no letter)."""
    first, second = _MISREAD_WORD.search(left), _RIGHT_WORD.match(right)
    if not (first and second):
        return None
    head, tail = first.group(1), second.group(1)
    if not lexicon.is_word(head + tail):
        return None
    return Join(1, "", ev.STRONG, f"'{head}{tail}' is a word: OCR read its hyphen as '{left[-1]}'")


_CAPITALS = re.compile(r"^[A-Z]+(?![a-z])")  # (``MAY``, ``CLASS``, ``A``: not ``Saxon``)
#: A word in capitals starting the text (past a quotation mark or emphasis): a headline's,
#: ``GRAND HOTEL``, or a clause's, ``WHEREAS``.
CAPITALS_WORD = regex.compile(r"[*_“\"'(]*\p{Lu}{2,}\b")
#: A word a sentence starts with (a determiner, a pronoun, a preposition, a conjunction),
#: capitalised: no compound's second half (``r-`` ⏎ ``The following…``, OCR's debris before
#: a sentence, keeps the space the break renders as; review 94), and after a part ending on
#: ``and``, a new sentence, not one going on (``…of the board and`` ⏎⏎ ``The next part.``).
STARTS_SENTENCE = re.compile(
    r"[*_“\"'(]*(?:The|A|An|This|That|These|Those|It|Its|He|She|We|They|I|You|His|Her|Their"
    r"|Our|My|There|In|On|At|By|To|For|Of|With|From|If|When|As|But|And|Or|So|After|Before"
    r"|While|Although|However|Then|Thus|Also)\b"
)
_ELSEWHERE = "the word cut at the hyphen goes on elsewhere: the next line starts in capitals"
_STARTS = "no compound goes on with a word a sentence starts with: the next line's is one"


def goes_on_elsewhere(left: str, right: str) -> bool:
    """A word cut at the line's end (``estab-``, ``Saturday-``) before a line that starts with
    a word in capitals (``CLASS OF 1964``, ``MAY 20``) or, after a piece that is no word,
    with any capital (``edi-`` ⏎ ``Likewise``): a headline or a caption stands between the
    halves, as a newspaper's columns leave them. Joined with the space the break renders
    as, not glued into ``Saturday-MAY`` (``Anglo-`` ⏎ ``Saxon`` stays a compound, and so does
    a name no word list holds, ``(Domazet-`` ⏎ ``Loso and Tautz…``: review 156)."""
    first = _LEFT_WORD.search(left)
    if first is None or not right[:1].isupper() or first.group(1).isupper():
        return False
    word = first.group(1)
    return _CAPITALS.match(right) is not None or not (known(word) or word[:1].isupper())


def spaced_run(left: str, right: str) -> bool:
    """CJK characters spaced out on both sides of the break (``长 效`` + ``保 洁``)."""
    return bool(
        _SPACED_END.search(left[-4:])  # (it ends the text, or stands before a last newline)
        and _SPACED_START.match(right)
        and _side_is_cjk(left, reverse=True)
        and _side_is_cjk(right, reverse=False)
    )


def joiner(left: str, right: str, lexicon: Lexicon) -> Join:
    """How to join ``left`` + break + ``right``."""
    if left.endswith(("-", "\u2010")):
        found = hyphenated(left, right, lexicon)
        if found:
            return found
        if goes_on_elsewhere(left, right):
            return Join(0, " ", ev.CERTAIN, _ELSEWHERE)
        if STARTS_SENTENCE.match(right):
            return Join(0, " ", ev.CERTAIN, _STARTS)
        return Join(0, "" if left[-2:-1].isalnum() else " ")  # (``:-`` ⏎ ``“Another``: a space)
    if left.endswith(("—", "–")) and (left[-2:-1] == " " or CAPITALS_WORD.match(right)):
        return Join(0, " ")  # (a dash set apart: ``incontrovertibly —`` ⏎ ``that the tree``;
        # one before a word in capitals, a headline's: ``«—`` ⏎ ``GRAND HOTEL``)
    if left.endswith(" /"):
        return Join(0, " ")  # (a slash set apart: ``contractors /`` ⏎ ``vendors``, review 104)
    if left.endswith(("—", "–", "/", "@")) or AT_DOMAIN.match(right):
        return Join(0, "")  # (a dash, a path, an e-mail address cut at its ``@``; not a
        # bullet OCR read as ``@``: ``are over`` ⏎ ``@ insted``, review 74)
    if left[-1:] in _MISREAD and left[-2:-1].isalpha():
        found = _misread_hyphen(left, right, lexicon)
        if found:
            return found
    if left.endswith(_SOFT_HYPHEN):  # (the hyphen the printer set where it broke the word)
        return Join(1, "", ev.CERTAIN, "a soft hyphen marks the word broken at the line's end")
    if spaced_run(left, right):
        return Join(0, " ")
    cjk_left, cjk_right = _side_is_cjk(left, reverse=True), _side_is_cjk(right, reverse=False)
    if cjk_left or cjk_right:
        return Join(0, " " if _emphasis_edge(left, right) else "")
    if right[:1] in ",;:" and _CJK_AFTER_MARKS.match(right):
        return Join(0, "")  # (a line opening on a mark that closes what went before, before
        # a Chinese word: ``Report`` ⏎ ``,,代``, no space before it)
    return _unhyphenated(left, right) or Join(0, " ")


_CJK_AFTER_MARKS = regex.compile(rf"[,;:!?]+[{CJK_LETTER}]")
AT_DOMAIN = re.compile(r"@[\w-]+(?:\.[\w-]+)+")  # an address's domain after its ``@``
_LEFT_PIECE = re.compile(r"(?<![\w'’.-])([A-Za-z]{2,})$")
_RIGHT_PIECE = re.compile(r"^([a-z]{2,})(?![\w'’-])")


def _unhyphenated(left: str, right: str) -> Join | None:
    """A word OCR split at the line's end and dropped its hyphen (``Har`` ⏎ ``bor``, ``con``
    ⏎ ``ference``: a newspaper's text as Chronicling America gives it): the two pieces are a
    word of the word list together, and one of them is none (the document writes each piece
    where it broke the word, so its own vocabulary cannot say; nor, for the whole, its OCR's
    other slips: ``commil`` ⏎ ``tco``)."""
    first, second = _LEFT_PIECE.search(left[-40:]), _RIGHT_PIECE.match(right)
    if not (first and second):
        return None
    head, tail = first.group(1), second.group(1)
    if known(head) and known(tail):
        return None  # (two words: most breaks, answered before the document's words are read)
    if not known(head + tail):
        return None
    piece = tail if known(head) else head
    return Join(0, "", ev.STRONG, f"'{head}{tail}' is a word, '{piece}' is not")


def _emphasis_edge(left: str, right: str) -> bool:
    """An underscore at the break would stand between two letters, joined with nothing
    (``只支持`` ⏎ ``_基于等值_``): CommonMark opens or closes emphasis with ``_`` only beside a
    space or a mark, so the join keeps the space the break rendered as."""
    return (right[:1] == "_" and left[-1:].isalnum()) or (left[-1:] == "_" and right[:1].isalnum())
