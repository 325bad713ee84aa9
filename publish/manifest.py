"""``build/manifest.json``: which source each output came from, so that builds keep the
project's outputs consistent.

Each document's entry names its source and every file made from it (its PDF, EPUB, cleaned
text and change log, its change-log page), each with the digest of the source (and its
settings) it was made from: a build of only some formats or some documents keeps the others'
entries. A build that read the whole content folder (publish.selection) removes the files of
documents whose source is gone. The site links a PDF or EPUB left by an earlier build only
when the manifest says it was made from the source as it is now, never a stray file.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Any

from publish.fsutil import write_text

log = logging.getLogger(__name__)
NAME = "manifest.json"
Entries = dict[str, dict[str, Any]]  # slug -> {"source": …, "files": {name: digest}}


def read(out: Path) -> Entries:
    """The manifest of the build in ``out`` (empty when there is none, or it is damaged)."""
    try:
        data = json.loads((out / NAME).read_text("utf-8"))
        documents = data["documents"]
    except (OSError, ValueError, KeyError, TypeError):
        return {}
    return documents if isinstance(documents, dict) else {}


def current(previous: Entries, digests: dict[str, str]) -> frozenset[str]:
    """The files of earlier builds made from the sources as they are now."""
    return frozenset(
        name
        for slug, entry in previous.items()
        for name, digest in dict(entry.get("files", {})).items()
        if digests.get(slug) == digest
    )


def entry(source: str, digest: str, files: list[str], before: dict[str, Any] | None) -> Any:
    """A document's entry: this build's files made from ``digest``, beside the files earlier
    builds made from it (of other formats) that are still listed."""
    earlier = dict((before or {}).get("files", {})) if isinstance(before, dict) else {}
    return {
        "source": source,
        "files": dict(sorted({**earlier, **dict.fromkeys(files, digest)}.items())),
    }


def write(
    staging: Path, previous: Entries, now: Entries, known: frozenset[str] | None
) -> list[str]:
    """Write the manifest into ``staging``: ``now``'s entries, and the previous build's others
    whose documents are still ``known`` (all of them when the build did not read the whole
    content folder: None). Return the files of the documents dropped, to remove."""
    kept = {s: e for s, e in previous.items() if s not in now and (known is None or s in known)}
    gone = [
        name
        for slug, entry in sorted(previous.items())
        if slug not in now and slug not in kept
        for name in entry.get("files", [])
    ]
    documents = dict(sorted({**kept, **now}.items()))
    write_text(staging / NAME, json.dumps({"version": 1, "documents": documents}, indent=1))
    return gone


def remove(out: Path, names: list[str]) -> None:
    """Remove the outputs of sources that are gone (only files under ``out``)."""
    for name in names:
        path = (out / name).resolve()
        if path.is_relative_to(out.resolve()) and path.is_file() and not name.startswith("site/"):
            path.unlink()
            log.info("  removed %s: its source is gone", name)
