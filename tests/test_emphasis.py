"""Chinese emphasis and mixed-language lines, read back from real outputs of content/'s
samples: emphasis dots drawn under the emphasised letters (pixels of the PDF page) with the
text extracted once; CJK-Latin spacing as a gap in the PDF, never a character; no letter
spacing inside Latin words of a justified line; each sample's language and labels."""

from __future__ import annotations

import re
import subprocess
import zipfile
from pathlib import Path
from typing import Any

import pdfplumber
import pytest
from PIL import Image
from pypdf import PdfReader

from conftest import REPO, build_repo, run_cli
from publish.errors import ThemeError
from publish.formats.pdfspans import mark
from publish.theme import load_theme

MIXED = "harbor-expo-mixed"
EMPHASIS = "自动化码头和绿色航运"
DPI = 200


@pytest.fixture(scope="module")
def out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_repo(tmp_path_factory.mktemp("samples"))


def _chars(pdf: Path) -> list[tuple[int, dict[str, Any]]]:
    with pdfplumber.open(pdf) as document:
        return [(n, c) for n, page in enumerate(document.pages) for c in page.chars]


def _dark_below(image: Image.Image, char: dict[str, Any]) -> int:
    """Dark pixels in the strip below ``char`` where its dot would be, centred under it."""
    scale, size = DPI / 72, float(char["size"])
    middle = (float(char["x0"]) + float(char["x1"])) / 2
    box = [middle - 0.15 * size, float(char["bottom"]), middle + 0.15 * size]
    box.append(float(char["bottom"]) + 0.45 * size)
    left, top, right, bottom = (round(v * scale) for v in box)
    strip = image.crop((left, top, right, bottom)).convert("L")
    return sum(1 for value in strip.tobytes() if value < 128)


def test_emphasis_dots_under_each_letter_and_the_text_once(out: Path, tmp_path: Path) -> None:
    pdf = out / "pdf" / f"{MIXED}.pdf"
    chars = _chars(pdf)
    text = "".join(str(c["text"]) for _, c in chars)
    assert text.count(EMPHASIS) == 1
    poppler = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True)
    assert re.sub(r"\s", "", poppler.stdout).count(EMPHASIS) == 1
    start = text.index(EMPHASIS)
    page = chars[start][0]
    number = str(page + 1)
    target = str(tmp_path / "page")
    subprocess.run(
        ["pdftoppm", "-r", str(DPI), "-f", number, "-l", number, "-png", str(pdf), target],
        check=True,
    )
    image = Image.open(next(tmp_path.glob("page*.png")))
    dotted = [_dark_below(image, c) for _, c in chars[start : start + len(EMPHASIS)]]
    assert all(count > 4 for count in dotted), dotted
    after = [c for n, c in chars[start + len(EMPHASIS) : start + len(EMPHASIS) + 8] if n == page]
    plain = [_dark_below(image, c) for c in after if re.match(r"[\u4e00-\u9fff]", c["text"])]
    assert plain and not any(plain), plain


def test_cjk_latin_spacing_is_a_gap_never_a_character(out: Path) -> None:
    chars = [c for _, c in _chars(out / "pdf" / f"{MIXED}.pdf")]
    text = "".join(str(c["text"]) for c in chars)
    start = text.index("Harbor Systems公司")
    s, gong = chars[start + len("Harbor Systems") - 1], chars[start + len("Harbor Systems")]
    size = float(gong["size"])
    assert 0.2 * size < float(gong["x0"]) - float(s["x1"]) < 0.35 * size
    page = (out / "site" / MIXED / "index.html").read_text("utf-8")
    assert "荷兰的Harbor Systems公司展示了" in page
    with zipfile.ZipFile(out / "epub" / f"{MIXED}.epub") as epub:
        chapters = [epub.read(n).decode("utf-8") for n in epub.namelist() if n.endswith(".xhtml")]
    assert any("荷兰的Harbor Systems公司展示了" in chapter for chapter in chapters)


def test_lines_start_and_end_without_the_spacing(out: Path) -> None:
    """A Latin run at a line's edge keeps no margin: every line starts at the left edge or
    at the 2 em indent, and every justified line ends at the right edge; no Latin word is
    broken between lines (Chinese text has no hyphenation)."""
    words = set(re.findall(r"[A-Za-z]+", (REPO / "content" / f"{MIXED}.md").read_text("utf-8")))
    with pdfplumber.open(out / "pdf" / f"{MIXED}.pdf") as document:
        for page in document.pages[2:]:  # (after the title page and the contents)
            rows: dict[int, list[dict[str, Any]]] = {}
            for char in page.chars:
                if abs(float(char["size"]) - 11) < 0.01:
                    rows.setdefault(-round(float(char["matrix"][5])), []).append(char)
            lines = [sorted(r, key=lambda c: float(c["x0"])) for _, r in sorted(rows.items())]
            left = min(float(line[0]["x0"]) for line in lines)
            right = max(float(line[-1]["x1"]) for line in lines)
            for line in lines:
                indent = (float(line[0]["x0"]) - left) / 11
                assert indent < 0.05 or abs(indent - 2) < 0.05, "".join(c["text"] for c in line)
            texts = ["".join(str(c["text"]) for c in line) for line in lines]
            for text in texts:
                edges = re.findall(r"^[A-Za-z]+|[A-Za-z]+$", text)
                assert all(edge in words for edge in edges), text
            full = [line for line in lines if right - float(line[-1]["x1"]) < 6]
            assert all(right - float(line[-1]["x1"]) < 0.6 for line in full)


