"""Same sources and SOURCE_DATE_EPOCH: byte-identical outputs, whatever the clock says."""

from __future__ import annotations

import io
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest
from pypdf import PdfReader

from conftest import REPO, MakeProject, files_under, run_cli


def _build(out: Path, epoch: str | None) -> dict[str, bytes]:
    env = {"SOURCE_DATE_EPOCH": epoch} if epoch else {}
    result = run_cli(["build", "--out", str(out)], REPO, env)
    assert result.returncode == 0, result.stderr
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in files_under(out)}


@pytest.mark.parametrize("epoch", ["1735689600", None])
def test_two_builds_are_byte_identical(tmp_path: Path, epoch: str | None) -> None:
    first = _build(tmp_path / "one", epoch)
    time.sleep(1.1)  # a clock-dependent timestamp would now differ
    second = _build(tmp_path / "two", epoch)
    assert sorted(first) == sorted(second)
    differing = [name for name in first if first[name] != second[name]]
    assert differing == []
    assert any(name.endswith(".pdf") for name in first)
    assert any(name.endswith(".epub") for name in first)


def test_source_date_epoch_reaches_the_outputs(tmp_path: Path) -> None:
    files = _build(tmp_path / "out", "1700000000")  # 2023-11-14T22:13:20Z
    assert b"2023-11-14T22:13:20Z" in _opf(tmp_path / "out/epub/harbor-bridge-reopens.epub")
    reader = PdfReader(io.BytesIO(files["pdf/harbor-bridge-reopens.pdf"]))
    assert reader.metadata is not None
    assert reader.metadata.creation_date == datetime(2023, 11, 14, 22, 13, 20, tzinfo=UTC)
    assert reader.metadata.modification_date == reader.metadata.creation_date


def _opf(epub: Path) -> bytes:
    import zipfile

    with zipfile.ZipFile(epub) as archive:
        return archive.read("EPUB/content.opf")


def test_each_document_carries_its_own_date(make_project: MakeProject) -> None:
    """Without SOURCE_DATE_EPOCH, a document's PDF and EPUB dates are its own date (an undated
    one gets 1980-01-01), never another document's of the same build."""
    import os
    import zipfile

    root = make_project(
        {
            "content/dated.md": "---\ntitle: 有日期\ndate: 2024-10-08\n---\n\n正文。\n",
            "content/undated.md": "---\ntitle: 无日期\n---\n\n正文。\n",
        }
    )
    env = {k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"}
    result = subprocess.run(
        [sys.executable, "-m", "publish", "build", "--format", "pdf,epub"],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr

    def dates(slug: str) -> str:
        reader = PdfReader(root / "build" / "pdf" / f"{slug}.pdf")
        metadata = reader.xmp_metadata
        xmp = metadata.stream.get_data().decode("utf-8") if metadata else ""
        info = reader.metadata
        moments = f"{info.get('/CreationDate')} {info.get('/ModDate')}" if info else ""
        with zipfile.ZipFile(root / "build" / "epub" / f"{slug}.epub") as epub:
            opf = epub.read("EPUB/content.opf").decode("utf-8")
        return f"{xmp}\n{moments}\n{opf}"

    assert "2024-10-08" in dates("dated") and "20241008" in dates("dated")
    undated = dates("undated")
    assert "2024-10-08" not in undated and "20241008" not in undated
    assert "1980-01-01" in undated
