"""``publish clean``: clean one file, or stitch and clean the fragments of one article.

Output: the cleaned Markdown on stdout, ``-o OUT`` or ``--write`` (in place, atomically);
``--diff`` shows a unified diff of what was applied; ``--suggest`` lists the edits only
suggested (below the threshold) and the diff accepting them all would make; ``--check``
prints a summary and exits 1 when cleaning would change anything; ``--changes PATH`` writes
the change log as JSON. ``--accept ID`` and ``--reject ID`` record a reviewer's decision in the
document's side file (``a.review.yaml``), where every later build honours it.
"""

from __future__ import annotations

import argparse
import dataclasses
import difflib
import sys
from pathlib import Path

from publish import clean, decisions
from publish.changelog import change_log, summary
from publish.config import load_config
from publish.errors import ConfigError, ContentError
from publish.fsutil import write_text
from publish.model import Article, Change, CleanedSource
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
        "--threshold", type=float, metavar="0-1", help="how sure a structural edit must be"
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


def _original(cleaned: CleanedSource, encoding: str) -> str:
    texts = [
        decode(f.path, f.path.read_bytes(), f.display_path, encoding) for f in cleaned.fragments
    ]
    return "\n".join(texts) if len(texts) > 1 else texts[0]


def _article(args: argparse.Namespace, root: Path) -> Article:
    problems: list[str] = []
    sources = []
    for path in args.files:
        try:
            sources.append(read_source(path, root, args.encoding, check_slug=False))
        except ContentError as exc:
            problems.extend(exc.problems)
    if problems:
        raise ContentError(*problems)
    first = sources[0]
    where = first.path.parent if len(sources) > 1 else first.path
    if args.accept or args.reject:
        saved = decisions.record(where, args.accept, args.reject)
        print(f"{display(saved, root)}: decisions recorded", file=sys.stderr)
    defaults = load_config(root).clean
    settings = decisions.settings(sources, where, display(where, root), defaults)
    if args.threshold is not None:
        if not 0 <= args.threshold <= 1:
            raise ConfigError(f"--threshold must be between 0 and 1, got {args.threshold}")
        settings = dataclasses.replace(settings, threshold=args.threshold)
    enable, disable = settings.enable + args.enable, settings.disable + args.disable
    settings = dataclasses.replace(settings, enable=enable, disable=disable)
    return Article(first.slug, first.path, first.display_path, tuple(sources), settings)


def _diff(before: str, after: str, name: str) -> list[str]:
    return list(
        difflib.unified_diff(
            before.splitlines(keepends=True),
            after.splitlines(keepends=True),
            fromfile=f"a/{name}",
            tofile=f"b/{name}",
        )
    )


def _suggestions(article: Article, cleaned: CleanedSource, args: argparse.Namespace) -> None:
    suggested = [c for c in cleaned.changes if not c.applied and c.decision != "rejected"]
    for change in suggested:
        sys.stdout.write(_describe(change))
    everything = dataclasses.replace(article.settings, threshold=0.0)
    accepted = clean.clean_article(dataclasses.replace(article, settings=everything))
    before = cleaned.source.front_matter_text + cleaned.text
    after = accepted.source.front_matter_text + accepted.text
    sys.stdout.writelines(_diff(before, after, display(args.files[0], Path.cwd())))
    print(f"{len(suggested)} suggestion(s)", file=sys.stderr)


def _describe(change: Change) -> str:
    evidence = "; ".join(change.evidence)
    return (
        f"{change.id}  {change.pass_name}  {change.path}:{change.line}  "
        f"confidence {change.confidence:.2f}\n"
        f"  - {change.before!r}\n  + {change.after!r}\n  because: {evidence}\n"
    )


def run(args: argparse.Namespace, root: Path) -> int:
    if args.write and len(args.files) > 1:
        raise ConfigError("--write rewrites one file; for several fragments use -o OUT")
    article = _article(args, root)
    cleaned = clean.clean_article(article, keep_order=args.keep_order)
    for edit_id in cleaned.stale:
        print(f"warning: review decision {edit_id} matches no edit", file=sys.stderr)
    output = cleaned.source.front_matter_text + cleaned.text
    original = _original(cleaned, args.encoding)
    if args.changes:
        write_text(args.changes, change_log(cleaned))
    name = display(args.files[0], root)
    if args.check:
        counts = summary(cleaned)
        changed = output != original
        by_pass: dict[str, int] = {}
        for change in cleaned.changes:
            if change.applied:
                by_pass[change.pass_name] = by_pass.get(change.pass_name, 0) + 1
        detail = ", ".join(f"{p} {n}" for p, n in by_pass.items())
        verdict = f"{counts['applied']} change(s) ({detail})" if changed else "already clean"
        names = " + ".join(display(p, root) for p in args.files)
        print(f"{names}: {verdict}; {counts['suggested']} suggestion(s)", file=sys.stderr)
        return 1 if changed else 0
    if args.suggest:
        _suggestions(article, cleaned, args)
        return 0
    if args.diff:
        sys.stdout.writelines(_diff(original, output, name))
        suggested = summary(cleaned)["suggested"]
        if suggested:
            print(
                f"{suggested} suggestion(s) not applied: publish clean --suggest", file=sys.stderr
            )
        return 0
    if args.write or args.output:
        write_text(args.files[0] if args.write else args.output, output)
    else:
        sys.stdout.write(output)
    return 0
