"""The editor a clean pass edits through: it skips protected spans, applies an edit only when it
is sure enough or a reviewer accepted it, and records every change and suggestion."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from operator import itemgetter
from typing import NamedTuple

from publish.clean import scan
from publish.clean.evidence import Pages
from publish.clean.protect import Protected
from publish.clean.review import Review
from publish.clean.trace import Edit, Step, Trace, apply_sorted
from publish.frontmatter import opens_front_matter
from publish.model import Change, Furniture, Jump

#: A replacement function returns None (or the match itself) to decline.
Replacement = str | Callable[[re.Match[str]], str | None]

_CONTEXT = 8  # characters shown either side of a change
_KEY = 24  # characters either side that make its id
_SPAN = itemgetter(0, 1)  # an edit's (start, end)
_IDS_AT_ONCE = 1024  # edits whose ids are made together (their keys are held until then)


class Recorded(NamedTuple):
    """A change as the pass saw it: the step it belongs to and its offset in that step's input."""

    pass_name: str
    step: int
    start: int
    before: str
    after: str
    number: int  # in the review, which makes its id
    applied: bool
    confidence: float
    evidence: tuple[str, ...]
    decision: str


@dataclass
class Editor:
    """Applies one pass's edits to a text and keeps the log of what changed."""

    pass_name: str
    trace: Trace
    review: Review = field(default_factory=Review)
    pages: Pages = field(default_factory=Pages)
    recorded: list[Recorded] = field(default_factory=list)
    jumps: list[Jump] = field(default_factory=list)
    furniture: list[Furniture] = field(default_factory=list)
    #: Where the edits of the latest :meth:`apply` that were applied start, in its input.
    done: set[int] = field(default_factory=set)
    #: The index of the step the latest :meth:`apply` started from.
    step_in: int = 0

    def apply(self, text: str, edits: Iterable[Edit], *, protect: bool = True) -> str:
        """Apply non-overlapping ``edits`` to ``text``, except those touching protected spans,
        those below the threshold and those a reviewer rejected (all but the protected are
        recorded). ``protect=False`` is for edits that remove or move whole blocks or lines."""
        candidates = sorted((e for e in edits if text[e[0] : e[1]] != e[2]), key=_SPAN)
        self.done = set()
        self.step_in = step = len(self.trace.steps)
        if not candidates:
            return text
        protected = Protected.of(text) if protect else None
        look = protected if protected is not None and protected.spans else None
        kept: list[Edit] = []
        last_end = -1
        for edit in candidates:
            if edit[0] < last_end:
                continue
            if look is not None and (
                look.cuts(edit[0]) or look.cuts(edit[1])
                if edit.moves
                else look.overlaps(edit[0], edit[1])
            ):
                continue
            last_end = edit[1]
            kept.append(edit)
        if any(edit.pair >= 0 for edit in kept):
            kept = _whole_pairs(kept)
        if kept and kept[0][0] == 0:
            kept = _unfenced(text, kept)
        kept = self._record(text, kept, step)
        if not kept:
            return text
        new_text = self._commit(text, kept)
        if protected is not None and not any(edit.moves for edit in kept):
            protected.shifted(new_text, kept)
        return new_text

    def _commit(self, text: str, kept: list[Edit]) -> str:
        """``text`` with the sorted ``kept`` edits made, a step of the trace."""
        self.done = {edit[0] for edit in kept}
        done = Step(kept)
        self.trace.steps.append(done)
        self.pages.remap(done)
        return apply_sorted(text, kept)

    def as_one(self, pattern: re.Pattern[str], new: str, text: str, why: tuple[str, ...]) -> str:
        """Every match of ``pattern`` made ``new`` as one change, recorded (and reviewed) at
        the first: a text's line endings, which no one reviews a line at a time."""
        edits = [
            Edit(m.start(), m.end(), new, 1.0, why) for m in pattern.finditer(text) if m[0] != new
        ]
        self.done = set()
        self.step_in = step = len(self.trace.steps)
        if not edits:
            return text
        told = (*why, f"one change for all {len(edits)} in the text")
        if not self._record(text, [edits[0]._replace(evidence=told)], step):
            return text
        return self._commit(text, edits)

    def _record(self, text: str, edits: list[Edit], step: int) -> list[Edit]:
        """Record ``edits`` (of the text of ``step``); those to apply. (One loop over them with
        the names it needs held local: a large document has a million edits.)"""
        review, name, kept, record = self.review, self.pass_name, [], self.recorded.append
        threshold, keys, number, eager = review.settings.threshold, [], review.count(), review.eager
        paired = _pair_decisions(review, name, text, edits) if eager else {}
        new_record = tuple.__new__
        for edit in edits:
            start, end, new, confidence = edit[0], edit[1], edit[2], edit[3]
            old = text[start:end]
            before = text[start - _KEY : start] if start >= _KEY else text[:start]
            keys.append(f"{before}\0{old}\0{new}\0{text[end : end + _KEY]}")  # (:func:`_key`)
            if eager:  # (the reviewer's decisions are looked up by id)
                number = review.enter(name, keys.pop())
                applied, decision = review.decide(number, confidence)
                if edit.pair >= 0 and not decision:  # (its other half's decides it)
                    applied, decision = paired.get(edit.pair, (applied, decision))
            else:
                applied, decision = confidence >= threshold, ""
            left = before[-_CONTEXT:].rpartition("\n")[2]
            right = text[end : end + _CONTEXT].partition("\n")[0]
            before, after = left + old + right, left + new + right
            record(
                new_record(
                    Recorded,
                    (
                        name,
                        step,
                        start,
                        before,
                        after,
                        number,
                        applied,
                        confidence,
                        edit[4],
                        decision,
                    ),
                )
            )
            number += 1
            if applied:
                kept.append(edit)
            if len(keys) == _IDS_AT_ONCE:
                review.enter_all(name, keys)
                keys = []
        review.enter_all(name, keys)
        return kept

    def sub(
        self,
        pattern: re.Pattern[str],
        repl: Replacement,
        text: str,
        *,
        protect: bool = True,
        starts: str = "",
        why: tuple[str, ...] = (),
    ) -> str:
        """Like ``pattern.sub(repl, text)``, outside protected spans, recording each change
        (with the evidence ``why``, if any). ``starts``: a literal every match starts with,
        looked for first (fast)."""
        matches = scan.finditer(pattern, text, starts) if starts else pattern.finditer(text)
        if not callable(repl):
            if "\\" in repl:
                edits = [Edit(m.start(), m.end(), m.expand(repl), 1.0, why) for m in matches]
            else:
                edits = [
                    Edit(m.start(), m.end(), repl, 1.0, why) for m in matches if m.group(0) != repl
                ]
            return self.apply(text, edits, protect=protect)
        found = []
        for match in matches:
            new = repl(match)
            if new is not None and new != match.group(0):
                found.append(Edit(match.start(), match.end(), new, 1.0, why))
        return self.apply(text, found, protect=protect)

    def jump(self, text: str, offset: int, direction: str, page: str, column: str = "") -> Jump:
        """Note a removed jump line found at ``offset`` of the latest :meth:`apply`'s input."""
        path, line = self.trace.locate(self.step_in, offset)
        self.jumps.append(Jump(direction, page, column, text, path, line))
        return self.jumps[-1]

    def remove_furniture(self, kind: str, text: str, offset: int) -> Furniture:
        """Note a removed furniture line at ``offset`` of the latest :meth:`apply`'s input."""
        path, line = self.trace.locate(self.step_in, offset)
        self.furniture.append(Furniture(kind, text, path, line))
        return self.furniture[-1]

    def changes(self) -> list[Change]:
        """The recorded changes and suggestions, located in the source files."""
        places = self.trace.locate_all([(r[1], r[2]) for r in self.recorded])
        ids, make = self.review.id_of, tuple.__new__
        return [
            make(Change, (name, path, line, before, after, ids(number), done, sure, why, said))
            for (name, _, _, before, after, number, done, sure, why, said), (path, line) in zip(
                self.recorded, places, strict=True
            )
        ]

    def applied(self) -> bool:
        return any(r.applied for r in self.recorded)


