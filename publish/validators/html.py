"""Site validators: the Nu HTML Checker (npm ``vnu-jar``, on the JRE), a link and anchor check,
and screenshots in headless chromium for a person to look at."""

from __future__ import annotations

import json
import re
import subprocess
import tempfile
import zipfile
from pathlib import Path
from typing import Any

from publish.errors import BuildError, telling
from publish.validators.jvm import java
from publish.validators.tools import CHROMIUM, node_file


def vnu(site: Path, root: Path) -> list[str]:
    """The Nu HTML Checker's errors on every page of ``site`` and its CSS, in one JVM."""
    pages = sorted(p for p in site.rglob("*.html") if "pagefind" not in p.parts)
    files = pages + sorted((site / "static").glob("*.css"))
    if not files:
        return []
    jar = node_file(root, "vnu-jar/build/dist/vnu.jar")
    options = ["--errors-only", "--format", "json", "--also-check-css"]
    run = subprocess.run(
        [*java(), "-jar", str(jar), *options, *files],
        capture_output=True,
        text=True,
        check=False,
    )
    said = [line for line in run.stderr.splitlines() if not line.startswith("Picked up ")]
    try:  # (the JVM's own lines first when _JAVA_OPTIONS or JAVA_TOOL_OPTIONS is set)
        report = json.loads("\n".join(said) or '{"messages": []}')
    except ValueError:
        report = {}
    if run.returncode and not report.get("messages"):  # it stopped without a verdict
        raise BuildError(f"the Nu HTML checker failed: {telling(run.stderr)}")
    return [
        f"{m.get('url', '').removeprefix('file:')}:{_line(m)}: vnu: {m['message']}"
        for m in report.get("messages", [])
        if m.get("type") == "error" or m.get("subType") == "fatal"
    ]


def _line(message: dict[str, Any]) -> str:
    """The line of a Nu message. Once CSS is checked too, Nu moves every line one up (right
    for a style sheet's lines, which it counts from a line of its own): a page's line is put
    back."""
    line = message.get("lastLine")
    if not isinstance(line, int):
        return "?"
    return str(line if str(message.get("url", "")).endswith(".css") else line + 1)


_LINK = re.compile(r'(?:href|src)="([^"]+)"')
_ANCHOR = re.compile(r'\bid="([^"]+)"')


def broken_links(site: Path) -> list[str]:
    """Internal links and anchors of ``site`` that lead nowhere."""
    anchors: dict[Path, set[str]] = {}

    def ids(page: Path) -> set[str]:
        if page not in anchors:
            anchors[page] = set(_ANCHOR.findall(page.read_text("utf-8")))
        return anchors[page]

    problems = []
    for page in sorted(site.rglob("*.html")):
        if "pagefind" in page.parts:
            continue
        for link in _LINK.findall(page.read_text("utf-8")):
            if re.match(r"^[a-z][a-z0-9+.-]*:", link) or link.startswith("//"):
                continue  # absolute URLs: the canonical, feed and sitemap addresses
            path_part, _, fragment = link.partition("#")
            path_part = path_part.split("?")[0]
            target = (page.parent / path_part).resolve() if path_part else page
            if target.is_dir():
                target = target / "index.html"
            if not target.is_file():
                problems.append(f"{page}: broken link {link}")
            elif fragment and target.suffix == ".html" and fragment not in ids(target):
                problems.append(f"{page}: broken anchor {link}")
    return problems


def screenshot(page: Path, target: Path, width: int = 800, height: int = 1100) -> Path:
    """A PNG of ``page`` rendered by headless chromium, for a person to look at."""
    target.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(
            [
                CHROMIUM,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                f"--user-data-dir={profile}",
                "--hide-scrollbars",
                f"--window-size={width},{height}",
                f"--screenshot={target}",
                page.as_uri(),
            ],
            capture_output=True,
            check=True,
            timeout=120,
        )
    return target


def epub_screenshots(epub: Path, out: Path) -> list[Path]:
    """Screenshots of every chapter of ``epub`` under ``out/screenshots/``."""
    shots = []
    with tempfile.TemporaryDirectory() as folder, zipfile.ZipFile(epub) as archive:
        archive.extractall(folder)
        chapters = sorted(Path(folder).glob("EPUB/*.xhtml"))
        for page in (p for p in chapters if p.name not in ("nav.xhtml",)):
            name = f"epub-{epub.stem}-{page.stem}.png"
            shots.append(screenshot(page.resolve(), out / "screenshots" / name))
    return shots
