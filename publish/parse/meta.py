"""Document metadata: YAML front matter over ``publish.toml`` defaults, checked key by key.

Known keys: title, subtitle, author, authors, date, language (or lang), identifier, source,
keywords, rights, publisher, slug, cover, clean (read by :mod:`publish.decisions`) and the
source fields of :mod:`publish.parse.origin` (source_url, captured, pages, …). Unknown
keys are warnings naming file and line; a value of the wrong type is an error naming file and
line.
"""

from __future__ import annotations

import logging
import re
import uuid
from collections.abc import Sequence

from publish import language
from publish.config import Config
from publish.errors import ContentError, brief
from publish.model import Jump, Metadata, Source
from publish.parse import fields, origin

log = logging.getLogger(__name__)

KNOWN_KEYS = frozenset(
    [
        "title",
        "subtitle",
        "author",
        "authors",
        "date",
        "language",
        "lang",
        "identifier",
        "source",
        "keywords",
        "rights",
        "publisher",
        "slug",
        "cover",
        "clean",
        *origin.KEYS,
    ]
)
_LANG = re.compile(r"^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$")


def document_language(
    source: Source, config: Config, text: str, problems: list[str]
) -> tuple[str, str]:
    """The document's language and why (:mod:`publish.language`); a warning when its
    text contradicts the language its front matter declares."""
    key = "language" if "language" in source.front_matter else "lang"
    declared = fields.text(source, key, problems)
    found = language.shown(text, config.language)
    if declared and language.contradicts(declared, found):
        log.warning(
            "%s: language %s, but the text looks like %s (%s); correct '%s:' or remove it",
            fields.where(source, key),
            declared,
            found.tag,
            found.reason,
            key,
        )
    if declared:
        chosen = (declared, f"the front matter's '{key}'")
    elif found.tag:
        chosen = (found.tag, f"from the text: {found.reason}")
    else:
        chosen = (config.language, f"publish.toml's language: {found.reason}")
    log.debug("%s: language %s, %s", source.display_path, *chosen)
    return chosen


def build_metadata(
    source: Source,
    config: Config,
    first_heading: str,
    jumps: Sequence[Jump] = (),
    chosen: tuple[tuple[str, str], list[str]] | None = None,
) -> Metadata:
    """``chosen``: the language :func:`document_language` chose and the problems it found
    (else it is chosen here, from the front matter and publish.toml alone)."""
    problems: list[str] = list(chosen[1]) if chosen else []
    language, language_reason = (
        chosen[0] if chosen else document_language(source, config, "", problems)
    )
    for key in sorted(set(source.front_matter) - KNOWN_KEYS):
        log.warning(
            "%s:%d: unknown front matter key %r; known keys: %s",
            source.display_path,
            fields.key_line(source, key),
            key,
            ", ".join(sorted(KNOWN_KEYS)),
        )
    title = fields.text(source, "title", problems) or first_heading
    wrong = source.front_matter.get("title") is not None  # (one of the wrong type: an error)
    if not title and not wrong:
        log.warning(
            "%s: no title: add 'title:' to the front matter or a '# ' heading; using %r",
            source.display_path,
            source.slug,
        )
        title = source.slug
    lang_key = "language" if "language" in source.front_matter else "lang"
    if not _LANG.match(language):
        problems.append(
            f"{fields.where(source, lang_key)}: language {brief(language)} is not a BCP 47 tag "
            "such as zh-CN or en"
        )
    authors = sum((fields.text_list(source, key, problems) for key in ("authors", "author")), ())
    identifier = fields.text(source, "identifier", problems) or (
        "urn:uuid:" + str(uuid.uuid5(uuid.NAMESPACE_URL, f"publish:{source.slug}:{title}"))
    )
    meta = Metadata(
        title=title,
        language=language,
        language_reason=language_reason,
        identifier=identifier,
        subtitle=fields.text(source, "subtitle", problems),
        authors=authors or ((config.author,) if config.author else ()),
        date=fields.date(source, "date", problems),
        source=fields.text(source, "source", problems),
        keywords=fields.text_list(source, "keywords", problems),
        rights=fields.text(source, "rights", problems),
        publisher=fields.text(source, "publisher", problems) or config.publisher,
        continued_from=tuple(dict.fromkeys(j.page for j in jumps if j.direction == "from")),
        continues_on=tuple(dict.fromkeys(j.page for j in jumps if j.direction == "to")),
        origin=origin.read_origin(source, problems),
    )
    if problems:
        raise ContentError(*problems)
    return meta
