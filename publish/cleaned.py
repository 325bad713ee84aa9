"""The clean stage's outputs: ``build/clean/<slug>.md``, its change log, and the warnings for
review decisions that no longer match an edit."""

from __future__ import annotations

import logging
from pathlib import Path

from publish.changelog import change_log_parts
from publish.fsutil import write_parts, write_text
from publish.model import CleanedSource, Document

log = logging.getLogger(__name__)


def stale_warnings(cleaned: CleanedSource) -> None:
    for edit_id in cleaned.stale:
        log.warning(
            "%s: review decision %s matches no edit any more (the text changed); remove it from %s",
            cleaned.source.display_path,
            edit_id,
            cleaned.settings.decided_in or "the front matter",
        )


def write_cleaned(cleaned: CleanedSource, out: Path, doc: Document | None = None) -> list[Path]:
    """``build/clean/<slug>.md`` (front matter + cleaned body) and its change log, with the
    language ``doc`` was given."""
    source = cleaned.source
    md = out / "clean" / f"{source.slug}.md"
    changes = out / "clean" / f"{source.slug}.changes.json"
    write_text(md, cleaned.written)
    language = (doc.meta.language, doc.meta.language_reason) if doc else None
    write_parts(changes, change_log_parts(cleaned, language))
    log.debug("  %s: %d change(s) by the cleaner", source.display_path, len(cleaned.changes))
    return [md, changes]
