"""``publish clean``: clean one file, or stitch and clean the fragments of one article.

Output: the cleaned Markdown on stdout, ``-o OUT`` or ``--write`` (in place, atomically);
``--diff`` shows a unified diff of what was applied; ``--suggest`` lists the edits only
suggested (below the threshold; many alike folded: :mod:`publish.suggestlist`), the edits
that accepting them brings (:mod:`publish.following`) and the diff accepting them all would
make; ``--check`` prints a summary and exits 1 when cleaning would change anything;
``--changes PATH`` writes the change log as JSON. ``--accept ID`` and ``--reject ID`` record
a reviewer's decision in the document's side file (``a.review.yaml``), where every later
build honours it.
"""

from __future__ import annotations

import argparse
import codecs
import dataclasses
import difflib
import sys
from pathlib import Path

from publish import clean, collector, decisions
from publish.changelog import change_log, summary
from publish.config import load_config
from publish.errors import CleanError, ConfigError, ContentError
from publish.following import following
from publish.fsutil import write_text
from publish.inplace import rewrite
from publish.model import Article, CleanedSource
from publish.read import display, read_source
from publish.suggestlist import listing


def _original(cleaned: CleanedSource) -> str:
    """The text as it was read (never read again: the file may have moved since)."""
    texts = [f.front_matter_text + f.body for f in cleaned.fragments]
    return "\n".join(texts) if len(texts) > 1 else texts[0]


def _check_inputs(args: argparse.Namespace, root: Path) -> None:
    try:
        codecs.lookup(args.encoding)
    except LookupError:
        raise CleanError(
            f"unknown encoding {args.encoding[:40]!r}; try gb18030, gbk, big5 or utf-8"
        ) from None
    for path in args.files:
        shown = display(path, root)
        if path.is_dir():
            raise CleanError(f"{shown}: is a folder; give its Markdown files")
        if not path.exists():
            raise CleanError(f"{shown}: no such file; check the name")


def _write(path: Path, text: str, root: Path) -> None:
    """``text`` at ``path``: a new file put in place whole, or written through what is there
    if it is not a plain file: a device or a pipe (``-o /dev/null``: a file renamed over it
    replaced the device), or a link (``-o /dev/stdout``, a link to the process's output:
    renamed over, the link was replaced and the output lost)."""
    try:
        if path.is_symlink() or (path.exists() and not (path.is_file() or path.is_dir())):
            with path.open("w", encoding="utf-8") as stream:
                stream.write(text)
        else:
            write_text(path, text)
    except OSError as exc:
        where = display(path, root)
        raise CleanError(f"{where}: cannot write: {exc.strerror}; choose another path") from None


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
    sys.stdout.write(listing(suggested))
    everything = dataclasses.replace(article.settings, threshold=0.0)
    with collector.paused():  # (no cycles among the cleaner's records: publish.collector)
        accepted = clean.clean_article(dataclasses.replace(article, settings=everything))
    more = following(cleaned.changes, accepted.changes)
    if more:
        sys.stdout.write("following from them once accepted (no suggestions of their own):\n")
        sys.stdout.write(listing(more))
    before, after = cleaned.written, accepted.written
    sys.stdout.writelines(_diff(before, after, display(args.files[0], Path.cwd())))
    brings = f"; accepting them brings {len(more)} edit(s) more, listed after them" if more else ""
    print(f"{len(suggested)} suggestion(s){brings}", file=sys.stderr)


def run(args: argparse.Namespace, root: Path) -> int:
    if args.write and len(args.files) > 1:
        raise ConfigError("--write rewrites one file; for several fragments use -o OUT")
    _check_inputs(args, root)
    article = _article(args, root)
    with collector.paused():  # (as a build cleans: publish.collector)
        cleaned = clean.clean_article(article, keep_order=args.keep_order)
    for edit_id in cleaned.stale:
        print(f"warning: review decision {edit_id} matches no edit", file=sys.stderr)
    output = cleaned.written
    original = _original(cleaned)
    if args.changes:
        _write(args.changes, change_log(cleaned), root)
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
    if args.write:
        rewrite(args.files[0], output.encode("utf-8"), name, args.force)
    elif args.output and str(args.output) != "-":  # (``-o -``: standard output, as pandoc)
        _write(args.output, output, root)
    else:
        sys.stdout.write(output)
    return 0
