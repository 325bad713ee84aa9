"""A build with nothing to do: every document, the settings and the theme as at the last
build into the same folder, and that build's outputs still there as it left them (size and
modification time of each, and no other file in the site). Then nothing is written again,
and the build says so; what the documents logged is logged again, for ``--strict``."""

from __future__ import annotations

import json
from pathlib import Path

from publish.cache.store import Store
from publish.fsutil import write_text


def _note(store: Store, key: str) -> Path:
    return store.folder / "builds" / f"{key}.json"


def _stat(path: Path) -> list[int]:
    found = path.stat()
    return [found.st_size, found.st_mtime_ns]


def remember(store: Store, key: str, out: Path, written: list[Path]) -> None:
    """Note the outputs of a build that just moved into ``out``."""
    files = {p.relative_to(out).as_posix(): _stat(p) for p in written}
    site = sorted(p.relative_to(out).as_posix() for p in (out / "site").rglob("*") if p.is_file())
    files.update({name: _stat(out / name) for name in site})
    write_text(_note(store, key), json.dumps({"files": files, "site": site}))


def unchanged(store: Store, key: str, out: Path) -> list[Path] | None:
    """The outputs of the last build of ``key`` into ``out`` when they are all still as it
    left them; else None."""
    try:
        note = json.loads(_note(store, key).read_bytes())
        if any(_stat(out / name) != stat for name, stat in note["files"].items()):
            return None
    except (OSError, ValueError, KeyError):
        return None
    site = out / "site"
    if (
        site.is_dir()
        and sorted(p.relative_to(out).as_posix() for p in site.rglob("*") if p.is_file())
        != note["site"]
    ):
        return None
    return [out / name for name in note["files"]]
