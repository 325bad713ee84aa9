"""Pass ``normalise``: invisible and full-width debris of scraping and OCR.

Rewrites (outside protected spans unless noted)::

    CRLF or CR                            -> LF (everywhere)
    U+FEFF, U+200B, U+200C, U+2060, U+180E -> removed (everywhere but code blocks: a zero-width
                                             space before ``` in an example is its author's)
    U+200D not between emoji              -> removed
    spaces, tabs, U+3000 at a line end    -> removed, except a Markdown hard break: two or
                                             more spaces after text, more text on the next line
                                             (not where most lines end in one space, as PDF
                                             text extraction leaves them)
    U+3000 at the start of a paragraph    -> removed with the spaces after it (unless a block
                                             marker such as # follows, or lines after it in
                                             the paragraph, set apart by hard breaks, are
                                             indented so too: an author's articles, one a
                                             line, keep theirs alike; or the paragraph before
                                             stops mid-sentence: the indent tells a paragraph
                                             from the other half of a cut one)
    ２０２４ ＡＢＣ                         -> 2024 ABC (full-width ASCII letters and digits;
                                             not one alone in quotes, "Ａ": an example)
    proﬁted ﬂight                         -> profited flight (a Latin ligature inside a
                                             word; not one alone: glyphs)
    ⾃主 ⽣⽇ ⻓江                          -> 自主 生日 长江 (a radical a PDF's font gave for
                                             the character, beside Chinese; not one alone,
                                             a radical named in a table of them: glyphs)
    U+0001–U+001F but tab, LF, CR, FF      -> a space between two words, else removed
                                             (a PDF font's unmapped space, or a stray; no
                                             HTML or EPUB can hold one: glyphs)
    three or more newlines                -> one blank line
    blank lines at the start              -> one (the blank line after front matter stays)
    missing or extra final newlines       -> exactly one (everywhere)

Never NFKC the whole text: full-width punctuation is correct Chinese. CRLF and CR, the spaces
at line ends, runs of blank lines and the final newline are layout only (:data:`LAYOUT`): a
document that needs nothing else comes back byte for byte, its line endings too. And in a text
that shows no conversion (no page, no wrapped line, no converter's mark: an author's own), the
layout is its author's and stays, but for the spaces ending a line inside a paragraph, which
the passes read lines without (reviews 113 and 115); ``unwrap`` sets it right once it finds
the lines wrapped.
"""

from __future__ import annotations

import re

import regex

from publish.clean import glyphs
from publish.clean.blocks import kind_of, split_blocks
from publish.clean.editor import Editor
from publish.clean.lines import closed_ranges, inside
from publish.clean.pagelines import shows_conversion
from publish.clean.shapes import ends_sentence, short_line
from publish.clean.trace import Edit

NAME = "normalise"
#: The evidence of an edit that changes only the text's layout, not what it renders: a
#: document whose every change is such comes back as it was (:mod:`publish.clean`).
LAYOUT = ("layout only: the text renders the same",)


def layout_only(evidence: tuple[str, ...]) -> bool:
    """The evidence says the change is layout only (:data:`LAYOUT`)."""
    return evidence[: len(LAYOUT)] == LAYOUT


#: The evidence of the one change that makes a text's line endings LF.
CRLF = "line endings made LF"

_CR = re.compile(r"\r\n?")
_INVISIBLE_CHARS = "\ufeff\u200b\u200c\u2060\u180e"
_INVISIBLE = re.compile(f"[{_INVISIBLE_CHARS}]+")
_EMPHASIS = ("*", "_")
_ZWJ = regex.compile(  # (an emoji's skin tone before it, ``🤷🏻‍♀️``, is the emoji's: review 120)
    r"(?<!\p{Extended_Pictographic}[\ufe0f\U0001F3FB-\U0001F3FF]?)\u200d"
    r"|\u200d(?!\p{Extended_Pictographic})"
)
_TRAILING = re.compile(r"(?<![ \t\u3000])[ \t\u3000]+$", re.MULTILINE)  # (once per run)
_INDENT = re.compile(r"(?:\A|(?<=\n\n))\u3000[\u3000 \t]*+(?![#>*+\-|`~<]|\d+[.)])")
_FULLWIDTH = re.compile(r"[０-９Ａ-Ｚａ-ｚ]+")
_BLANK_RUN = re.compile(r"\n{3,}")
_LEADING = re.compile(r"\A\n{2,}")
_START = re.compile(r"\A\n+")
_MARKS_ONLY = re.compile(r"^ {0,3}(?:#{1,6}|[*_ -]+|[-+*]|\d{1,9}[.)])$")
_FOLD = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}


