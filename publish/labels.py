"""The words the themes print around a document (contents, cover, download, the cleaning
log's headings) in the document's language, its dates as that language writes them, and the
provenance line built from its jump lines.

The words are message catalogues, ``publish/locales/<locale>.po`` (en, ja, zh_CN, zh_TW), read
with Babel; a word a catalogue lacks comes from ``en.po``. A language picks its catalogue by
its first subtag, and Chinese by its script or region: ``zh-TW``, ``zh-HK``, ``zh-MO`` and
``zh-Hant`` read zh_TW, any other ``zh`` zh_CN; a language with no catalogue reads en.
"""

from __future__ import annotations

import functools
from datetime import date
from pathlib import Path

from babel.dates import format_date
from babel.messages.pofile import read_po

from publish.model import Metadata

LOCALES = Path(__file__).parent / "locales"
_TRADITIONAL = ("tw", "hk", "mo", "hant")


def locale_of(language: str) -> str:
    """The catalogue (and Babel locale) for the BCP 47 tag ``language``."""
    parts = language.replace("_", "-").lower().split("-")
    if parts[0] == "zh":
        return "zh_TW" if any(part in _TRADITIONAL for part in parts[1:]) else "zh_CN"
    return parts[0] if (LOCALES / f"{parts[0]}.po").is_file() else "en"


@functools.cache
def _catalogue(locale: str) -> dict[str, str]:
    with (LOCALES / f"{locale}.po").open("rb") as po:
        catalogue = read_po(po)
    return {str(m.id): str(m.string) for m in catalogue if m.id and m.string}


@functools.cache
def _words(locale: str) -> dict[str, str]:
    return {**_catalogue("en"), **_catalogue(locale)}


def labels(language: str) -> dict[str, str]:
    """Interface words in the document's language (English where there is no translation)."""
    return dict(_words(locale_of(language)))


def local_date(value: str, language: str) -> str:
    """An ISO date (or the date of a date-time) as ``language`` writes it: ``May 1, 2024``,
    ``2024年5月1日``; anything else as it is."""
    try:
        day = date.fromisoformat(value[:10])
    except ValueError:
        return value
    return format_date(day, "long", locale=locale_of(language))


def citation(meta: Metadata) -> list[str]:
    """The parts of a citation of the original: publication, edition, section, pages, place,
    archive number, and when and where it was captured, from the source fields."""
    words, origin = labels(meta.language), meta.origin
    pages = ", ".join(origin.pages)
    many = len(origin.pages) > 1 or "–" in pages
    captured = (
        words["captured_from"].format(origin.captured, origin.url)
        if origin.captured and origin.url
        else words["captured"].format(origin.captured)
        if origin.captured
        else origin.url
    )
    return [
        origin.publication,
        words["edition"].format(origin.edition) if origin.edition else "",
        origin.section,
        words["pages_many" if many else "pages"].format(pages) if pages else "",
        origin.place,
        words["archive_id"].format(origin.archive_id) if origin.archive_id else "",
        captured,
    ]


def provenance(meta: Metadata) -> str:
    """The source, the citation of the original (:func:`citation`) and the newspaper pages
    its jump lines named (``人民日报；第2版；上接第1版``)."""
    words = labels(meta.language)
    pages = [words["continued_from"].format(p) for p in meta.continued_from]
    pages += [words["continues_on"].format(p) for p in meta.continues_on]
    separator = "；" if meta.language.lower().startswith("zh") else "; "
    return separator.join(filter(None, [meta.source, *citation(meta), *pages]))
