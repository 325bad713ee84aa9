"""The original's pages in the EPUB (EPUB 3.3 page navigation, DPUB-ARIA): each page-start
anchor of the body (:mod:`publish.parse.pages`) marked ``epub:type="pagebreak"`` too, a
``page-list`` nav in the navigation document linking to each in its chapter file, and
``<meta property="pageBreakSource">`` in the package naming the printed edition the pages are
of: the publication (else the front matter's ``source``, else "the printed newspaper") and its
edition (else the date). A document without page starts gets none of these.
"""

from __future__ import annotations

import html
import re
from typing import Any

from publish.labels import labels
from publish.model import Document
from publish.parse.pages import CLASS

_ANCHOR = f'<span class="{CLASS}" role="doc-pagebreak" '
#: Page-start anchors alone on the lines ending a chapter: they belong to the next one.
_TRAILING = re.compile(rf"(?:^{re.escape(_ANCHOR)}[^\n]*</span>\n\s*)+\Z", re.M)


def with_epub_type(chapter: str) -> str:
    """``chapter`` (XHTML) with ``epub:type="pagebreak"`` on its page-start anchors."""
    return chapter.replace(_ANCHOR, _ANCHOR + 'epub:type="pagebreak" ')


def carry_forward(parts: list[str]) -> list[str]:
    """Chapters split before headings, a page start that stood just before a heading moved
    from the end of one chapter to the head of the next."""
    moved, carried = [], ""
    if not parts:
        return parts
    for part in parts:
        part = carried + part
        found = _TRAILING.search(part)
        carried = found.group(0) if found else ""
        moved.append(part[: found.start()] if found else part)
    moved[-1] += carried  # (the last chapter keeps its own)
    return [part for part in moved if part.strip()]


def page_source(doc: Document) -> str:
    """The printed edition the page-list follows."""
    meta, origin = doc.meta, doc.meta.origin
    words = labels(meta.language)
    separator = "，" if meta.language.lower().startswith("zh") else ", "
    name = origin.publication or meta.source or words["page_source"]
    edition = origin.edition or meta.date
    return separator.join(part for part in (name, edition) if part)


def add_page_source(book: Any, doc: Document) -> None:
    """``pageBreakSource`` in the package metadata, when the document has page starts."""
    if doc.pages:
        book.add_metadata(None, "meta", page_source(doc), {"property": "pageBreakSource"})


def page_list(doc: Document, book: Any) -> str:
    """The ``page-list`` nav of ``book`` (ebooklib's): each page start's page, linking to its
    anchor in the chapter file that holds it; "" without page starts."""
    homes: dict[str, str] = {}
    for item in book.get_items():
        text = getattr(item, "content", None)
        if not isinstance(text, str):
            continue
        for anchor in doc.pages:
            if f'id="{html.escape(anchor.id)}"' in text:
                homes.setdefault(anchor.id, item.file_name)
    items = "".join(
        f'<li><a href="{html.escape(homes[a.id])}#{html.escape(a.id)}">{html.escape(a.page)}</a>'
        "</li>\n"
        for a in doc.pages
        if a.id in homes
    )
    if not items:
        return ""
    title = html.escape(labels(doc.meta.language)["page_list"])
    return (
        '<nav epub:type="page-list" role="doc-pagelist" id="page-list" hidden="">\n'
        f"<h2>{title}</h2>\n<ol>\n{items}</ol>\n</nav>\n"
    )


def with_page_list(nav: bytes, found: str) -> bytes:
    """The navigation document ``nav`` with the page-list ``found`` at the end of its body."""
    if not found or b"</body>" not in nav:
        return nav
    at = nav.rindex(b"</body>")
    return nav[:at] + found.encode("utf-8") + nav[at:]
