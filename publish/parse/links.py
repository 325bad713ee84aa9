"""Links between documents, and references that lead nowhere.

``[river](river-news.md)``, ``[river](river-news.md#flood)`` and links into fragment folders
name the *source* of another document of the build; they become its site address
(``../river-news/index.html#flood``, marked ``class="doc-link"``), which
:func:`for_offline` turns into the site's absolute URL for the EPUB and the PDF when
``url`` is set, else into plain text. A link to a ``.md`` file that is not in the build, a
``#fragment`` that names no heading or note of this document or of the other one it links
to, and a footnote reference without its note (``[^9]``, which Markdown prints as typed) are
warnings with the source's file and line. (A link into another document's fragment is checked
once every document is parsed: :func:`missing_targets`.)
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote, unquote, urlsplit

from markdown_it.token import Token

from publish.model import Article, CleanedSource, Summary

log = logging.getLogger(__name__)

_UNDEFINED_NOTE = re.compile(r"\[\^[^\]\s]+\]")
_ID = re.compile(r'\bid="([^"]+)"')
_DOC_LINK = re.compile(
    r'<a href="\.\./([^"/]+)/index\.html(#[^"]*)?"[^>]*\bclass="doc-link"[^>]*>(.*?)</a>',
    re.DOTALL,
)
#: A file name ending ``.md`` as a link names it: what follows a ``/``, a bracket or a quote.
_NAME_CHAR = r"[^\s()\[\]<>\"'/#?]"
_MD_NAME = re.compile(rf"{_NAME_CHAR}+\.md", re.IGNORECASE)
_MD_END = re.compile(r"\.md(?!\w)", re.IGNORECASE)
_LAST_PART = re.compile(f"{_NAME_CHAR}*")
_LOCAL = ("localhost", "127.0.0.1", "[::1]", "")


def link_map(articles: list[Article]) -> dict[str, str]:
    """Each source file of the build (resolved, as text) -> the slug of its document."""
    return {
        str(source.path.resolve()): article.slug
        for article in articles
        for source in article.fragments
    }


@dataclass(frozen=True)
class Named:
    """The documents of a build (:func:`link_map`) by the name of their source file."""

    plain: dict[str, list[tuple[str, str]]]  # names as a link's last part is typed
    odd: tuple[tuple[str, tuple[str, str]], ...]  # names with spaces, brackets or quotes

    @classmethod
    def of(cls, documents: Mapping[str, str]) -> Named:
        plain: dict[str, list[tuple[str, str]]] = {}
        odd = []
        for path, slug in documents.items():
            name = Path(path).name
            if _MD_NAME.fullmatch(name):
                plain.setdefault(name, []).append((path, slug))
            else:
                odd.append((name, (path, slug)))
        return cls(plain, tuple(odd))


def linked(article: Article, named: Named) -> list[tuple[str, str]]:
    """The documents the article may link to (its text names their file, as typed or
    %-encoded): what its cached result depends on besides itself. (The names in the text are
    looked up: a thousand documents each looking for a thousand names took 5 s.)"""
    text = "".join(source.body for source in article.fragments).replace("\\", "")
    typed = set()
    for end in _MD_END.finditer(text):  # (a name read backwards from each ".md")
        before = text[max(0, end.start() - 255) : end.start()][::-1]
        typed.add(_LAST_PART.match(before)[0][::-1] + end[0])  # type: ignore[index]
    said = typed | {unquote(name) for name in typed if "%" in name}
    found = [entry for name in said for entry in named.plain.get(name, ())]
    found += [entry for name, entry in named.odd if name in text or quote(name) in text]
    return sorted(found)


def resolve(
    tokens: list[Token], cleaned: CleanedSource, documents: Mapping[str, str]
) -> list[tuple[str, str, str]]:
    """Rewrite links to other documents' sources; warn about those that lead nowhere. Return
    the links into another document's ``#fragment`` (file:line, slug, fragment), which
    :func:`missing_targets` checks once every document is parsed."""
    source = cleaned.source.path
    into: list[tuple[str, str, str]] = []
    for block in tokens:
        for token in block.children or []:
            if token.type == "text" and _UNDEFINED_NOTE.search(token.content):
                log.warning(
                    "%s: footnote reference %s has no note; add its text: %s: …",
                    _where(cleaned, block),
                    _UNDEFINED_NOTE.search(token.content)[0],  # type: ignore[index]
                    _UNDEFINED_NOTE.search(token.content)[0],  # type: ignore[index]
                )
            if token.type != "link_open":
                continue
            href = str(token.attrs.get("href", ""))
            parts = urlsplit(href)
            if parts.scheme or parts.netloc or not parts.path.lower().endswith(".md"):
                continue
            target = str((source.parent / unquote(parts.path)).resolve())
            slug = documents.get(target)
            if slug is None:
                log.warning(
                    "%s: link to %s: no such document in this build; link to a source that "
                    "is built, or to the site's address of the page",
                    _where(cleaned, block),
                    parts.path,
                )
                continue
            fragment = f"#{parts.fragment}" if parts.fragment else ""
            token.attrs["href"] = f"../{slug}/index.html{fragment}"
            token.attrs["class"] = "doc-link"
            if parts.fragment and slug != cleaned.source.slug:
                into.append((_where(cleaned, block), slug, unquote(parts.fragment)))
            elif parts.fragment:  # (its own source: checked with the document's own links)
                token.attrs["href"] = fragment
                del token.attrs["class"]
    return into


def missing_anchors(html: str, tokens: list[Token], cleaned: CleanedSource) -> tuple[str, ...]:
    """Warn about ``#fragment`` links of the document that name no id in its own HTML;
    return the ids."""
    ids = set(_ID.findall(html))
    for block in tokens:
        for token in block.children or []:
            href = str(token.attrs.get("href", "")) if token.type == "link_open" else ""
            if href.startswith("#") and len(href) > 1 and unquote(href[1:]) not in ids:
                log.warning(
                    "%s: link to %s: no heading or note has that id; use a heading's id "
                    "(publish clean shows them) or remove the link",
                    _where(cleaned, block),
                    href,
                )
    return tuple(sorted(ids))


def missing_targets(summaries: Iterable[Summary]) -> None:
    """Warn about links into another document's ``#fragment`` that names no id of it (of the
    documents this build parsed or took from the cache)."""
    found = list(summaries)
    ids = {summary.slug: frozenset(summary.anchors) for summary in found}
    for summary in found:
        for where, slug, fragment in summary.doc_links:
            if slug in ids and fragment not in ids[slug]:
                log.warning(
                    "%s: link to #%s of %s: that document has no heading or note with that "
                    "id; use one of its headings' ids (publish clean shows them)",
                    where,
                    fragment,
                    slug,
                )


def for_offline(html: str, url: str) -> str:
    """Links to other documents for the EPUB and the PDF: the site's absolute URL when
    ``url`` is set to a public address, else the link's text alone."""
    if (urlsplit(url).hostname or "") not in _LOCAL:
        base = url if url.endswith("/") else url + "/"
        return _DOC_LINK.sub(lambda m: f'<a href="{base}{m[1]}/{m[2] or ""}">{m[3]}</a>', html)
    return _DOC_LINK.sub(lambda m: m[3], html)


def _where(cleaned: CleanedSource, block: Token) -> str:
    return cleaned.locate(block.map[0] if block.map else 0)
