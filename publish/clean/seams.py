"""Pass ``seams``: a paragraph cut by a page or column break is joined to its other half.

Only running text is joined (:func:`~publish.clean.shapes.is_running_text`): never a heading,
list, table, quote, code, image, caption, reference entry or a paragraph that is only bold;
and a note at a page's foot (``2 In the last part…``) is never a second half.
Floats (images, tables, captions, a converter's footnotes) and HTML comments between the halves
move after the joined paragraph. Nothing is joined across a removed continuation marker: text
after ``上接`` came from elsewhere. A seam needs evidence on both sides
(:mod:`publish.clean.halves` says how sure it is that two paragraphs are the halves of one
sentence). A paragraph all in bold is joined only to a next one all in bold that goes on in
lower case (a sidebar's question cut in two), a title cut into paragraphs under a heading of
the same words is joined (:mod:`~publish.clean.titles`), and the title as printed under its
heading is never the first part of a seam::

    …全面贯彻落实党的二十和二十⏎⏎届二中全会精神,深入… -> …二十和二十届二中全会精神,深入…
    That day I saw more⏎⏎![](p8.jpg)⏎⏎deer than I…  -> That day I saw more deer than I…⏎⏎![](p8.jpg)
"""

from __future__ import annotations

import regex

from publish.cjk import TERMINAL
from publish.clean import evidence as ev
from publish.clean import halves, rounds, titles, unshown
from publish.clean.blocks import Block, split_blocks
from publish.clean.editor import Editor
from publish.clean.joining import joiner
from publish.clean.markers import MARKER
from publish.clean.numbering import rank, style
from publish.clean.pagelines import PAGE_MARKER
from publish.clean.protect import Protected
from publish.clean.shapes import (
    COMMENT,
    ends_sentence,
    is_float_at,
    is_running_text,
    only_bold,
    only_emphasis,
    short_line,
    starts_continuing,
    starts_lowercase,
    starts_note,
)
from publish.clean.trace import Edit
from publish.clean.words import Lexicon

NAME = "seams"
FLOAT_BETWEEN = "a float stands between the parts"
_COMMENT_BETWEEN = "an HTML comment (nothing a reader sees) stands between the parts"
_KEEP = 500  # characters kept at each end of a long part as it will read (all judge looks at)


def _text(block: Block) -> bool:
    """Running text (:func:`~publish.clean.shapes.is_running_text`), not a page marker left
    on its line (``furniture`` turned off): such a line takes no part in a seam."""
    return is_running_text(block) and PAGE_MARKER.match(block.text) is None


def _heads_rows(blocks: list[Block], k: int) -> bool:
    """``blocks[k]`` and the block after it read as rows of a table set a row a paragraph
    (:func:`~publish.clean.halves.is_row`): the table's first, no sentence's second half."""
    return (
        k + 1 < len(blocks) and halves.is_row(blocks[k].text) and halves.is_row(blocks[k + 1].text)
    )


def _among_records(blocks: list[Block], i: int) -> bool:
    """``blocks[i]`` is a short line after two more, each a paragraph ending on no mark: a
    title page's or an address's lines (``布拉德福德图书`` ⏎⏎ ``麻省理工学院出版社`` ⏎⏎
    ``马萨诸塞州，剑桥`` ⏎⏎ ``英格兰，伦敦``: joined as ``剑桥英格兰``, review 92), records, not
    the first half of a cut paragraph."""
    return (
        i >= 2
        and all(
            block.kind == "paragraph"
            and short_line(block.text)
            and _ENDS_ON_MARK.search(block.text) is None
            for block in blocks[i - 2 : i]
        )
        and short_line(blocks[i].text)
    )


_ENDS_ON_MARK = regex.compile(r"\p{P}[*_ \t]*$")


def _partner(blocks: list[Block], i: int, edit: Editor) -> tuple[int, list[str]] | None:
    """The next running-text block after ``blocks[i]`` past floats, and what is between."""
    between: list[str] = []
    j = i + 1
    while j < len(blocks) and (is_float_at(blocks, j) or COMMENT.match(blocks[j].text)):
        if MARKER.search(blocks[j].text):  # a continuation marker kept beside a float
            return None
        between.append(FLOAT_BETWEEN if is_float_at(blocks, j) else _COMMENT_BETWEEN)
        j += 1
    if j >= len(blocks) or not _text(blocks[j]) or starts_note(blocks[j].text):
        return None
    second = blocks[j].text
    if second.startswith("\u3000") and not starts_continuing(second.lstrip("\u3000 \t")):
        return None  # (its print indented it: a paragraph of its own, ``　　在此，…``)
    pages = _page_breaks(edit, blocks[i].end, blocks[j].start)
    return None if pages is None else (j, list(dict.fromkeys(between + pages)))


