"""A document's language: its front matter's ``language``, else what its text shows, else
``publish.toml``'s; with the reason, for ``-v`` and the change log.

What the text shows, counting letters outside code, links' addresses and URLs in its first
:data:`SAMPLE` characters (plenty to tell; a 50 MB source is not counted whole):

- too few letters (under :data:`ENOUGH`) show nothing;
- CJK letters against Latin ones, a Latin letter counted as a third (a Chinese word is one
  to three characters, an English one about five letters): CJK at least half means a CJK
  language;
- then Hangul (at least half) is Korean, kana (at least 15 % of Han and kana) Japanese;
- else Chinese: Traditional (``zh-TW``) when Traditional-only characters (這, 個, 們 …,
  :data:`publish.cjk.TRADITIONAL_ONLY`) outnumber Simplified-only ones two to one, Simplified
  (``zh-CN``) when the reverse; when neither, the project's language if it is Chinese, else
  ``zh-CN``;
- Latin text is the project's language when that is written in Latin letters, else English.

A declared language that the text contradicts (another script, or the other Chinese script)
is kept, with a warning naming the line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import regex

from publish.cjk import SIMPLIFIED_ONLY, TRADITIONAL_ONLY

ENOUGH = 20
SAMPLE = 200_000
_NOT_TEXT = re.compile(r"```.*?```|~~~.*?~~~|`[^`\n]*`|\]\([^)\n]*\)|https?://\S+", re.DOTALL)
_COUNTED = {
    "han": regex.compile(r"\p{Han}"),
    "kana": regex.compile(r"[\p{Hiragana}\p{Katakana}]"),
    "hangul": regex.compile(r"\p{Hangul}"),
    "latin": regex.compile(r"\p{Latin}"),
}
_KANA_OR_HANGUL = regex.compile(r"[\p{Hiragana}\p{Katakana}\p{Hangul}]")
_SIMPLIFIED = re.compile(f"[{SIMPLIFIED_ONLY}]")
_TRADITIONAL = re.compile(f"[{TRADITIONAL_ONLY}]")
_CJK_LANGUAGES = ("zh", "ja", "ko")
#: The script a Chinese tag's subtags name (BCP 47 script or region).
_SCRIPTS = {"hans": "hans", "cn": "hans", "sg": "hans", "hant": "hant", "tw": "hant", "hk": "hant"}
_SCRIPTS["mo"] = "hant"


@dataclass(frozen=True)
class Shown:
    """What a text shows: a language tag and why; ``tag`` is empty when it shows nothing.
    ``script_shown``: for Chinese, the characters decided between Simplified and Traditional."""

    tag: str
    reason: str
    script_shown: bool = False


def _chinese(text: str, default: str, said: str) -> Shown:
    simplified, traditional = len(_SIMPLIFIED.findall(text)), len(_TRADITIONAL.findall(text))
    counts = f"{said}, Chinese: {simplified} Simplified-only, {traditional} Traditional-only"
    if traditional >= 3 and traditional > 2 * simplified:
        return Shown("zh-TW", counts, True)
    if simplified >= 3 and simplified > 2 * traditional:
        return Shown("zh-CN", counts, True)
    fallback = default if default.split("-")[0].lower() == "zh" else "zh-CN"
    return Shown(fallback, f"{counts}: not enough to tell the script, so {fallback}")


def shown(text: str, default: str) -> Shown:
    """The language ``text`` is written in, as far as its letters show it."""
    letters = _NOT_TEXT.sub(" ", text[:SAMPLE])
    count = {name: len(pattern.findall(letters)) for name, pattern in _COUNTED.items()}
    cjk = count["han"] + count["kana"] + count["hangul"]
    if cjk + count["latin"] < ENOUGH:
        return Shown("", f"the text has {cjk + count['latin']} letters, too few to tell")
    share = cjk / (cjk + count["latin"] / 3)
    said = f"{share:.0%} of the text is CJK"
    if share < 0.5:
        latin = not is_cjk_language(default)
        return Shown(default if latin else "en", f"{said}: Latin letters")
    east_asian = _east_asian(count)
    if east_asian == "ko":
        return Shown("ko", f"{said}, {count['hangul']} of it Hangul")
    if east_asian == "ja":
        return Shown("ja", f"{said}, {count['kana']} of it kana")
    return _chinese(letters, default, said)


def _east_asian(count: dict[str, int]) -> str:
    """Which CJK language the CJK letters counted are: Hangul at least half of them is Korean,
    kana at least 15 % of Han and kana Japanese, else Chinese."""
    if count["hangul"] >= 0.5 * (count["han"] + count["kana"] + count["hangul"]):
        return "ko"
    if count["kana"] and count["kana"] >= 0.15 * (count["han"] + count["kana"]):
        return "ja"
    return "zh"


def east_asian(text: str) -> str:
    """The language of ``text``'s CJK letters, however many Latin ones it has besides
    (Korean documentation full of English words and code is still Korean where it is CJK):
    ``ko``, ``ja`` (counted, from :data:`ENOUGH` CJK letters on), ``zh`` (also without
    counting, when the text has Han and no kana or Hangul at all), or "" for no CJK letter or
    too few to tell."""
    sample = text[:SAMPLE]
    if _KANA_OR_HANGUL.search(sample) is None:  # (the usual case, looked at first: fast)
        return "zh" if _COUNTED["han"].search(sample) else ""
    letters = _NOT_TEXT.sub(" ", sample)
    count = {name: len(_COUNTED[name].findall(letters)) for name in ("han", "kana", "hangul")}
    return _east_asian(count) if sum(count.values()) >= ENOUGH else ""


def contradicts(declared: str, found: Shown) -> bool:
    """The text shows another language than ``declared`` (or the other Chinese script)."""
    if not found.tag:
        return False
    mine, theirs = declared.lower().split("-"), found.tag.lower().split("-")
    if mine[0] != theirs[0]:
        return mine[0] in _CJK_LANGUAGES or theirs[0] in _CJK_LANGUAGES
    if mine[0] != "zh" or not found.script_shown:
        return False
    said = {_SCRIPTS[part] for part in mine[1:] if part in _SCRIPTS}
    return bool(said) and said != {_SCRIPTS[theirs[1]]}


def is_cjk_language(tag: str) -> bool:
    """``tag`` names Chinese, Japanese or Korean."""
    return tag.split("-")[0].lower() in _CJK_LANGUAGES
