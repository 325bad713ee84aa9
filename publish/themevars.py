"""Every theme variable, declared once: its kind, its allowed words, what it does.

The declaration drives three things: checking each theme's ``[variables]`` when the theme
loads (a bad value is an error with the file and line, before anything is written; a name
that is not declared is a warning with "did you mean"), the switches' words
(:data:`CHOICES`), and ``publish themes --variables``. Defaults live in the default theme's
``theme.toml``. A theme that adds variables of its own lists them in ``own_variables``.
"""

from __future__ import annotations

import colorsys
import difflib
import re
from dataclasses import dataclass

_LENGTH = r"-?(?:\d+\.?\d*|\.\d+)(?:px|pt|pc|em|rem|ex|ch|mm|cm|in|q|vw|vh|%)?"
_PAGE = r"(?:A[0-9]|A10|B[0-9]|B10|C[0-9]|JIS-B[0-9]|letter|legal|ledger)"
_KINDS = {
    "fonts": re.compile(r"^[^;{}<>]+$"),
    "length": re.compile(rf"^{_LENGTH}$"),
    "lengths": re.compile(rf"^{_LENGTH}(?: {_LENGTH}){{0,3}}$"),
    "line height": re.compile(rf"^(?:normal|\d+(?:\.\d+)?|{_LENGTH})$"),
    "color": re.compile(
        r"^(?:#[0-9a-fA-F]{3,4}|#[0-9a-fA-F]{6}|#[0-9a-fA-F]{8}|[a-zA-Z]+"
        r"|(?:rgb|rgba|hsl|hsla|hwb|lab|lch|oklab|oklch)\([^()]*\))$"
    ),
    "page size": re.compile(
        rf"^(?:{_PAGE}(?: (?:portrait|landscape))?|{_LENGTH} {_LENGTH}|{_LENGTH})$", re.IGNORECASE
    ),
    "marks": re.compile(r"^(?:none|crop|cross|crop cross|cross crop)$"),
    "count": re.compile(r"^\d{1,4}$"),
}
_HINTS = {
    "fonts": "a CSS font-family list: '\"Noto Serif CJK SC\", serif'",
    "length": 'a CSS length: "2em", "11pt", "0"',
    "lengths": 'one to four CSS lengths: "24mm 22mm"',
    "line height": 'a multiple of the font size or a length: "1.8", "28.9pt"',
    "color": 'a CSS colour: "#8c1c13", "rgb(140 28 19)", "navy"',
    "page size": 'A4, A5, B5, letter, "A4 landscape" or two lengths: "148mm 210mm"',
    "marks": '"none", "crop", "cross" or "crop cross"',
    "count": 'a whole number: "4"',
}


@dataclass(frozen=True)
class Variable:
    kind: str  # a key of _KINDS, or "choice"
    about: str
    choices: tuple[str, ...] = ()


def _v(kind: str, about: str, *choices: str) -> Variable:
    return Variable(kind, about, choices)


