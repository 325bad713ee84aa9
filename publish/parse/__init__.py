"""Parse stage: cleaned Markdown -> :class:`~publish.model.Document`.

Renders the body HTML once (shared by all formats), collects headings for the tables of
contents, takes the title from the front matter or the first ``#`` heading (which then is not
repeated in the body), checks every local image and records it as an asset, and anchors each
place where a page of the original starts (:mod:`publish.parse.pages`).
"""

from __future__ import annotations

import dataclasses
import logging
import re
from collections.abc import Mapping

from markdown_it.token import Token

from publish import sanitise
from publish.cjk import break_unseen
from publish.config import Config
from publish.model import CleanedSource, Document, Heading, Jump
from publish.parse import assets, checks, links, pages, typography
from publish.parse.mdit import make_parser
from publish.parse.meta import build_metadata, document_language
from publish.parse.slugs import heading_slug

log = logging.getLogger(__name__)


def plain_text(inline: Token) -> str:
    """The text of an inline token without markup; a line break reads as a space in Latin text."""
    parts: list[str] = []
    for child in inline.children or []:
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append("\n")
    text = "".join(parts)
    return _BREAK.sub(lambda m: "" if _unseen(m) else " ", text).strip()


_BREAK = re.compile(r"(?<=.)\n(?=.)", re.DOTALL)


def _unseen(match: re.Match[str]) -> bool:
    text, at = match.string, match.start()
    return break_unseen(text[max(0, at - 2) : at], text[at + 1 : at + 3])


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
    tried: dict[str, int] = {}
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
        close = next(n for n, c in enumerate(children) if c.type == "strong_close")
        text = "".join(c.content for c in children[1:close] if c.type == "text")
        if not text:
            continue
        base = f"run-{heading_slug(text)}"
        number = tried.get(base, 1)  # (numbers below were taken: never look at them again)
        anchor = base if number == 1 else f"{base}-{number}"
        while anchor in used:
            number += 1
            anchor = f"{base}-{number}"
        tried[base] = number
        used.add(anchor)
        token.attrs["id"] = anchor
        found.append(Heading(min(level + 1, 6), text.strip(), anchor, run_in=True))
    return found


SUMMARY = 200  # characters: a summary (feed, index, description) is never the whole text


def _summary(tokens: list[Token]) -> str:
    for i, token in enumerate(tokens):
        if token.type == "paragraph_open" and token.level == 0:
            text = plain_text(tokens[i + 1])
            return text if len(text) <= SUMMARY else text[: SUMMARY - 1].rstrip() + "…"
    return ""


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


def parse(
    cleaned: CleanedSource,
    config: Config,
    attributes: tuple[str, ...] = (),
    latin_typography: str = "on",
    documents: Mapping[str, str] | None = None,
) -> Document:
    """``cleaned`` as a document; ``attributes`` are the ones the theme lets {…} set,
    ``latin_typography`` the theme's switch for quotes and dashes in Latin-script text,
    ``documents`` every source of the build and its slug (:mod:`publish.parse.links`)."""
    checks.no_control_characters(cleaned)
    md = make_parser(config.allow_html)
    early: list[str] = []
    language = document_language(cleaned.source, config, cleaned.text, early)
    tokens, env, inline = pages.parse_marked(md, cleaned, {"attributes": attributes})
    checks.dropped_attributes(env, cleaned)
    checks.within_limits(tokens, cleaned, config.limits)
    if typography.applies(language[0], latin_typography):
        typography.apply(tokens, language[0])
    headings = _headings(tokens)
    first_h1 = next((h.text for h in headings if h.level == 1), "")
    meta = build_metadata(
        cleaned.source, config, first_h1, _outer_jumps(cleaned), (language, early)
    )
    if typography.applies(language[0], latin_typography):
        meta = dataclasses.replace(
            meta,
            title=typography.plain(meta.title, language[0]),
            subtitle=typography.plain(meta.subtitle, language[0]),
        )
    leading_h1 = bool(tokens) and tokens[0].type == "heading_open" and tokens[0].tag == "h1"
    if leading_h1 and headings[0].text == meta.title:
        tokens, headings = tokens[3:], headings[1:]
    doc_links = links.resolve(tokens, cleaned, documents or {})
    images = assets.assets(tokens, cleaned, config)
    outline = _outline(tokens)
    tokens, page_anchors = pages.place(tokens, cleaned, meta, inline)
    meta = dataclasses.replace(meta, cover=assets.cover(cleaned, config))
    cut = checks.search_cut(tokens, cleaned, config.limits)
    parts = [md.renderer.render(part, md.options, env) for part in (tokens[:cut], tokens[cut:])]
    if config.allow_html:  # raw HTML went through: it keeps no script, style or handler
        parts = [sanitise.html(part) if part else part for part in parts]
    parts = [pages.finish(part, page_anchors) for part in parts]  # (after: they keep role=…)
    anchors = links.missing_anchors("".join(parts), tokens, cleaned)
    return Document(
        slug=cleaned.source.slug,
        meta=meta,
        body_html="".join(parts),
        headings=tuple(headings),
        outline=tuple(outline),
        summary=_summary(tokens),
        cleaned=cleaned,
        assets=tuple(images),
        search_cut=len(parts[0]) if cut < len(tokens) else 0,
        pages=page_anchors.anchors,
        anchors=anchors,
        doc_links=tuple(doc_links),
    )
