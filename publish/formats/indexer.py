"""Pagefind's indexing service (``pagefind --service``, the process its Node and Python APIs
drive): one process builds one shard's index, fed a page at a time as the build writes it.

Pagefind reads each page as it is given (parsing it and segmenting its words, the most of its
work) and builds the index only when asked for its files, so a shard's pages are indexed
while the build renders the next ones. The pages are given in slug order (the order shapes
the index), so a full build and a rebuild make the same bytes. A process loads its Chinese
dictionary with its first page (about 0.16 s): an indexer made ``warm`` is given a page of a
few words at once, in an index it then drops, so a small rebuild's shard starts with the
dictionary loaded (:class:`Spare`). One process a shard, then it ends: a process kept for the
next shard keeps the memory the last one took.

The protocol is Pagefind's own: each message a JSON object in base64, followed by a comma,
each answered in turn on its output.
"""

from __future__ import annotations

import base64
import contextlib
import json
import os
import subprocess
import tempfile
import threading
from functools import cache
from pathlib import Path, PurePosixPath
from typing import Any

from publish.errors import BuildError, telling

_WARM = "<html><body><main>索引 index</main></body></html>"
#: A build making at most this many documents starts an indexer ahead (:class:`Spare`).
WARM_BELOW = 16
#: Held by the indexer making its files: one at a time, as that takes about 1.7 times the
#: memory it had, and the files are held here until written.
_WRITING = threading.Lock()


