"""-j N and the build cache: the same bytes whatever runs the documents and whatever the cache
holds; what changed is built again, and only that; problems keep their one-line form; Ctrl-C
stops every worker and leaves the previous build as it was."""

from __future__ import annotations

import dataclasses
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from scale_corpus import make_corpus

from conftest import REPO, MakeProject, files_under, run_cli

EPOCH = {"SOURCE_DATE_EPOCH": "1735689600"}


def _tree(out: Path) -> dict[str, bytes]:
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in files_under(out)}


def _build(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    result = run_cli(["build", *args], root, EPOCH)
    assert result.returncode == 0, result.stderr
    return result


def _differing(one: dict[str, bytes], two: dict[str, bytes]) -> list[str]:
    assert sorted(one) == sorted(two)
    return [name for name in one if one[name] != two[name]]


def test_two_workers_write_the_bytes_of_one(tmp_path: Path) -> None:
    """Every format, images, an article of fragments, Chinese and English documents."""
    _build(REPO, "--out", str(tmp_path / "one"), "-j", "1", "--no-cache")
    _build(REPO, "--out", str(tmp_path / "two"), "-j", "2", "--no-cache")
    one, two = _tree(tmp_path / "one"), _tree(tmp_path / "two")
    assert _differing(one, two) == []
    assert any(name.endswith(".pdf") for name in one) and "site/index.html" in one
    assert not (tmp_path / "one" / ".cache").exists()  # --no-cache: none kept


def test_the_cache_gives_the_same_bytes_and_builds_only_what_changed(tmp_path: Path) -> None:
    root = make_corpus(tmp_path / "project", 6)
    first = _build(root, "-j", "2")
    assert "0 of 6 document(s) from the cache" in first.stderr
    built = _tree(root / "build")
    assert "Nothing changed since the last build" in _build(root, "-j", "2").stderr
    assert _differing(built, _tree(root / "build")) == []
    (root / "build/site/doc-00001/index.html").write_text("edited by hand", encoding="utf-8")
    again = _build(root, "-j", "2")  # an output is not as the build left it: built again
    assert "6 of 6 document(s) from the cache" in again.stderr
    assert "the search index: 1 of 1 shard(s) from the cache" in again.stderr
    assert _differing(built, _tree(root / "build")) == []
    (root / "build/site/stray.html").write_text("a file no build wrote", encoding="utf-8")
    assert "Nothing changed" not in _build(root, "-j", "2").stderr
    assert not (root / "build/site/stray.html").exists()

    page = root / "content" / "doc-00004.md"
    page.write_text(page.read_text("utf-8") + "\nAn added line.\n", encoding="utf-8")
    edited = _build(root, "-j", "2")
    assert "5 of 6 document(s) from the cache" in edited.stderr
    assert "shard(s) from the cache" not in edited.stderr
    cached = _tree(root / "build")
    assert b"An added line." in cached["site/doc-00004/index.html"]
    _build(root, "--no-cache", "-j", "1")
    assert _differing(cached, _tree(root / "build")) == []
    assert not (root / "build" / ".cache").exists()


def test_a_rebuild_links_the_outputs_it_keeps_and_copies_one_edited_in_place(
    tmp_path: Path,
) -> None:
    """An unchanged document's outputs are the last build's files, linked (no bytes copied);
    one a user rewrote in place, size and modification time kept, comes from the cache."""
    root = make_corpus(tmp_path / "project", 4)
    _build(root, "-j", "1")
    out = root / "build"
    kept, edited = out / "epub" / "doc-00001.epub", out / "clean" / "doc-00002.md"
    inode, original = kept.stat().st_ino, edited.read_bytes()
    before = edited.stat()
    with edited.open("r+b") as changed:  # (in place: the same inode, the same size)
        changed.write(b"X" * len(original))
    os.utime(edited, ns=(before.st_atime_ns, before.st_mtime_ns))
    page = root / "content" / "doc-00003.md"
    page.write_text(page.read_text("utf-8") + "\nAn added line.\n", encoding="utf-8")
    assert "3 of 4 document(s) from the cache" in _build(root, "-j", "1").stderr
    download = out / "site" / "doc-00001" / "doc-00001.epub"  # (the same file, linked)
    assert kept.stat().st_ino == inode == download.stat().st_ino and kept.stat().st_nlink == 2
    assert edited.read_bytes() == original and edited.stat().st_ino != before.st_ino


def test_a_rebuild_moves_only_what_changed(tmp_path: Path) -> None:
    """One document edited, one deleted: the others' outputs are left where they are (not
    even linked again: their change time is the same), the deleted one's and a stray file
    are gone, and the output folder is what a build without the cache makes."""
    root = make_corpus(tmp_path / "project", 6)
    _build(root, "-j", "1")
    out = root / "build"
    kept = [out / "epub/doc-00001.epub", out / "site/doc-00001/doc-00001.epub"]
    kept += [out / "clean/doc-00001.md", out / "site/doc-00001/changes.html"]
    before = [path.stat().st_ctime_ns for path in kept]
    page = root / "content" / "doc-00003.md"
    page.write_text(page.read_text("utf-8") + "\nAn added line.\n", encoding="utf-8")
    (root / "content" / "doc-00006.md").unlink()
    (out / "site" / "stray").mkdir()
    (out / "site" / "stray" / "page.html").write_text("no build wrote it", encoding="utf-8")
    assert "4 of 5 document(s) from the cache" in _build(root, "-j", "1").stderr
    assert [path.stat().st_ctime_ns for path in kept] == before
    assert not (out / "site" / "doc-00006").exists() and not (out / "site" / "stray").exists()
    cached = _tree(out)
    assert b"An added line." in cached["site/doc-00003/index.html"]
    _build(root, "--no-cache", "-j", "1")
    assert _differing(cached, _tree(out)) == []


QUICK = "no file it read was touched"
SVG = (
    '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">'
    '<rect width="10" height="10" fill="{}"/></svg>'
)


def test_a_build_with_nothing_to_do_is_known_from_the_files_metadata(
    make_project: MakeProject,
) -> None:
    """After a build without a warning, the next one with no file touched stops before
    reading a source; a changed image, a new source or a touched one sends it through the
    build, which decides from their contents."""
    root = make_project(
        {
            "publish.toml": 'title = "T"\nformats = ["html"]\n',
            "content/a.md": "# 甲\n\n![图](images/pic.svg)\n",
            "content/b.md": "# 乙\n\n正文。\n",
            "content/images/pic.svg": SVG.format("red"),
        }
    )
    _build(root)
    assert QUICK in _build(root).stderr
    (root / "content" / "images" / "pic.svg").write_text(SVG.format("blue"), encoding="utf-8")
    changed = _build(root).stderr
    assert QUICK not in changed and "1 of 2 document(s) from the cache" in changed
    assert "blue" in (root / "build" / "site" / "a" / "images" / "pic.svg").read_text("utf-8")
    assert QUICK in _build(root).stderr
    copy = root.parent / "copy"  # (its files' times kept, but another project)
    shutil.copytree(root, copy, symlinks=True)
    assert QUICK not in _build(copy).stderr
    (root / "content" / "c.md").write_text("# 丙\n\n新的。\n", encoding="utf-8")
    assert "2 of 3 document(s) from the cache" in _build(root).stderr
    os.utime(root / "content" / "b.md")  # touched, the same text: the build finds no change
    touched = _build(root).stderr
    assert QUICK not in touched and "Nothing changed since the last build" in touched
    assert QUICK in _build(root).stderr
    (root / "content" / "d.md").write_text(
        '# 丁\n\n[链](https://example.com/){style="c"}\n', "utf-8"
    )
    assert "attribute 'style' dropped" in _build(root).stderr
    again = _build(root).stderr  # (a build that warned leaves no note: its warnings are said)
    assert QUICK not in again and "attribute 'style' dropped" in again


def test_a_source_folder_that_is_a_link_is_looked_into_for_changes(
    make_project: MakeProject,
) -> None:
    """The build reads a source folder that is a link (inside the project); an edit behind it
    is a change, not a build with nothing to do."""
    root = make_project(
        {
            "publish.toml": 'title = "T"\nformats = ["html"]\n',
            "content/a.md": "# 甲\n\n正文。\n",
            "shared/x/part.md": "# 乙\n\n第一稿。\n",
        }
    )
    (root / "content" / "x").symlink_to(root / "shared" / "x")
    _build(root)
    assert QUICK in _build(root).stderr
    (root / "shared" / "x" / "part.md").write_text("# 乙\n\n第二稿。\n", encoding="utf-8")
    edited = _build(root).stderr
    assert QUICK not in edited and "1 of 2 document(s) from the cache" in edited
    assert "第二稿" in (root / "build" / "site" / "part" / "index.html").read_text("utf-8")


def test_a_new_title_renders_the_neighbours_pages_again(tmp_path: Path) -> None:
    """Its neighbours' pages link it by its title: they are rendered again, from documents
    taken from the cache and parsed again, to the bytes of a build without the cache."""
    root = make_corpus(tmp_path / "project", 5)
    _build(root, "-j", "2")
    page = root / "content" / "doc-00003.md"
    page.write_text(page.read_text("utf-8").replace("Report 3", "Report Three"), "utf-8")
    edited = _build(root, "-j", "2")
    assert "4 of 5 document(s) from the cache" in edited.stderr
    assert "parse again for the site: 2 document(s)" in edited.stderr, edited.stderr
    cached = _tree(root / "build")
    assert sum(b"Report Three" in data for name, data in cached.items() if "/index" in name) >= 3
    _build(root, "--no-cache")
    assert _differing(cached, _tree(root / "build")) == []


def test_a_changed_image_builds_its_document_again(make_project: MakeProject) -> None:
    svg = '<svg xmlns="http://www.w3.org/2000/svg" width="{0}" height="10"></svg>'
    root = make_project(
        {
            "content/a.md": "# 甲\n\n![图](pic.svg)\n\n正文。\n",
            "content/b.md": "# 乙\n\n正文。\n",
            "content/pic.svg": svg.format(10),
        }
    )
    _build(root, "--format", "epub,html")
    (root / "content" / "pic.svg").write_text(svg.format(20), encoding="utf-8")
    again = _build(root, "--format", "epub,html")
    assert "1 of 2 document(s) from the cache" in again.stderr
    assert b'width="20"' in (root / "build/site/a/pic.svg").read_bytes()


def test_problems_of_workers_keep_their_one_line_form(make_project: MakeProject) -> None:
    root = make_project(
        {
            "content/a.md": "# 甲\n\n正文。\n",
            "content/b.md": "# 乙\n\n![图](missing.png)\n",
            "content/c.md": "# 丙\n\n![图](gone.png)\n",
        }
    )
    result = run_cli(["-q", "build", "-j", "2", "--format", "html"], root, EPOCH)
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert [line.split(":")[:2] for line in lines] == [
        ["content", " content/b.md"],
        ["content", " content/c.md"],
    ], result.stderr
    assert "Traceback" not in result.stderr
    assert files_under(root / "build") == []


def test_one_line_per_stage_when_not_a_terminal_and_none_with_q(tmp_path: Path) -> None:
    root = make_corpus(tmp_path / "project", 3)
    lines = _build(root, "--format", "html").stderr.splitlines()
    stages = [re.sub(r"[0-9.]+ s$", "T s", line) for line in lines if "(s) in" in line]
    assert stages == [
        "  clean, parse, write: 3 document(s) in T s",
        "  site pages: 3 document(s) in T s",
        "  search index: 1 shard(s) in T s",  # (its shard starts after its last page)
    ], lines
    quiet = run_cli(["-q", "build", "--format", "html"], root, EPOCH)
    assert quiet.returncode == 0 and quiet.stderr == ""


def test_warnings_of_workers_and_of_the_cache_count_for_strict(make_project: MakeProject) -> None:
    english = "The council met on Monday and agreed to repair the bridge this spring. " * 3
    root = make_project(
        {
            "content/a.md": f"---\nlanguage: zh-CN\n---\n\n# A\n\n{english}\n",
            "content/b.md": "# 乙\n\n正文。\n",
        }
    )
    for _ in range(2):  # built by a worker, then from the cache: the same warning, and failure
        result = run_cli(["build", "-j", "2", "--format", "html", "--strict"], root, EPOCH)
        assert result.returncode == 1
        assert "warning: content/a.md:2: language zh-CN, but the text looks like en" in (
            result.stderr
        )
        assert "strict: 1 warning(s) and --strict is on" in result.stderr
    assert files_under(root / "build") == []
    _build(root, "--format", "html")
    again = run_cli(["build", "--format", "html", "--strict"], root, EPOCH)
    assert (
        "Step 3" not in again.stderr and "strict: 1 warning(s)" in again.stderr
    )  # (nothing to do)


def test_build_settings_are_checked(make_project: MakeProject) -> None:
    root = make_project(
        {
            "publish.toml": '[build]\njobs = 0\nexecutor = "spark"\ncache_dir = "../x"\n',
            "content/a.md": "# A\n\nx\n",
        }
    )
    result = run_cli(["build"], root)
    assert result.returncode == 1
    assert "publish.toml:2: build.jobs must be 1 or more, got 0" in result.stderr
    assert "publish.toml:3: build.executor 'spark' is not one of local, dask" in result.stderr
    assert "publish.toml:4: build.cache_dir '../x' leads out of the project" in result.stderr
    (root / "publish.toml").write_text("[build]\njobs = 1\nj = 2\n", encoding="utf-8")
    warned = run_cli(["build", "--format", "html"], root)
    assert "warning: publish.toml:3: unknown key build.j; known: allow_remote" in warned.stderr
    bad = run_cli(["build", "-j", "0"], root)
    assert bad.returncode == 2 and "-j takes a whole number of 1 or more" in bad.stderr


def test_a_cache_dir_of_the_project(make_project: MakeProject) -> None:
    root = make_project(
        {"publish.toml": '[build]\ncache_dir = "kept"\n', "content/a.md": "# A\n\nx\n"}
    )
    _build(root, "--format", "html")
    assert (root / "kept" / "entries").is_dir() and not (root / "build" / ".cache").exists()
    assert "Nothing changed since the last build" in _build(root, "--format", "html").stderr
    _build(root, "--format", "html", "--no-cache")
    assert not (root / "kept").exists()


@pytest.mark.skipif(sys.platform != "linux", reason="process groups and /proc")
def test_ctrl_c_stops_every_worker_and_keeps_the_previous_build(tmp_path: Path) -> None:
    root = make_corpus(tmp_path / "project", 8)
    _build(root, "--format", "html")
    before = _tree(root / "build")
    for page in (root / "content").iterdir():
        page.write_text(page.read_text("utf-8") + "\nChanged.\n", encoding="utf-8")
    run = subprocess.Popen(
        [sys.executable, "-m", "publish", "build", "-j", "2", "--format", "pdf,html"],
        cwd=root,
        env={**os.environ, **EPOCH},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,  # its own process group, as a terminal's foreground job
    )
    deadline = time.monotonic() + 120
    while not list((root / "build").glob(".staging-*/clean/*")):  # a worker is at work
        assert run.poll() is None and time.monotonic() < deadline
        time.sleep(0.05)
    os.killpg(run.pid, signal.SIGINT)  # what Ctrl-C sends
    _, stderr = run.communicate(timeout=60)
    assert run.returncode == 130, stderr
    assert "interrupted" in stderr and "Traceback" not in stderr
    for _ in range(100):  # no worker of the group is left
        try:
            os.killpg(run.pid, 0)
        except ProcessLookupError:
            break
        time.sleep(0.05)
    else:
        pytest.fail("a worker outlived the build")
    assert _differing(before, _tree(root / "build")) == []
    assert not list((root / "build").glob(".staging-*"))


def test_a_process_running_threads_starts_its_workers_safely(tmp_path: Path) -> None:
    """publish serve builds from a thread: its workers come from a fork server, not a fork of
    a process whose other threads may hold locks; the bytes are the same."""
    import threading

    from publish.build import BuildOptions, build
    from publish.config import load_config

    root = make_corpus(tmp_path / "project", 4)
    config = load_config(root)
    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    saved = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ.update(EPOCH)
    try:
        for jobs, out in ((2, "two"), (1, "one")):
            options = BuildOptions(formats=("epub", "html"), out=tmp_path / out, jobs=jobs)
            build(config, dataclasses.replace(options, cache="skip"))
    finally:
        stop.set()
        other.join()
        os.environ.pop("SOURCE_DATE_EPOCH")
        if saved is not None:
            os.environ["SOURCE_DATE_EPOCH"] = saved
    assert _differing(_tree(tmp_path / "one"), _tree(tmp_path / "two")) == []


def test_the_files_a_job_left_for_later_are_built_and_cached(tmp_path: Path) -> None:
    """``-j 1`` with the site: the last document's change log and change-log page are
    written while Pagefind runs (:attr:`publish.jobs.Done.later`); the outputs are those of
    ``-j 2`` (no job waits there), and the cache gives them back."""
    root = make_corpus(tmp_path / "project", 3)
    _build(root, "--out", str(tmp_path / "two"), "-j", "2", "--no-cache")
    _build(root, "-j", "1")
    built = _tree(root / "build")
    assert _differing(_tree(tmp_path / "two"), built) == []
    assert "clean/doc-00003.changes.json" in built and "site/doc-00003/changes.html" in built
    (root / "build/site/doc-00001/index.html").write_text("edited by hand", encoding="utf-8")
    assert "3 of 3 document(s) from the cache" in _build(root, "-j", "1").stderr
    assert _differing(built, _tree(root / "build")) == []


def test_one_edited_document_s_pdf_is_made_beside_the_site(tmp_path: Path) -> None:
    """A rebuild that makes one document at ``-j 2`` makes its PDF in the worker started with
    the build (:mod:`publish.beside`) while the site and its search index are made here; the
    outputs are those of a build from scratch, and the cache keeps the PDF too."""
    root = make_corpus(tmp_path / "project", 3)
    (root / "publish.toml").write_text(
        'title = "Scale"\nlanguage = "zh-CN"\nformats = ["pdf", "epub", "html"]\n', "utf-8"
    )
    first = _build(root, "-v", "-j", "2")
    assert "is made beside" not in first.stderr  # (three documents: the pool makes them)
    page = root / "content" / "doc-00002.md"
    page.write_text(page.read_text("utf-8") + "\nAn added line.\n", encoding="utf-8")
    edited = _build(root, "-v", "-j", "2")
    assert "the PDF of content/doc-00002.md is made beside, in a worker" in edited.stderr
    assert "2 of 3 document(s) from the cache" in edited.stderr
    built = _tree(root / "build")
    assert "site/doc-00002/doc-00002.pdf" in built and "pdf/doc-00002.pdf" in built
    assert b"doc-00002.pdf" in built["site/doc-00002/index.html"]  # (offered as it was made)
    assert "Nothing changed since the last build" in _build(root, "-j", "2").stderr
    (root / "build/site/doc-00002/index.html").write_text("edited by hand", encoding="utf-8")
    assert "3 of 3 document(s) from the cache" in _build(root, "-j", "2").stderr
    assert _differing(built, _tree(root / "build")) == []
    _build(root, "--out", str(tmp_path / "scratch"), "--no-cache", "-j", "1")
    assert _differing(built, _tree(tmp_path / "scratch")) == []
