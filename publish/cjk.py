"""Character classes of Chinese, Japanese and Korean text: the one place that defines them.

The cleaner, the PDF's line breaking, punctuation squeezing and justification all read these.
"CJK letters" are Han, kana, bopomofo and Hangul (Chinese and Japanese set their marks
full-width, Korean half-width: :data:`WIDE_MARKED`); "CJK punctuation" the CJK symbols block and
the full-width forms. Curly quotes, dashes and ellipses are shared by Chinese and Latin text.
"""

from __future__ import annotations

import re

import regex

#: A character class body (for ``[...]`` in a ``regex`` pattern) of CJK letters.
CJK_LETTER = r"\p{Han}\p{Hiragana}\p{Katakana}\p{Bopomofo}\p{Hangul}々〇"
#: ... of the CJK letters whose writing sets its marks full-width (Chinese, Japanese): Korean
#: sets them half-width, as Latin text does (``(첫눈이 내려와)``, ``아티스트: …``).
WIDE_MARKED = r"\p{Han}\p{Hiragana}\p{Katakana}\p{Bopomofo}々〇"
#: A character class body of CJK punctuation: the CJK symbols and full-width forms blocks.
CJK_PUNCT = (
    r"\u3000-\u303f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65\ufe10-\ufe19\ufe30-\ufe4f"
)
#: Code-point ranges of wide CJK text, letters and punctuation (a plain ``re`` class body).
CJK_RANGES = (
    "\u2e80-\u2fdf\u3000-\u303f\u3040-\u30ff\u3100-\u312f\u3190-\u31ff\u3400-\u4dbf"
    "\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef\U00020000-\U0003ffff"
)
#: Marks Chinese shares with Latin text; they count as Chinese only next to Chinese.
SHARED = "“”‘’—…·"

OPENING_QUOTES = "“‘"
CLOSING_QUOTES = "”’"
#: Marks that may not end a line (W3C clreq).
NO_END = frozenset("（［｛「『《〈【〔〖“‘")
#: Marks that may not start a line (W3C clreq).
NO_START = frozenset("、，。．：；！？）］｝」』》〉】〕〗”’·…—")
#: Opening and closing marks whose glyph is half blank (squeezed with the fonts' ``halt``).
OPENING = NO_END
CLOSING = NO_START - frozenset("．·…—")
#: A text that starts with one of these continues the sentence before it (a clause or closing
#: mark; a dash or an ellipsis can open a paragraph, so they are not here).
CONTINUES = "".join(sorted(CLOSING))
#: Marks that end a sentence or clause: a paragraph ending in one is complete (``．`` and
#: ``｡`` too: a digitized book may stop its sentences with them; and a blog's playful ``～``,
#: ``先拍一张合影~``, :func:`~publish.clean.shapes.last_mark` reading a lone ``~`` so).
TERMINAL = "。．｡！？；：…」』”’）】》〉〕〗.!?:;\"')～"
#: The full stops of Chinese text (its question and exclamation marks too).
FULL_STOPS = "。．｡！？"
#: Marks inside a sentence: a line ending in one is not complete.
CLAUSE = "，、,"
#: The half-width marks Chinese text may be typed with, and the full-width ones they stand for.
FULL_WIDTH = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！"}

_LETTER = regex.compile(f"[{CJK_LETTER}]")
_CJK = regex.compile(f"[{CJK_LETTER}{CJK_PUNCT}]")
_WIDE = regex.compile(r"[\p{East_Asian_Width=Wide}\p{East_Asian_Width=Fullwidth}]")


def is_cjk_letter(ch: str) -> bool:
    return bool(ch) and _LETTER.match(ch) is not None


def is_cjk(ch: str) -> bool:
    """A CJK letter or CJK punctuation mark (``ch``'s first character)."""
    found = _SEEN.get(ch)
    if found is None:
        found = bool(ch) and _CJK.match(ch) is not None
        if len(ch) == 1:
            _SEEN[ch] = found
    return found


_SEEN: dict[str, bool] = {}  # each character's answer (the cleaner asks a million times)


def marks_wide(ch: str) -> bool:
    """A CJK letter of :data:`WIDE_MARKED` or CJK punctuation (``ch``'s first character):
    text whose marks are full-width, Hangul's not."""
    return is_cjk(ch) and not is_hangul(ch)


def is_hangul(ch: str) -> bool:
    """``ch``'s first character is Korean's (a syllable or a jamo)."""
    return _HANGUL.match(ch) is not None


