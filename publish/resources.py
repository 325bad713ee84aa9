"""The resource policy: what a build may read and fetch, one place for every format.

- **No network.** A build fetches nothing. A remote image (``http:``, ``https:``, ``//host``)
  is left out with a warning naming its file and line; with ``[build] allow_remote = true``
  the site and the EPUB refer to it where it is (the reader's browser fetches it), and the PDF
  still leaves it out.
- **Only the project's files.** An image is a file inside the project (``publish.toml``'s
  folder), every link followed; an absolute path, a ``file:`` URL or a path leading out is an
  error. The PDF renderer is given a fetcher that serves only the document's checked images,
  the theme's font files and inline ``data:`` images, and refuses anything else.
- **Inert images.** Image bytes are read once, when the document is parsed; an SVG is cleaned
  then (:mod:`publish.svgclean`), so every format gets the same cleaned copy.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit

from publish.errors import ContentError
from publish.svgclean import SvgError, clean

log = logging.getLogger(__name__)

_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*):")
#: Where a theme's font files may be, besides the project.
SYSTEM_FONTS = (
    Path("/usr/share/fonts"),
    Path("/usr/local/share/fonts"),
    Path("/usr/share/texlive"),
    Path("/usr/share/texmf"),
    Path.home() / ".local" / "share" / "fonts",
    Path.home() / ".fonts",
)
FONT_SUFFIXES = frozenset({".otf", ".ttf", ".ttc", ".otc", ".woff", ".woff2"})


def kind_of(src: str) -> str:
    """``inline`` (a data: image), ``remote``, ``scheme`` (any other URL), ``absolute`` or
    ``relative``."""
    if src.startswith("//"):
        return "remote"
    scheme = _SCHEME.match(src)
    if scheme:
        name = scheme.group(1).lower()
        return {"data": "inline", "http": "remote", "https": "remote"}.get(name, "scheme")
    return "absolute" if src.startswith(("/", "\\")) else "relative"


def inside(path: Path, root: Path) -> bool:
    return path.resolve().is_relative_to(root.resolve())


def local_file(src: str, folder: Path, root: Path, where: str, what: str) -> Path:
    """The file a relative ``src`` names from ``folder``, when it is inside ``root``."""
    rel = PurePosixPath(unquote(urlsplit(src).path))
    path = folder.joinpath(*rel.parts)
    if kind_of(src) != "relative" or not inside(path, root):
        raise ContentError(
            f"{where}: {what} {src!r} is outside the project; a build reads only files inside "
            "it: put the file in a folder beside the document and use a relative path"
        )
    if ".." in rel.parts:  # (every output keeps it beside the page, under its own name)
        raise ContentError(
            f"{where}: {what} {src!r} leads out of the document's folder with '..'; move the "
            "file into a folder beside the document"
        )
    if not path.is_file():
        raise ContentError(
            f"{where}: {what} {src!r} not found next to the document; put it in a folder "
            "beside the .md file and refer to it by a relative path"
        )
    return path


def read_image(path: Path, src: str, where: str, media_type: str) -> bytes:
    """The bytes of an image the document uses; an SVG cleaned of anything active."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ContentError(f"{where}: image {src!r} cannot be read: {exc.strerror}") from None
    if media_type != "image/svg+xml":
        return data
    try:
        return clean(data)
    except SvgError as exc:
        raise ContentError(
            f"{where}: image {src!r} is not a valid SVG ({exc}); export it again as SVG, or "
            "use a PNG"
        ) from None


def font_allowed(path: Path, root: Path, theme_folders: tuple[Path, ...]) -> bool:
    """A theme may load a font file from the project, its own folders or the system's font
    folders, and nothing else."""
    if path.suffix.lower() not in FONT_SUFFIXES:
        return False
    resolved = path.resolve()
    folders = (root, *theme_folders, *SYSTEM_FONTS)
    return any(resolved.is_relative_to(folder.resolve()) for folder in folders)
