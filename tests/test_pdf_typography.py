"""Chinese typography, measured on the seed's PDF (pdfplumber glyph positions)."""

from __future__ import annotations

import itertools
import re
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pdfplumber
import pytest

from conftest import REPO, MakeProject, build_repo, run_cli
from pdflines import line_end, paragraphs_missing

SEED = "daixian-work-report"
BODY_SIZE = 11.0  # the default theme's font_size
RIGHT_MARGIN = 22 / 25.4 * 72  # the default theme's page_margin
NO_LINE_START = set("、，。．：；！？）］｝」』》〉】”’")
NO_LINE_END = set("（［｛「『《〈【“‘")
PUNCT = "。，、；：！？）」』”’》】（「『“‘《【"


@pytest.fixture(scope="module")
def pdf_path(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    out = build_repo(
        tmp_path_factory.mktemp("pdf"), formats=("pdf",), sources=(REPO / "content" / f"{SEED}.md",)
    )
    yield out / "pdf" / f"{SEED}.pdf"


def _pages(path: Path) -> list[tuple[float, list[dict[str, Any]]]]:
    with pdfplumber.open(path) as pdf:
        return [(float(page.width), page.extract_text_lines()) for page in pdf.pages]


def _body_lines(path: Path) -> Iterator[tuple[float, list[dict[str, Any]]]]:
    for width, lines in _pages(path):
        body = [line for line in lines if abs(line["chars"][0]["size"] - BODY_SIZE) < 0.1]
        if body:
            yield width, body


def test_justified_lines_reach_the_right_edge(pdf_path: Path) -> None:
    checked = 0
    for width, body in _body_lines(pdf_path):
        left = min(line["x0"] for line in body)
        edge = width - RIGHT_MARGIN
        for line, following in itertools.pairwise(body):
            if abs(following["x0"] - left) > 0.5:
                continue  # ``line`` ends a paragraph: the next one is indented
            end = line_end(line, edge)
            assert abs(edge - end) <= 0.5, (line["text"], edge - end)
            checked += 1
    assert checked > 100


def test_line_start_and_end_rules(pdf_path: Path) -> None:
    for _, lines in _pages(pdf_path):
        for line, following in itertools.pairwise(lines):
            text = line["text"].replace(" ", "")
            assert text[:1] not in NO_LINE_START, text
            assert text[-1:] not in NO_LINE_END, text
            nxt = following["text"].replace(" ", "")
            for pair in ("—", "…"):
                assert not (text.endswith(pair) and nxt.startswith(pair)), (text, nxt)


def test_first_lines_are_indented_two_em(pdf_path: Path) -> None:
    starts = 0
    for _, body in _body_lines(pdf_path):
        left = min(line["x0"] for line in body)
        for line in body:
            if line["text"].startswith(("**", "社会保障更加有力。", "群众就业更加充分。")):
                assert line["x0"] - left == pytest.approx(2 * BODY_SIZE, abs=0.3)
                starts += 1
    assert starts == 2


def test_adjacent_full_width_punctuation_is_compressed(pdf_path: Path) -> None:
    pairs = 0
    with pdfplumber.open(pdf_path) as pdf:
        for page in pdf.pages:
            chars = page.chars
            for first, second in itertools.pairwise(chars):
                same_line = abs(first["top"] - second["top"]) < 1
                if same_line and first["text"] in PUNCT[:12] and second["text"] in PUNCT:
                    advance = second["x0"] - first["x0"]
                    assert advance <= first["size"] / 2 + 1.0, (first["text"], advance)
                    pairs += 1
    assert pairs >= 10


def test_text_copied_from_the_pdf_equals_the_source(pdf_path: Path) -> None:
    """Justification inserts nothing: every paragraph of the cleaned source is in the PDF."""
    top, bottom = 24 / 25.4 * 72, 26 / 25.4 * 72  # the text block, without running heads
    with pdfplumber.open(pdf_path) as pdf:
        text = "".join(
            page.crop((0, top, page.width, page.height - bottom)).extract_text() or ""
            for page in pdf.pages[2:]
        )
    assert paragraphs_missing(text, pdf_path) == []


def test_fonts_embedded_subset_and_small(pdf_path: Path) -> None:
    out = subprocess.run(["pdffonts", str(pdf_path)], capture_output=True, text=True, check=True)
    rows = [line.split() for line in out.stdout.splitlines()[2:]]
    assert rows and all(row[-5] == "yes" and row[-4] == "yes" for row in rows), out.stdout
    assert pdf_path.stat().st_size < 1_000_000


def test_page_size_marks_and_bleed_from_theme_variables(make_project: MakeProject) -> None:
    toml = (
        'name = "a5"\nextends = "default"\n[variables]\npage_size = "A5"\n'
        'page_margin = "15mm"\npage_marks = "crop"\npage_bleed = "3mm"\n'
    )
    root = make_project({"themes/a5/theme.toml": toml, "content/a.md": "# 标题\n\n正文。\n"})
    result = run_cli(["build", "--theme", "a5", "--format", "pdf"], root)
    assert result.returncode == 0, result.stderr
    from pypdf import PdfReader

    page = PdfReader(root / "build/pdf/a.pdf").pages[0]
    mm = 72 / 25.4
    # A5 (148 x 210 mm) trimmed, 3 mm bleed on every side of the sheet
    assert float(page.trimbox.width) == pytest.approx(148 * mm, abs=0.5)
    assert float(page.trimbox.height) == pytest.approx(210 * mm, abs=0.5)
    assert float(page.mediabox.width) == pytest.approx(154 * mm, abs=0.5)
    with pdfplumber.open(root / "build/pdf/a.pdf") as pdf:
        assert len(pdf.pages[0].lines) >= 8  # crop marks at the four corners


@pytest.mark.parametrize("theme", ["default", "gongwen"])
def test_quotation_marks_in_every_kind_of_block(theme: str, tmp_path: Path) -> None:
    """Headings, quotes, lists, tables, footnotes and English: the line-start and line-end
    rules hold everywhere, and the text comes out of the PDF as it went in."""
    source = REPO / "tests/fixtures/quotes-everywhere.md"
    out = build_repo(tmp_path, formats=("pdf",), theme=theme, sources=(source,))
    with pdfplumber.open(out / "pdf/quotes-everywhere.pdf") as pdf:
        lines = [line["text"] for page in pdf.pages for line in page.extract_text_lines()]
        text = re.sub(r"\s+", "", "".join(page.extract_text() for page in pdf.pages))
    for line in (line.replace(" ", "") for line in lines):
        assert line[:1] not in NO_LINE_START and line[-1:] not in NO_LINE_END, line
    for expected in (
        "“我们要坚持‘以学铸魂、以学增智、以学正风、以学促干’，推动“十四五”规划",
        "“连续的引号”“请进来”“走出去”",
        "English paragraph: “Quoted text” and ‘single quotes’ should break like",
    ):
        assert re.sub(r"\s+", "", expected) in text
