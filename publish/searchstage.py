"""The site's search index, shard by shard (:mod:`publish.formats.search`), made beside the
rendering of the site's pages: Pagefind is given each page as soon as it is written.

A shard is kept in the cache under the cache keys of the pages it reads (a page's key names
its bytes: :mod:`publish.sitestage`), so Pagefind runs only over a shard whose pages changed,
``-j`` shards at a time, each in a thread that feeds Pagefind's own process.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

from publish import cache
from publish.errors import BuildError
from publish.formats import BuildContext, search
from publish.formats.indexer import Spare
from publish.progress import Progress

log = logging.getLogger(__name__)


class Search:
    """The search index, shard by shard (:mod:`publish.formats.search`): told every page's key
    before any is written (:meth:`planned`), it takes a shard whose pages are the same as at a
    build before from the cache and starts the others, ``workers`` at a time, each given its
    pages as they are written (:meth:`written`). Use it as a context manager; :meth:`finish`
    waits for every shard."""

    def __init__(
        self,
        ctx: BuildContext,
        store: cache.Store | None,
        slugs: list[str],
        run: tuple[int, Progress],
        spare: Spare,
    ) -> None:
        self.ctx, self.store, self.groups, self.spare = ctx, store, search.shards(slugs), spare
        self._tick = run[1].stage("search index", len(self.groups), "shard")
        self.shard = {slug: n for n, group in enumerate(self.groups) for slug in group}
        self._written = {slug: threading.Event() for slug in slugs}
        self._read_as: dict[str, str] = {}
        self._stopped = False
        self._pool = ThreadPoolExecutor(max(1, run[0]))
        self._running: list[tuple[int, str, Future[None]]] = []

    def __enter__(self) -> Search:
        return self

    def __exit__(self, *exc: object) -> None:
        self._stopped = True  # (a shard still waiting for a page stops)
        for written in self._written.values():
            written.set()
        self._pool.shutdown(wait=True, cancel_futures=True)

    def planned(self, keys: dict[str, str]) -> None:
        """``keys``: every page's cache key (which names its bytes), before any is written."""
        for number, group in enumerate(self.groups):
            shard_key = cache.digest(
                "pagefind",
                self.ctx.config.language,
                cache.keys.versions(),
                search.bundle(number),  # (the files it makes are there)
                [(slug, keys[slug]) for slug in group],
            )
            entry = self.store.get(shard_key) if self.store else None
            if entry is not None and self.store is not None:
                self.store.place(entry, self.ctx.out)
                self._tick()
                continue
            job = self._pool.submit(self._index, number)
            job.add_done_callback(self._tick)
            self._running.append((number, shard_key, job))

    def written(self, slug: str, read_as: str | None = None) -> None:
        """``slug``'s page is in place (Pagefind reads it as ``read_as``, when given:
        :func:`publish.formats.search.without_ignored`)."""
        if read_as is not None:
            self._read_as[slug] = read_as
        self._written[slug].set()

    def _index(self, number: int) -> None:
        """Shard ``number``'s index (in a thread of the pool: its Pagefind starts now)."""
        output = self.ctx.out / "site" / search.bundle(number)
        search.index(self.spare.take(), self._pages(self.groups[number]), output)

    def _pages(self, group: list[str]) -> Iterator[tuple[str, str]]:
        """The slug and text of each page of ``group``, in order, each once it is written."""
        final = self.ctx.final / "site" if self.ctx.final is not None else None
        for slug in group:
            self._written[slug].wait()
            if self._stopped:
                raise BuildError("the build stopped before the search index was made")
            text = self._read_as.pop(slug, None)
            yield (
                slug,
                text if text is not None else search.page(self.ctx.out / "site", slug, final),
            )

    def finish(self) -> None:
        """Wait for every shard (the first failure is raised); keep the new ones."""
        for _, _, job in self._running:
            job.result()
        if len(self._running) < len(self.groups):
            log.info(
                "  the search index: %d of %d shard(s) from the cache",
                len(self.groups) - len(self._running),
                len(self.groups),
            )
        if self.store is None:
            return
        for number, key, _ in self._running:
            bundle = self.ctx.out / "site" / search.bundle(number)
            made = sorted(p for p in bundle.rglob("*") if p.is_file() and _own(bundle, p, number))
            listed: list[tuple[str, bytes | Path]] = [
                (p.relative_to(self.ctx.out).as_posix(), p) for p in made
            ]
            self.store.put(key, listed)


def _own(bundle: Path, path: Path, number: int) -> bool:
    """``path`` belongs to shard ``number``'s bundle (the first one's folder holds the others)."""
    return number > 0 or not path.relative_to(bundle).parts[0].startswith("shard-")
