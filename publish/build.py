"""The orchestrator: the stages in order, each handing a typed object to the next.

    Step 1 - read     sources in sorted order, decoded, front matter split    -> Article
    Step 2 - theme    resolve the theme and its ``extends`` chain, check it    -> Renderer
    Step 3 - each document, on the executor (``-j N``, Dask), or from the cache:
                      clean (every change recorded), parse, write build/clean/, the PDF,
                      the EPUB and the site's change-log page                 -> Summary
                      (a small build's last PDF in a worker forked before Step 1, beside
                      Step 4: publish.beside)
    Step 4 - site     each document's page, index, feed, sitemap              -> files
                      and Pagefind over each shard of pages as soon as it is written
                      (again only when one of its pages changed)

Every document is read, cleaned and parsed before the build's outputs move into place, and
they move only when every format succeeded (:mod:`publish.transaction`): bad input leaves the
previous build as it was. The per-document stages run in :mod:`publish.jobs`; whatever runs
them and whatever the cache held, the outputs are the same bytes.
"""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from publish import cache, collector, jobs, limits, manifest, outputs, quick, selection, sitestage
from publish.beside import Beside
from publish.buildoptions import BuildOptions as BuildOptions
from publish.cache.unchanged import remember, unchanged
from publish.config import Config
from publish.errors import ContentError, StrictError
from publish.executors import Executor, Plan, ahead
from publish.formats import BuildContext
from publish.formats.indexer import Spare
from publish.fsutil import identities, tree
from publish.jobs import Job
from publish.logs import WarningCounter
from publish.model import Article, Document
from publish.parked import Parking
from publish.parse.links import Named, link_map, linked, missing_targets
from publish.progress import Progress
from publish.render import Renderer
from publish.stages import each_document, replay
from publish.theme import Theme, load_theme
from publish.timestamps import build_time
from publish.transaction import transaction

log = logging.getLogger(__name__)
In = TypeVar("In")
Out = TypeVar("Out")


def _check_strict(options: BuildOptions, warnings: WarningCounter | None) -> None:
    if options.strict and warnings is not None and warnings.count:
        raise StrictError(
            f"{warnings.count} warning(s) and --strict is on; fix them or drop --strict"
        )


def _every(items: Sequence[In], stage: Callable[[In], Out]) -> list[Out]:
    """Run ``stage`` on every item; report the problems of all items together."""
    done: list[Out] = []
    problems: list[str] = []
    for item in items:
        try:
            done.append(stage(item))
        except ContentError as exc:
            problems.extend(exc.problems)
    if problems:
        raise ContentError(*problems)
    return done


@dataclass(frozen=True)
class Built:
    """What a build read and made: the articles, the documents (every one when
    :attr:`BuildOptions.documents` asks and the cache was skipped, as ``publish archive``
    does; none otherwise), and the files written."""

    articles: tuple[Article, ...]
    documents: tuple[Document, ...]
    written: list[Path]


def build(
    config: Config, options: BuildOptions, warnings: WarningCounter | None = None
) -> list[Path]:
    """Build ``options.formats`` (default: the config's) for every source; return files written."""
    return build_collection(config, options, warnings).written


def _plan(config: Config, options: BuildOptions) -> Plan:
    return Plan(
        options.executor or config.executor,
        options.jobs or config.jobs,
        options.scheduler or config.scheduler,
    )


def _unchanged(store: cache.Store | None, keys: list[str], whole: str, out: Path) -> bool:
    """Whether the outputs of the last build are as it left them and it built the same
    (:mod:`publish.cache.unchanged`); what its documents logged is logged again."""
    if store is None or not unchanged(store, whole, out):
        return False
    entries = [store.get(key) for key in keys]
    if any(entry is None for entry in entries):
        return False
    for entry in entries:
        replay(entry["records"] if entry else [])
    missing_targets(cache.summary_from(entry["summary"]) for entry in entries if entry)
    return True


def _note(
    config: Config,
    options: BuildOptions,
    warnings: WarningCounter | None,
    store: cache.Store | None,
    theme: Theme,
    whole: str,
) -> None:
    """Let the next build know from file metadata alone that it has nothing to do
    (:mod:`publish.quick`), when this one built the whole collection without a warning."""
    if store is None:
        return
    if options.sources or not options.collection or warnings is None or warnings.count:
        quick.forget(config, options)
        return
    fonts = [Path(src) for face in theme.fonts for src in face.src]
    read = [*fonts, *map(Path, store.read_paths)]
    quick.remember(config, options, whole, read, list(theme.folders))


def build_collection(
    config: Config, options: BuildOptions, warnings: WarningCounter | None = None
) -> Built:
    """:func:`build`, also returning the articles and documents (``publish archive``)."""
    with collector.build():  # what cleaning set aside (publish.collector) is freed after
        return _build_collection(config, options, warnings)


def _build_collection(
    config: Config, options: BuildOptions, warnings: WarningCounter | None
) -> Built:
    if options.pdf_variant:
        config = dataclasses.replace(config, pdf_variant=options.pdf_variant)
    pdf = "pdf" in (options.formats or config.formats)  # (a worker for one PDF, started now)
    with ahead(_plan(config, options), pdf) or contextlib.nullcontext() as beside:
        return _build_with(config, options, warnings, beside)


