"""Pass ``unwrap``: hard-wrapped lines rejoined, one line per paragraph.

Each line break inside a paragraph or a list item gets a verdict
(:mod:`publish.clean.linebreaks`) against the measure of its block
(:mod:`publish.clean.measure`), and a join is made by :mod:`publish.clean.joining`. A block
of short lines that never carry one another on (an address, a byline, a signature, calendar
entries) is a record, and keeps its lines, unless they read, joined, as a heading of the
document (its title cut at line ends: :mod:`publish.clean.titles`). Breaks between Latin words
are joined only in a document that shows the marks of OCR or conversion (page furniture,
hyphenated line ends, jump lines), or in one whose paragraphs are told apart by a short last
line at least half as often as by a blank line (no author writes Markdown so; there a split at
a short line is only suggested): an author's own line breaks in clean Markdown render as
spaces, and stay; so do its breaks between Han and Latin where it sets them apart with a space,
and a Chinese paragraph's ragged lines its author broke at marks (in a document of three such
paragraphs, at every line: :func:`~publish.clean.measure.authored`). Verse
(:func:`~publish.clean.measure.verse`) and lines that are each a metadata field keep their
lines in any document::

    …全面贯彻落实党的二十和二⏎十届二中全会精神 -> …全面贯彻落实党的二十和二十届二中全会精神
    the gov-⏎ernment said                     -> the government said
"""

from __future__ import annotations

import itertools
import re
from typing import NamedTuple

from publish.cjk import (
    CLOSING,
    CLOSING_QUOTES,
    FULL_STOPS,
    FULL_WIDTH,
    break_unseen,
    has_cjk,
    is_cjk,
    width,
)
from publish.clean import evidence as ev
from publish.clean import lines_of, normalise, rounds, titles
from publish.clean.blocks import Block, kind_of, split_blocks
from publish.clean.editor import Editor
from publish.clean.evidence import Pages
from publish.clean.joining import Join, joiner, spaced_run
from publish.clean.linebreaks import (
    CONTINUES,
    FULL_LINE,
    HEADING,
    INDENTED,
    LISTED,
    NUMBERED,
    SHORT,
    WIDE,
    Break,
    Seen,
    as_it_reads,
    continues,
    reading_after,
    settled,
    verdicts,
)
from publish.clean.markers import without_markers
from publish.clean.measure import (
    at_mark,
    authored,
    chinese_measure,
    document_chinese,
    measure_of,
    verse,
    wrap_width,
    written_by_hand,
)
from publish.clean.numbering import is_heading_line
from publish.clean.pagelines import marked_in_lines, shows_conversion
from publish.clean.protect import Protected
from publish.clean.shapes import (
    COMMENT,
    closing,
    is_fields,
    is_float,
    is_reference,
    size,
    starts_continuing,
)
from publish.clean.trace import Edit
from publish.clean.words import Lexicon

NAME = "unwrap"
_CONVERTED = ',;:?!.()"*_“”‘’，；：？！。（）'  # either width: ``punctuation`` may change it
#: Splits only suggested in clean Markdown: after a short line (an author's break inside a
#: paragraph), after a line wider than print (a box's paragraphs, one a line, its author's);
#: and before a line indented with spaces (Markdown reads it on in the paragraph:
#: ``headings:`` ⏎ ``    [$…$: Reason]``, its author's example; U+3000 is print's indent).
_SET = (SHORT, WIDE)
#: An indent an author types (up to seven spaces or a tab; deeper, a line set right, as a
#: signature, by a layout-keeping extraction).
_INDENTED_BY_HAND = re.compile(r" {1,7}(?! )|\t")
_TITLE = (titles.WHY,)


def _stopped(line: str) -> bool:
    """``line`` ends with a full stop or a colon that leads into what is set apart (past
    closing quotes and brackets), not with a clause's mark or a word in quotation marks."""
    return line.rstrip().rstrip(_CLOSERS).endswith(_STOPS)


_CLOSERS = "\"')）」』*_" + CLOSING_QUOTES
_STOPS = tuple(FULL_STOPS + ".!?:：")