def _page_breaks(edit: Editor, start: int, end: int) -> list[str] | None:
    """The page breaks between ``start`` and ``end``, as evidence; None when text from
    elsewhere may stand after them (a jump line other than a "continued on" and its "from")."""
    boundaries = edit.pages.between(start, end)
    foreign = sorted(b.kind for b in boundaries if b.kind != ev.PAGE)
    if foreign and foreign != sorted([ev.GOES_ON, ev.CAME_FROM]):  # "continued on", "from"
        return None
    return [f"{halves.PAGE_BREAK} between the parts ({b.why})" for b in boundaries]


def _links(
    text: str, blocks: list[Block], edit: Editor, only: list[tuple[int, int]] | None
) -> list[tuple[int, int, Edit]]:
    """Every seam (after a block next to one of the ranges ``only``, when given): (first
    block, second block, the edit joining them in place)."""
    lexicon = Lexicon(text)
    protected = Protected.of(text)
    links = []
    reading: dict[int, str] = {}  # a block after a seam, with the parts before it joined on
    names = titles.headings(blocks) if only is None else frozenset()  # (all in the first round)
    title = {k for i, last in titles.runs(blocks, names).items() for k in range(i, last)}
    shown = unshown.Shown(text, blocks, edit.pages)  # (what it shows, when a seam asks)
    first_of = _first_of(blocks)
    styles = {style(b.text.lstrip("#").strip(" \t*_")) for b in blocks if b.kind == "heading"}
    scrambled = _scrambled(blocks)
    for i, first in enumerate(blocks):
        if only is not None and i not in reading:
            end = blocks[i + 1].end if i + 1 < len(blocks) else first.end
            if not rounds.touches(only, first.start, end):
                continue
        if i in title and not edit.pages.between(first.end, blocks[i + 1].start):
            links.append((i, i + 1, _title_seam(first, blocks[i + 1], lexicon)))
            continue
        before = reading.pop(i, first.text)
        last = before[-1:]
        ended = first.kind != "paragraph" or (last in TERMINAL and last not in "*_)]")
        if ended and (i + 1 == len(blocks) or not starts_continuing(blocks[i + 1].text)):
            continue  # (a quick look first: most paragraphs end a sentence)
        if _text(first):
            if _among_records(blocks, i) or _quoting(blocks, first_of.get(first.text, i), i):
                continue  # (a record; a paragraph quoting one before it: :func:`_first_of`)
            if i == 0 and _META.match(first.text):
                continue  # (a page's metadata, MkDocs's ``author: hsfzLZH1, Ir1d`` over the
                # first sentence, which joined would be read into it: OI-wiki; review 229)
            found = _partner(blocks, i, edit)
            verdict = found and halves.judge(before, blocks[found[0]].text, found[1])
        else:
            found, verdict = _bold_parts(blocks, i, before, edit)
        if found and protected.covers(first.start, blocks[found[0]].end):
            continue
        if found and _turn_after(before, blocks[found[0]].text):
            continue  # (``…一直滑向黑暗里——`` ⏎⏎ ``“砰！”``: a story's line of its own)
        if found and _heads_rows(blocks, found[0]):
            continue  # (a table's first row: ``类型 特点与临床意义`` ⏎⏎ ``均一性…``)
        if found and not found[1] and shown.in_verse(i, found[0]):
            continue  # (a poem's lines, one a paragraph: ``抬头望着繁星满天，`` ⏎⏎ ``不禁…``)
        if verdict and verdict[0] < ev.STRONG and titles.heading_words(before, names):
            continue  # the document's title, as it prints it under its heading
        if not (found and verdict):
            continue
        second = blocks[found[0]]
        ends = len(first.text) - len(first.text.rstrip(" \t"))  # (an author's spaces at its
        # end, which ``normalise`` leaves: they go with the seam, not doubled in the line)
        join = joiner(first.text[: len(first.text) - ends], second.text.lstrip(" "), lexicon)
        drop = join.drop + ends
        lead = len(second.text) - len(second.text.lstrip(" "))  # (its spaces, an indent that
        # is none: they go too, or ``the`` ⏎⏎ `` prospects`` reads ``the  prospects``)
        joined = before[: len(before) - drop] + join.between + second.text[lead:]
        reading[found[0]] = joined if len(joined) < 4 * _KEEP else joined[:_KEEP] + joined[-_KEEP:]
        whys = (*verdict[1], join.why) if join.why else verdict[1]
        confidence = min(verdict[0], join.confidence)
        bare = not found[1] and not shown.converted  # (nothing between, no conversion shown)
        if bare and unshown.chinese_only(verdict[1]):
            confidence, whys = shown.weigh(confidence, whys, before, found[0])
        if not found[1] and unshown.chinese_only(verdict[1]) and _new_start(first, second, shown):
            confidence = min(confidence, ev.LIKELY)  # (its stops lost: ``…结论是应当优先考虑
            # 能耗指标`` ⏎⏎ ``由于…``, a paper's paragraphs run on; review 127)
        if not (found[1] or shown.converted) and _last_item(blocks, i, second):
            confidence = min(confidence, ev.LIKELY)
        if FLOAT_BETWEEN in whys and _LEADS_IN.search(before[-12:]):
            continue  # (``…示意图如下所示`` ⏎⏎ the figure: the sentence leads to it, and ends)
        paged = any(why.startswith(halves.PAGE_BREAK) for why in whys)
        if not paged and _numbered_as_headings(before, styles):
            confidence, whys = min(confidence, ev.LIKELY), (*whys, _HEADED)
        if scrambled:
            confidence, whys = min(confidence, ev.LIKELY), (*whys, _SCRAMBLED)
        lower = starts_lowercase(second.text)
        pictured = FLOAT_BETWEEN in whys and unshown.chinese_only(verdict[1])
        if pictured and not (paged or shown.converted):
            continue  # (an author's picture between two paragraphs, the first a caption or a
            # remark on no mark: ``…居然还能吃到西餐的`` ⏎⏎ ``![](…)`` ⏎⏎ ``小明偷拍我是吧``, a
            # blog's; review 164, two travel blogs)
        stated = FLOAT_BETWEEN in whys and before.rstrip().endswith(("**", "__"))
        if (halves.CARRIES in whys or stated) and not (paged or lower or shown.converted):
            confidence = min(confidence, ev.LIKELY)  # (a README that ends its paragraphs on
            # no mark, a picture between two: ``…出现一个小图标`` ⏎⏎ ``![](…)`` ⏎⏎ ``我们…``;
            # a blog's statement in bold, ``第二个事实，**做课不如写码挣钱**``, over its
            # screenshot: review 107)
        seam = Edit(first.end - drop, second.start + lead, join.between, confidence, whys)
        links.append((i, found[0], seam))
    return links