VARIABLES: dict[str, Variable] = {
    "font_body": _v("fonts", "body text faces"),
    "font_heading": _v("fonts", "heading faces"),
    "font_latin": _v("fonts", "Latin faces put first in Latin text (real italics)"),
    "font_latin_heading": _v("fonts", "Latin heading faces"),
    "font_mono": _v("fonts", "code faces"),
    "font_kai": _v("fonts", "楷体 faces, for emphasis_zh = kai"),
    "font_size": _v("length", "body size in the PDF and the EPUB"),
    "font_size_screen": _v("length", "body size on the site"),
    "line_height": _v("line height", "line height: a multiple of the font size, or a length"),
    "paragraph_indent": _v("length", "first-line indent of CJK paragraphs"),
    "latin_paragraph_indent": _v("length", "first-line indent of Latin paragraphs"),
    "latin_paragraph_spacing": _v("length", "space between Latin paragraphs"),
    "latin_typography": _v("choice", "curly quotes and dashes in Latin text", "on", "off"),
    "emphasis_zh": _v("choice", "*emphasis* in Chinese text", "dots", "kai", "bold"),
    "cjk_latin_spacing": _v("length", "space each side of Latin runs in CJK text (clreq)"),
    "color_text": _v("color", "text"),
    "color_muted": _v("color", "secondary text: dates, captions, notes"),
    "color_accent": _v("color", "links, buttons, rules of the title"),
    "color_rule": _v("color", "lines between parts"),
    "color_background": _v("color", "page background"),
    "color_code_background": _v("color", "background of code"),
    **{
        f"{name}_dark": _v("color", f"{name.removeprefix('color_')} in dark mode (auto: derived)")
        for name in (
            "color_text",
            "color_muted",
            "color_accent",
            "color_rule",
            "color_background",
            "color_code_background",
        )
    },
    "measure": _v("length", "the text column's width on the site"),
    "page_size": _v("page size", "the PDF's page size"),
    "page_margin": _v("lengths", "the PDF's margins: top right bottom left"),
    "page_marks": _v("marks", "crop marks for a print shop"),
    "page_bleed": _v("length", "bleed for a print shop"),
    "title_page": _v(
        "choice",
        "the PDF's title: auto (a page when long), page, or a block",
        "auto",
        "page",
        "block",
    ),
    "toc": _v(
        "choice", "the PDF's contents: auto (when long), page, or none", "auto", "page", "none"
    ),
    "toc_min_headings": _v("count", "headings that make a document long, for the two autos"),
    "text_spacing_trim": _v(
        "choice", "adjacent full-width marks in the PDF", "normal", "space-all"
    ),
}
CHOICES = {name: v.choices for name, v in VARIABLES.items() if v.kind == "choice"}


def problem(name: str, value: str) -> str | None:
    """What is wrong with ``value`` for the declared variable ``name``; None when it is fine."""
    variable = VARIABLES[name]
    if name.endswith("_dark") and value == "auto":
        return None
    if variable.kind == "choice":
        if value in variable.choices:
            return None
        return "use one of " + ", ".join(f'"{word}"' for word in variable.choices)
    if _KINDS[variable.kind].match(value.strip()):
        return None
    return f"use {_HINTS[variable.kind]}"


def did_you_mean(name: str, known: list[str]) -> str:
    close = difflib.get_close_matches(name, known, n=1, cutoff=0.6)
    return f"; did you mean {close[0]!r}?" if close else ""


def listing(values: dict[str, str]) -> str:
    """``publish themes --variables``: each variable, its kind or words, its value, what it
    does (a theme's own variables last)."""
    lines = []
    for name, value in sorted(values.items(), key=lambda kv: (kv[0] not in VARIABLES, kv[0])):
        variable = VARIABLES.get(name, Variable("own", "the theme's own"))
        kind = " | ".join(variable.choices) if variable.choices else variable.kind
        lines.append(f"{name:<24} {kind:<18} {value[:48]!r:<50} {variable.about}")
    return "\n".join(lines) + "\n"


def with_dark_colours(values: dict[str, str]) -> dict[str, str]:
    """``values`` with each ``color_*_dark = "auto"`` derived from its light colour: the
    lightness turned over (0.96 - 0.88 l: white gives a near black, dark text a light grey),
    hue and saturation kept. A light colour that is not #rgb or #rrggbb is kept as it is."""
    done = dict(values)
    for name, value in values.items():
        if name.endswith("_dark") and value == "auto":
            done[name] = _turned_over(values.get(name.removesuffix("_dark"), "#000000"))
    return done


def _turned_over(colour: str) -> str:
    digits = colour.strip().removeprefix("#")
    if not re.fullmatch(r"[0-9a-fA-F]{3}|[0-9a-fA-F]{6}", digits):
        return colour
    if len(digits) == 3:
        digits = "".join(c * 2 for c in digits)
    red, green, blue = (int(digits[i : i + 2], 16) / 255 for i in (0, 2, 4))
    hue, lightness, saturation = colorsys.rgb_to_hls(red, green, blue)
    rgb = colorsys.hls_to_rgb(hue, 0.96 - 0.88 * lightness, saturation)
    return "#" + "".join(f"{round(c * 255):02x}" for c in rgb)
