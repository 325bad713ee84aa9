"""Read stage: find the sources in sorted order, decode them, split off YAML front matter.

Nothing is cleaned or interpreted here beyond the front matter; every problem names the file
(and the line, where there is one) and says what to do.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

import yaml

from publish.errors import ContentError
from publish.model import Source

_FENCE = re.compile(r"\A(?:\ufeff)?---[ \t]*\r?\n")
_FENCE_END = re.compile(r"^(?:---|\.\.\.)[ \t]*\r?$", re.MULTILINE)
_SLUG = re.compile(r"^[\w-]+$")


def display(path: Path, root: Path) -> str:
    """``path`` relative to the project root when it is inside it, for messages."""
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return str(path)


def discover(paths: Sequence[Path], root: Path) -> list[Path]:
    """Every ``*.md`` under ``paths``, sorted, each once; hidden and ``_`` files are skipped."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(
                p
                for p in path.rglob("*.md")
                if p.is_file()
                and not any(part.startswith((".", "_")) for part in p.relative_to(path).parts)
            )
        elif path.is_file():
            found.append(path)
        else:
            raise ContentError(
                f"{display(path, root)}: no such file or folder; create it, or pass the "
                "Markdown files or folders to build"
            )
    unique = sorted({p.resolve(): p for p in found}.values(), key=lambda p: display(p, root))
    if not unique:
        names = ", ".join(display(p, root) for p in paths)
        raise ContentError(f"{names}: no Markdown (*.md) files found; add some to build")
    return unique


def decode(path: Path, data: bytes, shown: str) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise ContentError(
            f"{shown}:{line}: not valid UTF-8 (byte 0x{data[exc.start]:02x}); convert the file "
            f"to UTF-8, e.g. iconv -f GB18030 -t UTF-8 {path.name} > {path.stem}.utf8.md"
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


def read_source(path: Path, root: Path) -> Source:
    shown = display(path, root)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ContentError(f"{shown}: cannot read: {exc.strerror}") from None
    text = decode(path, data, shown)
    meta, fm_text, body, body_line = split_front_matter(text, shown)
    slug = str(meta.get("slug", path.stem)).strip()
    if not _SLUG.match(slug):
        raise ContentError(
            f"{shown}: slug {slug!r} may hold only letters, digits, '-' and '_'; "
            "rename the file or set 'slug:' in the front matter"
        )
    return Source(path, shown, slug, meta, fm_text, body, body_line)


def read_all(paths: Sequence[Path], root: Path) -> list[Source]:
    """Read every source; report all unreadable files and duplicate slugs together."""
    sources: list[Source] = []
    problems: list[str] = []
    for path in discover(paths, root):
        try:
            sources.append(read_source(path, root))
        except ContentError as exc:
            problems.extend(exc.problems)
    seen: dict[str, str] = {}
    for source in sources:
        if source.slug in seen:
            problems.append(
                f"{source.display_path}: slug {source.slug!r} is already used by "
                f"{seen[source.slug]}; set a different 'slug:' in the front matter"
            )
        seen.setdefault(source.slug, source.display_path)
    if problems:
        raise ContentError(*problems)
    return sources
