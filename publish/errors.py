"""Errors a user can act on.

Every error the user can fix is a :class:`PublishError` with a category; the CLI prints
``category: problem`` once per problem and exits non-zero, without a traceback. Anything else
that escapes is a bug and keeps its traceback.
"""

from __future__ import annotations

import re


class PublishError(Exception):
    """A problem in the input or the set-up, with one or more messages to show."""

    category = "error"

    def __init__(self, *problems: str) -> None:
        super().__init__("\n".join(problems))
        self.problems: tuple[str, ...] = problems


class ConfigError(PublishError):
    """``publish.toml`` or a command-line option is wrong."""

    category = "config"


class ContentError(PublishError):
    """A source document cannot be read, decoded or parsed."""

    category = "content"


class ThemeError(PublishError):
    """A theme is missing, or its ``theme.toml`` or templates are wrong."""

    category = "theme"


class BuildError(PublishError):
    """An output format could not be written."""

    category = "build"


class CleanError(PublishError):
    """``publish clean`` cannot read or write what it was given."""

    category = "clean"


class ServeError(PublishError):
    """``publish serve`` cannot listen where it was asked to."""

    category = "serve"


class StrictError(PublishError):
    """``--strict`` turned warnings into a failure."""

    category = "strict"


def brief(value: object, width: int = 60) -> str:
    """``repr(value)`` cut to ``width`` characters: a message never prints a huge value."""
    text = repr(value)
    return text if len(text) <= width else f"{text[: width - 5]}…{text[-4:]}"


_TELLING = re.compile(r"^(?:Exception in thread|Error:|\S*(?:Error|Exception)\b)")


def telling(output: str) -> str:
    """The one line of a failed tool's output that says what went wrong: the first error or
    exception line (a Java stack trace's head), else the last line."""
    lines = [line.strip() for line in output.splitlines() if line.strip()]
    told = next((line for line in lines if _TELLING.match(line)), lines[-1] if lines else "")
    return f"{told[:300]}; run it alone to see all its output"
