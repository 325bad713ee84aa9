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


def build_time(document_dates: Iterable[str]) -> datetime:
    raw = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if raw:
        try:
            return max(datetime.fromtimestamp(int(raw), tz=UTC), ZIP_EPOCH)
        except (ValueError, OverflowError):
            raise ConfigError(
                f"SOURCE_DATE_EPOCH={raw!r} is not a whole number of seconds since 1970; "
                "set it to e.g. $(git log -1 --format=%ct) or unset it"
            ) from None
    dates = [date.fromisoformat(d[:10]) for d in document_dates if d]
    if not dates:
        return ZIP_EPOCH
    newest = max(dates)
    return max(datetime(newest.year, newest.month, newest.day, tzinfo=UTC), ZIP_EPOCH)


def iso(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")
