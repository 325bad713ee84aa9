"""The front matter's source fields (issue 12): checked when read, and carried into every
format: the PDF's XMP, the EPUB's OPF (``dc:source`` refined) and the site's ``<meta>`` and
schema.org JSON-LD, each checked by its validator."""

from __future__ import annotations

import json
import re
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from lxml import etree

from conftest import REPO, run_cli
from publish.check import epubcheck, verapdf, vnu
from publish.config import Config
from publish.errors import ContentError
from publish.model import Source
from publish.parse.meta import build_metadata

FRONT = """---
title: 一版新闻
language: zh-CN
date: 2024-10-08
source_url: https://example.org/paper/2024-10-08/2.html
captured: 2024-10-09T08:30:00+08:00
publication: 示例日报
edition: 2024-10-08
pages: 2–3
section: 要闻
place: 北京
archive_id: SLRB-2024-1008-02
extra:
  microfilm_reel: 118
  donors: [甲, 乙]
---
"""
BODY = "# 一版新闻\n\n正文第一段，说明来源字段。（下转第3版）\n\n（上接第2版）正文第二段。\n"
FIELDS = (
    "https://example.org/paper/2024-10-08/2.html",
    "2024-10-09T08:30:00+08:00",
    "示例日报",
    "2024-10-08",
    "2–3",
    "要闻",
    "北京",
    "SLRB-2024-1008-02",
)


def _source(front: dict[str, object], text: str = "") -> Source:
    return Source(Path("a.md"), "content/a.md", "a", front, text or "---\n", "", 2)


def test_fields_are_typed_and_normalised() -> None:
    import yaml

    meta = build_metadata(_source(yaml.safe_load(FRONT.strip("-\n"))), Config(Path(".")), "")
    origin = meta.origin
    assert origin.url == FIELDS[0] and origin.captured == FIELDS[1]
    assert (origin.edition, origin.pages, origin.first_page) == ("2024-10-08", ("2–3",), "2")
    assert origin.extras == {"donors": "甲; 乙", "microfilm_reel": "118"}
    pages = build_metadata(_source({"pages": "A1-A3, A6"}), Config(Path(".")), "t")
    assert pages.origin.pages == ("A1–A3", "A6")
    assert not build_metadata(_source({}), Config(Path(".")), "t").origin


@pytest.mark.parametrize(
    ("front", "expected"),
    [
        ({"source_url": "javascript:alert(1)"}, "source_url 'javascript:alert(1)' is not an http"),
        ({"source_url": "file:///etc/passwd"}, "source_url 'file:///etc/passwd' is not an http(s)"),
        ({"captured": "yesterday"}, "captured 'yesterday' is not a date"),
        ({"captured": "1850-01-01"}, "captured 1850-01-01 is out of range"),
        ({"pages": "front page"}, "pages 'front page' is not a page or a range"),
        ({"extra": ["a"]}, "extra must be a mapping"),
        ({"extra": {"a": {"b": 1}}}, "extra.'a' must be a name"),
        ({"publication": ["a", "b"]}, "publication must be text"),
        ({"publication": {"a": 1}}, "publication must be text, got {'a': 1}; write it on one"),
        ({"authors": [1, 2]}, "authors must be text or a list of text, got [1, 2]; write it as"),
    ],
)
def test_bad_fields_are_errors_naming_file_and_line(
    front: dict[str, object], expected: str
) -> None:
    key = next(iter(front))
    text = f"---\ntitle: t\n{key}: x\n---\n"
    with pytest.raises(ContentError) as caught:
        build_metadata(_source(front, text), Config(Path(".")), "t")
    assert f"content/a.md:3: {expected}" in str(caught.value)


def test_a_title_of_the_wrong_type_is_an_error_not_a_missing_title(
    caplog: pytest.LogCaptureFixture,
) -> None:
    """A title given as a list says how to write it, and no "no title" warning comes first
    (the title is there, of the wrong type); an empty ``title:`` is a missing title."""
    text = "---\ntitle:\n  - a\n  - b\n---\n"
    with pytest.raises(ContentError) as caught:
        build_metadata(_source({"title": ["a", "b"]}, text), Config(Path(".")), "")
    assert "content/a.md:2: title must be text, got ['a', 'b']; write it on one line" in str(
        caught.value
    )
    assert "no title" not in caplog.text
    empty = build_metadata(_source({"title": None}, "---\ntitle:\n---\n"), Config(Path(".")), "")
    assert empty.title == "a" and "no title" in caplog.text