class Indexer:
    """One Pagefind service process, and the index it builds: :meth:`add` each page, then
    :meth:`write`. Started at once; its first answer is waited for when first used."""

    def __init__(self, language: str, warm: bool = False) -> None:
        self._errors = tempfile.TemporaryFile()  # noqa: SIM115 (its messages; closed by close)
        self._process = subprocess.Popen(
            [_binary(), "--service"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=self._errors,
        )
        self._config = {"force_language": language.split("-")[0].lower()}
        self._sent, self._buffer, self._index = 0, b"", -1
        self._problem: BuildError | None = None
        self._ready = threading.Thread(target=self._start, args=(warm,), daemon=True)
        self._ready.start()

    def _start(self, warm: bool) -> None:
        """A new index (after a page of a few words in a throwaway one, when ``warm``)."""
        try:
            if warm:
                first = self._ask("NewIndex", index=False, config=self._config)["index_id"]
                url, contents = "/", _WARM
                self._ask("AddFile", index=False, index_id=first, url=url, file_contents=contents)
                self._ask("DeleteIndex", index=False, index_id=first)
            self._index = self._ask("NewIndex", index=False, config=self._config)["index_id"]
        except BuildError as problem:
            self._problem = problem  # (raised by the next call)

    def add(self, url: str, html: str) -> None:
        """Index the page at ``url`` (site-relative: ``/slug/``), whose text is ``html``."""
        self._ready.join()
        self._ask("AddFile", url=url, file_contents=html, file_path=None)

    def write(self, output: Path) -> None:
        """Write the index into ``output`` (Pagefind's bundle), and end the process. Pagefind
        gives the files and they are written here: its own writing may still be under way
        when it answers, and it ends at once when told there is no more."""
        self._ready.join()
        with _WRITING:
            files = self._ask("GetFiles")["files"]
            self.close()
            self._write(files, output)

    @staticmethod
    def _write(files: list[dict[str, str]], output: Path) -> None:
        """The files Pagefind gave (each its path in the bundle, its bytes in base64)."""
        folders: set[Path] = set()
        for file in files:
            name = PurePosixPath(file["path"])
            if name.is_absolute() or ".." in name.parts or not name.parts:
                raise BuildError(f"Pagefind failed: it named a file outside its bundle: {name}")
            target = output.joinpath(*name.parts)
            if target.parent not in folders:
                target.parent.mkdir(parents=True, exist_ok=True)
                folders.add(target.parent)
            target.write_bytes(base64.b64decode(file["content"]))
        if not (output / "pagefind-ui.js").is_file():
            raise BuildError(f"Pagefind failed: it wrote no index into {output}")

    def close(self) -> None:
        """End the process (at once, if it is still at work)."""
        if self._process.poll() is None:
            self._process.kill()
        self._process.wait()
        self._ready.join()
        for stream in (self._process.stdin, self._process.stdout, self._errors):
            if stream is not None:
                with contextlib.suppress(OSError):  # (what a message left unsent: it ended)
                    stream.close()

    def _ask(self, kind: str, index: bool = True, **fields: Any) -> dict[str, Any]:
        """Send a message of ``kind`` (to this index, if ``index``) and return its answer."""
        if index:
            if self._index < 0:
                raise self._problem or BuildError(f"Pagefind failed: {self._failure()}")
            fields["index_id"] = self._index
        self._sent += 1
        message = {"message_id": self._sent, "payload": {"type": kind, **fields}}
        data = json.dumps(message, ensure_ascii=False).encode("utf-8")
        stdin, stdout = self._process.stdin, self._process.stdout
        assert stdin is not None and stdout is not None
        parts = [self._buffer]  # (what came after the last answer, then what comes)
        try:
            stdin.write(base64.b64encode(data) + b",")
            stdin.flush()
            while b"," not in parts[-1]:
                parts.append(os.read(stdout.fileno(), 1 << 20))
                if not parts[-1]:
                    raise BrokenPipeError
        except (BrokenPipeError, ValueError):  # (ended; ValueError: closed)
            raise BuildError(f"Pagefind failed: {self._failure()}") from None
        answer, self._buffer = b"".join(parts).split(b",", 1)
        try:
            payload: dict[str, Any] = json.loads(base64.b64decode(answer))["payload"]
        except (ValueError, KeyError, TypeError):  # (binascii.Error is a ValueError)
            raise BuildError(
                f"Pagefind failed: an answer it gave is not its protocol's: {answer[:80]!r}"
            ) from None
        if payload.get("type") == "Error":
            raise BuildError(f"Pagefind failed: {telling(str(payload.get('message')))}")
        return payload

    def _failure(self) -> str:
        """What the process said before it ended (or that it ended)."""
        with contextlib.suppress(subprocess.TimeoutExpired):  # (its output ended: it ends)
            self._process.wait(timeout=5)
        if self._errors.closed:
            return "its service was closed"
        self._errors.seek(0)
        lines = self._errors.read().decode("utf-8", "replace").splitlines()
        panic = [n + 1 for n, line in enumerate(lines) if " panicked at " in line]
        if panic and panic[0] < len(lines):  # (a Rust panic: its message is the next line)
            lines = lines[panic[0] : panic[0] + 1]
        said = "\n".join(lines)
        return telling(said or f"its service ended (exit status {self._process.returncode})")


class Spare:
    """At most one :class:`Indexer` started ahead (:meth:`start`, for a build with few
    documents to make: its dictionary loads while the build goes on) for the first shard that
    needs one (:meth:`take`); closed unused at the end. A context manager."""

    def __init__(self, language: str) -> None:
        self.language, self._lock = language, threading.Lock()
        self._one: Indexer | None = None

    def __enter__(self) -> Spare:
        return self

    def __exit__(self, *exc: object) -> None:
        with self._lock:
            if self._one is not None:
                self._one.close()
            self._one = None

    def start(self, documents: int) -> None:
        """Start the indexer ahead when ``documents`` are at most :data:`WARM_BELOW`."""
        with self._lock:
            if self._one is None and documents <= WARM_BELOW:
                self._one = Indexer(self.language, warm=True)

    def take(self) -> Indexer:
        """The indexer started ahead, else a new one."""
        with self._lock:
            one, self._one = self._one, None
        return one or Indexer(self.language)


@cache
def _binary() -> str:
    """Pagefind's own program, the extended one that segments Chinese (``pagefind[extended]``
    installs it; asked for directly: ``pagefind.service`` would bring asyncio in, a tenth of a
    second of every build's start), found once."""
    try:
        from pagefind_bin_extended import get_executable
    except ImportError:
        raise BuildError("Pagefind (extended) is not installed; run: make setup") from None
    try:
        return str(get_executable())
    except FileNotFoundError:
        raise BuildError("Pagefind's program is not installed; run: make setup") from None
