"""Where everything goes in the bag: one place that names the folders and files of the payload.

The names are part of the archive's contract (the README documents the tree); a change here
is a change of format for everyone who reads old bags.
"""

from __future__ import annotations

import re
from pathlib import Path

from publish.config import Config
from publish.errors import PublishError
from publish.parse.assets import MEDIA_TYPES

#: ``data/documents/<slug>/``: one folder per document (a slug never holds a ``/`` or a dot).
DOCUMENTS = "documents"
#: ``data/documents/<slug>/source/<path in the project>``: the originals, byte for byte.
SOURCE = "source"
#: ``data/site/``: the static site, once for the collection.
SITE = "site"
#: ``data/site.warc.gz``: the same site as a web archive, for a repository's replay tools.
WARC = "site.warc.gz"
#: What a bag's folder (and its ``.tar``) is called after the project folder: ``<name>-bag``.
SUFFIX = "-bag"
#: Checksums of every manifest and tag manifest.
ALGORITHMS = ("sha256", "sha512")
#: The default folder the archive is written to, relative to the project.
DEFAULT_OUT = Path("build") / "archive"

#: ``data/documents/<slug>/<slug>.provenance.jsonld``: the document's provenance (PROV-JSONLD).
PROVENANCE = ".provenance.jsonld"

#: The media type a server sends for each kind of file of the site (in the WARC file).
SITE_TYPES = {
    **MEDIA_TYPES,
    ".html": "text/html; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".json": "application/json",
    ".xml": "application/xml",
    ".txt": "text/plain; charset=utf-8",
    ".pdf": "application/pdf",
    ".epub": "application/epub+zip",
    ".woff2": "font/woff2",
}

_UNSAFE = re.compile(r"[^\w.-]+")


class ArchiveError(PublishError):
    """An archive cannot be made, or a bag failed verification."""

    category = "archive"


def bag_name(config: Config) -> str:
    """``<project folder>-bag``, with anything but letters, digits, ``.``, ``-``, ``_`` as ``-``."""
    name = _UNSAFE.sub("-", config.root.resolve().name).strip("-.")
    return (name or "publish") + SUFFIX


def clean_names(slug: str) -> tuple[str, str]:
    """The cleaned Markdown and the change log of ``slug``, as named in the bag."""
    return f"{slug}.clean.md", f"{slug}.changes.json"


def media_type(path: Path) -> str:
    """What a server sends as ``Content-Type`` for ``path``; the search index's own files
    (``.pf_index``, ``.pagefind``) are binary."""
    return SITE_TYPES.get(path.suffix.lower(), "application/octet-stream")


def in_bag(path: Path, payload: Path) -> str:
    """The path in the bag of ``path``, a file of the payload being assembled in ``payload``
    (which the bag turns into ``data/``)."""
    return "data/" + path.relative_to(payload).as_posix()