_HEADED = "the first part opens on a number as the document's headings do: a title"
_SCRAMBLED = "most of the text's paragraphs stop mid-sentence: its columns' pieces, no evidence"
#: Paragraphs a text holds, and the share of them stopping mid-sentence, that make its
#: paragraphs pieces of columns OCR scrambled (:func:`_scrambled`).
_PIECES, _OPEN_SHARE = 100, 0.7


def _scrambled(blocks: list[Block]) -> bool:
    """The text's paragraphs are pieces of columns OCR interleaved: a hundred or more, seven
    in ten of them stopping mid-sentence, so that one stopping so says nothing of what goes on
    after it (newspaper clippings OCR'd a column's line at a time, ``…Lindquist,`` ⏎⏎ ``pect
    it``: review 239, four documents; Docling's scanned newsletters, review 235)."""
    ends = [b.text.rstrip()[-1:] for b in blocks if b.kind == "paragraph"]
    if len(ends) < _PIECES:
        return False
    stopping = sum(1 for end in ends if end and end not in TERMINAL and end not in _CLOSES)
    return stopping >= _OPEN_SHARE * len(ends)


_CLOSES = '"”’)*_]'
_STOPS = regex.compile(r"[。！？；!?;]")


def _numbered_as_headings(part: str, styles: set[int]) -> bool:
    """``part`` is one line, a title's length, without a stop, and opens on a number of a
    kind the document's headings open on: a sub-head its converter left a paragraph
    (``（1）…合理性缺乏规定`` beside ``# （2）使用许可协议…``, ``1.5.3子宫重量…`` beside ``# 1.4母羊
    饲养管理``; review 236, three MinerU papers), not a sentence cut."""
    line = part.strip(" \t*_")
    if "\n" in line or len(line) > _TITLE_WIDTH or _STOPS.search(line):
        return False
    return style(line) in styles - {0}


