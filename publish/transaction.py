"""One transaction per build: every output is written into a staging folder inside the output
folder, and moved into place only when every format has succeeded.

A file the build left where the last build put it (the cache knows it intact: ``kept``, see
:attr:`publish.cache.Store.kept`) is not staged: the commit moves only what changed, and
removes from a whole folder what is neither staged nor kept. On any failure the staging
folder is removed and the previous build stays byte for byte as it was. A lock (``flock`` on
the output folder itself, so no lock file is left) lets one build at a time write to a
folder; a second one fails at once naming the other (its staging folder carries its process
id). What a killed build left behind (staging folders, temporary files) is removed by the
next one, which holds the lock.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import shutil
from collections.abc import Iterable, Iterator, Set
from pathlib import Path, PurePosixPath

from publish.discover import display
from publish.errors import BuildError
from publish.fsutil import make_parent, tree

STAGING = ".staging-"
#: Left by earlier versions and killed builds: ``.site.*`` folders, ``.name.*.tmp`` files.
_LEFTOVERS = (".site.", ".staging-")


def _others(out: Path) -> str:
    pids = sorted(p.name.removeprefix(STAGING) for p in out.glob(f"{STAGING}*"))
    return f" (process {', '.join(pids)})" if pids else ""


def _remove_leftovers(out: Path, settled: frozenset[str]) -> None:
    for path in out.iterdir():
        if path.name.startswith(_LEFTOVERS) and path.is_dir():
            shutil.rmtree(path, ignore_errors=True)
    for parent, folders, files in os.walk(out):
        folders[:] = [f for f in folders if os.path.join(parent, f) not in settled]
        for name in files:
            if name.startswith(".") and name.endswith(".tmp"):
                with contextlib.suppress(FileNotFoundError):
                    os.unlink(os.path.join(parent, name))


def _merge(top: Path, target: Path, kept: Iterable[str], made: set[str]) -> None:
    """Remove from ``target`` what is neither staged in ``top`` nor ``kept`` (paths under it),
    and the folders that leaves empty; then move the staged files in."""
    staged = tree(top)
    wanted, emptied = {*staged, *kept}, set[str]()
    for name in tree(target):
        if name not in wanted:
            os.unlink(os.path.join(target, name))
            emptied.update(str(parent) for parent in PurePosixPath(name).parents)
    for folder in sorted(emptied - {"."}, key=len, reverse=True):  # (the deepest first)
        with contextlib.suppress(OSError):  # (not empty)
            os.rmdir(os.path.join(target, folder))
    for name in staged:  # (each file renamed: no bytes copied)
        make_parent(os.path.join(target, name), made)
        os.replace(os.path.join(top, name), os.path.join(target, name))


def _commit(staging: Path, out: Path, whole: frozenset[str], kept: Set[str]) -> None:
    """Move every staged output into ``out``: the folders named in ``whole`` (the site, a
    bag) as whole folders (or merged, when some of their files were ``kept``), the rest file
    by file (outputs of documents not in this build stay)."""
    made: set[str] = set()
    for top in sorted(staging.iterdir()):
        target = out / top.name
        prefix = f"{top.name}/"
        inside = [name.removeprefix(prefix) for name in kept if name.startswith(prefix)]
        if top.name in whole and top.is_dir() and inside and target.is_dir():
            _merge(top, target, inside, made)
            continue
        if top.name in whole and top.is_dir():
            old = out / f".site.old-{os.getpid()}"
            if target.exists():
                os.replace(target, old)
            os.replace(top, target)
            shutil.rmtree(old, ignore_errors=True)
            continue
        if not top.is_dir():
            os.replace(top, target)
            continue
        for name in tree(top):  # (each file renamed: no bytes copied)
            make_parent(os.path.join(target, name), made)
            os.replace(os.path.join(top, name), os.path.join(target, name))


@contextlib.contextmanager
def transaction(
    out: Path,
    root: Path,
    whole: Iterable[str] = ("site",),
    kept: Set[str] = frozenset(),
    settled: Iterable[Path] = (),
) -> Iterator[Path]:
    """Yield a staging folder; on leaving the block normally, move what it holds into
    ``out``, replacing the folders named in ``whole`` as a whole, but for the files named in
    ``kept`` (filled during the block). On an exception nothing in ``out`` changes (a folder
    it had to create goes). ``settled``: folders whose files only ever come in renamed from
    a staging folder, so no killed build left a temporary file there (not looked into)."""
    shown = display(out, root)
    created = not out.exists()
    try:
        out.mkdir(parents=True, exist_ok=True)
        lock = os.open(out, os.O_RDONLY | os.O_DIRECTORY)  # held until the build ends
    except OSError as exc:
        raise BuildError(f"{shown}: cannot write there: {exc.strerror}; choose --out") from None
    staging = out / f"{STAGING}{os.getpid()}"
    try:
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise BuildError(
                f"{shown}/ is being built by another process{_others(out)}; wait for it to "
                "finish, or build into another folder with --out"
            ) from None
        _remove_leftovers(out, frozenset(map(str, settled)))
        staging.mkdir()
        yield staging
        _commit(staging, out, frozenset(whole), kept)
    except OSError as exc:
        where = exc.filename or shown
        raise BuildError(
            f"{where}: cannot write: {exc.strerror}; check the space and "
            "permissions of the output folder"
        ) from None
    finally:
        shutil.rmtree(staging, ignore_errors=True)
        os.close(lock)
        if created and not any(out.iterdir()):
            shutil.rmtree(out, ignore_errors=True)
