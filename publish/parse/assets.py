"""Images and covers under the resource policy (:mod:`publish.resources`): each a file inside
the project, of a known type, read once (an SVG cleaned) and shared by every format. A remote
image becomes its description, with a warning, unless ``[build] allow_remote`` is set."""

from __future__ import annotations

import hashlib
import logging
import mimetypes
import re
from pathlib import PurePosixPath
from urllib.parse import unquote, urlsplit

from markdown_it.token import Token

from publish import resources
from publish.config import Config
from publish.errors import ContentError
from publish.model import Asset, CleanedSource

log = logging.getLogger(__name__)

_SAFE = re.compile(r"[A-Za-z0-9._-]+")
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")
MEDIA_TYPES = {
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".gif": "image/gif",
    ".svg": "image/svg+xml",
    ".webp": "image/webp",
}


def published_name(href: str) -> str:
    """The name an image gets in the site and the EPUB: ``href`` where each part of it is
    letters, digits, ``.``, ``-`` and ``_``; else that part in those characters and a hash of
    ``href`` (``产量 图.svg`` -> ``image-1a2b3c4d.svg``), since a space makes an invalid URL and
    EPUBCheck warns about spaces and non-ASCII names."""
    parts = href.split("/")
    for at, part in enumerate(parts):
        if part in (".", "..") or _SAFE.fullmatch(part):
            continue
        stem, dot, suffix = part.rpartition(".") if "." in part else (part, "", "")
        plain = _UNSAFE.sub("-", stem).strip("-") or "image"
        digest = hashlib.sha1(href.encode("utf-8"), usedforsecurity=False).hexdigest()[:8]
        parts[at] = f"{plain}-{digest}{dot}{_UNSAFE.sub('', suffix).lower()}"
    return "/".join(parts)


def _image(token: Token, block: Token, cleaned: CleanedSource, config: Config) -> Asset | None:
    """The asset an image token names, after the resource policy; None when it is inline,
    or remote (then, unless allowed, the image becomes its description)."""
    src = str(token.attrs.get("src", ""))
    where = cleaned.locate(block.map[0] if block.map else 0)
    kind = resources.kind_of(src)
    if kind == "inline" or (kind == "remote" and config.allow_remote):
        return None
    if kind == "remote":
        log.warning(
            "%s: remote image %r left out: a build reaches no network; save it beside the "
            "document and use a relative path (or set [build] allow_remote = true)",
            where,
            src,
        )
        token.type, token.tag, token.attrs, token.children = "text", "", {}, None
        token.content = token.content or ""
        return None
    path = resources.local_file(src, cleaned.source.path.parent, config.root, where, "image")
    media = MEDIA_TYPES.get(path.suffix.lower()) or mimetypes.guess_type(path.name)[0]
    if media not in MEDIA_TYPES.values():
        raise ContentError(
            f"{where}: image {src!r} has an unsupported type; use one of "
            + ", ".join(sorted(MEDIA_TYPES))
        )
    if not token.content.strip():
        log.warning(
            "%s: image %r has no alt text; describe what it shows: ![description](%s)",
            where,
            src,
            src,
        )
    href = published_name(PurePosixPath(unquote(urlsplit(src).path)).as_posix())
    token.attrs["src"] = href
    data = resources.read_image(path, src, where, str(media))
    return Asset(path.resolve(), href, str(media), data)


def assets(tokens: list[Token], cleaned: CleanedSource, config: Config) -> list[Asset]:
    assets: dict[str, Asset] = {}
    for block in tokens:
        for token in block.children or []:
            if token.type == "image":
                asset = _image(token, block, cleaned, config)
                if asset is not None:
                    assets.setdefault(asset.href, asset)
    return list(assets.values())


def cover(cleaned: CleanedSource, config: Config) -> Asset | None:
    source = cleaned.source
    value = source.front_matter.get("cover")
    if value is None:
        return None
    folder = source.path.parent if source.path.is_file() else source.path
    where = source.display_path
    path = resources.local_file(str(value), folder, config.root, where, "cover")
    media = MEDIA_TYPES.get(path.suffix.lower())
    if media is None:
        raise ContentError(
            f"{where}: cover {str(value)!r} is not an image; use one of: "
            + ", ".join(sorted(MEDIA_TYPES))
        )
    href = PurePosixPath(str(value)).as_posix()
    return Asset(path.resolve(), href, media, resources.read_image(path, str(value), where, media))
