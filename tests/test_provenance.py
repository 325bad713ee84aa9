"""The provenance record (PROV-JSONLD): valid against PROV's schema and context, readable by
``prov``, the same bytes each run, and true to the document: its originals' checksums, its
passes' counts, the software and the validators' verdicts."""

from __future__ import annotations

import hashlib
import json
from collections import Counter

import pytest
from provcheck import checked

from conftest import REPO
from publish import clean, parse, read, versions
from publish.config import load_config
from publish.model import Document
from publish.provenance import Record, Verdict, to_json

OUTPUTS = {
    "clean": "d/d.clean.md",
    "changes": "d/d.changes.json",
    "pdf": "d/d.pdf",
    "epub": "d/d.epub",
    "html": "site/d/index.html",
}


@pytest.fixture(scope="module")
def doc() -> Document:
    config = load_config(REPO)
    article = read.read_all((REPO / "content" / "daixian-work-report.md",), REPO)[0]
    return parse.parse(clean.clean_article(article), config, ())


def _record(doc: Document, verdicts: tuple[Verdict, ...] = ()) -> Record:
    originals = [(f.display_path, f.path.read_bytes()) for f in doc.cleaned.fragments]
    originals = originals or [(doc.cleaned.source.display_path, doc.source_path.read_bytes())]
    return Record(
        doc,
        OUTPUTS,
        originals,
        "default",
        "2025-01-01T00:00:00+00:00",
        versions.software(),
        {"veraPDF": "1.0", "EPUBCheck": "5.3.0"},
        verdicts,
    )


def test_record_is_valid_prov_and_stable(doc: Document) -> None:
    verdicts = (
        Verdict("veraPDF", "PDF/A-3u", "pdf"),
        Verdict("EPUBCheck", "EPUB 3", "epub", ("ERROR RSC-005: x",)),
    )
    data = to_json(_record(doc, verdicts))
    assert data == to_json(_record(doc, verdicts))
    prov = checked(data)
    assert len(list(prov.get_records())) > 20


def test_record_is_true_to_the_document(doc: Document) -> None:
    record = json.loads(to_json(_record(doc, (Verdict("veraPDF", "PDF/A-3u", "pdf"),))))
    nodes = {n.get("@id"): n for n in record["@graph"] if "@id" in n}
    source = doc.cleaned.source
    original = nodes[f"publish:{source.display_path}"]
    assert original["schema:sha256"] == [hashlib.sha256(source.path.read_bytes()).hexdigest()]
    made = Counter(c.pass_name for c in doc.cleaned.changes if c.applied)
    assert sum(made.values()) > 0
    for name in doc.cleaned.passes:
        step = nodes[f"publish:{doc.slug}/clean/{name}"]
        assert step["publish:edits"] == [{"@value": str(made[name]), "@type": "xsd:int"}]
    pdf_agents = {
        n["agent"]
        for n in record["@graph"]
        if n["@type"] == "Association" and n["activity"] == f"publish:{doc.slug}/render/pdf"
    }
    renderers = {"publish:agent/weasyprint", "publish:agent/Pango", "publish:agent/HarfBuzz"}
    assert renderers <= pdf_agents
    weasy = nodes["publish:agent/weasyprint"]
    assert weasy["schema:softwareVersion"] == [versions.software()["weasyprint"]]
    verdict = nodes[f"publish:{doc.slug}/verdict/pdf/veraPDF/PDF/A-3u"]
    assert verdict["value"] == ["passed"]
    assert nodes["publish:agent/veraPDF"]["schema:softwareVersion"] == ["1.0"]


def test_validator_versions_are_read_from_the_installed_tools() -> None:
    found = versions.validators(REPO)
    assert set(found) == {"veraPDF", "EPUBCheck", "Ace by DAISY", "Nu Html Checker"}
    assert all(v and v[0].isdigit() for v in found.values()), found
