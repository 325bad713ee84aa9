"""The arguments of ``publish clean`` (see :mod:`publish.cleancmd` for what they do)."""

from __future__ import annotations

import argparse
from pathlib import Path


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "files",
        nargs="+",
        type=Path,
        metavar="FILE",
        help="a Markdown file, or several fragments of one article",
    )
    target = parser.add_mutually_exclusive_group()
    target.add_argument(
        "-o",
        "--output",
        type=Path,
        metavar="OUT",
        help="write here (-: standard output, the default)",
    )
    target.add_argument("--write", action="store_true", help="rewrite FILE in place")
    parser.add_argument("--diff", action="store_true", help="print a unified diff instead")
    parser.add_argument(
        "--suggest", action="store_true", help="list the suggested edits and their diff"
    )
    parser.add_argument(
        "--check",
        action="store_true",
        help="print a summary; exit 1 if cleaning would change anything",
    )
    parser.add_argument("--changes", type=Path, metavar="PATH", help="write the change log (JSON)")
    parser.add_argument("--encoding", default="utf-8", help="input encoding (e.g. gb18030)")
    parser.add_argument("--enable", type=_names, default=(), metavar="PASS,...")
    parser.add_argument("--disable", type=_names, default=(), metavar="PASS,...")
    parser.add_argument(
        "--threshold", type=_fraction, metavar="0-1", help="how sure a structural edit must be"
    )
    parser.add_argument(
        "--force", action="store_true", help="with --write: rewrite a read-only file too"
    )
    parser.add_argument(
        "--accept", type=_names, default=(), metavar="ID,...", help="apply these suggestions"
    )
    parser.add_argument(
        "--reject", type=_names, default=(), metavar="ID,...", help="never apply these edits"
    )
    parser.add_argument(
        "--keep-order",
        action="store_true",
        help="stitch fragments in the order given, not by their jump lines",
    )


def _names(text: str) -> tuple[str, ...]:
    return tuple(n.strip() for n in text.split(",") if n.strip())


def _fraction(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = -1.0
    if not 0 <= value <= 1:
        raise argparse.ArgumentTypeError(f"must be a number from 0 to 1, got {text!r}")
    return value
