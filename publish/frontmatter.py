"""YAML front matter: split from the body, parsed as untrusted input, errors with lines.

The front matter opens the file with a ``---`` line and closes with ``---`` or ``...`` (lines
ended by LF, CRLF or a lone CR); it is
read with :mod:`publish.yamlsafe` (safe tags, aliases capped) and may hold at most
``limits.front_matter_bytes``.

A first ``---`` followed by a blank line is, for Pandoc, no metadata block but a horizontal
rule: a converter's page rule (``---`` ⏎⏎ text of the first page …). Such a file's front matter
is read only when what follows is a closed block of ``key: value`` lines; else the whole file
is body, where a problem of the YAML would have been an error. So is a file whose first
``---`` is never closed and followed by a line that is no ``key:`` (nor a YAML comment), as an
OCR'd page's rule is by its text (``---`` ⏎ ``THE MESSENGER…``).

Hexo lets the opening ``---`` go (``title: 周末小记`` ⏎ ``tags: [散步,公园]`` ⏎ ``---``: its
parser's prefixing separator is optional). A file that starts so is read as front matter when
every line before the first ``---`` is YAML's (a key in lower case, an item, an indented or
blank line, a comment) and one key at least is a page's (``title``, ``date``, ``tags``…); a
problem of its YAML is then an error, as it is after an opening fence. Else the lines are body
(a setext heading, ``Note: …`` ⏎ ``---``; a paragraph before the first ``---``).
"""

from __future__ import annotations

import re

import yaml

from publish import yamlsafe
from publish.errors import ContentError
from publish.limits import DEFAULT, Limits, over

# Line ends of any system, lone CR too: the body keeps its own for ``normalise`` to record.
_FENCE = re.compile(r"\A(?:\ufeff)?---[ \t]*(?:\r\n?|\n)")
_FENCE_END = re.compile(r"(?<=[\r\n])(?:---|\.\.\.)[ \t]*(?:\r\n?|\n|\Z)")
_LINE_END = re.compile(r"\r\n?|\n")
_BLANK = re.compile(r"[ \t]*(?:\r\n?|\n)")  # a blank line right after the opening ``---``
#: A line that starts YAML front matter: a key and its colon, or a comment.
_KEY = re.compile(r"[ \t]*(?:[\w\"'][^:\r\n]*:(?:[ \t]|\r|\n|$)|#)")


def opens_front_matter(text: str) -> bool:
    """``text`` opens with a ``---`` line, as front matter does (whether or not what follows
    is read as such: a cleaner that leaves a file so must not have made it so)."""
    return _FENCE.match(text) is not None


def split_front_matter(
    text: str, shown: str, limits: Limits = DEFAULT
) -> tuple[dict[str, object], str, str, int]:
    """Return (front matter, its raw text including fences, body, body's first line)."""
    opening = _FENCE.match(text)
    if not opening:
        return _unopened(text, shown, limits)
    try:
        return _split(text, shown, limits, opening.end())
    except ContentError:
        after = opening.end()
        unclosed = _FENCE_END.search(text, after) is None
        if _BLANK.match(text, after) or (unclosed and not _KEY.match(text, after)):
            return {}, "", text, 1  # a rule, not front matter (see above)
        raise


def _unopened(text: str, shown: str, limits: Limits) -> tuple[dict[str, object], str, str, int]:
    """Hexo's front matter without its opening ``---`` (see above), or none."""
    closing = _FENCE_END.search(text) if _YAML_KEY.match(text) else None  # (a quick look)
    if closing is None or closing.start() == 0 or text[closing.start() - 1] not in "\r\n":
        return {}, "", text, 1
    lines = _LINE_END.split(text[: closing.start()].rstrip("\r\n"))
    if not all(_YAML_LINE.match(line) for line in lines):
        return {}, "", text, 1
    if not any(_PAGE_KEY.match(line) for line in lines):
        return {}, "", text, 1
    return _split(text, shown, limits, 0, first=1)  # (its YAML's problems are errors)


_YAML_KEY = re.compile(r"[a-z][a-z0-9_-]*:(?:[ \t]|$)", re.M)
#: A line of YAML front matter without its opening fence: a key in lower case and its colon,
#: an item, an indented or blank line, or a comment.
_YAML_LINE = re.compile(rf"{_YAML_KEY.pattern}|[ \t]|-[ \t]|#|$")
#: A key every site generator's pages have, one at least of which Hexo's front matter holds.
_PAGE_KEY = re.compile(
    r"(?:title|date|updated|tags|categories|layout|author|permalink|description|slug|draft"
    r"|comments|lang):(?:[ \t]|$)"
)


def _split(
    text: str, shown: str, limits: Limits, start: int, first: int = 2
) -> tuple[dict[str, object], str, str, int]:
    """The front matter from ``start`` to its closing fence, its first line ``first`` of the
    file (the one after the opening fence, or the file's first without one)."""
    closing = _FENCE_END.search(text, start)
    if not closing:
        raise ContentError(
            f"{shown}:1: front matter opened with '---' is never closed; add a '---' line "
            "after it, or remove the first line if it is not front matter"
        )
    raw = text[start : closing.start()]
    size = len(raw.encode("utf-8"))
    if size > limits.front_matter_bytes:
        what = "front matter of {found:,} bytes is"
        raise over(shown, what, size, limits.front_matter_bytes, "front_matter_bytes")
    end = closing.end()
    try:
        data = yamlsafe.load(_LINE_END.sub("\n", raw), shown, first, limits.yaml_nodes)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + first if mark is not None else first
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        context = getattr(exc, "context_mark", None)
        if context is not None and context.line + first != line:
            problem += f" (in the value that starts on line {context.line + first})"
        hint = (
            "indent with spaces: YAML takes no tab there"
            if "'\\t'" in problem
            else "quote values containing ':' or '#', and use 'key: value' lines"
        )
        raise ContentError(f"{shown}:{line}: bad YAML front matter: {problem}; {hint}") from None
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise ContentError(
            f"{shown}:{first}: front matter must be 'key: value' lines, got a {type(data).__name__}"
        )
    body_line = len(_LINE_END.findall(text, 0, end)) + 1
    return {str(k): v for k, v in data.items()}, text[:end], text[end:], body_line
