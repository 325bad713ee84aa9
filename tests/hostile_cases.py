"""The hostile-input cases of ``tests/hostile/``: reading a case and laying out its project.

A case is a folder::

    tests/hostile/<name>/case.toml     what to run and what must hold afterwards
    tests/hostile/<name>/project/...   files laid over a project that already holds a good
                                       document (content/good.md) and a finished build of it

``case.toml``::

    group = "security"                 # encodings, sizes, markup, front-matter, themes,
                                       # filesystem, build, clean, serve, security
    what = "an image at an absolute path outside the project"
    args = ["build"]                   # publish's arguments (default: build)
    exit = 1                           # the expected exit status
    error = "content: content/a.md:3:" # text the first error line must hold (exit != 0)
    warning = ""                       # text some warning line must hold
    env = {}                           # extra environment
    [[files]]                          # generated files (too large or odd to commit)
    path = "content/big.md"; text = "x"; repeat = 1000; encoding = "utf-8"; hex = ""
    [[links]]                          # symbolic links (hard = true: a hard link)
    path = "content/a.md"; target = "../outside/a.md"
    [[modes]]                          # permission bits
    path = "content/a.md"; mode = "444"
    [[after]]                          # what must hold afterwards
    path = "content/a.md"; contains = "，"; lacks = "x"; symlink = true; mode = "444"
    exists = true; max_bytes = 20000; pdf_chars = 20000  # (letters and digits of its text)
    [[requests]]                       # instead of args: publish serve gets these requests
    method = "GET"; path = "/%00"; status = 400

In text files and in ``args``, ``{server}`` is the URL of a local HTTP server that records
every request, ``{secret}`` the absolute path of a file outside the project whose content
must reach no output, ``{outside}`` the folder holding it, and ``{busy}`` a port another
process is listening on.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

HOSTILE = Path(__file__).resolve().parent / "hostile"
SECRET = "CANARY-OUTSIDE-PROJECT-5be1"
GOOD = "---\ntitle: 好文档\ndate: 2024-05-01\n---\n\n# 好文档\n\n这是一篇正常的文档。\n"
TEXT_SUFFIXES = {".md", ".toml", ".yaml", ".css", ".html", ".svg", ".txt", ".xml"}


@dataclass(frozen=True)
class Case:
    name: str
    group: str
    what: str
    args: tuple[str, ...]
    exit: int
    error: str = ""
    warning: str = ""
    env: dict[str, str] = field(default_factory=dict)
    files: tuple[dict[str, Any], ...] = ()
    links: tuple[dict[str, Any], ...] = ()
    modes: tuple[dict[str, Any], ...] = ()
    after: tuple[dict[str, Any], ...] = ()
    requests: tuple[dict[str, Any], ...] = ()


def load(folder: Path) -> Case:
    data = tomllib.loads((folder / "case.toml").read_text("utf-8"))
    return Case(
        name=folder.name,
        group=data["group"],
        what=data["what"],
        args=tuple(data.get("args", ["build"])),
        exit=int(data["exit"]),
        error=data.get("error", ""),
        warning=data.get("warning", ""),
        env=dict(data.get("env", {})),
        files=tuple(data.get("files", [])),
        links=tuple(data.get("links", [])),
        modes=tuple(data.get("modes", [])),
        after=tuple(data.get("after", [])),
        requests=tuple(data.get("requests", [])),
    )


def all_cases() -> list[Case]:
    return [load(p) for p in sorted(HOSTILE.iterdir()) if (p / "case.toml").is_file()]


def fill(text: str, places: dict[str, str]) -> str:
    for key, value in places.items():
        text = text.replace("{" + key + "}", value)
    return text


def lay_out(case: Case, root: Path, places: dict[str, str]) -> None:
    """The case's files over ``root`` (a project with a good document and its build)."""
    source = HOSTILE / case.name / "project"
    for path in sorted(source.rglob("*")) if source.is_dir() else []:
        target = root / path.relative_to(source)
        if path.is_dir():
            target.mkdir(parents=True, exist_ok=True)
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        data = path.read_bytes()
        try:
            text = data.decode("utf-8") if path.suffix in TEXT_SUFFIXES else None
        except UnicodeDecodeError:  # (a case about a file that is not UTF-8)
            text = None
        target.write_bytes(data if text is None else fill(text, places).encode("utf-8"))
    for spec in case.files:
        target = root / spec["path"]
        target.parent.mkdir(parents=True, exist_ok=True)
        if "hex" in spec:
            data = bytes.fromhex(spec["hex"]) * int(spec.get("repeat", 1))
        else:
            text = fill(spec.get("head", ""), places) + spec["text"] * int(spec.get("repeat", 1))
            data = (text + fill(spec.get("tail", ""), places)).encode(spec.get("encoding", "utf-8"))
        target.write_bytes(data)
    for spec in case.links:
        target = root / spec["path"]
        target.parent.mkdir(parents=True, exist_ok=True)
        target.unlink(missing_ok=True)
        if spec.get("hard"):
            target.hardlink_to(root / spec["target"])
        else:
            target.symlink_to(fill(spec["target"], places))
    for spec in case.modes:
        (root / spec["path"]).chmod(int(spec["mode"], 8))


GROUPS = (
    "encodings",
    "sizes",
    "markup",
    "security",
    "front-matter",
    "themes",
    "filesystem",
    "build",
    "clean",
    "serve",
)
TABLE_START = "<!-- hostile cases: generated by `python tests/hostile_cases.py`; do not edit -->"
TABLE_END = "<!-- end of hostile cases -->"


def table() -> str:
    """The README's table of every case, by group: what it is, the exit status, the error."""
    cases = sorted(all_cases(), key=lambda c: (GROUPS.index(c.group), c.name))
    rows = [TABLE_START, "", "| group | case | what | exit | first error line holds |"]
    rows.append("|---|---|---|---|---|")
    for case in cases:
        error = case.error.replace("|", "\\|")
        shown = f"`{error}`" if error else ""
        rows.append(f"| {case.group} | `{case.name}` | {case.what} | {case.exit} | {shown} |")
    return "\n".join([*rows, "", TABLE_END])


if __name__ == "__main__":
    print(table())
