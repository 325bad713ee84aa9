"""Whether two paragraphs are the halves of one sentence a page or column break cut, and how
sure that is: the evidence of the ``seams`` pass (and of ``jumps``, which keeps a continuation
marker whose removal would mislead it).

A seam needs evidence on both sides; how sure it is:

- the second half starts with a mark that continues a sentence (``，。）``): strong;
- the first does not end a sentence and the second carries it on, with a page break or a float
  between them, or the first ending in a clause mark or a hyphen, or the second in lower case,
  or Chinese on both sides of the cut: strong (but likely where the first stops on a Latin
  letter, a digit or an opening bracket, with no page break between: a figure's OCR'd words,
  a stray page number, a converter's reading order gone wrong);
- the same with a capital letter after the cut, the first ending in a clause mark or in a word
  a sentence goes on from (a Latin word in lower case, a Chinese character of prose): likely (a
  suggestion); not after a comma (OCR reads a full stop as one: ``thrilled,`` ⏎⏎ ``About 18
  days later``, eleven such suggestions of thirteen wrong in the sixteenth review), a number,
  a citation or formula (in Chinese too: OCR lost the 。 more often than a page cut the
  sentence), a URL, an author's affiliation number, a metadata line (``Key words: …``), a
  figure's spaced words or a numbered head: no seam at all (the seventh review found 27 of 29
  suggestions wrong, most of them such);
- a number alone with its mark (``1、`` ``(2)``) before a paragraph, with no page break between
  them: none (an item's number its author set apart, as a weekly numbers its sayings).

A byline of Chinese names set apart by spaces (``张晓林　刘细文　李麟``) is never a part. A
short line (a title, byline, name, date, ``Staff Writer``) is a record and is joined only to
a second half that starts with a continuing mark or in lower case (across a page break alone,
and stopping on no word a sentence goes on from, only likely: a running foot's ``May 1999`` or
a note's ``See Note A`` a pass left on the page); a letter's salutation
(``Sir,``) is not joined to a paragraph after it that starts otherwise, unless a page break
is between them. Nor is a seam suggested after a line in title case (a heading that lost its
marks, a byline's title), or between two dated entries (``1996年7月26日 …通过`` ⏎⏎
``1996年8月11日 …批准``), nor onto a text that starts with most of the first part's words (a title
over its article: ``毕业、结业及学位授予`` ⏎⏎ ``毕业、结业及学位授予按照…``), nor onto an
affiliation or a note (``†Developmental…``, ``¹School of…``); a sentence ends
before its note's number (``the grant. [22]``). A paragraph its author ended with a line break
(``<br>``: a poem set a line a paragraph) is no first half, unless a page break follows it.
"""

from __future__ import annotations

import regex

from publish.cjk import CLAUSE, has_cjk_letter, is_cjk_letter, script_change
from publish.clean import evidence as ev
from publish.clean import titles
from publish.clean.joining import AT_DOMAIN, CAPITALS_WORD, STARTS_SENTENCE
from publish.clean.markers import OWN_LINE
from publish.clean.numbering import LEVELLED, SECTION_NUMBER, rank
from publish.clean.shapes import (
    DASH_LEADS,
    DATED,
    MARKED,
    MONTH,
    PAPER_LABEL,
    SIGNED,
    URL_END,
    URL_START,
    chinese_prose,
    ends_sentence,
    ends_with_marker,
    field_label,
    in_brackets,
    last_mark,
    short_line,
    starts_cjk,
    starts_continuing,
    starts_lowercase,
    starts_new_unit,
    without_trailing_markup,
)