_ONE_SPACE = re.compile(r"\S \n")  # a line that ends in one space (PDF text extraction's)


def _extracted(text: str) -> bool:
    """Most lines end in one space, as PDF text extraction leaves them (no author writes
    Markdown so): the two spaces that end a few of them are the extraction's too, not hard
    breaks."""
    ones = len(_ONE_SPACE.findall(text))
    return ones >= 10 and ones >= 0.5 * text.count("\n")


def _hard(match: re.Match[str]) -> bool:
    """The spaces ``match`` found end a line with a Markdown hard break (two spaces or more,
    after text, before a line with text)."""
    text, start, end = match.string, match.start(), match.end()
    spaces = match.group(0)
    after_text = start > 0 and text[start - 1] != "\n"
    newline = text.find("\n", end + 1)
    next_line = text[end + 1 : newline if newline >= 0 else len(text)]
    return bool(after_text and len(spaces) >= 2 and set(spaces) == {" "} and next_line.strip())


_BREAK_END = re.compile(r"\S {2,}$")
_RUN_OF_BREAKS = 3  # lines, one after another, each ending in a hard break


def _in_run(match: re.Match[str]) -> bool:
    """The hard break ``match`` found is one of :data:`_RUN_OF_BREAKS` or more, on lines one
    after another: lines its author broke one by one (a table of equivalents, ``Pica … to
    14-pt. type.`` ⏎ ``Elite …``), not the extraction's spaces after a sentence, which end a
    line here and there (two at most in a row, in a council's minutes)."""
    text, start = match.string, match.start()
    line_start = text.rfind("\n", 0, start) + 1
    above = text[max(0, line_start - 400) : max(0, line_start - 1)].split("\n")[-2:]
    end = text.find("\n", start)
    below = text[end + 1 : end + 401].split("\n")[:2] if end >= 0 else []
    flags = [_BREAK_END.search(line) is not None for line in (*above, "x  ", *below)]
    run = best = 0
    for flag in flags:
        run = run + 1 if flag else 0
        best = max(best, run)
    return best >= _RUN_OF_BREAKS


def _kept(match: re.Match[str]) -> bool:
    """The spaces stay: without them the line would become a heading, rule or list item."""
    text, start = match.string, match.start()
    return _MARKS_ONLY.match(text[text.rfind("\n", 0, start) + 1 : start]) is not None


#: A hard break removed where most lines end in a space (:func:`_extracted`): it renders apart.
_EXTRACTED = ("two spaces ending a line where most lines end in one: the PDF extraction's",)


def _inside_paragraph(match: re.Match[str]) -> bool:
    """The spaces ``match`` found end a line of text with more text on the next line (where
    ``unwrap`` reads the line's last character), not a paragraph's last or a blank one."""
    text, start, end = match.string, match.start(), match.end()
    newline = text.find("\n", end + 1)
    next_line = text[end + 1 : newline if newline >= 0 else len(text)]
    line = text[text.rfind("\n", 0, start) + 1 : start]
    if not line.strip(" \t>"):
        return False  # (a quote's blank line, ``> ``: no text a pass reads; review 130)
    return start > 0 and text[start - 1] != "\n" and end < len(text) and bool(next_line.strip())


def tidy_ends(text: str, edit: Editor, layout: bool = True) -> str:
    """Spaces at line ends (but hard breaks, unless :func:`_extracted`: that is recorded as a
    change, not as layout); with ``layout`` false, an author's own text, only those and the
    ones inside a paragraph (:func:`_inside_paragraph`: the passes read lines without them)."""
    if " \n" in text or "\t\n" in text or "\u3000\n" in text or text[-1:] in " \t\u3000":
        extracted = _extracted(text)
        edits = []
        for match in _TRAILING.finditer(text):
            hard = _hard(match)
            if (hard and (not extracted or _in_run(match))) or _kept(match):
                continue
            if not (hard or layout or _inside_paragraph(match)):
                continue  # (an author's: only those the passes read a line by stay apart)
            why = _EXTRACTED if hard else LAYOUT
            edits.append(Edit(match.start(), match.end(), "", 1.0, why))
        return edit.apply(text, edits)
    return text


