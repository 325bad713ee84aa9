"""The site's collection stage, once every document is known: each document's page (it links
its neighbours in the index and its downloads), the pages of the whole collection, and the
search index, each shard of it run as soon as its pages are written.

A page is kept in the cache under its document's key, the hashes of its neighbours'
summaries and its downloads: it is rendered again only when one of them changed, from the
document parsed again by a job when this build took it from the cache. The pages are written
shard by shard, and each shard's Pagefind runs beside the rendering of the next ones. The
search index is kept shard by shard, each under the cache keys of the pages it reads (which
name their bytes), so Pagefind runs only over a shard whose pages changed.
"""

from __future__ import annotations

import contextlib
import logging
import os
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

from publish import cache, collector
from publish.executors import Executor
from publish.formats import BuildContext, search, site
from publish.formats.indexer import Spare
from publish.fsutil import link_or_copy, write_text
from publish.jobs import Job
from publish.model import Article, Document, Summary
from publish.parked import fetch
from publish.progress import Progress
from publish.searchstage import Search
from publish.stages import Result, finish, replay

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


def _download(ctx: BuildContext, store: cache.Store | None, path: Path, name: str) -> None:
    """A document's download (``path``: its PDF or EPUB) at ``name`` in the site: linked, or
    left there when it is the file the last build put there and kept
    (:attr:`publish.cache.Store.kept`)."""
    kept = store.kept if store is not None else None
    if kept is not None and ctx.final is not None and not path.is_relative_to(ctx.out):
        with contextlib.suppress(OSError):  # (not there)
            if os.path.samefile(path, ctx.final / name):
                kept.add(name)
                return
    (ctx.out / name).parent.mkdir(parents=True, exist_ok=True)
    link_or_copy(path, ctx.out / name)


def _neighbours(ordered: list[Summary], i: int) -> tuple[Summary | None, Summary | None]:
    """The documents before and after the ``i``-th in the index."""
    return (ordered[i - 1] if i else None, ordered[i + 1] if i + 1 < len(ordered) else None)


def pages(
    ctx: BuildContext,
    results: Sequence[Result],
    store: cache.Store | None,
    articles: dict[str, Article],
    job: Callable[[Article], Job],
    run: tuple[Executor, Progress],
    spare: Spare,
) -> list[Result]:
    """Every document's page, its downloads beside it, shard by shard, each shard's search
    index started as soon as its pages are written; then the collection's pages and what a
    job left to write (:func:`publish.stages.finish`, on this core while Pagefind runs on the
    other; a PDF made beside, :mod:`publish.beside`, is offered on its page before it is made
    and linked once it is); then the search index finished. The results, with the files of
    all."""
    by_slug = {r.summary.slug: r for r in results}
    ordered = site.newest_first([r.summary for r in results])
    wanted: list[tuple[int, str]] = []
    tick = run[1].stage("site pages", len(ordered))
    slugs = [r.summary.slug for r in results]
    offered: dict[str, list[tuple[str, Path]]] = {}  # each document's downloads
    coming: list[tuple[Path, str]] = []  # those being made beside (linked once made)
    with Search(ctx, store, slugs, (run[0].plan.workers, run[1]), spare) as index:
        kept, keys = [], {}
        for i, summary in enumerate(ordered):
            making = by_slug[summary.slug].coming
            files = offered[summary.slug] = site.downloads(ctx, summary, making)
            for _, path in files:
                name = f"site/{summary.slug}/{path.name}"
                if making and path in {ctx.out / made for made in making}:
                    coming.append((path, name))
                else:
                    _download(ctx, store, path, name)
            neighbours = _neighbours(ordered, i)
            key = cache.digest(
                by_slug[summary.slug].key,
                [by_slug[n.slug].mark if n else None for n in neighbours],
                [(label, path.name) for label, path in files],
            )
            keys[summary.slug] = key
            entry = store.get(key) if store else None
            if entry is not None and store is not None:
                store.place(entry, ctx.out)
                kept.append(summary.slug)
                tick()
            else:
                wanted.append((i, key))
        wanted.sort(key=lambda pair: (index.shard[ordered[pair[0]].slug], ordered[pair[0]].slug))
        index.planned(keys)  # (each shard to make starts, and takes its pages in slug order)
        for slug in kept:
            index.written(slug)
        chosen = [by_slug[ordered[i].slug] for i, _ in wanted]
        for (i, key), document in zip(wanted, _documents(chosen, articles, job, run), strict=True):
            summary = ordered[i]
            neighbours = _neighbours(ordered, i)
            html = site.page(ctx, document, neighbours, offered[summary.slug])
            cut, body = document.search_cut, document.body_html
            read_as = search.without_ignored(html, body, cut) if cut else None
            name = f"site/{summary.slug}/index.html"
            write_text(ctx.out / name, html)
            del html  # (a large document's: the cache copies the file, not the text)
            if store is not None:
                store.put(key, [(name, ctx.out / name)])
            tick()
            index.written(summary.slug, read_as)  # (after the tick: the bar ends first)
        site.collection(ctx, ordered)
        results = finish(list(results))  # (while Pagefind runs: see publish.stages)
        for path, name in coming:
            _download(ctx, store, path, name)
        index.finish()
    return results
