"""The PDF variants ``pdf.variant`` and ``--pdf-variant`` accept: one entry each.

Each entry says which WeasyPrint 70 options it stands for, which standards the file claims
(as veraPDF flavours: ``publish check`` and the tests validate the file against each), and
whether it carries the document's sources as associated files (:mod:`publish.formats.pdfattach`).

- ``pdf/a-3u`` (the default), ``pdf/a-3b``: PDF/A-3 with the original sources, the cleaned
  Markdown and the change log embedded.
- ``pdf/a-2u``, ``pdf/a-2b``: PDF/A-2, which allows only PDF/A files as attachments (ISO
  19005-2, 6.8), so nothing is embedded (``publish archive`` keeps the originals, the
  cleaned text and the change log beside the PDF).
- Every PDF/A variant is tagged (``pdf_tags``) and also identified as PDF/UA-1: the tags are the
  same whatever the conformance level, and veraPDF checks the claim. ``b`` (visual appearance
  only) and ``u`` (text extractable as Unicode) differ in what they promise, not in the file
  publish writes.
- ``pdf/ua-1``: tagged PDF/UA-1 alone (PDF 1.7, no PDF/A claim), with the files embedded and
  listed in ``/AF`` as in PDF/A-3 (a PDF 2.0 key, which a PDF 1.7 reader ignores).
- ``plain``: an ordinary PDF; no tags, no claim, nothing embedded.

WeasyPrint 70 also knows PDF/A-1b and 1a, 2a, 3a, PDF/A-4, PDF/UA-2 and PDF/X; they are left
out until a test builds them and veraPDF passes them (PDF/A-1, for one, forbids embedded files).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Variant:
    """One PDF variant: its name, WeasyPrint's options for it, and what the file claims."""

    name: str
    #: Keyword arguments for WeasyPrint's ``write_pdf``.
    options: Mapping[str, Any]
    #: The standards the file claims, as veraPDF flavours (``3u``, ``2b``, ``ua1``).
    flavours: tuple[str, ...] = ()
    #: The sources, the cleaned Markdown and the change log are embedded.
    attaches: bool = False
    #: A few words for ``--help``.
    summary: str = ""

    @property
    def pdfa(self) -> bool:
        """The file claims a part of PDF/A (ISO 19005)."""
        return any(f[0].isdigit() for f in self.flavours)


def _pdfa(name: str, attaches: bool, summary: str) -> Variant:
    options = {"pdf_variant": name, "pdf_tags": True}
    return Variant(name, options, (name[-2:], "ua1"), attaches, summary)


VARIANTS: dict[str, Variant] = {
    v.name: v
    for v in (
        _pdfa("pdf/a-3u", True, "PDF/A-3u + PDF/UA-1, sources embedded"),
        _pdfa("pdf/a-3b", True, "PDF/A-3b + PDF/UA-1, sources embedded"),
        _pdfa("pdf/a-2u", False, "PDF/A-2u + PDF/UA-1, nothing embedded"),
        _pdfa("pdf/a-2b", False, "PDF/A-2b + PDF/UA-1, nothing embedded"),
        Variant(
            "pdf/ua-1",
            {"pdf_variant": "pdf/ua-1", "pdf_tags": True},
            ("ua1",),
            True,
            "PDF/UA-1 alone, sources embedded",
        ),
        Variant("plain", {}, summary="an ordinary PDF"),
    )
}


def described() -> str:
    """Every variant with its summary, for ``--help``."""
    return "; ".join(f"{v.name}: {v.summary}" for v in VARIANTS.values())
