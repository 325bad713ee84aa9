"""``bag-info.txt``: the bag's own facts and the collection's Dublin Core, in a fixed order.

BagIt's reserved labels first (RFC 8493, 2.2.2), then Dublin Core elements as ``DC-<Element>``
labels, a common local convention (bag-info labels are free, and ``bagit.py`` keeps them):

- ``Source-Organization``: publish.toml's ``publisher``; ``Contact-Name``: its ``author``;
- ``External-Description``: what the bag holds;
- ``Bagging-Date``: the day of ``SOURCE_DATE_EPOCH`` when it is set, else today (UTC);
- ``Bag-Software-Agent``: publish's and bagit-python's versions;
- ``Bag-Size`` and ``Payload-Oxum``: the payload's size, and its bytes and files;
- ``DC-Title``, ``DC-Creator``, ``DC-Publisher``, ``DC-Language``: from publish.toml;
- ``DC-Date``: the documents' dates, first/last (ISO 8601 interval), or the one date;
- ``DC-Type``: ``Collection``; ``DC-Rights``: each distinct ``rights`` of the documents;
- ``DC-Identifier``: publish.toml's ``url``, unless it is a local address.

Empty values are left out. A value never spans lines (a line break becomes a space).
"""

from __future__ import annotations

import importlib.metadata
import os
from collections.abc import Sequence
from datetime import UTC, datetime
from urllib.parse import urlsplit

from publish import __version__
from publish.config import Config
from publish.model import Article
from publish.parse import fields
from publish.timestamps import build_time

Fields = list[tuple[str, str]]
_LOCAL = ("localhost", "127.0.0.1", "::1", "")


def bagging_date() -> str:
    """``YYYY-MM-DD`` of ``SOURCE_DATE_EPOCH`` when it is set, else today's date (UTC)."""
    if os.environ.get("SOURCE_DATE_EPOCH", "").strip():
        return build_time(()).strftime("%Y-%m-%d")
    return datetime.now(UTC).strftime("%Y-%m-%d")


def software_agent() -> str:
    return f"publish {__version__} (bagit-python {importlib.metadata.version('bagit')})"


def _first(article: Article, key: str) -> str:
    """``key`` of the first fragment of ``article`` that sets it, read as a build reads it."""
    for source in article.fragments:
        if key in source.front_matter:
            problems: list[str] = []
            read = fields.date if key == "date" else fields.text
            value = read(source, key, problems)
            return "" if problems else value
    return ""


def describe(config: Config, articles: Sequence[Article]) -> Fields:
    """Every field but the payload's size and count, which :mod:`publish.archive.bag` adds."""
    dates = sorted({d for d in (_first(a, "date") for a in articles) if d})
    rights = sorted({r for r in (_first(a, "rights") for a in articles) if r})
    span = "/".join(dict.fromkeys((dates[0], dates[-1]))) if dates else ""
    site = config.base_url if urlsplit(config.base_url).hostname not in _LOCAL else ""
    found: Fields = [
        ("Source-Organization", config.publisher),
        ("Contact-Name", config.author),
        (
            "External-Description",
            f"{config.title}: {len(articles)} document(s), each with its original source "
            "files, cleaned Markdown, change log, PDF and EPUB; and the site, as files and as a "
            "WARC file",
        ),
        ("Bagging-Date", bagging_date()),
        ("Bag-Software-Agent", software_agent()),
        ("DC-Title", config.title),
        ("DC-Creator", config.author),
        ("DC-Publisher", config.publisher),
        ("DC-Language", config.language),
        ("DC-Date", span),
        ("DC-Type", "Collection"),
        *(("DC-Rights", value) for value in rights),
        ("DC-Identifier", site),
    ]
    return [(label, " ".join(value.split())) for label, value in found if value.strip()]


def size(total: int) -> str:
    """``total`` bytes as Bag-Size wants it: approximate, with a unit (``2.4 MB``)."""
    amount, unit = float(total), "B"
    for unit in ("B", "KB", "MB", "GB", "TB"):
        if amount < 1000 or unit == "TB":
            break
        amount /= 1000
    return f"{total} B" if unit == "B" else f"{amount:.1f} {unit}"


def render(found: Fields) -> str:
    """The text of ``bag-info.txt``: ``Label: value`` lines in the order of ``found``."""
    return "".join(f"{label}: {value}\n" for label, value in found)


def with_payload(found: Fields, total: int, files: int) -> Fields:
    """``found`` with ``Bag-Size`` and ``Payload-Oxum`` after ``Bag-Software-Agent``."""
    at = next(i for i, (label, _) in enumerate(found) if label == "Bag-Software-Agent") + 1
    payload = [("Bag-Size", size(total)), ("Payload-Oxum", f"{total}.{files}")]
    return [*found[:at], *payload, *found[at:]]
