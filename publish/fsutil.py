"""Safe, atomic file output: nothing half-written is ever left under ``build/``.

Files are written to a temporary sibling and renamed into place; whole folders (the site) are
built beside their destination and swapped in. Every output path is joined under its root.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path, PurePosixPath
from queue import Queue
from typing import BinaryIO

from publish.errors import BuildError


def identity(path: str | Path) -> list[int]:
    """A file as metadata tells it apart: size, modification and change times, inode (an edit
    changes the change time, even one that sets the modification time back)."""
    found = os.stat(path)
    return [found.st_size, found.st_mtime_ns, found.st_ctime_ns, found.st_ino]


def identities(root: Path, names: Iterable[str]) -> dict[str, list[int]]:
    """The :func:`identity` of each file of ``names`` under ``root``, by name."""
    base = str(root)
    return {name: identity(os.path.join(base, name)) for name in names}


def tree(folder: Path, skip: Path | None = None) -> list[str]:
    """Every file under ``folder`` (but not under ``skip``), as a sorted relative POSIX path."""
    found: list[str] = []
    avoid = str(skip) if skip is not None else None
    for parent, folders, files in os.walk(folder):
        folders[:] = [f for f in folders if os.path.join(parent, f) != avoid]
        where = os.path.relpath(parent, folder).replace(os.sep, "/")
        found.extend(name if where == "." else f"{where}/{name}" for name in files)
    return sorted(found)


def make_parent(path: str, made: set[str]) -> None:
    """Make the folder of ``path`` unless ``made`` (the folders made so far) holds it: many
    files are placed, each folder is made once."""
    folder = os.path.dirname(path)
    if folder not in made:
        os.makedirs(folder, exist_ok=True)
        made.add(folder)


def safe_join(root: Path, relative: str) -> Path:
    """Join a POSIX-style relative path under ``root``, refusing anything that escapes it."""
    rel = PurePosixPath(relative)
    if rel.is_absolute() or ".." in rel.parts or not rel.parts:
        raise BuildError(f"refusing to write {relative!r}: it is not a path inside {root}")
    return root.joinpath(*rel.parts)


@contextmanager
def atomic_path(target: Path) -> Iterator[Path]:
    """Yield a temporary path beside ``target``; rename it to ``target`` when the block succeeds."""
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    os.close(fd)
    tmp = Path(name)
    try:
        yield tmp
        os.chmod(tmp, 0o644)
        os.replace(tmp, target)
    finally:
        tmp.unlink(missing_ok=True)


def write_bytes(target: Path, data: bytes) -> None:
    with atomic_path(target) as tmp:
        tmp.write_bytes(data)


def copy_file(source: Path, target: Path) -> None:
    """Copy ``source`` to ``target`` atomically (a new file: a link at ``target`` is replaced,
    never written through)."""
    with atomic_path(target) as tmp:
        shutil.copyfile(source, tmp)


def link(source: str | Path, target: str | Path) -> bool:
    """``target`` as a hard link of ``source`` (no bytes copied); False where that fails (a
    file system without links, ``source`` gone). Safe because a build never writes into a
    file it made: it renames new files into place (:func:`atomic_path`)."""
    try:
        os.link(source, target)
    except OSError:
        return False
    return True


def link_or_copy(source: Path, target: Path) -> None:
    """``target`` as a hard link of ``source`` (:func:`link`), or a copy where that fails."""
    if not link(source, target):
        copy_file(source, target)


def write_text(target: Path, text: str) -> None:
    """``text`` in UTF-8, atomically; a long one a megabyte at a time (:func:`write_parts`:
    its bytes are never held whole beside it)."""
    if len(text) <= _PIECE:
        write_bytes(target, text.encode("utf-8"))
    else:
        write_parts(target, (text[at : at + _PIECE] for at in range(0, len(text), _PIECE)))


_PIECE = 1 << 20  # characters


def write_parts(target: Path, parts: Iterable[str]) -> None:
    """Write ``parts`` one after another (a long text never held whole), atomically. Past the
    first few megabytes, a thread beside writes what this one has encoded, while it encodes
    the next parts (a write lets other threads run)."""
    with atomic_path(target) as tmp, tmp.open("wb") as out:
        rest, size = iter(parts), 0
        for part in rest:
            size += out.write(part.encode("utf-8"))
            if size >= LARGE:
                _beside(out, rest)
                break


#: Bytes of a file large enough to be written (or cached, :mod:`publish.cache.store`) by a
#: thread beside the build.
LARGE = 4 << 20
_QUEUED = 8  # parts encoded and not yet written, at most


def _beside(out: BinaryIO, parts: Iterator[str]) -> None:
    """Write ``parts`` to ``out`` in a thread, encoded here; the first failure is raised."""
    queue: Queue[bytes | None] = Queue(_QUEUED)
    failed: list[OSError] = []

    def write() -> None:
        while (data := queue.get()) is not None:
            try:
                if not failed:
                    out.write(data)
            except OSError as exc:
                failed.append(exc)

    writer = threading.Thread(target=write, name="write-parts", daemon=True)
    writer.start()
    try:
        for part in parts:
            if failed:
                break
            queue.put(part.encode("utf-8"))
    finally:
        queue.put(None)
        writer.join()
    if failed:
        raise failed[0]


@contextmanager
def atomic_dir(target: Path) -> Iterator[Path]:
    """Yield a fresh folder beside ``target``; swap it in for ``target`` when the block succeeds."""
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{target.name}.", dir=target.parent))
    try:
        yield tmp
        os.chmod(tmp, 0o755)
        old = target.with_name(f".{target.name}.old")
        shutil.rmtree(old, ignore_errors=True)
        if target.exists():
            os.replace(target, old)
        os.replace(tmp, target)
        shutil.rmtree(old, ignore_errors=True)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
