"""``make bench``, the cleaner: MB/s on two corpora against autocorrect-py in the same run.

- *fixtures*: the seed with the clean-pass fixtures rotated in, dense with edits;
- *real*: the committed evaluation documents (``tests/eval/corpus``), OCR'd and converted
  text nobody here wrote, repeated to the same size.

Each document is cleaned by us and formatted by the peer in turns, in processor time, so a
slow spell of the machine falls on both; ours with Python's cycle collector paused, as a build
and ``publish clean`` clean (:mod:`publish.collector`). The one-time start-up (the English
word list) is timed apart. Peak memory is measured in a child process cleaning one large
file, and its time per MB against that of a file a fifth its size (a rule whose cost grows
with the text before it shows as a ratio above 1).
"""

from __future__ import annotations

import resource
import subprocess
import sys
import time
from pathlib import Path

from publish import clean, collector
from publish.clean import words

REPO = Path(__file__).resolve().parent.parent
EVAL = REPO / "tests" / "eval" / "corpus"


def real_corpus(megabytes: float) -> list[str]:
    sources = [p.read_text("utf-8") for p in sorted(EVAL.glob("*.md")) if ".gold." not in p.name]
    documents: list[str] = []
    size = 0
    while size < megabytes * 1e6:
        document = sources[len(documents) % len(sources)]
        documents.append(document)
        size += len(document.encode("utf-8"))
    return documents


def throughput(name: str, documents: list[str]) -> None:
    import autocorrect_py

    passes = clean.select()
    ours = peer = 0.0
    for document in documents:
        start = time.process_time()
        autocorrect_py.format(document)
        middle = time.process_time()
        with collector.paused():  # (as a build and ``publish clean`` clean: publish.collector)
            _, editors = clean.clean_text(document, "bench.md", passes=passes)
            for editor in editors:  # the change log too: ids and source lines
                editor.changes()
        peer, ours = peer + middle - start, ours + time.process_time() - middle
    size = sum(len(d.encode("utf-8")) for d in documents) / 1e6
    print(
        f"clean, {name:<22} {size / ours:7.2f} MB/s   peer: autocorrect-py format "
        f"{size / peer:7.2f} MB/s   time ratio {ours / peer:5.2f}"
    )


def peak_memory(megabytes: int) -> float:
    """Peak RSS of a child process that cleans one file of ``megabytes`` MB; its seconds of
    processor time cleaning, returned."""
    found = subprocess.run(
        [sys.executable, __file__, "--peak", str(megabytes)],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=True,
    )
    before, after, seconds = (float(n) for n in found.stdout.split())
    print(
        f"clean, one {megabytes} MB file: {seconds:.1f} s, peak RSS {after / 1024:.0f} MiB "
        f"({before / 1024:.0f} MiB before)"
    )
    return seconds


def _child(megabytes: int) -> None:
    text = "\n\n".join(real_corpus(megabytes))
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    start = time.process_time()
    with collector.paused():
        clean.clean_text(text, "big.md")
    seconds = time.process_time() - start
    print(before, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, seconds)


def cleaning(megabytes: float = 4.0) -> None:
    start = time.process_time()
    words.english()
    print(f"clean, start-up (English word list, once): {time.process_time() - start:.2f} s")
    throughput("fixtures corpus", _fixtures(megabytes))
    throughput("real documents", real_corpus(megabytes))
    small, large = peak_memory(2), peak_memory(10)
    print(  # (a pattern searched from the text's start at each mark made it quadratic once)
        f"clean, one file: {large / 10:.2f} s a MB at 10 MB against {small / 2:.2f} at 2 MB "
        f"(ratio {large / 10 / (small / 2):.2f}; 1 is linear)"
    )


def _fixtures(megabytes: float) -> list[str]:
    from bench import corpus

    return corpus(megabytes)


if __name__ == "__main__" and sys.argv[1:2] == ["--peak"]:
    _child(int(sys.argv[2]))
