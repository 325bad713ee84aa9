"""Archival PDF: the XMP WeasyPrint leaves out, and the associated files made true.

WeasyPrint 70 writes the PDF/A or PDF/UA variant (:mod:`publish.formats.pdfvariants`) and, with
``pdf_tags``, a tagged structure that passes veraPDF's PDF/A and PDF/UA-1 profiles. A PDF/A file
identified as PDF/UA-1 must also carry ``pdfuaid:part`` in its XMP (veraPDF clause 5), with
an extension schema describing it (PDF/A allows only predefined schemas); WeasyPrint's
``xmp_metadata`` option cannot add to its own description, so :func:`finisher` edits the XMP
stream after WeasyPrint built it. It adds the Dublin Core WeasyPrint leaves out (language,
identifier, date, rights, subjects, publisher and the source: the newspaper pages), keeps the
stream uncompressed so format identifiers recognise PDF/A, and sets the associated files'
relationships and types (:mod:`publish.formats.pdfattach`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from html import escape  # (quotes too: some stand in attributes)
from typing import Any

from publish.formats.pdfattach import Associated, associate
from publish.formats.pdfvariants import Variant
from publish.labels import provenance
from publish.model import Document

_DESCRIPTION = re.compile(rb"<rdf:Description\b")
#: PDF/A allows only predefined XMP schemas unless an extension schema describes the others.
_UA_SCHEMA = (
    '<rdf:Description rdf:about="" '
    'xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/" '
    'xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#" '
    'xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#">'
    '<pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType="Resource">'
    "<pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>"
    "<pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>"
    "<pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>"
    '<pdfaSchema:property><rdf:Seq><rdf:li rdf:parseType="Resource">'
    "<pdfaProperty:name>part</pdfaProperty:name>"
    "<pdfaProperty:valueType>Integer</pdfaProperty:valueType>"
    "<pdfaProperty:category>internal</pdfaProperty:category>"
    "<pdfaProperty:description>Part of ISO 14289 the file conforms to</pdfaProperty:description>"
    "</rdf:li></rdf:Seq></pdfaSchema:property></rdf:li></rdf:Bag></pdfaExtension:schemas>"
    "</rdf:Description>"
)
_UA_ID = (
    '<rdf:Description rdf:about="" '
    'xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/" pdfuaid:part="1"/>'
)


def finisher(doc: Document, variant: Variant, files: Sequence[Associated]) -> Any:
    """A WeasyPrint finisher: the associated ``files`` each listed once in ``/AF`` with their
    relationships; in the XMP, PDF/UA identification where ``variant`` claims it and WeasyPrint
    did not write it, and the Dublin Core WeasyPrint leaves out."""

    def finish(_document: Any, pdf: Any) -> None:
        associate(pdf, files)
        for obj in pdf.objects:
            extra = getattr(obj, "extra", None)
            if not isinstance(extra, dict) or extra.get("Subtype") != "/XML":
                continue
            data = b"".join(
                part if isinstance(part, bytes) else str(part).encode() for part in obj.stream
            )
            addition = ""
            if "ua1" in variant.flavours and b"pdfuaid:part" not in data:
                addition = (_UA_SCHEMA if variant.pdfa else "") + _UA_ID
            addition += _dublin_core(doc, provenance(doc.meta), data)
            match = _DESCRIPTION.search(data)
            if match:
                data = data[: match.start()] + addition.encode() + data[match.start() :]
            obj.stream = [data]
            obj.compress = False

    return finish


def _dublin_core(doc: Document, source: str, xmp: bytes) -> str:
    """The document's language, identifier, date, rights, subjects, publisher and source
    (the citation of the original and the newspaper pages) as XMP Dublin Core, each with its
    XMP value type, those WeasyPrint did not write; an ``archive_id`` as ``xmp:Identifier``."""
    meta = doc.meta

    def items(kind: str, values: Sequence[str]) -> str:
        return (
            f"<rdf:{kind}>"
            + "".join(f"<rdf:li>{escape(v)}</rdf:li>" for v in values)
            + (f"</rdf:{kind}>")
        )

    rights = f'<rdf:Alt><rdf:li xml:lang="x-default">{escape(meta.rights)}</rdf:li></rdf:Alt>'
    wanted = {
        "language": items("Bag", [meta.language]),
        "identifier": escape(meta.identifier),
        "date": items("Seq", [meta.date[:10]]) if meta.date else "",
        "rights": rights if meta.rights else "",
        "subject": items("Bag", meta.keywords) if meta.keywords else "",
        "publisher": items("Bag", [meta.publisher]) if meta.publisher else "",
        "source": escape(source),
    }
    found = "".join(
        f"<dc:{name}>{value}</dc:{name}>"
        for name, value in wanted.items()
        if value and f"<dc:{name}".encode() not in xmp
    )
    archive = meta.origin.archive_id  # the archive's own number, beside the identifier
    numbers = (
        '<rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/">'
        f"<xmp:Identifier>{items('Bag', [meta.identifier, archive])}</xmp:Identifier>"
        "</rdf:Description>"
        if archive and b"<xmp:Identifier" not in xmp
        else ""
    )
    if not found:
        return numbers
    return (
        f'<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">{found}'
        f"</rdf:Description>{numbers}"
    )
