"""Step 8 - bag: ``bagit.make_bag`` over the assembled payload, then the tag files written again
so that the same payload always gives the same bytes, and the bag checked by bagit's validator.

bagit-python 1.9 writes BagIt 0.97, the payload manifests in its own walk order (a folder's
files before its sub-folders), the tag manifests in the file system's order, the bag-info
labels sorted, and today's date. After it has hashed the payload:

- ``bagit.txt`` says ``BagIt-Version: 1.0`` (RFC 8493; nothing else differs for these bags);
- every manifest's lines are sorted by path, ``checksum  path`` as ``sha256sum -c`` reads them;
- ``bag-info.txt`` is written in :mod:`publish.archive.baginfo`'s order;
- the tag manifests are computed again over the final tag files, sorted;
- every folder is mode 0755 and every file 0644.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
from collections.abc import Iterator
from pathlib import Path

import bagit

from publish.archive import baginfo, manifests
from publish.archive.layout import ALGORITHMS, ArchiveError

BAGIT_TXT = "BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n"
_PATH_AFTER = "  "  # bagit writes "checksum  path"


@contextlib.contextmanager
def quiet_bagit(level: int = logging.WARNING) -> Iterator[None]:
    """bagit logs each step at INFO (and each problem it finds as a warning): keep it to
    ``level`` or above while we call it, unless publish runs with ``-v -v``."""
    logger = logging.getLogger("bagit")
    saved = logger.level
    if not logging.getLogger().isEnabledFor(logging.DEBUG):
        logger.setLevel(level)
    try:
        yield
    finally:
        logger.setLevel(saved)


def _write(path: Path, text: str) -> None:
    path.write_bytes(text.encode("utf-8"))


def _sort_manifest(path: Path) -> None:
    lines = path.read_text(encoding="utf-8").splitlines()
    lines.sort(key=lambda line: line.partition(_PATH_AFTER)[2])
    _write(path, "".join(f"{line}\n" for line in lines))


def tag_files(bag: Path) -> list[str]:
    """Names of the tag files a tag manifest lists: every file outside ``data/`` but the tag
    manifests, sorted."""
    found = []
    for path in bag.rglob("*"):
        name = path.relative_to(bag).as_posix()
        if path.is_file() and not name.startswith(("data/", "tagmanifest-")):
            found.append(name)
    return sorted(found)


def _tag_manifest(bag: Path, algorithm: str) -> None:
    lines = []
    for name in tag_files(bag):
        digest = hashlib.new(algorithm, (bag / name).read_bytes()).hexdigest()
        lines.append(f"{digest}{_PATH_AFTER}{name}\n")
    _write(bag / f"tagmanifest-{algorithm}.txt", "".join(lines))


def _fix_modes(bag: Path) -> None:
    for path in [bag, *bag.rglob("*")]:
        os.chmod(path, 0o755 if path.is_dir() else 0o644)


def make_bag(bag: Path, fields: baginfo.Fields) -> None:
    """Turn the folder ``bag`` (holding the payload) into a bag with ``fields`` in bag-info."""
    for path in sorted(bag.rglob("*")):
        if manifests.needs_encoding(path.name):
            raise ArchiveError(
                f"{path.relative_to(bag)}: a '%' or line break in a file name, which BagIt "
                "writes percent-encoded and bagit-python does not read back; rename the file"
            )
    labels = dict(fields)
    own = {key: labels[key] for key in ("Bagging-Date", "Bag-Software-Agent")}
    with quiet_bagit():
        made = bagit.make_bag(str(bag), own, checksums=list(ALGORITHMS))
    total, files = (int(part) for part in made.info["Payload-Oxum"].split("."))
    _write(bag / "bagit.txt", BAGIT_TXT)
    for algorithm in ALGORITHMS:
        _sort_manifest(bag / f"manifest-{algorithm}.txt")
    _write(bag / "bag-info.txt", baginfo.render(baginfo.with_payload(fields, total, files)))
    for algorithm in ALGORITHMS:
        _tag_manifest(bag, algorithm)
    _fix_modes(bag)
    try:
        with quiet_bagit(logging.CRITICAL):
            bagit.Bag(str(bag)).validate()
    except bagit.BagError as exc:  # a bug: what was just written does not validate
        raise ArchiveError(f"{bag}: the new bag does not validate: {exc}; report it") from None
