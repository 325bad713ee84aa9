"""The source fields of front matter: where a text was found and the printed issue it ran in.

``source_url`` (an http or https address, never fetched), ``captured`` (date or date-time),
``publication``, ``edition``, ``pages`` (``3``, ``2–3``, ``A1, A6``), ``section``, ``place``,
``archive_id`` and ``extra`` (a mapping of the project's own fields, for templates). Each is
checked; a wrong one is an error naming file and line.
"""

from __future__ import annotations

import datetime as dt
import re
from urllib.parse import urlsplit

from publish.errors import brief
from publish.model import Origin, Source
from publish.parse import fields

KEYS = (
    "source_url",
    "captured",
    "publication",
    "edition",
    "pages",
    "section",
    "place",
    "archive_id",
    "extra",
)
_PAGE = r"[A-Za-z]{0,3}\d{1,4}[A-Za-z]?"
_PAGES = re.compile(rf"^({_PAGE})(?:\s*[-–—~至到]\s*({_PAGE}))?$")
_EXTRA_KEY = re.compile(r"^[A-Za-z_][A-Za-z0-9_-]{0,63}$")


def _url(source: Source, problems: list[str]) -> str:
    url = fields.text(source, "source_url", problems)
    parts = urlsplit(url)
    if url and (parts.scheme not in ("http", "https") or not parts.netloc or " " in url):
        problems.append(
            f"{fields.where(source, 'source_url')}: source_url {brief(url)} is not an http(s) "
            "address; write the address the text was captured from, such as https://…"
        )
        return ""
    return url


def _pages(source: Source, problems: list[str]) -> tuple[str, ...]:
    value = source.front_matter.get("pages")
    if isinstance(value, list) and all(isinstance(v, str | int) for v in value):
        value = ", ".join(str(v) for v in value)
    found = fields.text(source, "pages", problems, value)
    pages = []
    for part in filter(None, (p.strip() for p in re.split(r"[,，、;；]", found))):
        match = _PAGES.match(part)
        if match is None:
            problems.append(
                f"{fields.where(source, 'pages')}: pages {brief(found)} is not a page or a range; "
                "write pages such as 3, 2–3 or A1, A6"
            )
            return ()
        pages.append("–".join(filter(None, match.groups())))
    return tuple(pages)


def _scalar(value: object) -> str | None:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str | int | float):
        return str(value).strip()
    if isinstance(value, dt.date):
        return value.isoformat()
    return None


def _scalar_date(source: Source, key: str) -> object:
    """A YAML date (``edition: 2024-10-08``) as its ISO text; anything else as it is."""
    value = source.front_matter.get(key)
    return value.isoformat() if isinstance(value, dt.date) else value


def _extra(source: Source, problems: list[str]) -> tuple[tuple[str, str], ...]:
    value = source.front_matter.get("extra")
    if value is None:
        return ()
    here = fields.where(source, "extra")
    if not isinstance(value, dict):
        problems.append(f"{here}: extra must be a mapping of names to values, got {brief(value)}")
        return ()
    found = []
    for key in sorted(value, key=str):
        item = value[key]
        text = (
            "; ".join(s for s in map(_scalar, item) if s is not None)
            if isinstance(item, list) and all(_scalar(v) is not None for v in item)
            else _scalar(item)
        )
        if not isinstance(key, str) or not _EXTRA_KEY.match(key) or text is None:
            problems.append(
                f"{here}: extra.{brief(key)} must be a name (letters, digits, _ and -) with text, "
                f"a number, a date or a list of them, got {brief(item)}"
            )
            continue
        found.append((key, text))
    return tuple(found)


def read_origin(source: Source, problems: list[str]) -> Origin:
    """The document's source fields, each checked (problems appended, as file:line)."""
    return Origin(
        url=_url(source, problems),
        captured=fields.date(source, "captured", problems, times=True),
        publication=fields.text(source, "publication", problems),
        edition=fields.text(source, "edition", problems, _scalar_date(source, "edition")),
        pages=_pages(source, problems),
        section=fields.text(source, "section", problems),
        place=fields.text(source, "place", problems),
        archive_id=fields.text(source, "archive_id", problems),
        extra=_extra(source, problems),
    )
