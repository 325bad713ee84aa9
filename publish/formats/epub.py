"""EPUB 3 via ebooklib: chapters, nav document with landmarks, NCX, cover, full metadata with
accessibility information (EPUB Accessibility 1.1), the theme's CSS, images.

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

from publish import formatlist
from publish.formats import BuildContext
from publish.formats.cover import cover_svg
from publish.formats.epubfonts import embedded_fonts, font_face_css
from publish.formats.epubmeta import add_metadata
from publish.formats.epubpages import add_page_source, page_list, with_page_list
from publish.formats.epubsplit import Chapter, chapters, home_of
from publish.fsutil import atomic_path
from publish.labels import labels
from publish.model import Document, Heading
from publish.timestamps import build_time

log = logging.getLogger(__name__)

_PACKAGE_TAG = re.compile(rb"<package\b[^>]*>")


def _toc(headings: tuple[Heading, ...], parts: list[Chapter]) -> list[Any]:
    """Nested table of contents: level-2 headings, level-3 ones beneath them, and run-in heads
    beneath their heading when ``headings`` includes them."""
    from ebooklib import epub

    root: list[Any] = []
    stack: list[tuple[int, list[Any]]] = [(0, root)]
    for heading in (h for h in headings if h.level <= 3 or h.run_in):
        while stack[-1][0] >= heading.level:
            stack.pop()
        children: list[Any] = []
        stack[-1][1].append((heading, children))
        stack.append((heading.level, children))

    def convert(nodes: list[Any]) -> list[Any]:
        items = []
        for heading, children in nodes:
            target = f"{home_of(parts, heading.id)}#{heading.id}"
            if children:
                items.append((epub.Section(heading.text, target), convert(children)))
            else:
                items.append(epub.Link(target, heading.text, f"nav-{heading.id}"))
        return items

    return convert(root)


def _cover(book: Any, doc: Document, ctx: BuildContext) -> Any:
    """The cover image (the document's own, or one drawn from the theme) and its page."""
    from ebooklib import epub

    cover = doc.meta.cover
    if cover is not None:
        name, data = f"images/cover{cover.path.suffix.lower()}", cover.data
    else:
        name, data = "images/cover.svg", cover_svg(doc, ctx.renderer.theme.variables)
    book.set_cover(name, data, create_page=False)
    words = labels(doc.meta.language)
    page = epub.EpubHtml(
        title=words["cover"],
        file_name="cover.xhtml",
        lang=doc.meta.language,
        content=ctx.renderer.render(
            "epub_cover.html", doc=doc, image=name, lang=doc.meta.language, labels=words
        ),
    )
    book.add_item(page)
    return page


def _book(doc: Document, ctx: BuildContext, css: str) -> Any:
    from ebooklib import epub

    meta = doc.meta
    words = labels(meta.language)
    book = epub.EpubBook()
    add_metadata(book, doc)
    add_page_source(book, doc)
    cover_page = _cover(book, doc, ctx)
    if ctx.config.epub_embed_fonts:
        text = doc.meta.title + doc.meta.subtitle + doc.cleaned.text + "".join(words.values())
        fonts = embedded_fonts(ctx.renderer.theme.variables, meta.language, text)
        for number, font in enumerate(fonts, start=1):
            kind = "font/otf" if font.file_name.endswith(".otf") else "font/ttf"
            book.add_item(
                epub.EpubItem(
                    uid=f"font-{number}",
                    file_name=font.file_name,
                    media_type=kind,
                    content=font.data,
                )
            )
        css = font_face_css(fonts) + "\n" + css
    style = epub.EpubItem(
        uid="style",
        file_name="style/publish.css",
        media_type="text/css",
        content=css.encode("utf-8"),
    )
    book.add_item(style)
    parts = chapters(doc, ctx.config.url)
    documents = []
    for number, part in enumerate(parts):
        html = ctx.renderer.render(
            "epub_chapter.html",
            doc=doc,
            chapter=part,
            first=number == 0,
            last=number == len(parts) - 1,
            lang=meta.language,
            labels=words,
        )
        item = epub.EpubHtml(
            title=part.title, file_name=part.file_name, lang=meta.language, content=html
        )
        item.add_item(style)
        book.add_item(item)
        documents.append(item)
    for number, asset in enumerate(doc.assets, start=1):
        book.add_item(
            epub.EpubItem(
                uid=f"asset-{number}",
                file_name=asset.href,
                media_type=asset.media_type,
                content=asset.data,
            )
        )
    outline = doc.outline if ctx.config.epub_toc_run_in else doc.headings
    book.toc = _toc(outline, parts) or [epub.Link(parts[0].file_name, meta.title, "nav-start")]
    book.guide = [
        {"type": "cover", "href": "cover.xhtml", "title": words["cover"]},
        {"type": "toc", "href": "nav.xhtml", "title": words["contents"]},
        {"type": "bodymatter", "href": parts[0].file_name, "title": meta.title},
    ]
    book.add_item(epub.EpubNcx())
    nav = epub.EpubNav(title=words["contents"])
    nav.lang = meta.language
    book.add_item(nav)
    book.spine = [cover_page, *documents, "nav"]
    return book


def _with_package_lang(opf: bytes, language: str) -> bytes:
    tag = _PACKAGE_TAG.search(opf)
    if tag is None or b"xml:lang" in tag.group(0):
        return opf
    opening = tag.group(0)
    return opf.replace(opening, opening[:-1] + f' xml:lang="{language}">'.encode(), 1)


def repack(raw: Path, target: Path, built: datetime, language: str, pages: str = "") -> None:
    """Rewrite ebooklib's archive deterministically and set the package's ``xml:lang``; add
    the ``pages`` nav (:func:`~publish.formats.epubpages.page_list`) to the navigation."""
    with zipfile.ZipFile(raw) as archive:
        entries = {info.filename: archive.read(info) for info in archive.infolist()}
    for name in entries:
        if name.endswith(".opf"):
            entries[name] = _with_package_lang(entries[name], language)
        elif name.endswith("/nav.xhtml"):
            entries[name] = with_page_list(entries[name], pages)
    order = ["mimetype", *sorted(n for n in entries if n != "mimetype")]
    with zipfile.ZipFile(target, "w") as archive:
        for name in order:
            info = zipfile.ZipInfo(name, date_time=built.timetuple()[:6])
            info.compress_type = zipfile.ZIP_STORED if name == "mimetype" else zipfile.ZIP_DEFLATED
            info.external_attr = 0o100644 << 16
            info.create_system = 3
            archive.writestr(info, entries[name], compresslevel=9)


def document(ctx: BuildContext, doc: Document) -> list[Path]:
    """``epub/<slug>.epub`` of one document."""
    from ebooklib import epub

    css = ctx.renderer.prepared.get("epub")
    if not isinstance(css, str):
        css = ctx.renderer.prepared["epub"] = ctx.renderer.stylesheet("epub")
    built = build_time([doc.meta.date])  # its own date: never another document's
    target = ctx.out / formatlist.document_file(formatlist.get("epub"), doc.slug)
    with atomic_path(target) as tmp, tempfile.TemporaryDirectory(dir=ctx.out) as scratch:
        raw = Path(scratch) / "ebooklib.epub"
        options = {
            "mtime": built,
            "epub3_pages": False,
            "epub3_landmark": True,
            "landmark_title": labels(doc.meta.language)["guide"],
        }
        book = _book(doc, ctx, css)
        epub.write_epub(str(raw), book, options)
        repack(raw, tmp, built, doc.meta.language, page_list(doc, book))
    log.debug("  %s (%d KiB)", target, target.stat().st_size // 1024)
    return [target]
