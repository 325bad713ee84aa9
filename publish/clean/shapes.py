"""What a block of text is, beyond its Markdown kind: a float, a caption, a reference entry,
a record, a heading number; and how a paragraph ends and starts.

The structural passes (``unwrap``, ``seams``) join and split only running text: never a
heading, list item, table, image, caption, reference entry or record (a byline, an address, a
signature, a date line, a calendar entry).
"""

from __future__ import annotations

import regex

from publish.cjk import CJK_LETTER, CJK_PUNCT, CONTINUES, FULL_STOPS, TERMINAL, is_cjk, width
from publish.clean.blocks import ANCHOR, EXTENSION_LINE, Block
from publish.clean.markers import BRACKETED
from publish.clean.numbering import is_heading_line, rank

#: Empty anchors a converter sets at a block's start (``<span id="page-9-0"></span>``): no text.
_ANCHORS = rf"(?:{ANCHOR})*"
_IMAGE_LINE = regex.compile(  # (one picture or a row of them, ``![](a.png)![](b.png)``)
    rf"^[ \t]*{_ANCHORS}(?:!\[[^\]\n]*\]\([^)\n]*\)(?:\{{[^}}\n]*\}})?[ \t]*)+$"
    # (a transcription's placeholder for a picture, as Project Gutenberg's and Distributed
    # Proofreaders' texts mark one: ``*[Image: The Card.]*``, ``[Illustration: …]``)
    r"|^[ \t]*[*_]*\[(?:Image|Illustration|Picture|Photo|Figure)(?::[^\]\n]*)?\][*_]*[ \t]*$"
    # (an image without its address, a converter's placeholder or a reference's shortcut,
    # ``![Eclipse photo 1]``: review 235)
    r"|^[ \t]*!\[[^\]\n]+\][ \t]*$"
)
#: The label is a whole word (``Fig.``, not the start of ``fighters``); the number is digits,
#: Chinese numerals, Roman numerals or one capital letter (``Table A``, ``Plate IV``), so
#: ``Tables turned`` and ``Mapping the coast`` are running text; empty anchors a converter
#: sets at a block's start (``<span id="page-9-0"></span>``) come before it; the label may be
#: in bold (``**Table 4** International…``).
CAPTION = regex.compile(
    rf"^{_ANCHORS}[ \t]*[*_]*(?:图|表|附图|附表"
    r"|(?i:Fig\.|(?:Fig|Figure|Table|Chart|Photo|Plate|Exhibit|Map)\b))"
    r"[ \t]*(?:\d+|[一二三四五六七八九十]+|[IVXLC]+\b|[A-Z]\b|[A-Z]\d+)"
    r"(?:[-.．:：](?:\d+|[A-Z]))?[*_]*(?:[ \t:：.．、]|$)"
)
#: A bibliography entry: ``[1] 作者. 题名[J].``, ``［2］``, or one with a GB/T 7714 type tag;
#: a manuscript's line number may stand before it (``264 [1]张新铖,…``, a gutter's).
#: (Entries in other styles are protected by their section: see :mod:`publish.clean.protect`.)
REFERENCE = regex.compile(
    r"^[ \t]*(?:\d{1,4}[ \t]+)?(?:\[\s*\d{1,3}\s*\]|［\s*\d{1,3}\s*］|【\d{1,3}】)"
    r"|[\[［](?:J|M|C|D|R|S|P|N|G|Z|A|EB/OL|J/OL|M/OL|C/OL|DB/OL|CP/DK)[\]］][ \t]*(?:[.．,，]|//)",
    regex.MULTILINE,
)
_ONLY_BOLD = regex.compile(r"^(\*\*|__)[^\n]+\1$")
_ONLY_ITALIC = regex.compile(r"^([*_])[^\n*_]+\1$")
_BOLD_RUN_IN = regex.compile(r"^(\*\*|__)[^\n]+?\1")
#: A footnote reference ending the text: Markdown's (``[^3]``), or a note's number after the
#: sentence it ends, as converters of reports print it (``… the grant. [22]``).
_FOOTNOTE_END = regex.compile(r"\[\^[^\]]+\]$|(?<=[.!?。！？”’\"')）][ \t]*)\[\d{1,3}\]$")
_LINK_END = regex.compile(r"\]\([^)]*\)$")
_ANY_PUNCT = regex.compile(r"\p{P}")
_CLOSERS = "”’\"')）」』】》*_]"
_STOPS = frozenset(FULL_STOPS + ".!?")
_LOWER = regex.compile(rf"^{_ANCHORS}[*_(\"“‘']*\p{{Ll}}")
_CJK_START = regex.compile(rf"^[*_“‘\"'（(《「『【]*[{CJK_LETTER}]")
MARKED = regex.compile(rf"^[ \t]*(?:{BRACKETED.pattern})")
_MARKED_END = regex.compile(rf"(?:{BRACKETED.pattern})[ \t]*$")
_BRACKET_ENDS = ")）]】］〕*_"  # (or "": an empty text)
#: Chinese running text has clause marks (half-width ones count: ``punctuation`` converts them
#: later, and a full stop between Chinese, a space after it or not: ``代. 代`` reads ``代。代``
#: once it has); figure labels, titles and notes set as text have none.
_CJK_SIDE = f"[{CJK_LETTER}{CJK_PUNCT}]"
_PROSE = regex.compile(
    rf"[，。、；：！？]|(?<={_CJK_SIDE}[*_()\"“”]*)[,;:?!]|[,;:?!](?=[*_()\"“”]*{_CJK_SIDE})"
    rf"|(?<=[{CJK_LETTER}][*_]*)\.(?=[*_]*[ \t]*[{CJK_LETTER}])"
)
#: (and a letter doubled, ``(aa)`` ``(BB)``: the United States Code's items below ``(I)``, a
#: paragraph each; review 216, joined onto their lead-in as lower case going on)
#: (and one closed full-width, before Chinese: ``a）发送端…``, ``(e）验证模块…``, ``(c)加密…``: a
#: paper's steps, four joined onto the paragraphs before them; review 217)
_ENUMERATOR = regex.compile(
    r"^[*_]*(?:[(（](?:[ivxlc]+|[a-z]|([a-z])\1{1,2})[)）]|(?:[ivxlc]+|[a-z])[.)）])"
    r"(?:\s|(?<=[)）])(?=\p{Han}))",
    regex.I,
)
#: A field's label and its colon (``商品名稱：``, ``title:``): a form's, a record's, front matter's.
_FIELD = regex.compile(r"^[*_]*[\p{Han}\w][^\s，。：:,.;；]{0,11}[：:]")
_AFTER_MARKUP = regex.compile(r"^[*_~“”‘’—…·,;:?!]+")  # what ``punctuation`` looks through
#: An English month's name, or its abbreviation (``Jan.``, ``Sept``).
MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?"
#: A dated entry's start: ``1961年9月2日``, ``民国28年``, ``1962-06-02``, ``Aug. 6``; in a
#: chronicle also ``8月``, ``5～10月``, ``是年``, ``是月``, ``同年``, ``秋`` and a space.
DATED = regex.compile(
    r"^(?:\d{4}\s*年|民国\s*\d{1,2}\s*年|\d{4}[-./]\d{1,2}[-./]\d{1,2}"
    r"|\d{1,2}\s*(?:[～~—–-]\s*\d{1,2}\s*)?月(?!份)|是[年月日]|同[年月]|[春夏秋冬][ \t\u3000]"
    rf"|{MONTH} \d{{1,2}}\b)"
)
#: A newspaper's dateline, which starts a wire story: a place in capitals, the state perhaps,
#: the month and the day (``CHICAGO, Dec. 31``, ``KANSAS CITY, Mo, Dec. 31.``).
DATELINE = regex.compile(
    r"^[ \t]*[A-Z][A-Z.'’ ]{2,}(?:,[ \t]*[A-Z][a-z]{1,4}\.?)?,[ \t]*"
    rf"{MONTH}[ \t]*\d{{1,2}}\b"
)
#: A web address ending a text, or starting one: no half of a sentence.
URL_END = regex.compile(r"(?:https?://|www\.)\S+$")
URL_START = regex.compile(r"^[ \t<]*(?:https?://|www\.)")
#: A word hyphenated at a line's end (or broken with a soft hyphen): a mark of OCR or conversion.
HYPHEN_BREAK = regex.compile(r"[A-Za-z0-9][-\u2010\u00ad]\n[A-Za-z0-9]")
SHORT = 50  # columns: 25 CJK characters, a title or a byline

