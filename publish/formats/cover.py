"""A cover for documents that bring none: an SVG drawn from the theme's colours and fonts,
with the title (wrapped), the subtitle and the date."""

from __future__ import annotations

import unicodedata
from html import escape  # (quotes too: some stand in attributes)

from publish.model import Document

WIDTH, HEIGHT = 1200, 1600


def _wrap(text: str, columns: int) -> list[str]:
    """Break ``text`` into lines of at most ``columns`` (CJK characters count two)."""
    lines, line, width = [], "", 0
    for word in text.replace(" ", " \0").split("\0") if " " in text else list(text):
        size = sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in word)
        if line and width + size > columns:
            lines.append(line.rstrip())
            line, width = "", 0
        line, width = line + word, width + size
    if line.strip():
        lines.append(line.rstrip())
    return lines


def _font(stack: str) -> str:
    return escape(stack.replace('"', "'"))


def cover_svg(doc: Document, variables: dict[str, str]) -> bytes:
    accent = escape(variables.get("color_accent", "#8c1c13"))
    paper = escape(variables.get("color_background", "#ffffff"))
    heading = _font(variables.get("font_heading", "sans-serif"))
    body = _font(variables.get("font_body", "serif"))
    title_lines = _wrap(doc.meta.title, 16)[:5]
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{HEIGHT}" '
        f'viewBox="0 0 {WIDTH} {HEIGHT}" role="img" aria-labelledby="cover-title">',
        f'<title id="cover-title">{escape(doc.meta.title)}</title>',
        f'<rect width="{WIDTH}" height="{HEIGHT}" fill="{paper}"/>',
        f'<rect width="{WIDTH}" height="520" fill="{accent}"/>',
    ]
    y = 700
    for line in title_lines:
        parts.append(
            f'<text x="100" y="{y}" font-family="{heading}" font-size="96" '
            f'font-weight="700" fill="#1d1d1f">{escape(line)}</text>'
        )
        y += 130
    for line, size in ((doc.meta.subtitle, 54), (doc.meta.date, 44)):
        if line:
            y += 40
            parts.append(
                f'<text x="100" y="{y}" font-family="{body}" font-size="{size}" '
                f'fill="#5b5b60">{escape(line)}</text>'
            )
            y += size + 20
    parts.append("</svg>")
    return "\n".join(parts).encode("utf-8")
