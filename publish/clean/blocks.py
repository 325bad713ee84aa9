"""A light block splitter: the text as a list of Markdown blocks with their kinds.

Blocks are runs of non-blank lines; a fenced code block or ``$$`` math block is one block even
across blank lines (a run opening with an amsmath environment, ``\\begin{align}``, or with
``\\[``, is math too). Kinds: heading, fence, math, code (indented), html, table, quote, list,
footnote, refdef, rule, paragraph. Passes that join or split paragraphs (unwrap, seams,
headings) work on ``paragraph`` blocks only and leave every other kind alone.
"""

from __future__ import annotations

import re
from typing import NamedTuple

_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
#: A Liquid tag opening code, alone on its line, its body verbatim to its end tag: Jekyll's
#: ``{% highlight cpp %}`` … ``{% endhighlight %}``, Hexo's ``{% codeblock %}``, GitBook's
#: ``{% code %}``, ``{% raw %}`` (review 222: a post's C++ read as prose, lines joined into
#: comments, two removed as running heads). A fence, as the cleaner reads it.
_LIQUID = r"\{%-?[ \t]*(highlight|codeblock|code|raw)\b"
_LIQUID_OPEN = re.compile(rf"^ {{0,3}}{_LIQUID}[^\n]*?-?%\}}[ \t]*$")
#: A thematic break (``---``, ``***``, ``___``), also a setext underline when it is ``---``.
RULE = re.compile(r"^ {0,3}(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$")
#: ``\\[`` opening a display formula (not pandoc's escaped bracket: ``\\[1\\] Author…``).
_BRACKET_OPENS = r"\\\[(?![^\n]*\\\][^\n]*\S)"
_KINDS: list[tuple[str, re.Pattern[str]]] = [
    ("heading", re.compile(r"^ {0,3}#{1,6}(?:[ \t]|$)")),
    ("math", re.compile(rf"^ {{0,3}}(?:\$\$|{_BRACKET_OPENS}|\\begin\{{)")),  # (amsmath's too)
    ("code", re.compile(r"^(?: {4}|\t)")),
    ("html", re.compile(r"^ {0,3}<(?:[A-Za-z][A-Za-z0-9-]*|/[A-Za-z]|!--|\?|!\[CDATA\[)")),
    ("table", re.compile(r"^ {0,3}\|")),
    ("quote", re.compile(r"^ {0,3}>")),
    ("list", re.compile(r"^ {0,3}(?:[-+*]|\d{1,9}[.)])(?:[ \t]|$)")),
    ("footnote", re.compile(r"^ {0,3}\[\^[^\]]+\]:")),
    ("refdef", re.compile(r"^ {0,3}\[[^\]]+\]:")),
    ("rule", RULE),
]
#: The block syntax of Markdown's extensions, by what each line starts with: a pandoc fenced
#: div's fence (``:::``, ``::: {.note}``), a PyMdown block (``/// html | div``), an admonition
#: or a collapsible block (``!!! note "Title"``, ``??? tip``), a content tab (``=== "Python"``),
#: a Liquid or Jinja tag (``{% include image.html … %}``), a Hugo shortcode (``{{< tab >}}``).
#: Such a line is syntax: no pass joins it to text or edits its marks.
EXTENSIONS = {
    ":::": r":{3,}",
    "///": r"/{3}",
    "!!!": r"!{3}[ \t]",
    "???": r"\?{3}\+?[ \t]",
    "===": r"={3}\+?[ \t]+[\"']",
    "{%": r"\{%-?[ \t]",
    "{{": r"\{\{[<%]",
}
EXTENSION_LINE = re.compile(rf"^[ \t]*(?:{'|'.join(EXTENSIONS.values())})[^\n]*$", re.MULTILINE)
#: A property line of a note's outline (Logseq's and Dataview's ``key:: value``: ``alias::
#: 相关系数, 标准化协方差``, ``logseq.order-list-type:: number``, ``**作者**:: 王小明``), after a
#: list's marker or none: syntax, which no pass joins to text or edits (reviews 168 and 196).
PROPERTY_LINE = re.compile(
    r"^[ \t]*(?:[-*+][ \t]+)?[^\s:`|>#][^:\n`]{0,60}?::(?:[ \t][^\n]*)?$", re.MULTILINE
)
#: A display formula's opening line (``$$``, ``\\[``, ``\\begin{align}``), and its closing
#: one (ending in ``$$``, ``\\]`` or ``\\end{align}``; a ``\\]`` after a ``\\[`` that opens no
#: formula, ``see \\[1\\]``, closes none): lines of their own, which no join takes into the
#: sentence around them (nougat's ``\\[…\\]`` ⏎ ``where \\(y\\) is…``).
DISPLAY_OPENS = re.compile(rf"^[ \t]*(?:\$\$|{_BRACKET_OPENS}|\\begin\{{)")
DISPLAY_CLOSES = re.compile(
    r"^(?:[ \t]*\\\[|(?![^\n]*\\\[))[^\n]*\\\][ \t]*$|^[^\n]*(?:\$\$|\\end\{[A-Za-z*]+\})[ \t]*$"
)
_TABLE_DELIM = re.compile(r"^ {0,3}\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?\s*$")
#: A line inside a paragraph that starts a block of its own (CommonMark can interrupt there).
INTERRUPTS = re.compile(
    r"^ {0,3}(?:#{1,6}(?:[ \t]|$)|>|[-+*][ \t]|1[.)][ \t]|`{3,}|~{3,}|<[A-Za-z/!?]|\|)"
)