#: A block that is one HTML comment, invisible (``<!-- page-anchor: LYG-S-0065 -->``): a page's
#: mark where a converter left one; ``seams`` moves it after the paragraph it joins as a float.
COMMENT = regex.compile(r"^[ \t]*<!--(?:(?!-->).)*-->[ \t]*$", regex.DOTALL)


#: A paper's abstract or keywords label opening a line (``摘 要：…``, ``【关键词】``, ``摘要城市…``,
#: its space lost; ``Key words:``, ``ABSTRACT``): the next part of its front matter, whatever
#: the line before left open (an affiliation's bracket, ``（江南…学院杭州``; review 135); and
#: its notes' fields (``作者简介：``, ``通讯作者：``, ``基金项目：``: review 139).
PAPER_LABEL = regex.compile(
    r"[*_【\[]*(?:摘[ \t\u3000]*要|(?:关[ \t\u3000]*键[ \t\u3000]*[词字]|中图分类号|文献标识码)"
    r"(?=[*_】\]]*(?:[ \t\u3000:：]|$))"
    r"|(?:作者简介|通讯作者|第一作者|基金项目|收稿日期|修回日期|引用格式)(?=[*_】\]]*[ \t]*[:：])"
    r"|(?:Abstract|Key ?words?|KEY ?WORDS?)(?=[*_]*[ \t]*[:：.—]|[*_]*$)|ABSTRACT\b)"
)


