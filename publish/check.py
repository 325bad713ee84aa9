"""``publish check``: run the real validators over what ``publish build`` wrote.

- EPUB: EPUBCheck 5 (every fatal, error, warning and usage message is a problem) and Ace by
  DAISY (every violation is a problem).
- PDF: ``pdffonts`` (every font embedded); veraPDF against each standard a PDF claims in its XMP
  (``pdfaid:part`` and ``conformance``, ``pdfuaid:part``): PDF/A-3u and PDF/UA-1 for the
  default variant, nothing for a ``plain`` PDF.
- Site: the Nu HTML Checker (no error in any page or stylesheet), internal links and anchors.

The validators themselves live in :mod:`publish.validators`.
"""

from __future__ import annotations

from pathlib import Path

from publish.validators.epub import ace, epubcheck
from publish.validators.html import broken_links, epub_screenshots, screenshot, vnu
from publish.validators.pdf import claimed_flavours, pdffonts, verapdf

__all__ = [
    "ace",
    "broken_links",
    "check_build",
    "claimed_flavours",
    "epub_screenshots",
    "epubcheck",
    "pdffonts",
    "screenshot",
    "verapdf",
    "vnu",
]


def check_build(out: Path, root: Path | None = None) -> list[str]:
    problems: list[str] = []
    epubs = sorted((out / "epub").glob("*.epub"))
    pdfs = sorted((out / "pdf").glob("*.pdf"))
    if not epubs and not pdfs and not (out / "site").is_dir():
        return [f"{out}: nothing to check; run publish build first"]
    for epub in epubs:
        problems.extend(f"{epub}: {m}" for m in epubcheck(epub))
        problems.extend(ace(epub, root or Path.cwd()))
    for pdf in pdfs:
        problems.extend(pdffonts(pdf))
    claims: dict[str, list[Path]] = {}
    for pdf in pdfs:
        for flavour in claimed_flavours(pdf):
            claims.setdefault(flavour, []).append(pdf)
    for flavour, claimed in sorted(claims.items()):
        problems.extend(verapdf(claimed, flavour))
    site = out / "site"
    if site.is_dir():
        if not (site / "index.html").is_file():
            problems.append(f"{site}: index.html is missing")
        problems.extend(vnu(site, root or Path.cwd()))
        problems.extend(broken_links(site))
    return problems
