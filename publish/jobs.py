"""One document's work, as one picklable call: clean, parse, and write its outputs.

:func:`run` is what every executor calls, in this process (``-j 1``), in a process pool
(``-j N``) or on a Dask worker. It takes a :class:`Job` (the article as read, the settings,
the theme's name and the formats) and returns a :class:`Done`: every file the document makes,
by path under the output folder, its :class:`~publish.model.Summary` and parsed document, and
what it logged, so the parent logs it in document order and counts its warnings for
``--strict``. A problem of the document comes back as ``category`` and ``problems``, never as
a traceback. Nothing is written outside the staging, scratch and parking folders.

A job on this machine writes its files straight into the build's staging folder (``staging``;
every output path is the document's own) and sets its document aside itself (``park``):
nothing is read back, sent through a pipe and written again by the build's one process. A job
on a Dask worker, maybe another machine, writes into a scratch folder and sends the bytes.

A job run in the build's own process may leave its change log and the site's change-log page
(nothing another output reads, unless the PDF attaches the log) to :attr:`Done.later`: the build
writes them while Pagefind indexes the site on the other core, instead of before. Its PDF may
be made *apart*, by a second job in a worker process (:meth:`publish.executors.Executor.beside`)
while this one goes on: that job cleans and parses the document again (the same document: the
stages are deterministic) and writes only the PDF.
"""

from __future__ import annotations

import dataclasses
import logging
import multiprocessing
import shutil
import tempfile
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from publish import clean, collector, parse
from publish.cleaned import stale_warnings, write_cleaned
from publish.config import Config
from publish.errors import PublishError
from publish.formats import BuildContext, document_step
from publish.model import Article, Document, Summary
from publish.parked import Parking, park
from publish.render import Renderer
from publish.theme import load_theme
from publish.timestamps import build_time

#: A log record carried back to the parent: level, logger name, message.
Record = tuple[int, str, str]


@dataclass(frozen=True)
class Job:
    article: Article
    config: Config
    theme: str
    #: The formats whose per-document outputs to write; () parses only (for the site's page).
    formats: tuple[str, ...]
    #: The build's staging folder, for a job on this machine ("" for one on a Dask worker).
    staging: str = ""
    #: The parent's logging level: what the job records for it to log.
    level: int = logging.INFO
    #: The sources of the build this article links to, and their slugs (publish.parse.links).
    documents: tuple[tuple[str, str], ...] = ()
    #: The parsed document: sent back (True), or not wanted (False)...
    document: bool = True
    #: ...unless set aside in this folder (:mod:`publish.parked`; only with ``staging``).
    park: str = ""
    #: Leave what :data:`LATER` names to :attr:`Done.later` (only in the build's own process).
    later: bool = False
    #: Made beside another job of the same document, which writes its change log, sends its
    #: document back and logs what cleaning and parsing said: write only ``formats``, and
    #: pass on only what they log.
    apart: bool = False


@dataclass(frozen=True)
class Done:
    slug: str
    #: Every output file's path under the output folder, in sorted order...
    files: tuple[str, ...] = ()
    #: ...and their bytes, or () when they are in the staging folder already (``Job.staging``).
    data: tuple[bytes, ...] = ()
    summary: Summary | None = None
    document: Document | None = None
    #: Where the document was set aside instead (``Job.park``).
    parked: str = ""
    #: The images the document read (its figures and cover), for the cache to watch.
    images: tuple[str, ...] = ()
    records: tuple[Record, ...] = ()
    category: str = ""
    problems: tuple[str, ...] = ()
    #: What the job left to write (``Job.later``): call it to write those files; their paths.
    later: Callable[[], tuple[str, ...]] | None = field(default=None, compare=False)


#: The steps a job may leave for later: its change log (``clean``) and its site files.
LATER = ("clean", "html")


class _Capture(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.NOTSET)
        self.records: list[Record] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append((record.levelno, record.name, record.getMessage()))


_RENDERERS: dict[tuple[str, Config], Renderer] = {}  # one per theme and settings, per process


