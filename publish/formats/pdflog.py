"""WeasyPrint's own messages about one document, said as publish says things.

WeasyPrint logs through the ``weasyprint`` logger with no file name (``error: Failed to load
image at …``, ``warning: Ignored `foo: bar` at 3:1``). While a document's PDF is written, each
of its errors and warnings becomes a warning naming the document's source, so the user knows
which file to look at (and ``--strict`` counts it).
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Iterator


class _Named(logging.Filter):
    def __init__(self, source: str) -> None:
        super().__init__()
        self.source = source

    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno >= logging.WARNING:
            record.msg = f"{self.source}: PDF (WeasyPrint): {record.getMessage()}"
            record.args = None
            record.levelno, record.levelname = logging.WARNING, "WARNING"
        return True


@contextlib.contextmanager
def named(source: str) -> Iterator[None]:
    """WeasyPrint's messages inside the block, as warnings naming ``source``."""
    logger = logging.getLogger("weasyprint")
    found = _Named(source)
    logger.addFilter(found)
    try:
        yield
    finally:
        logger.removeFilter(found)
