"""Seams in a text that shows no conversion (no page, no page furniture, no wrapped line, no
mark a converter leaves): one whose only evidence is Chinese going on after a part that stops
on a letter or a clause mark may join an author's paragraphs, which may end without a mark (a
note-taker's ``…来证明自己的宣言`` ⏎⏎ ``就像高数考试一样…``) or on a comma (a slip for a full
stop, or the author's style). It is joined only where the first part fills
the text's measure (the lines of a page a converter set a paragraph each) or the second is a
sentence's last words; else it is suggested. And a run of short one-line paragraphs, most
ending at a mark, is verse: no seam joins its lines (``seams``).
"""

from __future__ import annotations

import re
from functools import cached_property

import regex

from publish.cjk import FULL_STOPS, has_cjk_letter, width
from publish.clean import evidence as ev
from publish.clean import halves
from publish.clean.blocks import Block
from publish.clean.measure import most_reached
from publish.clean.pagelines import shows_conversion
from publish.clean.shapes import ends_sentence, is_float, last_mark, only_emphasis, short_line


class Shown:
    """What a text shows of its conversion, each found when a seam first asks (most texts
    have no seam to ask about)."""

    def __init__(self, text: str, blocks: list[Block], pages: ev.Pages) -> None:
        self._text, self._blocks, self._pages = text, blocks, pages
        self._runs: dict[int, bool] = {}  # each line of a run found: whether it is verse

    @cached_property
    def converted(self) -> bool:
        return shows_conversion(self._text, self._pages)

    @cached_property
    def measure(self) -> int | None:
        """The text's measure (:func:`measure`), where it shows no conversion."""
        return None if self.converted else measure(self._blocks)

    @cached_property
    def lost_stops(self) -> bool:
        """The text lost its full stops: of its one-line paragraphs of :data:`_LONG` columns
        or more (wider than a page's line: a converter's paragraphs, not a print's lines set a
        paragraph each), four at least, fewer than half end a sentence (a converter dropped
        ``。`` throughout a paper: reviews 109 and 127): a part stopping on no mark is no
        evidence of a cut there."""
        longs = [
            block.text for block in self._blocks if _one_line(block) and width(block.text) >= _LONG
        ]
        return len(longs) >= 4 and 2 * sum(map(ends_sentence, longs)) < len(longs)

    @cached_property
    def unstopped(self) -> bool:
        """The author ends paragraphs on no mark as a rule: of the text's one-line paragraphs
        of Chinese prose, :data:`_UNSTOPPED` at least stop on a letter, twice as many as end
        on a full stop (a blog's notes writing each paragraph a line, 25 on a letter and none
        on ``。``, review 198; a software blog's 30 to 2, review 108), most of them not of the
        width the text's lines reach (:attr:`measure`, where OCR set a page's lines a paragraph
        each: they stop mid-word at its width): a paragraph stopping so is no evidence of a cut,
        whatever measure its lines seem to reach."""
        lines = [
            block.text
            for block in self._blocks
            if _one_line(block)
            and has_cjk_letter(block.text)
            and not block.text.startswith(_MARKUP)
        ]
        open_ends = [width(line) for line in lines if has_cjk_letter(last_mark(line))]
        stops = sum(1 for line in lines if last_mark(line) in FULL_STOPS)
        if len(open_ends) < _UNSTOPPED or len(open_ends) < 2 * stops:
            return False
        measure = self.measure  # (most of them of a page's width: its lines, a paragraph each)
        lined = measure and sum(1 for w in open_ends if 0.85 * measure <= w <= 1.15 * measure)
        return not lined or 2 * lined < len(open_ends)

    @cached_property
    def ends_unmarked(self) -> bool:
        """The author ends paragraphs on no mark: two of its one-line paragraphs of Chinese
        prose, a sentence of clauses or more (a ``，`` or a ``。`` in it), stop on a letter where
        no paragraph follows (a picture, a heading, a list or the text's end after them; a
        blog's ``…比起汤面我更喜欢吃拌面一点`` over its photo, review 190's food notes, seven
        such): a short sentence after a paragraph stopping so is one of its own (``…没怎么排队``
        ⏎⏎ ``汤也很好喝。``), not a cut sentence's last words."""
        blocks, found = self._blocks, 0
        for k, block in enumerate(blocks):
            text = block.text
            if _one_line(block) and _open_prose(text) and has_cjk_letter(last_mark(text)):
                if "，" not in text and "。" not in text:
                    continue  # (a label, a caption, a lead-in: ``实际范例``, ``表 A.0.1 …``)
                after = blocks[k + 1] if k + 1 < len(blocks) else None
                if after is None or after.kind != "paragraph" or is_float(after):
                    found += 1
        return found >= 2

    def weigh(
        self, confidence: float, whys: tuple[str, ...], before: str, second: int
    ) -> tuple[float, tuple[str, ...]]:
        """A seam whose only evidence is Chinese going on (:func:`chinese_only`), in a text
        that shows no conversion, nothing between its parts (the second, block ``second``):
        joined where the first part fills the text's measure or the second is a sentence's
        last words (:func:`_tail`), not leading into a list or a table after it (``主属性应
        按照以下思路。`` over its list: a sentence of its own, review 142), else only suggested
        (an author's paragraph may end so); only suggested too where the first part stops on a
        letter in a text whose author ends paragraphs so as a rule (:attr:`unstopped`), and the
        second part is no evidence where the author ends some so (:attr:`ends_unmarked`)."""
        bound = _BOUND.match(self._blocks[second].text) is not None  # (no sentence opens so)
        if self.unstopped and has_cjk_letter(last_mark(before)) and not bound:
            return min(confidence, ev.LIKELY), whys  # (an author's paragraph ends so)
        measure, blocks = self.measure, self._blocks
        last = before.rpartition("\n")[2]
        if measure and width(last) >= 0.85 * measure and not only_emphasis(last.strip()):
            # (not a line wholly in bold: a head, ``**欧盟新人工智能法案…面临合规考验**`` over
            # its item in a news roundup, five joined; review 215)
            return confidence, (*whys, f"the first part fills the measure ({measure} columns)")
        leads = second + 1 < len(blocks) and blocks[second + 1].kind in ("list", "table")
        styled = self.ends_unmarked and has_cjk_letter(last_mark(before))
        if _tail(blocks[second].text) and not (leads or styled):
            why = "the second part is a sentence's last words, no paragraph"
            return confidence, (*whys, why)
        return min(confidence, ev.LIKELY), whys

    def in_verse(self, first: int, second: int) -> bool:
        """Blocks ``first`` and ``second``, one after the other, are lines of one poem: in a
        run of :data:`_VERSE_RUN` or more short one-line paragraphs, most of them ending at a
        mark (a poem set a line a paragraph, ``抬头望着繁星满天，`` ⏎⏎ ``不禁感叹时光荏苒。``,
        a ``<br>`` alone between its stanzas), in a text that shows no conversion (narrow
        columns OCR set a line a paragraph end mid-word, mostly on no mark); or two such
        lines a quotation opens and closes, in any text."""
        blocks = self._blocks
        if not (_line(blocks[first]) and _line(blocks[second])):
            return False
        if _quoted_lines(blocks[first].text, blocks[second].text):
            return True  # (whether or not the text shows conversion)
        if first not in self._runs:
            if self.converted:
                return False
            start, end = first, second
            while start > 0 and _in_run(blocks[start - 1]):
                start -= 1
            while end + 1 < len(blocks) and _in_run(blocks[end + 1]):
                end += 1
            run = [k for k in range(start, end + 1) if _line(blocks[k])]
            marked = sum(1 for k in run if last_mark(blocks[k].text) in _LINE_ENDS)
            verse = len(run) >= _VERSE_RUN and 5 * marked >= 3 * len(run)
            self._runs.update(dict.fromkeys(run, verse))
        return self._runs[first]


