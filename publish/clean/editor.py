"""The editor a clean pass edits through: it skips protected spans and records every change."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from publish.clean.protect import Protected
from publish.clean.trace import Edit, Step, Trace
from publish.model import Change, Jump

Replacement = str | Callable[[re.Match[str]], str]

_CONTEXT = 8


@dataclass(frozen=True)
class Recorded:
    """A change as the pass saw it: the step it belongs to and its offset in that step's input."""

    pass_name: str
    step: int
    start: int
    before: str
    after: str


@dataclass
class Editor:
    """Applies one pass's edits to a text and keeps the log of what changed."""

    pass_name: str
    trace: Trace
    recorded: list[Recorded] = field(default_factory=list)
    jumps: list[Jump] = field(default_factory=list)

    def apply(self, text: str, edits: Iterable[Edit], *, protect: bool = True) -> str:
        """Apply non-overlapping ``edits`` to ``text``, except those touching protected spans."""
        candidates = sorted(
            (e for e in edits if text[e.start : e.end] != e.new), key=lambda e: (e.start, e.end)
        )
        if not candidates:
            return text
        protected = Protected.of(text) if protect else None
        kept: list[Edit] = []
        last_end = -1
        for edit in candidates:
            if edit.start < last_end:
                continue
            if protected is not None and protected.overlaps(edit.start, edit.end):
                continue
            kept.append(edit)
            last_end = edit.end
        if not kept:
            return text
        step = len(self.trace.steps)
        parts: list[str] = []
        last = 0
        for edit in kept:
            left_stop = max(text.rfind("\n", 0, edit.start) + 1, edit.start - _CONTEXT)
            right_stop = text.find("\n", edit.end)
            right_stop = min(edit.end + _CONTEXT, len(text) if right_stop < 0 else right_stop)
            left, right = text[left_stop : edit.start], text[edit.end : right_stop]
            self.recorded.append(
                Recorded(
                    self.pass_name,
                    step,
                    edit.start,
                    left + text[edit.start : edit.end] + right,
                    left + edit.new + right,
                )
            )
            parts.append(text[last : edit.start])
            parts.append(edit.new)
            last = edit.end
        parts.append(text[last:])
        self.trace.steps.append(Step(kept))
        new_text = "".join(parts)
        if protected is not None:
            protected.shifted(new_text, kept)
        return new_text

    def sub(
        self, pattern: re.Pattern[str], repl: Replacement, text: str, *, protect: bool = True
    ) -> str:
        """Like ``pattern.sub(repl, text)``, outside protected spans, recording each change.

        A replacement function may return the match unchanged to decline an edit.
        """
        if callable(repl):
            edits = (Edit(m.start(), m.end(), repl(m)) for m in pattern.finditer(text))
        elif "\\" in repl:
            edits = (Edit(m.start(), m.end(), m.expand(repl)) for m in pattern.finditer(text))
        else:  # a literal replacement: no template to parse for every match
            edits = (Edit(m.start(), m.end(), repl) for m in pattern.finditer(text))
        return self.apply(text, edits, protect=protect)

    def jump(self, text: str, offset: int, direction: str, page: str, column: str = "") -> None:
        """Note a jump line found at ``offset`` of the current text (before this pass's edit)."""
        path, line = self.trace.end_locate(offset)
        self.jumps.append(Jump(direction, page, column, text, path, line))

    def changes(self) -> list[Change]:
        """The recorded changes, located in the source files."""
        found = []
        for r in self.recorded:
            path, line = self.trace.locate(r.step, r.start)
            found.append(Change(r.pass_name, path, line, r.before, r.after))
        return found