#: A paragraph that opens on a label and its colon, the label no clause (``注：``,
#: ``筹资活动产生的现金流量净额变动原因说明：``).
_FIELD_OPENS = regex.compile(
    r"[ \t]*[*_]*[\p{Han}\p{L}\p{N}][^\n，。；、！？,.;!?：:“”\"]{0,29}[：:]"
)
#: The evidence of a second part that starts with a mark no sentence starts with (``，。）``).
CONTINUING = "the second part starts with a mark that continues a sentence"
#: How the evidence of a page break between the parts starts (``seams`` gives it).
PAGE_BREAK = "a page break"
#: Why a seam joins a title, byline, name or date (a short part, no clause marks) plainly cut.
CARRIES = "the second part carries it on"
#: The evidence of a second part that goes on in Chinese, all a seam between two paragraphs
#: of Chinese may have (an author's, ended without a mark, may have it too).
IN_CHINESE = "the second part goes on in Chinese"
_NOTE_MARKS = frozenset("†‡§¶¹²³⁴⁵⁶⁷⁸⁹")  # what starts an affiliation or a note
#: A figure's or table's source line, which names where its data came from.
_SOURCE_LINE = regex.compile(r"[*_ \t]*(?:(?:资料|数据)?来源|出处|sources?)[ \t]*[:：]", regex.I)
_CLAUSES = regex.compile(r"[，,、；;]")
#: A line break its author typed at the end of a paragraph (``想去寻她山太高，<br>``).
_LINE_BREAK_END = regex.compile(r"<br[ \t]*/?>[ \t]*$", regex.IGNORECASE)
_WORD = regex.compile(r"[\p{L}\p{N}]")
_QUOTES = "\"'“‘「『"
_PICTURE_END = regex.compile(r"!\[[^\]\n]*\]\([^)\n]*\)[ \t]*$")
_EMAIL_END = regex.compile(r"(?:[\w.+-]+|\{[^{}\n]*\})@[\w-]+(?:\.[\w-]+)+[ \t]*$")
#: A line of raw TeX: it starts with a command (``\newpage``, ``\markboth{…}``, ``\vspace``).
_TEX_COMMAND = regex.compile(r"^[ \t]*\\[A-Za-z]{2,}")
#: A citation (``[2]``, ``[5,10]``) or math ends the text, maybe with what OCR made of the 。
#: after it (``O``, ``□``): a sentence's end as often as a cut.
_LOST_STOP = regex.compile(r"(?:\[[\d,，\-–]+\]|\$)[ \t]*[O□]?$")


#: A line opening with its number set apart: a transcript's line number and the spaces
#: after it (``5       working men and women``), or an entry's number and a dash (``1 -
#: Paris (Enclosures - 3)``, a distribution list).
_NUMBERED_LINE = regex.compile(r"^\d{1,3}(?:[ \t]{2,}|[ \t]+[-–—][ \t])")
#: A lead-in ending in a colon (``:-``, ``:—``, ``：``): what follows is set apart, quoted.
_LEADS_TO_QUOTE = regex.compile(r"[:：][ \t]*[-–—]*[ \t]*$")
#: A date or a number alone (a transcript's running head ``City Commission Meeting`` ⏎⏎
#: ``January 9, 2024``, or its piece a converter set apart, ``9, 2024``: review 76): no
#: sentence's first half, whatever follows.
_DATE_ALONE = regex.compile(
    rf"(?i:{MONTH}[ \t]+\d{{1,2}},?[ \t]+\d{{4}}|\d{{1,2}}[ \t]+{MONTH},?[ \t]+\d{{4}})$"
    r"|[\d.,/ \t-]+$"
)
#: Chinese words a space sets apart (a running head's ``第二篇 基本检查法``).
_HAN_APART = regex.compile(r"\p{Han}[ \t\u3000]+\p{Han}")
#: A table's row set as a paragraph: a short term, a space, its Chinese text.
_ROW = regex.compile(r"^[*_]*[\p{Han}A-Za-z0-9]{1,10}[*_]*[ \t]+[*_]*\p{Han}")


def is_row(text: str) -> bool:
    """``text`` reads as a table's row set as a paragraph: a short term, a space, its Chinese
    text (``心源性水肿 首先出现于…``, as PyMuPDF writes a table)."""
    return _ROW.match(text) is not None


