"""Pass ``demote``: body text a converter marked as a heading becomes text again.

PDF converters mark lines set in a larger or bolder face as headings, and sometimes a sentence
or the fragment of one. A heading that reads as running text loses its ``#`` marks (the
``seams`` pass may then join it to its paragraph). Evidence:

- it ends in a clause mark (``，、；,;``), which a title never does: strong (a name in title case
  ending in a comma, an advertisement's ``## J.A. Springer & Co.,``: a suggestion);
- it starts with a mark that continues a sentence (``，。）``) or a lowercase word, and ends a
  sentence: strong; or runs over 40 columns without ending one: a suggestion (a tool's name
  in lower case starts a title, ``##### netrc file (if … is not supported)``);
- it is a long sentence (letters over 40 columns) ending in ``。！``, or ``.`` after a
  lowercase word: strong (an English one only where the text shows its conversion, else a
  suggestion: an author's heading may be a sentence, ``## Just give me the TL;DR on what I
  need to protect my project.``); a shorter one (over 20 columns): a suggestion (a question is a
  title's form too: ``## 国家为什么需要开源软件？`` stays, and so does a title in title case
  that a periodical ends with a full stop, ``# Governing the Filipinos.``);
- a heading that starts with a section's number (``§ 600.2``, ``3.4.1``, ``Article 5``) is a
  title however it ends (a regulation's ``## § 600.2 - Alternatives available to the Attorney
  General.``);
- it ends in an English word that cannot end a title (``the``, ``of``): a suggestion. (No such
  test for Chinese: ``的`` and ``和`` end titles such as ``投資標的`` and ``内角和``).

A heading numbered ``1.`` ``2.``… next to a sibling heading (the same level) numbered one less
or one more is a title in a run of them, whatever it ends in (a report's
``#### **4. Compliance monitoring and governance enforcement,**`` between 3 and 5); so is a
``#`` heading that starts the document, though it reads as a sentence (its title, ``# A handy
guide to … open source.``).

A heading with nothing in it (``#`` ⏎, ``## ##``), as converters leave them (a Word report's,
a MinerU paper's), goes, strong::

    #### 由式(3)可知，                       -> 由式(3)可知，
    #### 结论与实际结果一致，表明该方法合理。  -> 结论与实际结果一致，表明该方法合理。
    ## 一、总体要求                          -> unchanged
"""

from __future__ import annotations

import regex

from publish.cjk import CJK_LETTER, CJK_PUNCT, CONTINUES
from publish.clean import evidence as ev
from publish.clean import normalise
from publish.clean.blocks import ATX, EMPTY_HEADING, INTERRUPTS, Block, kind_of, split_blocks
from publish.clean.editor import Editor
from publish.clean.markers import without_markers
from publish.clean.numbering import SECTION_NUMBER
from publish.clean.pagelines import shows_conversion
from publish.clean.punctuation import widened
from publish.clean.shapes import size
from publish.clean.titles import in_title_case
from publish.clean.trace import Edit

NAME = "demote"

_CLAUSE_END = regex.compile(r"[，、；,;][*_]*$")
_CONTINUES = regex.compile(  # (a half-width mark next to Chinese: ``punctuation`` widens it;
    # a word in lower case, not a name with a capital inside, ``macOS``: review 107)
    # (nor a letter numbering a part, ``## a) Becquerelstrahlen.``: review 209, a thesis's)
    rf"^[*_]*(?:[{CONTINUES}]|[,;:!?.)](?=[*_]*[{CJK_LETTER}{CJK_PUNCT}])"
    r"|(?!(?:[a-z]|[ivx]{1,4})[).][ \t])[a-z](?![a-z]*[A-Z]))"
)
#: (Not a question mark: a title may ask, ``国家为什么需要开源软件？``; body text a converter
#: marked as a heading is a statement, in the documents seen.)
_SENTENCE_END = regex.compile(
    rf"(?:[。！]|(?<=[{CJK_LETTER}{CJK_PUNCT}][*_]*)[.!]|(?<=[a-z]{{2}})\.)[”’\"')）]*[*_]*$"
)
#: (a word of its own: not a compound's end, ``## Zoom-in``, a guide's section; review 211)
_OPEN_END = regex.compile(r"(?<![-\w])(?:the|of|and|or|to|a|an|in)[*_]*$")
_LONG_SENTENCE = "a long sentence marked as a heading"
_SENTENCE = "a sentence marked as a heading"
_CONTINUES_WHY = "a heading that continues a sentence and ends one"
_CALLS = regex.compile(r"[！？!?][*_]*[ \t]*$")  # (a title that calls out or asks)
_FOLIO = regex.compile(r"^[*_]*[ivxlc]{1,7}[ \t]")  # (a page's number in lower-case numerals)
_LINKED = regex.compile(r"!?\[([^\]\n]*)\]\([^)\n]*\)")
_CLAUSE_WHY = "a heading ending in a clause mark"
_EMPTY_WHY = "an empty heading (a converter's: nothing a reader could find in a contents)"


#: A name in capitals ending in a comma, a few words (``J.A. Springer & Co.,``, ``Brown &
#: Sons,``): an advertisement's firm, set as its heading.
_NAME = regex.compile(r"^[*_]*[A-Z][\w.'’-]*(?:[ \t]+(?:[A-Z][\w.'’-]*|&|and|of|the)){0,5},[*_]*$")
_NAME_COMMA = "a heading ending in a clause mark, in title case: a name, as an advert sets it"


#: A part's number in Roman numerals and its point before a capital: a section's head.
_ROMAN_HEAD = regex.compile(r"^[*_]*[IVXLC]{1,6}\.[ \t]+\p{Lu}")


