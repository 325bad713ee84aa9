"""Step 7 - the validators' verdicts on each document's outputs in the payload, for its
provenance record: veraPDF against each standard the PDF claims in its XMP, EPUBCheck and Ace by
DAISY on the EPUB, the Nu HTML Checker on the document's pages of the site.

A validator that is not installed (or cannot start) is left out with a warning, and the
records then say nothing of it; ``--strict`` turns that warning into an error. Problems are
named by their path in the bag, so that the same outputs give the same records anywhere.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from publish.errors import BuildError
from publish.provenance import Verdict
from publish.validators.epub import ace_all, epubcheck_all
from publish.validators.html import vnu
from publish.validators.pdf import claimed_flavours, verapdf_all

log = logging.getLogger(__name__)

#: veraPDF's flavour names (as :func:`claimed_flavours` gives them) as a reader knows them.
PROFILES = {"ua1": "PDF/UA-1"}
Found = dict[str, list[Verdict]]  # slug -> verdicts


@dataclass(frozen=True)
class Outputs:
    """What is checked: ``files`` maps a slug to its ``pdf``, ``epub`` and ``html`` (its page
    of the site) in the ``payload``; ``root`` is the project (where the Node tools may be)."""

    payload: Path
    root: Path
    files: Mapping[str, Mapping[str, Path]]


def profile(flavour: str) -> str:
    return PROFILES.get(flavour, f"PDF/A-{flavour}")


def _relative(problems: Sequence[str], payload: Path) -> tuple[str, ...]:
    """``problems`` naming files by their path in the bag (``data/…``), however the validator
    wrote the path of the staging folder (absolute, or relative to where it ran)."""
    staged = re.compile(rf"[^\s(\"']*{re.escape(payload.name)}/")
    return tuple(staged.sub("data/", p) for p in problems)


Run = Callable[[Outputs, Found], None]


def _pdf(outputs: Outputs, found: Found) -> None:
    """veraPDF once for every claim of every PDF (one JVM), then each claim's verdict."""
    claims = [
        (flavour, slug, files["pdf"])
        for slug, files in outputs.files.items()
        for flavour in claimed_flavours(files["pdf"])
    ]
    claims.sort(key=lambda claim: claim[0])  # (each slug's verdicts in the flavours' order)
    problems = verapdf_all([(pdf, flavour) for flavour, _, pdf in claims])
    for flavour, slug, pdf in claims:
        own = [p for p in problems if p.startswith(f"{pdf}: veraPDF {flavour} ")]
        verdict = Verdict("veraPDF", profile(flavour), "pdf", _relative(own, outputs.payload))
        found[slug].append(verdict)


def _epubcheck(outputs: Outputs, found: Found) -> None:
    found_in = epubcheck_all([files["epub"] for files in outputs.files.values()])
    for slug, files in outputs.files.items():
        problems = _relative(found_in[files["epub"]], outputs.payload)
        found[slug].append(Verdict("EPUBCheck", "EPUB 3", "epub", problems))


def _ace(outputs: Outputs, found: Found) -> None:
    found_in = ace_all([files["epub"] for files in outputs.files.values()], outputs.root)
    for slug, files in outputs.files.items():
        problems = _relative(found_in[files["epub"]], outputs.payload)
        found[slug].append(Verdict("Ace by DAISY", "EPUB Accessibility", "epub", problems))


def _nu(outputs: Outputs, found: Found) -> None:
    pages = {slug: files["html"] for slug, files in outputs.files.items()}
    if not pages:
        return
    problems = vnu(next(iter(pages.values())).parent.parent, outputs.root)
    for slug, page in pages.items():
        own = [p for p in problems if p.startswith(f"{page.parent}/")]
        found[slug].append(
            Verdict("Nu Html Checker", "HTML", "html", _relative(own, outputs.payload))
        )


_RUNS: tuple[tuple[str, Run], ...] = (
    ("veraPDF", _pdf),
    ("EPUBCheck", _epubcheck),
    ("Ace by DAISY", _ace),
    ("Nu Html Checker", _nu),
)


def collect(outputs: Outputs, installed: Mapping[str, str]) -> tuple[Found, dict[str, str]]:
    """Each document's verdicts by slug, and the versions of the validators that gave them,
    of those ``installed``."""
    found: Found = {slug: [] for slug in outputs.files}
    ran = {}
    for name, run in _RUNS:
        if name not in installed:
            log.warning(
                "archive: %s is not installed, so the provenance records hold no verdict of "
                "it; install the validators (make test-packages node-tools)",
                name,
            )
            continue
        log.info("Step 7 - %s", name)
        done: Found = {slug: [] for slug in outputs.files}
        try:
            run(outputs, done)
        except BuildError as exc:
            log.warning("archive: %s could not run: %s; its verdicts are left out", name, exc)
            continue
        ran[name] = installed[name]
        for slug, verdicts in done.items():
            found[slug].extend(verdicts)
            for verdict in verdicts:
                if verdict.problems:
                    log.warning(
                        "archive: %s: %s %s found %d problem(s), the first: %s",
                        slug,
                        verdict.validator,
                        verdict.profile,
                        len(verdict.problems),
                        verdict.problems[0],
                    )
    return found, ran