#: The marks that end a lead-in or a clause: a part starting with ``、`` (the mark after an
#: item's number, ``一、``) after one of them lost what stood between.
_MARKS_BEFORE_ITEM = "：:；;。！？!?，,、"
#: A part that leads to a formula: ``公式为``, ``相对误差为``, ``计算如下``, ``…可公度点上，即``,
#: ``我们分别得到`` (review 207: a MinerU paper's three formulas dropped, each such a part's
#: end left before the next paragraph); or that ends on one, its value's unit after it
#: (``…$ 年2月13日 $+ 1 5$ 天``, the line of math a converter kept).
_LEADS_TO_FORMULA = regex.compile(
    r"(?:公式|误差|表达式|计算式|关系式|方程|函数|定义|表示|记|写成)为$|如下$"
    r"|[，,]即$|(?:得到|可得|求得|解得)$|\$[ \t]*\p{Han}{1,2}$"
)
_STOP_AND_QUOTE = regex.compile(r"[。！？][“\"][ \t]*$")  # (an opening mark closing it)
#: What starts the words under a formula, explaining its symbols (``其中，`` ``式中，``).
_AFTER_FORMULA = ("其中，", "其中,", "式中，", "式中,", "式中：", "其中：")
#: A colon and a dash (``as under :-``, an annual report's before its table, a 1790s letter's
#: before a quotation): a lead-in that ends, whatever follows it.
_COLON_DASH = regex.compile(r"[:：][ \t]*[-–—]+[ \t]*$")


#: A word that takes an object ends the first part, and a verb starts the second: what stood
#: between, a value or a formula the converter dropped, is lost (``…a final concentration
#: of`` ⏎⏎ ``were measured every 30 min…``: review 125; as Chinese ``…公式为`` ⏎⏎ ``其中…``,
#: review 109). Not ``to``, ``as`` or ``than``, which a verb may follow.
_TAKES_OBJECT = regex.compile(
    r"\b(?:of|the|an?|by|with|for|from|in|on|at|into|onto|per)[ \t]*$", regex.IGNORECASE
)
_VERB_FIRST = regex.compile(
    r"(?:was|were|is|are|has|have|had|will|would|can|could|should|may|might|must|shall)\b"
)
_LOST_BETWEEN = "a word that takes an object, then a verb: what stood between is lost"


_EMOJI_END = regex.compile(
    r"(?:\p{Emoji_Presentation}|\p{Extended_Pictographic}\ufe0f)"
    r"[\p{Emoji_Modifier}\ufe0f]*[ \t*_]*$"
)
#: The labels of a paper's classification line (``中图分类号：… 文献标志码：A 文章编号：…``).
_CODE_LABELS = "中图分类号|文献标[识志]码|文章编号"
#: A paper's classification line opening a part: its codes.
_CODES = regex.compile(rf"[*_【\[]*(?:{_CODE_LABELS})")


def judge(first: str, second: str, between: list[str]) -> tuple[float, tuple[str, ...]] | None:
    """How sure it is that ``second`` continues ``first``, and why; None if it does not.
    ``between`` names what stands between them (page breaks, floats). A short first part that
    opens on a number (``2、提交方式说明``) goes on into a paragraph that does not only across
    a page: else a title over its text as likely (review 157, a figure between), and the seam
    is only suggested."""
    found = _judged(first, second, between)
    if found is None or found[0] <= ev.LIKELY or any(map(_paged, between)):
        return found
    titled = short_line(first) and rank(first.lstrip(" \t*_")) > 0
    if titled and not starts_new_unit(second):
        return ev.LIKELY, (*found[1], _TITLE_FIRST)
    return found


_TITLE_FIRST = "the first part is short and opens on a number: a title, no page between"


def _entries(first: str, second: str) -> bool:
    """The parts are records, not a sentence's halves: the first ends on a number a document
    or licence is registered by (``…字第379号``), or either sets entries apart on its line by
    an ideographic space, which prose has only as an indent (``…第 00220 号　京教研[2002]7号``)."""
    return _REGISTERED.search(first) is not None or any(map(_SET_APART.search, (first, second)))


