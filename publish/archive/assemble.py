"""Step 6 - assemble the payload from a fresh build: per document its originals, cleaned
Markdown, change log, PDF and EPUB (:func:`add_document`); the site once (:func:`add_site`).

The originals are copied byte for byte, in whatever encoding and line ends they came in, under
their path in the project (``source/content/a.md``), which is the path the change log's
``file`` fields give. A document's review side file (``a.review.yaml``, ``review.yaml`` of an
article folder) goes beside them, and so do the images it shows (as they are in the project:
the site and the EPUB hold the copies made safe, an SVG without script). The build's outputs
are moved, not copied: the build is a temporary folder of this archive run.
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from pathlib import Path

from publish import decisions, formatlist
from publish.archive.layout import DOCUMENTS, SITE, SOURCE, ArchiveError, clean_names
from publish.config import Config
from publish.discover import display, inside
from publish.fsutil import safe_join
from publish.model import Article, Document


@dataclass(frozen=True)
class Collection:
    """What a payload is made from: the project, its documents as read, and a fresh build of
    them (``built/clean/``, ``pdf/``, ``epub/``, ``site/``)."""

    config: Config
    articles: tuple[Article, ...]
    documents: tuple[Document, ...]
    built: Path

    def article(self, slug: str) -> Article:
        found = next((a for a in self.articles if a.slug == slug), None)
        if found is None:
            raise ArchiveError(f"{slug}: no document has this slug in the collection")
        return found


def originals(article: Article, doc: Document, root: Path) -> list[Path]:
    """The files ``article`` was read from, in order, its review side file if it has one, and
    the images its document shows."""
    images = [a.path for a in (*doc.assets, doc.meta.cover) if a is not None]
    files = [fragment.path for fragment in article.fragments]
    files += sorted(set(images) - set(files))
    side = decisions.side_file(article.path)
    if side.is_file():
        if not inside(side, root):
            raise ArchiveError(
                f"{display(side, root)}: is a link to a file outside the project; copy the "
                "file into the project instead"
            )
        files.append(side)
    return files


def _move(source: Path, target: Path) -> Path:
    target.parent.mkdir(parents=True, exist_ok=True)
    os.replace(source, target)
    return target


def add_document(slug: str, folder: Path, collection: Collection) -> list[Path]:
    """Fill ``folder`` (``data/documents/<slug>/``) with the document's files; return them."""
    root, built = collection.config.root, collection.built
    written = []
    doc = next(d for d in collection.documents if d.slug == slug)
    for path in originals(collection.article(slug), doc, root):
        target = safe_join(folder / SOURCE, display(path, root))
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, target)
        written.append(target)
    clean_md, changes = clean_names(slug)
    written.append(_move(built / "clean" / f"{slug}.md", folder / clean_md))
    written.append(_move(built / "clean" / f"{slug}.changes.json", folder / changes))
    for fmt in formatlist.DOCUMENT_FILES:
        file = formatlist.document_file(fmt, slug)
        written.append(_move(built / file, folder / f"{slug}{fmt.suffix}"))
    return written


def add_site(collection: Collection, payload: Path) -> Path:
    """Move the built site to ``payload/site/``."""
    return _move(collection.built / SITE, payload / SITE)


def add_all(collection: Collection, payload: Path) -> list[Path]:
    """Every document under ``payload/documents/``, then the site; return the documents' files."""
    written = []
    for article in collection.articles:
        folder = safe_join(payload / DOCUMENTS, article.slug)
        written.extend(add_document(article.slug, folder, collection))
    add_site(collection, payload)
    return written
