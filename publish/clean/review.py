"""Reviewable decisions: every edit gets a stable id, and a reviewer's accept/reject holds.

An id is the pass name and a hash of what the edit changes with the text around it, never a
counter or an offset, so it survives rebuilds and edits elsewhere in the document. Identical
edits in identical surroundings are told apart by their order (``punctuation-1f2e3d4c.2``).
"""

from __future__ import annotations

from hashlib import blake2b

from publish.model import CleanSettings


class Review:
    """The decisions of one document, and the ids handed out while cleaning it."""

    def __init__(self, settings: CleanSettings | None = None) -> None:
        self.settings = settings or CleanSettings()
        self._seen: dict[str, int] = {}
        self._used: set[str] = set()
        self._ids: list[str] = []
        #: Whether a reviewer decided anything: else an edit is applied by its confidence.
        self.eager = bool(self.settings.accept or self.settings.reject)

    def count(self) -> int:
        """How many edits were noted: the number the next one gets."""
        return len(self._ids)

    def enter(self, pass_name: str, key: str) -> int:
        """Note an edit (its pass, and what it changes with the text around it); its number."""
        self.enter_all(pass_name, [key])
        return len(self._ids) - 1

    def enter_all(self, pass_name: str, keys: list[str]) -> None:
        """Note edits of one pass, in order. Their ids are made now, in the order the edits are
        noted (only the ids are kept, not the texts around the edits)."""
        seen, add = self._seen, self._ids.append
        for key in keys:
            base = _first_id(pass_name, key)
            count = seen[base] = seen.get(base, 0) + 1
            add(base if count == 1 else f"{base}.{count}")

    def decision_of(self, pass_name: str, key: str) -> str:
        """The reviewer's decision on the edit ``key`` names ("accepted", "rejected" or ""),
        by the id it will get if it is the first of its kind (a pair's halves are)."""
        edit_id = _first_id(pass_name, key)
        if edit_id in self.settings.reject:
            return "rejected"
        return "accepted" if edit_id in self.settings.accept else ""

    def id_of(self, number: int) -> str:
        """The id of edit ``number``."""
        return self._ids[number]

    def decide(self, number: int, confidence: float) -> tuple[bool, str]:
        """(apply edit ``number``?, the reviewer's decision or "")."""
        if not self.eager:
            return confidence >= self.settings.threshold, ""
        edit_id = self._ids[number]
        if edit_id in self.settings.reject:
            self._used.add(edit_id)
            return False, "rejected"
        if edit_id in self.settings.accept:
            self._used.add(edit_id)
            return True, "accepted"
        return confidence >= self.settings.threshold, ""

    def done(self) -> None:
        """Cleaning is over: what told repeated ids apart is no longer needed."""
        self._seen = {}

    def stale(self) -> tuple[str, ...]:
        """Decided ids that matched no edit."""
        return tuple(sorted((self.settings.accept | self.settings.reject) - self._used))


def _first_id(pass_name: str, key: str) -> str:
    """The id of the first edit ``key`` names (a repeated one gets ``.2``, ``.3``, …)."""
    return f"{pass_name}-{blake2b(key.encode(), digest_size=4).hexdigest()}"