_TITLE_WIDTH = 48  # (characters: a paper's longest sub-heads hold about 40)


def _turn_after(before: str, second: str) -> bool:
    """``second`` is a quotation whole, one line opening and closing it (a line of dialogue, a
    sound), after a part that breaks off on a dash or an ellipsis or is a line in emphasis
    alone (a story's ``…一直滑向黑暗里——`` ⏎⏎ ``“砰！”``, a tagline in italics over the first
    line spoken: review 200, two stories): a turn of its own, no sentence's other half."""
    if "\n" in second or second[:1] not in _TURN_OPENS or second.rstrip()[-1:] not in _TURN_CLOSES:
        return False
    end = before.rstrip()
    return end.endswith(_BREAKS_OFF) or only_emphasis(end.rpartition("\n")[2])


_TURN_OPENS, _TURN_CLOSES = '“「『"', '”」』"'
_BREAKS_OFF = ("——", "--", "……", "...")


def _last_item(blocks: list[Block], i: int, second: Block) -> bool:
    """Block ``i`` is an item numbered as the paragraph before it is (``7、…`` ⏎⏎ ``8、…``),
    each item a paragraph, and ``second`` none: in a text that shows no conversion, the run's
    last item, whole as the ones before it, then the text after the list (review 157), as
    likely as an item cut (in converted text a page's end cuts such an item with no marker,
    an OCR'd textbook's ``（4）…尿酮体阳性的`` ⏎⏎ ``现象。``, and the seam stands)."""
    level = rank(blocks[i].text)
    return level > 0 and i > 0 and rank(blocks[i - 1].text) == level and not rank(second.text)


def _new_start(first: Block, second: Block, shown: unshown.Shown) -> bool:
    """Nothing but Chinese going on says ``second`` goes on from ``first``, and more says it
    starts anew: the text lost its stops (:attr:`~publish.clean.unshown.Shown.lost_stops`),
    or ``first`` ends on no mark and ``second`` opens with a word a sentence opens with
    (``…保持稳定`` ⏎⏎ ``通过对比实验…``, ``…利用率更高`` ⏎⏎ ``但本方法…``: review 141, a
    conclusion's paragraphs, their stops lost; not after a comma, ``…产品，`` ⏎⏎ ``通过…``)."""
    if shown.lost_stops:
        return True
    return _ENDS_ON_MARK.search(first.text) is None and _OPENS.match(second.text) is not None


#: Words a Chinese sentence opens with, not one going on: but, so, besides, through, this
#: paper, first, finally, in short, next; against this background, meanwhile, from this
#: (``…强化了经济减速趋势`` ⏎⏎ ``在此背景下…``: review 243).
_OPENS = regex.compile(
    r"[ \t]*(?:但是?|然而|因此|所以|此外|另外|通过|本文|首先|其次|最后|总之|综上|下一步"
    r"|在此(?:背景|基础)|与此同时|由此可见|为此)"
)


#: The end of a sentence that leads to what follows it (a figure, a table), said without a
#: colon: ``如下所示``, ``如下图``, ``见下表``, ``下面這樣`` (``就定義成下面這樣`` over its
#: formula's picture: review 128), ``as shown below``, ``as follows``.
_LEADS_IN = regex.compile(
    r"(?:如下(?:[图圖表])?(?:所示)?|[见見]下(?:[图圖表])|下面[这這][样樣]"
    r"|(?:shown|given|listed) below|as follows)[ \t]*$",
    regex.IGNORECASE,
)

_BOLD_PARTS = "two bold parts of one sentence: the first stops mid-sentence, the next goes on"


def _bold_parts(
    blocks: list[Block], i: int, before: str, edit: Editor
) -> tuple[tuple[int, list[str]] | None, tuple[float, tuple[str, ...]] | None]:
    """A question or title set in bold and cut into bold paragraphs (a report's sidebar,
    ``**How did HHS** **oversee grant**`` ⏎⏎ ``**programs** …``): the next block is bold too
    and goes on in lower case, and this one does not end a sentence."""
    if i + 1 == len(blocks) or not (only_bold(before) and only_bold(blocks[i + 1].text)):
        return None, None
    second = blocks[i + 1]
    if second.kind != "paragraph" or ends_sentence(before) or not starts_lowercase(second.text):
        return None, None
    if _opening_marks(before) != _opening_marks(second.text):
        return None, None  # (marked otherwise: a theme's samples of emphasis, one a paragraph,
        # ``***bold 1 and italic 1***`` ⏎⏎ ``___bold 2 and italic 2___``; review 229)
    pages = _page_breaks(edit, blocks[i].end, second.start)
    return (None, None) if pages is None else ((i + 1, pages), (ev.STRONG, (*pages, _BOLD_PARTS)))


