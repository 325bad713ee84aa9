"""EPUB package metadata: Dublin Core, creators with roles, the source with its newspaper pages
and the front matter's source fields (as ``meta refines``), and EPUB Accessibility 1.1
(``schema:accessMode`` … ``dcterms:conformsTo``)."""

from __future__ import annotations

from typing import Any

from publish.labels import provenance
from publish.model import Document

#: The source fields of front matter, as refinements of the original (``#original``).
_REFINES = (
    ("publication", "dcterms:isPartOf"),
    ("edition", "schema:printEdition"),
    ("section", "schema:printSection"),
    ("place", "dcterms:spatial"),
    ("archive_id", "dcterms:identifier"),
    ("captured", "dcterms:date"),
)


def _source(book: Any, doc: Document) -> None:
    """``dc:source``: the address of the original (``id="original"``, refined by the source
    fields: publication, edition, pages, …) and the citation line; or the citation alone."""
    origin, line = doc.meta.origin, provenance(doc.meta)
    if not origin and not line:
        return
    book.add_metadata("DC", "source", origin.url or line, {"id": "original"} if origin else {})
    if origin.url and line:
        book.add_metadata("DC", "source", line)
    refinements = [(prop, getattr(origin, name)) for name, prop in _REFINES]
    refinements.append(("schema:printPage", ", ".join(origin.pages)))
    for prop, value in refinements:
        if value:
            book.add_metadata(None, "meta", value, {"refines": "#original", "property": prop})


def add_metadata(book: Any, doc: Document) -> None:
    meta = doc.meta
    book.set_identifier(meta.identifier)
    book.set_title(meta.title)
    book.set_language(meta.language)
    book.set_direction("ltr")
    if meta.subtitle:
        book.add_metadata("DC", "title", meta.subtitle, {"id": "subtitle"})
        book.add_metadata(
            None, "meta", "subtitle", {"refines": "#subtitle", "property": "title-type"}
        )
    for number, author in enumerate(meta.authors, start=1):
        book.add_author(author, uid=f"creator-{number}", role="aut")
    for name, value in (("date", meta.date), ("publisher", meta.publisher)):
        if value:
            book.add_metadata("DC", name, value)
    _source(book, doc)
    if meta.rights:
        book.add_metadata("DC", "rights", meta.rights)
    for keyword in meta.keywords:
        book.add_metadata("DC", "subject", keyword)
    images = bool(doc.assets)
    features = [
        "structuralNavigation",
        "tableOfContents",
        "readingOrder",
        "displayTransformability",
        *(["alternativeText"] if images else []),
    ]
    for prop, value in (
        ("schema:accessMode", "textual"),
        *((("schema:accessMode", "visual"),) if images else ()),
        ("schema:accessModeSufficient", "textual"),
        *(("schema:accessibilityFeature", f) for f in features),
        ("schema:accessibilityHazard", "none"),
        (
            "schema:accessibilitySummary",
            "Text with headings, a navigable table of contents and a logical reading order; "
            "images have text alternatives; no hazards.",
        ),
        ("dcterms:conformsTo", "EPUB Accessibility 1.1 - WCAG 2.1 Level AA"),
    ):
        book.add_metadata(None, "meta", value, {"property": prop})
