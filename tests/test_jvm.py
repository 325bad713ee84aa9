"""The Java validators' helpers: a signed jar is loaded from a copy without its signature
files (the same classes, byte for byte), made once into the cache; an unsigned jar as it is."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from publish.validators.jvm import unsigned


def _jar(path: Path, names: list[str]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as jar:
        for name in names:
            jar.writestr(name, f"bytes of {name}")
    return path


def test_a_signed_jar_is_copied_without_its_signature(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    kept = ["META-INF/MANIFEST.MF", "META-INF/services/x.Y", "a/B.class", "a/C.class"]
    signed = _jar(tmp_path / "lib.jar", [*kept, "META-INF/KEY.SF", "META-INF/KEY.RSA"])
    copy = unsigned(signed)
    assert copy.parent == tmp_path / "cache" / "publish" and copy.suffix == ".jar"
    with zipfile.ZipFile(copy) as plain, zipfile.ZipFile(signed) as original:
        assert plain.namelist() == kept
        assert all(plain.read(name) == original.read(name) for name in kept)
    made = copy.stat().st_mtime_ns
    assert unsigned(signed) == copy and copy.stat().st_mtime_ns == made  # made once
    assert [p.name for p in copy.parent.iterdir()] == [copy.name]  # nothing half-written left


def test_an_unsigned_jar_is_used_as_it_is(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    jar = _jar(tmp_path / "plain.jar", ["META-INF/MANIFEST.MF", "a/B.class"])
    assert unsigned(jar) == jar
    assert not (tmp_path / "cache" / "publish").exists() or not any(
        (tmp_path / "cache" / "publish").iterdir()
    )
