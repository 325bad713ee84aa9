"""``publish archive --verify BAG``: fixity and completeness of a bag, read the way RFC 8493
says, naming every file that is missing, extra or altered (not just the first).

- ``bagit.txt``: ``BagIt-Version`` 0.97 or 1.0, then ``Tag-File-Character-Encoding``;
- the tag manifests first: each file they list must exist and match. A manifest that fails is
  named as the thing to restore, and the payload lines it disagrees on say so;
- each payload manifest must list every file under ``data/`` (and nothing outside it), and
  each file must match; a file one manifest lists and another does not means a lost manifest
  line, a file none lists is extra;
- ``Payload-Oxum`` in ``bag-info.txt``, when present, must give the payload's bytes and files;
- no symbolic link anywhere, no manifest path leading outside the bag.

Paths in manifests are read as RFC 8493 2.1.3 writes them: only ``%0D``, ``%0A`` and ``%25``
are decoded. Tag files no tag manifest lists are allowed (RFC 8493 does not require a tag
manifest to be complete); publish's own bags list them all. Each file is read once.
"""

from __future__ import annotations

import logging
import os
import re
from pathlib import Path

from publish.archive import manifests
from publish.archive.layout import ArchiveError

log = logging.getLogger(__name__)
_RESTORE = "restore it from another copy of the bag"
_VERSION = re.compile(r"^BagIt-Version: (0\.97|1\.0)\r?\n(Tag-File-Character-Encoding: \S+)")


def _files(bag: Path, problems: list[str]) -> list[str]:
    """Every regular file of the bag, by its path in the bag; every link is a problem."""
    found = []
    for folder, dirs, names in os.walk(bag):
        for name in sorted(dirs + names):
            path = Path(folder) / name
            if path.is_symlink():
                problems.append(f"{path}: a symbolic link; a bag holds files only: {_RESTORE}")
            elif name in names and path.is_file():
                found.append(path.relative_to(bag).as_posix())
        dirs[:] = [d for d in dirs if not (Path(folder) / d).is_symlink()]
    return sorted(found)


def _bagit_txt(bag: Path, problems: list[str]) -> None:
    try:
        text = (bag / "bagit.txt").read_bytes().decode("utf-8")
    except UnicodeDecodeError:
        text = ""
    if not _VERSION.match(text):
        problems.append(
            f"{bag / 'bagit.txt'}:1: not 'BagIt-Version: 1.0' (or 0.97) then "
            f"'Tag-File-Character-Encoding: UTF-8'; {_RESTORE}"
        )


def _oxum(bag: Path, payload: list[str], problems: list[str]) -> None:
    info = bag / "bag-info.txt"
    for label, value, number in manifests.labels(info, problems):
        if label.lower() == "payload-oxum":
            total = sum((bag / name).stat().st_size for name in payload)
            if value != f"{total}.{len(payload)}":
                problems.append(
                    f"{info}:{number}: Payload-Oxum {value} but the payload is {total} bytes "
                    f"in {len(payload)} files: it changed since it was bagged (the files above)"
                )


def verify(bag: Path) -> list[str]:
    """Every problem with the bag in folder ``bag``; empty when it is complete and intact."""
    if not (bag / "bagit.txt").is_file() or not (bag / "data").is_dir():
        raise ArchiveError(
            f"{bag}: not a bag (no bagit.txt and data/); give the bag's folder, or unpack a "
            "bag's .tar first (tar xf BAG.tar)"
        )
    problems: list[str] = []
    _bagit_txt(bag, problems)
    files = _files(bag, problems)
    payload = [name for name in files if name.startswith("data/")]
    tags = [n for n in files if not n.startswith(("data/", "tagmanifest-"))]
    damaged = manifests.check(bag, "tagmanifest", tags, set(), problems)
    unlisted = manifests.unlisted(bag, tags)
    for name in unlisted:
        log.warning("archive: %s: no tag manifest lists it (RFC 8493 allows this)", bag / name)
    manifests.check(bag, "manifest", payload, damaged, problems)
    _oxum(bag, payload, problems)
    return problems
