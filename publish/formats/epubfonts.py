"""Fonts embedded in the EPUB (``[epub] embed_fonts = true``), for readers without Chinese fonts.

The theme's body face (regular and bold) and heading face (bold) are found through fontconfig,
subset with fontTools to the characters the document uses, and declared with ``@font-face``
under the family names the theme's CSS already asks for.
"""

from __future__ import annotations

import io
import logging
import re
import subprocess
from dataclasses import dataclass

from publish.errors import BuildError

log = logging.getLogger(__name__)

_FAMILY = re.compile(r'"([^"]+)"|([^,\s][^,]*)')


@dataclass(frozen=True)
class EmbeddedFont:
    family: str
    weight: str
    file_name: str
    data: bytes


def first_family(stack: str) -> str:
    match = _FAMILY.search(stack)
    return (match.group(1) or match.group(2) or "").strip() if match else ""


def _locate(family: str, weight: str, language: str) -> tuple[str, int]:
    pattern = f"{family}:lang={language.lower()}:weight={'bold' if weight == 'bold' else 'regular'}"
    try:
        found = subprocess.run(
            ["fc-match", "-f", "%{file}\n%{index}\n%{family}", pattern],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.split("\n")
    except (OSError, subprocess.CalledProcessError):
        raise BuildError(
            "fc-match (fontconfig) is needed to embed fonts; apt-get install fontconfig"
        ) from None
    if family.lower() not in found[2].lower():
        raise BuildError(
            f"font {family!r} is not installed, so it cannot be embedded; "
            "install it (fonts-noto-cjk) or set epub.embed_fonts = false"
        )
    return found[0], int(found[1] or 0)


def subset_font(path: str, index: int, text: str) -> bytes:
    from fontTools import subset
    from fontTools.ttLib import TTFont

    options = subset.Options()
    options.recalc_timestamp = False
    options.name_IDs = ["*"]
    font = TTFont(path, fontNumber=index, recalcTimestamp=False)
    subsetter = subset.Subsetter(options)
    subsetter.populate(text=text)
    subsetter.subset(font)
    out = io.BytesIO()
    font.save(out)
    return out.getvalue()


def embedded_fonts(variables: dict[str, str], language: str, text: str) -> list[EmbeddedFont]:
    characters = "".join(sorted(set(text) | set("0123456789")))
    faces = [
        (first_family(variables.get("font_body", "")), "normal"),
        (first_family(variables.get("font_body", "")), "bold"),
        (first_family(variables.get("font_heading", "")), "bold"),
    ]
    fonts = []
    for number, (family, weight) in enumerate(dict.fromkeys(f for f in faces if f[0]), 1):
        path, index = _locate(family, weight, language)
        data = subset_font(path, index, characters)
        suffix = ".otf" if data[:4] == b"OTTO" else ".ttf"
        fonts.append(EmbeddedFont(family, weight, f"fonts/font-{number}{suffix}", data))
        log.info("  embedded %s %s: %d KiB", family, weight, len(data) // 1024)
    return fonts


def font_face_css(fonts: list[EmbeddedFont]) -> str:
    return "\n".join(
        f'@font-face {{ font-family: "{f.family}"; font-weight: {f.weight}; '
        f'src: url("../{f.file_name}"); }}'
        for f in fonts
    )
