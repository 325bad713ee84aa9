"""Builds keep the project's outputs consistent (issue 14): the outputs of a deleted source go,
and the site links only the PDFs and EPUBs made from its sources as they are now."""

from __future__ import annotations

import json

from conftest import MakeProject, run_cli


def test_outputs_follow_their_sources(make_project: MakeProject) -> None:
    root = make_project(
        {"content/a.md": "# 甲\n\n正文甲。\n", "content/b.md": "# 乙\n\n正文乙。\n"}
    )
    assert run_cli(["build", "--format", "pdf,epub"], root).returncode == 0
    assert run_cli(["build", "--format", "html"], root).returncode == 0
    page = (root / "build/site/a/index.html").read_text("utf-8")
    assert 'href="a.pdf"' in page and 'href="a.epub"' in page  # made from a.md as it is
    (root / "content/b.md").unlink()
    result = run_cli(["build", "--format", "html"], root)
    assert "removed pdf/b.pdf: its source is gone" in result.stderr
    assert not (root / "build/pdf/b.pdf").exists() and not (root / "build/epub/b.epub").exists()
    assert not (root / "build/clean/b.md").exists()
    assert run_cli(["check"], root).returncode == 0  # nothing stale left to fail on
    (root / "content/a.md").write_text("# 甲\n\n改过的正文。\n", encoding="utf-8")
    assert run_cli(["build", "--format", "html"], root).returncode == 0
    page = (root / "build/site/a/index.html").read_text("utf-8")
    assert "a.pdf" not in page and "a.epub" not in page  # the old ones are not this text's
    (root / "build/pdf/stray.pdf").write_bytes(b"%PDF-1.7\n")  # a file no build made
    manifest = json.loads((root / "build/manifest.json").read_text("utf-8"))
    assert sorted(manifest["documents"]) == ["a"]
    assert manifest["documents"]["a"]["source"] == "content/a.md"


def test_a_build_of_some_sources_keeps_the_others_entries(make_project: MakeProject) -> None:
    root = make_project(
        {"content/a.md": "# 甲\n\n正文甲。\n", "content/b.md": "# 乙\n\n正文乙。\n"}
    )
    assert run_cli(["build", "--format", "epub"], root).returncode == 0
    assert run_cli(["build", "--format", "epub", "content/a.md"], root).returncode == 0
    manifest = json.loads((root / "build/manifest.json").read_text("utf-8"))
    assert sorted(manifest["documents"]) == ["a", "b"]
    assert (root / "build/epub/b.epub").is_file()