#: A metadata line, its key in lower case (``author: …``, ``title: …``).
_META = regex.compile(r"[a-z][a-z_-]{1,20}:[ \t]+\S[^\n]*$")


def _opening_marks(text: str) -> str:
    """The emphasis marks ``text`` opens with (``**``, ``***``, ``___``)."""
    return text[: len(text) - len(text.lstrip("*_"))]


def _first_of(blocks: list[Block]) -> dict[str, int]:
    """Where each paragraph's text first stands (of those long enough to be no label, twelve
    characters): a paragraph repeating one before it word for word is a forum's reply quoting
    a post (``wal 发表于 2025-11-28 19:28`` ⏎⏎ the post's words ⏎⏎ the reply), no cut
    sentence's first half (review 220: two replies joined onto the posts they quote)."""
    found: dict[str, int] = {}
    for n, block in enumerate(blocks):
        if block.kind == "paragraph" and len(block.text) >= 12:
            found.setdefault(block.text, n)
    return found


def _quoting(blocks: list[Block], earlier: int, i: int) -> bool:
    """Paragraph ``i`` repeats paragraph ``earlier`` (:func:`_first_of`), and what follows each
    differs: a reply after the words it quotes. The same words after both are one record set
    out twice, each cut alike (a judgment's caption, ``…Magilin Nona`` ⏎⏎ ``alias Magilin
    Ranasinghe, No. 320…`` under both parties' lists: joined once, cleaning it again would
    join the other; review 225)."""
    if earlier >= i or i + 1 >= len(blocks):
        return earlier < i
    after, again = blocks[earlier + 1].text, blocks[i + 1].text
    return after[:_ALIKE] != again[:_ALIKE] or len(again) < _ALIKE


_ALIKE = 24  # characters the paragraphs after two alike start with, alike


def _title_seam(first: Block, second: Block, lexicon: Lexicon) -> Edit:
    """The seam between two parts of a title cut into paragraphs (:mod:`~publish.clean.titles`)."""
    join = joiner(first.text, second.text, lexicon)
    return Edit(first.end - join.drop, second.start, join.between, ev.STRONG, (titles.WHY,))


def apply(text: str, edit: Editor) -> str:
    """Join, then judge again the seams next to joined paragraphs, as cleaning the result
    again would: a part with its other half joined on may now read as running text (at most
    three rounds)."""
    return rounds.in_rounds(text, edit, _round)[0]


def _round(
    text: str, edit: Editor, only: rounds.Ranges | None, suggested: set[int]
) -> rounds.Result:
    """One round: the text, the ranges its joins changed, and where it suggested joins."""
    blocks = split_blocks(text)
    links = _links(text, blocks, edit, only)
    edits: list[Edit] = []
    k = 0
    while k < len(links):
        chain = [links[k]]
        while k + 1 < len(links) and links[k + 1][0] == chain[-1][1]:
            k += 1
            chain.append(links[k])
        k += 1
        if all(second == first + 1 for first, second, _ in chain):
            edits.extend(seam for *_, seam in chain)
            continue
        # floats between: the parts come together, the floats follow them in their order
        joined, floats = [], []
        for n, (first, second, seam) in enumerate(chain):
            part = blocks[second].text
            if n + 1 < len(chain):  # the next seam may drop a hyphen from this part's end
                part = part[: len(part) - (blocks[second].end - chain[n + 1][2].start)]
            joined.append(seam.new + part)
            if second > first + 1:
                floats.append(text[blocks[first + 1].start : blocks[second - 1].end])
        start = chain[0][2].start
        new = "".join(joined) + "\n\n" + "\n\n".join(floats)
        confidence = min(seam.confidence for *_, seam in chain)
        whys = tuple(dict.fromkeys(why for *_, seam in chain for why in seam.evidence))
        end = blocks[chain[-1][1]].end
        if text[end : end + 1] == "\n" and text[end + 1 : end + 2] not in ("\n", ""):
            new += "\n"  # (the block after the part, a heading with no blank line between,
            # stays apart from the floats now before it: under a ``<table>``, in its HTML
            # block, it would read as the table's; review 225)
        edits.append(Edit(start, end, new, confidence, whys, moves=True))
    return rounds.apply(text, edit, edits, suggested)
