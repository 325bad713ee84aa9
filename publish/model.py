"""Typed objects handed from stage to stage. No I/O happens here."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple


class Change(NamedTuple):
    """One edit a clean pass made or suggested: where, by which pass, what before and after.

    ``id`` is stable across builds (pass, content and context, never a counter), so a reviewer
    can accept or reject it. A structural edit says why (``evidence``) and how sure the pass is
    (``confidence``, 0-1); one below the threshold is a suggestion (``applied`` false) unless
    accepted, and a rejected one is never applied (``decision``). A named tuple, not a frozen
    dataclass: a large document has a million of them, made four times faster.
    """

    pass_name: str
    path: str
    line: int
    before: str
    after: str
    id: str = ""
    applied: bool = True
    confidence: float = 1.0
    evidence: tuple[str, ...] = ()
    decision: str = ""  # "accepted", "rejected" or ""

    def as_json(self) -> dict[str, object]:
        found: dict[str, object] = {
            "id": self.id,
            "pass": self.pass_name,
            "file": self.path,
            "line": self.line,
            "before": self.before,
            "after": self.after,
            "applied": self.applied,
            "confidence": self.confidence,
        }
        if self.evidence:
            found["evidence"] = list(self.evidence)
        if self.decision:
            found["decision"] = self.decision
        return found


@dataclass(frozen=True)
class Furniture:
    """A line of page furniture the cleaner removed: a page marker, running head or foot, or a
    folio (``kind``), as printed, and where it was."""

    kind: str
    text: str
    path: str
    line: int

    def as_json(self) -> dict[str, str | int]:
        return {"kind": self.kind, "text": self.text, "file": self.path, "line": self.line}


@dataclass(frozen=True)
class CleanSettings:
    """How one document is cleaned: ``[clean]`` of ``publish.toml``, then the document's
    ``clean:`` front matter, then the reviewer's side file, each over the one before."""

    #: Structural edits at least this sure are applied; the rest are suggestions.
    threshold: float = 0.8
    enable: tuple[str, ...] = ()
    disable: tuple[str, ...] = ()
    #: Edit ids a reviewer accepted (applied even below the threshold) or rejected.
    accept: frozenset[str] = frozenset()
    reject: frozenset[str] = frozenset()
    #: Where the decisions were written, for messages (``content/a.review.yaml``).
    decided_in: str = ""


@dataclass(frozen=True)
class Jump:
    """A newspaper jump line the cleaner removed: where the text came from or continues."""

    direction: str  # "from" (上接, continued from) or "to" (下转, continued on)
    page: str  # normalised: "1", "A6"; "" when the page is not printed (××)
    column: str
    text: str  # the marker as printed
    path: str
    line: int

    def as_json(self) -> dict[str, str | int]:
        return {
            "direction": self.direction,
            "page": self.page,
            "column": self.column,
            "text": self.text,
            "file": self.path,
            "line": self.line,
        }


@dataclass(frozen=True)
class PageStart:
    """Where a page of the original newspaper starts in the cleaned text, and the line that
    says so (``kind``): a "continued on" jump (``to``: what follows ran on ``page``), a
    "continued from" one (``from``: what follows is on the fragment's own page, ``""`` until
    the front matter's ``pages`` names it; or, where text stood before it, that text began on
    the page it names) or a page marker (``page marker``). See :mod:`publish.clean.pagestarts`."""

    page: str
    offset: int  # in the cleaned text: its first character that ran on ``page``
    kind: str
    text: str  # the line as printed
    path: str
    line: int

    def as_json(self) -> dict[str, str | int]:
        return {
            "page": self.page,
            "offset": self.offset,
            "kind": self.kind,
            "text": self.text,
            "file": self.path,
            "line": self.line,
        }


@dataclass(frozen=True)
class PageAnchor:
    """A page start placed in the body HTML: the page, the element's id and the label shown."""

    page: str
    id: str
    label: str


@dataclass(frozen=True)
class Source:
    """A document as read from disk: front matter split off, body not yet cleaned."""

    path: Path
    display_path: str
    slug: str
    front_matter: dict[str, object]
    front_matter_text: str
    body: str
    body_line: int  # 1-based line of the file where ``body`` starts


@dataclass(frozen=True)
class Article:
    """One document to build: a single file, or the fragments of one article in a folder."""

    slug: str
    path: Path
    display_path: str
    fragments: tuple[Source, ...]
    settings: CleanSettings = field(default_factory=CleanSettings)


