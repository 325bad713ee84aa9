"""The site's collection stage, once every document is known: each document's page (it links
its neighbours in the index and its downloads), the pages of the whole collection, and the
search index.

A page is kept in the cache under its document's key, its neighbours' summaries and its
downloads: it is rendered again only when one of them changed, from the document parsed
again by a job when this build took it from the cache. The search index is kept under the
hash of the pages Pagefind reads, so Pagefind runs only when one of them changed.
"""

from __future__ import annotations

import logging
import shutil
from collections.abc import Callable, Sequence

from publish import cache
from publish.executors import Executor
from publish.formats import BuildContext, search, site
from publish.fsutil import write_text
from publish.jobs import Job
from publish.model import Article, Document
from publish.progress import Progress
from publish.stages import Result, replay

log = logging.getLogger(__name__)


def _documents(
    wanted: Sequence[Result],
    articles: dict[str, Article],
    job: Callable[[Article], Job],
    run: tuple[Executor, Progress],
) -> dict[str, Document]:
    """The documents of ``wanted`` that this build has not parsed, parsed again."""
    executor, progress = run
    again = [r.summary.slug for r in wanted if r.document is None]
    tick = progress.stage("parse again for the site", len(again))
    jobs = [job(articles[slug]) for slug in again]
    found = {r.summary.slug: r.document for r in wanted if r.document is not None}
    for done in executor.map(jobs, tick):
        replay([r for r in done.records if r[0] >= 40])  # (said before, when it was built)
        assert done.document is not None, done.problems
        found[done.slug] = done.document
    return found


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
            shutil.copyfile(path, folder / path.name)
        neighbours = (
            ordered[i - 1] if i else None,
            ordered[i + 1] if i + 1 < len(ordered) else None,
        )
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
    for i, key in wanted:
        summary = ordered[i]
        neighbours = (
            ordered[i - 1] if i else None,
            ordered[i + 1] if i + 1 < len(ordered) else None,
        )
        html = site.page(ctx, documents[summary.slug], neighbours, site.downloads(ctx, summary))
        name = f"site/{summary.slug}/index.html"
        write_text(ctx.out / name, html)
        if store is not None:
            store.put(key, [(name, html.encode("utf-8"))])
        tick()
    site.collection(ctx, ordered)


def search_index(ctx: BuildContext, store: cache.Store | None) -> None:
    """Pagefind over the site's pages, or its index from the cache when they are the same."""
    folder = ctx.out / "site"
    read = sorted(folder.glob(search.PAGES))
    key = cache.digest(
        "pagefind",
        ctx.config.language,
        cache.keys.versions(),
        [(p.relative_to(folder).as_posix(), p.read_bytes()) for p in read],
    )
    entry = store.get(key) if store else None
    if entry is not None and store is not None:
        store.place(entry, ctx.out)
        log.info("  the search index from the cache: no page it reads changed")
        return
    search.index(folder, ctx.config.language)
    if store is not None:
        made = sorted(p for p in (folder / "pagefind").rglob("*") if p.is_file())
        store.put(key, [(p.relative_to(ctx.out).as_posix(), p.read_bytes()) for p in made])
