"""``publish archive``: its arguments, and what it does with them: make a bag
(:func:`publish.archive.archive`), or with ``--verify BAG`` check one (a folder, or a ``.tar``
unpacked first into a temporary folder, with tarfile's ``data`` filter)."""

from __future__ import annotations

import argparse
import logging
import sys
import tarfile
import tempfile
from pathlib import Path

from publish.archive import ArchiveOptions, archive
from publish.archive.layout import ArchiveError
from publish.archive.verify import verify
from publish.config import load_config
from publish.logs import WarningCounter

log = logging.getLogger("publish")


def _unpacked(tar: Path, into: Path) -> Path:
    try:
        with tarfile.open(tar) as archive_file:
            archive_file.extractall(into, filter="data")
    except tarfile.FilterError as exc:  # an absolute or ../ path, a link out of the bag
        raise ArchiveError(
            f"{tar}: member {exc.tarinfo.name!r} would land outside the bag ({exc}); the tar "
            "is not a bag publish wrote: unpack it by hand and check it"
        ) from None
    except (tarfile.TarError, OSError, EOFError) as exc:
        raise ArchiveError(
            f"{tar}: cannot unpack ({exc or 'truncated'}); give the bag's folder instead"
        ) from None
    tops = list(into.iterdir())
    if len(tops) != 1 or not tops[0].is_dir():
        raise ArchiveError(f"{tar}: holds {len(tops)} top-level entries, a bag's tar holds one")
    if not (tops[0] / "bagit.txt").is_file() or not (tops[0] / "data").is_dir():
        raise ArchiveError(
            f"{tar}: {tops[0].name}/ holds no bagit.txt and data/: not a bag, or a truncated "
            "tar; take another copy"
        )
    return tops[0]


def _verify(bag: Path) -> int:
    if not bag.exists():
        raise ArchiveError(f"{bag}: no such bag; give the folder (or .tar) publish archive wrote")
    with tempfile.TemporaryDirectory() as scratch:
        folder = _unpacked(bag, Path(scratch)) if bag.is_file() else bag
        problems = verify(folder)
        shown = str(bag) if folder == bag else f"{bag}:{folder.name}"
        for problem in problems:
            print(f"archive: {problem.replace(str(folder), shown, 1)}", file=sys.stderr)
    if problems:
        log.info("archive: %s: %d problem(s)", bag, len(problems))
        return 1
    log.info("archive: %s: complete, every checksum matches", bag)
    return 0


def run(args: argparse.Namespace, root: Path, counter: WarningCounter) -> int:
    if args.verify:
        return _verify(args.verify)
    options = ArchiveOptions(
        tuple(args.sources), args.theme, args.out, args.strict, args.pdf_variant, args.tar
    )
    for path in archive(load_config(root), options, counter):
        log.info("Wrote %s", path)
    return 0