def _record(lines: list[str]) -> bool:
    """Short lines that never carry one another on, or that a letter's closing heads
    (``Very respectfully,`` ⏎ ``F. H. Jones,`` ⏎ ``First Assistant…``: a signature, its commas
    no clause's): a record, not wrapped prose."""
    if not all(size(line) <= 50 for line in lines):
        return False
    return closing(lines[0]) or not any(
        continues(cur, as_it_reads(nxt), cur) or cur.endswith("-") or spaced_run(cur, nxt)
        for cur, nxt in itertools.pairwise(lines)
    )


#: A word broken at a column's edge inside a line (``col- ' & dancing``, ``ab- fair days``),
#: not a suspended hyphen (``pre- and post-war``).
_BROKEN_INSIDE = re.compile(r"[a-z]{2}-[ \t]+(?!(?:and|or|nor|to)\b)[a-z]")
#: Columns a print's line does not reach: a wider line holds more than one column's.
_PRINTED = 120


def _interleaved(lines: list[str]) -> bool:
    """OCR that read a page's columns across, a row of every column a line (a weekly's four,
    Tesseract's ``…series, with your schools, with your col- ' & dancing to their tune…``):
    most lines wider than print, words broken at a column's edge inside three of them or
    more. No break of such a block is a wrap: joined, a line's last word meets another
    column's first (``re-`` ⏎ ``is`` made ``reis``; review 135, three pages)."""
    if len(lines) < 4 or 2 * sum(1 for line in lines if len(line) >= _PRINTED) < len(lines):
        return False
    inside = (_BROKEN_INSIDE.search(line.rstrip(" \t-")) for line in lines)
    return sum(1 for _ in itertools.islice(filter(None, inside), 3)) >= 3


