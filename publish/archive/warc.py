"""Step 7 - the site as a WARC file (ISO 28500, WARC/1.1, gzip per record), for a web archive
to ingest and replay: a ``warcinfo`` record, then one ``response`` record per file of the site
at its address (``url`` of publish.toml + its path), with the HTTP headers a server would have
sent; a folder's address (``…/huangjiu-notes/``) is a ``revisit`` of its ``index.html``.

Record ids are UUIDs derived from the address (:func:`uuid.uuid5`) and every record is dated
at the build time, so the same site gives the same bytes. :func:`read_back` reads a WARC file
with warcio, as a repository would, and checks each record against the site.
"""

from __future__ import annotations

import io
import uuid
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from urllib.parse import quote

from warcio.archiveiterator import ArchiveIterator
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from publish import __version__
from publish.archive.layout import ArchiveError, media_type
from publish.timestamps import iso

_NAMESPACE = uuid.UUID("6f1c1d4e-3b7a-5a55-9e0c-7075626c6973")  # fixed: ids stay the same


def _id(kind: str, url: str) -> str:
    return f"<urn:uuid:{uuid.uuid5(_NAMESPACE, f'{kind} {url}')}>"


def pages(site: Path, base_url: str) -> Iterator[tuple[str, Path]]:
    """(address, file) of every file of ``site``, sorted by path; the path percent-encoded
    (UTF-8) as a URI needs it, as a browser asks for ``产量 图.svg``."""
    for path in sorted(p for p in site.rglob("*") if p.is_file()):
        yield base_url + quote(path.relative_to(site).as_posix(), safe="/-._~"), path


def _http(path: Path) -> StatusAndHeaders:
    headers = [("Content-Type", media_type(path)), ("Content-Length", str(path.stat().st_size))]
    return StatusAndHeaders("200 OK", headers, protocol="HTTP/1.1")


def write(site: Path, target: Path, base_url: str, when: datetime) -> None:
    """Write ``site`` served from ``base_url`` as the gzipped WARC file ``target``."""
    date = iso(when)
    with target.open("wb") as out:
        writer = WARCWriter(out, gzip=True, warc_version="WARC/1.1")
        fields = f"software: publish {__version__}\r\nformat: WARC File Format 1.1\r\n"
        writer.write_record(
            writer.create_warc_record(
                "",
                "warcinfo",
                payload=io.BytesIO(fields.encode("utf-8")),
                length=len(fields.encode("utf-8")),
                warc_content_type="application/warc-fields",
                warc_headers_dict={
                    "WARC-Record-ID": _id("warcinfo", base_url),
                    "WARC-Date": date,
                    "WARC-Filename": target.name,
                },
            )
        )
        for url, path in pages(site, base_url):
            with path.open("rb") as payload:
                record = writer.create_warc_record(
                    url,
                    "response",
                    payload=payload,
                    length=path.stat().st_size,
                    http_headers=_http(path),
                    warc_headers_dict={"WARC-Record-ID": _id("response", url), "WARC-Date": date},
                )
                writer.write_record(record)
            if path.name == "index.html":
                folder = url.removesuffix("index.html")
                revisit = writer.create_revisit_record(
                    folder,
                    record.rec_headers.get_header("WARC-Payload-Digest"),
                    url,
                    date,
                    http_headers=_http(path),
                    warc_headers_dict={"WARC-Record-ID": _id("revisit", folder), "WARC-Date": date},
                )
                writer.write_record(revisit)


def read_back(warc: Path, site: Path, base_url: str) -> list[str]:
    """Problems found reading ``warc`` with warcio against ``site``: a file with no record, a
    record whose body differs from the file, an address of no file."""
    expected = dict(pages(site, base_url))
    problems, seen = [], set()
    try:
        with warc.open("rb") as stream:
            for record in ArchiveIterator(stream, check_digests=True):
                url = record.rec_headers.get_header("WARC-Target-URI")
                if record.rec_type != "response":
                    continue
                seen.add(url)
                if url not in expected:
                    problems.append(f"{warc.name}: {url}: a record of no file of the site")
                elif record.content_stream().read() != expected[url].read_bytes():
                    problems.append(f"{warc.name}: {url}: differs from {expected[url].name}")
    except (OSError, ValueError, ArchiveError) as exc:
        problems.append(f"{warc.name}: cannot be read: {exc}")
    problems += [f"{warc.name}: {url}: no record" for url in sorted(expected.keys() - seen)]
    return problems
