"""Output names: one place that says what a document's slug may be, so that no two outputs
share a path and no document replaces a page of the site.

A slug names ``build/pdf/<slug>.pdf``, ``build/epub/<slug>.epub``, ``build/clean/<slug>.*``
and the site's ``<slug>/`` folder. It is letters, digits, ``-`` and ``_`` (at most
:data:`MAX_BYTES` bytes, so every output name fits a file system's 255), unique across
documents and article folders ignoring case (``A`` and ``a`` are one file on some systems),
and never a name the site uses for itself.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

from publish.config import Config
from publish.discover import display
from publish.errors import BuildError, brief

#: Top-level names of the site's own pages and folders; files (``feed.xml``, ``404.html``)
#: cannot collide, since a slug holds no dot.
RESERVED = {
    "search": "the search page",
    "static": "the stylesheets' folder",
    "pagefind": "the search index",
}
MAX_BYTES = 200
_SLUG = re.compile(r"^[\w-]+$")


def slug_problem(value: object, shown: str, fix: str) -> str:
    """What is wrong with ``value`` as the slug of ``shown`` ("" when nothing is); ``fix``
    says how to set another."""
    text = "" if value is None else str(value).strip()
    if not text:
        return f"{shown}: slug is empty; {fix}"
    if not _SLUG.match(text):
        return f"{shown}: slug {brief(text)} may hold only letters, digits, '-' and '_'; {fix}"
    if len(text.encode("utf-8")) > MAX_BYTES:
        return f"{shown}: slug {brief(text)} is longer than {MAX_BYTES} bytes; {fix}"
    if text.casefold() in RESERVED:
        return (
            f"{shown}: slug {text!r} is a name the site uses ({RESERVED[text.casefold()]}); {fix}"
        )
    return ""


def duplicates(named: Iterable[tuple[str, str]]) -> list[str]:
    """Problems for (slug, shown) pairs whose slugs are the same, ignoring case."""
    seen: dict[str, str] = {}
    problems = []
    for slug, shown in named:
        first = seen.setdefault(slug.casefold(), shown)
        if first != shown:
            problems.append(
                f"{shown}: slug {slug!r} is already used by {first}; set a different 'slug:' "
                "in the front matter"
            )
    return problems


def output_folder(out: Path, config: Config) -> Path:
    """``out`` when a build may write there: not a file, the project or the content folder."""
    shown = display(out, config.root)
    resolved, root = out.resolve(), config.root.resolve()
    if out.exists() and not out.is_dir():
        raise BuildError(f"--out {shown} is a file; give a folder (the default is build)")
    if root.is_relative_to(resolved):
        raise BuildError(
            f"--out {shown} is the project folder or holds it; give a folder inside it, such "
            "as build"
        )
    if resolved.is_relative_to(config.content_dir.resolve()):
        raise BuildError(
            f"--out {shown} is inside the content folder: the next build would read its "
            "outputs as sources; choose a folder outside it, such as build"
        )
    return out