def _converted(text: str, edit: Editor) -> bool:
    """The text's layout is a converter's or an extraction's, set right (not its author's)."""
    return _extracted(text) or shows_conversion(text, edit.pages)


def set_layout(text: str, edit: Editor) -> str:
    """The spaces at line ends, and in a text that shows its conversion (``unwrap`` found its
    lines wrapped) the blank lines and the final newline, set right: what ``unwrap``'s joins
    leave (the rest of :func:`apply` was done before them)."""
    layout = _converted(text, edit)
    text = tidy_ends(text, edit, layout)
    return _tidy_blanks(text, edit) if layout else text


def _tidy_blanks(text: str, edit: Editor) -> str:
    """Blank lines at the start, runs of them, and the line ends at the end of the text."""
    if text.startswith("\n\n"):
        text = edit.sub(_LEADING, "\n", text, why=LAYOUT)
    if "\n\n\n" in text:
        text = edit.sub(_BLANK_RUN, "\n\n", text, starts="\n\n\n", why=LAYOUT)
    if text and (not text.endswith("\n") or text.endswith("\n\n")):
        body = len(text.rstrip("\n"))
        text = edit.apply(text, [Edit(body, len(text), "\n", 1.0, LAYOUT)], protect=False)
    return text


def tidy(text: str, edit: Editor, before: str) -> str:
    """What removing lines from ``before`` left, set right as cleaning from the start would:
    a line now first in its block may read as indented code (``indents``), and the spaces,
    blank lines and characters :func:`apply` sets right; blank lines at the start go (one
    stays only if ``before`` had one). Called right after the removal was applied: the
    trace's last step is it, and only the blocks after a removed line are read again."""
    from publish.clean import indents

    step = edit.trace.steps[-1]  # (the lines' removal: where the text after each now starts)
    text = indents.apply(text, edit, sorted({step.to_output(e[1]) for e in step.edits}))
    if text.startswith("\n"):
        text = edit.sub(_START, "\n" if before.startswith("\n") else "", text, why=LAYOUT)
    return apply(text, edit)


def _meant(code: list[tuple[int, int]], match: re.Match[str]) -> bool:
    """The invisible characters are their author's: in code, beside an emphasis mark, or a
    zero-width non-joiner beside a letter of a script that spells with it (Persian
    ``ویت‌پرس``, Hindi, Bengali…), not Latin or CJK, where a PDF's extraction leaves them."""
    if inside(code, match.start()):
        return True
    text, start, end = match.string, match.start(), match.end()
    if text[start - 1 : start] in _EMPHASIS or text[end : end + 1] in _EMPHASIS:
        return True  # (beside an emphasis mark, which it lets close or open: ``**默认端口 ​**``
        # closes, ``**默认端口 **`` does not, and its ``**`` would show; review 126)
    indent = text[end : end + 1] in (" ", "\t") and match.group(0) != "\ufeff"  # (a BOM: no)
    if indent and _CONTAINERS_ONLY.match(text, text.rfind("\n", 0, start) + 1, start):
        return True  # (it holds the indent after it: Typora's ``\u200b\t`` opening a paragraph,
        # without which the line is code, review 148; in a quotation too, ``> \u200b`` and
        # twelve spaces before an attribution, review 191)
    if match.group(0) != "\u200c":
        return False
    return any(
        _SPELLS_WITH_JOINERS.match(text, at) for at in (start - 1, end) if 0 <= at < len(text)
    )


def _spacer(match: re.Match[str]) -> bool:
    """The invisible characters are all their line holds: an author's spacer (a README's
    zero-width space alone on a line, an empty paragraph between its parts: review 117)."""
    text, start, end = match.string, match.start(), match.end()
    line_end = text.find("\n", end)
    line = text[text.rfind("\n", 0, start) + 1 : len(text) if line_end < 0 else line_end]
    return not line.replace(match.group(0), "").strip()


#: A line's start up to its text: nothing, or a quotation's and a list's markers.
_CONTAINERS_ONLY = re.compile(r"(?:[ \t]*(?:>|[-*+][ \t]|\d{1,9}[.)][ \t]))*[ \t]*$")
#: A letter or mark of a script other than Latin and CJK (Arabic, Persian, Indic scripts…).
_SPELLS_WITH_JOINERS = regex.compile(
    r"(?![\p{Latin}\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}\p{Bopomofo}])[\p{L}\p{M}]"
)


