"""The per-document stages of a build: each document from the cache, or cleaned, parsed and
written by a job (:mod:`publish.jobs`) on the build's executor; then, in document order, what
each logged is logged here and its files go into the staging folder.

Problems of documents are reported together, as the stages always did: every content
problem of every document at once; a theme or build problem as it is.

When the site is built, the last job run in this process leaves its change log and change-log
page for later (:attr:`publish.jobs.Done.later`): :func:`finish` writes them, and caches the
document, while Pagefind indexes the pages (:mod:`publish.sitestage`). Its PDF is made beside
it, in the worker the build started for that (:mod:`publish.beside`), where there is one:
:func:`finish` waits for it too.
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from publish import cache, formatlist
from publish.beside import SMALL, Beside
from publish.errors import ContentError, PublishError
from publish.executors import Executor
from publish.fsutil import write_bytes
from publish.jobs import Done, Job, Record
from publish.model import Article, Document, Summary
from publish.parked import Parking
from publish.progress import Progress

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Result:
    """One document of the build: its cache key, its summary, and, when it was parsed in
    this build, its document (or where it was set aside: :mod:`publish.parked`)."""

    key: str
    summary: Summary
    document: Document | None
    #: Its files, by path under the staging folder.
    files: tuple[str, ...]
    parked: Path | None = None
    #: The hash of the summary (what a neighbour's page shows of it: publish.sitestage).
    mark: str = ""
    #: What its job left to write (then it is cached): the paths of those files.
    later: Callable[[], tuple[str, ...]] | None = field(default=None, compare=False)
    #: The files a job beside it is making (its PDF), by path under the staging folder: in
    #: place once :attr:`later` has been called.
    coming: tuple[str, ...] = ()


def replay(records: Sequence[Sequence[object]]) -> None:
    """Log what a job logged (or logged when it was cached) as if it happened here."""
    for level, name, message in records:
        logging.getLogger(str(name)).log(int(str(level)), "%s", message)


def _failed(done: Done) -> PublishError:
    if done.category != ContentError.category:
        found = next(
            (c for c in PublishError.__subclasses__() if c.category == done.category),
            PublishError,
        )
        return found(*done.problems)
    return ContentError(*done.problems)


def _kept(store: cache.Store, key: str, done: Done, staging: Path, mark: str) -> None:
    assert done.summary is not None
    images = [Path(image) for image in done.images]
    records: list[Record] = list(done.records)
    store.put(
        key,
        [(path, staging / path) for path in done.files],
        summary=cache.summary_json(done.summary),
        mark=mark,
        records=records,
        reads=cache.reads(images),
    )


def mark(summary: Summary) -> str:
    """The hash of ``summary`` (:attr:`Result.mark`)."""
    return cache.digest(cache.summary_json(summary))


def _placed(done: Done, staging: Path) -> tuple[str, ...]:
    """The files of ``done`` in ``staging``: written there by its job (on this machine), or
    written here from the bytes it sent."""
    if done.data:
        for data, path in zip(done.data, done.files, strict=True):
            write_bytes(staging / path, data)
    return done.files


def _later(
    made: Done,
    key: str,
    store: cache.Store | None,
    staging: Path,
    marked: str,
    beside: Beside | None = None,
) -> Callable[[], tuple[str, ...]]:
    """Write what ``made``'s job left to write and wait for the job ``beside`` it (its PDF),
    then cache the document: all its files."""
    write = made.later

    def written() -> tuple[str, ...]:
        files, records = {*made.files, *(write() if write else ())}, made.records
        if beside is not None:
            apart = beside.result()
            replay(apart.records)
            if apart.problems:
                raise _failed(apart)
            files.update(_placed(apart, staging))
            records += apart.records
        done = dataclasses.replace(made, files=tuple(sorted(files)), records=records, later=None)
        if store is not None:
            _kept(store, key, done, staging, marked)
        return done.files

    return written


def _apart(executor: Executor, jobs: list[Job]) -> tuple[Beside | None, tuple[str, ...]]:
    """The last job's PDF, made by a job beside it in a worker (:meth:`Executor.beside`) when
    the document is short, and the file it makes; or (None, ()) where it is not."""
    last = jobs[-1]
    size = sum(len(part.body) for part in last.article.fragments)
    if "pdf" not in last.formats or size > SMALL:
        return None, ()
    pdf = dataclasses.replace(last, formats=("pdf",), apart=True, later=False)
    beside = executor.beside(pdf)
    if beside is None:
        return None, ()
    jobs[-1] = dataclasses.replace(last, formats=tuple(f for f in last.formats if f != "pdf"))
    log.debug("  the PDF of %s is made beside, in a worker", last.article.display_path)
    return beside, (formatlist.document_file(formatlist.get("pdf"), last.article.slug),)


def finish(results: list[Result]) -> list[Result]:
    """``results`` with what their jobs left to write written (:attr:`Result.later`)."""
    return [
        dataclasses.replace(r, files=r.later(), later=None) if r.later is not None else r
        for r in results
    ]


def each_document(
    articles: Sequence[Article],
    job: Callable[[Article], Job],
    keys: list[str],
    store: cache.Store | None,
    run: tuple[Executor, Progress],
    staging: Path,
    keep: Parking | bool = False,
    later: bool = False,
    ahead: Callable[[int], object] | None = None,
) -> list[Result]:
    """Every article's outputs in ``staging``, from ``store`` (under ``keys``, one for each
    article) or made by ``job``s; the documents parsed are kept (``keep``: True), set aside
    (a :class:`~publish.parked.Parking`) or let go. ``later``: the last job run in this
    process may leave files for :func:`finish` to write, and its PDF to the worker beside
    (let go when unused: the jobs run in a pool). ``ahead`` is told how many documents
    are to be made, before they are (the site's search index starts its indexer early for a
    few: :class:`publish.formats.indexer.Spare`)."""
    executor, progress = run
    found = [store.get(key) if store else None for key in keys]
    todo = [i for i, entry in enumerate(found) if entry is None]
    jobs = [job(articles[i]) for i in todo]
    beside: Beside | None = None
    coming: tuple[str, ...] = ()
    if later and jobs and executor.here(len(jobs)):
        jobs[-1] = dataclasses.replace(jobs[-1], later=True)
        beside, coming = _apart(executor, jobs)
    if beside is None:
        executor.let_go()
    if ahead is not None:
        ahead(len(todo))
    if store is not None:
        log.info("  %d of %d document(s) from the cache", len(keys) - len(todo), len(keys))
    tick = progress.stage("clean, parse, write", len(articles))
    for entry in found:
        if entry is not None:
            tick()
    done = executor.map(jobs, tick)  # (in order, as they finish)
    results: list[Result] = []
    problems: list[str] = []
    for i, key in enumerate(keys):
        entry = found[i]
        if entry is not None:
            replay(entry["records"])
            files = store.place(entry, staging) if store else []
            summary = cache.summary_from(entry["summary"])
            marked = str(entry.get("mark") or mark(summary))
            results.append(Result(key, summary, None, tuple(files), mark=marked))
            continue
        made = next(done)
        replay(made.records)
        if made.problems:
            if made.category != ContentError.category:
                raise _failed(made)
            problems.extend(made.problems)
            continue
        assert made.summary is not None
        written, marked = _placed(made, staging), mark(made.summary)
        last = i == todo[-1]
        waits = beside if last else None
        rest = _later(made, key, store, staging, marked, waits) if made.later or waits else None
        if store is not None and rest is None:
            _kept(store, key, made, staging, marked)
        document = made.document if keep else None
        parked = Path(made.parked) if made.parked else None  # (set aside by its job)
        held = rest is not None  # (what is left to write holds the document anyway)
        if isinstance(keep, Parking) and document is not None and keep.takes(document) and not held:
            parked, document = keep.park(document), None  # (a job that sent it back)
        promised = coming if last else ()
        results.append(Result(key, made.summary, document, written, parked, marked, rest, promised))
    if problems:
        raise ContentError(*problems)
    return results