def _unfenced(text: str, kept: list[Edit]) -> list[Edit]:
    """``kept``, the first leaving a blank line where the edits would leave the text opening
    on a ``---`` line it did not open on: a page marker removed from above a converter's rule
    (``--- Page 3 ---`` ⏎ ``---`` ⏎ …), which read again would open front matter (review 223)."""
    if opens_front_matter(text) or not opens_front_matter(apply_sorted(text, kept)):
        return kept
    first = kept[0]._replace(new="\n" + kept[0].new)
    return kept[1:] if text[first.start : first.end] == first.new else [first, *kept[1:]]


def _key(text: str, edit: Edit) -> str:
    """What makes an edit's id: what it changes, with the text around it."""
    start, end = edit[0], edit[1]
    before = text[start - _KEY : start] if start >= _KEY else text[:start]
    return f"{before}\0{text[start:end]}\0{edit[2]}\0{text[end : end + _KEY]}"


def _whole_pairs(kept: list[Edit]) -> list[Edit]:
    """``kept`` without the half of a pair whose other half is not there (left out as it
    overlapped another edit or a protected span): a pair's marks change together."""
    halves: dict[int, int] = {}
    for edit in kept:
        if edit.pair >= 0:
            halves[edit.pair] = halves.get(edit.pair, 0) + 1
    return [edit for edit in kept if edit.pair < 0 or halves[edit.pair] == 2]


def _pair_decisions(
    review: Review, name: str, text: str, edits: list[Edit]
) -> dict[int, tuple[bool, str]]:
    """What a reviewer decided of either half of each pair of marks in ``edits``, by pair: a
    half rejected rejects both, accepted accepts both (``（4分)`` from half a pair is worse
    than either). The ids are looked up as :meth:`Review.enter_all` will make them."""
    decided: dict[int, tuple[bool, str]] = {}
    for edit in edits:
        if edit.pair < 0:
            continue
        found = review.decision_of(name, _key(text, edit))
        if found == "rejected" or (found and edit.pair not in decided):
            decided[edit.pair] = (found == "accepted", found)
    return decided
