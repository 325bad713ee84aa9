"""The PDF's render-time spans (:mod:`publish.formats.pdfspans`) in WeasyPrint 70's line
layout, wired in by :func:`publish.formats.cjk_justify.install`:

- a justified line spreads its extra width over an emphasis-dot letter too: Pango adds no
  letter spacing to a text of one character, so the letter's box takes the line's spacing
  itself, half before and half after the letter, and its dot stays centred under it;
- CJK-Latin spacing never stands at a line's edges (W3C clreq): a Latin run that starts a
  line loses its start margin, one that ends a line its end margin, and the line is
  justified without them.
"""

from __future__ import annotations

from typing import Any

DOT = "emphasis-dot"


def _classes(box: Any) -> str:
    element = getattr(box, "element", None)
    return str(element.get("class") or "") if element is not None else ""


def is_dot(box: Any) -> bool:
    """A text box that is the one letter of an emphasis-dot span."""
    return len(box.text) == 1 and DOT in _classes(box).split()


def spread(box: Any, spacing: float, x_advance: float) -> float:
    """Justify the one-letter box of an emphasis dot: ``spacing`` around its letter."""
    box.justification_spacing = spacing
    box.position_x += x_advance + spacing / 2
    box.width += spacing / 2
    return x_advance + spacing


def _edge(line: Any, index: int) -> list[Any]:
    """The line and the inline boxes that open (``index`` 0) or close (-1) it, outer first."""
    chain = [line]
    while getattr(chain[-1], "children", None) and not hasattr(chain[-1], "text"):
        chain.append(chain[-1].children[index])
    return chain


def trim_edges(line: Any) -> None:
    """No CJK-Latin margin at the start or the end of ``line`` (after its layout)."""
    chain = _edge(line, 0)
    for depth, box in enumerate(chain[1:], 1):
        if "autospace-start" in _classes(box).split() and box.margin_left:
            margin, box.margin_left = box.margin_left, 0
            for child in line.children:
                child.translate(dx=-margin, ignore_floats=True)
            for outer in chain[1 : depth + 1]:
                outer.position_x += margin  # (they open the line: back to its start)
            for outer in chain[:depth]:
                outer.width -= margin
            break
    chain = _edge(line, -1)
    for depth, box in enumerate(chain[1:], 1):
        if "autospace-end" in _classes(box).split() and box.margin_right:
            margin, box.margin_right = box.margin_right, 0
            for outer in chain[:depth]:
                outer.width -= margin
            break
