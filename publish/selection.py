"""Which documents a build reads, and which of them it writes.

``publish build`` reads the content folder. ``publish build content/x.md`` reads it too (the
site's index, its neighbours and the links between documents need every document) but writes
only what it was asked for: ``x``'s outputs in every format asked for, and, when the site is
one of them, the other documents' site pages from the cache or made again. The other
documents' PDFs, EPUBs and cleaned text stay as the last build left them. A named source
outside the content folder joins the collection for this build; a named file inside an
article's folder names that article. ``publish archive`` reads only what it is given.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from publish import formatlist, read
from publish.config import Config
from publish.discover import display
from publish.errors import ContentError
from publish.model import Article


@dataclass(frozen=True)
class Collection:
    articles: tuple[Article, ...]
    #: The slugs of the documents named on the command line (every one when none was named).
    chosen: frozenset[str]
    #: Whether the whole content folder was read: the manifest may then drop the entries of
    #: documents it no longer holds (publish.manifest).
    whole: bool

    def formats(self, article: Article, names: tuple[str, ...]) -> tuple[str, ...]:
        """The formats to write for ``article``: all of ``names`` for a chosen document, the
        site's for the others."""
        if article.slug in self.chosen:
            return names
        return tuple(name for name in names if name in formatlist.COLLECTION)


def _named(path: Path, content: Path) -> Path | None:
    """The document of the content folder ``path`` names (a file inside an article's folder
    names the folder), or None when the content folder's documents do not hold it."""
    try:
        inside = path.resolve().relative_to(content.resolve())
    except ValueError:
        return None
    if not path.exists():
        return None  # (reading it says so)
    if not inside.parts:
        return content
    top = inside.parts[0]
    return None if top.startswith((".", "_")) else content / top


def _within(path: Path, named: Sequence[Path]) -> bool:
    found = path.resolve()
    return any(found == n or found.is_relative_to(n) for n in named)


def read_collection(config: Config, sources: Sequence[Path], rest: bool = True) -> Collection:
    """The articles of the build and which of them were named (see the module's docstring);
    with ``rest`` false, only the named ones."""
    content = config.content_dir
    if not sources and not content.is_dir():
        raise ContentError(
            f"{config.content}/: content folder not found in {config.root}; create it and add "
            "Markdown files, or pass the files to build: publish build FILE.md"
        )
    whole = (rest or not sources) and content.is_dir()
    inside = [_named(path, content) if whole else None for path in sources]
    others = [path for path, found in zip(sources, inside, strict=True) if found is None]
    paths = ([content] if whole else []) + others
    articles = read.read_all(paths, config.root, defaults=config.clean, limits=config.limits)
    if not sources:
        return Collection(tuple(articles), frozenset(a.slug for a in articles), whole)
    wanted = [(found or path).resolve() for path, found in zip(sources, inside, strict=True)]
    chosen = frozenset(a.slug for a in articles if _within(a.path, wanted))
    for path, named in zip(sources, wanted, strict=True):
        if not any(_within(a.path, [named]) for a in articles):
            raise ContentError(
                f"{display(path, config.root)}: not a Markdown document of the project; name "
                "a .md file, an article's folder, or a folder holding .md files"
            )
    return Collection(tuple(articles), chosen, whole)
