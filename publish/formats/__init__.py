"""Output formats behind one registry.

Each format is a module with ``build(ctx) -> list[Path]`` that writes every document of
``ctx`` under ``ctx.out``; heavy libraries (WeasyPrint, ebooklib) are imported inside it, so
building one format never loads another's.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from publish.config import Config
from publish.errors import ConfigError
from publish.model import Document
from publish.render import Renderer

#: Format name -> module implementing it.
FORMATS: dict[str, str] = {
    "pdf": "publish.formats.pdf",
    "epub": "publish.formats.epub",
    "html": "publish.formats.site",
}


@dataclass(frozen=True)
class BuildContext:
    """Everything a format needs: settings, every document, the theme's renderer, the output."""

    config: Config
    documents: tuple[Document, ...]
    renderer: Renderer
    #: Where the formats write (a staging folder the build moves into ``final`` at its end).
    out: Path
    built: datetime
    #: The output folder itself, holding the previous build's files.
    final: Path | None = None


def get(name: str) -> Callable[[BuildContext], list[Path]]:
    if name not in FORMATS:
        raise ConfigError(f"unknown format {name!r}; formats are: {', '.join(FORMATS)}")
    builder: Callable[[BuildContext], list[Path]] = importlib.import_module(FORMATS[name]).build
    return builder


def parse_formats(text: str) -> tuple[str, ...]:
    """``"pdf,epub"`` -> ``("pdf", "epub")``, every name checked."""
    names = tuple(dict.fromkeys(n.strip() for n in text.split(",") if n.strip()))
    unknown = [n for n in names if n not in FORMATS]
    if unknown or not names:
        raise ConfigError(
            f"unknown format {', '.join(unknown) or repr(text)}; formats are: {', '.join(FORMATS)}"
        )
    return names
