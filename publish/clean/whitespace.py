"""Pass ``whitespace``: line endings, byte-order mark, trailing spaces, blank-line runs.

Rewrites (outside protected spans unless noted)::

    U+FEFF (byte-order mark)            -> removed, wherever it stands (everywhere)
    CRLF or CR                          -> LF (everywhere, code included)
    spaces/tabs at the end of a line    -> removed, except a hard break: two or more spaces
                                           after text, with more text on the next line
    three or more newlines              -> one blank line
    blank lines at the start            -> removed
    missing or extra final newlines     -> exactly one (everywhere)
"""

from __future__ import annotations

import re

from publish.clean.editor import Editor

NAME = "whitespace"

_BOM = re.compile("\ufeff+")
_CR = re.compile(r"\r\n?")
_TRAILING = re.compile(r"[ \t]+$", re.MULTILINE)
_BLANK_RUN = re.compile(r"\n{3,}")
_LEADING = re.compile(r"\A\n+")
_FINAL = re.compile(r"(?<!\n)\Z|\n{2,}\Z")


def _trailing(match: re.Match[str]) -> str:
    text, start, end = match.string, match.start(), match.end()
    spaces = match.group(0)
    after_text = start > 0 and text[start - 1] != "\n"
    newline = text.find("\n", end + 1)
    next_line = text[end + 1 : newline if newline >= 0 else len(text)]
    if after_text and len(spaces) >= 2 and set(spaces) == {" "} and next_line.strip():
        return spaces  # a Markdown hard break
    return ""


def apply(text: str, edit: Editor) -> str:
    text = edit.sub(_BOM, "", text, protect=False)
    text = edit.sub(_CR, "\n", text, protect=False)
    text = edit.sub(_TRAILING, _trailing, text)
    text = edit.sub(_BLANK_RUN, "\n\n", text)
    text = edit.sub(_LEADING, "", text)
    if text:
        text = edit.sub(_FINAL, "\n", text, protect=False)
    return text
