"""Reviewable decisions: every edit gets a stable id, and a reviewer's accept/reject holds.

An id is the pass name and a hash of what the edit changes with the text around it, never a
counter or an offset, so it survives rebuilds and edits elsewhere in the document. Identical
edits in identical surroundings are told apart by their order (``punctuation-1f2e3d4c.2``).
"""

from __future__ import annotations

import hashlib

from publish.model import CleanSettings


class Review:
    """The decisions of one document, and the ids handed out while cleaning it."""

    def __init__(self, settings: CleanSettings | None = None) -> None:
        self.settings = settings or CleanSettings()
        self._seen: dict[str, int] = {}
        self._used: set[str] = set()

    def identify(self, pass_name: str, key: str) -> str:
        digest = hashlib.blake2b(key.encode("utf-8"), digest_size=4).hexdigest()
        base = f"{pass_name}-{digest}"
        count = self._seen[base] = self._seen.get(base, 0) + 1
        return base if count == 1 else f"{base}.{count}"

    def decide(self, edit_id: str, confidence: float) -> tuple[bool, str]:
        """(apply it?, the reviewer's decision or "")."""
        if edit_id in self.settings.reject:
            self._used.add(edit_id)
            return False, "rejected"
        if edit_id in self.settings.accept:
            self._used.add(edit_id)
            return True, "accepted"
        return confidence >= self.settings.threshold, ""

    def stale(self) -> tuple[str, ...]:
        """Decided ids that matched no edit."""
        return tuple(sorted((self.settings.accept | self.settings.reject) - self._used))
