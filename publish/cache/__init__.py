"""The build cache: each stage's result kept under the hash of its inputs.

It lives in ``build/.cache/`` (or ``[build] cache_dir``, relative to the project). A
document's outputs (cleaned text and change log, PDF, EPUB, change-log page, images), its
summary and what it logged are kept under its key (:mod:`.keys`); a site page under its
document's key and its neighbours'; the search index under the hash of the pages it reads.
The pages of the whole collection are written again from the summaries. A build with the
cache writes the same bytes as one without; ``--no-cache`` builds without it and removes it.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

from publish.cache.keys import build_key, digest
from publish.cache.store import Store, reads
from publish.config import Config
from publish.model import Metadata, Origin, Summary

__all__ = ["Store", "build_key", "digest", "folder", "open_store", "reads"]


def folder(config: Config, out: Path) -> Path:
    return config.root / config.cache_dir if config.cache_dir else out / ".cache"


def open_store(config: Config, out: Path, mode: str) -> Store | None:
    """The cache for a build into ``out``: ``use`` it, ``skip`` it, or ``clear`` it."""
    store = Store(folder(config, out), out)
    if mode == "clear":
        store.clear()
    return store if mode == "use" else None


def _tuples(value: Any) -> Any:
    return tuple(_tuples(v) for v in value) if isinstance(value, list) else value


def summary_json(summary: Summary) -> dict[str, Any]:
    return dataclasses.asdict(summary)


def summary_from(data: dict[str, Any]) -> Summary:
    meta = {k: _tuples(v) for k, v in data["meta"].items()}
    meta["origin"] = Origin(**{k: _tuples(v) for k, v in meta["origin"].items()})
    links = _tuples(data.get("doc_links", []))
    anchors = _tuples(data.get("anchors", []))
    return Summary(data["slug"], Metadata(**meta), data["summary"], anchors, links)
