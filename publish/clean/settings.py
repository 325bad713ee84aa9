"""How a document is cleaned, from three places, each over the one before:

1. ``[clean]`` in ``publish.toml``: ``threshold``, ``enable``, ``disable``;
2. ``clean:`` in the document's front matter: the same, plus ``accept`` and ``reject``;
3. the reviewer's side file next to the document (``a.md`` -> ``a.review.yaml``; for the
   fragments of one article, ``review.yaml`` in its folder): the same keys as 2.

``threshold`` (0-1) is how sure a structural edit must be to be applied; ``enable`` and
``disable`` name passes; ``accept`` and ``reject`` list edit ids (as ``publish clean
--suggest`` and the change log show them). Every problem names the file and says what to do.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping

from publish.clean.passes import NAMES
from publish.errors import brief
from publish.model import CleanSettings

KEYS = ("threshold", "enable", "disable", "accept", "reject")
PROJECT_KEYS = ("threshold", "enable", "disable")


Locate = Callable[[str], str]  # a key -> "file:line" where it is set


def _names(value: object, key: str, where: str, problems: list[str]) -> tuple[str, ...] | None:
    if isinstance(value, str):
        value = [v.strip() for v in value.split(",") if v.strip()]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        problems.append(f"{where}: clean {key} must be a list of names, got {brief(value)}")
        return None
    return tuple(value)


def parse(
    data: object, locate: Locate, base: CleanSettings, keys: tuple[str, ...] = KEYS
) -> tuple[CleanSettings, list[str], list[str]]:
    """``base`` with the settings of ``data`` over it: (settings, errors, warnings);
    ``locate`` names the file and line of a key for messages."""
    errors: list[str] = []
    warnings: list[str] = []
    if data is None:
        return base, errors, warnings
    if not isinstance(data, Mapping):
        errors.append(
            f"{locate('clean')}: clean settings must be 'key: value' lines, got {brief(data)}"
        )
        return base, errors, warnings
    values: dict[str, object] = {}
    for key in sorted(set(map(str, data)) - set(keys)):
        warnings.append(
            f"{locate(key)}: unknown clean setting {brief(key)}; known: {', '.join(keys)}"
        )
    if "threshold" in data:
        where = locate("threshold")
        threshold = data["threshold"]
        if isinstance(threshold, int | float) and not isinstance(threshold, bool):
            if 0 <= threshold <= 1:
                values["threshold"] = float(threshold)
            else:
                errors.append(f"{where}: clean threshold must be between 0 and 1, got {threshold}")
        else:
            errors.append(f"{where}: clean threshold must be a number, got {brief(threshold)}")
    for key in ("enable", "disable", "accept", "reject"):
        if key not in data or key not in keys:
            continue
        where = locate(key)
        found = _names(data[key], key, where, errors)
        if found is None:
            continue
        if key in ("enable", "disable"):
            wrong = sorted(set(found) - set(NAMES))
            if wrong:
                errors.append(
                    f"{where}: unknown clean pass {', '.join(wrong)}; passes are: "
                    + ", ".join(NAMES)
                )
                continue
            values[key] = found
        else:
            values[key] = getattr(base, key) | frozenset(found)
    return dataclasses.replace(base, **values), errors, warnings  # type: ignore[arg-type]
