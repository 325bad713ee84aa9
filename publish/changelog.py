"""The change log of a cleaned document, as JSON: what ``build/clean/<slug>.changes.json`` and
``publish clean --changes`` write.

It lists every edit the cleaner made (``"applied": true``) and every one it only suggested,
with its stable id, pass, place in the source, text before and after, evidence and
confidence, and the reviewer's decision where there is one; the jump lines and page furniture
it removed; the passes, the threshold, and the review file with any decision that matched
nothing.
"""

from __future__ import annotations

import json
from collections import Counter

from publish.model import CleanedSource


def summary(cleaned: CleanedSource) -> dict[str, int]:
    """How many edits were applied, suggested, accepted and rejected."""
    counts = Counter("applied" if c.applied else "suggested" for c in cleaned.changes)
    counts.update(c.decision for c in cleaned.changes if c.decision)
    return {key: counts[key] for key in ("applied", "suggested", "accepted", "rejected")}


def change_log(cleaned: CleanedSource) -> str:
    settings = cleaned.settings
    data = {
        "source": cleaned.source.display_path,
        "fragments": [f.display_path for f in cleaned.fragments],
        "passes": list(cleaned.passes),
        "threshold": settings.threshold,
        "review": {
            "file": settings.decided_in,
            "accept": sorted(settings.accept),
            "reject": sorted(settings.reject),
            "stale": list(cleaned.stale),
        },
        "summary": summary(cleaned),
        "jumps": [jump.as_json() for jump in cleaned.jumps],
        "furniture": [item.as_json() for item in cleaned.furniture],
        "changes": [change.as_json() for change in cleaned.changes],
    }
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"
