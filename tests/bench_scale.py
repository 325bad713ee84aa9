"""``make bench``, the scale section: 1,000 generated documents (:mod:`scale_corpus`) built to
site and EPUB, against pandoc run once per file on the same documents, in the same run.

Figures: the full build at ``-j 1`` and ``-j 2`` (without the cache), a full build filling the
cache, a rebuild with nothing changed, a rebuild after one edited document; the peak memory of
each build (the build, its worker processes and Pagefind together: the sum of their
proportional set sizes, sampled every 20 ms), and pandoc's
time to make the same HTML and EPUB one file at a time. Not a test: nothing here asserts a
time; the issue's targets are printed beside the figures.

    python tests/bench_scale.py [COUNT]
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil
from scale_corpus import make_corpus

EPOCH = {"SOURCE_DATE_EPOCH": "1735689600"}


def _pss(process: psutil.Process) -> int:
    """The process's proportional set size: its own pages, and its share of shared ones (a
    forked worker shares its parent's until either writes them)."""
    return int(process.memory_full_info().pss)


def measured(args: list[str], cwd: Path) -> tuple[float, float]:
    """Seconds and peak MiB (the process and its children, their PSS summed) of ``args``."""
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
    return seconds, peak / 2**20


def publish(root: Path, *args: str) -> tuple[float, float]:
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


def main(count: int = 1000) -> None:
    print(
        f"\n# scale: {count} generated documents of 3-15 KB, site and EPUB "
        f"(load {os.getloadavg()[0]:.1f})"
    )
    with tempfile.TemporaryDirectory() as scratch:
        root = make_corpus(Path(scratch) / "project", count)
        size = sum(p.stat().st_size for p in (root / "content").glob("*.md")) / 2**20
        print(f"sources: {size:.1f} MiB")
        one, rss_one = publish(root, "-j", "1", "--no-cache")
        two, rss_two = publish(root, "-j", "2", "--no-cache")
        full, rss_full = publish(root, "-j", "2")  # fills the cache
        same, rss_same = publish(root, "-j", "2")
        page = root / "content" / f"doc-{count // 2:05d}.md"
        page.write_text(page.read_text("utf-8") + "\nOne more line.\n", "utf-8")
        edit, rss_edit = publish(root, "-j", "2")
        peer = pandoc(root)
    rows = [
        ("full build -j 1, no cache", one, rss_one),
        ("full build -j 2, no cache", two, rss_two),
        ("full build -j 2, filling the cache", full, rss_full),
        ("rebuild, nothing changed", same, rss_same),
        ("rebuild, one document edited", edit, rss_edit),
    ]
    for name, seconds, peak in rows:
        print(f"{name:40} {seconds:7.2f} s   peak {peak:6.0f} MiB")
    print(f"-j 2 against -j 1: {one / two:.2f}x faster (target >= 1.8x)")
    print(
        f"one-edit rebuild {edit:.2f} s (target <= 1 s); no-change {same:.2f} s (target <= 0.3 s)"
    )
    print(f"peak memory {max(rss_one, rss_two, rss_full):.0f} MiB (target <= 300 MiB)")
    if peer is None:
        print("pandoc is not installed: no peer figure (apt-get install pandoc)")
    else:
        print(
            f"pandoc per file, HTML and EPUB: {peer:.1f} s; publish -j 2 / pandoc = "
            f"{two / peer:.2f} (target <= 0.3), -j 1 / pandoc = {one / peer:.2f}"
        )


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 1000)
