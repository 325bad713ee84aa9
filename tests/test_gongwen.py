"""Theme ``gongwen`` (GB/T 9704-2012) measured on the seed's PDF: 28 characters to a line,
22 lines to a page, page numbers 7 mm below the text block, alternating outside."""

from __future__ import annotations

import itertools
import re
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pdfplumber
import pytest

from conftest import REPO, MakeProject, build_repo, run_cli
from pdflines import line_end, paragraphs_missing, squeezed_marks
from publish.check import check_build, pdffonts, verapdf

MM = 72 / 25.4
LEFT, RIGHT, BOTTOM = 28 * MM, (210 - 26) * MM, (297 - 35) * MM
FULL_WIDTH = set("，。、；：！？（）“”‘’《》「」【】—…")


@pytest.fixture(scope="module")
def pdf_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = build_repo(
        tmp_path_factory.mktemp("gongwen"),
        formats=("pdf",),
        theme="gongwen",
        sources=(REPO / "content/daixian-work-report.md",),
    )
    return out / "pdf/daixian-work-report.pdf"


@pytest.fixture(scope="module")
def pages(pdf_path: Path) -> Iterator[list[Any]]:
    with pdfplumber.open(pdf_path) as pdf:
        yield [(page.extract_text_lines(), page.chars) for page in pdf.pages]


def test_archival_pdf_passes_verapdf_with_the_theme_fonts(pdf_path: Path) -> None:
    assert verapdf([pdf_path], "3u") == []
    assert verapdf([pdf_path], "ua1") == []
    assert pdffonts(pdf_path) == []  # every font embedded and subset


