"""Latin typography, read back from real outputs: real italics (the embedded face's italic
angle), hyphens only at dictionary points and set against the word, curly quotes and dashes
in English but never in code or Chinese, no first-line indent in English."""

from __future__ import annotations

import io
import itertools
import re
from pathlib import Path
from typing import Any

import pdfplumber
import pyphen
import pytest
from fontTools.ttLib import TTFont
from pypdf import PdfReader

from conftest import run_cli

LONG = (
    "Internationally acknowledged electrification notwithstanding, the uncharacteristically "
    "industrialised harbour administration reconsidered its transportation responsibilities "
    "extraordinarily comprehensively, recommending photolithographic documentation and "
    "institutionalised telecommunication infrastructure. "
)
ENGLISH = (
    "---\ntitle: Railway\ndate: 2024-05-01\n---\n\n"
    'The mayor said "it\'s the *best* line we have" -- and meant it.\n\n'
    + LONG * 3
    + '\n\nA third paragraph with `code "here"` in it.\n\n'
    + LONG * 2
    + "\n"
)
CHINESE = (
    "---\ntitle: 铁路\ndate: 2024-05-01\n---\n\n"
    "县长说：“这是我们最好的线路。”铁路经过许多乡镇，连接南北两地的城市与港口。"
    "这条线路对经济发展很重要，*强调*一下，*Harbor Line* 和 *“引号”* 也是。\n"
)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("latin")
    (root / "content").mkdir()
    (root / "content" / "english.md").write_text(ENGLISH, "utf-8")
    (root / "content" / "chinese.md").write_text(CHINESE, "utf-8")
    result = run_cli(["build", "--format", "pdf,html"], root)
    assert result.returncode == 0, result.stderr
    return root / "build"


def _fonts(pdf: Path) -> dict[str, TTFont]:
    found = {}
    for page in PdfReader(pdf).pages:
        resources: Any = page["/Resources"]
        for font in resources["/Font"].values():
            font = font.get_object()
            for descendant in font.get("/DescendantFonts", [font]):
                descriptor = descendant.get_object()["/FontDescriptor"].get_object()
                data = descriptor.get("/FontFile2") or descriptor.get("/FontFile3")
                name = str(descriptor["/FontName"]).split("+", 1)[-1]
                if data is not None:
                    found[name] = TTFont(io.BytesIO(data.get_object().get_data()))
    return found


def test_italics_are_a_real_italic_face(built: Path) -> None:
    fonts = _fonts(built / "pdf" / "english.pdf")
    italic = [name for name in fonts if "Italic" in name]
    assert italic, sorted(fonts)
    for name in italic:
        assert fonts[name]["post"].italicAngle < 0, name
        assert fonts[name]["OS/2"].fsSelection & 1, name  # the ITALIC bit


def test_latin_letters_in_chinese_emphasis_are_italic_and_quotes_stay_cjk(built: Path) -> None:
    pdf = built / "pdf" / "chinese.pdf"
    fonts = _fonts(pdf)
    assert fonts["Publish-Latin-Serif-Italic"]["post"].italicAngle < 0, sorted(fonts)
    with pdfplumber.open(pdf) as document:
        chars = [c for page in document.pages for c in page.chars]
    latin = {str(c["fontname"]).split("+")[-1] for c in chars if c["text"] in "HarborLine"}
    assert latin == {"Publish-Latin-Serif-Italic"}
    quotes = {str(c["fontname"]).split("+")[-1] for c in chars if c["text"] in "“”"}
    assert quotes and all("CJK" in name for name in quotes), quotes


def _lines(pdf: Path) -> list[list[dict[str, Any]]]:
    """Each text line of the pages, as its characters left to right (a short document's title
    is a block on its first page)."""
    lines: list[list[dict[str, Any]]] = []
    with pdfplumber.open(pdf) as document:
        for page in document.pages:
            rows: dict[int, list[dict[str, Any]]] = {}
            for char in page.chars:
                rows.setdefault(round(float(char["top"])), []).append(char)
            lines += [sorted(row, key=lambda c: float(c["x0"])) for _, row in sorted(rows.items())]
    return lines


def test_hyphens_only_at_dictionary_points_and_against_the_word(built: Path) -> None:
    lines = _lines(built / "pdf" / "english.pdf")
    dictionary = pyphen.Pyphen(lang="en_US")
    hyphenated = 0
    for line, following in itertools.pairwise(lines):
        text = "".join(str(c["text"]) for c in line)
        if not re.search(r"[a-z][-\u2010]$", text):
            continue
        hyphenated += 1
        start = re.search(r"(\w+)[-\u2010]$", text)
        end = re.match(r"\w+", "".join(str(c["text"]) for c in following))
        assert start and end, text
        word = start[1] + end[0]
        assert len(start[1]) in dictionary.positions(word), f"{start[1]}-{end[0]}"
        gap = float(line[-1]["x0"]) - float(line[-2]["x1"])
        assert abs(gap) < 0.5, f"hyphen set {gap:.1f} pt away from {start[1]}"
    assert hyphenated >= 2


def test_no_first_line_indent_in_english(built: Path) -> None:
    lines = [line for line in _lines(built / "pdf" / "english.pdf") if len(line) > 20]
    left = min(float(line[0]["x0"]) for line in lines)
    assert all(abs(float(line[0]["x0"]) - left) < 0.5 for line in lines)


def test_quotes_and_dashes_curl_in_english_only(built: Path) -> None:
    english = (built / "site" / "english" / "index.html").read_text("utf-8")
    assert "“it’s the <em>best</em> line we have” – and meant it." in english
    assert "<code>code &quot;here&quot;</code>" in english
    chinese = (built / "site" / "chinese" / "index.html").read_text("utf-8")
    assert "县长说：“这是我们最好的线路。”" in chinese and '<html lang="zh-CN">' in chinese


def test_typography_can_be_switched_off(tmp_path: Path) -> None:
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "english.md").write_text(ENGLISH, "utf-8")
    (tmp_path / "themes" / "plain").mkdir(parents=True)
    (tmp_path / "themes" / "plain" / "theme.toml").write_text(
        'name = "plain"\nextends = "default"\n[variables]\nlatin_typography = "off"\n', "utf-8"
    )
    result = run_cli(["build", "--format", "html", "--theme", "plain"], tmp_path)
    assert result.returncode == 0, result.stderr
    page = (tmp_path / "build" / "site" / "english" / "index.html").read_text("utf-8")
    assert "&quot;it's the <em>best</em> line we have&quot; -- and meant it." in page
