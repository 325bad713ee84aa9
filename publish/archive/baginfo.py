"""``bag-info.txt``: the bag's own facts and the collection's Dublin Core, in a fixed order.

BagIt's reserved labels first (RFC 8493, 2.2.2), then Dublin Core elements as ``DC-<Element>``
labels, a common local convention (bag-info labels are free, and ``bagit.py`` keeps them):

- ``Source-Organization``: publish.toml's ``publisher``; ``Contact-Name``: its ``author``;
- ``External-Description``: what the bag holds;
- ``Bagging-Date``: the day of ``SOURCE_DATE_EPOCH`` when it is set, else today (UTC);
- ``Bag-Software-Agent``: publish's and bagit-python's versions;
- ``Bag-Size`` and ``Payload-Oxum``: the payload's size, and its bytes and files;
- ``DC-Title``, ``DC-Publisher``, ``DC-Language``: from publish.toml; ``DC-Creator``: its
  ``author``, else each author the documents name;
- ``DC-Date``: the documents' dates, first/last (ISO 8601 interval), or the one date;
- ``DC-Type``: ``Collection``; ``DC-Rights``: each distinct ``rights`` of the documents;
- ``DC-Identifier``: publish.toml's ``url``, unless it is a local address.

Empty values are left out, and what a repository will want (publisher, a contact, rights, the
site's address) is warned about when missing. A value never spans lines (a line break becomes
a space).
"""

from __future__ import annotations

import importlib.metadata
import logging
import os
from collections.abc import Sequence
from datetime import UTC, datetime
from urllib.parse import urlsplit

from publish import __version__
from publish.config import Config
from publish.model import Document
from publish.timestamps import build_time

log = logging.getLogger(__name__)
Fields = list[tuple[str, str]]
_LOCAL = ("localhost", "127.0.0.1", "::1", "")


def bagging_date() -> str:
    """``YYYY-MM-DD`` of ``SOURCE_DATE_EPOCH`` when it is set, else today's date (UTC)."""
    if os.environ.get("SOURCE_DATE_EPOCH", "").strip():
        return build_time(()).strftime("%Y-%m-%d")
    return datetime.now(UTC).strftime("%Y-%m-%d")


def software_agent() -> str:
    return f"publish {__version__} (bagit-python {importlib.metadata.version('bagit')})"


def _missing(config: Config, documents: Sequence[Document], site: str) -> None:
    """Warn about what a repository will want and the bag lacks (``--strict``: an error)."""
    if not config.publisher:
        log.warning("archive: no Source-Organization: set 'publisher' in publish.toml")
    if not config.author and not any(d.meta.authors for d in documents):
        log.warning("archive: no Contact-Name or DC-Creator: set 'author' in publish.toml")
    if not any(d.meta.rights for d in documents):
        log.warning("archive: no DC-Rights: set 'rights:' in the documents' front matter")
    if not site:
        log.warning(
            "archive: the WARC file records the site at %s, a local address that other "
            "archives share; set 'url' in publish.toml to where the site is served",
            config.base_url,
        )


def describe(config: Config, documents: Sequence[Document]) -> Fields:
    """Every field but the payload's size and count, which :mod:`publish.archive.bag` adds."""
    dates = sorted({d.meta.date[:10] for d in documents if d.meta.date})
    rights = sorted({d.meta.rights for d in documents if d.meta.rights})
    creators = [config.author] if config.author else [a for d in documents for a in d.meta.authors]
    span = "/".join(dict.fromkeys((dates[0], dates[-1]))) if dates else ""
    site = config.base_url if urlsplit(config.base_url).hostname not in _LOCAL else ""
    _missing(config, documents, site)
    found: Fields = [
        ("Source-Organization", config.publisher),
        ("Contact-Name", config.author),
        (
            "External-Description",
            f"{config.title}: {len(documents)} document(s), each with its original source "
            "files, cleaned Markdown, change log, PDF and EPUB; and the site, as files and as a "
            "WARC file",
        ),
        ("Bagging-Date", bagging_date()),
        ("Bag-Software-Agent", software_agent()),
        ("DC-Title", config.title),
        *(("DC-Creator", name) for name in dict.fromkeys(creators)),
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
