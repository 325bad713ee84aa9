"""Bytes of a source -> text: byte-order marks, UTF-16 without one, NUL bytes, line ends.

UTF-8 is the default. A UTF-16 or UTF-32 byte-order mark is honoured (said with ``-v``); a
UTF-8 one is kept for the ``normalise`` pass to remove and record. Text in UTF-16 without a
byte-order mark is recognised by its NUL bytes and named in the error, and a NUL byte in
text is an error with its line. Line ends stay as they are: the front matter is read with any
of them, and the ``normalise`` pass makes the body's LF and records it.
"""

from __future__ import annotations

import codecs
import logging
from pathlib import Path

from publish.errors import ContentError

log = logging.getLogger(__name__)

_BOMS = (  # UTF-32 first: its little-endian mark starts with UTF-16's
    (codecs.BOM_UTF32_LE, "utf-32", "UTF-32LE"),
    (codecs.BOM_UTF32_BE, "utf-32", "UTF-32BE"),
    (codecs.BOM_UTF16_LE, "utf-16", "UTF-16LE"),
    (codecs.BOM_UTF16_BE, "utf-16", "UTF-16BE"),
)


def _utf16_without_mark(data: bytes) -> str:
    """ "UTF-16LE" or "UTF-16BE" when most characters of ``data`` have a NUL byte on one side."""
    sample = data[:4096]
    pairs = len(sample) // 2
    if pairs < 2:
        return ""
    odd, even = sample[1::2].count(0), sample[0::2].count(0)
    if odd >= 0.6 * pairs and even < 0.1 * pairs:
        return "UTF-16LE"
    if even >= 0.6 * pairs and odd < 0.1 * pairs:
        return "UTF-16BE"
    return ""


def decode(path: Path, data: bytes, shown: str, encoding: str = "utf-8") -> str:
    """The text of ``data`` (read from ``path``, shown as ``shown``)."""
    is_utf8 = encoding.lower().replace("_", "-") in ("utf-8", "utf8")
    marked = next((found for found in _BOMS if is_utf8 and data.startswith(found[0])), None)
    if marked:
        log.info("%s: decoded as %s (it starts with a byte-order mark)", shown, marked[2])
        text = _text(data, marked[1], shown, path, marked[2])
    else:
        guess = _utf16_without_mark(data) if is_utf8 else ""
        if guess:
            raise ContentError(
                f"{shown}:1: looks like {guess} without a byte-order mark (every other byte is "
                f"NUL); convert it to UTF-8: iconv -f {guess} -t UTF-8 {path.name} > "
                f"{path.stem}.utf8.md"
            )
        text = _text(data, encoding, shown, path, "UTF-8" if is_utf8 else encoding)
    nul = text.find("\0")
    if nul >= 0:
        raise ContentError(
            f"{shown}:{text.count(chr(10), 0, nul) + 1}: NUL byte (U+0000) in the text; a "
            "Markdown file holds none: remove it, or check that this is a text file"
        )
    return text


def _text(data: bytes, codec: str, shown: str, path: Path, name: str) -> str:
    try:
        return data.decode(codec)
    except LookupError:
        raise ContentError(f"unknown encoding {codec!r}; try gb18030, gbk, big5 or utf-8") from None
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        guess = likely_encoding(data, codec)
        raise ContentError(
            f"{shown}:{line}: not valid {name} (byte 0x{data[exc.start]:02x}); give the file's "
            f"encoding (publish clean --encoding {guess}) or convert it to UTF-8, e.g. "
            f"iconv -f {guess.upper()} -t UTF-8 {path.name} > {path.stem}.utf8.md"
        ) from None


#: Encodings to name in an error, tried in turn: of Chinese text (and Japanese, Korean), and
#: of Western text, whose bytes above 127 stand alone between ASCII ones.
_WIDE_CODECS = ("gb18030", "big5", "shift_jis", "euc-kr")
_WESTERN_CODECS = ("cp1252", "latin-1")


def likely_encoding(data: bytes, tried: str) -> str:
    """An encoding that decodes all of ``data`` (not ``tried``), to name in the error: a
    Western one when half the bytes above 127 or more stand alone (``don\x92t``), else a
    CJK one (whose characters take two bytes, most of them both above 127: in Big5 about one
    lead byte in six stands alone); gb18030 if none does."""
    sample = data[:65536]
    high = [i for i, byte in enumerate(sample) if byte >= 0x80]
    alone = sum(
        1 for i in high if (i == 0 or sample[i - 1] < 0x80) and sample[i + 1 : i + 2] < b"\x80"
    )
    western = bool(high) and alone >= 0.5 * len(high)
    order = _WESTERN_CODECS + _WIDE_CODECS if western else _WIDE_CODECS + _WESTERN_CODECS
    decoded = {}
    for codec in order:
        if codecs.lookup(codec).name != codecs.lookup(tried).name:
            try:
                decoded[codec] = data.decode(codec)
            except UnicodeDecodeError:
                continue
    wide = [codec for codec in decoded if codec in _WIDE_CODECS]
    if western or not wide:
        return next(iter(decoded), "gb18030")
    # (gb18030 decodes Big5's bytes too, as other characters: the commonest ones tell)
    return max(wide, key=lambda codec: sum(map(decoded[codec].count, _COMMON)))


#: Characters common in Chinese text, in either script.
_COMMON = "的一是不在人有我他中大上以年之为為国國会會说說时時这這个個们們"
