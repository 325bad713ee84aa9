"""EPUB packaging: ebooklib 0.20's known problems worked around, EPUBCheck on a rich document."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from conftest import MakeProject, run_cli
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