def field_label(line: str) -> bool:
    """``line`` opens with a field's label and its colon (``SUBJECT:``, ``商品名稱：``)."""
    return _FIELD.match(line) is not None


def is_fields(text: str) -> bool:
    """Two or more lines, each a metadata field (``title: …``, ``date: 2017-11-03``), perhaps
    closed by ``---``: front matter whose opening line is missing, a record of fields, never
    prose to join."""
    if ":" not in text and "：" not in text:  # (a quick look first: most blocks have none)
        return False
    lines = text.split("\n")
    if lines[-1].strip() == "---":
        lines.pop()
    return len(lines) >= 2 and all(map(field_label, lines))


def image_line(line: str) -> bool:
    """The line is a picture, or a row of them (``![](a.png)![](b.png)``), or a
    transcription's placeholder for one (``[Illustration: …]``)."""
    return _IMAGE_LINE.match(line) is not None


def is_float(block: Block) -> bool:
    """A table, an image (with or without its caption), a caption, or a footnote a converter
    set between the paragraphs of its page."""
    if block.kind == "table":
        return True
    if block.kind == "html":  # (``<span id="page-0-0"></span><sup>1</sup>…``: a footnote,
        # its anchor first; not ``<sup>1</sup> Baidu Inc.``, an affiliation under the names)
        if _HTML_FLOAT.match(block.text):
            return True
        caption = _HTML_CAPTION.match(block.text)
        if caption is not None:
            return is_caption(caption.group(1))
        return _ANCHOR_FIRST.match(block.text) is not None and is_footnote(block.text)
    if block.kind != "paragraph":
        return False
    first = block.text.split("\n", 1)[0]
    if _IMAGE_LINE.match(first) or is_caption(block.text) or is_footnote(block.text):
        return True
    return block.text.startswith("[Footnote ") and proofed_note(block.text)


#: A figure or a table in HTML, as converters write them: PaddleOCR's ``<div style="text-align:
#: center;"><img src="imgs/…" …/></div>``, MinerU's ``<table>…</table>``.
_HTML_FLOAT = regex.compile(
    r"^[ \t]*(?:<div\b[^<>]*>[ \t]*<img\b[^<>]*>[ \t]*</div>|<table\b[^\n]*</table>)[ \t]*$"
)
#: A caption in HTML (PaddleOCR's ``<div style="text-align: center;">图4 多源…</div>``).
_HTML_CAPTION = regex.compile(r"^[ \t]*<div\b[^<>]*>[ \t]*([^<>\n]+?)[ \t]*</div>[ \t]*$")
_LONG_CAPTION = 1500  # characters: a paper's caption under its figure may run to several sentences


