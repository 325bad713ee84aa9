"""PROV-JSONLD statements, one small function each: nodes (entity, activity, software agent)
and the relations between them (used, generated, derived, associated, informed), with values
written as the PROV-JSONLD schema wants them (lists, typed literals, language strings)."""

from __future__ import annotations

from urllib.parse import quote

Statement = dict[str, object]


def node(name: str) -> str:
    """``publish:<name>``, with what an IRI can't hold percent-encoded."""
    return "publish:" + quote(name, safe="/._-~")


def text(*values: str) -> list[str]:
    return list(values)


def count(value: int) -> list[dict[str, str]]:
    return [{"@value": str(value), "@type": "xsd:int"}]


def label(value: str) -> list[dict[str, str]]:
    return [{"@value": value}]


def entity(key: str, **extra: object) -> Statement:
    return {"@type": "Entity", "@id": key if ":" in key else node(key), **extra}


def activity(key: str, name: str, **extra: object) -> Statement:
    return {"@type": "Activity", "@id": node(key), "label": label(name), **extra}


def software(name: str, version: str) -> Statement:
    return {
        "@type": "Agent",
        "@id": node(f"agent/{name}"),
        "type": ["prov:SoftwareAgent"],
        "label": label(name),
        "schema:softwareVersion": text(version),
    }


def used(by: str, what: str) -> Statement:
    return {"@type": "Usage", "activity": by, "entity": what}


def generated(what: str, by: str) -> Statement:
    return {"@type": "Generation", "entity": what, "activity": by}


def derived(what: str, source: str) -> Statement:
    return {"@type": "Derivation", "generatedEntity": what, "usedEntity": source}


def associated(by: str, agent: str) -> Statement:
    return {"@type": "Association", "activity": by, "agent": node(f"agent/{agent}")}


def informed(by: str, informant: str) -> Statement:
    return {"@type": "Communication", "informed": by, "informant": informant}