_REGISTERED = regex.compile(r"\d[ \t]*号[ \t*_]*$")
_SET_APART = regex.compile(r"[^\s\u3000]\u3000+[^\s\u3000]")


def _judged(first: str, second: str, between: list[str]) -> tuple[float, tuple[str, ...]] | None:
    """The verdict :func:`judge` gives before it weighs a short numbered first part."""
    if "\n" in first or "\n" in second:  # lines ``unwrap`` kept apart: a record, verse
        return None
    if not (_WORD.search(first) and _WORD.search(second)):
        return None  # no words on a side (``--``, ``* * *``): a form's blank, a break, no half
    if ends_with_marker(first) or MARKED.match(second) or OWN_LINE.match(first):
        return None  # a jump line left in place
    if OWN_LINE.match(second) or _NAMES.match(first) or _NAMES.match(second):
        return None  # (a byline: Chinese names set apart by spaces, ``张晓林　刘细文　李麟``)
    if second.lstrip("*_ \t")[:1] in _NOTE_MARKS:
        return None  # (an affiliation or a note: ``†Developmental Endocrinology…``)
    if PAPER_LABEL.match(second.lstrip()):
        return None  # (``摘要针对…``, ``关键词``: a paper's front matter goes on; review 135)
    if script_change(without_trailing_markup(first), second.lstrip("*_ \t")):
        return None  # (Korean on one side, Chinese on the other: a text and its translation)
    if _EMOJI_END.search(first):
        return None  # (``…今天的茶话会就到这里🙏`` ⏎⏎ ``谢谢大家！…``: an emoji closes what it
        # ends as a mark would, in a chat's or a blog's words; review 152)
    if _CODES.match(first.lstrip()):
        return None  # (``中图分类号：P343.5 文献标志码：A 文章编号：…-08``: a paper's codes end
        # on a figure, no sentence; its body follows; review 150)
    if _SOURCE_LINE.match(first) or _SOURCE_LINE.match(second):
        return None  # (a figure's source under it, ``资料来源：Wind，华安证券研究所``: it ends on
        # the source's name, no sentence; twice in review 125's research report)
    if second.startswith(DASH_LEADS) and not between:
        return None  # (a comment on the paragraph before: ``——朱雀南方属火…``)
    if _LINE_BREAK_END.search(first) and not any(map(_paged, between)):
        return None  # (its author ended the line: a poem's, ``我的所爱在山腰；<br>``)
    if _echoes(first.strip(), second) or _doubled(first, second):
        return None  # (a title, and its text starting with its words: ``毕业…`` ⏎⏎ ``毕业…按照``)
    if in_brackets(second):
        return None  # (a note set apart, wholly in brackets: ``(本保險為不分紅保險單…。）``)
    if second[:1].isdigit() and _NUMBERED_LINE.match(second):
        return None  # (``5       working men…``: a transcript's line number; ``1 - Paris…``)
    if _LEADS_TO_QUOTE.search(first) and second[:1] in "“\"‘'「『":
        return None  # (``…in all parts of the kingdom :-`` ⏎⏎ ``“Another instance…``: quoted)
    if _RECORD.match(first) or _RECORD.match(second):
        return None  # (a JSON record a paragraph, ``{ "time": "2025-10-01", … },``: a paper's
        # output format, records one a paragraph; review 212, its translation and original)
    if SIGNED.search(without_trailing_markup(first)):
        return None  # (an item's end and its writer's name, ``…to work with.-David Campbe11``
        # ⏎⏎ ``the Amiga Chapter on May 13…``, its ``At`` lost by OCR; review 212)
    if is_row(first) and is_row(second):
        return None  # (a table's rows, one a paragraph, a term, a space, its text: ``心源性水肿
        # 首先出现于…`` ⏎⏎ ``肾源性水肿 早期…``; review 93)
    if _COLON_DASH.search(first):
        return None  # (``…are as under :-``: what follows, a table or a list, is led to)
    if _DATE_ALONE.match(first.strip(" \t*_#")):
        return None  # (a running head's date, ``January 9, 2024``, or its piece ``9, 2024``)
    if _TEX_COMMAND.match(first) or _TEX_COMMAND.match(second):
        return None  # (raw TeX a converter left, ``\newpage\markboth{…}``: no prose; review 103)
    if short_line(second) and AT_DOMAIN.search(second):
        return None  # (an author's address under the names: ``ann, bo, cy @example.edu``)
    if _STOP_AND_QUOTE.search(first):
        return None  # (``…这样称呼。“``: a full stop and a quotation mark typed the wrong way
        # round end the sentence; review 113)
    if second.startswith(_AFTER_FORMULA):
        return None  # (``…公式为`` ⏎⏎ ``其中，$h$ 为…``: a formula the converter dropped stood
        # between, which ``其中`` explains; review 109, two papers)
    if second[:1] == "、" and first.rstrip(" \t*_")[-1:] in _MARKS_BEFORE_ITEM:
        return None  # (``、`` after a mark: ``…给付身故保险金：`` ⏎⏎ ``、身故之…``, an item
        # whose number OCR dropped, review 100)
    if _PICTURE_END.search(first):
        return None  # (``一、![图](a.png)`` ⏎⏎ ``：“…”``: a picture ends it, no cut sentence;
        # a jump line removed between them, cleaning its output again would join them)
    if starts_continuing(second):
        return ev.STRONG, (CONTINUING,)
    if ends_sentence(first) or starts_new_unit(second) or _section(first):
        return None
    if _SUBHEAD_FUSED.match(second):
        return None  # (``2.1.1政府…``: a sub-head MinerU ran into its text, after ``…构成，``;
        # three levels, no decimal: review 243)
    if _TITLED.match(second) and "\n" not in second.strip() and short_line(second):
        return None  # (a numbered section's title alone, ``2.4 Mountain Depot (WH-104)``, an
        # appendix's ``A.2.7 Security and Surveillance Systems``: a page starts with it, no
        # sentence's other half; review 167)
    if not between and _salutation(first) and not starts_lowercase(second):
        return None  # (a letter's salutation before its first paragraph)
    if not between and _NUMBER_ALONE.match(first.strip()):
        return None  # (an item's number its author set apart: a weekly's numbered sayings)
    short = bool(between) and short_line(first)
    if (
        field_label(first)
        and not any(map(_paged, between))
        and (short or _one_value(first, second))
    ):
        return None  # (a form's field, ``字號：北宮刑字第…號``, a table under it; a field and
        # the next record, ``商品文號：…號函備查`` ⏎⏎ ``中華民國…號函備查修正``, review 100)
    if _FIELD_OPENS.match(first) and _FIELD_OPENS.match(second):
        return None  # (two fields, each opening on its label and colon: a report's items,
        # ``投资活动…变动原因说明：…所致`` ⏎⏎ ``筹资活动…变动原因说明：…所致``; a note and the
        # next item, ``注：1 美元…`` ⏎⏎ ``…表决权比例的说明：``; review 224, two reports)
    if URL_START.match(first) or URL_START.match(second):
        return None  # (a link set on its own line, a URL's ``https`` no sentence going on)
    if _EMAIL_END.search(first):
        return None  # (an e-mail address ends an author's lines, ``…Switzerland
        # bpf@zurich.ibm.com``, a note's under a paper's first page, ``{a.b, c.d}@example.org``
        # over a figure: the body's other half is further on; review 133)
    if URL_END.search(first) and not (second[:1].isascii() and starts_lowercase(second)):
        return None  # (a URL ends it: joined to Chinese, an autolink would take the text in)
    cut = first.endswith("-") or last_mark(first) in CLAUSE
    # (a Chinese part before a Latin name in lower case, ``…挺方便的`` ⏎⏎ ``uPic 支持的…``:
    # the next goes on in Chinese, as far as a seam can tell, not an English sentence; review 108)
    named = starts_lowercase(second) and is_cjk_letter(first.rstrip(" \t*_")[-1:])
    lower = starts_lowercase(second) and not named
    chinese = (starts_cjk(second) or named) and has_cjk_letter(first[-40:]) and chinese_prose(first)
    went_on = (*between, "the first part stops mid-sentence")
    if _record(first) or _record(second):  # a title, byline, name or date: unless plainly cut
        if (cut or between) and (lower or chinese):
            # (across a page break alone, a short first part that stops on no word a sentence
            # goes on from may be the page's debris: a running foot's ``May 1999``, a note's
            # ``See Note A``; ``decided to`` is cut)
            paged = all(map(_paged, between))  # (not a float)
            debris = lower and not cut and paged and not _goes_on_from(first)
            # (a short line over a figure and no page between, its words set apart by a space
            # and stopping on no mark, is a head as likely: a running head, ``第二篇 基本检查法``,
            # over a page's figure; review 93)
            apart = _HAN_APART.search(first) is not None
            headed = not cut and apart and not any(map(_paged, between))
            sure = ev.LIKELY if debris or headed else ev.STRONG
            return sure, (*went_on, CARRIES)
        return None
    if lower and _TAKES_OBJECT.search(first) and _VERB_FIRST.match(second):
        return ev.LIKELY, (*went_on, "the second part goes on in lower case", _LOST_BETWEEN)
    if lower:
        return ev.STRONG, (*went_on, "the second part goes on in lower case")
    if chinese and _LOST_STOP.search(first):
        return None  # a citation or math ends it: a sentence's end (OCR lost the 。) as a rule
    if chinese and _entries(first, second) and not any(map(_paged, between)):
        return None  # (a site's licence lines, each a paragraph: ``…字第379号`` ⏎⏎
        # ``增值电信业务经营许可证…　…京ICP证000007号``; two Sina pages, reviews 215 and 226)
    if chinese and _loose_end(first) and not any(map(_paged, between)):
        why = "the second part goes on in Chinese, the first stops on a Latin letter or digit"
        return ev.LIKELY, (*went_on, why)
    if chinese and _LEADS_TO_FORMULA.search(first.rstrip()):
        return ev.LIKELY, (*went_on, IN_CHINESE)  # (``…则相对误差为`` ⏎⏎ ``若误差在…``: its
        # formula, which the converter dropped, may stand between; review 109)
    if chinese:
        return ev.STRONG, (*went_on, IN_CHINESE)
    paged = any(map(_paged, between))
    if paged and not cut and second[:1].isupper() and not _goes_on_from(first):
        # (a note on the source over the first page, ``…Parish Papers, Box 7`` ⏎ ``[1]`` ⏎
        # ``Volume missing held…``: a number, then a capital, says no sentence goes on)
        return ev.LIKELY, (*went_on, f"the second part starts with {_start(second)}")
    if paged or (cut and not (second[:1].isupper() or starts_cjk(second))):
        return ev.STRONG, went_on  # (Chinese has no lower case to go on in: after a part
        # that reads as no Chinese prose, ``…Wang and Zhao (2010)，`` ⏎⏎ ``随着研究的深入…``,
        # an author's new paragraph as likely as a cut one; review 155)
    if between and not (second[:1].isupper() or second[:1] in _QUOTES or _loose_end(first)):
        return ev.STRONG, went_on  # (a float alone is no cut before a capital or a quotation,
        # ``June 16-21, 2024`` ⏎⏎ a picture ⏎⏎ ``The NAACL organizers…``, nor after OCR's
        # debris, ``…$ （204`` ⏎⏎ a figure ⏎⏎ ``考虑到…``; before math it is, ``所以`` ⏎⏎ …)
    if titles.in_title_case(first) or (DATED.match(first) and DATED.match(second)):
        return None  # a heading that lost its marks, a byline; dated entries of a record
    if not cut and (not _goes_on_from(first) or rank(first)):
        return None  # no mark or word a sentence goes on after; a numbered head
    if without_trailing_markup(first).endswith(","):
        return None  # (before a capital: OCR's comma for a full stop, as often as not)
    if _ENDS_ON_LINK.search(first) and not (
        CAPITALS_WORD.match(second) or STARTS_SENTENCE.match(second)
    ):
        return ev.STRONG, (*went_on, "it ends on a word no sentence ends on")
    return ev.LIKELY, (*went_on, f"the second part starts with {_start(second)}")


