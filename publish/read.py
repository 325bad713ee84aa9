"""Read stage: find the sources in sorted order, decode them, split off YAML front matter.

Nothing is cleaned or interpreted here beyond the front matter; every problem names the file
(and the line, where there is one) and says what to do.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from publish import decisions, outputs
from publish.decode import decode
from publish.discover import discover, display
from publish.errors import ContentError
from publish.frontmatter import split_front_matter
from publish.limits import DEFAULT, Limits, over
from publish.model import Article, CleanSettings, Source

__all__ = ["discover", "display", "read_all", "read_source"]


def _long_line(text: str, limit: int) -> tuple[int, int] | None:
    """(line number, length) of the first line of ``text`` longer than ``limit``."""
    if len(text) <= limit:
        return None
    lines = text.split("\n")
    if max(map(len, lines)) <= limit:  # (the usual case, without a loop in Python)
        return None
    for number, line in enumerate(lines, start=1):
        if len(line) > limit:
            return number, len(line)
    return None


def read_source(
    path: Path,
    root: Path,
    encoding: str = "utf-8",
    check_slug: bool = True,
    limits: Limits = DEFAULT,
) -> Source:
    shown = display(path, root)
    try:
        size = path.stat().st_size
        if size > limits.file_bytes:
            raise over(shown, "{found:,} bytes is", size, limits.file_bytes, "file_bytes")
        data = path.read_bytes()[: limits.file_bytes + 1]
    except OSError as exc:
        raise ContentError(f"{shown}: cannot read: {exc.strerror}; check the file") from None
    if len(data) > limits.file_bytes:  # (it grew while being read)
        raise over(shown, "{found:,} bytes is", len(data), limits.file_bytes, "file_bytes")
    text = decode(path, data, shown, encoding)
    long = _long_line(text, limits.line_chars)
    if long:
        where = f"{shown}:{long[0]}"
        raise over(
            where, "a line of {found:,} characters is", long[1], limits.line_chars, "line_chars"
        )
    meta, fm_text, body, body_line = split_front_matter(text, shown, limits)
    raw = meta.get("slug", path.stem)
    slug = "" if raw is None else str(raw).strip()
    if check_slug:
        fix = "rename the file or set 'slug:' in the front matter"
        problem = outputs.slug_problem(slug, shown, fix)
        if problem:
            raise ContentError(problem)
    return Source(path, shown, slug or path.stem, meta, fm_text, body, body_line)


def _article(
    folder: Path | None,
    files: list[Path],
    root: Path,
    encoding: str,
    defaults: CleanSettings,
    limits: Limits,
) -> Article:
    sources = [read_source(path, root, encoding, limits=limits) for path in files]
    if folder is None:
        single = sources[0]
        found = decisions.settings(sources, single.path, single.display_path, defaults)
        return Article(single.slug, single.path, single.display_path, (single,), found)
    shown = display(folder, root)
    slug = next((s.slug for s in sources if "slug" in s.front_matter), folder.name)
    problem = outputs.slug_problem(slug, shown, "rename the folder or set 'slug:'")
    if problem:
        raise ContentError(problem)
    found = decisions.settings(sources, folder, shown, defaults)
    return Article(slug, folder, shown, tuple(sources), found)


def read_all(
    paths: Sequence[Path],
    root: Path,
    encoding: str = "utf-8",
    defaults: CleanSettings | None = None,
    limits: Limits = DEFAULT,
) -> list[Article]:
    """Read every document, its clean settings and review decisions (over ``defaults``, the
    project's); report all unreadable files and duplicate slugs together."""
    articles: list[Article] = []
    problems: list[str] = []
    for folder, files in discover(paths, root):
        try:
            settings = defaults or CleanSettings()
            articles.append(_article(folder, files, root, encoding, settings, limits))
        except ContentError as exc:
            problems.extend(exc.problems)
    problems += outputs.duplicates((a.slug, a.display_path) for a in articles)
    if problems:
        raise ContentError(*problems)
    return articles
