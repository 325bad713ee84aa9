"""Cache keys: the SHA-256 of everything a stage's result depends on.

A document's key covers its article as read (every fragment's front matter and text, its
path, its review decisions), the settings of ``publish.toml`` that shape outputs, every file
of the theme and its ``extends`` chain, the font files it names (path, size, modification
time), publish's own files, the versions of the libraries that make the outputs, the formats
built and ``SOURCE_DATE_EPOCH``. Images a document shows are found only when it is parsed, so
they are recorded with its result and checked when it is looked up (:mod:`.store`).
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import importlib.metadata
import json
import os
from datetime import date, datetime
from pathlib import Path

from publish import __version__
from publish.config import Config
from publish.theme import Theme

#: Libraries whose version can change the bytes of an output.
LIBRARIES = (
    "weasyprint",
    "pydyf",
    "fonttools",
    "pyphen",
    "ebooklib",
    "markdown-it-py",
    "mdit-py-plugins",
    "jinja2",
    "babel",
    "lxml",
    "nh3",
    "regex",
    "pyyaml",
    "pyspellchecker",
    "pagefind",
)
#: Settings that say how to build, not what: they never change an output.
_HOW = frozenset({"jobs", "executor", "scheduler", "cache_dir"})
_PACKAGE = Path(__file__).resolve().parent.parent


_SCALARS = frozenset({str, int, float, bool, type(None)})
_FIELDS: dict[type, tuple[str, ...]] = {}  # a dataclass's fields that say what it holds


def _fields(kind: type) -> tuple[str, ...]:
    found = _FIELDS.get(kind)
    if found is None:
        fields = dataclasses.fields(kind)
        found = _FIELDS[kind] = tuple(f.name for f in fields if f.compare and f.name not in _HOW)
    return found


def _plain(value: object) -> object:
    """``value`` as JSON with one spelling: fields in order, sets sorted, paths as text."""
    if type(value) in _SCALARS:  # (the most of them: checked first)
        return value
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        names = _fields(type(value))
        return [type(value).__name__, [[name, _plain(getattr(value, name))] for name in names]]
    if isinstance(value, dict):
        return sorted([repr(k), _plain(v)] for k, v in value.items())
    if isinstance(value, set | frozenset):
        return sorted(repr(v) for v in value)
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, str | int | float | bool) or value is None:
        return value
    if isinstance(value, Path | date | datetime):
        return str(value)
    if isinstance(value, bytes):
        return hashlib.sha256(value).hexdigest()
    return repr(value)


def digest(*parts: object) -> str:
    text = json.dumps([_plain(p) for p in parts], ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _files(folder: Path) -> list[tuple[str, str]]:
    return [
        (path.relative_to(folder).as_posix(), hashlib.sha256(path.read_bytes()).hexdigest())
        for path in sorted(folder.rglob("*"))
        if path.is_file() and "__pycache__" not in path.parts
    ]


def _stat(path: Path) -> tuple[str, int, int]:
    try:
        found = path.stat()
    except OSError:
        return (str(path), -1, -1)
    return (str(path), found.st_size, found.st_mtime_ns)


@functools.cache  # (looked up once a process: the modules loaded are those of the start)
def versions() -> tuple[tuple[str, str], ...]:
    found = [("publish", __version__)]
    for name in LIBRARIES:
        try:
            found.append((name, importlib.metadata.version(name)))
        except importlib.metadata.PackageNotFoundError:
            found.append((name, ""))
    return tuple(found)


def build_key(config: Config, theme: Theme, formats: tuple[str, ...]) -> str:
    """What every document of a build shares (see the module's docstring)."""
    publish_files = [_stat(p) for p in sorted(_PACKAGE.rglob("*")) if p.suffix in (".py", ".po")]
    return digest(
        config,
        [_files(folder) for folder in theme.folders],
        [_stat(Path(src)) for face in theme.fonts for src in face.src],
        publish_files,
        versions(),
        formats,
        os.environ.get("SOURCE_DATE_EPOCH", "").strip(),
    )
