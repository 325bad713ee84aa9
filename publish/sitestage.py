"""The site's collection stage, once every document is known: each document's page (it links
its neighbours in the index and its downloads), the pages of the whole collection, and the
search index, each shard of it run as soon as its pages are written.

A page is kept in the cache under its document's key, its neighbours' summaries and its
downloads: it is rendered again only when one of them changed, from the document parsed
again by a job when this build took it from the cache. The pages are written shard by shard,
and each shard's Pagefind runs beside the rendering of the next ones. The search index is
kept shard by shard, each under the hash of the pages it reads, so Pagefind runs only over a
shard whose pages changed.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

from publish import cache, collector
from publish.executors import Executor
from publish.formats import BuildContext, search, site
from publish.fsutil import link_or_copy, write_text
from publish.jobs import Job
from publish.model import Article, Document, Summary
from publish.parked import fetch
from publish.progress import Progress
from publish.stages import Result, replay

log = logging.getLogger(__name__)


def _documents(
    wanted: Sequence[Result],
    articles: dict[str, Article],
    job: Callable[[Article], Job],
    run: tuple[Executor, Progress],
) -> Iterator[Document]:
    """The documents of ``wanted``, one at a time: as this build parsed them, fetched from
    where they were set aside, or parsed again (taken from the cache)."""
    executor, progress = run
    again = [r.summary.slug for r in wanted if r.document is None and r.parked is None]
    if not again:  # (no more jobs: the workers' memory is free for Pagefind)
        executor.close()
        collector.give_back()
    tick = progress.stage("parse again for the site", len(again))
    parsed = executor.map([job(articles[slug]) for slug in again], tick)
    for result in wanted:
        if result.document is not None:
            yield result.document
        elif result.parked is not None:
            yield fetch(result.parked)
        else:
            done = next(parsed)
            replay([r for r in done.records if r[0] >= 40])  # (said before, when it was built)
            assert done.document is not None, done.problems
            yield done.document


def _neighbours(ordered: list[Summary], i: int) -> tuple[Summary | None, Summary | None]:
    """The documents before and after the ``i``-th in the index."""
    return (ordered[i - 1] if i else None, ordered[i + 1] if i + 1 < len(ordered) else None)


class Search:
    """The search index, shard by shard (:mod:`publish.formats.search`): a shard starts as
    soon as the last of its pages is written (:meth:`written`), ``workers`` at a time beside
    the pages still being rendered; a shard whose pages are the same as at a build before
    comes from the cache. Use it as a context manager; :meth:`finish` waits for every shard."""

    def __init__(
        self, ctx: BuildContext, store: cache.Store | None, slugs: list[str], workers: int
    ) -> None:
        self.ctx, self.store, self.groups = ctx, store, search.shards(slugs)
        self.shard = {slug: n for n, group in enumerate(self.groups) for slug in group}
        self._left = [len(group) for group in self.groups]
        self._pages: dict[str, str] = {}
        self._pool = ThreadPoolExecutor(max(1, workers))
        self._running: list[tuple[int, str, Future[None]]] = []

    def __enter__(self) -> Search:
        return self

    def __exit__(self, *exc: object) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)

    def written(self, slug: str, key: str) -> None:
        """``slug``'s page is in place (``key``: its cache key, which names its bytes); its
        shard starts when it was the last one."""
        number = self.shard[slug]
        self._left[number] -= 1
        self._pages[slug] = key
        if self._left[number]:
            return
        folder = self.ctx.out / "site"
        key = cache.digest(
            "pagefind",
            self.ctx.config.language,
            cache.keys.versions(),
            search.bundle(number),  # (the files it makes are there)
            [(s, self._pages[s]) for s in self.groups[number]],
        )
        entry = self.store.get(key) if self.store else None
        if entry is not None and self.store is not None:
            self.store.place(entry, self.ctx.out)
            return
        language, group = self.ctx.config.language, self.groups[number]
        job = self._pool.submit(search.index, folder, language, group, number)
        self._running.append((number, key, job))

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


def pages(
    ctx: BuildContext,
    results: Sequence[Result],
    store: cache.Store | None,
    articles: dict[str, Article],
    job: Callable[[Article], Job],
    run: tuple[Executor, Progress],
) -> None:
    """Every document's page, its downloads beside it, shard by shard, each shard's search
    index started as soon as its pages are written; then the collection's pages; then the
    search index finished."""
    by_slug = {r.summary.slug: r for r in results}
    ordered = site.newest_first([r.summary for r in results])
    wanted: list[tuple[int, str]] = []
    tick = run[1].stage("site pages", len(ordered))
    with Search(ctx, store, [r.summary.slug for r in results], run[0].plan.workers) as index:
        kept = []
        for i, summary in enumerate(ordered):
            folder = ctx.out / "site" / summary.slug
            files = site.downloads(ctx, summary)
            for _, path in files:
                folder.mkdir(parents=True, exist_ok=True)
                link_or_copy(path, folder / path.name)
            neighbours = _neighbours(ordered, i)
            key = cache.digest(
                by_slug[summary.slug].key,
                [by_slug[n.slug].mark if n else None for n in neighbours],
                [(label, path.name) for label, path in files],
            )
            entry = store.get(key) if store else None
            if entry is not None and store is not None:
                store.place(entry, ctx.out)
                kept.append((summary.slug, key))
                tick()
            else:
                wanted.append((i, key))
        wanted.sort(key=lambda pair: (index.shard[ordered[pair[0]].slug], pair[0]))
        for slug, key in kept:
            index.written(slug, key)
        chosen = [by_slug[ordered[i].slug] for i, _ in wanted]
        for (i, key), document in zip(wanted, _documents(chosen, articles, job, run), strict=True):
            summary = ordered[i]
            neighbours = _neighbours(ordered, i)
            html = site.page(ctx, document, neighbours, site.downloads(ctx, summary))
            name = f"site/{summary.slug}/index.html"
            write_text(ctx.out / name, html)
            if store is not None:
                store.put(key, [(name, html.encode("utf-8"))])
            index.written(summary.slug, key)
            tick()
        site.collection(ctx, ordered)
        index.finish()


def _own(bundle: Path, path: Path, number: int) -> bool:
    """``path`` belongs to shard ``number``'s bundle (the first one's folder holds the others)."""
    return number > 0 or not path.relative_to(bundle).parts[0].startswith("shard-")
