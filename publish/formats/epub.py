"""EPUB 3 via ebooklib: one chapter, nav document, NCX, metadata, the theme's CSS, images.

ebooklib 0.20 writes zip entries with the current time, gives every author ``id="creator"``
and leaves ``xml:lang`` off ``<package>``; this module gives authors unique ids and repacks the
archive (``mimetype`` first and stored, the rest sorted, fixed times, the package language
set), so the same input gives the same bytes.
"""

from __future__ import annotations

import logging
import re
import tempfile
import zipfile
from datetime import datetime
from pathlib import Path
from typing import Any

from publish.formats import BuildContext
from publish.fsutil import atomic_path
from publish.model import Document, Heading
from publish.render import labels

log = logging.getLogger(__name__)

_PACKAGE_TAG = re.compile(rb"<package\b[^>]*>")


def _toc(headings: tuple[Heading, ...], href: str) -> list[Any]:
    from ebooklib import epub

    root: list[Any] = []
    stack: list[tuple[int, list[Any]]] = [(0, root)]
    for heading in (h for h in headings if h.level <= 3):
        while stack[-1][0] >= heading.level:
            stack.pop()
        children: list[Any] = []
        stack[-1][1].append((heading, children))
        stack.append((heading.level, children))

    def convert(nodes: list[Any]) -> list[Any]:
        items = []
        for heading, children in nodes:
            target = f"{href}#{heading.id}"
            if children:
                items.append((epub.Section(heading.text, target), convert(children)))
            else:
                items.append(epub.Link(target, heading.text, f"nav-{heading.id}"))
        return items

    return convert(root)


def _book(doc: Document, ctx: BuildContext, css: str) -> Any:
    from ebooklib import epub

    meta = doc.meta
    book = epub.EpubBook()
    book.set_identifier(meta.identifier)
    book.set_title(meta.title)
    book.set_language(meta.language)
    book.set_direction("ltr")
    for number, author in enumerate(meta.authors, start=1):
        book.add_author(author, uid=f"creator-{number}")
    for name, value in (
        ("date", meta.date),
        ("publisher", meta.publisher),
        ("source", meta.source),
        ("rights", meta.rights),
    ):
        if value:
            book.add_metadata("DC", name, value)
    for keyword in meta.keywords:
        book.add_metadata("DC", "subject", keyword)
    style = epub.EpubItem(
        uid="style",
        file_name="style/publish.css",
        media_type="text/css",
        content=css.encode("utf-8"),
    )
    book.add_item(style)
    html = ctx.renderer.render(
        "epub_chapter.html", doc=doc, lang=meta.language, labels=labels(meta.language)
    )
    chapter = epub.EpubHtml(
        title=meta.title, file_name=f"{doc.slug}.xhtml", lang=meta.language, content=html
    )
    chapter.add_item(style)
    book.add_item(chapter)
    for number, asset in enumerate(doc.assets, start=1):
        book.add_item(
            epub.EpubItem(
                uid=f"asset-{number}",
                file_name=asset.href,
                media_type=asset.media_type,
                content=asset.path.read_bytes(),
            )
        )
    book.toc = _toc(doc.headings, chapter.file_name) or [
        epub.Link(chapter.file_name, meta.title, "nav-start")
    ]
    book.add_item(epub.EpubNcx())
    nav = epub.EpubNav()
    nav.lang = meta.language
    book.add_item(nav)
    book.spine = ["nav", chapter]
    return book


def _with_package_lang(opf: bytes, language: str) -> bytes:
    tag = _PACKAGE_TAG.search(opf)
    if tag is None or b"xml:lang" in tag.group(0):
        return opf
    opening = tag.group(0)
    return opf.replace(opening, opening[:-1] + f' xml:lang="{language}">'.encode(), 1)


def repack(raw: Path, target: Path, built: datetime, language: str) -> None:
    """Rewrite ebooklib's archive deterministically and set the package's ``xml:lang``."""
    with zipfile.ZipFile(raw) as archive:
        entries = {info.filename: archive.read(info) for info in archive.infolist()}
    for name in entries:
        if name.endswith(".opf"):
            entries[name] = _with_package_lang(entries[name], language)
    order = ["mimetype", *sorted(n for n in entries if n != "mimetype")]
    with zipfile.ZipFile(target, "w") as archive:
        for name in order:
            info = zipfile.ZipInfo(name, date_time=built.timetuple()[:6])
            info.compress_type = zipfile.ZIP_STORED if name == "mimetype" else zipfile.ZIP_DEFLATED
            info.external_attr = 0o100644 << 16
            info.create_system = 3
            archive.writestr(info, entries[name], compresslevel=9)


def build(ctx: BuildContext) -> list[Path]:
    from ebooklib import epub

    css = ctx.renderer.stylesheet("epub")
    written = []
    for doc in ctx.documents:
        target = ctx.out / "epub" / f"{doc.slug}.epub"
        with atomic_path(target) as tmp, tempfile.TemporaryDirectory() as scratch:
            raw = Path(scratch) / "ebooklib.epub"
            options = {"mtime": ctx.built, "epub3_pages": False}
            epub.write_epub(str(raw), _book(doc, ctx, css), options)
            repack(raw, tmp, ctx.built, doc.meta.language)
        log.info("  %s (%d KiB)", target, target.stat().st_size // 1024)
        written.append(target)
    return written
