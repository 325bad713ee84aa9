"""A build with nothing to do, known from file metadata alone, before the build is imported.

A build that ended without a warning notes (``quick.json`` in the build cache) a *stamp*: the
build's options (but how many workers, and where), ``SOURCE_DATE_EPOCH``, and the size,
modification and change times and inode of every file it could have read (``publish.toml``,
the content folder, the theme's folders, the fonts and images it read, publish's own files),
with the names of the installed distributions (their versions). The next build with the same
stamp, whose outputs are still as that build left them
(:func:`publish.cache.unchanged.unchanged`), has nothing to do: it says so and stops, without
reading a source. Any difference (a file touched, added or removed) falls back to the build,
which decides from the files' contents.
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import json
import os
import sys
import sysconfig
from pathlib import Path

from publish.buildoptions import HOW, BuildOptions
from publish.config import Config
from publish.fsutil import identity, write_text

_PACKAGE = Path(__file__).resolve().parent
_NAME = "quick.json"


def _out(config: Config, options: BuildOptions) -> Path:
    return options.out or config.root / "build"


def _cache(config: Config, out: Path) -> Path:
    from publish import cache

    return cache.folder(config, out)


def _stat(path: str) -> list[int]:
    try:
        return identity(path)
    except OSError:
        return []


def _tree(folder: str) -> list[object]:
    """Every file under ``folder`` (its caches of compiled Python aside), with its metadata;
    linked folders are followed, as the build reads a source folder that is a link, each
    real folder once (a link back up is no loop)."""
    found: list[object] = []
    seen: set[str] = set()
    for parent, folders, files in os.walk(folder, followlinks=True):
        real = os.path.realpath(parent)
        if real in seen:
            folders[:] = []
            continue
        seen.add(real)
        folders[:] = sorted(f for f in folders if f != "__pycache__")
        found.extend([os.path.join(parent, name), *_stat(os.path.join(parent, name))]
                     for name in sorted(files))  # fmt: skip
    return found


def _distributions() -> list[str]:
    """The names of the installed distributions' metadata folders (``name-version``)."""
    found: set[str] = set()
    for key in ("purelib", "platlib"):
        with contextlib.suppress(OSError):
            found.update(n for n in os.listdir(sysconfig.get_paths()[key]) if "-info" in n)
    return sorted(found)


def stamp(config: Config, options: BuildOptions, files: list[str], trees: list[str]) -> str:
    """The digest of what a build with ``options`` could read (see the module's docstring):
    the project's own files, and ``files`` and ``trees`` (the fonts, the theme's folders)."""
    asked = [(f.name, str(getattr(options, f.name))) for f in dataclasses.fields(options)]
    root = config.root.resolve()
    own = [str(root / "publish.toml")]
    folders = {str(config.content_dir.resolve()), str(root / "themes"), *trees}
    parts = [
        sys.version,
        str(root),
        str(_out(config, options).resolve()),
        [item for item in asked if item[0] not in HOW],
        os.environ.get("SOURCE_DATE_EPOCH", "").strip(),
        [[path, *_stat(path)] for path in sorted({*own, *files})],
        [_tree(folder) for folder in sorted(folders)],
        _tree(str(_PACKAGE)),
        _distributions(),
    ]
    text = json.dumps(parts, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def remember(
    config: Config, options: BuildOptions, whole: str, files: list[Path], trees: list[Path]
) -> None:
    """Note a build that just ended without a warning, its outputs moved into place; ``files``
    and ``trees`` are what it read besides the project's own (fonts, the theme's folders)."""
    named, folders = sorted({str(p) for p in files}), sorted({str(p) for p in trees})
    note = {"stamp": stamp(config, options, named, folders), "whole": whole}
    write_text(
        _cache(config, _out(config, options)) / _NAME,
        json.dumps({**note, "files": named, "trees": folders}),
    )


def forget(config: Config, options: BuildOptions) -> None:
    """Drop the note: a build that warned runs in full next time, and says its warnings again."""
    (_cache(config, _out(config, options)) / _NAME).unlink(missing_ok=True)


def unchanged(config: Config, options: BuildOptions) -> Path | None:
    """The output folder, when the build ``options`` ask for has nothing to do; else None."""
    if options.sources or not options.collection or options.cache != "use":
        return None
    out = _out(config, options)
    try:
        note = json.loads((_cache(config, out) / _NAME).read_bytes())
        if note["stamp"] != stamp(config, options, note["files"], note["trees"]):
            return None
    except (OSError, ValueError, KeyError, TypeError):
        return None
    from publish.cache import Store
    from publish.cache.unchanged import unchanged as outputs_unchanged

    same = outputs_unchanged(Store(_cache(config, out)), note["whole"], out)
    return out if same else None