#: A paragraph that is one record of data in braces or brackets (JSON's), a comma after it.
_RECORD = regex.compile(r"[ \t]*(?:\{[^\n]*\}|\[[^\n]*\])[ \t]*,?[ \t]*$")
#: An English word no sentence ends on (an article, a preposition, a conjunction), not after
#: a clause's mark: a text set one paragraph a line cut there before a capital (``City and``
#: ⏎⏎ ``County Council``, ``the property at`` ⏎⏎ ``14, Mill Road``: review 90). A resolution's
#: ``…; and`` ⏎⏎ ``WHEREAS…`` ends a clause, and a word in capitals starts one.
_ENDS_ON_LINK = regex.compile(
    r"(?<![;:][ \t]*)(?<=\s)(?:the|a|an|of|and|or|nor|with|from|for|into|upon|at|between"
    r"|than|that|whose)[*_]*[ \t]*$"  # (not ``in``, ``on``, ``by``, ``to``: ``left on``)
)


_NAMES = regex.compile(r"^[ \t]*\p{Han}{2,4}(?:[ \t\u3000]+\p{Han}{2,4}){2,9}[ \t]*$")
#: The label of a paper's metadata line: its keywords, classification, identifier.
_METADATA = regex.compile(
    rf"^[*_]*(?:key ?words?|关键词|关键字|{_CODE_LABELS}|doi)[ \t]*[:：]", regex.I
)
_SPACED_HAN = regex.compile(r"\p{Han}[ \t\u3000]+(?=\p{Han})")  # words set apart: a figure's


