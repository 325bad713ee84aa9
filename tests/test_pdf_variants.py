"""Every PDF variant: what it claims, what veraPDF says of it, and the files it carries.

A tiny project is built once per variant: a UTF-16 source with a mark (its original bytes must
come back as they were), a clean English note (original and cleaned text of equal bytes, so
their relationships cannot be told apart by checksum) and an article of two fragments, one in a
sub-folder.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from conftest import REPO, run_cli
from publish.config import Config, load_config
from publish.errors import ConfigError, ContentError
from publish.formats.pdfvariants import VARIANTS
from publish.validators.pdf import claimed_flavours, verapdf

EPOCH = "1735689600"  # 2025-01-01T00:00:00Z
FRONT = "---\ntitle: {title}\nlanguage: {lang}\ndate: 2024-10-08\n---\n\n"
SOURCES: dict[str, bytes] = {
    "content/report.md": (
        FRONT.format(title="报告", lang="zh-CN") + "# 报告\n\n今年经济稳中有进,民生持续改善。\n"
    ).encode("utf-16"),  # with a byte-order mark
    "content/note.md": (
        FRONT.format(title="Note", lang="en") + "A short note, already clean.\n"
    ).encode(),
    "content/story/a.md": (
        FRONT.format(title="故事", lang="zh-CN") + "第一段文字。(下转第二版)\n"
    ).encode(),
    "content/story/more/b.md": "(上接第一版)第二段文字。\n".encode(),
}
#: Each document's originals and their names inside the PDF.
ORIGINALS = {
    "report": {"report.original.report.md": "content/report.md"},
    "note": {"note.original.note.md": "content/note.md"},
    "story": {
        "story.original.a.md": "content/story/a.md",
        "story.original.more%2Fb.md": "content/story/more/b.md",
    },
}


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("variants")
    (root / "publish.toml").write_text('title = "Variants"\n', encoding="utf-8")
    for name, data in SOURCES.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_bytes(data)
    return root


def _build(root: Path, variant: str, out: Path) -> Path:
    from publish.build import BuildOptions, build

    saved = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = EPOCH
    try:
        build(load_config(root), BuildOptions(formats=("pdf",), out=out, pdf_variant=variant))
    finally:
        os.environ.pop("SOURCE_DATE_EPOCH", None)
        if saved is not None:
            os.environ["SOURCE_DATE_EPOCH"] = saved
    return out


@pytest.fixture(scope="module")
def built(project: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Path]]:
    yield {
        name: _build(project, name, tmp_path_factory.mktemp(name.replace("/", "-")))
        for name in VARIANTS
    }


@pytest.mark.parametrize("name", list(VARIANTS))
def test_each_variant_claims_its_standards_and_veraPDF_passes_them(
    name: str, built: dict[str, Path]
) -> None:
    pdfs = sorted((built[name] / "pdf").glob("*.pdf"))
    assert [p.stem for p in pdfs] == ["note", "report", "story"]
    variant = VARIANTS[name]
    for pdf in pdfs:
        assert claimed_flavours(pdf) == variant.flavours, pdf
    for flavour in variant.flavours:
        assert verapdf(pdfs, flavour) == [], flavour


def _embedded(pdf: Path) -> tuple[list[str], dict[str, Any], list[Any]]:
    """(names in the name tree, in order; name -> file specification; the catalog's /AF)."""
    from pypdf import PdfReader

    root: Any = PdfReader(pdf).root_object
    tree = root.get("/Names", {}).get("/EmbeddedFiles")
    pairs = list(tree.get_object()["/Names"]) if tree else []
    names = [str(n) for n in pairs[0::2]]
    specs = {str(n): ref.get_object() for n, ref in zip(pairs[0::2], pairs[1::2], strict=True)}
    return names, specs, list(root.get("/AF", []))


@pytest.mark.parametrize("name", [n for n, v in VARIANTS.items() if v.attaches])
def test_originals_cleaned_text_and_change_log_are_embedded_once(
    name: str, built: dict[str, Path], project: Path
) -> None:
    out = built[name]
    for slug, originals in ORIGINALS.items():
        expected = {
            **{inside: project / path for inside, path in originals.items()},
            f"{slug}.clean.md": out / "clean" / f"{slug}.md",
            f"{slug}.changes.json": out / "clean" / f"{slug}.changes.json",
        }
        names, specs, listed = _embedded(out / "pdf" / f"{slug}.pdf")
        assert names == sorted(expected, key=str.encode)  # a name tree is sorted
        assert len(listed) == len(set(listed)) == len(names)  # each in /AF, once
        assert {ref.idnum for ref in listed} == {s.indirect_reference.idnum for s in specs.values()}
        for inside, path in expected.items():
            spec = specs[inside]
            stream = spec["/EF"]["/F"].get_object()
            data = stream.get_data()
            assert data == path.read_bytes(), inside  # byte for byte
            kind = "Data" if inside.endswith(".changes.json") else "Source"
            assert spec["/AFRelationship"] == f"/{kind}", inside
            assert spec["/F"] == spec["/UF"] == inside
            assert str(spec["/Desc"])
            mime = "application/json" if inside.endswith(".json") else "text/markdown"
            assert stream["/Subtype"] == f"/{mime}"
            params = stream["/Params"]
            assert params["/ModDate"] == params["/CreationDate"] == "D:20250101000000Z"
            assert params["/Size"] == len(data)
            checksum = params["/CheckSum"]  # pypdf reads a string as text when it can
            raw = checksum.original_bytes if hasattr(checksum, "original_bytes") else checksum
            assert bytes(raw) == hashlib.md5(data).digest()
        assert "/Desc" in specs[next(iter(originals))]
    assert "content/story/more/b.md" in str(specs["story.original.more%2Fb.md"]["/Desc"])


def test_the_clean_note_has_equal_bytes_in_original_and_cleaned_text(
    built: dict[str, Path], project: Path
) -> None:
    """The precondition of the test above for ``note``: two embedded files of equal bytes (and
    checksums, by which WeasyPrint matches relationships) are still two, each in /AF once."""
    assert (built["pdf/a-3u"] / "clean/note.md").read_bytes() == (
        project / "content/note.md"
    ).read_bytes()


@pytest.mark.parametrize("name", [n for n, v in VARIANTS.items() if not v.attaches])
def test_pdfa2_and_plain_embed_nothing(name: str, built: dict[str, Path]) -> None:
    for pdf in sorted((built[name] / "pdf").glob("*.pdf")):
        names, _, listed = _embedded(pdf)
        assert names == [] and listed == []
        assert b"/EmbeddedFile" not in pdf.read_bytes()


def test_plain_claims_nothing_and_pdfa_variants_claim_ua(built: dict[str, Path]) -> None:
    assert b"pdfaid" not in (built["plain"] / "pdf/note.pdf").read_bytes()
    ua = b'pdfuaid:part="1"'
    for name in ("pdf/a-2b", "pdf/a-2u", "pdf/a-3b", "pdf/a-3u", "pdf/ua-1"):
        data = (built[name] / "pdf/note.pdf").read_bytes()
        assert data.count(ua) == 1, name
        assert (b"PDF/UA Universal Accessibility Schema" in data) == (name != "pdf/ua-1")


def test_a_variant_builds_the_same_bytes_twice(project: Path, tmp_path: Path) -> None:
    first = _build(project, "pdf/ua-1", tmp_path / "one") / "pdf/story.pdf"
    second = _build(project, "pdf/ua-1", tmp_path / "two") / "pdf/story.pdf"
    assert first.read_bytes() == second.read_bytes()


def test_check_validates_each_pdf_against_what_it_claims(
    built: dict[str, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import publish.check

    out = tmp_path / "build"
    (out / "pdf").mkdir(parents=True)
    for name, stem in (("pdf/a-2b", "a"), ("pdf/ua-1", "b"), ("plain", "c")):
        (out / "pdf" / f"{stem}.pdf").write_bytes((built[name] / "pdf/note.pdf").read_bytes())
    calls: list[tuple[str, str]] = []

    def record(claims: list[tuple[Path, str]]) -> list[str]:
        calls.extend((pdf.name, flavour) for pdf, flavour in claims)
        return []

    monkeypatch.setattr(publish.check, "verapdf_all", record)
    assert publish.check.check_build(out) == []
    assert sorted(calls) == [("a.pdf", "2b"), ("a.pdf", "ua1"), ("b.pdf", "ua1")]


def test_a_source_changed_during_the_build_stops_it(project: Path, tmp_path: Path) -> None:
    from publish import clean
    from publish.formats.pdfattach import associated_files
    from publish.parse import parse
    from publish.read import read_source

    path = tmp_path / "late.md"
    path.write_text("# Late\n\nText.\n", encoding="utf-8")
    doc = parse(clean.clean(read_source(path, tmp_path)), Config(root=tmp_path))
    assert [f.name for f in associated_files(doc)][-1] == "late.original.late.md"
    path.write_text("# Late\n\nOther text.\n", encoding="utf-8")
    with pytest.raises(ContentError, match=r"late\.md: changed while the build ran; build again"):
        associated_files(doc)


def test_config_and_cli_take_the_variants_from_one_table(tmp_path: Path) -> None:
    for name in VARIANTS:
        (tmp_path / "publish.toml").write_text(f'[pdf]\nvariant = "{name}"\n', encoding="utf-8")
        assert load_config(tmp_path).pdf_variant == name
    assert Config(root=tmp_path).pdf_variant in VARIANTS
    for bad in ('"pdf/a-1b"', '["pdf/a-3u"]'):
        (tmp_path / "publish.toml").write_text(f"[pdf]\nvariant = {bad}\n", encoding="utf-8")
        with pytest.raises(ConfigError, match="is not one of pdf/a-3u, pdf/a-3b, "):
            load_config(tmp_path)
    shown = run_cli(["build", "--help"], REPO).stdout
    assert all(name in shown for name in VARIANTS)
