"""A bag's manifests and bag-info, read as RFC 8493 writes them, and files checked against them
(:mod:`publish.archive.verify` says what a bag must satisfy).

A manifest line is ``checksum``, spaces or tabs, then the path, with only CR, LF and ``%``
percent-encoded (``%0D``, ``%0A``, ``%25``); a payload manifest lists only ``data/`` paths, a tag
manifest none. Messages say what to restore: the file, or the manifest when it is the manifest
that is wrong.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from pathlib import Path, PurePosixPath

Listed = dict[str, tuple[str, int]]  # path -> (checksum, line)
_LINE = re.compile(r"^([0-9A-Fa-f]+)[ \t]+(.+)$")
_ESCAPED = re.compile(r"%(0[AaDd]|25)")
_DECODED = {"0a": "\n", "0d": "\r", "25": "%"}
_RESTORE = "restore it from another copy of the bag"


def decode(text: str) -> str:
    return _ESCAPED.sub(lambda m: _DECODED[m[1].lower()], text)


def needs_encoding(name: str) -> bool:
    """A path RFC 8493 writes percent-encoded (bagit-python does not: such a bag is refused)."""
    return any(ch in name for ch in "%\r\n")


def _text(path: Path, problems: list[str]) -> str:
    try:
        return path.read_bytes().decode("utf-8")
    except UnicodeDecodeError as exc:
        problems.append(f"{path}: not UTF-8 (byte {exc.start}); {_RESTORE}")
        return ""


def read(path: Path, kind: str, problems: list[str]) -> Listed:
    listed: Listed = {}
    for number, line in enumerate(_text(path, problems).split("\n"), 1):
        line = line.removesuffix("\r")
        found = _LINE.match(line)
        if not line:
            continue
        name = decode(found[2]) if found else ""
        parts = PurePosixPath(name).parts
        if not found or name.startswith("/") or ".." in parts:
            problems.append(f"{path}:{number}: not 'checksum path' inside the bag; {_RESTORE}")
        elif (kind == "manifest") != (parts[0] == "data"):
            where = "inside" if kind == "manifest" else "outside"
            problems.append(f"{path}:{number}: lists {name}, not {where} data/; {_RESTORE}")
        else:
            listed[name] = (found[1].lower(), number)
    return listed


def labels(info: Path, problems: list[str]) -> list[tuple[str, str, int]]:
    """``(label, value, line)`` of each entry of ``bag-info.txt``, continuation lines joined."""
    found: list[tuple[str, str, int]] = []
    text = _text(info, problems) if info.is_file() else ""
    for number, line in enumerate(text.splitlines(), 1):
        if line[:1] in (" ", "\t") and found:
            label, value, at = found[-1]
            found[-1] = (label, f"{value} {line.strip()}".strip(), at)
        elif ":" in line:
            label, _, value = line.partition(":")
            found.append((label.strip(), value.strip(), number))
    return found


def manifests(bag: Path, kind: str) -> dict[str, Path]:
    """Algorithm -> the ``kind`` manifest (``manifest`` or ``tagmanifest``) of ``bag``."""
    return {
        path.name.removeprefix(f"{kind}-").removesuffix(".txt"): path
        for path in sorted(bag.glob(f"{kind}-*.txt"))
        if path.is_file() and not path.is_symlink()
    }


def _digests(path: Path, algorithms: Iterable[str]) -> dict[str, str]:
    hashes = {name: hashlib.new(name) for name in algorithms}
    with path.open("rb") as data:
        while block := data.read(1 << 20):
            for digest in hashes.values():
                digest.update(block)
    return {name: digest.hexdigest() for name, digest in hashes.items()}


def _read_all(
    bag: Path, kind: str, problems: list[str]
) -> tuple[dict[str, Path], dict[str, Listed]]:
    files = manifests(bag, kind)
    unknown = sorted(set(files) - hashlib.algorithms_available)
    problems += [f"{files[a]}: unknown algorithm {a!r}; {_RESTORE}" for a in unknown]
    return files, {a: read(p, kind, problems) for a, p in files.items() if a not in unknown}


def unlisted(bag: Path, tags: list[str]) -> list[str]:
    """Tag files that no tag manifest lists (none when the bag has no tag manifest)."""
    _, lists = _read_all(bag, "tagmanifest", [])
    return [name for name in tags if lists and not any(name in listed for listed in lists.values())]


def check(
    bag: Path, kind: str, present: list[str], damaged: set[str], problems: list[str]
) -> set[str]:
    """Check the files ``present`` against the ``kind`` manifests; ``damaged`` names manifests
    a tag manifest found altered. Return the names of the files that failed."""
    files, lists = _read_all(bag, kind, problems)
    if kind == "manifest" and not lists:
        problems.append(f"{bag}: no payload manifest (manifest-sha256.txt); {_RESTORE}")
    failed: set[str] = set()

    def where(algorithm: str, name: str) -> str:
        return f"{files[algorithm].name}:{lists[algorithm][name][1]}"

    def advice(algorithm: str) -> str:
        manifest = files[algorithm].name
        return f"{manifest} is itself altered: restore it" if manifest in damaged else _RESTORE

    names = (
        set(present).union(*lists.values()) if kind == "manifest" else set().union(*lists.values())
    )
    for name in sorted(names):
        path, listing = bag / name, [a for a in lists if name in lists[a]]
        if not path.is_file():
            problems.append(
                f"{path}: missing (listed in {where(listing[0], name)}); {advice(listing[0])}"
            )
            failed.add(name)
            continue
        if not listing:
            problems.append(f"{path}: extra: no payload manifest lists it; remove it")
            failed.add(name)
            continue
        for algorithm in sorted(set(lists) - set(listing)):
            manifest = files[algorithm].name
            problems.append(
                f"{path}: listed in {where(listing[0], name)} but not in {manifest}: the "
                f"manifest lost a line; restore {manifest}"
            )
            failed.add(name)
        digests = _digests(path, listing)
        bad = [a for a in listing if digests[a] != lists[a][name][0]]
        for algorithm in bad:
            failed.add(name)
            if len(bad) < len(listing):
                good = next(a for a in listing if a not in bad)
                problems.append(
                    f"{path}: its {algorithm} differs from {where(algorithm, name)} but its {good} "
                    f"matches: the manifest line is wrong; restore {files[algorithm].name}"
                )
            else:
                problems.append(
                    f"{path}: altered: its {algorithm} differs from {where(algorithm, name)}; "
                    f"{advice(algorithm)}"
                )
    return failed
