"""``publish archive --verify BAG``: fixity and completeness of a bag, read the way RFC 8493
says, naming every file that is missing, extra or altered (not just the first).

- ``bagit.txt`` must be there, with a ``BagIt-Version``;
- each ``manifest-<algorithm>.txt`` must list every file under ``data/``, and each file it lists
  must exist and have that checksum; the same for the ``tagmanifest-<algorithm>.txt`` files and
  every file outside ``data/`` but them;
- ``Payload-Oxum`` in ``bag-info.txt``, when present, must give the payload's bytes and files;
- no manifest path may lead outside the bag.

Each file is read once, whatever the number of algorithms.
"""

from __future__ import annotations

import hashlib
from pathlib import Path, PurePosixPath
from urllib.parse import unquote

from publish.archive.layout import ArchiveError

Listed = dict[str, tuple[str, int]]  # path -> (checksum, line)
_RESTORE = "restore it from another copy of the bag"


def _read_manifest(path: Path, problems: list[str]) -> Listed:
    listed: Listed = {}
    for number, line in enumerate(path.read_text("utf-8").splitlines(), 1):
        checksum, _, name = line.strip().partition(" ")
        name = unquote(name.strip().removeprefix("*"))  # RFC 8493 2.1.3: %0A %0D %25
        parts = PurePosixPath(name).parts
        if not checksum or not name or name.startswith("/") or ".." in parts:
            problems.append(f"{path}:{number}: not 'checksum path' inside the bag; {_RESTORE}")
            continue
        listed[name] = (checksum.lower(), number)
    return listed


def _digests(path: Path, algorithms: list[str]) -> dict[str, str]:
    hashes = {name: hashlib.new(name) for name in algorithms}
    with path.open("rb") as data:
        while block := data.read(1 << 20):
            for digest in hashes.values():
                digest.update(block)
    return {name: digest.hexdigest() for name, digest in hashes.items()}


def _check(bag: Path, kind: str, present: list[str], problems: list[str]) -> None:
    """Check the ``kind`` manifests (``manifest`` or ``tagmanifest``) against ``present``."""
    manifests = {
        path.name.removeprefix(f"{kind}-").removesuffix(".txt"): path
        for path in sorted(bag.glob(f"{kind}-*.txt"))
    }
    unknown = sorted(set(manifests) - hashlib.algorithms_available)
    problems += [f"{manifests[a]}: unknown algorithm {a!r}; {_RESTORE}" for a in unknown]
    lists = {a: _read_manifest(p, problems) for a, p in manifests.items() if a not in unknown}
    if kind == "manifest" and not lists:
        problems.append(f"{bag}: no payload manifest (manifest-sha256.txt); {_RESTORE}")
    for name in sorted(set(present).union(*lists.values())):
        path = bag / name
        if not path.is_file():
            algorithm = next(a for a in lists if name in lists[a])
            where = f"{manifests[algorithm].name}:{lists[algorithm][name][1]}"
            problems.append(f"{path}: missing (listed in {where}); {_RESTORE}")
            continue
        unlisted = [manifests[a].name for a in lists if name not in lists[a]]
        if unlisted:
            problems.append(f"{path}: extra: not in {', '.join(unlisted)}; remove it")
        found = _digests(path, [a for a in lists if name in lists[a]])
        for algorithm, digest in found.items():
            expected, line = lists[algorithm][name]
            if digest != expected:
                where = f"{manifests[algorithm].name}:{line}"
                problems.append(
                    f"{path}: altered: its {algorithm} differs from {where}; {_RESTORE}"
                )


def _oxum(bag: Path, payload: list[str], problems: list[str]) -> None:
    info = bag / "bag-info.txt"
    lines = info.read_text("utf-8").splitlines() if info.is_file() else []
    for number, line in enumerate(lines, 1):
        label, _, value = line.partition(":")
        if label.strip().lower() == "payload-oxum":
            total = sum((bag / name).stat().st_size for name in payload)
            if value.strip() != f"{total}.{len(payload)}":
                problems.append(
                    f"{info}:{number}: Payload-Oxum {value.strip()} but the payload is "
                    f"{total} bytes in {len(payload)} files; {_RESTORE}"
                )


def verify(bag: Path) -> list[str]:
    """Every problem with the bag in folder ``bag``; empty when it is complete and intact."""
    if not (bag / "bagit.txt").is_file() or not (bag / "data").is_dir():
        raise ArchiveError(
            f"{bag}: not a bag (no bagit.txt and data/); give the bag's folder, or unpack a "
            "bag's .tar first (tar xf BAG.tar)"
        )
    if "BagIt-Version:" not in (bag / "bagit.txt").read_text("utf-8", errors="replace"):
        return [f"{bag / 'bagit.txt'}:1: no BagIt-Version; {_RESTORE}"]
    files = sorted(p.relative_to(bag).as_posix() for p in bag.rglob("*") if p.is_file())
    payload = [name for name in files if name.startswith("data/")]
    tags = [n for n in files if not n.startswith(("data/", "tagmanifest-"))]
    problems: list[str] = []
    _check(bag, "manifest", payload, problems)
    _check(bag, "tagmanifest", tags, problems)
    _oxum(bag, [n for n in payload if (bag / n).is_file()], problems)
    return problems
