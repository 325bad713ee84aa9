"""The change log of a cleaned document, as JSON: what ``build/clean/<slug>.changes.json`` and
``publish clean --changes`` write.

It lists every edit the cleaner made (``"applied": true``) and every one it only suggested,
with its stable id, pass, place in the source, text before and after, evidence and
confidence, and the reviewer's decision where there is one; the jump lines and page furniture
it removed, and where they say the original's pages start (``pages``: page, offset in the
cleaned text, the line that says so); the passes, the threshold, and the review file with any
decision that matched nothing; in a build, the document's language and why.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Iterator

from publish.model import Change, CleanedSource, Furniture, Jump, PageStart


def summary(cleaned: CleanedSource) -> dict[str, int]:
    """How many edits were applied, suggested, accepted and rejected."""
    counts = Counter("applied" if c.applied else "suggested" for c in cleaned.changes)
    counts.update(c.decision for c in cleaned.changes if c.decision)
    return {key: counts[key] for key in ("applied", "suggested", "accepted", "rejected")}


def change_log(cleaned: CleanedSource, language: tuple[str, str] | None = None) -> str:
    """The JSON text of the change log."""
    return "".join(change_log_parts(cleaned, language))


def change_log_parts(
    cleaned: CleanedSource, language: tuple[str, str] | None = None
) -> Iterator[str]:
    """The change log's JSON in parts, one key a line and one record a line in the lists:
    easy to read and to diff, written by the json module's fast encoder (an indented dump of
    a long log takes seconds), and never held whole. ``language``: the document's language
    and why, when a build chose it."""
    settings = cleaned.settings
    head: dict[str, object] = {
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
    }
    if language:
        head["language"] = {"tag": language[0], "reason": language[1]}
    lists: dict[str, Iterable[Jump | Furniture | PageStart | Change]] = {
        "jumps": cleaned.jumps,
        "furniture": cleaned.furniture,
        "pages": cleaned.page_starts,
        "changes": cleaned.changes,
    }
    yield "{\n"
    yield "".join(f" {_compact(key)}: {_compact(value)},\n" for key, value in head.items())
    for n, (key, records) in enumerate(lists.items()):
        yield f" {_compact(key)}: ["
        for m, record in enumerate(records):
            yield f"{',' if m else ''}\n  {_compact(record.as_json())}"
        yield f"{chr(10) + ' ' if records else ''}]{',' if n < len(lists) - 1 else ''}\n"
    yield "}\n"


#: One encoder for every record (``json.dumps`` with options builds a new one each call).
_compact = json.JSONEncoder(ensure_ascii=False, separators=(", ", ": ")).encode
