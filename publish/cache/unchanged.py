"""A build with nothing to do: every document, the settings and the theme as at the last
build into the same folder, and that build's outputs still there as it left them (size and
modification time of each, and no other file in the site). Then nothing is written again,
and the build says so; what the documents logged is logged again, for ``--strict``."""

from __future__ import annotations

import json
import os
from pathlib import Path

from publish.cache.store import Store
from publish.fsutil import write_text


def _note(store: Store, key: str) -> Path:
    return store.folder / "builds" / f"{key}.json"


def _stat(path: str) -> list[int]:
    found = os.stat(path)
    return [found.st_size, found.st_mtime_ns]


def _site(out: Path) -> list[str]:
    """Every file of the site, by its path under ``out``, sorted."""
    found: list[str] = []
    for parent, _, files in os.walk(out / "site"):
        where = os.path.relpath(parent, out).replace(os.sep, "/")
        found.extend(f"{where}/{name}" for name in files)
    return sorted(found)


def remember(store: Store, key: str, out: Path, written: list[Path]) -> None:
    """Note the outputs of a build that just moved into ``out``."""
    files = {p.relative_to(out).as_posix(): _stat(str(p)) for p in written}
    site = _site(out)
    files.update({name: _stat(os.path.join(out, name)) for name in site})
    write_text(_note(store, key), json.dumps({"files": files, "site": site}))


def unchanged(store: Store, key: str, out: Path) -> bool:
    """Whether the outputs of the last build of ``key`` into ``out`` are all still as it left
    them (and the site holds no other file)."""
    try:
        note = json.loads(_note(store, key).read_bytes())
        folder = str(out)
        if any(_stat(os.path.join(folder, name)) != stat for name, stat in note["files"].items()):
            return False
    except (OSError, ValueError, KeyError):
        return False
    return not (out / "site").is_dir() or _site(out) == note["site"]