def _body(lines: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [line for line in lines if abs(line["chars"][0]["size"] - 16) < 0.1]


def _cells(line: dict[str, Any]) -> float:
    """Character cells of a line: the first-line indent counts two, a squeezed mark half."""
    indent = round((float(line["x0"]) - LEFT) / 16)
    text = str(line["text"]).replace(" ", "")
    return indent + len(text) - squeezed_marks(line, RIGHT) / 2


def test_every_full_page_has_22_lines(pages: list[Any]) -> None:
    counts = [len(_body(lines)) for lines, _ in pages]
    assert len(counts) >= 8
    assert all(count == 22 for count in counts[1:-1]), counts


def test_every_full_line_holds_28_characters(pages: list[Any]) -> None:
    """Every full line of Chinese fills the 28 cells of the grid, unstretched: where the
    line-breaking rules would cut a line short (a character may not be parted from a following
    、 or a preceding “), blank halves of its marks are squeezed out so that the next character
    comes in, and the line holds 29 characters in 28 cells. Lines with Latin letters or digits
    in them, or before them (a number is not broken), are not on the grid."""
    checked, squeezed = 0, 0
    for lines, _ in pages:
        body = _body(lines)
        for line, following in itertools.pairwise(body):
            if abs(following["x0"] - LEFT) > 1:
                continue  # a paragraph's last line
            # every full line is justified; pdfplumber's glyph box is 16 pt, the advance on
            # the grid 0.25 pt less
            assert abs(RIGHT - (line_end(line, RIGHT) - 0.25)) < 0.5, line["text"]
            text = line["text"].replace(" ", "")
            chinese_only = all(ord(ch) > 0x2E80 or ch in FULL_WIDTH for ch in text)
            before_latin = following["text"][:1].isascii()
            if not chinese_only or before_latin:
                continue  # Latin letters or digits are not on the grid
            assert _cells(line) == 28, line["text"]
            checked += 1
            squeezed += squeezed_marks(line, RIGHT) > 0
    assert checked > 100
    assert squeezed > 10  # the lines that ran short before punctuation was squeezed


def test_character_advance_and_line_pitch_fit_the_grid(pages: list[Any]) -> None:
    lines, _ = pages[1]
    body = _body(lines)
    pitches = [b["top"] - a["top"] for a, b in itertools.pairwise(body)]
    assert max(pitches) <= 28.99 and min(pitches) >= 28.8
    advances = [
        b["x0"] - a["x0"] for a, b in zip(body[0]["chars"], body[0]["chars"][1:], strict=False)
    ]
    assert max(advances) <= 15.79 + 0.5


def test_page_numbers_alternate_below_the_text_block(pages: list[Any]) -> None:
    for number, (_, chars) in enumerate(pages, start=1):
        folio = [c for c in chars if abs(c["size"] - 14) < 0.1]
        text = "".join(c["text"] for c in folio)
        assert text.replace(" ", "") == f"—{number}—", text
        middle = (folio[0]["top"] + folio[0]["bottom"]) / 2
        assert middle - BOTTOM == pytest.approx(7 * MM, abs=1.5)
        if number % 2:  # odd pages: on the right, one character in
            assert RIGHT - folio[-1]["x1"] == pytest.approx(14, abs=1)
        else:
            assert folio[0]["x0"] - LEFT == pytest.approx(14, abs=1)


def test_missing_font_falls_back_with_one_warning(make_project: MakeProject) -> None:
    toml = (
        'name = "mine"\nextends = "gongwen"\n[[fonts]]\nfamily = "GW FangSong"\n'
        'src = ["/usr/share/fonts/nonexistent/Fang.otf"]\npackage = "texlive-lang-chinese"\n'
    )
    root = make_project({"themes/mine/theme.toml": toml, "content/a.md": "# 标题\n\n正文。\n"})
    result = run_cli(["build", "--theme", "mine", "--format", "pdf,html"], root)
    assert result.returncode == 0, result.stderr
    warnings = [line for line in result.stderr.splitlines() if "GW FangSong" in line]
    assert len(warnings) == 1
    assert "/nonexistent/Fang.otf" in warnings[0] and "texlive-lang-chinese" in warnings[0]
    with pdfplumber.open(root / "build/pdf/a.pdf") as pdf:
        fonts = {c["fontname"] for page in pdf.pages for c in page.chars}
    assert any("Noto-Serif-CJK-SC" in f for f in fonts)


def test_a_theme_font_file_is_embedded_in_the_pdf_only(make_project: MakeProject) -> None:
    """A [[fonts]] face is loaded from its file into the PDF (under its family name); the site
    and the EPUB never point at a file of the building machine."""
    noto = "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc"
    toml = (
        'name = "mine"\nextends = "default"\n[variables]\nfont_body = \'"Mine Serif", serif\'\n'
        f'[[fonts]]\nfamily = "Mine Serif"\nsrc = ["{noto}"]\n'
    )
    root = make_project({"themes/mine/theme.toml": toml, "content/a.md": "# 标题\n\n正文。\n"})
    result = run_cli(["build", "--theme", "mine", "--format", "pdf,html,epub"], root)
    assert result.returncode == 0, result.stderr
    with pdfplumber.open(root / "build/pdf/a.pdf") as pdf:
        fonts = {c["fontname"] for page in pdf.pages for c in page.chars}
    assert any(f.endswith("+Mine-Serif") for f in fonts), fonts
    site_css = "".join(p.read_text("utf-8") for p in (root / "build/site").rglob("*.css"))
    assert "file:" not in site_css  # the site's faces are the reader's own fonts, by local()
    assert not re.search(r"@font-face\s*\{[^}]*url\(", site_css)
    with zipfile.ZipFile(root / "build/epub/a.epub") as epub:
        css = "".join(epub.read(n).decode() for n in epub.namelist() if n.endswith(".css"))
    assert "file:" not in css


def test_every_format_of_every_document_passes_the_validators(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    """The theme's print layout stays out of the EPUB and site CSS; every PDF (Latin text in
    FangSong too) passes veraPDF, every EPUB EPUBCheck and Ace, the site the Nu checker."""
    out = build_repo(tmp_path_factory.mktemp("gongwen-all"), theme="gongwen")
    assert check_build(out, REPO) == []


def test_text_copied_from_the_pdf_equals_the_source(pdf_path: Path) -> None:
    """Squeezed marks and tailored breaks insert and reorder nothing."""
    with pdfplumber.open(pdf_path) as pdf:
        text = "".join(page.extract_text() for page in pdf.pages)
    assert paragraphs_missing(re.sub(r"—\s*\d+\s*—", "", text), pdf_path) == []  # no folios
