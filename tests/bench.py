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

from bench_big import main as big_document
from bench_check import main as checking
from bench_clean import cleaning
from bench_scale import main as scale
from markdown_it import MarkdownIt

from publish import clean, collector
from publish.config import Config, load_config
from publish.formats import BuildContext, pdf
from publish.formats.pdfhtml import for_document
from publish.formats.pdfvariants import VARIANTS
from publish.labels import labels
from publish.parse import parse
from publish.parse.mdit import make_parser
from publish.read import read_source
from publish.render import Renderer
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


def interleaved_ms(*works: Callable[[], object], repeat: int) -> list[float]:
    """Medians of the processor time of each of ``works`` run in turns (the last first), so
    that a slow spell of the machine falls on all (wall-clock time on a shared machine varies
    by 10 %)."""
    times: list[list[float]] = [[] for _ in works]
    for _ in range(repeat):
        for work, sink in reversed(list(zip(works, times, strict=True))):
            start = time.process_time()
            work()
            sink.append((time.process_time() - start) * 1000)
    return [statistics.median(t) for t in times]


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


def main() -> int:
    cleaning()  # the cleaner's figures: tests/bench_clean.py
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
    pdf_rows(config)
    big_document()  # one 50 MB source, --format html: tests/bench_big.py
    scale()  # 1,000 documents, -j, the cache, pandoc per file: tests/bench_scale.py
    checking()  # publish check on content/: tests/bench_check.py
    return 0


def _pdf_of(config: Config, body: str, scratch: Path) -> tuple[Path, Callable[[], object]]:
    """A source file with ``body`` and a function building its PDF through every stage."""
    path = scratch / "bench.md"
    path.write_text(body, encoding="utf-8")
    renderer = Renderer(load_theme(config.theme, REPO), config)

    def run() -> object:
        doc = parse(clean.clean(read_source(path, scratch)), config)
        return pdf.document(BuildContext(config, renderer, scratch / "out", ZIP_EPOCH), doc)

    return scratch / "out" / "pdf" / "bench.pdf", run


def pdf_rows(config: Config) -> None:
    """Our whole PDF path (clean, parse, template, justification, archival PDF) against bare
    WeasyPrint on the HTML we hand it, run in turns; the peer with our extension of WeasyPrint
    not applied."""
    from weasyprint import CSS, HTML

    seed_text = SEED.read_text(encoding="utf-8")
    body = seed_text.split("---\n", 2)[2]
    long_text = seed_text + "\n\n".join([body.replace("# 政府工作报告", "")] * 36)
    options = VARIANTS[config.pdf_variant].options  # the same PDF profile: tags cost WeasyPrint
    renderer = Renderer(load_theme(config.theme, REPO), config)
    css = renderer.stylesheet("pdf")  # parsed in every run of both, as a build does
    with tempfile.TemporaryDirectory() as scratch:
        for name, text, repeat in (("the seed", seed_text, 9), ("a long document", long_text, 3)):
            target, run = _pdf_of(config, text, Path(scratch))
            source = read_source(Path(scratch) / "bench.md", Path(scratch))
            doc = parse(clean.clean(source), config)
            html = renderer.render(
                "pdf.html",
                doc=doc,
                body=for_document(doc.body_html, renderer.theme.variables, doc.meta.language),
                lang="zh-CN",
                built="",
                labels=labels("zh-CN"),
            )
            run()  # warm: fonts found, our extension of WeasyPrint made (not applied to the peer)

            def peer(html: str = html) -> None:
                HTML(string=html).write_pdf(stylesheets=[CSS(string=css)], **options)

            def peer_young() -> None:  # (the collector as our PDF stage runs it)
                with collector.young_only():
                    peer()

            ours, peer_ms, young_ms = interleaved_ms(run, peer, peer_young, repeat=repeat)
            from pypdf import PdfReader

            pages = len(PdfReader(target).pages)
            row(f"PDF of {name} (all stages)", ours, peer_ms, "peer: WeasyPrint alone, same HTML")
            print(
                f"our overhead on {name} ({pages} pages, {target.stat().st_size / 1024:.0f} KiB): "
                f"{(ours - peer_ms) / peer_ms:.0%} of WeasyPrint's own time (processor time, "
                f"medians of {repeat} runs in turns); {(ours - young_ms) / young_ms:.0%} of "
                "WeasyPrint's own with the collector as our PDF stage runs it (the "
                "justification's own cost)"
            )


if __name__ == "__main__":
    sys.exit(main())