class Block(NamedTuple):
    start: int  # offset of the first character
    end: int  # offset just after the last character (before the newline)
    kind: str
    text: str


_ANY_KIND = re.compile(
    "|".join(f"(?P<{kind}>{pattern.pattern[1:]})" for kind, pattern in _KINDS), re.MULTILINE
)
_RUNS = re.compile(r"[^\n]*\S[^\n]*(?:\n[^\n]*\S[^\n]*)*")


def kind_of(text: str) -> str:
    """The kind of the block ``text`` would be."""
    return _kind(text)


#: What a block of a kind other than paragraph starts with (or a digit: a numbered item).
_MARKS = frozenset(" \t#$<|>-+*[_`~\\")


def _kind(text: str) -> str:
    if text[:1] in " {" and _LIQUID_OPEN.match(text.partition("\n")[0]):
        return "fence"
    if text[:1] in _MARKS or text[:1].isdecimal() or not text:  # (else none of the patterns)
        if _FENCE.match(text):
            return "fence"
        found = _ANY_KIND.match(text)
        if found and found.lastgroup and (found.lastgroup != "html" or _html_block(text)):
            return found.lastgroup
    first, _, rest = text.partition("\n")
    if rest and "|" in first and _TABLE_DELIM.match(rest.partition("\n")[0]):
        return "table"
    return "paragraph"


#: Empty anchors a converter sets before a paragraph, a caption or a footnote (``<span
#: id="page-9-0"></span>Table 2: …``): CommonMark starts no HTML block there, the text after
#: them is a paragraph. (Other inline tags before text, ``<b>title</b>`` over a poem, keep the
#: block HTML here, left alone, though CommonMark reads a paragraph: the cleaner's lines rules
#: are not for verse.)
ANCHOR = r"<(?:span|a)\b[^<>]*>[ \t]*</(?:span|a)>[ \t]*"  # (an empty one, and spaces after it)
_ANCHORED = re.compile(rf"^ {{0,3}}(?:{ANCHOR})+(?=[^\s<])")


def _html_block(text: str) -> bool:
    """``text``, which starts with ``<``, is taken for an HTML block: not when empty anchors
    start a line of text."""
    return _ANCHORED.match(text) is None


_CACHE: dict[str, list[Block]] = {}


def forget() -> None:
    """Drop the blocks kept for the texts of the document just cleaned (they hold its text)."""
    _CACHE.clear()


def keep_only(text: str) -> None:
    """Drop the blocks kept for texts other than ``text`` (a pass is about to start on it: the
    texts before are gone, and their blocks hold a copy of each)."""
    for key in [key for key in _CACHE if key != text]:
        del _CACHE[key]


def split_blocks(text: str) -> list[Block]:
    """The blocks of ``text`` (computed once for each text the passes see)."""
    found = _CACHE.get(text)
    if found is None:
        if len(_CACHE) >= 4:
            _CACHE.pop(next(iter(_CACHE)))
        found = _CACHE[text] = _split(text)
    return list(found)


def _split(text: str) -> list[Block]:
    opens = ("```", "~~~", "$$", "<!--", "{%")  # (what a block runs to its closing line from)
    verbatim = "<" in text and _VERBATIM_ANYWHERE.search(text) is not None
    if not verbatim and not any(mark in text for mark in opens):
        found = [
            Block(m.start(), m.end(), _kind(m.group(0)), m.group(0)) for m in _RUNS.finditer(text)
        ]
    else:
        found = _with_fences(text)
    found = _headings_apart(found) if "#" in text else found
    found = _setext_apart(found) if _UNDERLINE_INSIDE.search(text) else found
    found = _html_apart(found) if "<" in text else found
    return _comments_apart(found) if "<!--" in text else found