@dataclass(frozen=True)
class CleanedSource:
    """A source after the clean passes, with every change they made."""

    source: Source
    text: str
    changes: tuple[Change, ...]
    jumps: tuple[Jump, ...] = ()
    fragments: tuple[Source, ...] = ()
    furniture: tuple[Furniture, ...] = ()
    #: Where the original's pages start in ``text`` (from jump lines and page markers).
    page_starts: tuple[PageStart, ...] = ()
    #: Review decisions that matched no edit (the text changed since they were made).
    stale: tuple[str, ...] = ()
    #: How it was cleaned: the settings and the names of the passes run.
    settings: CleanSettings = field(default_factory=CleanSettings)
    passes: tuple[str, ...] = ()
    #: Maps an offset of ``text`` to the (file, line) of the source it came from.
    origin: Callable[[int], tuple[str, int]] | None = field(default=None, compare=False)
    #: The source ended its lines with CRLF throughout, and is its author's own (it shows no
    #: conversion): what is written of it ends them so too (:attr:`written`).
    crlf: bool = False

    @property
    def written(self) -> str:
        """Front matter and cleaned body, as a file of them is written: with the source's CRLF
        line endings where it had them throughout and is its author's own (a Windows user's
        file, one mark repaired, keeps its line endings: review 122)."""
        whole = self.source.front_matter_text + self.text
        return whole.replace("\r\n", "\n").replace("\n", "\r\n") if self.crlf else whole

    @property
    def applied(self) -> tuple[Change, ...]:
        """The edits that were made."""
        return tuple(c for c in self.changes if c.applied)

    @property
    def suggestions(self) -> tuple[Change, ...]:
        """The edits only suggested (below the threshold, or rejected by a reviewer)."""
        return tuple(c for c in self.changes if not c.applied)

    def locate(self, line_index: int) -> str:
        """``file:line`` in the source of the 0-based ``line_index`` of the cleaned text."""
        offset = 0
        for _ in range(line_index):
            offset = self.text.find("\n", offset) + 1
        if self.origin is None:
            return f"{self.source.display_path}:{self.source.body_line + line_index}"
        path, line = self.origin(offset)
        return f"{path}:{line}"


@dataclass(frozen=True)
class Asset:
    """A file the document references (an image), and its path relative to the document."""

    path: Path
    href: str
    media_type: str
    #: Its bytes, read once when the document was parsed (an SVG cleaned then).
    data: bytes = b""


@dataclass(frozen=True)
class Origin:
    """Where a text was found, from the front matter's source fields (all optional): the page
    it was captured from and when, and the printed issue it ran in. ``extra`` holds the
    project's own fields, as text, for templates."""

    url: str = ""
    captured: str = ""  # ISO 8601 date or date-time
    publication: str = ""
    edition: str = ""
    #: Page labels and ranges as printed, normalised: ``("2–3",)``, ``("A1", "A6")``.
    pages: tuple[str, ...] = ()
    section: str = ""
    place: str = ""
    archive_id: str = ""
    extra: tuple[tuple[str, str], ...] = ()

    @property
    def first_page(self) -> str:
        """The page the text starts on (``"2"`` of ``2–3``), or ``""``."""
        return self.pages[0].split("–")[0] if self.pages else ""

    @property
    def extras(self) -> dict[str, str]:
        return dict(self.extra)

    def __bool__(self) -> bool:
        return any(getattr(self, name) for name in self.__dataclass_fields__)


@dataclass(frozen=True)
class Metadata:
    """What a document says about itself, front matter over ``publish.toml`` defaults."""

    title: str
    language: str
    identifier: str
    #: Why ``language``: the front matter, the text (what it shows), or publish.toml.
    language_reason: str = ""
    subtitle: str = ""
    authors: tuple[str, ...] = ()
    date: str = ""
    source: str = ""
    keywords: tuple[str, ...] = ()
    rights: str = ""
    publisher: str = ""
    #: Newspaper pages the text came from and continues on, from the jump lines removed.
    continued_from: tuple[str, ...] = ()
    continues_on: tuple[str, ...] = ()
    #: The document's own cover image (front matter ``cover:``), else one is generated.
    cover: Asset | None = None
    origin: Origin = field(default_factory=Origin)


@dataclass(frozen=True)
class Heading:
    """A heading of the body: level 1-6, plain text and its stable id."""

    level: int
    text: str
    id: str
    #: A bold run-in head (``**加快发展数字经济。**…``), one level below the heading above it.
    run_in: bool = False


@dataclass(frozen=True)
class Document:
    """A parsed document: metadata, body HTML, headings for the table of contents."""

    slug: str
    meta: Metadata
    body_html: str
    headings: tuple[Heading, ...]
    summary: str
    cleaned: CleanedSource
    assets: tuple[Asset, ...] = field(default=())
    #: Headings and bold run-in heads in document order (run-ins for deeper tables of contents).
    outline: tuple[Heading, ...] = field(default=())
    #: Where the part of ``body_html`` left out of the site's search index starts (a boundary
    #: between top-level blocks; 0: none is left out). See ``limits.search_chars``.
    search_cut: int = 0
    #: The original's page starts, as anchors in ``body_html`` (see :mod:`publish.parse.pages`).
    pages: tuple[PageAnchor, ...] = field(default=())
    #: Every id in ``body_html``, and the links into other documents with a ``#fragment``:
    #: (the link's file:line, the other's slug, the fragment), checked once all are parsed.
    anchors: tuple[str, ...] = field(default=())
    doc_links: tuple[tuple[str, str, str], ...] = field(default=())

    @property
    def source_path(self) -> Path:
        return self.cleaned.source.path


@dataclass(frozen=True)
class Summary:
    """What the pages of the whole collection (index, feed, sitemap, the neighbours' links)
    read of a document: kept in the build cache, so that they are written again without
    parsing it."""

    slug: str
    meta: Metadata
    summary: str
    #: Its ids and its links into other documents' fragments (see :class:`Document`).
    anchors: tuple[str, ...] = ()
    doc_links: tuple[tuple[str, str, str], ...] = ()

    @classmethod
    def of(cls, doc: Document) -> Summary:
        from dataclasses import replace

        meta = replace(doc.meta, cover=None)
        return cls(doc.slug, meta, doc.summary, doc.anchors, doc.doc_links)
