"""Parse stage: cleaned Markdown -> :class:`~publish.model.Document`.

Renders the body HTML once (shared by all formats), collects headings for the tables of
contents, takes the title from the front matter or the first ``#`` heading (which then is not
repeated in the body), checks every local image and records it as an asset.
"""

from __future__ import annotations

import dataclasses
import logging
import mimetypes
import re
from pathlib import PurePosixPath

from markdown_it.token import Token

from publish.cjk import is_wide
from publish.config import Config
from publish.errors import ContentError
from publish.model import Asset, CleanedSource, Document, Heading, Jump
from publish.parse.mdit import make_parser
from publish.parse.meta import build_metadata
from publish.parse.slugs import heading_slug

log = logging.getLogger(__name__)

MEDIA_TYPES = {
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".gif": "image/gif",
    ".svg": "image/svg+xml",
    ".webp": "image/webp",
}


def plain_text(inline: Token) -> str:
    """The text of an inline token without markup; a line break reads as a space in Latin text."""
    parts: list[str] = []
    for child in inline.children or []:
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append("\n")
    text = "".join(parts)
    return _BREAK.sub(lambda m: "" if _cjk_pair(m) else " ", text).strip()


_BREAK = re.compile(r"(?<=(.))\n(?=(.))", re.DOTALL)


def _cjk_pair(match: re.Match[str]) -> bool:
    return is_wide(match[1]) and is_wide(match[2])


def _headings(tokens: list[Token]) -> list[Heading]:
    return [
        Heading(int(token.tag[1]), plain_text(tokens[i + 1]), str(token.attrs.get("id", "")))
        for i, token in enumerate(tokens)
        if token.type == "heading_open"
    ]


def _outline(tokens: list[Token]) -> list[Heading]:
    """Headings and bold run-in heads in order; run-in paragraphs get an id to link to."""
    found: list[Heading] = []
    level, used = 1, {str(t.attrs.get("id")) for t in tokens if t.attrs.get("id")}
    for i, token in enumerate(tokens):
        if token.type == "heading_open":
            level = int(token.tag[1])
            found.append(Heading(level, plain_text(tokens[i + 1]), str(token.attrs.get("id", ""))))
            continue
        if token.type != "paragraph_open" or token.level != 0 or i + 1 >= len(tokens):
            continue
        children = [c for c in tokens[i + 1].children or [] if c.type != "text" or c.content]
        if len(children) < 3:
            continue
        if children[0].type != "strong_open":
            continue
        text = "".join(
            c.content
            for c in children[
                1 : children.index(next(c for c in children if c.type == "strong_close"))
            ]
            if c.type == "text"
        )
        if not text:
            continue
        anchor, number = f"run-{heading_slug(text)}", 1
        while anchor in used:
            number += 1
            anchor = f"run-{heading_slug(text)}-{number}"
        used.add(anchor)
        token.attrs["id"] = anchor
        found.append(Heading(min(level + 1, 6), text.strip(), anchor, run_in=True))
    return found


def _summary(tokens: list[Token]) -> str:
    for i, token in enumerate(tokens):
        if token.type == "paragraph_open" and token.level == 0:
            return plain_text(tokens[i + 1])
    return ""


def _assets(tokens: list[Token], cleaned: CleanedSource) -> list[Asset]:
    source = cleaned.source
    assets: dict[str, Asset] = {}
    for block in tokens:
        for token in block.children or []:
            if token.type != "image":
                continue
            src = str(token.attrs.get("src", ""))
            if ":" in src.split("/")[0] or src.startswith(("/", "#")):
                continue  # remote or absolute: left as written
            where = cleaned.locate(block.map[0] if block.map else 0)
            rel = PurePosixPath(src.split("#")[0].split("?")[0])
            path = source.path.parent.joinpath(*rel.parts)
            if ".." in rel.parts or not path.is_file():
                raise ContentError(
                    f"{where}: image {src!r} not found next to the document; put it in a "
                    "folder beside the .md file and refer to it by a relative path"
                )
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
            token.attrs["src"] = rel.as_posix()
            assets.setdefault(rel.as_posix(), Asset(path, rel.as_posix(), str(media)))
    return list(assets.values())


def _cover(cleaned: CleanedSource) -> Asset | None:
    source = cleaned.source
    value = source.front_matter.get("cover")
    if value is None:
        return None
    rel = PurePosixPath(str(value))
    folder = source.path.parent if source.path.is_file() else source.path
    path = folder.joinpath(*rel.parts)
    media = MEDIA_TYPES.get(path.suffix.lower())
    if ".." in rel.parts or not path.is_file() or media is None:
        raise ContentError(
            f"{source.display_path}: cover {str(value)!r} is not an image next to the "
            f"document; use a relative path to one of: {', '.join(sorted(MEDIA_TYPES))}"
        )
    return Asset(path, rel.as_posix(), media)


def _outer_jumps(cleaned: CleanedSource) -> list[Jump]:
    """The jumps that leave the article: where its first fragment came from and its last
    continues; the ones between its own fragments were used to stitch them."""
    if not cleaned.fragments:
        return list(cleaned.jumps)
    first, last = cleaned.fragments[0].display_path, cleaned.fragments[-1].display_path
    return [
        j
        for j in cleaned.jumps
        if (j.direction == "from" and j.path == first) or (j.direction == "to" and j.path == last)
    ]


def parse(cleaned: CleanedSource, config: Config) -> Document:
    md = make_parser(config.allow_html)
    env: dict[str, object] = {}
    tokens = md.parse(cleaned.text, env)
    headings = _headings(tokens)
    first_h1 = next((h.text for h in headings if h.level == 1), "")
    meta = build_metadata(cleaned.source, config, first_h1, _outer_jumps(cleaned))
    leading_h1 = bool(tokens) and tokens[0].type == "heading_open" and tokens[0].tag == "h1"
    if leading_h1 and headings[0].text == meta.title:
        tokens, headings = tokens[3:], headings[1:]
    assets = _assets(tokens, cleaned)
    outline = _outline(tokens)
    meta = dataclasses.replace(meta, cover=_cover(cleaned))
    html = md.renderer.render(tokens, md.options, env)
    return Document(
        slug=cleaned.source.slug,
        meta=meta,
        body_html=html,
        headings=tuple(headings),
        outline=tuple(outline),
        summary=_summary(tokens),
        cleaned=cleaned,
        assets=tuple(assets),
    )
