"""End to end: build the project's own content/ and check every output with real tools."""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pdfplumber
import pytest

from conftest import REPO, build_repo, files_under
from publish import clean
from publish.check import ace, epub_screenshots, epubcheck, pdffonts, verapdf

SEED = "daixian-work-report"
RUN_IN = "社会保障更加有力。"


@pytest.fixture(scope="module")
def out(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    yield build_repo(tmp_path_factory.mktemp("build"))


def test_every_document_in_every_format(out: Path) -> None:
    slugs = sorted(p.stem for p in (REPO / "content").glob("*.md"))
    assert len(slugs) >= 3
    for slug in slugs:
        for path in (
            f"pdf/{slug}.pdf",
            f"epub/{slug}.epub",
            f"site/{slug}/index.html",
            f"clean/{slug}.md",
            f"clean/{slug}.changes.json",
        ):
            assert (out / path).is_file(), path
    assert (out / "site/index.html").is_file()
    assert not [p for p in files_under(out) if p.name.startswith(".")]


def test_pdf_text_has_the_run_in_heads_in_bold_and_no_asterisks(out: Path) -> None:
    with pdfplumber.open(out / f"pdf/{SEED}.pdf") as pdf:
        text = "".join(page.extract_text() for page in pdf.pages)
        chars = [c for page in pdf.pages for c in page.chars]
    assert RUN_IN in text.replace("\n", "")
    assert "**" not in text
    start = "".join(c["text"] for c in chars).index(RUN_IN)
    fonts = {c["fontname"] for c in chars[start : start + len(RUN_IN)]}
    assert fonts and all("Serif-CJK-SC-Bold" in f for f in fonts), fonts
    body = {c["fontname"] for c in chars[start + len(RUN_IN) : start + len(RUN_IN) + 5]}
    assert all(f.endswith("Noto-Serif-CJK-SC") for f in body), body


def test_pdf_metadata_outline_and_pages(out: Path) -> None:
    from pypdf import PdfReader

    reader = PdfReader(out / f"pdf/{SEED}.pdf")
    assert reader.metadata is not None and reader.metadata.title == "政府工作报告"
    assert str(reader.root_object["/Lang"]) == "zh-CN"
    titles = [item.title for item in reader.outline if not isinstance(item, list)]
    assert "政府工作报告" in titles
    flat = str(reader.outline)
    assert "深化改革开放" in flat
    assert len(reader.pages) > 1
    assert "2" in reader.pages[1].extract_text().split()[-1:]  # page number in the footer


def test_every_pdf_font_is_embedded(out: Path) -> None:
    for pdf in sorted((out / "pdf").glob("*.pdf")):
        assert pdffonts(pdf) == []


def test_epubcheck_reports_nothing(out: Path) -> None:
    for epub in sorted((out / "epub").glob("*.epub")):
        assert epubcheck(epub) == [], epub


def test_epub_carries_the_bold_and_the_language(out: Path) -> None:
    with zipfile.ZipFile(out / f"epub/{SEED}.epub") as archive:
        chapter = archive.read(f"EPUB/{SEED}-01.xhtml").decode("utf-8")
        opf = archive.read("EPUB/content.opf").decode("utf-8")
    assert f"<strong>{RUN_IN}</strong>" in chapter
    assert 'lang="zh-CN"' in chapter and 'xml:lang="zh-CN"' in chapter
    assert "<dc:language>zh-CN</dc:language>" in opf
    assert "2025-01-01T00:00:00Z" in opf


def test_site_page_has_the_bold_and_a_toc(out: Path) -> None:
    page = (out / f"site/{SEED}/index.html").read_text("utf-8")
    assert f"<strong>{RUN_IN}</strong>" in page
    assert '<html lang="zh-CN">' in page
    assert 'href="#三深化改革开放激发高质量发展活力"' in page
    index = (out / "site/index.html").read_text("utf-8")
    for slug in ("daixian-work-report", "harbor-bridge-reopens", "huangjiu-notes"):
        assert f'href="{slug}/index.html"' in index
    assert index.index("daixian-work-report") < index.index("harbor-bridge-reopens")


def test_images_travel_with_every_format(out: Path) -> None:
    assert (out / "site/huangjiu-notes/images/huangjiu-output.svg").is_file()
    with zipfile.ZipFile(out / "epub/huangjiu-notes.epub") as archive:
        assert "EPUB/images/huangjiu-output.svg" in archive.namelist()
    with pdfplumber.open(out / "pdf/huangjiu-notes.pdf") as pdf:
        assert any(page.rects or page.images for page in pdf.pages)


def test_change_log_is_written(out: Path) -> None:
    import json

    log = json.loads((out / f"clean/{SEED}.changes.json").read_text("utf-8"))
    assert log["source"] == f"content/{SEED}.md"
    assert log["passes"] == [p.name for p in clean.select()]
    assert [(j["direction"], j["page"]) for j in log["jumps"]] == [("from", "1"), ("to", "3")]
    assert all({"pass", "file", "line", "before", "after"} <= set(c) for c in log["changes"])
    cleaned = (out / f"clean/{SEED}.md").read_text("utf-8")
    assert cleaned.startswith("---\ntitle: 政府工作报告\n")


def test_chinese_paragraphs_are_indented_two_em(out: Path) -> None:
    with pdfplumber.open(out / f"pdf/{SEED}.pdf") as pdf:
        for page in pdf.pages:
            lines = page.extract_text_lines()
            if any(line["text"].startswith(RUN_IN) for line in lines):
                break
    body = [line for line in lines if line["chars"][0]["size"] == pytest.approx(11, abs=0.1)]
    margin = min(line["x0"] for line in body)
    first = next(line for line in body if line["text"].startswith(RUN_IN))
    assert first["x0"] - margin == pytest.approx(22, abs=0.3)  # 2 em of 11 pt


def test_jump_lines_become_provenance(out: Path) -> None:
    page = (out / f"site/{SEED}/index.html").read_text("utf-8")
    assert '<span class="doc-jump">上接第1版</span>' in page
    assert '<span class="doc-jump">下转第3版</span>' in page
    body = page[page.index('<div class="doc-body">') : page.index("</article>")]
    assert "上接" not in body and "下转" not in body
    assert (
        '<h3 id="一聚力产业转型升级构建现代化产业体系">'
        "（一）聚力产业转型升级，构建现代化产业体系</h3>" in body
    )


def test_archival_pdfs_pass_verapdf_3u_and_ua1(out: Path) -> None:
    pdfs = sorted((out / "pdf").glob("*.pdf"))
    assert verapdf(pdfs, "3u") == []
    assert verapdf(pdfs, "ua1") == []


def test_archival_pdf_metadata_and_attached_source(out: Path) -> None:
    from pypdf import PdfReader

    data = (out / f"pdf/{SEED}.pdf").read_bytes()
    # The XMP stream is stored uncompressed, so format identifiers can read it.
    assert b'pdfaid:part="3"' in data and b'pdfaid:conformance="U"' in data
    assert b'pdfuaid:part="1"' in data
    assert "报纸第2版；上接第1版；下转第3版".encode() in data
    for dublin_core in (  # the front matter's metadata, with XMP's value types
        "<dc:language><rdf:Bag><rdf:li>zh-CN</rdf:li></rdf:Bag></dc:language>",
        "<dc:date><rdf:Seq><rdf:li>2025-02-01</rdf:li></rdf:Seq></dc:date>",
        "<dc:subject><rdf:Bag><rdf:li>政府工作报告</rdf:li><rdf:li>代县</rdf:li></rdf:Bag>",
        "<dc:identifier>urn:uuid:",
    ):
        assert dublin_core.encode() in data, dublin_core
    reader = PdfReader(out / f"pdf/{SEED}.pdf")
    attachments = reader.attachments  # (tests/test_pdf_variants.py checks them in detail)
    assert list(attachments) == [
        f"{SEED}.changes.json",
        f"{SEED}.clean.md",
        f"{SEED}.original.{SEED}.md",
    ]
    assert attachments[f"{SEED}.clean.md"] == [(out / f"clean/{SEED}.md").read_bytes()]
    assert attachments[f"{SEED}.original.{SEED}.md"] == [(REPO / f"content/{SEED}.md").read_bytes()]
    root: Any = reader.root_object
    names = root["/Names"]["/EmbeddedFiles"]["/Names"]
    specs = [names[i].get_object() for i in range(1, len(names), 2)]
    assert [s["/AFRelationship"] for s in specs] == ["/Data", "/Source", "/Source"]
    assert list(root["/AF"]) == [s.indirect_reference for s in specs]  # each listed once
    from publish import __version__

    assert reader.metadata is not None
    assert str(reader.metadata["/Creator"]) == f"publish {__version__}"


def test_plain_variant_is_not_pdfa(tmp_path: Path) -> None:
    from conftest import run_cli

    result = run_cli(
        [
            "build",
            "--format",
            "pdf",
            "--pdf-variant",
            "plain",
            "--out",
            str(tmp_path),
            str(REPO / "content/harbor-bridge-reopens.md"),
        ],
        REPO,
    )
    assert result.returncode == 0, result.stderr
    data = (tmp_path / "pdf/harbor-bridge-reopens.pdf").read_bytes()
    assert b"pdfaid" not in data and b"/EmbeddedFiles" not in data


def test_ace_finds_no_violations_and_chapters_are_screenshot(out: Path) -> None:
    epub = out / f"epub/{SEED}.epub"
    assert ace(epub, REPO) == []
    with zipfile.ZipFile(epub) as archive:
        names = archive.namelist()
    assert f"EPUB/{SEED}-01.xhtml" in names and f"EPUB/{SEED}-02.xhtml" in names
    shots = epub_screenshots(epub, REPO / "build")  # kept under build/ for review
    assert len(shots) == 3 and all(shot.stat().st_size > 10_000 for shot in shots)
