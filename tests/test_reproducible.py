"""Same sources and SOURCE_DATE_EPOCH: byte-identical outputs, whatever the clock says."""

from __future__ import annotations

import io
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest
from pypdf import PdfReader

from conftest import REPO, files_under, run_cli


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
