"""What ``publish check`` found, said about the sources: each problem in an output file is traced
to the source document (and its line where the output names one whose text is in the source),
and one problem found by several validators (a skipped heading level: Ace in the EPUB, veraPDF
in the PDF, the Nu checker in the site) is said once, naming each validator that found it."""

from __future__ import annotations

import html
import json
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Concept:
    """A problem several validators report in their own words, and what to do about it."""

    what: str
    found: re.Pattern[str]
    todo: str


CONCEPTS = (
    Concept(
        "heading levels skip a level",
        re.compile(r"heading-order|\b7\.4\.2-1\b|skipping \d+ heading level"),
        "make each heading at most one level below the one before it (## after #)",
    ),
    Concept(
        "an image has no text alternative",
        re.compile(r"image-alt|\b7\.3-1\b|must have an .alt. attribute"),
        "describe the image: ![what it shows](file)",
    ),
)

# An output a problem names: build/epub/<slug>.epub, build/pdf/<slug>.pdf, site/<slug>/index.html,
# with the line EPUBCheck (``(EPUB/x.xhtml:15)``) or the Nu checker (``index.html:46:``) gives.
_EPUB = re.compile(r"/epub/(?P<slug>[^/\s:]+)\.epub\b(?:.*\((?P<entry>[^():]+):(?P<line>\d+))?")
_PDF = re.compile(r"/pdf/(?P<slug>[^/\s:]+)\.pdf\b")
_PAGE = re.compile(r"/site/(?P<slug>[^:\s]+?)/index\.html(?::(?P<line>\d+))?")
_TAG = re.compile(r"<[^>]*>")
_KIND = {"EPUBCheck": "EPUB", "Ace": "EPUB", "veraPDF": "PDF", "pdffonts": "PDF", "Nu": "site"}


class Sources:
    """Slug -> source path (from the change logs in ``build/clean/``), and output line -> line."""

    def __init__(self, out: Path) -> None:
        self.out = out
        self._found: dict[str, str | None] = {}

    def source(self, slug: str) -> str | None:
        if slug not in self._found:
            log = self.out / "clean" / f"{slug}.changes.json"
            try:
                self._found[slug] = str(json.loads(log.read_text("utf-8"))["source"])
            except (OSError, ValueError, KeyError, TypeError):
                self._found[slug] = None
        return self._found[slug]

    def locate(self, problem: str) -> str | None:
        """``source[:line]`` for the output ``problem`` names, when it can be traced."""
        for pattern in (_EPUB, _PAGE, _PDF):
            found = pattern.search(problem)
            if found and (source := self.source(found["slug"])):
                text = self._output_line(pattern, found)
                line = _line_of(Path(source), text) if text else None
                return f"{source}:{line}" if line else source
        return None

    def _output_line(self, pattern: re.Pattern[str], found: re.Match[str]) -> str | None:
        groups = found.groupdict()
        if not groups.get("line"):
            return None
        number = int(groups["line"])
        try:
            if pattern is _PAGE:
                lines = (self.out / "site" / found["slug"] / "index.html").read_text("utf-8")
            else:
                with zipfile.ZipFile(self.out / "epub" / f"{found['slug']}.epub") as epub:
                    lines = epub.read(groups["entry"]).decode("utf-8")
        except (OSError, KeyError, ValueError, zipfile.BadZipFile):
            return None
        chosen = lines.splitlines()[number - 1 : number]
        return html.unescape(_TAG.sub(" ", chosen[0])).strip() if chosen else None


def _line_of(source: Path, text: str) -> int | None:
    """The first line of ``source`` holding the longest word run of ``text`` (≥ 2 characters)."""
    runs = sorted((r for r in re.split(r"\s{2,}", text) if len(r.strip()) >= 2), key=len)
    try:
        lines = source.read_text("utf-8", errors="replace").splitlines()
    except OSError:
        return None
    for run in reversed(runs):
        for number, line in enumerate(lines, 1):
            if run.strip() in line:
                return number
    return None


def merged(found: list[tuple[str, str]], out: Path) -> list[str]:
    """``(validator, problem)`` pairs as lines for the user: traced to sources, a concept found
    by several validators in one document said once (where the first of them was found)."""
    sources, lines = Sources(out), []
    concepts: dict[tuple[str, str], tuple[int, str, list[str]]] = {}
    for validator, problem in found:
        where = sources.locate(problem)
        concept = next((c for c in CONCEPTS if c.found.search(problem)), None)
        if concept is None or where is None:
            lines.append(f"{where}: {problem}" if where else problem)
            continue
        key = (where.split(":")[0], concept.what)
        if key not in concepts:
            concepts[key] = (len(lines), where, [])
            lines.append("")
        index, first, by = concepts[key]
        concepts[key] = (index, first if ":" in first else where, by)
        by.append(f"{validator} in the {_KIND.get(validator, 'output')}")
    for (_, what), (index, where, by) in concepts.items():
        todo = next(c.todo for c in CONCEPTS if c.what == what)
        lines[index] = f"{where}: {what} (found by {', '.join(dict.fromkeys(by))}); {todo}"
    return lines
