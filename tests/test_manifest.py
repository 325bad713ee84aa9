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


def test_a_one_file_build_keeps_the_rest(make_project: MakeProject) -> None:
    root = make_project(
        {
            "content/a.md": "# 甲\n\n正文甲。\n",
            "content/b.md": "# 乙\n\n见[甲](a.md)。\n",
            "content/c/1.md": "---\ntitle: 丙\n---\n\n第一段。(下转第五版)\n",
            "content/c/2.md": "(上接第一版)第二段。\n",
        }
    )
    assert run_cli(["build", "--format", "html,epub"], root).returncode == 0
    b_epub = (root / "build/epub/b.epub").stat()
    (root / "content/a.md").write_text("# 甲\n\n改过的正文甲。\n", encoding="utf-8")
    result = run_cli(["build", "--format", "html,epub", "content/a.md"], root)
    assert result.returncode == 0, result.stderr
    index = (root / "build/site/index.html").read_text("utf-8")
    assert all(f'href="{slug}/index.html"' in index for slug in "abc"), index  # the whole index
    assert "改过的正文甲" in (root / "build/site/a/index.html").read_text("utf-8")
    assert (root / "build/epub/b.epub").stat().st_mtime_ns == b_epub.st_mtime_ns  # kept as is
    b_page = (root / "build/site/b/index.html").read_text("utf-8")
    assert (
        'href="b.epub"' in b_page and 'href="../a/index.html"' in b_page
    )  # its download and its link
    assert 'href="a.epub"' in (root / "build/site/a/index.html").read_text("utf-8")
    c_epub = (root / "build/epub/c.epub").stat().st_mtime_ns
    result = run_cli(["build", "--format", "epub", "content/c/2.md"], root)  # names article c
    assert result.returncode == 0 and "1 document(s)" in result.stderr, result.stderr
    assert (root / "build/epub/c.epub").stat().st_mtime_ns != c_epub
    site = (root / "build/site/index.html").stat().st_mtime_ns
    assert run_cli(["build", "--format", "pdf", "content/b.md"], root).returncode == 0
    assert (root / "build/pdf/b.pdf").is_file() and not (root / "build/pdf/a.pdf").exists()
    assert (root / "build/site/index.html").stat().st_mtime_ns == site  # no site asked for
    manifest = json.loads((root / "build/manifest.json").read_text("utf-8"))
    assert sorted(manifest["documents"]) == ["a", "b", "c"]
    assert sorted(manifest["documents"]["b"]["files"]) == [
        "clean/b.changes.json",
        "clean/b.md",
        "epub/b.epub",
        "pdf/b.pdf",
        "site/b/changes.html",
        "site/b/changes.json",
    ]
    (root / "content/notes.txt").write_text("x", encoding="utf-8")
    for wrong in ("content/nowhere.md", "content/notes.txt"):
        result = run_cli(["build", wrong], root)
        assert result.returncode == 1 and f"\ncontent: {wrong}: " in result.stderr, wrong