#: CommonMark's HTML block of type 1, verbatim to the line that closes it: ``<pre>`` (an
#: e-mail's or a printout's lines set as they were; review 152), ``<script>``, ``<style>``,
#: ``<textarea>``.
_VERBATIM = r"<(?:pre|script|style|textarea)(?:[ \t>]|$)"
_VERBATIM_OPEN = re.compile(rf" {{0,3}}{_VERBATIM}", re.I)
_VERBATIM_ANYWHERE = re.compile(rf"^ {{0,3}}{_VERBATIM}", re.I | re.M)
_VERBATIM_CLOSE = re.compile(r"^.*</(?:pre|script|style|textarea)>.*$", re.I | re.M)
#: A fence line, or a ``<pre>``'s, interrupts a paragraph.
_FENCE_AFTER = re.compile(rf"\n {{0,3}}(?:`{{3,}}|~{{3,}}|{_VERBATIM}|{_LIQUID})", re.I | re.M)
_MATH_CLOSE = re.compile(r"^.*\$\$[ \t]*$", re.MULTILINE)
_COMMENT_OPEN = re.compile(r" {0,3}<!--")
_COMMENT_CLOSE = re.compile(r"^.*-->.*$", re.MULTILINE)


def _with_fences(text: str) -> list[Block]:
    """Runs of non-blank lines, as the fast case finds them, but a fence line ends a run, and
    a run that opens a fence, a ``$$`` block, an HTML comment or a ``<pre>`` goes on to its
    closing line, blank lines and all (or to the end of the text)."""
    blocks: list[Block] = []
    pos = 0
    while run := _RUNS.search(text, pos):
        start = run.start()
        line_end = text.find("\n", start, run.end())
        line_end = run.end() if line_end < 0 else line_end
        first = text[start:line_end]
        fence = _FENCE.match(first)
        closing = None
        if fence:
            marker = fence.group(1)
            closing = re.compile(rf"^ {{0,3}}{re.escape(marker[0])}{{{len(marker)},}}[ \t]*$", re.M)
        elif first.lstrip().startswith("$$") and first.strip().count("$$") == 1:
            closing = _MATH_CLOSE
        elif _COMMENT_OPEN.match(first) and "-->" not in run.group(0):
            closing = _COMMENT_CLOSE  # (CommonMark's HTML block of type 2: to its ``-->``)
        elif _VERBATIM_OPEN.match(first) and not _VERBATIM_CLOSE.match(first):
            closing = _VERBATIM_CLOSE
        elif liquid := _LIQUID_OPEN.match(first):
            name = liquid.group(1)
            closing = re.compile(rf"^[ \t]*\{{%-?[ \t]*end{name}\b[^\n]*%\}}[ \t]*$", re.M)
        if closing is not None:
            closed = closing.search(text, line_end + 1) if line_end < len(text) else None
            end = closed.end() if closed else len(text)
        else:
            interrupted = _FENCE_AFTER.search(text, line_end, run.end())
            end = interrupted.start() if interrupted else run.end()
        blocks.append(Block(start, end, _kind(text[start:end]), text[start:end]))
        pos = end + 1
    return blocks


_HEADING_LINE = re.compile(r"^ {0,3}#{1,6}(?:[ \t]|$)", re.MULTILINE)
#: A heading line indented less than any item's text (two columns, ``- ``): a list's end.
_EDGE_HEADING = re.compile(r"^ ?#{1,6}(?:[ \t]|$)", re.MULTILINE)
#: An ATX heading line: its marks, and its title without the closing marks.
ATX = re.compile(r"^ {0,3}(#{1,6})[ \t]+(?P<title>.*?)(?:[ \t]+#+)?[ \t]*$")
#: A heading with nothing in it (``#``, ``## ##``).
EMPTY_HEADING = re.compile(r"^ {0,3}#{1,6}(?:[ \t]+#*)?[ \t]*$")


