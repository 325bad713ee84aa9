"""Logging set-up for the CLI, and the warning counter behind ``--strict``."""

from __future__ import annotations

import logging
import sys


class WarningCounter(logging.Handler):
    """Counts warnings (and worse) from any logger, so ``--strict`` can fail on them."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1


class _Format(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        message = record.getMessage()
        if record.levelno >= logging.WARNING:
            return f"{record.levelname.lower()}: {message}"
        return message


def setup(verbosity: int) -> WarningCounter:
    """Send log records to stderr: warnings always, steps by default, details with -v."""
    level = {-1: logging.WARNING, 0: logging.INFO}.get(verbosity, logging.DEBUG)
    root = logging.getLogger()
    for handler in list(root.handlers):
        root.removeHandler(handler)
    stream = logging.StreamHandler(sys.stderr)
    stream.setFormatter(_Format())
    stream.setLevel(level)
    counter = WarningCounter()
    root.addHandler(stream)
    root.addHandler(counter)
    root.setLevel(min(level, logging.WARNING))
    # WeasyPrint and fontTools talk a lot at INFO; keep their warnings only.
    for noisy in ("weasyprint", "weasyprint.progress", "fontTools"):
        logging.getLogger(noisy).setLevel(logging.WARNING if verbosity < 2 else logging.DEBUG)
    logging.getLogger("markdown_it").setLevel(logging.WARNING)
    return counter
