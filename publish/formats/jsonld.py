"""schema.org JSON-LD for a document's page on the site: a ``NewsArticle`` when the text ran in
a newspaper (a publication, edition, page, section or jump line is known), else a ``Report``,
with ``isBasedOn`` the original it was captured from.

The JSON is written inside ``<script type="application/ld+json">``, a data block browsers never
run; ``<``, ``>`` and ``&`` are escaped, so no value from the front matter can close it.
"""

from __future__ import annotations

import json

from publish.labels import provenance
from publish.model import Document


def _original(doc: Document) -> dict[str, object]:
    meta, origin = doc.meta, doc.meta.origin
    found: dict[str, object] = {"@type": "WebPage" if origin.url else "CreativeWork"}
    found["name"] = provenance(meta) or meta.title
    if origin.url:
        found["url"] = origin.url
    if origin.archive_id:
        found["identifier"] = origin.archive_id
    if origin.publication:
        found["isPartOf"] = {"@type": "Periodical", "name": origin.publication}
    return found


def document_jsonld(doc: Document, page_url: str) -> dict[str, object]:
    meta, origin = doc.meta, doc.meta.origin
    printed = origin.publication or origin.edition or origin.pages or origin.section
    data: dict[str, object] = {
        "@context": "https://schema.org",
        "@type": "NewsArticle" if printed or meta.continued_from or meta.continues_on else "Report",
        "headline": meta.title,
        "inLanguage": meta.language,
        "identifier": meta.identifier,
        "url": page_url,
    }
    optional: dict[str, object] = {
        "alternativeHeadline": meta.subtitle,
        "author": [{"@type": "Person", "name": name} for name in meta.authors],
        "datePublished": meta.date,
        "description": doc.summary,
        "keywords": list(meta.keywords),
        "copyrightNotice": meta.rights,
        "publisher": {"@type": "Organization", "name": meta.publisher} if meta.publisher else "",
        "printEdition": origin.edition,
        "printPage": ", ".join(origin.pages),
        "printSection": origin.section,
        "locationCreated": {"@type": "Place", "name": origin.place} if origin.place else "",
    }
    data.update((key, value) for key, value in optional.items() if value)
    if origin or meta.source or meta.continued_from or meta.continues_on:
        data["isBasedOn"] = _original(doc)
    return data


def script_text(data: dict[str, object]) -> str:
    """``data`` as JSON safe to place inside a ``<script>`` data block."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")
