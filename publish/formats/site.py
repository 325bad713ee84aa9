"""Static HTML site via Jinja2: an index of every document and a page per document.

The site is built in a fresh folder beside ``build/site`` and swapped in whole, so a failed
build never leaves a half-written site. Images are copied next to the page that uses them.
"""

from __future__ import annotations

import logging
import shutil
from pathlib import Path

from publish.formats import BuildContext
from publish.fsutil import atomic_dir, safe_join, write_text
from publish.model import Document
from publish.render import labels

log = logging.getLogger(__name__)

STYLESHEET = "static/publish.css"


def newest_first(documents: tuple[Document, ...]) -> list[Document]:
    by_title = sorted(documents, key=lambda d: (d.meta.title, d.slug))
    return sorted(by_title, key=lambda d: d.meta.date, reverse=True)


def build(ctx: BuildContext) -> list[Path]:
    render = ctx.renderer.render
    site = ctx.out / "site"
    with atomic_dir(site) as tmp:
        write_text(tmp / STYLESHEET, ctx.renderer.stylesheet("html"))
        documents = newest_first(ctx.documents)
        write_text(
            tmp / "index.html",
            render(
                "index.html",
                documents=documents,
                lang=ctx.config.language,
                stylesheet=STYLESHEET,
                labels=labels(ctx.config.language),
            ),
        )
        for doc in documents:
            page = render(
                "document.html",
                doc=doc,
                lang=doc.meta.language,
                stylesheet=STYLESHEET,
                labels=labels(doc.meta.language),
            )
            write_text(safe_join(tmp, f"{doc.slug}/index.html"), page)
            for asset in doc.assets:
                target = safe_join(tmp, f"{doc.slug}/{asset.href}")
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(asset.path, target)
    log.info("  %s/index.html and %d document pages", site, len(documents))
    return [site / "index.html", *(site / d.slug / "index.html" for d in documents)]
