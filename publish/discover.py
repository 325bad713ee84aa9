"""Which files are the sources: in sorted order, never from outside the project.

A Markdown file is one document. In a folder, each ``*.md`` directly inside is one document,
and each sub-folder holding ``*.md`` files is one article made of those fragments (for example
the pages of one newspaper story). Hidden and ``_`` names are skipped. A link (symbolic) is
followed only to a file or folder inside the project: a build never reads outside it.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Sequence
from pathlib import Path

from publish.errors import ContentError


def _under(path: str, folder: str) -> str | None:
    """``path`` relative to ``folder`` (both absolute, normalised), POSIX style; None when
    it is not inside it."""
    if path == folder:
        return "."
    prefix = folder if folder.endswith(os.sep) else folder + os.sep
    return path[len(prefix) :].replace(os.sep, "/") if path.startswith(prefix) else None


def display(path: Path, root: Path) -> str:
    """``path`` relative to the project root when it is inside it, for messages."""
    found = _under(os.path.abspath(path), os.path.abspath(root))
    if found is None:
        found = _under(os.path.realpath(path), _real(root))
    return str(path) if found is None else found


@functools.lru_cache(maxsize=64)
def _real(root: Path) -> str:
    return os.path.realpath(root)


def inside(path: Path, root: Path) -> bool:
    """``path``, every link followed, is in the project ``root``."""
    return _under(os.path.realpath(path), _real(root)) is not None


def _visible(path: Path, base: Path) -> bool:
    return not any(part.startswith((".", "_")) for part in path.relative_to(base).parts)


def _checked(path: Path, root: Path, within: bool = False) -> Path:
    """``path`` when it may be read; else the error saying why not. ``within``: its folder
    is inside the project, so it is too unless it is a link."""
    link = path.is_symlink()
    if within and not link:
        return path
    shown = display(path, root)
    if link and not path.exists():
        target = os.readlink(path)
        raise ContentError(f"{shown}: is a link to nothing ({target}); remove it or restore it")
    if not inside(path, root):
        kind = "folder" if path.is_dir() else "file"
        if path.is_symlink():
            raise ContentError(
                f"{shown}: is a link to a {kind} outside the project; a build reads only "
                "inside it: copy the " + kind + " into the project instead"
            )
        raise ContentError(
            f"{shown}: is outside the project; a build reads only inside it: copy it into "
            "the content folder"
        )
    return path


def _in_folder(folder: Path, root: Path) -> list[tuple[Path | None, list[Path]]]:
    found: list[tuple[Path | None, list[Path]]] = []
    for child in sorted(folder.iterdir()):
        if not _visible(child, folder):
            continue
        if child.suffix == ".md" and (child.is_symlink() or child.is_file()):
            found.append((None, [_checked(child, root, within=True)]))
        elif child.is_dir():
            _checked(child, root, within=True)
            fragments = sorted(p for p in child.rglob("*.md") if _visible(p, folder))
            if fragments:
                found.append((child, [_checked(p, root) for p in fragments if not p.is_dir()]))
    return found


def discover(paths: Sequence[Path], root: Path) -> list[tuple[Path | None, list[Path]]]:
    """The documents under ``paths`` in sorted order: (article folder or None, files)."""
    found: list[tuple[Path | None, list[Path]]] = []
    for path in paths:
        if path.is_file() or (path.is_symlink() and not path.is_dir()):
            found.append((None, [_checked(path, root)]))
        elif path.is_dir():
            found += _in_folder(_checked(path, root), root)
        else:
            raise ContentError(
                f"{display(path, root)}: no such file or folder; create it, or pass the "
                "Markdown files or folders to build"
            )
    unique = {tuple(map(os.path.realpath, doc[1])): doc for doc in found if doc[1]}
    if not unique:
        names = ", ".join(display(p, root) for p in paths)
        raise ContentError(f"{names}: no Markdown (*.md) files found; add some to build")
    return sorted(unique.values(), key=lambda doc: display(doc[0] or doc[1][0], root))
