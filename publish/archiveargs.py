"""The options of ``publish archive``, apart from the command (the parser is made on every run
of ``publish``; the archive's modules are imported only when it runs)."""

from __future__ import annotations

import argparse
from pathlib import Path

from publish import cliparse
from publish.formats.pdfvariants import VARIANTS


def add_arguments(parser: argparse.ArgumentParser) -> None:
    cliparse.add_sources(parser)
    parser.add_argument("--out", type=Path, help="folder for the bag (default: build/archive/)")
    parser.add_argument("--tar", action="store_true", help="also write the bag as one .tar")
    parser.add_argument("--theme", default="", help="theme name (default: publish.toml's theme)")
    parser.add_argument(
        "--pdf-variant",
        choices=tuple(name for name, v in VARIANTS.items() if v.pdfa),
        default="",
        metavar="VARIANT",
        help="pdf/a-3u (default), pdf/a-3b, pdf/a-2u or pdf/a-2b",
    )
    parser.add_argument("--strict", action="store_true", help="fail on any warning")
    parser.add_argument(
        "--verify",
        type=Path,
        metavar="BAG",
        help="check a bag (folder or .tar) instead: every missing, extra or altered file",
    )
