"""Protected spans: the parts of a Markdown text no clean pass may edit.

Fenced and indented code blocks, inline code, autolinks, bare URLs and e-mail addresses, link
and image targets, reference links (``[text][label]``, ``[label][]``) and definitions, raw HTML
blocks, tags and comments, entity and character references (``&emsp;`` ``&#8212;``), TeX math,
``{#id .class key=value}`` attributes, emoji shortcodes (``:rocket:``), ``@import "…"`` lines
(Markdown Preview Enhanced's), an MDX page's ``import`` and ``export`` paragraphs
(JavaScript), Hugo's ``+++`` TOML front matter and a YAML block after blank lines at the
start (Pandoc's metadata), the lines of
Markdown extensions' block syntax (``:::``, ``!!! note "…"``, ``=== "Tab"``:
:data:`~publish.clean.blocks.EXTENSIONS`), bibliography entries (a line that reads as one,
and every line of a section headed 参考文献, 参考资料, 参考书目, References or Bibliography),
a heading a link in the text names by its anchor (``[信息论](#信息论-视频)``), and a style
guide's counter-examples (``错误：…``: :mod:`publish.clean.counterexamples`), and what an
author told a CJK corrector to leave as written (AutoCorrect's ``<!-- autocorrect-disable -->``
to ``<!-- autocorrect-enable -->``, or ``autocorrect: false`` to ``true``: MDN's Chinese pages,
VitePress docs). YAML front matter never reaches the passes: the read stage splits it off.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from urllib.parse import unquote

from publish.cjk import has_cjk_letter
from publish.clean import scan
from publish.clean.blocks import EXTENSIONS, PROPERTY_LINE, split_blocks
from publish.clean.counterexamples import counter_examples
from publish.clean.lines import merged
from publish.clean.shapes import REFERENCE
from publish.clean.trace import Edit

#: A fence at any indent: one in a list item, a content tab or an admonition is indented with
#: its container (``=== "C++"`` ⏎ ``    ```cpp``), and is code all the same; so is one that
#: opens a list's item or a quotation's line (a Logseq page's ``\t- ``` js``, closed by
#: ``\t  ```: review 180), after their markers.
_CONTAINERS = r"[ \t]*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+|>[ \t]?)*"
_FENCE_OPEN = re.compile(rf"^{_CONTAINERS}(`{{3,}}|~{{3,}})[^\n]*$", re.MULTILINE)
_ATTRIBUTE = r"""[A-Za-z_:][A-Za-z0-9_.:-]*(?:\s*=\s*(?:[^\s"'=<>`]+|'[^']*'|"[^"]*"))?"""
_DOLLARS = r"\$\$.+?\$\$"  # display math
_DISPLAY = re.compile(_DOLLARS, re.DOTALL)
# TeX's own delimiters, as Mathpix and nougat write math: ``\\(f(x)\\)`` in a line,
# ``\\[…\\]`` displayed, within a paragraph (no blank line inside); math holds a Latin
# letter, a digit or ``^_=`` (YomiToku's escaped marks, ``\\(别的\\)``, hold none, and
# ``\\\\(`` is an escaped backslash before a bracket)
_TEX = {
    opens: re.compile(
        rf"(?<!\\)\\\{opens}(?=(?:(?!\\\{closes}|\n[ \t]*\n).)*?[A-Za-z0-9^_=])"
        rf"(?:(?!\n[ \t]*\n).)*?\\\{closes}",
        re.DOTALL,
    )
    for opens, closes in ("()", "[]")
}
#: The rest of a paragraph, to the blank line that ends it.
_PARA = r"[^\n]*(?:\n(?![ \t]*\n)[^\n]*)*"
_DECLARES = r"const|let|var|function|class|async|default|\{|\*"
#: (a substring that must occur for the pattern to match, the pattern): scanning only when the
#: trigger is present keeps plain prose fast. A one-character trigger listed in
#: :data:`_STARTS` is how every match starts: the pattern is tried only where it stands.
_SCANS: list[tuple[str, re.Pattern[str]]] = [
    ("`", re.compile(r"(?<!`)(`+)(?!`).+?(?<!`)\1(?!`)", re.DOTALL)),
    (
        "<",
        re.compile(
            r"<!--.*?-->|<(?:https?|ftp|mailto):[^\s<>]*>"
            # a tag as CommonMark reads one (so ``<l to insert after ' sarn,#…>``, OCR's, is not)
            rf"|<[A-Za-z][A-Za-z0-9-]*(?:\s+{_ATTRIBUTE})*\s*/?>|</[A-Za-z][A-Za-z0-9-]*\s*>",
            re.DOTALL,
        ),
    ),
    ("://", re.compile(r"(?:https?|ftp)://[^\s<>()\u3000-\u303f\uff00-\uffef]+")),
    ("@", re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")),
    # Markdown Preview Enhanced's import of a file, ``@import "./pic/图.png"``: curly quotes
    # would break it (review 117)
    ("@import", re.compile(r"^[ \t]*@import[ \t]+\"[^\"\n]*\"[^\n]*$", re.MULTILINE)),
    # an MDX page's JavaScript (Docusaurus's, MDX's own ESM): a paragraph opening on
    # ``import X from '…'`` or ``export const …``, to the blank line that ends it; its strings'
    # quotation marks curled, ``"见\"宫阙\"。"``, the page no longer compiles (review 208)
    ("import", re.compile(rf"^import[ \t]+(?:[\w${{*][^\n]*?[ \t]from[ \t]*)?['\"]{_PARA}", re.M)),
    ("export", re.compile(rf"^export[ \t]+(?:{_DECLARES})\b{_PARA}", re.M)),
    ("{", re.compile(r"\{[#.:][^}\n]*\}|\{[^}\n=]*=[^}\n]*\}")),
    # (and one that lost its ``#``, ``&9826;``: its ``;`` is no mark of the text's)
    ("&", re.compile(r"&(?:[A-Za-z][A-Za-z0-9]{1,31}|#?[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6});")),
    ("](", re.compile(r"\]\([^)\n]*\)")),
    # an emoji shortcode (GitHub's ``:see_no_evil:``, ``:+1:``): a ``：`` for its colon, beside
    # Chinese, and it shows as text (review 115)
    (":", re.compile(r"(?<![\w:/]):(?:[\w+-]*[a-z][\w+-]*|[+-]1):(?![\w/])", re.ASCII)),
    # a reference link, ``[第一部: 基本文法][]`` or ``[text][label]``: its label names the
    # definition, which matches it letter for letter
    ("][", re.compile(r"\[[^\[\]\n]*\]\[[^\[\]\n]*\]")),
    ("]:", re.compile(r"^ {0,3}\[[^\]\n]+\]:[^\n]*$", re.MULTILINE)),
    # (an opening ``$`` right after a Latin letter or digit is a price, ``US$5``; after a
    # Chinese letter it is math, ``即为$\boldsymbol{x}=(…)$``)
    (
        "$",
        re.compile(
            rf"{_DOLLARS}|(?<![\\$A-Za-z0-9_])\$(?=[ ]?[^\s$])(?:[^$\n]|\n(?![ \t]*\n))+?"
            r"(?<=\S)[ ]?\$(?![\d$])",  # (a line's end inside, not a blank line: ``$4kT`` ⏎
            # ``= 1.7…$``; a space inside each end, as MinerU sets math, ``$ \mathcal{S} = … $``:
            # its ``$`` paired with the next math's, the prose between them taken for math and
            # that math's commas widened, ``\{上，下\}``; review 221)
            re.DOTALL,
        ),
    ),
]
_SCANS.extend((f"\\{opens}", _TEX[opens]) for opens in _TEX)
_SCANS.append(("::", PROPERTY_LINE))
# Distributed Proofreaders' block not to be rewrapped, a table's or a poem's lines between ``/*``
# and ``*/`` alone on their lines (review 244: 127 rows of two books' tables run together,
# Hyperion's lines joined)
_SCANS.append(
    ("/*", re.compile(r"^[ \t]*/\*[ \t]*$.*?^[ \t]*\*/[ \t]*$", re.MULTILINE | re.DOTALL))
)
# a wiki link, ``[[二叉树后序遍历(递归法)]]``: its target is a note's name, letter for letter
# (an Obsidian vault's; review 196)
_SCANS.append(("[[", re.compile(r"\[\[[^\[\]\n]+\]\]")))
_SCANS.extend(
    (start, re.compile(rf"^[ \t]*{body}[^\n]*$", re.MULTILINE))
    for start, body in EXTENSIONS.items()
)
_STARTS = frozenset("`$:")
_CACHE: dict[str, Protected] = {}


def _matches(pattern: re.Pattern[str], text: str, trigger: str) -> Iterator[re.Match[str]]:
    if trigger in _STARTS:
        return scan.finditer(pattern, text, trigger)
    return pattern.finditer(text)


def forget() -> None:
    """Drop the spans kept for the texts of the document just cleaned (they hold its text)."""
    _CACHE.clear()


_TOML_FRONT = re.compile(r"\A\+\+\+[ \t]*\n(?:.*\n)*?\+\+\+[ \t]*$", re.MULTILINE)
#: A YAML block after blank lines only, ``key: value`` its first line: Pandoc's metadata block
#: (the read stage splits off only one that opens the file).
_YAML_AFTER_BLANKS = re.compile(
    r"\A(?:[ \t]*\n)+---[ \t]*\n[A-Za-z_][\w-]*:[ \t].*\n(?:.*\n)*?(?:---|\.\.\.)[ \t]*$",
    re.MULTILINE,
)


#: A Hugo shortcode's pair, each tag alone on its line, in angle brackets: its body goes to
#: the shortcode as written, no Markdown (``{{< code-toggle >}}`` ⏎ ``[cascade.params]`` ⏎
#: ``color = 'red'`` ⏎ ``{{< /code-toggle >}}``, TOML; review 64). ``{{% … %}}``'s is Markdown.
_SHORTCODE_PAIR = re.compile(
    r"^[ \t]*\{\{<\s*([A-Za-z][\w-]*)\b[^\n]*?>\}\}[ \t]*\n.*?^[ \t]*\{\{<\s*/\1\s*>\}\}[ \t]*$",
    re.MULTILINE | re.DOTALL,
)


def _front_matter(text: str) -> list[tuple[int, int]]:
    """Front matter the read stage leaves in the body (it splits off YAML's ``---`` when it
    opens the file): Hugo's TOML (``+++`` ⏎ ``title = "…"`` ⏎ ``+++``), and Pandoc's YAML
    block after blank lines (``title: "心體與性體第一冊"``). Its lines are the author's fields."""
    if text.startswith("+++"):
        found = _TOML_FRONT.match(text)
    elif text[:1] in ("\n", " ", "\t"):
        found = _YAML_AFTER_BLANKS.match(text)
    else:
        return []
    return [found.span()] if found else []


_LINK_TO_ANCHOR = re.compile(r"\]\(#([^)\s]+)\)")
_HEADING_LINE = re.compile(
    r"^[ \t]*(?:[-*+][ \t]+|\d{1,9}[.)][ \t]+)?#{1,6}[ \t]+(.+?)(?:[ \t]+#+)?[ \t]*$", re.M
)
_NOT_IN_SLUG = re.compile(r"[^\w\- ]")


def _anchored_headings(text: str) -> list[tuple[int, int]]:
    """The headings a link in the text names by their anchor (``[信息论](#信息论-视频)`` names
    ``### 信息论 (视频)``, as GitHub and most renderers make the anchor of a heading's words):
    a change to their words would break the link."""
    if "](#" not in text:
        return []
    targets = {unquote(m.group(1)).lower() for m in _LINK_TO_ANCHOR.finditer(text)}
    return [
        m.span()
        for m in _HEADING_LINE.finditer(text)
        if _NOT_IN_SLUG.sub("", m.group(1).strip().lower()).replace(" ", "-") in targets
    ]


def fenced_blocks(text: str) -> list[tuple[int, int]]:
    """The fenced code blocks of ``text``, at any indent, from the opening fence to the
    closing one (or the text's end)."""
    spans: list[tuple[int, int]] = []
    if "```" not in text and "~~~" not in text:
        return spans
    pos = 0
    while True:
        opening = _FENCE_OPEN.search(text, pos)
        if not opening:
            return spans
        fence = opening.group(1)
        if fence[0] == "`" and "`" in opening.group(0)[opening.end(1) - opening.start() :]:
            pos = opening.end()  # a backtick fence's info string may not contain backticks
            continue
        column = _column(text[opening.start() : opening.start(1)])
        closing = re.compile(rf"^([ \t>]*){re.escape(fence[0])}{{{len(fence)},}}[ \t]*$", re.M)
        ends = (
            m for m in closing.finditer(text, opening.end()) if _column(m.group(1)) <= column + 3
        )
        end = next(ends, None)  # (one indented four columns more is the code's own line: a
        # fence shown inside a fence of more backticks, ``    ````` in ``````{list-table}``)
        stop = end.end() if end else len(text)
        spans.append((opening.start(), stop))
        pos = stop


def _column(prefix: str) -> int:
    """The column a line's text starts at after ``prefix`` (its indent and container markers;
    a tab to the next multiple of four, as CommonMark reads it)."""
    return len(prefix.expandtabs(4))


_OFF = re.compile(r"<!--[^\n]*?autocorrect(?:-disable|:[ \t]*false)[^\n]*?-->")
_ON = re.compile(r"<!--[^\n]*?autocorrect(?:-enable|:[ \t]*true)[^\n]*?-->")


def _disabled(text: str) -> list[tuple[int, int]]:
    """From each comment that turns AutoCorrect off to the one that turns it on again (or the
    text's end): its author's word to leave it as written (review 153: a GB/T 7714 list)."""
    spans, pos = [], 0
    while (off := _OFF.search(text, pos)) is not None:
        on = _ON.search(text, off.end())
        pos = on.end() if on else len(text)
        spans.append((off.start(), pos))
    return spans


class Protected:
    """The protected spans of one text, merged and sorted, for fast overlap tests."""

    def __init__(self, text: str) -> None:
        fenced = (
            fenced_blocks(text)
            + _front_matter(text)
            + ([m.span() for m in _SHORTCODE_PAIR.finditer(text)] if "{{<" in text else [])
            + [
                (b.start, b.end)
                for b in split_blocks(text)
                if b.kind in ("code", "html", "math", "fence")  # (a Liquid one's too)
            ]
            + (_disabled(text) if "autocorrect" in text else [])
            + (environments(text) if "\\begin{" in text else [])
        )
        fenced.sort()
        spans = [*fenced, *references(text), *_anchored_headings(text), *counter_examples(text)]
        for trigger, pattern in _SCANS:
            if trigger in text:
                spans.extend(
                    m.span()
                    for m in _matches(pattern, text, trigger)
                    if not _inside(fenced, m.start())
                )
        self.spans = merged(spans)
        self._starts = [s for s, _ in self.spans]

    def shifted(self, new_text: str, edits: list[Edit]) -> Protected:
        """The same spans in ``new_text``, made from this text by ``edits`` (none of which
        touches a protected span), without scanning again."""
        moved = Protected.__new__(Protected)
        spans, delta, i = [], 0, 0
        for start, end in self.spans:
            while i < len(edits) and edits[i].start < start:
                delta += len(edits[i].new) - (edits[i].end - edits[i].start)
                i += 1
            spans.append((start + delta, end + delta))
        moved.spans = spans
        moved._starts = [s for s, _ in spans]
        _remember(new_text, moved)
        return moved

    @classmethod
    def of(cls, text: str) -> Protected:
        """The protected spans of ``text``, computed once for each text the passes see."""
        found = _CACHE.get(text)
        if found is None:
            found = cls(text)
            _remember(text, found)
        return found

    def covers(self, start: int, end: int) -> bool:
        """Whether [start, end) lies wholly inside one protected span."""
        i = bisect.bisect_right(self._starts, start) - 1
        return i >= 0 and self.spans[i][0] <= start and end <= self.spans[i][1]

    def cuts(self, offset: int) -> bool:
        """Whether ``offset`` falls strictly inside a protected span."""
        i = bisect.bisect_right(self._starts, offset) - 1
        return i >= 0 and self.spans[i][0] < offset < self.spans[i][1]

    def overlaps(self, start: int, end: int) -> bool:
        """Whether [start, end) touches a protected span (an empty range: lies inside one)."""
        i = bisect.bisect_right(self._starts, max(end - 1, start)) - 1
        return i >= 0 and self.spans[i][1] > start


_SECTION = re.compile(
    r"^ {0,3}(#{1,6})[ \t]*[*_]*(?:参考文献|参 考 文 献|参考资料|参考書目|参考书目|references"
    r"|bibliography|works cited"
    r"|literature cited|sources cited)[*_]*[ \t:：]*$",
    re.MULTILINE | re.IGNORECASE,
)


def references(text: str) -> list[tuple[int, int]]:
    """The lines of bibliography entries, a line or two between two entries' (the tail of the
    one above, which a print wrapped: ``[4]郁欢欢,薛敏,…存活率`` ⏎ ``的影响[J].…`` ⏎ ``[5]…``),
    lines citing a journal's year, volume, issue and pages, numbered or not (``张三, 李四.
    题名. 刊名, 2020, 43(2): 1-10``), and whole reference sections."""
    found: list[tuple[int, int]] = []
    entries = "[" in text or "［" in text or "【" in text
    for match in REFERENCE.finditer(text) if entries else ():
        start = text.rfind("\n", 0, match.start()) + 1
        end = text.find("\n", match.end())
        line = (start, len(text) if end < 0 else end)
        if found and found[-1][1] < start - 1:
            tail = text[found[-1][1] + 1 : start - 1]
            blank = _BLANK_LINE.search(text, found[-1][1], start)
            if tail.count("\n") <= 1 and tail.strip() and blank is None:
                found.append((found[-1][1] + 1, start - 1))
        if not found or found[-1] != line:
            found.append(line)
    for match in _CITED.finditer(text) if "(" in text or "（" in text else ():
        start = text.rfind("\n", 0, match.start()) + 1
        if has_cjk_letter(text[start : match.start()]):  # (an English one's marks stay as
            found.append((start, match.end()))  # they are; its words may need repair)
    for heading in _SECTION.finditer(text) if "#" in text else ():
        level = len(heading.group(1))
        after = re.compile(rf"^ {{0,3}}#{{1,{level}}}[ \t]", re.MULTILINE).search(
            text, heading.end()
        )
        found.append((heading.end() + 1, after.start() - 1 if after else len(text)))
    return found


_BLANK_LINE = re.compile(r"\n[ \t]*\n")
#: A journal's year, volume, issue and pages after a comma, ending a line as they end a
#: citation, its link after them or not (``刊名, 2020, 43(2): 1-10``, ``中国电机工程学报，
#: 2013，33(10)：8-17.``, ``…院刊, 2025, 40(3): 441-445 [http://…](…)``: a post's further
#: reading, review 191; a thesis's references without their numbers, review 125); not inside
#: a sentence that cites them.
_CITED = re.compile(
    r"[,，][ \t]*(?:1[5-9]|20)\d\d[ \t]*[,，][ \t]*\d{1,4}[ \t]*[(（][^()（）\n]{1,12}[)）]"
    r"[ \t]*[:：][ \t]*\d+(?:[ \t]*[-–~][ \t]*\d+)?[ \t]*[.。]?"
    r"(?:[ \t]*(?:\[[^\]\n]*\]\([^)\n]*\)|\[?(?:https?://|doi:)[^\s\]]+\]?|<[^<>\n]+>))?[ \t]*$",
    re.MULTILINE,
)


def display_math(text: str) -> list[tuple[int, int]]:
    """Display math (``$$…$$``, TeX's ``\\[…\\]`` and environments, ``\\begin{align*}…``),
    also where it opens inside a paragraph
    (``…的概率为`` ⏎ ``$$``), which the blocks do not read as a math block."""
    spans = [m.span() for m in _matches(_DISPLAY, text, "$")] if "$$" in text else []
    spans += [m.span() for m in _TEX["["].finditer(text)] if "\\[" in text else []
    return spans + environments(text) if "\\begin{" in text else spans


_BEGIN_END = re.compile(r"\\(begin|end)\{([A-Za-z]+\*?)\}")


def environments(text: str) -> list[tuple[int, int]]:
    """TeX's environments, ``\\begin{align*}`` to its ``\\end{align*}`` (the outermost of
    those nested), as MathJax reads them in Markdown: a course's lecture notes, a textbook's
    (review 217: their lines taken for running heads and removed, a formula cut in two by a
    blank line). Paired in one pass, an ``\\end`` closing the nearest open ``\\begin`` of its
    name; one never closed opens no span."""
    spans: list[tuple[int, int]] = []
    opened: list[tuple[str, int]] = []
    open_of: dict[str, int] = {}  # (how many of each name are open)
    for m in _BEGIN_END.finditer(text):
        name = m.group(2)
        if m.group(1) == "begin":
            opened.append((name, m.start()))
            open_of[name] = open_of.get(name, 0) + 1
            continue
        if not open_of.get(name):
            continue
        while True:  # (close those opened since, never closed themselves)
            was, start = opened.pop()
            open_of[was] -= 1
            if was == name:
                break
        if not opened:
            spans.append((start, m.end()))
    return spans


def _inside(spans: list[tuple[int, int]], pos: int) -> bool:
    i = bisect.bisect_right(spans, (pos, 1 << 62)) - 1
    return i >= 0 and spans[i][0] <= pos < spans[i][1]


def _remember(text: str, protected: Protected) -> None:
    if len(_CACHE) >= 4:
        _CACHE.pop(next(iter(_CACHE)))
    _CACHE[text] = protected
