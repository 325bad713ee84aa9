"""Read stage: find the sources in sorted order, decode them, split off YAML front matter.

Nothing is cleaned or interpreted here beyond the front matter; every problem names the file
(and the line, where there is one) and says what to do.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

import yaml

from publish import decisions
from publish.errors import ContentError
from publish.model import Article, CleanSettings, Source

_FENCE = re.compile(r"\A(?:\ufeff)?---[ \t]*\r?\n")
_FENCE_END = re.compile(r"^(?:---|\.\.\.)[ \t]*\r?$", re.MULTILINE)
_SLUG = re.compile(r"^[\w-]+$")


def display(path: Path, root: Path) -> str:
    """``path`` relative to the project root when it is inside it, for messages."""
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return str(path)


def _visible(path: Path, base: Path) -> bool:
    return not any(part.startswith((".", "_")) for part in path.relative_to(base).parts)


def discover(paths: Sequence[Path], root: Path) -> list[tuple[Path | None, list[Path]]]:
    """The documents under ``paths`` in sorted order: (article folder or None, files).

    A Markdown file is one document. In a folder, each ``*.md`` directly inside is one
    document, and each sub-folder holding ``*.md`` files is one article made of those
    fragments (for example the pages of one newspaper story). Hidden and ``_`` names are
    skipped.
    """
    found: list[tuple[Path | None, list[Path]]] = []
    for path in paths:
        if path.is_file():
            found.append((None, [path]))
        elif path.is_dir():
            for child in sorted(path.iterdir()):
                if not _visible(child, path):
                    continue
                if child.is_file() and child.suffix == ".md":
                    found.append((None, [child]))
                elif child.is_dir():
                    fragments = sorted(p for p in child.rglob("*.md") if _visible(p, path))
                    if fragments:
                        found.append((child, fragments))
        else:
            raise ContentError(
                f"{display(path, root)}: no such file or folder; create it, or pass the "
                "Markdown files or folders to build"
            )
    unique = {tuple(p.resolve() for p in doc[1]): doc for doc in found}
    if not unique:
        names = ", ".join(display(p, root) for p in paths)
        raise ContentError(f"{names}: no Markdown (*.md) files found; add some to build")
    return sorted(unique.values(), key=lambda doc: display(doc[0] or doc[1][0], root))


def decode(path: Path, data: bytes, shown: str, encoding: str = "utf-8") -> str:
    try:
        return data.decode(encoding)
    except LookupError:
        raise ContentError(
            f"unknown encoding {encoding!r}; try gb18030, gbk, big5 or utf-8"
        ) from None
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        name = "UTF-8" if encoding.lower().replace("_", "-") in ("utf-8", "utf8") else encoding
        raise ContentError(
            f"{shown}:{line}: not valid {name} (byte 0x{data[exc.start]:02x}); give the file's "
            f"encoding (publish clean --encoding gb18030) or convert it to UTF-8, e.g. "
            f"iconv -f GB18030 -t UTF-8 {path.name} > {path.stem}.utf8.md"
        ) from None


def split_front_matter(text: str, shown: str) -> tuple[dict[str, object], str, str, int]:
    """Return (front matter, its raw text including fences, body, body's first line)."""
    opening = _FENCE.match(text)
    if not opening:
        return {}, "", text, 1
    closing = _FENCE_END.search(text, opening.end())
    if not closing:
        raise ContentError(
            f"{shown}:1: front matter opened with '---' is never closed; add a '---' line "
            "after it, or remove the first line if it is not front matter"
        )
    raw = text[opening.end() : closing.start()]
    end = closing.end() + (1 if text[closing.end() : closing.end() + 1] == "\n" else 0)
    try:
        data = yaml.safe_load(raw)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 2 if mark is not None else 2
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        context = getattr(exc, "context_mark", None)
        if context is not None and context.line + 2 != line:
            problem += f" (in the value that starts on line {context.line + 2})"
        raise ContentError(
            f"{shown}:{line}: bad YAML front matter: {problem}; quote values containing ':' "
            "or '#', and use 'key: value' lines"
        ) from None
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise ContentError(
            f"{shown}:2: front matter must be 'key: value' lines, got a {type(data).__name__}"
        )
    body_line = text.count("\n", 0, end) + 1
    return {str(k): v for k, v in data.items()}, text[:end], text[end:], body_line


def read_source(path: Path, root: Path, encoding: str = "utf-8", check_slug: bool = True) -> Source:
    shown = display(path, root)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ContentError(f"{shown}: cannot read: {exc.strerror}") from None
    text = decode(path, data, shown, encoding)
    meta, fm_text, body, body_line = split_front_matter(text, shown)
    slug = str(meta.get("slug", path.stem)).strip()
    if check_slug and not _SLUG.match(slug):
        raise ContentError(
            f"{shown}: slug {slug!r} may hold only letters, digits, '-' and '_'; "
            "rename the file or set 'slug:' in the front matter"
        )
    return Source(path, shown, slug, meta, fm_text, body, body_line)


def _article(
    folder: Path | None, files: list[Path], root: Path, encoding: str, defaults: CleanSettings
) -> Article:
    sources = [read_source(path, root, encoding) for path in files]
    if folder is None:
        single = sources[0]
        found = decisions.settings(sources, single.path, single.display_path, defaults)
        return Article(single.slug, single.path, single.display_path, (single,), found)
    slug = next(
        (str(s.front_matter["slug"]) for s in sources if "slug" in s.front_matter), folder.name
    )
    if not _SLUG.match(slug):
        raise ContentError(
            f"{display(folder, root)}: slug {slug!r} may hold only letters, "
            "digits, '-' and '_'; rename the folder or set 'slug:'"
        )
    found = decisions.settings(sources, folder, display(folder, root), defaults)
    return Article(slug, folder, display(folder, root), tuple(sources), found)


def read_all(
    paths: Sequence[Path],
    root: Path,
    encoding: str = "utf-8",
    defaults: CleanSettings | None = None,
) -> list[Article]:
    """Read every document, its clean settings and review decisions (over ``defaults``, the
    project's); report all unreadable files and duplicate slugs together."""
    articles: list[Article] = []
    problems: list[str] = []
    for folder, files in discover(paths, root):
        try:
            articles.append(_article(folder, files, root, encoding, defaults or CleanSettings()))
        except ContentError as exc:
            problems.extend(exc.problems)
    seen: dict[str, str] = {}
    for article in articles:
        if article.slug in seen:
            problems.append(
                f"{article.display_path}: slug {article.slug!r} is already used by "
                f"{seen[article.slug]}; set a different 'slug:' in the front matter"
            )
        seen.setdefault(article.slug, article.display_path)
    if problems:
        raise ContentError(*problems)
    return articles
