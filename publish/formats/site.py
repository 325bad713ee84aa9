"""Static HTML site via Jinja2: an index, a page per document, its cleaning log, search.

Each document's change log and images are written with the document (:func:`document`, in a
worker); its page, which links its neighbours and its downloads, and the pages of the whole
collection are written once every document is known (:func:`page`, :func:`collection`). Pages
link a fingerprinted stylesheet; the document's PDF and EPUB, when built, are copied next to
its page; Pagefind indexes the pages last (see :mod:`publish.formats.search`). Feed, sitemap,
robots.txt and 404 page come from :mod:`publish.formats.sitefiles`.
"""

from __future__ import annotations

import functools
import hashlib
import logging
from collections.abc import Sequence
from itertools import groupby
from pathlib import Path
from typing import Any

from publish import formatlist
from publish.formats import BuildContext, search, sitefiles
from publish.formats.jsonld import document_jsonld, script_text
from publish.fsutil import link_or_copy, safe_join, write_text
from publish.labels import labels, provenance
from publish.model import Document, Summary

log = logging.getLogger(__name__)


#: Applied changes a change-log page lists (all of them are in its changes.json, beside it).
CHANGES_SHOWN = 5000


def newest_first(documents: Sequence[Summary]) -> list[Summary]:
    by_title = sorted(documents, key=lambda d: (d.meta.title, d.slug))
    return sorted(by_title, key=lambda d: d.meta.date, reverse=True)


def _stylesheet(ctx: BuildContext) -> tuple[str, str]:
    """The site's stylesheet: its fingerprinted name and its text."""
    css = ctx.renderer.stylesheet("html")
    return _fingerprinted(css), css


@functools.lru_cache(maxsize=4)
def _fingerprinted(css: str) -> str:
    """The stylesheet's name, fingerprinted (asked by every page, of the same text)."""
    return f"static/publish.{hashlib.sha256(css.encode()).hexdigest()[:10]}.css"


def _context(ctx: BuildContext, doc: Document) -> dict[str, Any]:
    """What a document's page and its change-log page both show."""
    return {
        "doc": doc,
        "lang": doc.meta.language,
        "root": "../",
        "labels": labels(doc.meta.language),
        "provenance": provenance(doc.meta),
        "jsonld": script_text(document_jsonld(doc, f"{ctx.config.base_url}{doc.slug}/")),
        "stylesheet": _stylesheet(ctx)[0],
    }


def document(ctx: BuildContext, doc: Document) -> list[Path]:
    """A document's change-log page, its changes.json and its images."""
    folder = safe_join(ctx.out / "site", doc.slug)
    folder.mkdir(parents=True, exist_ok=True)
    page = ctx.renderer.render(
        "changes.html",
        path=f"{doc.slug}/changes.html",
        changes_shown=CHANGES_SHOWN,
        **_context(ctx, doc),
    )
    write_text(folder / "changes.html", page)
    log_file = ctx.out / "clean" / f"{doc.slug}.changes.json"  # (written before)
    link_or_copy(log_file, folder / "changes.json")  # (a large document's log is large)
    written = [folder / "changes.html", folder / "changes.json"]
    for asset in doc.assets:
        target = safe_join(folder, asset.href)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(asset.data)  # (read and checked when parsed)
        written.append(target)
    return written


def downloads(
    ctx: BuildContext, doc: Summary, coming: tuple[str, ...] = ()
) -> list[tuple[str, Path]]:
    """The document's PDF and EPUB, built now (or being built: ``coming``, their paths under
    the output folder), or by an earlier build from the source as it is now (the manifest
    says so: never a stray file): (label, file)."""
    words, found = labels(doc.meta.language), []
    for fmt in formatlist.DOCUMENT_FILES:
        name = formatlist.document_file(fmt, doc.slug)
        places = [ctx.out / name]
        if ctx.final is not None and name in ctx.fresh:
            places.append(ctx.final / name)
        built = ctx.out / name if name in coming else None
        built = built or next((path for path in places if path.is_file()), None)
        if built is not None:
            found.append((words[f"download_{fmt.name}"], built))
    return found


def page(
    ctx: BuildContext,
    doc: Document,
    neighbours: tuple[Summary | None, Summary | None],
    files: list[tuple[str, Path]],
) -> str:
    """The document's page: ``neighbours`` are the previous and next in the index."""
    return ctx.renderer.render(
        "document.html",
        path=f"{doc.slug}/",
        downloads=[(label, path.name) for label, path in files],
        previous=neighbours[0],
        next=neighbours[1],
        **_context(ctx, doc),
    )


def collection(ctx: BuildContext, documents: list[Summary]) -> list[Path]:
    """The pages of the whole collection: index, search page, stylesheet, feed, sitemap."""
    site = ctx.out / "site"
    render = ctx.renderer.render
    stylesheet, css = _stylesheet(ctx)
    write_text(site / stylesheet, css)
    years = [(year, list(docs)) for year, docs in groupby(documents, key=lambda d: d.meta.date[:4])]
    language = ctx.config.language
    common = {"stylesheet": stylesheet, "lang": language, "labels": labels(language)}
    write_text(
        site / "index.html",
        render("index.html", documents=documents, years=years, root="", path="", **common),
    )
    write_text(
        site / "search" / "index.html",
        render(
            "search.html",
            root="../",
            path="search/",
            merged=search.merged([d.slug for d in documents]),
            **common,
        ),
    )
    sitefiles.write(ctx, site, documents, stylesheet)
    log.info(
        "  %s/index.html and %d document pages", (ctx.final or ctx.out) / "site", len(documents)
    )
    return [site / "index.html"]
