"""Protected spans: the parts of a Markdown text no clean pass may edit.

Fenced and indented code blocks, inline code, autolinks, bare URLs and e-mail addresses, link
and image targets and reference definitions, raw HTML blocks, tags and comments, TeX math, and
``{#id .class key=value}`` attributes. Front matter never reaches the passes:
the read stage splits it off.
"""

from __future__ import annotations

import bisect
import re

from publish.clean.blocks import split_blocks

_FENCE_OPEN = re.compile(r"^ {0,3}(`{3,}|~{3,})[^\n]*$", re.MULTILINE)
_INLINE = re.compile(
    r"""
      (?P<code>(?<!`)(?P<ticks>`+)(?!`).+?(?<!`)(?P=ticks)(?!`))
    | <!--.*?-->
    | <(?:https?|ftp|mailto):[^\s<>]*>
    | </?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>
    | (?:https?|ftp)://[^\s<>()\u3000-\u303f\uff00-\uffef]+
    | [\w.+-]+@[\w-]+(?:\.[\w-]+)+
    | \{[#.:][^}\n]*\} | \{[^}\n=]*=[^}\n]*\}
    | \]\([^)\n]*\)
    | ^\ {0,3}\[[^\]\n]+\]:[^\n]*$
    | \$\$.+?\$\$
    | (?<![\\$\w])\$(?=\S)[^$\n]+?(?<=\S)\$(?![\d$])
    """,
    re.VERBOSE | re.MULTILINE | re.DOTALL,
)


def _fenced_blocks(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    pos = 0
    while True:
        opening = _FENCE_OPEN.search(text, pos)
        if not opening:
            return spans
        fence = opening.group(1)
        if fence[0] == "`" and "`" in opening.group(0)[opening.end(1) - opening.start() :]:
            pos = opening.end()  # a backtick fence's info string may not contain backticks
            continue
        closing = re.compile(rf"^ {{0,3}}{re.escape(fence[0])}{{{len(fence)},}}[ \t]*$", re.M)
        end = closing.search(text, opening.end())
        stop = end.end() if end else len(text)
        spans.append((opening.start(), stop))
        pos = stop


class Protected:
    """The protected spans of one text, merged and sorted, for fast overlap tests."""

    def __init__(self, text: str) -> None:
        fenced = _fenced_blocks(text) + [
            (b.start, b.end) for b in split_blocks(text) if b.kind in ("code", "html", "math")
        ]
        fenced.sort()
        spans = list(fenced)
        for match in _INLINE.finditer(text):
            if not _inside(fenced, match.start()):
                spans.append(match.span())
        merged: list[tuple[int, int]] = []
        for start, end in sorted(spans):
            if merged and start < merged[-1][1]:
                merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
            else:
                merged.append((start, end))
        self.spans = merged
        self._starts = [s for s, _ in merged]

    def overlaps(self, start: int, end: int) -> bool:
        """Whether [start, end) touches a protected span (an empty range: lies inside one)."""
        i = bisect.bisect_right(self._starts, max(end - 1, start)) - 1
        return i >= 0 and self.spans[i][1] > start


def _inside(spans: list[tuple[int, int]], pos: int) -> bool:
    i = bisect.bisect_right(spans, (pos, 1 << 62)) - 1
    return i >= 0 and spans[i][0] <= pos < spans[i][1]