SPACED = (
    "---\ntitle: 混排\n---\n\n"
    + "码头采用了新的调度系统，工程师说Harbor Systems公司的设备运行稳定，效率提高了许多。" * 4
    + "\n\nHarbor Systems\n"
)


def test_no_letter_spacing_inside_latin_words_of_a_justified_line(tmp_path: Path) -> None:
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "a.md").write_text(SPACED, "utf-8")
    result = run_cli(["build", "--format", "pdf"], tmp_path)
    assert result.returncode == 0, result.stderr
    chars = [c for _, c in _chars(tmp_path / "build" / "pdf" / "a.pdf")]
    text = "".join(str(c["text"]) for c in chars)
    widths, stretched = [], []
    for found in re.finditer("Systems", text):
        word = chars[found.start() : found.end()]
        widths.append(float(word[-1]["x1"]) - float(word[0]["x0"]))
        after = chars[found.end() + 1 : found.end() + 3]  # 司 and 的, after 公
        if len(after) == 2:  # (the last "Harbor Systems" ends the text)
            stretched.append(float(after[1]["x0"]) - float(after[0]["x1"]))
    assert len(widths) == 5 and max(widths) - min(widths) < 0.01, widths
    # the justified lines were spread:
    assert len(stretched) == 4 and max(stretched) > 0.1, stretched


def test_each_sample_has_its_language_and_labels(out: Path) -> None:
    for slug, lang, contents in (
        ("lighthouse-keepers-log", "en", "Contents"),
        ("tamsui-ferry-notes", "zh-TW", "目錄"),
        (MIXED, "zh-CN", "目录"),
    ):
        page = (out / "site" / slug / "index.html").read_text("utf-8")
        assert f'<html lang="{lang}">' in page, slug
        assert str(PdfReader(out / "pdf" / f"{slug}.pdf").root_object["/Lang"]) == lang
        with zipfile.ZipFile(out / "epub" / f"{slug}.epub") as epub:
            opf = epub.read("EPUB/content.opf").decode("utf-8")
            nav = epub.read("EPUB/nav.xhtml").decode("utf-8")
        assert f"<dc:language>{lang}</dc:language>" in opf, slug
        assert f"<h2>{contents}</h2>" in nav, slug  # (short: the PDF has no contents page)
    english = (out / "site" / "lighthouse-keepers-log" / "index.html").read_text("utf-8")
    assert "About this document" in english and 'class="latin ' in english
    assert "“unremarkable”" in english  # typographic quotes: a Latin-script document
    # the title as the heading reads it: curled alike, so the heading is not repeated
    assert len(re.findall(r"<h1\b", english)) == 1 and "The Keeper’s Log" in english


def test_emphasis_bold_and_kai_draw_no_dots(tmp_path: Path) -> None:
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "a.md").write_text("---\ntitle: 强调\n---\n\n这是*强调*的文字。\n")
    (tmp_path / "themes" / "bold").mkdir(parents=True)
    (tmp_path / "themes" / "bold" / "theme.toml").write_text(
        'name = "bold"\nextends = "default"\n[variables]\nemphasis_zh = "bold"\n'
    )
    result = run_cli(["build", "--format", "pdf,html", "--theme", "bold"], tmp_path)
    assert result.returncode == 0, result.stderr
    chars = [c for _, c in _chars(tmp_path / "build" / "pdf" / "a.pdf")]
    start = "".join(str(c["text"]) for c in chars).index("是强调的") + 1
    bold = {str(c["fontname"]).split("+")[-1] for c in chars[start : start + 2]}
    assert bold == {"Noto-Serif-CJK-SC-Bold"}, bold
    page = (tmp_path / "build" / "site" / "a" / "index.html").read_text("utf-8")
    assert 'class="cjk emphasis-bold autospace' in page and "emphasis-dot" not in page


def test_an_unknown_emphasis_is_an_error_listing_the_choices(tmp_path: Path) -> None:
    (tmp_path / "themes" / "x").mkdir(parents=True)
    (tmp_path / "themes" / "x" / "theme.toml").write_text(
        'name = "x"\nextends = "default"\n[variables]\nemphasis_zh = "wavy"\n'
    )
    with pytest.raises(ThemeError, match='emphasis_zh = \'wavy\'; use one of "dots", "kai"'):
        load_theme("x", tmp_path)


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        (
            "<p>这是<em>强调A</em>。</p>",
            '<p>这是<em><span class="emphasis-dot">强</span><span class="emphasis-dot">调</span>'
            '<span class="autospace-start">A</span></em>。</p>',
        ),
        (
            "<p>由Harbor &amp; Co设计，<code>中X中</code></p>",
            '<p>由<span class="autospace-start">Harbor</span> &amp; '
            '<span class="autospace-end">Co</span>设计，<code>中X中</code></p>',
        ),
        ("<p>2024</p><p>年</p>", "<p>2024</p><p>年</p>"),
    ],
)
def test_render_time_spans(html: str, expected: str) -> None:
    assert mark(html, dots=True, spacing=True) == expected
