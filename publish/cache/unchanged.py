"""A build with nothing to do: every document, the settings and the theme as at the last
build into the same folder, and that build's outputs still there as it left them (size,
modification and change times, inode of each, and no other file in the site). Then nothing is
written again, and the build says so; what the documents logged is logged again, for
``--strict``."""

from __future__ import annotations

import json
import os
from pathlib import Path

from publish.cache.store import Store
from publish.fsutil import identities, identity, tree, write_text


def _note(store: Store, key: str) -> Path:
    return store.folder / "builds" / f"{key}.json"


def _site(out: Path) -> list[str]:
    """Every file of the site, by its path under ``out``, sorted."""
    return [f"site/{name}" for name in tree(out / "site")]


def remember(store: Store, key: str, out: Path, seen: dict[str, list[int]]) -> None:
    """Note the outputs of a build that just moved into ``out`` (``seen``: their identity,
    by path under ``out``: :func:`publish.fsutil.identities`)."""
    files = dict(seen)
    site = _site(out)
    files.update({name: identity(os.path.join(out, name)) for name in site if name not in seen})
    write_text(_note(store, key), json.dumps({"files": files, "site": site}))


def unchanged(store: Store, key: str, out: Path) -> bool:
    """Whether the outputs of the last build of ``key`` into ``out`` are all still as it left
    them (and the site holds no other file)."""
    try:
        note = json.loads(_note(store, key).read_bytes())
        files: dict[str, list[int]] = note["files"]
        if identities(out, files) != files:
            return False
    except (OSError, ValueError, KeyError):
        return False
    return not (out / "site").is_dir() or _site(out) == note["site"]
