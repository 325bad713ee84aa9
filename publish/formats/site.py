"""Static HTML site via Jinja2: an index, a page per document, its cleaning log, search.

The site is built in a fresh folder beside ``build/site`` and swapped in whole, so a failed
build never leaves a half-written site. Pages link a fingerprinted stylesheet; images, and the
document's PDF and EPUB when they were built, are copied next to the page; Pagefind indexes the
pages last (see :mod:`publish.formats.search`). Feed, sitemap, robots.txt and 404 page come from
:mod:`publish.formats.sitefiles`.
"""

from __future__ import annotations

import hashlib
import logging
import shutil
from itertools import groupby
from pathlib import Path

from publish.formats import BuildContext, search, sitefiles
from publish.formats.jsonld import document_jsonld, script_text
from publish.fsutil import atomic_dir, safe_join, write_text
from publish.labels import labels, provenance
from publish.model import Document

log = logging.getLogger(__name__)


#: Applied changes a change-log page lists (all of them are in its changes.json, beside it).
CHANGES_SHOWN = 5000


def newest_first(documents: tuple[Document, ...]) -> list[Document]:
    by_title = sorted(documents, key=lambda d: (d.meta.title, d.slug))
    return sorted(by_title, key=lambda d: d.meta.date, reverse=True)


def _stylesheet(ctx: BuildContext, site: Path) -> str:
    css = ctx.renderer.stylesheet("html")
    name = f"static/publish.{hashlib.sha256(css.encode()).hexdigest()[:10]}.css"
    write_text(site / name, css)
    return name


def _downloads(ctx: BuildContext, doc: Document, folder: Path) -> list[tuple[str, str]]:
    """The document's PDF and EPUB, built now or by an earlier build, copied beside its page."""
    words, found = labels(doc.meta.language), []
    for fmt in ("pdf", "epub"):
        name = f"{fmt}/{doc.slug}.{fmt}"
        places = [base / name for base in (ctx.out, ctx.final) if base is not None]
        built = next((path for path in places if path.is_file()), None)
        if built is not None:
            shutil.copyfile(built, folder / built.name)
            found.append((words[f"download_{fmt}"], built.name))
    return found


def build(ctx: BuildContext) -> list[Path]:
    render = ctx.renderer.render
    documents = newest_first(ctx.documents)
    with atomic_dir(ctx.out / "site") as site:
        stylesheet = _stylesheet(ctx, site)
        common = {"stylesheet": stylesheet}
        years = [
            (year, list(docs)) for year, docs in groupby(documents, key=lambda d: d.meta.date[:4])
        ]
        language = ctx.config.language
        write_text(
            site / "index.html",
            render(
                "index.html",
                documents=documents,
                years=years,
                lang=language,
                root="",
                path="",
                labels=labels(language),
                **common,
            ),
        )
        for i, doc in enumerate(documents):
            folder = safe_join(site, doc.slug)
            folder.mkdir(parents=True, exist_ok=True)
            words = labels(doc.meta.language)
            context = {
                "doc": doc,
                "lang": doc.meta.language,
                "root": "../",
                "labels": words,
                "provenance": provenance(doc.meta),
                "jsonld": script_text(document_jsonld(doc, f"{ctx.config.base_url}{doc.slug}/")),
                **common,
            }
            write_text(
                folder / "index.html",
                render(
                    "document.html",
                    path=f"{doc.slug}/",
                    downloads=_downloads(ctx, doc, folder),
                    previous=documents[i - 1] if i else None,
                    next=documents[i + 1] if i + 1 < len(documents) else None,
                    **context,
                ),
            )
            write_text(
                folder / "changes.html",
                render(
                    "changes.html",
                    path=f"{doc.slug}/changes.html",
                    changes_shown=CHANGES_SHOWN,
                    **context,
                ),
            )
            log_file = ctx.out / "clean" / f"{doc.slug}.changes.json"  # (written before)
            shutil.copyfile(log_file, folder / "changes.json")
            for asset in doc.assets:
                target = safe_join(folder, asset.href)
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(asset.data)  # (read and checked when parsed)
        write_text(
            site / "search" / "index.html",
            render(
                "search.html",
                lang=language,
                root="../",
                path="search/",
                labels=labels(language),
                **common,
            ),
        )
        sitefiles.write(ctx, site, documents, stylesheet)
        search.index(site, language)
    log.info("  %s/index.html and %d document pages", ctx.out / "site", len(documents))
    return [
        ctx.out / "site" / "index.html",
        *(ctx.out / "site" / d.slug / "index.html" for d in documents),
    ]
