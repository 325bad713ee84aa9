"""``[build]`` of ``publish.toml``: how a build runs (its keys checked, each with its line).

``allow_remote`` (true or false), ``jobs`` (worker processes, a whole number above 0; default
one per core), ``executor`` (``local`` or ``dask``), ``scheduler`` (the Dask scheduler's
``tcp://host:port``) and ``cache_dir`` (the build cache, relative to the project; default
``build/.cache``).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import PurePosixPath

from publish.errors import brief

KEYS = ("allow_remote", "jobs", "executor", "scheduler", "cache_dir")
EXECUTORS = ("local", "dask")


def parse(
    section: object, where: Callable[[str], str]
) -> tuple[dict[str, object], list[str], list[str]]:
    """(Config values, errors, warnings) of the ``[build]`` table ``section``."""
    values: dict[str, object] = {}
    errors: list[str] = []
    if not isinstance(section, dict):
        return values, [f"{where('build')}: [build] must be a table"], []
    warnings = [
        f"{where(key)}: unknown key build.{key}; known: {', '.join(KEYS)}"
        for key in sorted(set(section) - set(KEYS))
    ]
    for key, value in section.items():
        if key == "allow_remote" and isinstance(value, bool):
            values[key] = value
        elif key == "allow_remote":
            errors.append(f"{where(key)}: build.allow_remote must be true or false")
        elif key == "jobs" and isinstance(value, int) and not isinstance(value, bool):
            if value >= 1:
                values[key] = value
            else:
                errors.append(f"{where(key)}: build.jobs must be 1 or more, got {value}")
        elif key == "jobs":
            errors.append(f"{where(key)}: build.jobs must be a whole number, got {brief(value)}")
        elif key == "executor":
            if value in EXECUTORS:
                values[key] = value
            else:
                errors.append(
                    f"{where(key)}: build.executor {brief(value)} is not one of "
                    f"{', '.join(EXECUTORS)}"
                )
        elif key in ("scheduler", "cache_dir") and not (isinstance(value, str) and value.strip()):
            errors.append(f"{where(key)}: build.{key} must be a non-empty string")
        elif key == "cache_dir":
            path = PurePosixPath(value)
            if path.is_absolute() or ".." in path.parts:
                errors.append(
                    f"{where(key)}: build.cache_dir {brief(value)} leads out of the project; "
                    "give a folder inside it, such as build/.cache"
                )
            else:
                values[key] = value.strip()
        elif key == "scheduler":
            values[key] = value.strip()
    return values, errors, warnings
