"""Front-matter values read key by key: text, lists of text and dates, each checked, with the
line of the key for messages. A wrong type is a problem naming file and line; an absent key
is empty."""

from __future__ import annotations

import datetime as dt
import re

from publish.errors import brief
from publish.model import Source

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}(?:[T ][\d:.+\-Z]*)?$")
EARLIEST, LATEST = dt.date(1900, 1, 1), dt.date(2099, 12, 31)  # (zip files end in 2107)


def key_line(source: Source, key: str) -> int:
    """The line of the file where ``key:`` is written (1 when it is not found)."""
    match = re.search(rf"^{re.escape(key)}\s*:", source.front_matter_text, re.MULTILINE)
    return source.front_matter_text.count("\n", 0, match.start()) + 1 if match else 1


def where(source: Source, key: str) -> str:
    return f"{source.display_path}:{key_line(source, key)}"


def text(source: Source, key: str, problems: list[str], value: object = None) -> str:
    value = source.front_matter.get(key) if value is None else value
    if value is None:
        return ""
    if isinstance(value, str | int | float) and not isinstance(value, bool):
        return str(value).strip()
    problems.append(
        f"{where(source, key)}: {key} must be text, got {brief(value)}; "
        f"write it on one line, {key}: followed by the text (quoted if it holds a colon)"
    )
    return ""


def text_list(source: Source, key: str, problems: list[str]) -> tuple[str, ...]:
    value = source.front_matter.get(key)
    if value is None:
        return ()
    if isinstance(value, str):
        parts = value.split(",") if key == "keywords" else [value]
        return tuple(p.strip() for p in parts if p.strip())
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return tuple(v.strip() for v in value if v.strip())
    problems.append(
        f"{where(source, key)}: {key} must be text or a list of text, got {brief(value)}; "
        f"write it as {key}: text, or as a list of text, one '- item' a line"
    )
    return ()


def date(source: Source, key: str, problems: list[str], times: bool = False) -> str:
    """An ISO date (``YYYY-MM-DD``); with ``times``, a date-time keeps its time."""
    value = source.front_matter.get(key)
    if value is None:
        return ""
    found: dt.date | None = None
    stamp = ""
    if isinstance(value, dt.datetime):
        found, stamp = value.date(), value.isoformat()
    elif isinstance(value, dt.date):
        found = value
    elif isinstance(value, str) and _DATE.match(value.strip()):
        try:
            found = dt.date.fromisoformat(value.strip()[:10])
        except ValueError:
            found = None
        if found is not None and times and len(value.strip()) > 10:
            try:
                stamp = dt.datetime.fromisoformat(value.strip().replace("Z", "+00:00")).isoformat()
            except ValueError:
                found = None
    if found is None:
        form = "YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS" if times else "YYYY-MM-DD"
        problems.append(
            f"{where(source, key)}: {key} {brief(value)} is not a date; write it as {form}"
        )
        return ""
    if not EARLIEST <= found <= LATEST:
        problems.append(
            f"{where(source, key)}: {key} {found.isoformat()} is out of range ({EARLIEST} to "
            f"{LATEST}); check the year"
        )
        return ""
    return stamp if times and stamp else found.isoformat()
