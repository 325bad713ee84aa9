"""``publish clean``: clean one file, or stitch and clean the fragments of one article.

Output: the cleaned Markdown on stdout, ``-o OUT`` or ``--write`` (in place, atomically);
``--diff`` shows a unified diff instead; ``--check`` prints a summary and exits 1 when cleaning
would change anything; ``--changes PATH`` writes the change log as JSON.
"""

from __future__ import annotations

import argparse
import difflib
import json
import sys
from collections import Counter
from pathlib import Path

from publish import clean
from publish.errors import ConfigError, ContentError
from publish.fsutil import write_text
from publish.model import Article, CleanedSource
from publish.read import decode, display, read_source


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "files",
        nargs="+",
        type=Path,
        metavar="FILE",
        help="a Markdown file, or several fragments of one article",
    )
    target = parser.add_mutually_exclusive_group()
    target.add_argument("-o", "--output", type=Path, metavar="OUT", help="write here")
    target.add_argument("--write", action="store_true", help="rewrite FILE in place")
    parser.add_argument("--diff", action="store_true", help="print a unified diff instead")
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
        "--keep-order",
        action="store_true",
        help="stitch fragments in the order given, not by their jump lines",
    )


def _names(text: str) -> tuple[str, ...]:
    return tuple(n.strip() for n in text.split(",") if n.strip())


def _original(cleaned: CleanedSource, root: Path, encoding: str) -> str:
    texts = [
        decode(f.path, f.path.read_bytes(), f.display_path, encoding) for f in cleaned.fragments
    ]
    return "\n".join(texts) if len(texts) > 1 else texts[0]


def run(args: argparse.Namespace, root: Path) -> int:
    passes = clean.select(args.enable, args.disable)
    if args.write and len(args.files) > 1:
        raise ConfigError("--write rewrites one file; for several fragments use -o OUT")
    problems: list[str] = []
    sources = []
    for path in args.files:
        try:
            sources.append(read_source(path, root, args.encoding))
        except ContentError as exc:
            problems.extend(exc.problems)
    if problems:
        raise ContentError(*problems)
    first = sources[0]
    article = Article(first.slug, first.path, first.display_path, tuple(sources))
    cleaned = clean.clean_article(article, passes, args.keep_order)
    output = cleaned.source.front_matter_text + cleaned.text
    original = _original(cleaned, root, args.encoding)
    if args.changes:
        log = {
            "fragments": [f.display_path for f in cleaned.fragments],
            "passes": [p.name for p in passes],
            "jumps": [j.as_json() for j in cleaned.jumps],
            "changes": [c.as_json() for c in cleaned.changes],
        }
        write_text(args.changes, json.dumps(log, ensure_ascii=False, indent=2) + "\n")
    if args.check:
        by_pass = Counter(c.pass_name for c in cleaned.changes)
        detail = ", ".join(f"{name} {count}" for name, count in by_pass.items())
        names = " + ".join(display(p, root) for p in args.files)
        changed = output != original
        verdict = f"{len(cleaned.changes)} change(s) ({detail})" if changed else "already clean"
        print(f"{names}: {verdict}", file=sys.stderr)
        return 1 if changed else 0
    if args.diff:
        name = display(args.files[0], root)
        sys.stdout.writelines(
            difflib.unified_diff(
                original.splitlines(keepends=True),
                output.splitlines(keepends=True),
                fromfile=f"a/{name}",
                tofile=f"b/{name}",
            )
        )
        return 0
    if args.write or args.output:
        write_text(args.files[0] if args.write else args.output, output)
    else:
        sys.stdout.write(output)
    return 0
