"""PDF via WeasyPrint: the theme's print CSS, bookmarks from headings, metadata, page numbers.

WeasyPrint takes the title, authors, keywords and dates from the ``<head>`` the ``pdf.html``
template writes, the language from ``<html lang>``, and builds the outline from h1-h6. The file
identifier is derived from the document identifier and the dates from the build time, so the
same input gives the same bytes. ``pdf.variant`` picks WeasyPrint's options and what the file
claims (:mod:`~publish.formats.pdfvariants`), the files it embeds
(:mod:`~publish.formats.pdfattach`) and the XMP it adds (:mod:`~publish.formats.pdfa`).
"""

from __future__ import annotations

import hashlib
import logging
import multiprocessing.util
import shutil
import weakref
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from publish import collector, formatlist
from publish.formats import BuildContext, cjk_justify, pdfa, pdfattach, pdflog
from publish.formats.pdfhtml import for_document
from publish.formats.pdfvariants import VARIANTS
from publish.fsutil import atomic_path
from publish.labels import labels
from publish.model import Document
from publish.parse.links import for_offline
from publish.timestamps import build_time, iso

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class _Setup:
    """What every PDF of a build shares: the fonts, the print stylesheet, the variant."""

    fonts: Any
    stylesheet: Any


def _setup(ctx: BuildContext) -> _Setup:
    """Made once per renderer (one build, or one worker process of it) and kept there."""
    found = ctx.renderer.prepared.get("pdf")
    if isinstance(found, _Setup):
        return found
    from weasyprint import CSS
    from weasyprint.text.fonts import FontConfiguration

    from publish.formats.pdffetch import Fetcher

    fonts = FontConfiguration()  # without it WeasyPrint ignores the theme's @font-face rules
    css = ctx.renderer.stylesheet("pdf")
    theme = f"theme {ctx.renderer.theme.name}"
    fetch_for_css = Fetcher((), ctx.renderer.font_urls, theme)
    with pdflog.named(f"{theme} (its print stylesheet)"):
        stylesheet = CSS(string=css, font_config=fonts, url_fetcher=fetch_for_css)
    _removed_at_exit(fonts)
    variant = VARIANTS[ctx.config.pdf_variant]
    if variant.pdfa and not variant.attaches:
        log.info(
            "  %s: PDF/A-2 embeds only PDF/A files, so the originals, cleaned texts and change "
            "logs are not embedded; pdf/a-3u or pdf/a-3b embeds them",
            variant.name,
        )
    ctx.renderer.prepared["pdf"] = setup = _Setup(fonts, stylesheet)
    return setup


def _removed_at_exit(fonts: Any) -> None:
    """WeasyPrint copies the theme's fonts into a temporary folder (4 MB) that it removes
    when the font configuration is collected, which at the end of a process is too late (its
    modules are gone: the folder stayed, and Python printed a TypeError). Remove the folder
    as this process ends, a worker included (multiprocessing runs its finalizers then)."""
    folder, alive = getattr(fonts, "_folder", None), weakref.ref(fonts)
    if not folder:
        return

    def remove() -> None:
        shutil.rmtree(folder, ignore_errors=True)
        still = alive()
        if still is not None:
            still._folder = None  # (nothing left for WeasyPrint's own clean-up)

    multiprocessing.util.Finalize(fonts, remove, exitpriority=0)


def document(ctx: BuildContext, doc: Document) -> list[Path]:
    """``pdf/<slug>.pdf`` of one document."""
    from weasyprint import HTML

    from publish.formats.pdffetch import Fetcher

    setup = _setup(ctx)
    variant = VARIANTS[ctx.config.pdf_variant]
    built = build_time([doc.meta.date])  # its own date: never another document's
    html = ctx.renderer.render(
        "pdf.html",
        doc=doc,
        body=for_document(
            for_offline(doc.body_html, ctx.config.url),
            ctx.renderer.theme.variables,
            doc.meta.language,
        ),
        lang=doc.meta.language,
        built=iso(built),
        labels=labels(doc.meta.language),
    )
    target = ctx.out / formatlist.document_file(formatlist.get("pdf"), doc.slug)
    identifier = hashlib.sha256(doc.meta.identifier.encode("utf-8")).hexdigest()[:32]
    options = dict(variant.options)
    if variant.flavours:
        files = pdfattach.associated_files(doc) if variant.attaches else []
        options["attachments"] = pdfattach.attachments(files, built)
        options["finisher"] = pdfa.finisher(doc, variant, files)
    base = doc.source_path.parent.resolve().as_uri() + "/"
    fetcher = Fetcher(doc.assets, ctx.renderer.font_urls, doc.cleaned.source.display_path)
    shown = doc.cleaned.source.display_path
    with (
        atomic_path(target) as tmp,
        cjk_justify.applied(),
        pdflog.named(shown),
        collector.young_only(),  # (WeasyPrint's boxes live to the end: publish.collector)
    ):
        HTML(string=html, base_url=base, url_fetcher=fetcher).write_pdf(
            tmp,
            stylesheets=[setup.stylesheet],
            font_config=setup.fonts,
            pdf_identifier=identifier.encode("ascii"),
            **options,
        )
    log.debug("  %s (%d KiB)", target, target.stat().st_size // 1024)
    return [target]
