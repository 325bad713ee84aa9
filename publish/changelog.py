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
import math
from collections import Counter
from collections.abc import Iterator, Sequence

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
    lists: dict[str, Sequence[Jump | Furniture | PageStart | Change]] = {
        "jumps": cleaned.jumps,
        "furniture": cleaned.furniture,
        "pages": cleaned.page_starts,
        "changes": cleaned.changes,
    }
    yield "{\n"
    yield "".join(f" {_compact(key)}: {_compact(value)},\n" for key, value in head.items())
    for n, (key, records) in enumerate(lists.items()):
        yield f" {_compact(key)}: ["
        for at in range(0, len(records), _BATCH):
            part = records[at : at + _BATCH]
            lines = (_change(r) if type(r) is Change else _compact(r.as_json()) for r in part)
            yield ",\n  " if at else "\n  "
            yield ",\n  ".join(lines)
        yield f"{chr(10) + ' ' if records else ''}]{',' if n < len(lists) - 1 else ''}\n"
    yield "}\n"


#: One encoder for every record (``json.dumps`` with options builds a new one each call).
_compact = json.JSONEncoder(ensure_ascii=False, separators=(", ", ": ")).encode
_string = json.encoder.encode_basestring  # a JSON string, as ``_compact`` writes it
_BATCH = 4096  # records a part


def _number(value: object) -> str:
    """A number or boolean as ``_compact`` writes it."""
    if value is True or value is False:
        return "true" if value else "false"
    if type(value) in (int, float) and math.isfinite(value):  # type: ignore[arg-type]
        return repr(value)
    return _compact(value)


#: Numbers and booleans as ``_compact`` writes them, by value and type (a log has a million
#: lines, a confidence and a flag each, of a few values; zero is not kept: 0.0 == -0.0).
_WRITTEN: dict[tuple[object, type], str] = {}


def _written(value: object) -> str:
    key = (value, type(value))
    found = _WRITTEN.get(key)
    if found is None:
        found = _number(value)
        if value and len(_WRITTEN) < 1024:
            _WRITTEN[key] = found
    return found


def _change(change: Change) -> str:
    """``_compact(change.as_json())``, written out by hand: a large document has a million
    changes, and their log is written five times faster (a test compares the two)."""
    pass_name, path, line, before, after, change_id, applied, confidence, evidence, decision = (
        change
    )
    text = (
        f'{{"id": {_string(change_id)}, "pass": {_string(pass_name)}, '
        f'"file": {_string(path)}, '
        f'"line": {line if type(line) is int else _number(line)}, '
        f'"before": {_string(before)}, "after": {_string(after)}, '
        f'"applied": {_written(applied)}, "confidence": {_written(confidence)}'
    )
    if evidence:
        text += f', "evidence": [{", ".join(map(_string, evidence))}]'
    if decision:
        text += f', "decision": {_string(decision)}'
    return text + "}"
