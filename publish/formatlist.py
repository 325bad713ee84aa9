"""The output formats, in one place and in the order a build writes them.

Everything that names the formats reads this list: the configuration's check of ``formats``,
``--format``, the registry of the modules that write them (:mod:`publish.formats`), theme
stylesheets per format, the site's download links, the archive's documents, the build's
choice of what to make for documents not named on the command line, and ``publish check``.

The order is explicit: the PDF and the EPUB before the site, because the site's page of a
document offers the PDF and EPUB made for it (:func:`publish.formats.site.downloads`); a
build writes the formats in this order whatever order ``--format`` names them in.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Format:
    #: The name in ``formats`` and ``--format``.
    name: str
    #: The module writing it (see :mod:`publish.formats`).
    module: str
    #: Its folder under the output folder.
    folder: str
    #: A file per document, ``<folder>/<slug><suffix>``, offered as a download on the site and
    #: kept in the archive ("" for the site, whose pages are the collection's).
    suffix: str = ""


FORMATS: tuple[Format, ...] = (
    Format("pdf", "publish.formats.pdf", "pdf", ".pdf"),
    Format("epub", "publish.formats.epub", "epub", ".epub"),
    Format("html", "publish.formats.site", "site"),
)
NAMES: tuple[str, ...] = tuple(f.name for f in FORMATS)
#: The formats with one file per document (the site's pages link them, the archive keeps them).
DOCUMENT_FILES: tuple[Format, ...] = tuple(f for f in FORMATS if f.suffix)
#: The formats whose pages are the whole collection's: a build of some documents makes them for
#: every document (publish.selection).
COLLECTION: tuple[str, ...] = tuple(f.name for f in FORMATS if not f.suffix)
#: The folders a build writes its formats into.
FOLDERS: tuple[str, ...] = tuple(f.folder for f in FORMATS)


def get(name: str) -> Format:
    """The format called ``name`` (one of :data:`NAMES`)."""
    return next(f for f in FORMATS if f.name == name)


def ordered(names: tuple[str, ...] | list[str]) -> tuple[str, ...]:
    """``names`` (known ones, no repeats) in the build's order."""
    return tuple(name for name in NAMES if name in names)


def document_file(fmt: Format, slug: str) -> str:
    """Where the document's file of ``fmt`` is, under the output folder."""
    return f"{fmt.folder}/{slug}{fmt.suffix}"
