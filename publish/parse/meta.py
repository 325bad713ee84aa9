"""Document metadata: YAML front matter over ``publish.toml`` defaults, checked key by key.

Known keys: title, subtitle, author, authors, date, language (or lang), identifier, source,
keywords, rights, publisher, slug, cover, clean (read by :mod:`publish.decisions`). Unknown
keys are warnings naming file and line; a value of the wrong type is an error naming file and
line.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
import uuid
from collections.abc import Sequence

from publish.config import Config
from publish.errors import ContentError, brief
from publish.model import Jump, Metadata, Source

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
    ]
)
_LANG = re.compile(r"^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$")


def _line(source: Source, key: str) -> int:
    match = re.search(rf"^{re.escape(key)}\s*:", source.front_matter_text, re.MULTILINE)
    return source.front_matter_text.count("\n", 0, match.start()) + 1 if match else 1


def _text(source: Source, key: str, problems: list[str]) -> str:
    value = source.front_matter.get(key)
    if value is None:
        return ""
    if isinstance(value, str | int | float) and not isinstance(value, bool):
        return str(value).strip()
    problems.append(
        f"{source.display_path}:{_line(source, key)}: {key} must be text, got {brief(value)}"
    )
    return ""


def _list(source: Source, key: str, problems: list[str]) -> tuple[str, ...]:
    value = source.front_matter.get(key)
    if value is None:
        return ()
    if isinstance(value, str):
        parts = value.split(",") if key == "keywords" else [value]
        return tuple(p.strip() for p in parts if p.strip())
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return tuple(v.strip() for v in value if v.strip())
    problems.append(
        f"{source.display_path}:{_line(source, key)}: {key} must be text or a list of text, "
        f"got {brief(value)}"
    )
    return ()


_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}(?:[T ][\d:.+\-Z]*)?$")
_EARLIEST, _LATEST = dt.date(1900, 1, 1), dt.date(2099, 12, 31)  # (zip files end in 2107)


def _date(source: Source, problems: list[str]) -> str:
    value = source.front_matter.get("date")
    if value is None:
        return ""
    where = f"{source.display_path}:{_line(source, 'date')}"
    found: dt.date | None = None
    if isinstance(value, dt.datetime):
        found = value.date()
    elif isinstance(value, dt.date):
        found = value
    elif isinstance(value, str) and _DATE.match(value.strip()):
        try:
            found = dt.date.fromisoformat(value.strip()[:10])
        except ValueError:
            found = None
    if found is None:
        problems.append(f"{where}: date {brief(value)} is not a date; write it as YYYY-MM-DD")
        return ""
    if not _EARLIEST <= found <= _LATEST:
        problems.append(
            f"{where}: date {found.isoformat()} is out of range ({_EARLIEST} to {_LATEST}); "
            "check the year"
        )
        return ""
    return found.isoformat()


def build_metadata(
    source: Source, config: Config, first_heading: str, jumps: Sequence[Jump] = ()
) -> Metadata:
    problems: list[str] = []
    for key in sorted(set(source.front_matter) - KNOWN_KEYS):
        log.warning(
            "%s:%d: unknown front matter key %r; known keys: %s",
            source.display_path,
            _line(source, key),
            key,
            ", ".join(sorted(KNOWN_KEYS)),
        )
    title = _text(source, "title", problems) or first_heading
    if not title:
        log.warning(
            "%s: no title: add 'title:' to the front matter or a '# ' heading; using %r",
            source.display_path,
            source.slug,
        )
        title = source.slug
    lang_key = "language" if "language" in source.front_matter else "lang"
    language = _text(source, lang_key, problems) or config.language
    if not _LANG.match(language):
        problems.append(
            f"{source.display_path}:{_line(source, lang_key)}: language {brief(language)} is not a "
            "BCP 47 tag such as zh-CN or en"
        )
    authors = _list(source, "authors", problems) + _list(source, "author", problems)
    identifier = _text(source, "identifier", problems) or (
        "urn:uuid:" + str(uuid.uuid5(uuid.NAMESPACE_URL, f"publish:{source.slug}:{title}"))
    )
    meta = Metadata(
        title=title,
        language=language,
        identifier=identifier,
        subtitle=_text(source, "subtitle", problems),
        authors=authors or ((config.author,) if config.author else ()),
        date=_date(source, problems),
        source=_text(source, "source", problems),
        keywords=_list(source, "keywords", problems),
        rights=_text(source, "rights", problems),
        publisher=_text(source, "publisher", problems) or config.publisher,
        continued_from=tuple(dict.fromkeys(j.page for j in jumps if j.direction == "from")),
        continues_on=tuple(dict.fromkeys(j.page for j in jumps if j.direction == "to")),
    )
    if problems:
        raise ContentError(*problems)
    return meta