def _echoes(first: str, second: str) -> bool:
    """``second`` starts with most of ``first``'s words, four characters at least (a title
    over its article: ``毕业、结业及学位授予`` ⏎⏎ ``毕业、结业及学位申请按照…``)."""
    same = 0
    for a, b in zip(first, second, strict=False):
        if a != b:
            break
        same += 1
    return same >= 4 and 2 * same >= len(first)


def _doubled(first: str, second: str) -> bool:
    """Joined, the two parts would say a word twice: the second starts with the word the first
    ends on (a page's catchword, ``in`` ⏎ the next page ⏎ ``in that quarter``; a list item's
    title ending on a name its text starts with, ``…，by 吴恩达`` ⏎⏎ ``吴恩达（Andrew Ng）是…``:
    review 94, twice each), not a sentence going on."""
    end = _LAST_WORD.search(without_trailing_markup(first).rstrip())
    if end is None:
        return False
    word, start = end.group(0), second.lstrip(" \t*_")
    if has_cjk_letter(word[:1]):  # (two to four characters: a Chinese word)
        return any(start.startswith(word[-k:]) for k in range(2, len(word) + 1))
    return start[: len(word)].casefold() == word.casefold() and not start[len(word) :][:1].isalpha()


#: The last word of a part: Latin letters, or the last four Han characters at most.
_LAST_WORD = regex.compile(r"(?<![A-Za-z])[A-Za-z]+$|\p{Han}{2,4}$")


