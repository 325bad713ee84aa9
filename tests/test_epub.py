"""EPUB packaging: ebooklib 0.20's known problems worked around, EPUBCheck on a rich document."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from conftest import REPO, MakeProject, run_cli
from publish.check import epubcheck

RICH = """---
title: 两位作者的文档
authors: [张三, 李四]
date: 2024-03-01
language: zh-CN
keywords: [测试, 示例]
rights: CC BY 4.0
source: 示例报第3版
---

# 两位作者的文档

正文带脚注。[^a]

## 表格

| 项目 | 数量 |
|------|------|
| 甲 | 1 |

## 图片

![柱状图](chart.svg)

![](chart.svg)

[^a]: 脚注内容。
"""
SVG = (
    '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">'
    '<rect width="10" height="10"/></svg>'
)


def _build(make_project: MakeProject) -> Path:
    root = make_project({"content/rich.md": RICH, "content/chart.svg": SVG})
    result = run_cli(["build", "--format", "epub"], root, {"SOURCE_DATE_EPOCH": "1709251200"})
    assert result.returncode == 0, result.stderr
    return root / "build/epub/rich.epub"


def test_rich_document_passes_epubcheck(make_project: MakeProject) -> None:
    assert epubcheck(_build(make_project)) == []


def test_authors_have_unique_ids_and_package_has_xml_lang(make_project: MakeProject) -> None:
    with zipfile.ZipFile(_build(make_project)) as archive:
        opf = archive.read("EPUB/content.opf").decode("utf-8")
        nav = archive.read("EPUB/nav.xhtml").decode("utf-8")
    ids = re.findall(r'<dc:creator id="([^"]+)"', opf)
    assert ids == ["creator-1", "creator-2"]
    assert re.search(r'<package [^>]*xml:lang="zh-CN"', opf)
    assert "<dc:rights>CC BY 4.0</dc:rights>" in opf and "<dc:source>示例报第3版</dc:source>" in opf
    assert opf.count("<dc:subject>") == 2
    assert '<meta property="dcterms:modified">2024-03-01T00:00:00Z</meta>' in opf
    assert "page-list" not in nav
    assert 'page-progression-direction="ltr"' in opf


def test_zip_layout_is_fixed(make_project: MakeProject) -> None:
    with zipfile.ZipFile(_build(make_project)) as archive:
        infos = archive.infolist()
    assert infos[0].filename == "mimetype" and infos[0].compress_type == zipfile.ZIP_STORED
    names = [i.filename for i in infos[1:]]
    assert names == sorted(names)
    assert {i.date_time for i in infos} == {(2024, 3, 1, 0, 0, 0)}


def _opf_and_files(epub: Path) -> tuple[str, dict[str, str]]:
    with zipfile.ZipFile(epub) as archive:
        files = {
            n: archive.read(n).decode("utf-8")
            for n in archive.namelist()
            if n.endswith((".xhtml", ".opf", ".svg"))
        }
    return files["EPUB/content.opf"], files


def test_accessibility_and_publication_metadata(make_project: MakeProject) -> None:
    opf, files = _opf_and_files(_build(make_project))
    for prop, value in (
        ("schema:accessMode", "textual"),
        ("schema:accessMode", "visual"),
        ("schema:accessModeSufficient", "textual"),
        ("schema:accessibilityFeature", "structuralNavigation"),
        ("schema:accessibilityFeature", "tableOfContents"),
        ("schema:accessibilityFeature", "alternativeText"),
        ("schema:accessibilityHazard", "none"),
        ("dcterms:conformsTo", "EPUB Accessibility 1.1 - WCAG 2.1 Level AA"),
    ):
        assert f'<meta property="{prop}">{value}</meta>' in opf, (prop, value)
    assert 'property="schema:accessibilitySummary"' in opf
    assert re.search(r'<meta refines="#creator-1" property="role" scheme="marc:relators">aut<', opf)
    assert "<dc:date>2024-03-01</dc:date>" in opf and "<dc:language>zh-CN</dc:language>" in opf
    assert 'properties="cover-image"' in opf and "EPUB/images/cover.svg" in files
    assert "两位作者的文档" in files["EPUB/images/cover.svg"]


def test_every_content_document_carries_the_language(make_project: MakeProject) -> None:
    _, files = _opf_and_files(_build(make_project))
    pages = [name for name in files if name.endswith(".xhtml")]
    assert len(pages) >= 3  # cover, chapter, nav
    for name in pages:
        assert re.search(r'<html [^>]*lang="zh-CN" xml:lang="zh-CN"', files[name]), name


def test_footnotes_are_asides_with_back_links(make_project: MakeProject) -> None:
    _, files = _opf_and_files(_build(make_project))
    chapter = files["EPUB/rich.xhtml"]
    assert '<a epub:type="noteref" role="doc-noteref" href="#fn1" id="fnref1">1</a>' in chapter
    assert re.search(
        r'<aside epub:type="footnote" role="doc-footnote" id="fn1"><p>脚注内容。'
        r' <a href="#fnref1" role="doc-backlink">',
        chapter,
    )


def test_landmarks_cover_page_and_nav(make_project: MakeProject) -> None:
    _, files = _opf_and_files(_build(make_project))
    nav = files["EPUB/nav.xhtml"]
    for kind, href in (
        ("cover", "cover.xhtml"),
        ("toc", "nav.xhtml"),
        ("bodymatter", "rich.xhtml"),
    ):
        assert f'<a epub:type="{kind}" href="{href}">' in nav
    assert '<a href="rich.xhtml#表格">表格</a>' in nav
    assert 'epub:type="cover" role="doc-cover"' in files["EPUB/cover.xhtml"]


def test_missing_alt_text_warns_with_file_and_line(make_project: MakeProject) -> None:
    root = make_project({"content/rich.md": RICH, "content/chart.svg": SVG})
    result = run_cli(["build", "--format", "epub"], root)
    assert result.returncode == 0
    assert "warning: content/rich.md:25: image 'chart.svg' has no alt text" in result.stderr
    strict = run_cli(["build", "--format", "epub", "--strict"], root)
    assert strict.returncode == 1 and "strict:" in strict.stderr


def test_front_matter_cover_is_used(make_project: MakeProject) -> None:
    text = RICH.replace("rights: CC BY 4.0\n", "rights: CC BY 4.0\ncover: chart.svg\n")
    root = make_project({"content/rich.md": text, "content/chart.svg": SVG})
    assert run_cli(["build", "--format", "epub"], root).returncode == 0
    with zipfile.ZipFile(root / "build/epub/rich.epub") as archive:
        cover = archive.read("EPUB/images/cover.svg").decode("utf-8")
    assert '<rect width="10" height="10"/>' in cover  # the drawing, as sanitised (no script)


def test_embedded_fonts_are_subset_and_deterministic(make_project: MakeProject) -> None:
    root = make_project(
        {
            "publish.toml": "[epub]\nembed_fonts = true\n",
            "content/rich.md": RICH,
            "content/chart.svg": SVG,
        }
    )
    env = {"SOURCE_DATE_EPOCH": "1709251200"}
    result = run_cli(["build", "--format", "epub"], root, env)
    assert result.returncode == 0, result.stderr
    epub = root / "build/epub/rich.epub"
    first = epub.read_bytes()
    with zipfile.ZipFile(epub) as archive:
        fonts = {
            n: archive.getinfo(n).file_size
            for n in archive.namelist()
            if n.startswith("EPUB/fonts/")
        }
        css = archive.read("EPUB/style/publish.css").decode("utf-8")
    assert len(fonts) == 3 and all(size < 100_000 for size in fonts.values()), fonts
    assert '@font-face { font-family: "Noto Serif CJK SC"; font-weight: normal;' in css
    # EPUBCheck reports only that @font-face is used (an informational usage message)
    assert {m.split(":")[0] for m in epubcheck(epub)} == {"USAGE CSS-028"}
    assert run_cli(["build", "--format", "epub"], root, env).returncode == 0
    assert epub.read_bytes() == first


def test_run_in_heads_in_the_table_of_contents_on_request(make_project: MakeProject) -> None:
    seed = (REPO / "content/daixian-work-report.md").read_text("utf-8")
    root = make_project({"publish.toml": "[epub]\ntoc_run_in = true\n", "content/seed.md": seed})
    assert run_cli(["build", "--format", "epub"], root).returncode == 0
    with zipfile.ZipFile(root / "build/epub/seed.epub") as archive:
        nav = archive.read("EPUB/nav.xhtml").decode("utf-8")
        chapter = archive.read("EPUB/seed-02.xhtml").decode("utf-8")
    assert nav.count('href="seed-0') >= 22  # 4 headings and 18 run-in heads
    assert '<a href="seed-02.xhtml#run-加快发展数字经济">加快发展数字经济。</a>' in nav
    assert '<p id="run-加快发展数字经济"><strong>加快发展数字经济。</strong>' in chapter
    assert epubcheck(root / "build/epub/seed.epub") == []
    (root / "publish.toml").unlink()
    assert run_cli(["build", "--format", "epub"], root).returncode == 0
    with zipfile.ZipFile(root / "build/epub/seed.epub") as archive:
        assert "run-" not in archive.read("EPUB/nav.xhtml").decode("utf-8")