def is_float_at(blocks: list[Block], j: int) -> bool:
    """``blocks[j]`` is a float (:func:`is_float`), or a caption of any length (one line) right
    under an image or a table: ``Figure 1. Training error (left) and test error (right) on…``
    of several sentences, under the figure a converter set between a paragraph's halves."""
    block = blocks[j]
    if is_float(block):
        return True
    if j == 0 or block.kind != "paragraph" or "\n" in block.text or len(block.text) > _LONG_CAPTION:
        return False
    above = blocks[j - 1]
    image = above.kind == "paragraph" and _IMAGE_LINE.match(above.text.split("\n", 1)[0])
    if image and _repeats_alt(above.text, block.text):
        return True  # (``![Symmetrical corona … by Ernie Piini](image)`` ⏎⏎ ``*Symmetrical
        # corona … by Ernie Piini*``: AI OCR's caption under its picture; review 235)
    return (image or above.kind == "table") and CAPTION.match(block.text) is not None


def _repeats_alt(image: str, line: str) -> bool:
    """``line``, in emphasis or not, says what the image's alternative text says."""
    alt = _ALT.search(image)
    said = " ".join(line.strip(" \t*_").split()).casefold()
    return alt is not None and len(said) > 3 and said == " ".join(alt.group(1).split()).casefold()


_ALT = regex.compile(r"!\[([^\]\n]*)\]")


_ANCHOR_FIRST = regex.compile(ANCHOR)
#: A footnote as converters set it: its number raised (``<sup>4.</sup> We use…``), or, after
#: the anchor its reference links to, bare (``<span id="page-2-1"></span>1 Implementation…``).
_FOOTNOTE = regex.compile(
    rf"^{_ANCHORS}[ \t]*<sup>[ \t]*\d{{1,3}}\.?[ \t]*</sup>"
    rf"|^(?:{ANCHOR})+\d{{1,3}}\.?[ \t]+(?=\p{{Lu}})"
)


def is_footnote(text: str) -> bool:
    """A converter's footnote (:data:`_FOOTNOTE`), or an author's affiliation set as one at a
    paper's first page: an institution and an e-mail address on one line (``School of
    Economy…, Yibin 644003, Sichuan, China. email: luliu@…``), which MinerU leaves between the
    halves of the sentence its page cut."""
    if len(text) > 600 or "\n" in text:
        return False
    if _FOOTNOTE.match(text) is not None:
        return True
    return "@" in text and _EMAIL.search(text) is not None and _INSTITUTION.search(text) is not None


_EMAIL = regex.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_INSTITUTION = regex.compile(
    r"\b(?:University|College|Institute|School|Department|Laboratory|Academy|Faculty)\b"
    r"|大学|学院|研究所|研究院|实验室"
)


#: A Chinese caption whose number the conversion glued to its title (``表2性别、年龄…``,
#: ``图5悬浮实验实物图``): a title, not a sentence that cites the figure (``图1所示为…``).
_GLUED_CAPTION = regex.compile(
    r"^[ \t]*[*_]*(?:图|表|附图|附表)[ \t]*\d+(?:[-.．]\d+)?"
    r"(?=\p{Han})(?!所示|中|为|是|可|给出|表明|显示|说明|反映|列出|的|和|与|及)"
)
_SENTENCE_MARKS = frozenset("。，；：！？,;!?")


def is_caption(text: str) -> bool:
    if len(text) > 160 or "\n" in text.strip() or width(text) > 160:  # (width >= length)
        return _LONG_CAPTION_START.match(text) is not None and _long_caption(text)
    if CAPTION.match(text) is not None:
        return True
    return _GLUED_CAPTION.match(text) is not None and not _SENTENCE_MARKS.intersection(text)


def _long_caption(text: str) -> bool:
    """A caption too long for :func:`is_caption`'s look, one line at most
    :data:`_LONG_CAPTION` characters: a figure's legend listing its abbreviations (``Fig. 2.
    Layout of the test rig. P: pump, V: valve, …``, a paper Marker converted; review 197)."""
    return "\n" not in text.strip() and len(text) <= _LONG_CAPTION


#: A caption's label, its number and a full stop or a colon after it (``Fig. 2. ``, ``Table 3:
#: ``, ``图 4．``): no sentence that names a figure (``Figure 3 shows…``) starts so.
_LONG_CAPTION_START = regex.compile(
    rf"^{_ANCHORS}[ \t]*[*_]*(?:图|表|(?i:Fig\.|Figure|Table))[ \t]*\d+(?:[-.．]\d+)?[.．:：][*_]*"
    r"[ \t]+\S"
)