def chinese_only(why: tuple[str, ...]) -> bool:
    """A seam's only evidence is Chinese going on, after a part that stops on a letter or a
    clause mark: an author's paragraph may end on either (a translator's ``…一步一步构建，``
    for ``。``, review 115; a tutorial written a clause a paragraph, reviews 99 and 105)."""
    return why[-1] == halves.IN_CHINESE


def _tail(second: str) -> bool:
    """``second`` is the last words of a sentence, and no more: a line of a few characters
    that ends it, no clause in it (``灼心。``, ``处位置造成有效伤害。``: the ends of sentences a
    page cut, a word in two); a half-width ``?`` or ``!`` after Chinese ends it too, as
    ``punctuation`` will widen it (cleaned again, the text reads as it did)."""
    stopped = second.endswith(tuple(FULL_STOPS)) or (
        second[-1:] in "?!" and has_cjk_letter(second[-2:-1])
    )
    return (
        "\n" not in second
        and width(second) <= _TAIL
        and stopped
        and not any(mark in second for mark in "，、；：,;:")
    )


#: A particle no sentence opens with, opening the second part: ``的`` (not ``的确``, ``的士``),
#: ``们`` (``…我們可以設定更多`` ⏎⏎ ``的 Containers``: a cut, review 99).
_BOUND = regex.compile(r"(?:的(?![确確士哥])|们|們)")
_TAIL = 24  # columns: twelve Chinese characters
_UNSTOPPED = 5  # one-line paragraphs stopping on a letter, at least, to make a style
_LONG = 160  # columns: eighty Chinese characters, more than a page's line holds


