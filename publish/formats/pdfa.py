"""Archival PDF: PDF/A-3u with tags, identified as PDF/UA-1, with the cleaned source attached.

WeasyPrint 70 writes PDF/A-3u and, with ``pdf_tags``, a tagged structure that passes veraPDF's
3u profile. For PDF/UA-1 the XMP must also carry ``pdfuaid:part`` (veraPDF clause 5), which
WeasyPrint's ``xmp_metadata`` option cannot add to its own description; :func:`finisher` edits
the XMP stream after WeasyPrint built it, adds the Dublin Core WeasyPrint leaves out (language,
identifier, date, rights, subjects, publisher and the source: the newspaper pages), and keeps
the stream uncompressed so format identifiers recognise PDF/A.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import datetime
from typing import Any
from xml.sax.saxutils import escape

from publish.labels import provenance
from publish.model import Document

#: ``pdf.variant`` values and the WeasyPrint options they stand for.
VARIANTS: dict[str, dict[str, Any]] = {
    "pdf/a-3u": {"pdf_variant": "pdf/a-3u", "pdf_tags": True},
    "plain": {},
}
DEFAULT = "pdf/a-3u"

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


def attachment_options(doc: Document, built: datetime) -> dict[str, Any]:
    """The cleaned Markdown source, attached as the PDF's source (AFRelationship Source)."""
    from weasyprint import Attachment

    text = doc.cleaned.source.front_matter_text + doc.cleaned.text
    attachment = Attachment(
        string=text,
        name=f"{doc.slug}.md",
        description="Cleaned Markdown source",
        created=built,
        modified=built,
        relationship="Source",
    )
    return {"attachments": [attachment]}


def finisher(doc: Document) -> Any:
    """A WeasyPrint finisher adding PDF/UA identification and the Dublin Core WeasyPrint
    leaves out to the XMP, and listing each associated file once."""

    def finish(_document: Any, pdf: Any) -> None:
        files = pdf.catalog.get("AF")
        if files:  # WeasyPrint lists each attachment twice (from the names and the specs)
            files[:] = list(dict.fromkeys(files))
        for obj in pdf.objects:
            extra = getattr(obj, "extra", None)
            if not isinstance(extra, dict) or extra.get("Subtype") != "/XML":
                continue
            data = b"".join(
                part if isinstance(part, bytes) else str(part).encode() for part in obj.stream
            )
            source = provenance(doc.meta)
            addition = _UA_SCHEMA + (
                '<rdf:Description rdf:about="" '
                'xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/" pdfuaid:part="1"/>'
            )
            addition += _dublin_core(doc, source, data)
            match = _DESCRIPTION.search(data)
            if match and b"pdfuaid:part" not in data:
                data = data[: match.start()] + addition.encode() + data[match.start() :]
            obj.stream = [data]
            obj.compress = False

    return finish


def _dublin_core(doc: Document, source: str, xmp: bytes) -> str:
    """The document's language, identifier, date, rights, subjects, publisher and source
    (the newspaper pages) as XMP Dublin Core, each with its XMP value type, those WeasyPrint
    did not write."""
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
    if not found:
        return ""
    return f'<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">{found}</rdf:Description>'
