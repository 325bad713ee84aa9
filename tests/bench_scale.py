"""``make bench``, the scale section: 1,000 generated documents (:mod:`scale_corpus`) built to
site and EPUB, against pandoc run once per file on the same documents, in the same run.

Figures: the full build at ``-j 1`` and ``-j 2`` (without the cache), a full build filling the
cache, a rebuild with nothing changed, a rebuild after one edited document, and the same
project with PDFs too (a full build filling the cache, a rebuild after one edit, and what
importing WeasyPrint alone takes, which such a rebuild cannot avoid); the peak memory of
each build (the build, its worker processes and Pagefind together: the sum of their
proportional set sizes, sampled every 20 ms), the processor time of each (the build and every
process it waited for: its workers and Pagefind), and pandoc's
time to make the same HTML and EPUB one file at a time. Not a test: nothing here asserts a
time; the issue's targets are printed beside the figures.

The processor time says where ``-j 2`` falls short on two cores: a build that keeps ``c``
cores busy on average at ``-j 1`` (about one) can be at most ``2 / c`` times faster on two, as
``-j 2`` has at least the same work to do; the cores ``-j 2`` leaves idle are the rest.

    python tests/bench_scale.py [COUNT]
"""

from __future__ import annotations

import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import NamedTuple

import psutil
from scale_corpus import make_corpus

EPOCH = {"SOURCE_DATE_EPOCH": "1735689600"}


def _pss(process: psutil.Process) -> int:
    """The process's proportional set size: its own pages, and its share of shared ones (a
    forked worker shares its parent's until either writes them)."""
    return int(process.memory_full_info().pss)


class Run(NamedTuple):
    seconds: float
    peak: float  # MiB: the process and its children, their PSS summed
    processor: float  # seconds of processor time: the process and those it waited for


def _processor() -> float:
    """Processor seconds of this process's children that have ended and were waited for
    (theirs and, in turn, their own such children's)."""
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime


def measured(args: list[str], cwd: Path) -> Run:
    """Wall seconds, peak memory and processor time of ``args``."""
    before = _processor()
    start = time.perf_counter()
    child = subprocess.Popen(
        args,
        cwd=cwd,
        env={**os.environ, **EPOCH},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    parent, peak = psutil.Process(child.pid), 0
    while child.poll() is None:
        try:
            tree = [parent, *parent.children(recursive=True)]
            peak = max(peak, sum(_pss(p) for p in tree if p.is_running()))
        except psutil.Error:
            pass
        time.sleep(0.02)
    seconds = time.perf_counter() - start
    if child.returncode != 0:
        errors = child.stderr.read().decode()[-500:] if child.stderr else ""
        raise SystemExit(f"{' '.join(args)} failed: {errors}")
    return Run(seconds, peak / 2**20, _processor() - before)


def publish(root: Path, *args: str) -> Run:
    return measured([sys.executable, "-m", "publish", "-q", "build", *args], root)


def pandoc(root: Path) -> float | None:
    """pandoc's seconds for the HTML and the EPUB of every document, one file at a time."""
    if shutil.which("pandoc") is None:
        return None
    out = root / "pandoc"
    out.mkdir()
    start = time.perf_counter()
    for source in sorted((root / "content").glob("*.md")):
        for kind in ("html", "epub"):
            target = out / f"{source.stem}.{kind}"
            subprocess.run(["pandoc", "-s", str(source), "-o", str(target)], check=True)
    return time.perf_counter() - start


def _with_pdf(root: Path, count: int) -> tuple[Run, Run]:
    """The same project with PDFs too: a full ``-j 2`` build filling the cache, then a rebuild
    after one more edited document (the issue's one-edit target names its PDF)."""
    config = root / "publish.toml"
    text = config.read_text("utf-8").replace('["epub", "html"]', '["pdf", "epub", "html"]')
    config.write_text(text, "utf-8")
    full = publish(root, "-j", "2")
    page = root / "content" / f"doc-{count // 2 + 1:05d}.md"
    page.write_text(page.read_text("utf-8") + "\nOne more line.\n", "utf-8")
    return full, publish(root, "-j", "2")


def _weasyprint_import() -> float:
    """Seconds a new Python process takes to import WeasyPrint, less its start."""
    bare = measured([sys.executable, "-c", "pass"], Path.cwd()).seconds
    return measured([sys.executable, "-c", "import weasyprint"], Path.cwd()).seconds - bare


def main(count: int = 1000) -> None:
    print(
        f"\n# scale: {count} generated documents of 3-15 KB, site and EPUB "
        f"(load {os.getloadavg()[0]:.1f})"
    )
    with tempfile.TemporaryDirectory() as scratch:
        root = make_corpus(Path(scratch) / "project", count)
        size = sum(p.stat().st_size for p in (root / "content").glob("*.md")) / 2**20
        print(f"sources: {size:.1f} MiB")
        one = publish(root, "-j", "1", "--no-cache")
        two = publish(root, "-j", "2", "--no-cache")
        full = publish(root, "-j", "2")  # fills the cache
        same = publish(root, "-j", "2")
        page = root / "content" / f"doc-{count // 2:05d}.md"
        page.write_text(page.read_text("utf-8") + "\nOne more line.\n", "utf-8")
        edit = publish(root, "-j", "2")
        peer = pandoc(root)
        pdf_full, pdf_edit = _with_pdf(root, count)
    rows = [
        ("full build -j 1, no cache", one),
        ("full build -j 2, no cache", two),
        ("full build -j 2, filling the cache", full),
        ("rebuild, nothing changed", same),
        ("rebuild, one document edited", edit),
    ]
    for name, run in rows:
        print(
            f"{name:40} {run.seconds:7.2f} s   peak {run.peak:6.0f} MiB   "
            f"processor {run.processor:6.2f} s ({run.processor / run.seconds:.2f} cores)"
        )
    cores = one.processor / one.seconds
    print(
        f"-j 2 against -j 1: {one.seconds / two.seconds:.2f}x faster (target >= 1.8x; "
        f"at most {2 / cores:.2f}x on two cores, as -j 1 keeps {cores:.2f} busy)"
    )
    print(
        f"one-edit rebuild {edit.seconds:.2f} s (target <= 1 s); "
        f"no-change {same.seconds:.2f} s (target <= 0.3 s)"
    )
    print(f"peak memory {max(one.peak, two.peak, full.peak):.0f} MiB (target <= 300 MiB)")
    print(
        f"with PDFs too: full build -j 2 {pdf_full.seconds:.1f} s, one-edit rebuild "
        f"{pdf_edit.seconds:.2f} s (target <= 1 s); importing WeasyPrint alone takes "
        f"{_weasyprint_import():.2f} s"
    )
    if peer is None:
        print("pandoc is not installed: no peer figure (apt-get install pandoc)")
    else:
        print(
            f"pandoc per file, HTML and EPUB: {peer:.1f} s; publish -j 2 / pandoc = "
            f"{two.seconds / peer:.2f} (target <= 0.3), -j 1 / pandoc = {one.seconds / peer:.2f}"
        )


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 1000)