def _folded(match: re.Match[str]) -> str:
    return match.group(0).translate(_FOLD)


def _quoted(text: str, match: re.Match[str]) -> bool:
    """The full-width run stands alone in quotation marks (``"A" 轉成"Ａ"``): an example of
    the form itself, which folding would make say the opposite."""
    before, after = text[match.start() - 1 : match.start()], text[match.end() : match.end() + 1]
    return bool(before) and before in _OPENING and after == _OPENING[before]


_OPENING = {'"': '"', "“": "”", "「": "」", "『": "』", "'": "'", "‘": "’"}
_KANA = regex.compile(r"[\p{Hiragana}\p{Katakana}]")


def _kept_wide(text: str, match: re.Match[str]) -> bool:
    """The full-width run is an example of the form (:func:`_quoted`), or stands in a line of
    Japanese, which writes its numbers full-width by choice (``［＃地から１字上げ］``)."""
    start, end = text.rfind("\n", 0, match.start()) + 1, text.find("\n", match.end())
    line = text[start : len(text) if end < 0 else end]
    return _quoted(text, match) or _KANA.search(line) is not None


#: A paragraph's first-line indent goes: the renderer drops it (markdown-it-py strips a
#: paragraph's Unicode spaces), and the theme indents paragraphs itself.
_UNINDENTED = (*LAYOUT, "a paragraph's first-line indent (U+3000), which is not rendered")


def _unindented(match: re.Match[str]) -> str | None:
    """A paragraph's first-line indent removed (""), or kept (None): an author's lines, each
    indented; or where the prose before stops mid-sentence, as a paragraph whose end OCR lost does
    (``…屬於「道德的形上學之規劃`` ⏎⏎ ``　　在此，…``), the indent alone tells this paragraph
    from the other half of a cut one (``seams`` reads it)."""
    text, start = match.string, match.start()
    if _indented_on(text, match.end()):
        return None
    before = text[text.rfind("\n", 0, max(start - 2, 0)) + 1 : max(start - 2, 0)]
    if short_line(before) or kind_of(before.lstrip(" \t\u3000")) != "paragraph":
        return ""  # (not prose: a title, a byline, a field; a heading, a list)
    return "" if ends_sentence(before) else None


def _indented_on(text: str, start: int) -> bool:
    """A line after ``start`` in its paragraph, set apart by a hard break, starts with U+3000
    too (an author's lines, each indented; not a wrapped paragraph's, which ``unwrap`` joins)."""
    end = text.find("\n\n", start)
    return _HARD_BREAK_INDENT.search(text, start, len(text) if end < 0 else end) is not None


_HARD_BREAK_INDENT = re.compile(r"(?:  |(?<!\\)\\)\n\u3000")


def apply(text: str, edit: Editor) -> str:
    if "\r" in text:
        text = edit.as_one(_CR, "\n", text, (*LAYOUT, CRLF))
    controlled = glyphs.controls(text, edit)
    ligated = glyphs.ligatures(controlled, edit)
    radicals = glyphs.radicals(ligated, edit)
    traced = glyphs.hyphen_bullets(radicals, edit)
    if (
        ligated != controlled
        or traced != radicals
        or (radicals != ligated and glyphs.throughout(ligated))
        or (controlled != text and glyphs.extracted(text))
    ):
        edit.pages.extracted = True  # (a PDF's extraction)
    text = glyphs.hyphens(traced, edit)
    if not text.isascii():  # (before the text is weighed: ``Page A6Ａ`` is a marker's page)
        text = edit.sub(_FULLWIDTH, lambda m: None if _kept_wide(text, m) else _folded(m), text)
    layout = _converted(text, edit)  # (else an author's own: its layout is its own)
    if not text.isascii() and any(ch in text for ch in _INVISIBLE_CHARS):
        code = closed_ranges(split_blocks(text), ("fence", "code"))  # (there, an author's)
        text = edit.sub(
            _INVISIBLE,
            lambda m: m.group(0) if _meant(code, m) or (not layout and _spacer(m)) else "",
            text,
            protect=False,
        )
    if "\u200d" in text:
        text = edit.sub(_ZWJ, "", text)
    text = tidy_ends(text, edit, layout)
    if "\u3000" in text and layout:
        text = edit.sub(_INDENT, _unindented, text, starts="\u3000", why=_UNINDENTED)
    return _tidy_blanks(text, edit) if layout else text
