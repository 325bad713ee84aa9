"""The site's collection stage, once every document is known: each document's page (it links
its neighbours in the index and its downloads), the pages of the whole collection, and the
search index.

A page is kept in the cache under its document's key, its neighbours' summaries and its
downloads: it is rendered again only when one of them changed, from the document parsed
again by a job when this build took it from the cache. The search index is kept shard by
shard, each under the hash of the pages it reads, so Pagefind runs only over a shard whose
pages changed.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from publish import cache
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


def pages(
    ctx: BuildContext,
    results: Sequence[Result],
    store: cache.Store | None,
    articles: dict[str, Article],
    job: Callable[[Article], Job],
    run: tuple[Executor, Progress],
) -> None:
    """Every document's page, its downloads beside it; then the collection's pages."""
    by_slug = {r.summary.slug: r for r in results}
    ordered = site.newest_first([r.summary for r in results])
    wanted: list[tuple[int, str]] = []
    tick = run[1].stage("site pages", len(ordered))
    for i, summary in enumerate(ordered):
        folder = ctx.out / "site" / summary.slug
        files = site.downloads(ctx, summary)
        for _, path in files:
            folder.mkdir(parents=True, exist_ok=True)
            link_or_copy(path, folder / path.name)
        neighbours = _neighbours(ordered, i)
        key = cache.digest(
            by_slug[summary.slug].key,
            [cache.summary_json(n) if n else None for n in neighbours],
            [(label, path.name) for label, path in files],
        )
        entry = store.get(key) if store else None
        if entry is not None and store is not None:
            store.place(entry, ctx.out)
            tick()
        else:
            wanted.append((i, key))
    documents = _documents([by_slug[ordered[i].slug] for i, _ in wanted], articles, job, run)
    for (i, key), document in zip(wanted, documents, strict=True):
        summary = ordered[i]
        neighbours = _neighbours(ordered, i)
        html = site.page(ctx, document, neighbours, site.downloads(ctx, summary))
        name = f"site/{summary.slug}/index.html"
        write_text(ctx.out / name, html)
        if store is not None:
            store.put(key, [(name, html.encode("utf-8"))])
        tick()
    site.collection(ctx, ordered)


def search_index(
    ctx: BuildContext, store: cache.Store | None, slugs: list[str], workers: int = 1
) -> None:
    """Pagefind over the documents' pages, shard by shard (:mod:`publish.formats.search`),
    ``workers`` shards at a time; a shard whose pages are the same as at a build before comes
    from the cache."""
    folder = ctx.out / "site"
    groups = search.shards(slugs)
    todo: list[tuple[int, str]] = []
    for number, group in enumerate(groups):
        key = cache.digest(
            "pagefind",
            ctx.config.language,
            cache.keys.versions(),
            search.bundle(number),  # (the files it makes are there)
            [(slug, (folder / slug / "index.html").read_bytes()) for slug in group],
        )
        entry = store.get(key) if store else None
        if entry is not None and store is not None:
            store.place(entry, ctx.out)
        else:
            todo.append((number, key))
    if len(todo) < len(groups):
        log.info(
            "  the search index: %d of %d shard(s) from the cache",
            len(groups) - len(todo),
            len(groups),
        )

    def run(number: int) -> None:
        search.index(folder, ctx.config.language, groups[number], number)

    with ThreadPoolExecutor(max(1, min(workers, len(todo)))) as pool:
        list(pool.map(run, [number for number, _ in todo]))  # (the first failure is raised)
    if store is None:
        return
    for number, key in todo:
        bundle = folder / search.bundle(number)
        made = sorted(p for p in bundle.rglob("*") if p.is_file() and _own(bundle, p, number))
        store.put(key, [(p.relative_to(ctx.out).as_posix(), p.read_bytes()) for p in made])


def _own(bundle: Path, path: Path, number: int) -> bool:
    """``path`` belongs to shard ``number``'s bundle (the first one's folder holds the others)."""
    return number > 0 or not path.relative_to(bundle).parts[0].startswith("shard-")