def _loose_end(first: str) -> bool:
    """Chinese prose stops on a Latin letter, a digit or an opening bracket: a figure's words
    OCR'd (``…papers22-Aug-2006``), a stray page number (``（204``), a term a converter's
    reading order left before a paragraph not its own (``…如Tagging、RSSfeeds``), as often as a
    cut; sure only with a page break between."""
    last = without_trailing_markup(first)[-1:]
    return bool(last) and ((last.isascii() and last.isalnum()) or last in "（(")


def _goes_on_from(first: str) -> bool:
    """The first part ends in a word a sentence goes on after, all the evidence a likely
    seam has: a Latin word in lower case, or a Chinese character of prose; not a number, a
    citation, a formula, a capital alone, an author's affiliation number, the list of a
    metadata line (``Key words: …; Simulink``), or Chinese words set apart by spaces with no
    clause mark (a figure's words, OCR'd: ``研究机构知识基础 开放科研设施 …``). (A URL at the
    end was ruled out before.)"""
    if _METADATA.match(first):
        return False
    last = without_trailing_markup(first)[-2:]
    if has_cjk_letter(last[-1:]):
        return chinese_prose(first) or len(_SPACED_HAN.findall(first)) < 2
    return len(last) == 2 and last.isascii() and last.isalpha() and last.islower()