def measure(blocks: list[Block]) -> int | None:
    """The width the most of the text's one-line paragraphs that stop mid-sentence reach,
    three or more within 15 % and each going on in a paragraph after it: the lines of a page
    a converter set a paragraph each, cut where they filled it (``…延长工作时间的，`` ⏎⏎
    ``按照不低于劳动合同规定的…``), each counted once, half of them at least cut on no mark (a
    print ends a line wherever it fills; an author ending paragraphs at a comma as a style ends
    every one so, some of a width by chance: a blog's ``我不是設計師、也不是什麼產品專家，`` ⏎⏎
    ``只是…``, joined once others of 36 columns were). A line a heading, code or the text's
    end follows ended its paragraph there (a note-taker's ``…对这些指令进行添加`` ⏎⏎ ``##
    下一节``): it may reach the width, but is no evidence of it (review 124)."""
    open_ends: dict[str, tuple[int, bool]] = {}  # (a line met again is no other line of a
    # page: a figure's source, ``资料来源：Wind，…研究所``, under each of twelve; review 125)
    for k, block in enumerate(blocks):
        if _one_line(block) and block.text not in open_ends and _open_prose(block.text):
            if only_emphasis(block.text.strip()):
                continue  # (a head wholly in bold over its item, a news roundup's: its width
                # is no page's; five such made the measure they then filled, review 215)
            going_on = k + 1 < len(blocks) and blocks[k + 1].kind == "paragraph"
            open_ends[block.text] = (width(block.text), going_on)
    top, _ = most_reached(sorted(wide for wide, _ in open_ends.values()))
    if top is None:
        return None
    reaching = [text for text, (wide, on) in open_ends.items() if on and 0.85 * top <= wide <= top]
    cut = sum(1 for text in reaching if last_mark(text) not in _LINE_ENDS)
    return top if len(reaching) >= 3 and 2 * cut >= len(reaching) else None


def _open_prose(text: str) -> bool:
    """A line of Chinese prose that stops mid-sentence: not a template's tag or markup alone
    (``{{< figure src="…" >}}`` under each of three photos; review 128)."""
    return not text.startswith(_MARKUP) and has_cjk_letter(text) and not ends_sentence(text)


_MARKUP = ("{{", "{%", "<", "![", "[")
_VERSE_RUN = 3  # short one-line paragraphs in a row, at least, to be verse


def _one_line(block: Block) -> bool:
    """A paragraph of one line."""
    return block.kind == "paragraph" and "\n" not in block.text


def _line(block: Block) -> bool:
    """A paragraph of one short line (a verse's line, if its neighbours are)."""
    return _one_line(block) and short_line(block.text)


def _in_run(block: Block) -> bool:
    """A verse's line, or a ``<br>`` alone between stanzas, which the run goes on across."""
    return _line(block) or _STANZA_BREAK.match(block.text) is not None


def _quoted_lines(first: str, second: str) -> bool:
    """Two lines a quotation holds, set a paragraph each: the first opens it and ends at a
    mark, the second closes it (a lesson's recitation, ``“我们是中国人，`` ⏎⏎
    ``我们爱自己的祖国。”``: review 79)."""
    opened = first[:1] in "“「『" and not any(mark in first for mark in "”」』")
    if not opened or last_mark(first) not in _LINE_ENDS:
        return False  # (a quotation cut mid-phrase, ``“…大家都认为应该`` ⏎⏎ ``继续推进…”``)
    return second.rstrip().endswith(("”", "」", "』")) and second[:1] not in "“「『"


_LINE_ENDS = frozenset("，、；：。！？,;:.!?")
_STANZA_BREAK = re.compile(r"^(?:<br[ \t]*/?>|&nbsp;)[ \t]*$", re.IGNORECASE)