def script_change(before: str, after: str) -> bool:
    """Korean on one side of a break and Chinese or Japanese on the other (``before``'s last
    character, ``after``'s first): a line and its translation, not one text wrapped."""
    left, right = before[-1:], after[:1]
    return is_cjk_letter(left) and is_cjk_letter(right) and is_hangul(left) != is_hangul(right)


_HANGUL = regex.compile(r"\p{Hangul}")


def is_wide(ch: str) -> bool:
    """A character in the wide CJK ranges (letters and full-width punctuation)."""
    return "\u2e80" <= ch <= "\u9fff" or "\uff00" <= ch <= "\uffef" or ch >= "\U00020000"


def break_unseen(before: str, after: str) -> bool:
    """A line break inside a paragraph between ``before`` and ``after`` renders as nothing
    (Pandoc's ``east_asian_line_breaks``): a wide character on either side, a curly quotation
    mark counting as one where the character past it is wide (``…看到的`` ⏎ ``“颜色”…``, a
    Chinese quotation). ``before`` ends and ``after`` starts with the characters nearest the
    break."""
    return _wide_edge(before[-1:], before[-2:-1]) and _wide_edge(after[:1], after[1:2])


def _wide_edge(nearest: str, past: str) -> bool:
    return is_wide(nearest) or (
        nearest != "" and nearest in OPENING_QUOTES + CLOSING_QUOTES and is_wide(past)
    )


def width(text: str) -> int:
    """Display width in columns: CJK wide and full-width characters count two."""
    if text.isascii():
        return len(text)
    return len(text) + len(_WIDE.findall(text))


def has_cjk_letter(text: str) -> bool:
    return not text.isascii() and _LETTER.search(_beyond_ascii(text)) is not None


def has_cjk(text: str) -> bool:
    """A CJK letter or CJK punctuation mark anywhere in ``text``."""
    return not text.isascii() and _CJK.search(_beyond_ascii(text)) is not None


_NOT_ASCII = re.compile(r"[^\x00-\x7f]+")


def _beyond_ascii(text: str) -> str:
    """``text``'s characters outside ASCII (``regex`` searches a property class at some 80 ns
    a character; ``re`` skips ASCII runs ten times faster: whole English documents are asked)."""
    return "".join(_NOT_ASCII.findall(text)) if len(text) > 256 else text


#: Common characters written one way in Simplified Chinese and another in Traditional, pair by
#: pair (这/這 …): the evidence for telling the two apart. Only characters that the other
#: script does not also use (后, 干, 体 are left out).
SIMPLIFIED_ONLY = (
    "这个们会说时国来对为与发经学开现从点过还进动关长门问间见车东务业产实两书头让认记议设话语"
    "请读谁该调论识变报场处备复岁万无义乐乡买卖亲华单厂历县区医图团园圣声岛师帮广应张当录总战"
    "户护术机权条杂标样档桥欢气汉汤没济浅测湾热爱犹环电画种积称稳笔筑类级线练组细终结给统继绩"
    "续维综网罗职联胜脑节艺药获虽观规视览计订讨训许证评词试诗诚质贝负财责费资赛赵转轻较辆边达"
    "运远选递邮钱铁银销错闻队阳阶际陈难须顺领题风飞馆马鱼鸟黄龙齐伤传众优伟价创刘则刚办劳势协"
    "卫厅压参双叶号吗员听启响围坚块壮夺奋妇孙宁审宪宾导层岗币帅带庆库废异弹强归彻态怀恶惊惯扩"
    "扫执扬担拥择挥损换据携摄数断旧显晋杀极构枪树检楼决况减"
)
TRADITIONAL_ONLY = (
    "這個們會說時國來對為與發經學開現從點過還進動關長門問間見車東務業產實兩書頭讓認記議設話語"
    "請讀誰該調論識變報場處備復歲萬無義樂鄉買賣親華單廠歷縣區醫圖團園聖聲島師幫廣應張當錄總戰"
    "戶護術機權條雜標樣檔橋歡氣漢湯沒濟淺測灣熱愛猶環電畫種積稱穩筆築類級線練組細終結給統繼績"
    "續維綜網羅職聯勝腦節藝藥獲雖觀規視覽計訂討訓許證評詞試詩誠質貝負財責費資賽趙轉輕較輛邊達"
    "運遠選遞郵錢鐵銀銷錯聞隊陽階際陳難須順領題風飛館馬魚鳥黃龍齊傷傳眾優偉價創劉則剛辦勞勢協"
    "衛廳壓參雙葉號嗎員聽啟響圍堅塊壯奪奮婦孫寧審憲賓導層崗幣帥帶慶庫廢異彈強歸徹態懷惡驚慣擴"
    "掃執揚擔擁擇揮損換據攜攝數斷舊顯晉殺極構槍樹檢樓決況減"
)