def is_reference(text: str) -> bool:
    return ("[" in text or "［" in text or "【" in text) and REFERENCE.search(text) is not None


def size(text: str) -> int:
    """The width of the letters and digits of ``text`` (CJK letters count two): what the
    punctuation pass, which changes the width of marks, leaves as it is."""
    return width("".join(filter(str.isalnum, text)))


def short_line(text: str) -> bool:
    """A single short line: a title, a byline, a name, a date."""
    if "\n" in text or size(text[: 4 * SHORT]) > SHORT:  # (a start too wide is enough)
        return False
    return size(text) <= SHORT


def unpunctuated_short(text: str) -> bool:
    return short_line(text) and not _ANY_PUNCT.search(text.replace("**", ""))


def only_bold(text: str) -> bool:
    """One line, all of it bold (a run-in head, a sidebar's question)."""
    return _ONLY_BOLD.match(text) is not None


def in_brackets(text: str) -> bool:
    """Wholly in brackets (``（掌声）``, ``(本保险为不分红保险单…。）``, ``[Applause]``): an aside
    set apart, not a sentence's part."""
    text = text.strip()
    return len(text) > 1 and text.startswith(_OPEN_BRACKETS) and text.endswith(_CLOSE_BRACKETS)


_OPEN_BRACKETS, _CLOSE_BRACKETS = ("(", "（", "[", "【"), (")", "）", "]", "】")


def only_emphasis(text: str) -> bool:
    """One line, all of it bold or all of it italic (a label: ``**Bugfixes**``, ``_代码_``)."""
    return only_bold(text) or _ONLY_ITALIC.match(text) is not None


#: A note at a page's foot as OCR gives it: its number, a space, a capital; or an asterisk
#: that no other closes on its line, then a capital (``*Both authors contributed equally.``,
#: a paper's first-page note a converter set between a cut paragraph's halves; review 133).
_NOTE_START = regex.compile(r"\d{1,2}[ \t]+\p{Lu}|\*[ \t]?\p{Lu}[^*\n]*(?:\n|$)")


#: A note as Distributed Proofreaders mark it, where its page ends (``[Footnote 1: Luke xxii.
#: 32.]``, ``[Footnote A: …``, over several lines if long).
PROOFED_NOTE = regex.compile(r"^[ \t]*\[Footnote [\w*†‡§]{1,12}:")


def proofed_note(text: str) -> bool:
    """``text`` is a whole :data:`PROOFED_NOTE`: the bracket that opens it closes at its end
    (not a note and the next page's text run on, ending in a reference's ``[5]``)."""
    end = text.rstrip()
    if PROOFED_NOTE.match(end) is None or not end.endswith("]"):
        return False
    depth = 0
    for at, ch in enumerate(end):
        depth += (ch == "[") - (ch == "]")
        if depth == 0:
            return at == len(end) - 1
    return False


def starts_note(text: str) -> bool:
    """``text`` starts as a note at a page's foot (``2 In the last part of the Trilogie…``):
    never the second half of a sentence cut at the page's end, whose text goes on after it."""
    return _NOTE_START.match(text) is not None


def is_running_text(block: Block) -> bool:
    """A paragraph that may be joined to another: not a float, reference, heading line, a
    block of lines set apart by hard breaks, or a paragraph that is only bold."""
    if block.kind != "paragraph" or is_float(block) or is_reference(block.text):
        return False
    if "  \n" in block.text or "\\\n" in block.text:  # lines set apart: a figure, a poem
        return False
    if EXTENSION_LINE.match(block.text):  # (``::: {.note}``, ``!!! tip``: syntax, not text)
        return False
    if any(map(aligned, block.text.split("\n"))):  # (a row of a table set with spaces)
        return False
    return not (only_bold(block.text) or is_heading_line(block.text))


def without_trailing_markup(text: str) -> str:
    """``text`` without the spaces, emphasis and code marks and footnote references at its
    end (string methods, not a regex that would try every run of spaces)."""
    while True:
        stripped = text.rstrip().rstrip("*_~`")
        tail = stripped.endswith("]") and _FOOTNOTE_END.search(stripped[-200:])
        if tail:
            stripped = stripped[: len(stripped) - len(tail.group(0))]
        if stripped == text:
            return text
        text = stripped


