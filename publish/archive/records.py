"""Step 7 - a provenance record per document (:mod:`publish.provenance`, PROV-JSONLD), written
beside its files as ``<slug>.provenance.jsonld``, naming every file by its path in the bag
(``data/documents/<slug>/…``)."""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from datetime import datetime
from pathlib import Path

from publish.archive.layout import DOCUMENTS, PROVENANCE, SITE, SOURCE, clean_names, in_bag
from publish.model import Document
from publish.provenance import Record, Verdict, to_json
from publish.timestamps import iso


def outputs(payload: Path, slug: str) -> dict[str, Path]:
    """Where the files of document ``slug`` lie in ``payload``, by kind."""
    folder = payload / DOCUMENTS / slug
    clean_md, changes = clean_names(slug)
    return {
        "clean": folder / clean_md,
        "changes": folder / changes,
        "pdf": folder / f"{slug}.pdf",
        "epub": folder / f"{slug}.epub",
        "html": payload / SITE / slug / "index.html",
    }


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def write(
    payload: Path,
    doc: Document,
    theme: str,
    when: datetime,
    software: Mapping[str, str],
    validators: Mapping[str, str],
    verdicts: Sequence[Verdict],
) -> Path:
    """Write the record of ``doc`` into ``payload``; return its path."""
    slug = doc.cleaned.source.slug
    folder = payload / DOCUMENTS / slug
    originals = sorted(p for p in (folder / SOURCE).rglob("*") if p.is_file())
    files = outputs(payload, slug)
    checksums = {in_bag(path, payload): _sha256(path) for path in files.values()}
    record = Record(
        doc,
        {kind: in_bag(path, payload) for kind, path in files.items()},
        [(in_bag(path, payload), path.read_bytes()) for path in originals],
        theme,
        iso(when),
        software,
        validators,
        verdicts,
        checksums,
    )
    target = folder / f"{slug}{PROVENANCE}"
    target.write_bytes(to_json(record))
    return target