def _headings_apart(blocks: list[Block]) -> list[Block]:
    """A heading is one line (CommonMark ATX), and it interrupts a paragraph: a heading line
    in a run of paragraph lines, or lines after a heading, are blocks of their own. So does
    a heading line at the left edge in a list's lines (indented less than any item's text, it
    ends the list: ``*`` ⏎ ``text`` ⏎ ``#``, or `` #``)."""
    found: list[Block] = []
    for block in blocks:
        listed = block.kind == "list"
        if block.kind not in ("heading", "paragraph", "list") or "\n" not in block.text:
            found.append(block)
            continue
        heading = _EDGE_HEADING if listed else _HEADING_LINE
        if block.kind != "heading" and not heading.search(block.text):
            found.append(block)
            continue
        run, offset = -1, 0  # where the current run of other lines started
        for line in block.text.split("\n"):
            if heading.match(line):
                if run >= 0:
                    found.append(_part(block, run, offset - 1))
                found.append(_part(block, offset, offset + len(line)))
                run = -1
            elif run < 0:
                run = offset
            offset += len(line) + 1
        if run >= 0:
            found.append(_part(block, run, len(block.text)))
    return found


#: A setext heading's underline with an indented line right after it in the same run.
_UNDERLINE_INSIDE = re.compile(r"[^\n]\n {0,3}(?:=+|-+)[ \t]*\n(?:\t| {4})[ \t]*\S")
_UNDERLINE = re.compile(r" {0,3}(?:=+|-+)[ \t]*")


def _setext_apart(blocks: list[Block]) -> list[Block]:
    """A setext heading (``目录`` ⏎ ``-----``, read as a paragraph here) with lines indented as
    code right under it ends at its underline: those lines are code, as CommonMark reads them
    (a law's table of contents indented with tabs: review 209, its lines split into paragraphs).
    (Other lines under an underline stay in its run: a converter's page break, ``---``, and the
    folio under it are read as such.)"""
    found: list[Block] = []
    for block in blocks:
        found.append(block)
        if block.kind != "paragraph":
            continue
        lines, offset = block.text.split("\n"), 0
        for n, line in enumerate(lines[1:-1], 1):
            offset += len(lines[n - 1]) + 1
            if _UNDERLINE.fullmatch(line) and lines[n + 1].startswith(("\t", "    ")):
                cut = offset + len(line)  # (the rest, indented, is code: no heading in it)
                found[-1:] = [_part(block, 0, cut), _part(block, cut + 1, len(block.text))]
                break
    return found


def _part(block: Block, start: int, end: int) -> Block:
    text = block.text[start:end]
    return Block(block.start + start, block.start + end, _kind(text), text)


#: A line starting a block-level HTML element (CommonMark's HTML block of type 6), which
#: interrupts a paragraph and runs to the next blank line (a converter's ``<table>`` set right
#: under the sentence that leads in to it).
_HTML_INTERRUPTS = re.compile(
    r"\n {0,3}</?(?:address|article|aside|blockquote|body|caption|center|col|colgroup|dd|"
    r"details|dialog|dir|div|dl|dt|fieldset|figcaption|figure|footer|form|h[1-6]|header|hr|"
    r"html|legend|li|main|menu|nav|ol|p|section|summary|table|tbody|td|tfoot|th|thead|tr|ul)"
    r"(?:[ \t/>]|$)",
    re.IGNORECASE | re.MULTILINE,
)


def _html_apart(blocks: list[Block]) -> list[Block]:
    """A paragraph's lines from one that starts a block-level HTML element are an HTML
    block of their own (the text before stays a paragraph)."""
    found: list[Block] = []
    for block in blocks:
        cut = _HTML_INTERRUPTS.search(block.text) if block.kind == "paragraph" else None
        if cut is None:
            found.append(block)
            continue
        found.append(_part(block, 0, cut.start()))
        found.append(
            Block(block.start + cut.start() + 1, block.end, "html", block.text[cut.start() + 1 :])
        )
    return found


def _comments_apart(blocks: list[Block]) -> list[Block]:
    """An HTML comment ends its block on the line it closes (CommonMark HTML block type 2):
    the lines after it are a block of their own."""
    found: list[Block] = []
    for block in blocks:
        while block.kind == "html" and block.text.startswith("<!--") and "\n" in block.text:
            close = block.text.find("-->")
            line_end = block.text.find("\n", close) if close >= 0 else -1
            if line_end < 0:
                break
            head = block.text[:line_end]
            found.append(Block(block.start, block.start + line_end, "html", head))
            rest = block.text[line_end + 1 :]
            start = block.start + line_end + 1
            block = Block(start, block.end, _kind(rest), rest)
        found.append(block)
    return found
