"""Limits on what one document may hold, so that no input can hang a build or exhaust memory.

Each is checked before the work it protects: sizes when a file is read, headings, footnotes
and nesting once it is parsed, the source size of a PDF before any PDF is rendered. Every
limit is named in its error and set in ``publish.toml``::

    [limits]
    file_bytes = 67108864       # one source file (64 MiB)
    pdf_source_bytes = 4194304  # a document's cleaned text, for its PDF (4 MiB)
    line_chars = 100000         # one line
    front_matter_bytes = 65536  # the YAML front matter
    yaml_nodes = 10000          # YAML values after aliases are expanded
    headings = 2000
    footnotes = 5000
    nesting = 32                # block quotes, lists and emphasis inside one another
    search_chars = 2000000      # characters of a document in the site's search index

The last is not an error: the rest of a longer document is left out of the search index (the
page shows all of it), with a warning, so that indexing stays within seconds and memory.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, fields, replace

from publish.errors import ContentError
from publish.model import Article


@dataclass(frozen=True)
class Limits:
    file_bytes: int = 64 * 1024 * 1024
    pdf_source_bytes: int = 4 * 1024 * 1024
    line_chars: int = 100_000
    front_matter_bytes: int = 64 * 1024
    yaml_nodes: int = 10_000
    headings: int = 2_000
    footnotes: int = 5_000
    nesting: int = 32
    search_chars: int = 2_000_000


DEFAULT = Limits()
NAMES = tuple(f.name for f in fields(Limits))


def over(where: str, what: str, found: int, limit: int, name: str) -> ContentError:
    """The error for ``found`` over ``limit`` (``what`` reads "{found:,} headings are")."""
    return ContentError(
        f"{where}: {what.format(found=found)} over the limit of {limit:,} "
        f"(limits.{name} in publish.toml); split the document, or raise the limit there"
    )


def parse(data: object, where: Callable[[str], str]) -> tuple[Limits, list[str], list[str]]:
    """``[limits]`` of ``publish.toml``: (limits, errors, warnings)."""
    if not isinstance(data, dict):
        return DEFAULT, [f"{where('limits')}: [limits] must be a table"], []
    errors, warnings, values = [], [], {}
    for key, value in data.items():
        if key not in NAMES:
            warnings.append(f"{where(key)}: unknown key limits.{key}; known: {', '.join(NAMES)}")
        elif isinstance(value, bool) or not isinstance(value, int) or value < 1:
            errors.append(f"{where(key)}: limits.{key} must be a whole number above 0")
        else:
            values[key] = value
    return replace(DEFAULT, **values), errors, warnings


def pdf_source(article: Article, limits: Limits) -> None:
    """A PDF is laid out whole in memory: a source over ``limits.pdf_source_bytes`` is
    refused up front, before it is cleaned, rather than left for the system to kill."""
    size = sum(len(part.body.encode("utf-8")) for part in article.fragments)
    if size > limits.pdf_source_bytes:
        what = "{found:,} bytes of text are, for a PDF,"
        limit = limits.pdf_source_bytes
        error = over(article.display_path, what, size, limit, "pdf_source_bytes")
        raise ContentError(f"{error.problems[0]}; or build it with --format html,epub")