#: A lone tilde after a CJK letter ending the text (``~~`` closes a strikethrough).
_TILDE_END = regex.compile(rf"[{CJK_LETTER}][~～]$")
_TILDES = "~～"


def last_mark(text: str) -> str:
    """The last visible character, looking through closing quotes after a clause mark
    (``,"`` ends in ``,``) and trailing markup; ``.`` for a paragraph ending in a link."""
    if text.rstrip(" \t")[-1:] in _TILDES and _TILDE_END.search(text.rstrip(" \t")[-8:]):
        return "～"  # (a blog's ``先拍一张合影~``: a tone, no strikethrough's mark)
    text = without_trailing_markup(text)
    if text.endswith(")") and _LINK_END.search(text):
        return "."
    bare = text.rstrip("]\\ ") if text.endswith("]") else ""
    if bare.endswith(")") and _LINK_END.search(bare):  # (a link in brackets ending a
        return "."  # citation, ``China. \[[pdf](…)\]``: review 189, four of a dataset's READMEs)
    stripped = text.rstrip(_CLOSERS)
    if stripped and stripped[-1] in ",，、;；" and stripped != text:
        return stripped[-1]
    if text.endswith("]") and stripped[-1:] in _STOPS:  # (a hint closed: ``…= 12。]``)
        return stripped[-1]
    return text[-1:] or " "  # nothing visible: no mark at all


def ends_sentence(text: str) -> bool:
    return last_mark(text) in TERMINAL


#: A sentence and its writer's name after a dash, ending an article or an item (``…honey
#: feast. -Enid Michael``, ``…to work with.-David Campbe11``, ``…Liberty Cap. —C. P. Russell.``:
#: a nature bulletin's, a club newsletter's, a weekly's quoted words; reviews 209, 212).
SIGNED = regex.compile(r"[.!?][\"”’]?[ \t]*[-—–][ \t]?[A-Z][\w.]*(?:[ \t][A-Z][\w.]*){0,3}$")


def starts_lowercase(text: str) -> bool:
    return _LOWER.match(text) is not None


def starts_cjk(text: str) -> bool:
    return _CJK_START.match(text) is not None


def starts_continuing(text: str) -> bool:
    """A mark that never starts a sentence starts the text: ``，。）``, ``,)``, or ``;:!?``
    before Chinese (not ``.`` or ``;`` before Latin, which start command lines and comments
    in listings)."""
    if not text:
        return False
    if text[0] in ";:!?":  # full-width (a continuing mark) once ``punctuation`` sees Chinese
        after = _AFTER_MARKUP.sub("", text[1:])
        if after.startswith("("):  # a bracket around Chinese turns full-width first
            after = _AFTER_MARKUP.sub("", after[1:])
        return is_cjk(after[:1])
    return text[0] in CONTINUES or text[0] in ",)"


def chinese_prose(text: str) -> bool:
    return _PROSE.search(text) is not None


#: A worksheet's label (``【答案】``, ``【例3】``, ``【策略二：旋转放缩】``) or an item's number
#: with a full-width point (``4．``, which no decimal has at a paragraph's start).
_LABELLED = regex.compile(r"^[*_]*(?:【[^【】\n]{1,16}】|\d{1,3}．)")
#: A bullet a converter left as a glyph (``• Our method``, ``· 中国图书馆界``, ``$\cdot$ 中国``).
_BULLET = regex.compile(r"^[ \t]*(?:[•·▪◦●○■□◆◇►▸]|\$\\cdot\$)[ \t]*\S")


def bulleted(text: str) -> bool:
    """``text`` opens on a bullet glyph a converter left (``• $25 if you…``)."""
    return _BULLET.match(text) is not None


#: A letter's closing, on a line of its own, before the signature's lines.
_CLOSING = regex.compile(
    r"^[ \t]*(?:(?:very|yours|most)[ \t]+)?(?:respectfully|truly|sincerely|faithfully|cordially)"
    r"(?:[ \t]+yours)?,[ \t]*$",
    regex.IGNORECASE,
)


