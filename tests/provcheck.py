"""Checking a provenance record the way a repository would, without the network: against the
PROV-JSONLD schema, expanded as JSON-LD with the PROV-JSONLD context (both shipped with the
``prov`` package), and read back by ``prov`` itself."""

from __future__ import annotations

import json
from importlib.resources import files
from typing import Any

import jsonschema
from prov.model import ProvDocument
from pyld import jsonld

from publish.provenance import CONTEXT


def _loader(url: str, options: object = None) -> dict[str, Any]:
    assert url == CONTEXT, f"the record refers to an unexpected context: {url}"
    context = files("prov.serializers").joinpath("prov-jsonld-context.jsonld").read_text()
    return {"contextUrl": None, "documentUrl": url, "document": json.loads(context)}


def checked(data: bytes) -> ProvDocument:
    """The record, read by ``prov`` after passing the schema and JSON-LD expansion."""
    record = json.loads(data)
    schema = files("prov").joinpath("tests/schemas/prov-jsonld.schema.json").read_text()
    jsonschema.validate(record, json.loads(schema), format_checker=jsonschema.FormatChecker())
    expanded = jsonld.expand(record, {"documentLoader": _loader})
    prov = "http://www.w3.org/ns/prov#"
    kinds = {kind for node in expanded for kind in node.get("@type", [])}
    assert kinds <= {prov + k for k in _KINDS}, kinds - {prov + k for k in _KINDS}
    return ProvDocument.deserialize(content=data.decode("utf-8"), format="jsonld")


_KINDS = (
    "Entity",
    "Activity",
    "Agent",
    "Usage",
    "Generation",
    "Association",
    "Derivation",
    "Communication",
)
