"""Measurements of text lines taken from a PDF with pdfplumber, shared by the PDF tests.

pdfplumber places a glyph by its origin and gives it the font's full advance; a mark whose
blank half was squeezed out (the ``halt`` feature) keeps its ink in the first half and moves
the next glyph back by half a character, so its real advance shows only in where the next
glyph starts, or, at the end of a line, in where the text block ends.
"""

from __future__ import annotations

import itertools
import re
from pathlib import Path
from typing import Any

from publish.cjk import CLOSING, OPENING


def squeezed_end(line: dict[str, Any], edge: float) -> bool:
    """Whether the line's last glyph is a closing mark set half wide at ``edge``."""
    last = line["chars"][-1]
    return last["text"] in CLOSING and abs(last["x0"] + last["size"] / 2 - edge) < 1


def line_end(line: dict[str, Any], edge: float) -> float:
    """Where the line's text ends: its last glyph's advance, halved if squeezed."""
    last = line["chars"][-1]
    return float(last["x0"] + last["size"] / 2) if squeezed_end(line, edge) else float(line["x1"])


def squeezed_marks(line: dict[str, Any], edge: float) -> int:
    """Marks of the line set half wide: a closing mark the next glyph follows by half a
    character, an opening one that follows its predecessor by half, and the end mark."""
    chars = [c for c in line["chars"] if c["text"] != " "]
    halves = 0
    for a, b in itertools.pairwise(chars):
        half = b["x0"] - a["x0"] < 0.6 * a["size"]
        halves += half and (a["text"] in CLOSING or b["text"] in OPENING)
    return halves + squeezed_end(line, edge)


def paragraphs_missing(pdf_text: str, pdf_path: Path) -> list[str]:
    """The paragraphs of the cleaned source beside ``pdf_path`` (``build/clean/``) that are
    not in ``pdf_text`` as they are, white space aside; at least 25 are looked for."""
    flat = re.sub(r"\s+", "", pdf_text)
    cleaned = (pdf_path.parent.parent / "clean" / f"{pdf_path.stem}.md").read_text("utf-8")
    body = cleaned.split("---\n", 2)[2]
    blocks = (p.strip("\n") for p in body.split("\n\n"))
    paragraphs = [p.replace("**", "") for p in blocks if p and p[0] != "#"]
    assert len(paragraphs) > 25
    return [p[:30] for p in paragraphs if re.sub(r"\s+", "", p) not in flat]
