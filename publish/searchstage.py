"""The site's search index, shard by shard (:mod:`publish.formats.search`), run beside the
rendering of the site's pages: a shard starts as soon as the last of its pages is written.

A shard is kept in the cache under the cache keys of the pages it reads (a page's key names
its bytes: :mod:`publish.sitestage`), so Pagefind runs only over a shard whose pages changed,
``-j`` shards at a time, each in a thread that waits on Pagefind's own process.
"""

from __future__ import annotations

import logging
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

from publish import cache
from publish.formats import BuildContext, search
from publish.progress import Progress

log = logging.getLogger(__name__)


class Search:
    """The search index, shard by shard (:mod:`publish.formats.search`): a shard starts as
    soon as the last of its pages is written (:meth:`written`), ``workers`` at a time beside
    the pages still being rendered; a shard whose pages are the same as at a build before
    comes from the cache. Use it as a context manager; :meth:`finish` waits for every shard."""

    def __init__(
        self,
        ctx: BuildContext,
        store: cache.Store | None,
        slugs: list[str],
        workers: int,
        progress: Progress,
    ) -> None:
        self.ctx, self.store, self.groups = ctx, store, search.shards(slugs)
        self._tick = progress.stage("search index", len(self.groups), "shard")
        self.shard = {slug: n for n, group in enumerate(self.groups) for slug in group}
        self._left = [len(group) for group in self.groups]
        self._pages: dict[str, str] = {}
        self._read_as: dict[str, str] = {}
        self._pool = ThreadPoolExecutor(max(1, workers))
        self._running: list[tuple[int, str, Future[None]]] = []

    def __enter__(self) -> Search:
        return self

    def __exit__(self, *exc: object) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)

    def written(self, slug: str, key: str, read_as: str | None = None) -> None:
        """``slug``'s page is in place (``key``: its cache key, which names its bytes; Pagefind
        reads it as ``read_as``: :func:`publish.formats.search.without_ignored`); its shard
        starts when it was the last one."""
        number = self.shard[slug]
        self._left[number] -= 1
        self._pages[slug] = key
        if read_as is not None:
            self._read_as[slug] = read_as
        if self._left[number]:
            return
        folder = self.ctx.out / "site"
        shard_key = cache.digest(
            "pagefind",
            self.ctx.config.language,
            cache.keys.versions(),
            search.bundle(number),  # (the files it makes are there)
            [(s, self._pages[s]) for s in self.groups[number]],
        )
        entry = self.store.get(shard_key) if self.store else None
        if entry is not None and self.store is not None:
            self.store.place(entry, self.ctx.out)
            self._tick()
            return
        language, group = self.ctx.config.language, self.groups[number]
        final = self.ctx.final / "site" if self.ctx.final is not None else None
        texts = {slug: self._read_as.pop(slug) for slug in group if slug in self._read_as}
        job = self._pool.submit(search.index, folder, language, group, number, final, texts)
        job.add_done_callback(self._tick)
        self._running.append((number, shard_key, job))

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