def _full(lines: list[str], document: int | None) -> bool:
    """Every line fills the document's measure: wrapped prose, however short its lines are
    for another document (a Chinese column of 22 characters), not a record."""
    least = document - max(4, document // 5) if document else 0
    return bool(lines) and least > 0 and all(width(line.strip()) >= least for line in lines)


def _listing(lines: list[str]) -> bool:
    """Five lines of Latin text or more, nearly all opening on a capital and hardly a
    sentence ending among them (a word in lower case before a full stop, in one line of
    eight at most: OCR's ``Adelaide street.``): a list's entries a line each, a trade
    directory's firms (``Abbott Peter & Sons (bakers), Mill Lane, Wakefield`` ⏎ ``Gill Henry
    & Co., Ltd., …``), whose lines fill the measure as a wrap's do. Wrapped prose opens most
    lines on a word in lower case, and ends its sentences."""
    if len(lines) < 5 or has_cjk("".join(lines)):
        return False
    capitals = sum(1 for line in lines if _CAPITAL_FIRST.match(line))
    ends = len(_SENTENCE_ENDS.findall("\n".join(lines)))
    return 5 * capitals >= 4 * len(lines) and 8 * ends < len(lines)


_CAPITAL_FIRST = re.compile(r"[ \t]*(?:\*[ \t]+)?[A-Z]")
_SENTENCE_ENDS = re.compile(r"\b[a-z]{3,}[.!?][\"')\]]*(?:\s|$)")


def _by_width(item: Break) -> bool:
    """A join for no other reason than a full line: a wrap, but only where text was wrapped."""
    return item.why.startswith(FULL_LINE)


def _latin(cur: str, nxt: str) -> bool:
    """A break with no CJK character right on either side (Markdown renders it as a space,
    which is right there)."""
    left, right = _sides(cur, nxt)
    return not (is_cjk(left) or is_cjk(right))


def _kept(cur: str, nxt: str) -> bool:
    """A break clean Markdown keeps: one that renders as a space, which is right there between
    Latin characters, and which its author may mean between Han and what is not (``亲自参与``
    ⏎ ``RuyiSDK 软件``, ``…减少到`` ⏎ ``$O(n)$``, ``读取`` ⏎ ``/etc/passwd``: review 126);
    not after a hyphen, a compound's (``北京-`` ⏎ ``上海``). A break between two wide
    characters renders as nothing (:func:`_unseen`)."""
    left, right = _sides(cur, nxt)
    if is_cjk(left) == is_cjk(right):
        return not is_cjk(left)  # (Han either side, past marks ``punctuation`` may widen: no)
    if not (left.strip() and right.strip()):
        return False  # (only marks ``punctuation`` may widen on one side: ``程`` ⏎ ``　:``)
    before, after = cur.rstrip(" \t"), nxt.lstrip(" \t")  # (neither empty: ``left``, ``right``)
    if before[-1] in FULL_WIDTH and (is_cjk(left) or is_cjk(before[-2:-1])):  # (``代,`` ⏎
        # ``，Page…``, ``a，,`` ⏎ ``代``: as it will read)
        before = before[:-1] + FULL_WIDTH[before[-1]]
    if after[0] in FULL_WIDTH and is_cjk(left):  # (``工程`` ⏎ ``,，the``: so)
        after = FULL_WIDTH[after[0]] + after[1:]
    widened = after[0] in FULL_WIDTH and is_cjk(after.lstrip(_HALF_MARKS)[:1])
    mark = FULL_WIDTH[after[0]] if widened else after[0]  # (``,代``, ``,,代``: as it will read)
    if mark in CLOSING and mark not in "”’":
        return False  # (``…user token`` ⏎ ``。没有token时…``: pandoc's wrap, as no author
        # means the space it renders as before a closing mark; review 213)
    return not break_unseen(before, after) and before[-1] != "-"


_HALF_MARKS = "".join(FULL_WIDTH)  # (the half-width marks ``punctuation`` may widen)


def _unseen(cur: str, nxt: str, join: Join) -> bool:
    """Joining the break leaves what the text renders as it was: the parser drops it
    (:func:`~publish.cjk.break_unseen`, past the marks of emphasis), and nothing else changes.
    In clean Markdown such a join is layout only: a document that needs nothing else comes
    back as its author wrapped it (``…现在你也可以`` ⏎ ``用核密度估计。``, an author's
    paragraphs filled to 80 columns: review 126)."""
    before, after = cur.rstrip("*_"), nxt.lstrip("*_")
    return not (join.drop or join.between) and break_unseen(before, after)


def _closes(nxt: str) -> bool:
    """The line starts with a mark that closes or goes on (``」``, ``，``): no author starts
    a line so, whatever the lines around it."""
    return starts_continuing(nxt.lstrip(" \t\u3000"))


def _sides(cur: str, nxt: str) -> tuple[str, str]:
    """The characters either side of the break, past marks ``punctuation`` may make CJK and,
    on the right, past what opens a link or code and escapes (``（受`` ⏎ ``[gitbook](…)``,
    ``…的`` ⏎ ``\\_\\_NSCFString``, ``…呼叫`` ⏎ ```-removeObserver:```: Latin)."""
    left = cur.rstrip().rstrip(_CONVERTED)[-1:]
    return left, nxt.lstrip(" \t\u3000").lstrip(_CONVERTED + "[`~\\-")[:1]


def damaged(text: str, edit: Editor) -> bool:
    """The document shows the marks of OCR or conversion: page furniture was removed, or a
    word is hyphenated at a line end, or a continuation marker stands in it."""
    return bool(edit.pages.boundaries) or marked_in_lines(text)


_AUTHORED = 3  # blocks: a document its author broke the lines of
#: Columns no line an author breaks by hand reaches, stopping on no mark: such a line is a
#: paragraph as a converter set it, cut where its page ended (``…有保留的回`` ⏎ ``应。在…``).
_TYPED = 100


def _typed(cur: str) -> bool:
    """``cur`` is narrow enough to be a line its author broke (:data:`_TYPED`)."""
    return width(cur) < _TYPED


class _Clean(NamedTuple):
    """What clean Markdown keeps of a block's breaks."""

    own: bool  # its author broke the block's lines (:func:`_authored`)
    authors: int  # how many blocks of the document they broke


_Judged = tuple[list[str], bool, list[Break]]  # a block's lines, a record?, its verdicts


def _judged(
    block: Block,
    document: tuple[int | None, int | None],
    hand: bool | None,
    continued: bool = False,
    turns: frozenset[str] = frozenset(),
    notes: frozenset[str] = frozenset(),
) -> _Judged:
    """The block's lines, whether they are a record, and the verdict on each break;
    ``document``: the document's measure and that of its lines of Chinese alone;
    ``continued``: the block stands right after a page break; ``turns``: the document's
    speakers (:func:`~publish.clean.lines_of.turn_labels`); ``notes``: its notes' first lines
    (:func:`~publish.clean.lines_of.note_lines`)."""
    lines = block.text.split("\n")
    measure, how = measure_of(lines, document[0], hand)
    chinese = chinese_measure(lines, document[1])
    seen = Seen()
    found = verdicts(block, lines, measure, how, None, seen, continued, chinese, turns, notes)
    for _ in range(2):  # judge again, each break against the text after it as it will read
        if settled(lines, found):
            break
        again = verdicts(block, lines, measure, how, found, seen, continued, chinese, turns, notes)
        if again == found:
            break
        found = again
    record = (_record(lines) and not _full(lines[:-1], document[0])) or _interleaved(lines)
    return lines, record, found


def _after_page(blocks: list[Block], i: int, pages: Pages) -> bool:
    """``blocks[i]`` stands right after a page break: one the furniture passes found, or a
    converter's page mark (an HTML comment alone)."""
    start = blocks[i - 1].end if i else 0
    return bool(pages.between(start, blocks[i].start)) or bool(
        i and COMMENT.match(blocks[i - 1].text)
    )


def _shorts(record: bool, found: list[Break]) -> int:
    """The breaks after a line well short of the measure (paragraphs told apart only by it)."""
    return 0 if record else sum(1 for item in found if item.why.startswith(SHORT))


def _paged(blocks: list[Block], judged: list[tuple[Block, _Judged]]) -> bool:
    """Paragraphs told apart only by a short last line, for at least one in two told apart
    by a blank line: a page's text, not an author's Markdown (whose one short line inside a
    paragraph of many is its author's break: a contributors' guide wrapped at 80 columns)."""
    short = sum(_shorts(record, found) for _, (_, record, found) in judged)
    wrapped = sum(1 for block in blocks if block.kind == "paragraph" and "\n" in block.text)
    return short > 0 and 2 * short >= wrapped


def _breaks(
    block: Block,
    judged: _Judged,
    lexicon: Lexicon,
    clean: _Clean | None,
    names: frozenset[str],
) -> list[Edit]:
    """The edits the verdicts on a block's breaks make; ``clean``: None in a page's text
    (OCR'd or converted), else what clean Markdown keeps."""
    lines, record, found = judged
    damaged = clean is None
    title = titles.cut_title(lines, names) and all(i.verdict != "keep" for i in found)
    own, many = clean or (False, 0)  # (its author's lines: they stay)
    listing: bool | None = None  # (found when a join by the measure first asks)
    edits: list[Edit] = []
    tail = ""  # the end of the line before each break, with the lines joined to it
    for n, item in enumerate(found):
        cur, nxt = lines[n], block.text[item.end - block.start :].split("\n", 1)[0]
        joined_on = n and found[n - 1].verdict == "join"
        tail = (tail + cur.lstrip(" \t\u3000"))[-16:] if joined_on else cur
        if item.verdict == "join" and (
            _UNSPACED_HEADING.match(cur) or _UNSPACED_HEADING.match(nxt)
        ):
            continue  # (a heading its author wrote without the space, ``##1,修改镜像``: review 110)
        if item.verdict == "join" and not damaged and _BOLD_LABEL.match(nxt):
            continue  # (entries of a list set a line each, ``**乙角色** ：…``: review 113)
        if item.verdict == "join" and (
            (
                (own or many >= _AUTHORED)
                and (at_mark(cur) or (many >= _AUTHORED and _typed(cur)))
                and not _closes(nxt)
            )
            or (not damaged and _kept(tail, reading_after(block, found, n)))
        ):
            continue  # an author's own line breaks: Markdown renders them as spaces
        if title:  # (a Latin title's lines read as one already, but in a damaged document)
            if damaged or not _latin(tail, nxt):
                join = joiner(cur, nxt, lexicon)
                new = Edit(item.newline - join.drop, item.end, join.between, ev.STRONG, _TITLE)
                edits.append(new)
            continue
        weak_join = item.verdict == "join" and _by_width(item)
        if weak_join and listing is None:
            listing = _listing(lines)
        if weak_join and listing:
            continue  # (a directory's entries, a firm a line: review 169)
        if weak_join and _headingafter(block, found, n):
            edits.append(Edit(item.newline, item.end, "\n\n", ev.STRONG, (HEADING,)))
        elif item.verdict == "join" and not record:
            join = joiner(cur, nxt, lexicon)
            whys = (item.why, join.why) if join.why else (item.why,)
            if not damaged and _unseen(cur, nxt, join):
                whys = (*normalise.LAYOUT, *whys)  # (an author's wrap, or a print's: either)
            level = min(item.confidence, join.confidence)
            edits.append(Edit(item.newline - join.drop, item.end, join.between, level, whys))
        elif item.verdict in ("split", "") and _headingafter(block, found, n):
            edits.append(Edit(item.newline, item.end, "\n\n", ev.STRONG, (HEADING,)))
        elif item.verdict == "split" and not (record and "measure" in item.why):
            # (a short line inside an author's paragraph, in clean Markdown: only suggested)
            by_spaces = item.why == INDENTED and _INDENTED_BY_HAND.match(lines[n + 1]) is not None
            if by_spaces and not damaged and not _stopped(tail):
                continue  # (a hanging indent: ``1.3. "Contribution"`` ⏎ ``    means …``)
            if item.why == INDENTED and kind_of(nxt.lstrip(" \t\u3000")) != "paragraph":
                continue  # (a paragraph of its own, its indent gone, would open a heading, a
                # list, a quote: ``\u3000#`` an empty heading; text, as the line is now)
            set_apart = item.why.startswith(_SET) or by_spaces
            # (in clean Markdown, clauses numbered in brackets after a colon or a semicolon,
            # each on its line, enumerate inside one sentence: ``还需要两个东西：`` ⏎ ``（1）…；``
            # ⏎ ``（2）…``, ``two things:`` ⏎ ``(i) a clean data set;``; review 97)
            inline = item.why in (NUMBERED, LISTED) and cur.rstrip()[-1:] in "；：;:"
            inline = inline and _ENUMERATOR.match(nxt) is not None
            if inline and _RUN_IN.search(cur):
                continue  # (the enumeration started inside the line: ``These indicate that
                # (1) the variance…;`` ⏎ ``(2) the variance…``, one sentence; review 105)
            sure = item.confidence if damaged or not (set_apart or inline) else ev.LIKELY
            listed = block.kind == "list"
            indent = _item_indent(block, item) if listed or _indented_in_item(block, item) else ""
            if indent == "" and listed and not damaged:
                continue  # (a lazy line of an author's item, ``(1) 求…`` under ``15. …``: a
                # paragraph there would end the list; review 113)
            if indent is not None:
                edits.append(Edit(item.newline, item.end, "\n\n" + indent, sure, (item.why,)))
    return edits


_NUMBER_IN_BRACKETS = r"[（(](?:\d{1,2}|[a-z]|[ivx]{1,4})[)）]"  # (``（1）`` ``(b)`` ``(iv)``)
_ENUMERATOR = re.compile(rf"[ \t]*(?:and[ \t]+)?{_NUMBER_IN_BRACKETS}")
#: A line that starts with a label in bold and its colon (``**乙角色** ：``, ``**Note:**``).
_BOLD_LABEL = re.compile(
    r"[ \t]*(?:\*\*|__)[^*_\n]{1,24}(?:(?:\*\*|__)[ \t]*[:：]|[:：](?:\*\*|__))"
)
#: A heading without the space CommonMark asks after its marks (``##1,修改镜像``, ``##一，安装``).
_UNSPACED_HEADING = re.compile(r"[ \t]{0,3}#{1,6}[^#\s]")
#: An enumerator inside a line, after its words: the enumeration runs in the sentence.
_RUN_IN = re.compile(rf"\S[ \t]*{_NUMBER_IN_BRACKETS}[ \t]*\S")
_ITEM_START = re.compile(r"[ \t]{0,3}(?:[-+*]|\d{1,9}[.)])[ \t]+")


def _indented_in_item(block: Block, item: Break) -> bool:
    """The line after the break ``item`` is indented, and a list's item starts on a line of
    ``block`` before it: a list interrupted the paragraph, and the line is its item's
    (``陈独秀：`` ⏎ ``- …`` ⏎ ``  一、…``: a paragraph split off there keeps its indent, in the
    item; review 187)."""
    if item.end == item.newline + 1:
        return False
    before = block.text[: item.newline - block.start].split("\n")
    return any(_ITEM_START.match(line) for line in before)


def _item_indent(block: Block, item: Break) -> str | None:
    """The indent a paragraph split off inside a list item keeps: the next line's, so the new
    paragraph stays in its item; none when that line has none (a paragraph after the list,
    which OCR set on the item's next line); None when it is indented, but less than its item's
    text (a lazy continuation line: a new paragraph there would end the list)."""
    indent = block.text[item.newline + 1 - block.start : item.end - block.start]
    if not indent:
        return indent
    for line in reversed(block.text[: item.newline - block.start].split("\n")):
        start = _ITEM_START.match(line)
        if start is not None:
            return indent if len(indent.expandtabs(4)) >= start.end() else None
    return indent


def _authored(judged: list[tuple[Block, _Judged]]) -> set[int]:
    """Where the blocks start whose lines their author broke
    (:func:`~publish.clean.measure.authored`): in a document of :data:`_AUTHORED` such blocks
    or more, a line of one that stops on no mark is its author's too (``…取决于`` ⏎
    ``所有输入…``), not one a column cut."""
    return {block.start for block, (lines, _, _) in judged if authored(lines[:-1])}


def _headingafter(block: Block, found: list[Break], n: int) -> bool:
    """The lines after break ``n`` read as a heading-number line once joined, and a marker at
    their end taken off (``（一）…govern-`` ⏎ ``ment *continued from page one*``)."""
    after = reading_after(block, found, n)
    return is_heading_line(without_markers(after) or after)


def _into_suspect(edit: Edit, pages: Pages) -> bool:
    """A join into or out of a line offered as page furniture (a running head the reviewer
    has not yet taken out: ``而香港實行的卻是`` ⏎ ``立法會 ─ 2013年 1月 10日``)."""
    if edit.new == "\n\n" or not pages.suspect:
        return False
    return pages.touches_suspect(edit.start, edit.end)


class _Document:
    """What one run of the pass has learnt of the document: whether it is a page's text
    (paragraphs told apart only by a short last line, somewhere in it), or clean Markdown
    whose author starts sentences on lines of their own."""

    def __init__(self) -> None:
        self.paged = False  # (or damaged: the first round's view holds for the rounds after)
        self.authors = 0  # blocks whose lines their author broke (the first round counts)
        self.authors_joins = 0  # joins after a mark or a ragged line: an author's as likely
        self.sentences = False  # its author starts sentences on a line of their own

    def round(
        self, text: str, edit: Editor, only: rounds.Ranges | None, suggested: set[int]
    ) -> rounds.Result:
        """One round over the blocks (``only`` those overlapping these ranges): the text, the
        ranges its applied edits changed, and where it suggested edits."""
        blocks = split_blocks(text)
        marked = damaged(text, edit)  # (its lines are wrapped, whatever they end with)
        hand = None if marked else written_by_hand(blocks)
        document = None if hand else wrap_width(blocks, not marked)
        measures = (document, document_chinese(blocks))
        protected = Protected.of(text)
        turns, notes = lines_of.turn_labels(text), lines_of.note_lines(text)
        judged = [
            (
                block,
                _judged(block, measures, hand, _after_page(blocks, i, edit.pages), turns, notes),
            )
            for i, block in enumerate(blocks)
            if block.kind in ("paragraph", "list")
            and "\n" in block.text
            and (only is None or rounds.touches(only, block.start, block.end))
            and not is_float(block)
            and not is_reference(block.text)
            and not verse(block.text.split("\n"))
            and not is_fields(block.text)
            and not protected.covers(block.start, block.end)
        ]
        if only is None:  # (the first round sees the whole document)
            self.sentences = not marked and _sentence_lines(judged)
            self.paged = (_paged(blocks, judged) and not self.sentences) or marked
        broken = self.paged or marked  # (a text the first round found broken stays so: its
        # hyphens joined, it shows no mark, but cleaned again it reads as a page's text)
        own = set() if broken else _authored(judged)
        if only is None:
            self.authors = len(own)
        lexicon, names = Lexicon(text), titles.headings(blocks)
        edits = [
            e
            for block, verdicts_of in judged
            for e in _breaks(
                block,
                verdicts_of,
                lexicon,
                None if broken else _Clean(block.start in own, self.authors),
                names,
            )
            if e.start not in suggested and not _into_suspect(e, edit.pages)
        ]
        if self.sentences:  # (an author who starts each sentence on a line: review 101)
            edits = [e for e in edits if not _short_split(e)]
        if not (broken or shows_conversion(text, edit.pages)):  # (an author's list typed
            edits = [e for e in edits if not _before_typed_item(text, e)]  # an item a line)
        threshold = edit.review.settings.threshold
        joins = [e for e in edits if e.new != "\n\n" and e.confidence >= threshold]
        full = _full_ends(judged) if joins else set()
        self.authors_joins += sum(
            1
            for e in joins
            if at_mark(text[max(0, e.start - 16) : e.start])
            or (e.start not in full and not _measured(e))
        )
        return rounds.apply(text, edit, edits, set())


def _short_split(edit: Edit) -> bool:
    """A paragraph break offered after a line well short of the measure (in a text whose
    author starts each sentence on a line, none is: :func:`_sentence_lines`)."""
    return edit.new.startswith("\n\n") and any(w.startswith(SHORT) for w in edit.evidence)


#: A Latin sentence's end (past a closing mark), and a space before the next one's capital.
_ENDS = r"[a-z0-9][.!?][\"'’”)]?"
_MID_LINE = re.compile(rf"{_ENDS}[ \t]+(?=[\"'“‘(]?[A-Z])")
_AT_LINE_END = re.compile(rf"{_ENDS}[ \t]*\n(?=[ \t]*[\"'“‘(*_]*[A-Z])")


def _before_typed_item(text: str, edit: Edit) -> bool:
    """``edit`` splits before an item numbered ``1、`` ``2、``…, a line of its own, in a text that
    shows no conversion: its author typed the list an item a line, indents in ideographic
    spaces too (``查服务时要注意：`` ⏎ ``　　1、先看进程是否存在`` ⏎ ``　　2、…``; review 203's
    notes; review 190's rules, split at some items and not others), and it stays as typed."""
    return edit.new == "\n\n" and _TYPED_ITEM.match(text, edit.end) is not None


_TYPED_ITEM = re.compile(r"[ \t\u3000]*\d{1,2}、")


def _sentence_lines(judged: list[tuple[Block, _Judged]]) -> bool:
    """Its author starts each sentence on a line of its own, wrapping the long ones (``…in`` ⏎
    ``exchange for work.`` ⏎ ``In its ideal form, …``): three sentences or more end a line
    inside a paragraph, and at most one in four ends inside a line (a page's text ends most
    of them there). Its short lines are no paragraphs' ends (review 101)."""
    ends = mid = 0
    for block, _ in judged:
        ends += len(_AT_LINE_END.findall(block.text))
        mid += len(_MID_LINE.findall(block.text))
    return ends >= _AUTHORED and mid * 4 <= ends


def _full_ends(judged: list[tuple[Block, _Judged]]) -> set[int]:
    """Where the lines end that fill their block's widest (within two columns), in blocks of
    three lines or more: a print's column, whose lines a join after shows wrapped (an author
    wraps ragged, inside a list's items: review 99)."""
    ends: set[int] = set()
    for block, (lines, _, _) in judged:
        if len(lines) < 3:
            continue
        widths = [width(line.rstrip()) for line in lines[:-1]]
        pos, widest = block.start, max(widths)
        for line, wide in zip(lines[:-1], widths, strict=True):
            pos += len(line)
            if wide >= widest - 2:
                ends.update(range(pos - 2, pos + 1))  # (a join may drop a hyphen or spaces)
            pos += 1
    return ends


def _measured(edit: Edit) -> bool:
    """A join a print's measure shows, or a word or sentence the next line plainly continues
    (a hyphen's, a closing mark's), not only a sentence going on."""
    return any(why.startswith((FULL_LINE, CONTINUES)) for why in edit.evidence)


#: Lines joined that show a text wrapped: one is its author's break as likely (a post's line
#: broken after ``、`` between two links, review 73), and no mark of conversion; so is any
#: number of lines joined after a mark, or after a line short of its block's widest (two
#: such in a specification written a clause a line, and wrapped inside its items, made its
#: brackets, ``<类型>(范围)``, a converter's slips: review 99).
_WRAPS = 2


def apply(text: str, edit: Editor) -> str:
    """Unwrap, then judge again the blocks that changed, as cleaning the result again would:
    lines joined may now show a measure (at most three rounds)."""
    recorded, document = len(edit.recorded), _Document()
    text, changed = rounds.in_rounds(text, edit, document.round)
    joined = sum(1 for e in edit.recorded[recorded:] if e.applied) - document.authors_joins
    edit.pages.wrapped = edit.pages.wrapped or joined >= _WRAPS
    return normalise.set_layout(text, edit) if changed else text  # (wrapped: set right)