#: A number alone with its mark (``1、`` ``一、`` ``(2)`` ``3.``), a paragraph of its own: it
#: may number an item that runs over several paragraphs (a weekly's numbered quotations).
_NUMBER_ALONE = regex.compile(
    r"^[*_]*(?:[(（]\s*(?:\d{1,3}|[一二三四五六七八九十]{1,3})\s*[)）]"
    r"|(?:\d{1,3}|[一二三四五六七八九十]{1,3})[、.．)）])[*_]*$"
)


#: A section's number of three levels before Chinese, no space between: a sub-head.
_SUBHEAD_FUSED = regex.compile(r"[ \t*_]*\d{1,2}\.\d{1,2}\.\d{1,2}\p{Han}")
#: A section's number of two levels or more (an appendix's with its letter), then a title's
#: first word: a capital or Chinese (``2.4 for details`` goes on a sentence).
_TITLED = regex.compile(rf"{LEVELLED}\.?[ \t]+(?:[A-Z]|\p{{Han}})")


def _section(first: str) -> bool:
    """A section's title after its number, short, alone (``9.1 大模型不一定直接部署，但很适合做
    Teacher``) or after the paragraph's last sentence, where a converter pulled it (``…快速部署。
    4.1.1 整体架构分层``): the text under it is no other half."""
    tail = first[max(map(first.rfind, "。！？")) + 1 :].strip()
    return short_line(tail) and SECTION_NUMBER.match(tail) is not None


def _start(text: str) -> str:
    """What ``text`` starts with, as the evidence of a likely seam names it."""
    first = text[:1]
    return "a capital" if first.isupper() else "a digit" if first.isdigit() else f"'{first}'"


def _paged(why: str) -> bool:
    """The evidence names a page break between the parts (not a float)."""
    return why.startswith(PAGE_BREAK)


def _record(text: str) -> bool:
    """A title, byline, name or date: short, no clause marks, no sentence end (a note's number
    after one, ``获新生的历程。1``, as a converter leaves it, is not looked at)."""
    text = _NOTE_AFTER_STOP.sub("", text.rstrip())
    return short_line(text) and not ends_sentence(text) and _CLAUSES.search(text) is None


_NOTE_AFTER_STOP = regex.compile(r"(?<=[。！？])\d{1,2}$")


def _one_value(field: str, second: str) -> bool:
    """A field's single value (no clause mark) before a part that is one too (no clause mark,
    no sentence end): the next record, not the rest of a sentence."""
    return not (_CLAUSES.search(field) or _CLAUSES.search(second) or ends_sentence(second))


def _salutation(text: str) -> bool:
    """A letter's salutation (``Sir,`` ``My dear Clarke,``): short, in Latin letters, its one
    clause mark the comma ending it (a Chinese lead-in ending in ``，`` goes on)."""
    body = text.rstrip()
    return body.endswith(",") and not has_cjk_letter(body) and _record(body[:-1])
