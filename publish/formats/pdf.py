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
from pathlib import Path

from publish.formats import BuildContext, cjk_justify, pdfa, pdfattach
from publish.formats.pdfhtml import for_document
from publish.formats.pdfvariants import VARIANTS
from publish.fsutil import atomic_path
from publish.labels import labels
from publish.timestamps import build_time, iso

log = logging.getLogger(__name__)


def build(ctx: BuildContext) -> list[Path]:
    from weasyprint import CSS, HTML
    from weasyprint.text.fonts import FontConfiguration

    from publish.formats.pdffetch import Fetcher

    fonts = FontConfiguration()  # without it WeasyPrint ignores the theme's @font-face rules
    css = ctx.renderer.stylesheet("pdf")
    theme = f"theme {ctx.renderer.theme.name}"
    fetch_for_css = Fetcher((), ctx.renderer.font_urls, theme)
    stylesheet = CSS(string=css, font_config=fonts, url_fetcher=fetch_for_css)
    variables = ctx.renderer.theme.variables  # (switches checked when the theme loaded)
    variant = VARIANTS[ctx.config.pdf_variant]
    if variant.pdfa and not variant.attaches and ctx.documents:
        log.info(
            "  %s: PDF/A-2 embeds only PDF/A files, so the originals, cleaned texts and change "
            "logs are not embedded; pdf/a-3u or pdf/a-3b embeds them",
            variant.name,
        )
    written = []
    for doc in ctx.documents:
        built = build_time([doc.meta.date])  # its own date: never another document's
        html = ctx.renderer.render(
            "pdf.html",
            doc=doc,
            body=for_document(doc.body_html, variables, doc.meta.language),
            lang=doc.meta.language,
            built=iso(built),
            labels=labels(doc.meta.language),
        )
        target = ctx.out / "pdf" / f"{doc.slug}.pdf"
        identifier = hashlib.sha256(doc.meta.identifier.encode("utf-8")).hexdigest()[:32]
        options = dict(variant.options)
        if variant.flavours:
            files = pdfattach.associated_files(doc) if variant.attaches else []
            options["attachments"] = pdfattach.attachments(files, built)
            options["finisher"] = pdfa.finisher(doc, variant, files)
        base = doc.source_path.parent.resolve().as_uri() + "/"
        fetcher = Fetcher(doc.assets, ctx.renderer.font_urls, doc.cleaned.source.display_path)
        with atomic_path(target) as tmp, cjk_justify.applied():
            HTML(string=html, base_url=base, url_fetcher=fetcher).write_pdf(
                tmp,
                stylesheets=[stylesheet],
                font_config=fonts,
                pdf_identifier=identifier.encode("ascii"),
                **options,
            )
        log.info("  %s (%d KiB)", target, target.stat().st_size // 1024)
        written.append(target)
    return written
