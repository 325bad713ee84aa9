"""Font files a theme loads by path (``[[fonts]]``), made safe for WeasyPrint 70's PDF.

WeasyPrint embeds an OpenType/CFF font as a CIDFontType0 whose character codes are glyph
indices. In a CID-keyed CFF the PDF reader takes them for CIDs, which are glyph indices only
when the font's charset is the identity. In FandolFang (Adobe-GB1, texlive-lang-chinese) 1,469
glyphs, among them ‐ – € ¥ and the box-drawing characters, have another CID than their index:
they would print as other glyphs or as .notdef, and veraPDF rejects the file. Such a font is
copied once into ``~/.cache/publish/fonts/`` with its CIDs renumbered to its glyph indices
(same glyphs, hints and widths; registry Adobe-Identity-0); every other font is used as it is.
"""

from __future__ import annotations

import hashlib
import logging
import os
from pathlib import Path

from publish.errors import ThemeError
from publish.fsutil import atomic_path

log = logging.getLogger(__name__)


def _cache() -> Path:
    return Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "publish" / "fonts"


def for_pdf(path: Path) -> Path:
    """``path``, or the cached copy of it that WeasyPrint 70 embeds correctly."""
    stat = path.stat()
    key = hashlib.sha256(f"{path.resolve()}\0{stat.st_size}\0{stat.st_mtime_ns}".encode())
    stem = f"{path.stem}-{key.hexdigest()[:16]}"
    fixed, fine = _cache() / f"{stem}.otf", _cache() / f"{stem}.ok"
    if fixed.is_file():
        return fixed
    if fine.is_file():
        return path
    from fontTools.ttLib import TTFont

    try:
        # the original's timestamps and bounds: the same file gives the same copy, byte for byte
        font = TTFont(path, fontNumber=0, lazy=True, recalcTimestamp=False, recalcBBoxes=False)
        top = font["CFF "].cff.topDictIndex[0] if "CFF " in font else None
        order = font.getGlyphOrder()
    except Exception as exc:  # fontTools raises many kinds on a damaged file
        raise ThemeError(
            f"{path}: not a font file fontTools can read ({exc}); fix [[fonts]]"
        ) from None
    if top is None or not hasattr(top, "ROS") or _identity(order):
        fine.parent.mkdir(parents=True, exist_ok=True)
        fine.touch()
        return path
    log.info("  font %s: its CIDs are not its glyph indices; writing a copy (once)", path)
    # Only the CFF table is decompiled; every other table is copied as it is, and it refers
    # to glyphs by index, which does not change.
    new = [order[0], *(f"cid{index:05d}" for index in range(1, len(order)))]
    strings = top.CharStrings
    strings.charStrings = {
        name: strings.charStrings[old] for name, old in zip(new, order, strict=True)
    }
    top.charset = new
    top.ROS = ("Adobe", "Identity", 0)
    font.setGlyphOrder(new)
    with atomic_path(fixed) as tmp:
        font.save(tmp)
    return fixed


def _identity(glyph_order: list[str]) -> bool:
    """Whether glyph ``i`` is CID ``i`` (fontTools names a CID-keyed glyph ``cidNNNNN``)."""
    return all(
        not (name.startswith("cid") and name[3:].isdigit()) or int(name[3:]) == index
        for index, name in enumerate(glyph_order)
    )
