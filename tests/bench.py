"""``make bench``: stage timings on the seed, each against a peer run in the same process.

Figures are medians of repeated runs; the ratio (ours / peer) is what to watch between
commits, since absolute times depend on the machine. Not a test: nothing here asserts a time.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from markdown_it import MarkdownIt

from publish import clean
from publish.config import load_config
from publish.formats import BuildContext, pdf
from publish.parse import parse
from publish.parse.mdit import make_parser
from publish.read import read_source
from publish.render import Renderer, labels
from publish.theme import load_theme
from publish.timestamps import ZIP_EPOCH

REPO = Path(__file__).resolve().parent.parent
SEED = REPO / "content" / "daixian-work-report.md"


def median_ms(work: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        work()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def row(name: str, ours: float, peer: float, peer_name: str) -> None:
    print(f"{name:<28} {ours:9.2f} ms   {peer_name:<34} {peer:9.2f} ms   ratio {ours / peer:5.2f}")


def corpus(megabytes: float = 10.0) -> list[str]:
    """Documents of seed and fixture text, rotated so no two are alike, >= ``megabytes``."""
    sys.path.insert(0, str(REPO / "tests"))
    from fixture_file import FIXTURES, read_fixture_file, unescape

    seed = read_source(SEED, REPO).body
    pieces = [
        unescape(case.given)
        for path in sorted((FIXTURES / "clean").glob("*.md"))
        for case in read_fixture_file(path)
    ]
    documents, size, i = [], 0, 0
    while size < megabytes * 1e6:
        extra = "\n\n".join(pieces[(i + k) % len(pieces)] for k in range(12))
        document = f"{seed}\n\n{extra}\n\n第{i}号文档。\n"
        documents.append(document)
        size += len(document.encode("utf-8"))
        i += 1
    return documents


def cleaning() -> None:
    import autocorrect_py

    documents = corpus()
    size = sum(len(d.encode("utf-8")) for d in documents) / 1e6
    passes = clean.select()
    start = time.perf_counter()
    for document in documents:
        clean.clean_text(document, "bench.md", passes=passes)
    ours = time.perf_counter() - start
    start = time.perf_counter()
    for document in documents:
        autocorrect_py.format(document)
    peer = time.perf_counter() - start
    print(f"corpus: {len(documents)} documents, {size:.1f} MB (seed + clean-pass fixtures)")
    print(
        f"{'clean (publish, all passes)':<28} {size / ours:9.2f} MB/s "
        f"  {'peer: autocorrect-py format':<34} {size / peer:9.2f} MB/s "
        f"  time ratio {ours / peer:5.2f}"
    )


def main() -> int:
    cleaning()
    config = load_config(REPO)
    source = read_source(SEED, REPO)
    cleaned = clean.clean(source)
    ours_md, plain_md = make_parser(), MarkdownIt("commonmark")
    row(
        "markdown -> HTML",
        median_ms(lambda: ours_md.render(cleaned.text), 50),
        median_ms(lambda: plain_md.render(cleaned.text), 50),
        "peer: markdown-it-py commonmark",
    )
    doc = parse(cleaned, config)
    renderer = Renderer(load_theme(config.theme, REPO), config)
    from weasyprint import CSS, HTML

    with tempfile.TemporaryDirectory() as scratch:
        ctx = BuildContext(config, (doc,), renderer, Path(scratch), ZIP_EPOCH)
        html = renderer.render("pdf.html", doc=doc, lang="zh-CN", built="", labels=labels("zh-CN"))
        css = CSS(string=renderer.stylesheet("pdf"))
        row(
            "PDF of the seed",
            median_ms(lambda: pdf.build(ctx), 3),
            median_ms(lambda: HTML(string=html).write_pdf(stylesheets=[css]), 3),
            "peer: bare WeasyPrint, same HTML",
        )
        size = (Path(scratch) / "pdf" / f"{doc.slug}.pdf").stat().st_size
    print(f"seed PDF size: {size / 1024:.0f} KiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
