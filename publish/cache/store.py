"""The cache's folder: files by their SHA-256 (``objects/``), results by key (``entries/``).

An entry is JSON: the files a result made (path under the output folder, and the hash of its
bytes), and whatever else the stage keeps (a document's summary, what it logged, the images it
read). Files are written once and never changed, atomically, so a build stopped half-way
leaves no broken entry; an entry whose files are gone, or whose recorded images changed, is a
miss. Files are copied out, never linked to the cache: an output edited in place cannot reach
it. A file the last build left in the output folder is linked instead of copied when it holds
the same object and is as that build left it (size, modification and change times, inode:
:attr:`Store.last`), so a rebuild of one document does not copy every other one's files; the
build writes only by renaming new files into place, so a link is never written through.
When the build keeps a set of such files (:attr:`Store.kept`: its transaction moves only what
changed, :mod:`publish.transaction`), an intact file is not even linked: it is left where it
is, and named there. What a build adds goes to ``new`` (inside its staging folder when the
cache is in the output folder), so a build that fails adds nothing.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import Any

from publish.fsutil import LARGE, copy_file, identity, link, make_parent, write_bytes, write_text


class Store:
    def __init__(self, folder: Path, out: Path | None = None) -> None:
        self.folder = folder
        #: Where this build's additions go (moved into ``folder`` when the build succeeds).
        self.new = folder
        #: The output folder, and what the last build into it left there from the cache:
        #: {path under it: [size, mtime_ns, ctime_ns, inode, SHA-256]} (see :meth:`remember`).
        self.out = out
        self.last: dict[str, list[int | str]] = {}
        if out is not None:
            with contextlib.suppress(OSError, ValueError):
                self.last = json.loads(self._outputs().read_bytes())
        #: What this build placed or put: {path under the output folder: SHA-256}.
        self.made: dict[str, str] = {}
        #: The files besides the sources that the results looked up or kept had read.
        self.read_paths: set[str] = set()
        #: The files left in the output folder as the last build left them instead of placed
        #: (None: every file is placed); the build's transaction keeps them.
        self.kept: set[str] | None = None
        self._folders: set[str] = set()  # (made by place: publish.fsutil.make_parent)
        self._writer: ThreadPoolExecutor | None = None  # (see :meth:`writing`)
        self._pending: list[Future[None]] = []

    def _outputs(self) -> Path:
        return self.folder / "outputs.json"

    def _object(self, sha: str, base: Path | None = None) -> Path:
        return Path(_object_path(str(base or self.folder), sha))

    def _entry(self, key: str, base: Path | None = None) -> Path:
        return (base or self.folder) / "entries" / key[:2] / f"{key[2:]}.json"

    def settled(self) -> list[Path]:
        """The folders whose files come in only renamed, never written in place: when the
        cache is in the output folder, a build adds to them from its staging folder."""
        return [self.folder / "objects", self.folder / "entries"]

    def get(self, key: str) -> dict[str, Any] | None:
        """The entry of ``key``, when it and every file and image it names are still there."""
        try:
            entry: dict[str, Any] = json.loads(self._entry(key).read_bytes())
        except (OSError, ValueError):
            return None
        folder = str(self.folder)
        if not all(os.path.isfile(_object_path(folder, sha)) for _, sha in entry.get("files", [])):
            return None
        for path, sha in entry.get("reads", []):
            self.read_paths.add(path)
            try:
                if _sha256(Path(path)) != sha:
                    return None
            except OSError:
                return None
        return entry

    def put(self, key: str, files: list[tuple[str, bytes | Path]], **extra: Any) -> None:
        """Keep ``files`` (their bytes, or a file holding them) and an entry naming them (and
        ``extra``) under ``key``. Files of a few megabytes or more are hashed and copied in a
        thread beside the build (both let other threads run meanwhile): :meth:`writing`."""
        self.read_paths.update(path for path, _ in extra.get("reads", []))
        if self._writer is not None and sum(map(_size, (d for _, d in files))) >= LARGE:
            self._pending.append(self._writer.submit(self._put, key, files, extra))
        else:
            self._put(key, files, extra)

    def _put(self, key: str, files: list[tuple[str, bytes | Path]], extra: dict[str, Any]) -> None:
        named = []
        for path, data in files:
            sha = _sha256(data)
            if not (self._object(sha).is_file() or self._object(sha, self.new).is_file()):
                if isinstance(data, Path):  # (copied by the kernel: a large log never read)
                    copy_file(data, self._object(sha, self.new))
                else:
                    write_bytes(self._object(sha, self.new), data)
            named.append([path, sha])
            self.made[path] = sha
        entry = {"files": named, **extra}
        write_text(self._entry(key, self.new), json.dumps(entry, ensure_ascii=False))

    @contextlib.contextmanager
    def writing(self) -> Iterator[None]:
        """Inside the block, large files are put beside it (:meth:`put`); it ends when every
        one is in place: the first failure is raised, unless the block itself failed."""
        self._writer = writer = ThreadPoolExecutor(1, thread_name_prefix="cache")
        try:
            yield
        except BaseException:
            writer.shutdown(wait=True, cancel_futures=True)
            raise
        finally:
            pending, self._writer, self._pending = self._pending, None, []
        writer.shutdown(wait=True)
        for job in pending:
            job.result()

    def place(self, entry: dict[str, Any], out: Path) -> list[str]:
        """Copy the files of ``entry`` under ``out`` (or link the last build's, the same; or
        leave it where it is, :attr:`kept`); their paths under it."""
        placed, base = [], str(out)
        for path, sha in entry["files"]:
            self.made[path] = sha
            placed.append(path)
            intact = self._intact(path, sha)
            if intact and self.kept is not None:
                self.kept.add(path)
                continue
            target = os.path.join(base, path)
            make_parent(target, self._folders)
            if not (intact and link(os.path.join(str(self.out), path), target)):
                shutil.copyfile(self._object(sha), target)
        return placed

    def _intact(self, path: str, sha: str) -> bool:
        """Whether the last build left ``path`` holding ``sha``, and it is as it left it."""
        last = self.last.get(path)
        if self.out is None or last is None or last[4] != sha:
            return False
        try:
            return identity(os.path.join(self.out, path)) == last[:4]
        except OSError:  # (gone)
            return False

    def remember(self, seen: dict[str, list[int]]) -> None:
        """Note which of the files just moved into the output folder (``seen``: their identity
        by path under it) came from the cache."""
        if self.out is None:
            return
        found = {name: [*seen[name], self.made[name]] for name in seen if name in self.made}
        write_text(self._outputs(), json.dumps(found, separators=(",", ":")))

    def clear(self) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)


def _size(data: bytes | Path) -> int:
    return len(data) if isinstance(data, bytes) else data.stat().st_size


def _sha256(data: bytes | Path) -> str:
    """The SHA-256 of ``data``, or of the file it names (read a block at a time)."""
    if isinstance(data, bytes):
        return hashlib.sha256(data).hexdigest()
    with data.open("rb") as file:
        return hashlib.file_digest(file, "sha256").hexdigest()


def reads(paths: list[Path]) -> list[list[str]]:
    """(path, SHA-256) of each file a result read besides its sources (its images)."""
    return [[str(p), _sha256(p)] for p in sorted(set(paths))]


def _object_path(folder: str, sha: str) -> str:
    """Where the cache in ``folder`` keeps the file whose SHA-256 is ``sha`` (strings: an
    entry of a thousand files is checked without a path object each)."""
    return os.path.join(folder, "objects", sha[:2], sha[2:])
