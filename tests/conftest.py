"""Shared helpers: tiny sample projects in a temporary folder, and running the real CLI."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent

MakeProject = Callable[[dict[str, str | bytes]], Path]


@pytest.fixture
def make_project(tmp_path: Path) -> MakeProject:
    """Write ``{relative path: text or bytes}`` under a fresh project folder and return it."""

    def make(files: dict[str, str | bytes]) -> Path:
        root = tmp_path / "project"
        for name, content in files.items():
            path = root / name
            path.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(content, bytes):
                path.write_bytes(content)
            else:
                path.write_text(content, encoding="utf-8")
        (root / "content").mkdir(parents=True, exist_ok=True)
        return root

    return make


def run_cli(
    args: list[str], cwd: Path, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """Run ``python -m publish ARGS`` in ``cwd`` as a user would."""
    return subprocess.run(
        [sys.executable, "-m", "publish", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
        check=False,
    )


def files_under(folder: Path) -> list[Path]:
    """The files under ``folder``, but for the build cache (``.cache/``)."""
    if not folder.exists():
        return []
    return sorted(
        p for p in folder.rglob("*") if p.is_file() and p.relative_to(folder).parts[0] != ".cache"
    )


def build_repo(out: Path, **options: object) -> Path:
    """Build this repository's content into ``out`` at a fixed SOURCE_DATE_EPOCH (2025-01-01)."""
    from publish.build import BuildOptions, build
    from publish.config import load_config

    saved = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = "1735689600"
    try:
        build(load_config(REPO), BuildOptions(out=out, **options))  # type: ignore[arg-type]
    finally:
        os.environ.pop("SOURCE_DATE_EPOCH", None)
        if saved is not None:
            os.environ["SOURCE_DATE_EPOCH"] = saved
    return out
