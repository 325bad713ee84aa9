"""The editor a clean pass edits through: it skips protected spans and records every change."""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable

from publish.clean.protect import Protected
from publish.model import Change

Replacement = str | Callable[[re.Match[str]], str]


class Editor:
    """Applies one pass's substitutions to a text and keeps the log of what changed."""

    def __init__(self, pass_name: str, path: str, first_line: int = 1) -> None:
        self.pass_name = pass_name
        self.path = path
        self.first_line = first_line
        self.changes: list[Change] = []

    def sub(
        self, pattern: re.Pattern[str], repl: Replacement, text: str, *, protect: bool = True
    ) -> str:
        """Like ``pattern.sub(repl, text)``, outside protected spans, recording each change.

        A replacement function may return the match unchanged to decline an edit.
        """
        protected = Protected(text) if protect else None
        newlines = [i for i, ch in enumerate(text) if ch == "\n"]
        parts: list[str] = []
        last = 0
        for match in pattern.finditer(text):
            if protected is not None and protected.overlaps(*match.span()):
                continue
            new = repl(match) if callable(repl) else match.expand(repl)
            if new == match.group(0):
                continue
            parts.append(text[last : match.start()])
            parts.append(new)
            last = match.end()
            line = self.first_line + bisect.bisect_left(newlines, match.start())
            self.changes.append(Change(self.pass_name, self.path, line, match.group(0), new))
        if not parts:
            return text
        parts.append(text[last:])
        return "".join(parts)
