"""The validators' verdicts on one build, per document, for the provenance records: veraPDF
against every standard a PDF claims, EPUBCheck and Ace on the EPUB, the Nu checker and the link
check on the site (run once; each problem goes to the document whose page it is in)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from publish.provenance import Verdict

#: veraPDF's flavours and the standards they stand for.
STANDARDS = {
    "2b": "PDF/A-2b",
    "2u": "PDF/A-2u",
    "3b": "PDF/A-3b",
    "3u": "PDF/A-3u",
    "ua1": "PDF/UA-1",
}


def for_pdf(pdf: Path) -> list[Verdict]:
    from publish.validators.pdf import claimed_flavours, verapdf

    return [
        Verdict("veraPDF", STANDARDS.get(flavour, flavour), "pdf", tuple(verapdf([pdf], flavour)))
        for flavour in claimed_flavours(pdf)
    ]


def for_epub(epub: Path, root: Path) -> list[Verdict]:
    from publish.validators.epub import ace, epubcheck

    return [
        Verdict("EPUBCheck", "EPUB 3.3", "epub", tuple(epubcheck(epub))),
        Verdict("Ace by DAISY", "EPUB Accessibility 1.1", "epub", tuple(ace(epub, root))),
    ]


def for_site(site: Path, root: Path, slugs: Sequence[str]) -> dict[str, list[Verdict]]:
    """Slug -> the Nu checker's and the link check's verdicts on that document's pages."""
    from publish.validators.html import broken_links, vnu

    html, links = vnu(site, root), broken_links(site)
    found: dict[str, list[Verdict]] = {}
    for slug in slugs:
        folder = f"{site / slug}/"
        found[slug] = [
            Verdict("Nu Html Checker", "HTML", "html", tuple(p for p in html if folder in p)),
            Verdict("publish", "internal links", "html", tuple(p for p in links if folder in p)),
        ]
    return found
