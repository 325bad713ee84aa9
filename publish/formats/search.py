"""Full-text search without a server: Pagefind (PyPI ``pagefind[extended]``, whose extended
binary segments Chinese) indexes the documents' pages, in shards.

Pagefind keeps one index per page language, so a search from a Chinese page would not see
English pages. The site therefore indexes everything as one language (Pagefind's
``force_language``, the site's language) and searches on one page, ``search/index.html``,
which every page's search form sends its query to. Only the documents' ``index.html`` pages
are read: a document's change log (``changes.html``) is no text to search, and can be several
times the size of the document.

The documents are split into :func:`shards` of at most about :data:`SHARD_PAGES` pages, by a
hash of the slug, so a document stays in its shard as others come and go. Each shard is its
own Pagefind bundle (the first in ``pagefind/``, the others in ``pagefind/shard-N/``), indexed
and cached on its own: an edited document runs Pagefind over its shard only, and the indexer's
memory is bounded by the shard's size, not the site's. Pagefind is given the pages one at a
time, as the build writes them (:mod:`publish.formats.indexer`). The search page merges the
bundles at query time (Pagefind's ``mergeIndex``).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from pathlib import Path

from publish.formats.indexer import Indexer

#: Documents in one shard, at most about (shards double in number as the site grows).
SHARD_PAGES = 128
_BUNDLE = "pagefind"


def shards(slugs: list[str]) -> list[list[str]]:
    """The documents of each non-empty shard, in slug order: as many shards as a power of two
    keeps under :data:`SHARD_PAGES` each, a document in the shard its slug's hash names."""
    count = 1
    while len(slugs) > count * SHARD_PAGES:
        count *= 2
    found: list[list[str]] = [[] for _ in range(count)]
    for slug in sorted(slugs):
        found[int(hashlib.sha256(slug.encode("utf-8")).hexdigest()[:8], 16) % count].append(slug)
    return [shard for shard in found if shard]


def bundle(number: int) -> str:
    """The folder of shard ``number``'s bundle under the site (the first: ``pagefind``)."""
    return _BUNDLE if number == 0 else f"{_BUNDLE}/shard-{number}"


def merged(slugs: list[str]) -> list[str]:
    """The bundles the search page merges into the first one's (site-relative folders)."""
    return [f"{bundle(n)}/" for n in range(1, len(shards(slugs)))]


def index(indexer: Indexer, pages: Iterable[tuple[str, str]], output: Path) -> None:
    """Pagefind's index of ``pages`` (each a document's slug and the text of its page, taken
    as they come: :class:`~publish.formats.indexer.Indexer`) into the bundle ``output``; the
    indexer ends with it, whatever happens."""
    try:
        for slug, html in pages:
            indexer.add(f"/{slug}/", html)
        indexer.write(output)
    finally:
        indexer.close()


def page(site: Path, slug: str, final: Path | None = None) -> str:
    """The text of ``slug``'s page in ``site``, or in ``final`` (the site the last build left,
    where a staging folder does not have the page)."""
    path = site / slug / "index.html"
    if final is not None and not path.is_file():
        path = final / slug / "index.html"
    return path.read_text("utf-8")


_IGNORED = "<div data-pagefind-ignore>"
_PIECE = 1 << 20  # characters compared at a time


def without_ignored(page: str, body: str, cut: int) -> str | None:
    """``page`` without ``body[cut:]``, the end of a document past what the index takes
    (``limits.search_chars``), where the theme wraps it in an element Pagefind ignores: the
    index is the same (tested), and Pagefind parses a few megabytes instead of the whole
    page. None when the page has no such element, or the end has what Pagefind reads even
    there (``data-pagefind-`` filters and metadata). (Compared a piece at a time: the end of
    a large document is not copied whole.)"""
    if body.find("data-pagefind", cut) >= 0:
        return None
    at = page.find(_IGNORED + body[cut : cut + 256]) + len(_IGNORED)
    end = at + len(body) - cut
    if at < len(_IGNORED) or page[end : end + 6] != "</div>":
        return None
    for start in range(cut, len(body), _PIECE):
        if not page.startswith(body[start : start + _PIECE], at + start - cut):
            return None
    return page[:at] + page[end:]
