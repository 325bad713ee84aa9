"""The files a PDF carries: the original sources, the cleaned Markdown and the change log.

They are PDF/A-3 associated files (ISO 19005-3, 6.8; ISO 32000-2, 7.11.3 and 14.13): each one
an embedded file in the ``EmbeddedFiles`` name tree, listed once in the catalog's ``/AF``, with
its MIME type (``/Subtype``), a ``/Desc``, ``/Params`` (size, MD5 checksum, and the document's
own date as ``CreationDate`` and ``ModDate``: ``SOURCE_DATE_EPOCH`` or the document's ``date``,
never the clock) and an ``/AFRelationship``:

- ``<slug>.original.<file name>``, one for each fragment of an article folder: the original,
  byte for byte in its own encoding, as read from ``content/`` (``/Desc`` gives its path).
  **Source**: "the original source material for the associated content" is exactly what it is.
- ``<slug>.clean.md``: front matter and cleaned Markdown, the bytes of
  ``build/clean/<slug>.md``. **Source** too: the PDF was typeset from this very text, so it is
  also source material of the content (a file may have several sources). Not **Data**, which
  ISO 32000-2 keeps for information a visual presentation is derived from, "such as for a
  table or a graph"; not **Supplement**, a more consumable representation of the same content,
  which the text the pages show is not.
- ``<slug>.changes.json``: the change log, the bytes of ``build/clean/<slug>.changes.json``.
  **Data**: it is not the content nor another representation of it (so neither Source nor
  Supplement), but the information that derives the text shown from the original: every edit,
  its pass and line, and the reviewers' decisions.

Names sort as bytes, the order the name tree needs. The originals are read again when the PDF
is written, and must still hold the text that was cleaned, or the build stops.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from publish.changelog import change_log
from publish.decode import decode
from publish.errors import ContentError
from publish.model import Document, Source


@dataclass(frozen=True)
class Associated:
    """One file to embed: its name in the PDF, bytes, description, relationship, MIME type."""

    name: str
    data: bytes
    description: str
    relationship: str
    mime: str


def associated_files(doc: Document) -> list[Associated]:
    """The originals, the cleaned Markdown and the change log of ``doc``, sorted by name."""
    cleaned = doc.cleaned
    head = cleaned.source
    files = [
        Associated(
            _original_name(fragment, head, doc.slug),
            _original_bytes(fragment),
            f"Original source, byte for byte as read: {fragment.display_path}",
            "Source",
            "text/markdown",
        )
        for fragment in cleaned.fragments or (head,)
    ]
    files.append(
        Associated(
            f"{doc.slug}.clean.md",
            cleaned.written.encode("utf-8"),
            "Cleaned Markdown (front matter and body) this PDF was typeset from",
            "Source",
            "text/markdown",
        )
    )
    files.append(
        Associated(
            f"{doc.slug}.changes.json",
            change_log(cleaned, (doc.meta.language, doc.meta.language_reason)).encode("utf-8"),
            "Change log: every edit of the cleaner (pass, file, line, before, after)",
            "Data",
            "application/json",
        )
    )
    return sorted(files, key=lambda f: f.name.encode("utf-8"))


def attachments(files: Sequence[Associated], built: datetime) -> list[Any]:
    """WeasyPrint attachments for ``files``, dated ``built`` (the document's own time)."""
    from weasyprint import Attachment

    return [
        Attachment(
            file_obj=io.BytesIO(f.data),
            name=f.name,
            description=f.description,
            created=built,
            modified=built,
            relationship=f.relationship,
        )
        for f in files
    ]


def associate(pdf: Any, files: Sequence[Associated]) -> None:
    """In WeasyPrint's ``pdf``: each file's relationship and MIME type set by its name (WeasyPrint
    matches relationships by checksum, so two files of equal bytes got the same one, and guesses
    the type from the system's MIME table), and ``/AF`` listing each file once, in name order."""
    by_name = {f.name: f for f in files}
    specs = []
    for obj in pdf.objects:
        if not isinstance(obj, dict) or obj.get("Type") != "/Filespec":
            continue
        spec: Any = obj  # a pydyf Dictionary, with its ``reference``
        found = by_name.get(str(spec["UF"].string))
        if found is None or "EF" not in spec:
            continue
        spec["AFRelationship"] = f"/{found.relationship}"
        stream = pdf.objects[int(spec["EF"]["F"].split()[0])]
        stream.extra["Subtype"] = "/" + found.mime.replace("/", "#2f")
        specs.append((found.name.encode("utf-8"), spec.reference))
    if specs:
        from pydyf import Array  # type: ignore[import-untyped]

        pdf.catalog["AF"] = Array(reference for _, reference in sorted(specs))


def _original_name(fragment: Source, head: Source, slug: str) -> str:
    """``<slug>.original.<file name>``; for a fragment, its path in the article folder with
    ``%`` and ``/`` escaped (``%25``, ``%2F``): a flat name, which every extractor can save
    (``pdfdetach -saveall`` fails on a ``/``), and distinct from the others, since the escape
    can be undone and ``.original.`` is neither ``.clean.md`` nor ``.changes.json``."""
    if fragment.path == head.path:
        return f"{slug}.original.{fragment.path.name}"
    inside = fragment.path.relative_to(head.path).as_posix()
    return f"{slug}.original.{inside.replace('%', '%25').replace('/', '%2F')}"


def _original_bytes(fragment: Source) -> bytes:
    try:
        data = fragment.path.read_bytes()
    except OSError as exc:
        raise ContentError(
            f"{fragment.display_path}: cannot read it again to embed it in the PDF: "
            f"{exc.strerror}; check the file and build again"
        ) from None
    if decode(fragment.path, data, fragment.display_path) != (
        fragment.front_matter_text + fragment.body
    ):
        raise ContentError(f"{fragment.display_path}: changed while the build ran; build again")
    return data