def judge(title: str) -> tuple[float, str] | None:
    """How sure it is that a heading's ``title`` is running text, and why; None if a title.
    A link or an image counts by its text, not its address (``pandoc-crossref filter
    ![Build status](https://…/badge.svg)``, a README's title with its badge)."""
    if "](" in title:
        title = _LINKED.sub(r"\1", title)
    if _CLAUSE_END.search(title):
        if _NAME.match(title) or (title.isascii() and in_title_case(title.rstrip(",;*_ \t"))):
            return ev.LIKELY, _NAME_COMMA  # (an advertisement's ``## J.A. Springer & Co.,``)
        return ev.STRONG, _CLAUSE_WHY
    if SECTION_NUMBER.match(title.lstrip("*_")) or _ROMAN_HEAD.match(title):
        return None  # (``## § 600.2 - Alternatives available to the Attorney General.``; an
        # opinion's ``#### II. Annie's Pooch Pops have not met their burden.``, review 218)
    wide = size(title)  # (the letters and digits: the punctuation pass may change marks)
    if _CONTINUES.match(title) and _SENTENCE_END.search(title):
        return ev.STRONG, _CONTINUES_WHY
    if _CONTINUES.match(title) and wide > 40:  # (not ending one: a tool's name in lower case
        # may start a title, ``netrc file (if …)``: review 108; not a folio, ``viii Deep…``)
        return ev.STRONG if _FOLIO.match(title) else ev.LIKELY, _CONTINUES_WHY
    if _SENTENCE_END.search(title) and not in_title_case(title.rstrip("*_").rstrip(".")):
        if wide > 40:
            return ev.STRONG, _LONG_SENTENCE
        if wide > 20:
            return ev.LIKELY, _SENTENCE
    if _OPEN_END.search(title):
        return ev.LIKELY, "a heading ending in a word that cannot end a title"
    return None


def _line_and_blank(text: str, block: Block) -> tuple[int, int]:
    """The range that removes ``block``'s line with the blank line after it (the line ends
    left at the text's end are tidied after)."""
    after = len(text) - len(text[block.end :].lstrip("\n"))
    return block.start, min(after, block.end + 2)


#: A heading's number (past emphasis): ``**4. Compliance…``, ``2) Scope``.
_NUMBER = regex.compile(r"^[*_]*(\d{1,3})[.)．](?!\d)")


def _numbered(blocks: list[Block]) -> set[tuple[int, int]]:
    """The level and number of each heading numbered ``1.`` ``2.``…"""
    found = set()
    for block in blocks:
        match = ATX.match(block.text) if block.kind == "heading" else None
        number = _NUMBER.match(match.group("title")) if match else None
        if match and number:
            found.add((len(match.group(1)), int(number.group(1))))
    return found


def apply(text: str, edit: Editor) -> str:
    if "#" not in text:
        return text
    edits = []
    blocks = split_blocks(text)
    numbered = _numbered(blocks)
    own = not shows_conversion(text, edit.pages)  # (an author's headings are as meant)
    for n, block in enumerate(blocks):
        if block.kind == "heading" and EMPTY_HEADING.match(block.text):
            sure = ev.LIKELY if own else ev.STRONG  # (``## `` under a README's logo draws a
            # rule under it: review 117; a slide deck's ``# `` starts a slide with no title,
            # Marp's ``headingDivider``: review 136; a converter's is debris)
            edits.append(Edit(*_line_and_blank(text, block), "", sure, (_EMPTY_WHY,)))
            continue
        match = ATX.match(block.text) if block.kind == "heading" else None
        if not match:
            continue
        start = block.start
        title = match.group("title").lstrip(" \t\u3000")  # an indent goes with the marks
        if INTERRUPTS.match(title) or kind_of(title) != "paragraph":
            continue  # without its marks it would be another block, not running text
        verdict = judge(without_markers(widened(title)).strip())  # as it will read
        number, level = _NUMBER.match(title), len(match.group(1))
        if verdict and number and numbered & {(level, int(number.group(1)) + d) for d in (-1, 1)}:
            continue  # (numbered in a run of its siblings: ``#### **4. Compliance monitoring
            # and governance enforcement,**`` between 3 and 5 is a title, its comma a slip)
        if verdict and verdict[1] in (_LONG_SENTENCE, _SENTENCE) and n == 0 and level == 1:
            continue  # (the document's title, its first block, though a sentence: ``# A handy
            # guide to financial support for open source.``, review 101)
        if verdict and own and verdict == (ev.LIKELY, _CONTINUES_WHY):
            continue  # (an author's heading may open in lower case and end on no mark: a
            # FAQ's error message, ``### telnet: connect to address 127.0.0.1: Connection
            # refused``; review 128's two FAQs)
        if verdict and own and verdict[1] == _SENTENCE and _CALLS.search(title):
            continue  # (an author's heading may call out or ask: a podcast's motto over each
            # episode, ``## 致力于开源相关思想、知识和价值的探究、推动！``, review 191)
        if verdict:
            confidence, why = verdict
            if why in (_LONG_SENTENCE, _CLAUSE_WHY) and own:
                confidence = ev.LIKELY  # (an author's heading may be a sentence, ``## Just
                # give me the TL;DR on what I need to protect my project.``, a FAQ's question
                # ending on ``。``, ``### 为什么我修改了配置以后页面并没有变化。``: review 117;
                # or end on a comma a title ran on to, ``## 《人月神话》The Mythical Man-Month,``
                # over a book list's entry: review 142)
            prefix = start + match.end("title") - len(title)
            edits.append(Edit(start, prefix, "", confidence, (why,)))
    before = text
    text = edit.apply(text, edits)
    if any(e.evidence == (_EMPTY_WHY,) and e.start in edit.done for e in edits):
        return normalise.tidy(text, edit, before)  # (a hard break before it now ends the text)
    return text