def closing(line: str) -> bool:
    """The line is a letter's closing (``Sincerely,``, ``Very respectfully,``)."""
    return _CLOSING.match(line) is not None


#: A speaker's name starting a turn of a transcript (``Mr. Angleton. Well,``, ``Senator
#: Baker. If``, ``The CHAIRMAN. The``): a title, a name and a full stop, a sentence after.
_SPEAKER = regex.compile(
    r"""^[ \t]*(?:
      (?i:mr|mrs|ms|miss|dr|senator|representative|congressman|congresswoman|chairman
          |chairwoman)\.?[ \t]+[A-Z][\w'’-]+(?:[ \t]+of[ \t]+[A-Z]\w+)?
    | (?i:the)[ \t]+(?i:chairman|chairwoman|witness|court|clerk|speaker|president)
    )[.:][ \t]+(?=["“(]?[A-Z])""",
    regex.VERBOSE,
)


def speaker(text: str) -> bool:
    """A speaker's name starts the text: a new turn of a transcript."""
    return _SPEAKER.match(text) is not None


#: A row of a diagram or a table set with spaces: four cells or more of one or two wide
#: characters or marks (``合寅 未常 巳 未 卯 巳 兄 巳 空 ◎``), nothing else on the line.
_GRID_ROW = regex.compile(
    r"^[ \t\u3000]*(?:[^\x00-\x7f\s]{1,2}[ \t\u3000]+){3,}[^\x00-\x7f\s]{1,2}[ \t\u3000]*$"
)


def grid_row(line: str) -> bool:
    """The line is a row of a diagram or table set with spaces (see :data:`_GRID_ROW`); one
    alone may be a title spaced out (``目 录 说 明``), two together are a grid's."""
    return _GRID_ROW.match(line) is not None


#: Columns aligned with a tab or ideographic spaces after the line's text started (a table's
#: row, a contents line: ``天干→庚，辛→甲，乙``, ``第一问三传克用　　　　→→计答…``), or, after
#: Chinese, three spaces or more (two are a converter's round inline math: ``所以  $x$``), or
#: five or more between any two words (two columns of a page side by side, as ``pdftotext
#: -layout`` prints them: ``Results of the survey, 1951          this relation was…``;
#: review 91).
_ALIGNED = regex.compile(
    rf"\S[ \u3000]*(?:\t|\u3000{{2,}})[ \t\u3000]*\S|(?:{_CJK_SIDE}|<br>) {{3,}}[^\s$]"
    r"|[^\s|] {5,}[^\s|]"
)


def aligned(line: str) -> bool:
    """The line's text is set in columns (:data:`_ALIGNED`): a row, never a wrapped line; in
    Chinese, spaces do it too (``间接生产，间接分配          直接生产，直接分配``: a plain-text
    table's two columns)."""
    if not ("\t" in line or "\u3000\u3000" in line or "   " in line):
        return False
    return _ALIGNED.search(line) is not None


#: A dash opening a line: a comment on the line before, or an attribution (``——鲁迅``);
#: only a page break or the line's width says a column's wrap put it there.
DASH_LEADS = ("——", "—-", "--")


def starts_new_unit(text: str) -> bool:
    """A heading number (``一、`` ``（二）`` ``1.``), an item's number with a full-width point
    (``4．如图…``), an enumerator (``(ii)`` ``a)``), a bullet glyph, a label in lenticular
    brackets (``【答案】`` ``【例3】``: a worksheet's parts), a bold run-in head, a form field's
    label (``商品名稱：``) or a continuation marker left in place, or a speaker's name
    (:func:`speaker`) starts the text."""
    return (
        rank(text) > 0
        or speaker(text)
        or _LABELLED.match(text) is not None
        or _BULLET.match(text) is not None
        or _ENUMERATOR.match(text) is not None
        or _BOLD_RUN_IN.match(text) is not None
        or field_label(text)
        or MARKED.match(text) is not None
    )


def ends_with_marker(text: str) -> bool:
    """A continuation marker left in place ends the text."""
    end = text[:-1] if text.endswith("\n") else text  # (``$`` stands before a last newline)
    if end.rstrip(" \t")[-1:] not in _BRACKET_ENDS:  # (a quick look: how a marker set off ends)
        return False
    return _MARKED_END.search(text) is not None
