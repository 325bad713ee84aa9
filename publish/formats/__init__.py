"""Output formats behind one registry.

Each format is a module with ``document(ctx, doc) -> list[Path]``, which writes one document's
outputs under ``ctx.out`` (in a worker process, or on a Dask worker, and cached by the build);
the site also writes the pages of the whole collection once every document is known. Heavy
libraries (WeasyPrint, ebooklib) are imported inside each module, so building one format never
loads another's.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from publish import formatlist
from publish.errors import ConfigError

if TYPE_CHECKING:  # (types only: the command line reads this package's registry, not these)
    from publish.config import Config
    from publish.model import Document
    from publish.render import Renderer

#: Format name -> module implementing it, in the build's order (publish.formatlist).
FORMATS: dict[str, str] = {f.name: f.module for f in formatlist.FORMATS}


@dataclass(frozen=True)
class BuildContext:
    """Everything a format needs: settings, the theme's renderer, the output folder."""

    config: Config
    renderer: Renderer
    #: Where the formats write (a staging folder the build moves into ``final`` at its end).
    out: Path
    built: datetime
    #: The output folder itself, holding the previous build's files.
    final: Path | None = None
    #: The previous build's files still made from the sources as they are (publish.manifest).
    fresh: frozenset[str] = frozenset()


def document_step(name: str) -> Callable[[BuildContext, Document], list[Path]]:
    """The function writing one document's outputs in format ``name``."""
    if name not in FORMATS:
        raise ConfigError(f"unknown format {name!r}; formats are: {', '.join(FORMATS)}")
    step: Callable[[BuildContext, Document], list[Path]]
    step = importlib.import_module(FORMATS[name]).document
    return step


def parse_formats(text: str) -> tuple[str, ...]:
    """``"epub,pdf"`` -> ``("pdf", "epub")``: every name checked, in the build's order."""
    names = tuple(dict.fromkeys(n.strip() for n in text.split(",") if n.strip()))
    unknown = [n for n in names if n not in FORMATS]
    if unknown or not names:
        raise ConfigError(
            f"unknown format {', '.join(unknown) or repr(text)}; formats are: {', '.join(FORMATS)}"
        )
    return formatlist.ordered(names)
