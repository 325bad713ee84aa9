"""The one build timestamp, so that the same input gives the same bytes.

``SOURCE_DATE_EPOCH`` (reproducible-builds.org) wins. Without it the newest ``date`` of the
documents is used, and without any date 1980-01-01, the earliest time a zip file can hold.
Never the clock.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from datetime import UTC, date, datetime

from publish.errors import ConfigError

ZIP_EPOCH = datetime(1980, 1, 1, tzinfo=UTC)
LATEST = 4102444799  # 2099-12-31T23:59:59Z: documents' dates end there too


def build_time(document_dates: Iterable[str]) -> datetime:
    raw = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if raw:
        if not raw.isdigit():
            raise ConfigError(
                f"SOURCE_DATE_EPOCH={raw[:40]!r} is not a whole number of seconds since 1970; "
                "set it to e.g. $(git log -1 --format=%ct) or unset it"
            )
        if int(raw) > LATEST:
            raise ConfigError(
                f"SOURCE_DATE_EPOCH={raw[:40]} is out of range (0 to {LATEST}, the end of "
                "2099); set it to e.g. $(git log -1 --format=%ct) or unset it"
            )
        return max(datetime.fromtimestamp(int(raw), tz=UTC), ZIP_EPOCH)
    dates = [date.fromisoformat(d[:10]) for d in document_dates if d]
    if not dates:
        return ZIP_EPOCH
    newest = max(dates)
    return max(datetime(newest.year, newest.month, newest.day, tzinfo=UTC), ZIP_EPOCH)


def iso(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")
