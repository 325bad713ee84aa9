"""What the hostile cases look for in every output: a secret from outside the project, script
or style that came from content (marked ``HOSTILE`` by the cases), and leftovers of a build."""

from __future__ import annotations

import hashlib
import html.parser
import io
import json
import zipfile
from collections.abc import Iterator
from pathlib import Path


class _Injected(html.parser.HTMLParser):
    """Script or style carrying the mark a case put in its content, as markup: an element, an
    event handler or style attribute, or a ``javascript:`` link (the same words escaped as
    text or inside an attribute's value are harmless)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self._inside = ""
        self._block = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._inside = tag if tag in ("script", "style") else ""
        if tag == "script" and ("type", "application/ld+json") in attrs:
            self._inside = "ld+json"  # a data block, never run: checked to be JSON only
        for name, value in attrs:
            value = value or ""
            if (name.startswith("on") or name == "style") and "HOSTILE" in value:
                self.found.append(f"<{tag} {name}={value[:40]!r}>")
            if name in ("href", "src", "action") and value.strip().lower().startswith(
                "javascript:"
            ):
                self.found.append(f"<{tag} {name}={value[:40]!r}>")

    def handle_data(self, data: str) -> None:
        if self._inside == "ld+json":
            self._block += data
        elif self._inside and "HOSTILE" in data:
            self.found.append(f"<{self._inside}>{data[:40]}")

    def handle_endtag(self, tag: str) -> None:
        if self._inside == "ld+json":
            try:
                json.loads(self._block)
            except ValueError:
                self.found.append(f"<script type=application/ld+json> not JSON: {self._block[:40]}")
            if "<" in self._block:
                self.found.append(
                    f"<script type=application/ld+json> holds '<': {self._block[:40]}"
                )
        self._inside, self._block = "", ""


def injected(data: bytes) -> list[str]:
    parser = _Injected()
    parser.feed(data.decode("utf-8", errors="replace"))
    parser.close()
    return parser.found


def _members(path: Path, data: bytes) -> Iterator[tuple[str, bytes]]:
    """The bytes of ``path`` and of what it packs: zip members, PDF attachments and streams."""
    yield str(path), data
    if data[:2] == b"PK":
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                for name in archive.namelist():
                    yield f"{path}!{name}", archive.read(name)
        except zipfile.BadZipFile:
            pass
    elif data[:5] == b"%PDF-":
        from pypdf import PdfReader

        reader = PdfReader(io.BytesIO(data))
        for name, contents in reader.attachments.items():
            for n, content in enumerate(contents):
                yield f"{path}!attachment {name} {n}", content
        for number, page in enumerate(reader.pages, start=1):
            yield f"{path}!page {number}", page.extract_text().encode("utf-8")


def outputs(folder: Path) -> Iterator[tuple[str, bytes]]:
    """Every output under ``folder``; not the build cache (``.cache/``), whose files are each
    the bytes of an output read here under its own name."""
    for path in sorted(folder.rglob("*")) if folder.is_dir() else []:
        if ".cache" in path.relative_to(folder).parts[:1]:
            continue
        if path.is_file() and not path.is_symlink():
            yield from _members(path, path.read_bytes())


def problems(folder: Path, secret: str) -> list[str]:
    found = []
    for name, data in outputs(folder):
        if secret.encode() in data:
            found.append(f"{name}: holds the content of a file outside the project")
        text = name.endswith((".md", ".json")) or "!page " in name
        hits = [] if text else injected(data)
        if hits:  # (the cleaned source and its change log are text, never rendered)
            found.append(f"{name}: script or style from content: {hits[0]}")
    return found


def snapshot(folder: Path) -> dict[str, str]:
    """Every path under ``folder`` (hidden ones too) with a hash of its bytes."""
    found = {}
    for path in sorted(folder.rglob("*")) if folder.is_dir() else []:
        rel = path.relative_to(folder).as_posix()
        if path.is_symlink():
            found[rel] = "-> " + str(path.readlink())
        elif path.is_file():
            found[rel] = hashlib.sha256(path.read_bytes()).hexdigest()
        else:
            found[rel] = "dir"
    return found