def share(renderer: Renderer) -> None:
    """Let this process's jobs (and the workers it forks) use ``renderer``, its templates
    compiled already."""
    _RENDERERS[(renderer.theme.name, renderer.config)] = renderer


def _renderer(theme: str, config: Config) -> Renderer:
    if (theme, config) not in _RENDERERS:
        _RENDERERS[(theme, config)] = Renderer(load_theme(theme, config.root), config)
    return _RENDERERS[(theme, config)]


def _work(job: Job, out: Path) -> Document:
    renderer = _renderer(job.theme, job.config)
    switch = renderer.theme.variables.get("latin_typography", "on")
    with collector.paused():  # (millions of objects, no cycle: see publish.collector)
        cleaned = clean.clean_article(job.article)
        if multiprocessing.parent_process() is None:  # in the build's own process: set aside
            collector.keep()  # until the build ends (a worker's go when the job returns)
        stale_warnings(cleaned)
        return parse.parse(
            cleaned, job.config, renderer.theme.attributes, switch, dict(job.documents)
        )


def _steps(job: Job) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The output steps of ``job`` (``clean``: build/clean/, then its formats): those to take
    now, and those left for later (``Job.later``; never when the PDF attaches the log)."""
    steps = job.formats if job.apart else ("clean", *job.formats) if job.formats else ()
    here = job.staging and multiprocessing.parent_process() is None
    if not (job.later and here and "pdf" not in job.formats):
        return steps, ()
    return tuple(s for s in steps if s not in LATER), tuple(s for s in steps if s in LATER)


def _write(job: Job, out: Path, doc: Document, steps: tuple[str, ...]) -> list[Path]:
    """Take the output ``steps`` for ``doc``: the files written."""
    ctx = BuildContext(job.config, _renderer(job.theme, job.config), out, build_time(()))
    written: list[Path] = []
    for step in steps:
        if step == "clean":
            written += write_cleaned(doc.cleaned, out, doc)
        else:
            written += document_step(step)(ctx, doc)
    return written


def _names(written: list[Path], out: Path) -> tuple[str, ...]:
    return tuple(sorted(p.relative_to(out).as_posix() for p in written))


def _images(doc: Document) -> list[Path]:
    images = [asset.path for asset in doc.assets]
    return images if doc.meta.cover is None else [*images, doc.meta.cover.path]


_ONE_AT_A_TIME = threading.Lock()  # the log capture is process-wide (threaded Dask workers)


def run(job: Job) -> Done:
    """Clean, parse and write one article (see the module's docstring)."""
    with _ONE_AT_A_TIME:
        return _captured(job)


def _captured(job: Job) -> Done:
    root = logging.getLogger()
    saved, saved_level, capture = root.handlers[:], root.level, _Capture()
    root.handlers = [capture]
    root.setLevel(job.level)
    here = bool(job.staging)
    out = Path(job.staging) if here else Path(tempfile.mkdtemp(prefix=".job-"))
    try:
        doc = _work(job, out)
        if job.apart:  # (its twin job passes on what cleaning and parsing logged)
            capture.records.clear()
        now, later = _steps(job)
        names = _names(_write(job, out, doc, now), out)
        data = () if here else tuple((out / name).read_bytes() for name in names)
        lean = dataclasses.replace(doc, cleaned=dataclasses.replace(doc.cleaned, origin=None))
        sent = job.document and not job.apart  # (a job apart: its twin sends the document)
        kept: Document | None = lean if sent else None
        parked = ""
        if job.park and sent and Parking.takes(lean) and not later:  # (else held)
            kept, parked = None, str(park(Path(job.park), job.article.slug, lean))
        images = tuple(map(str, _images(doc)))
        done = Done(job.article.slug, names, data, Summary.of(doc), kept, parked, images)
        rest = (lambda: _names(_write(job, out, lean, later), out)) if later else None
        return dataclasses.replace(done, records=tuple(capture.records), later=rest)
    except PublishError as exc:
        records = tuple(capture.records)
        return Done(job.article.slug, records=records, category=exc.category, problems=exc.problems)
    finally:
        root.handlers = saved
        root.setLevel(saved_level)
        if not here:
            shutil.rmtree(out, ignore_errors=True)
