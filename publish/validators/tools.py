"""Finding the external tools the validators run: programs on PATH, Node packages."""

from __future__ import annotations

import shutil
from pathlib import Path

from publish.errors import BuildError

CHROMIUM = "/usr/bin/chromium"
_CHECKOUT = Path(__file__).resolve().parent.parent.parent


def tool(name: str, hint: str) -> str:
    found = shutil.which(name)
    if not found:
        raise BuildError(f"{name} not found; {hint}")
    return found


def node_file(root: Path, relative: str) -> Path:
    """``node_modules/<relative>`` of the project, else of publish's own checkout."""
    for base in (root, _CHECKOUT):
        if (base / "node_modules" / relative).is_file():
            return base / "node_modules" / relative
    raise BuildError(f"node_modules/{relative} not installed; run: make node-tools (npm ci)")