def _build_with(
    config: Config, options: BuildOptions, warnings: WarningCounter | None, beside: Beside | None
) -> Built:
    log.info("Step 1 - read")
    out = outputs.output_folder(options.out or config.root / "build", config)
    collection = selection.read_collection(config, options.sources, options.collection)
    articles = list(collection.articles)
    names = options.formats or config.formats
    formats = {a.slug: collection.formats(a, names) for a in articles}
    if "pdf" in names:
        chosen = [a for a in articles if "pdf" in formats[a.slug]]
        _every(chosen, lambda article: limits.pdf_source(article, config.limits))
    log.info("Step 2 - theme")
    theme = load_theme(options.theme or config.theme, config.root)
    store = cache.open_store(config, out, options.cache)
    base = cache.build_key(config, theme, names)
    sources = link_map(articles)  # (links between documents: publish.parse.links)
    named = Named.of(sources)
    targets = {article.slug: tuple(linked(article, named)) for article in articles}
    made = [article for article in articles if formats[article.slug]]
    digests = {a.slug: cache.digest(a, targets[a.slug]) for a in articles}  # (the source's)
    keys = [cache.digest(base, formats[a.slug], digests[a.slug]) for a in made]
    whole = cache.digest(base, keys, str(out.resolve()))
    if _unchanged(store, keys, whole, out):
        _check_strict(options, warnings)
        log.info(
            "Nothing changed since the last build into %s: its outputs are as it left them", out
        )
        _note(config, options, warnings, store, theme, whole)
        return Built(tuple(articles), (), [])
    renderer = Renderer(theme, config)
    renderer.check()  # every template compiles, every stylesheet reads, before any output
    jobs.share(renderer)
    plan = _plan(config, options)
    level = logging.getLogger().level
    kept: set[str] = set()  # (outputs left as the last build put them: publish.transaction)
    inside = store is not None and store.folder.is_relative_to(out)
    settled = store.settled() if store is not None and inside else []
    if store is not None:
        store.kept = kept
    with transaction(out, config.root, kept=kept, settled=settled) as staging:
        if store is not None and inside:
            store.new = staging / store.folder.relative_to(out)  # (kept if the build succeeds)

        parking = Parking(staging) if "html" in names and not options.documents else None
        keep = options.documents or parking or False
        local = plan.executor != "dask"
        park = str(parking.folder) if parking is not None and local else ""

        def job(article: Article, only: tuple[str, ...] | None = None) -> Job:
            here = str(staging) if local else ""
            wanted, linked = formats[article.slug] if only is None else only, targets[article.slug]
            sent = bool(keep) or only is not None  # (the site's page: publish.sitestage)
            aside = park if only is None else ""
            return Job(article, config, theme.name, wanted, here, level, linked, sent, aside)

        where = f"{plan.scheduler or 'a local cluster'}" if plan.executor == "dask" else ""
        log.info(
            "Step 3 - clean, parse, write: %d document(s), %s",
            len(made),
            f"on Dask at {where}" if where else f"-j {plan.workers}",
        )
        dates = build_time(())
        previous = manifest.read(out)
        fresh = manifest.current(previous, digests)
        ctx = BuildContext(config, renderer, staging, dates, final=out, fresh=fresh)
        writing = store.writing() if store is not None else contextlib.nullcontext()
        spare = Spare(config.language)  # (an indexer started ahead: publish.formats.indexer)
        with Executor(plan, beside) as executor, Progress(options.bars) as progress, writing, spare:
            run = (executor, progress)
            site = "html" in names  # (a job may leave files to write beside Pagefind)
            ahead = spare.start if site else None
            results = each_document(made, job, keys, store, run, staging, keep, site, ahead)
            missing_targets(r.summary for r in results)
            _check_strict(options, warnings)
            if site:
                log.info("Step 4 - site and search index")
                dates = build_time(r.summary.meta.date for r in results)
                ctx = dataclasses.replace(ctx, built=dates)
                by_slug = {article.slug: article for article in articles}
                again = functools.partial(job, only=())  # (the page only: a job parses again)
                results = sitestage.pages(ctx, results, store, by_slug, again, run, spare)
            written = [path for result in results for path in result.files]
        if parking is not None:
            parking.close()
        added = store.new if store is not None else None  # (the cache's additions: not outputs)
        listed = sorted({*tree(staging, added), *kept}) if "html" in names else written
        now = {
            a.slug: manifest.entry(
                a.display_path,
                digests[a.slug],
                list(r.files),
                previous.get(a.slug),
            )
            for a, r in zip(made, results, strict=True)
        }
        known = frozenset(formats) if collection.whole else None
        gone = manifest.write(staging, previous, now, known)
        listed.append(manifest.NAME)
        _check_strict(options, warnings)
    manifest.remove(out, gone)
    final = [out / name for name in listed]
    if store is not None:
        seen = identities(out, listed)
        remember(store, whole, out, seen)
        store.remember(seen)
    _note(config, options, warnings, store, theme, whole)
    documents = tuple(r.document for r in results if r.document is not None)
    return Built(tuple(articles), documents, final)
