"""The orchestrator: the stages in order, each handing a typed object to the next.

    Step 1 - read     sources in sorted order, decoded, front matter split    -> Source
    Step 2 - clean    named passes, every change recorded                     -> CleanedSource
    Step 3 - theme    resolve the theme and its ``extends`` chain, check it    -> Renderer
    Step 4 - parse    markdown-it-py, metadata, headings, assets               -> Document
    Step 5 - write    build/clean/, then each format, into a staging folder   -> files

Every document is read, cleaned and parsed before anything is written, and the outputs are
moved into place only when every format succeeded (:mod:`publish.transaction`): bad input
leaves the previous build as it was.
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from publish import clean, collector, formats, limits, outputs, parse, read
from publish.changelog import change_log_parts
from publish.config import Config
from publish.errors import ContentError, StrictError
from publish.formats import BuildContext
from publish.fsutil import write_parts, write_text
from publish.logs import WarningCounter
from publish.model import Article, CleanedSource, Document
from publish.render import Renderer
from publish.theme import load_theme
from publish.timestamps import build_time
from publish.transaction import transaction

log = logging.getLogger(__name__)
In = TypeVar("In")
Out = TypeVar("Out")


@dataclass(frozen=True)
class BuildOptions:
    sources: tuple[Path, ...] = ()
    formats: tuple[str, ...] = ()
    theme: str = ""
    out: Path | None = None
    strict: bool = False
    pdf_variant: str = ""


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


class CleanCache:
    """Cleaned articles kept between the builds of one process (``publish serve``): an
    article is cleaned again only when its text (or the set of passes) changed."""

    def __init__(self) -> None:
        self._done: dict[tuple[object, ...], CleanedSource] = {}

    def clean_all(self, articles: Sequence[Article]) -> list[CleanedSource]:
        done: dict[tuple[object, ...], CleanedSource] = {}

        def one(article: Article) -> CleanedSource:
            key = (
                article.slug,
                article.display_path,
                tuple((f.display_path, f.front_matter_text, f.body) for f in article.fragments),
                article.settings,
            )
            done[key] = self._done.get(key) or clean.clean_article(article)
            return done[key]

        cleaned = _every(articles, one)
        log.info(
            "  %d of %d unchanged since the last build",
            len(done.keys() & self._done.keys()),
            len(articles),
        )
        self._done = done  # only what this build used
        return cleaned


def _stale_warnings(cleaned: CleanedSource) -> None:
    for edit_id in cleaned.stale:
        log.warning(
            "%s: review decision %s matches no edit any more (the text changed); remove it from %s",
            cleaned.source.display_path,
            edit_id,
            cleaned.settings.decided_in or "the front matter",
        )


def write_cleaned(cleaned: CleanedSource, out: Path, doc: Document | None = None) -> list[Path]:
    """``build/clean/<slug>.md`` (front matter + cleaned body) and its change log, with the
    language ``doc`` was given."""
    source = cleaned.source
    md = out / "clean" / f"{source.slug}.md"
    changes = out / "clean" / f"{source.slug}.changes.json"
    write_text(md, source.front_matter_text + cleaned.text)
    language = (doc.meta.language, doc.meta.language_reason) if doc else None
    write_parts(changes, change_log_parts(cleaned, language))
    return [md, changes]


@dataclass(frozen=True)
class Built:
    """What a build read and made: the articles, their documents, and the files written."""

    articles: tuple[Article, ...]
    documents: tuple[Document, ...]
    written: list[Path]


def build(
    config: Config,
    options: BuildOptions,
    warnings: WarningCounter | None = None,
    cache: CleanCache | None = None,
) -> list[Path]:
    """Build ``options.formats`` (default: the config's) for every source; return files written.
    With a ``cache`` (``publish serve``), unchanged articles are not cleaned again."""
    return build_collection(config, options, warnings, cache).written


def build_collection(
    config: Config,
    options: BuildOptions,
    warnings: WarningCounter | None = None,
    cache: CleanCache | None = None,
) -> Built:
    """:func:`build`, also returning the articles and documents (``publish archive``)."""
    with collector.build():
        return _build_collection(config, options, warnings, cache)


def _build_collection(
    config: Config,
    options: BuildOptions,
    warnings: WarningCounter | None,
    cache: CleanCache | None,
) -> Built:
    if options.pdf_variant:
        config = dataclasses.replace(config, pdf_variant=options.pdf_variant)
    log.info("Step 1 - read")
    out = outputs.output_folder(options.out or config.root / "build", config)
    if not options.sources and not config.content_dir.is_dir():
        raise ContentError(
            f"{config.content}/: content folder not found in {config.root}; create it and add "
            "Markdown files, or pass the files to build: publish build FILE.md"
        )
    articles = read.read_all(
        options.sources or (config.content_dir,),
        config.root,
        defaults=config.clean,
        limits=config.limits,
    )
    names = options.formats or config.formats
    if "pdf" in names:
        _every(articles, lambda article: limits.pdf_source(article, config.limits))
    log.info(
        "Step 2 - clean: %d document(s), threshold %.2f",
        len(articles),
        config.clean.threshold,
    )
    with collector.paused():  # (millions of records without cycles: see publish.collector)
        cleaned = (
            _every(articles, clean.clean_article) if cache is None else cache.clean_all(articles)
        )
    collector.keep()
    for item in cleaned:
        _stale_warnings(item)
    log.info("Step 3 - theme")
    theme = load_theme(options.theme or config.theme, config.root)
    renderer = Renderer(theme, config)
    renderer.check()  # every template compiles, every stylesheet reads, before any output
    log.info("Step 4 - parse")
    switch = theme.variables.get("latin_typography", "on")
    documents = _every(cleaned, lambda item: parse.parse(item, config, theme.attributes, switch))
    builders = [(name, formats.get(name)) for name in names]
    _check_strict(options, warnings)

    log.info("Step 5 - write to %s", out)
    with transaction(out, config.root) as staging:
        ctx = BuildContext(
            config,
            tuple(documents),
            renderer,
            staging,
            build_time(d.meta.date for d in documents),
            final=out,
        )
        written: list[Path] = []
        for item, doc in zip(cleaned, documents, strict=True):
            written.extend(write_cleaned(item, staging, doc))
            log.info(
                "  %s: %d change(s) by the cleaner", item.source.display_path, len(item.changes)
            )
        for name, builder in builders:
            log.info("Step 5 - %s", name)
            written.extend(builder(ctx))
        _check_strict(options, warnings)
    final = [out / path.relative_to(staging) for path in written]
    return Built(tuple(articles), tuple(documents), final)
