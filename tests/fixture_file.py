"""Reader for fixture files of ``input -> expected`` pairs (the markdown-it-py format).

A case is a title line, a ``.`` line, the input, a ``.`` line, the expected output and a
closing ``.`` line. In clean-pass fixtures, invisible characters are written visibly:
``␠`` space, ``␉`` tab, ``␍`` carriage return, ``⌀`` byte-order mark (U+FEFF), ``⸗`` soft
hyphen (U+00AD), ``␌`` form feed, ``⌇`` zero-width non-joiner, ``␁`` and ``␂`` the control
characters U+0001 and U+0002, ``␈`` backspace (U+0008).
"""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

FIXTURES = Path(__file__).parent / "fixtures"

_VISIBLE = {
    "␠": " ",
    "␉": "\t",
    "␍": "\r",
    "⌀": "\ufeff",
    "⸗": "\u00ad",
    "␌": "\f",
    "⌇": "\u200c",
    "␁": "\x01",
    "␂": "\x02",
    "␈": "\x08",
}


class Case(NamedTuple):
    title: str
    line: int
    given: str
    expected: str


def unescape(text: str) -> str:
    for visible, real in _VISIBLE.items():
        text = text.replace(visible, real)
    return text


def read_fixture_file(path: Path) -> list[Case]:
    lines = path.read_text(encoding="utf-8").split("\n")
    cases: list[Case] = []
    i = 0
    while i + 1 < len(lines):
        if lines[i].strip() and lines[i + 1] == ".":
            title, start = lines[i], i + 1
            i += 2
            given: list[str] = []
            while lines[i] != ".":
                given.append(lines[i])
                i += 1
            i += 1
            expected: list[str] = []
            while lines[i] != ".":
                expected.append(lines[i])
                i += 1
            cases.append(Case(title, start, "\n".join(given) + "\n", "\n".join(expected) + "\n"))
        i += 1
    if not cases:
        raise ValueError(f"{path}: no fixtures found")
    return cases