@pytest.fixture(scope="module")
def out(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    root = tmp_path_factory.mktemp("fields")
    (root / "content").mkdir()
    (root / "content" / "report.md").write_text(FRONT + BODY, "utf-8")
    (root / "publish.toml").write_text('title = "T"\nurl = "https://archive.example.org/news"\n')
    found = run_cli(["build"], root, env={"SOURCE_DATE_EPOCH": "1735689600"})
    assert found.returncode == 0, found.stderr
    yield root / "build"


def test_pdf_xmp_carries_every_field(out: Path) -> None:
    data = (out / "pdf" / "report.pdf").read_bytes()
    xmp = re.search(rb"<x:xmpmeta.*?</x:xmpmeta>", data, re.DOTALL)
    assert xmp is not None
    text = xmp.group(0).decode("utf-8")
    source = re.search(r"<dc:source>(.*?)</dc:source>", text)
    assert source is not None
    for value in FIELDS:
        assert value in source.group(1), value
    assert "<xmp:Identifier><rdf:Bag>" in text and "<rdf:li>SLRB-2024-1008-02</rdf:li>" in text
    assert verapdf([out / "pdf" / "report.pdf"], "3u") == []


def test_opf_refines_the_original_with_every_field(out: Path) -> None:
    epub = out / "epub" / "report.epub"
    with zipfile.ZipFile(epub) as archive:
        opf = etree.fromstring(archive.read("EPUB/content.opf"))
    ns = {"opf": "http://www.idpf.org/2007/opf", "dc": "http://purl.org/dc/elements/1.1/"}
    original = opf.find(".//dc:source[@id='original']", ns)
    assert original is not None and original.text == FIELDS[0]
    refined = {
        m.get("property"): m.text for m in opf.findall(".//opf:meta[@refines='#original']", ns)
    }
    assert refined == {
        "dcterms:isPartOf": "示例日报",
        "schema:printEdition": "2024-10-08",
        "schema:printSection": "要闻",
        "dcterms:spatial": "北京",
        "dcterms:identifier": "SLRB-2024-1008-02",
        "dcterms:date": "2024-10-09T08:30:00+08:00",
        "schema:printPage": "2–3",
    }
    citation = [s.text for s in opf.findall(".//dc:source", ns) if s.get("id") is None]
    assert len(citation) == 1 and all(v in citation[0] for v in FIELDS)
    assert epubcheck(epub) == []


def test_site_meta_and_json_ld(out: Path) -> None:
    page = (out / "site" / "report" / "index.html").read_text("utf-8")
    assert f'<meta name="DC.source" content="{FIELDS[0]}">' in page
    block = re.search(r'<script type="application/ld\+json">(.*?)</script>', page, re.DOTALL)
    assert block is not None
    data = json.loads(block.group(1))
    assert data["@type"] == "NewsArticle"
    assert data["url"] == "https://archive.example.org/news/report/"
    assert (data["printEdition"], data["printPage"], data["printSection"]) == (
        "2024-10-08",
        "2–3",
        "要闻",
    )
    assert data["locationCreated"]["name"] == "北京"
    original = data["isBasedOn"]
    assert original["url"] == FIELDS[0] and original["identifier"] == FIELDS[7]
    assert original["isPartOf"] == {"@type": "Periodical", "name": "示例日报"}
    assert FIELDS[1] in original["name"]
    assert vnu(out / "site", REPO) == []


def test_json_ld_cannot_be_closed_by_a_title() -> None:
    from publish.formats.jsonld import script_text

    text = script_text({"headline": "</script><script>alert(1)</script>&"})
    assert "<" not in text and ">" not in text and "&" not in text
    assert json.loads(text)["headline"] == "</script><script>alert(1)</script>&"
