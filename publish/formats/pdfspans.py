"""Spans the PDF's body gets at render time for what WeasyPrint 70 cannot do from CSS alone.
Only markup is added: the text stays as it is, so text copied from the PDF is the source.

- Emphasis dots (着重号, GB/T 15834) under the CJK letters of ``<em>``: each letter its own
  ``<span class="emphasis-dot">``, whose background (``print.css``) is the dot, centred under
  the letter; WeasyPrint has no ``text-emphasis``, and a background is drawn as an artifact, so
  the tagged PDF reads each letter once. Latin letters and punctuation get no dot.
- Space between CJK letters and Latin letters or digits (W3C clreq): a Latin run next to a CJK
  letter becomes ``<span class="autospace-start autospace-end">`` (the classes of the sides
  that touch one), whose margins are the theme's ``cjk_latin_spacing``.

Neighbours are looked for through inline tags (``中<em>Harbor</em>``); a block, a line break,
code or a footnote ends the look. Code is never wrapped.
"""

from __future__ import annotations

import re

import regex

from publish.cjk import CJK_LETTER

_TAG = re.compile(r"(<[^>]*>)")
_NAME = re.compile(r"<(/?)([a-zA-Z0-9]+)")
#: Tags a neighbour is looked for through: everything else ends a run of text.
_INLINE = frozenset({"em", "strong", "a", "b", "i", "s", "del", "ins", "mark", "u", "q", "abbr"})
_LETTER = regex.compile(f"[{CJK_LETTER}]")
#: A run of Latin letters and digits with what joins them; never starting inside an entity.
_LATIN = regex.compile(
    r"(?<![&#\p{Latin}\p{Nd}])[\p{Latin}0-9](?:[\p{Latin}0-9 .,'’%/+-]*[\p{Latin}0-9%])?"
)


def _neighbours(parts: list[str]) -> tuple[list[str], list[str]]:
    """For each text part, the visible character before it and after it ("" at a block)."""
    before, after = [""] * len(parts), [""] * len(parts)
    for order, out in ((range(len(parts)), before), (range(len(parts) - 1, -1, -1), after)):
        seen = ""
        for i in order:
            if i % 2:
                name = _NAME.match(parts[i])
                if name is None or name[2].lower() not in _INLINE:
                    seen = ""
            else:
                out[i] = seen
                if parts[i]:
                    seen = parts[i][-1] if out is before else parts[i][0]
    return before, after


def _spaced(text: str, before: str, after: str) -> str:
    def wrap(match: regex.Match[str]) -> str:
        start, end = match.start(), match.end()
        left = text[start - 1] if start else before
        right = text[end] if end < len(text) else after
        classes = [
            name
            for name, char in (("autospace-start", left), ("autospace-end", right))
            if char and _LETTER.match(char)
        ]
        run = str(match[0])
        return f'<span class="{" ".join(classes)}">{run}</span>' if classes else run

    return str(_LATIN.sub(wrap, text))


def mark(html: str, dots: bool, spacing: bool) -> str:
    """``html`` with emphasis dots (``dots``) and CJK-Latin spacing (``spacing``) spans."""
    if not (dots or spacing):
        return html
    parts = _TAG.split(html)
    before, after = _neighbours(parts) if spacing else ([], [])
    emphasis = code = 0
    for i, part in enumerate(parts):
        if i % 2:
            name = _NAME.match(part)
            step = -1 if name and name[1] else 1
            tag = name[2].lower() if name else ""
            emphasis += step if tag == "em" else 0
            code += step if tag in ("code", "pre") else 0
            continue
        if code or not part:
            continue
        if spacing:
            part = _spaced(part, before[i], after[i])
        if dots and emphasis:
            part = _LETTER.sub(lambda m: f'<span class="emphasis-dot">{m[0]}</span>', part)
        parts[i] = part
    return "".join(parts)
