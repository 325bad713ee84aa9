"""One document's job (publish.jobs): on this machine it writes into the staging folder and
sets its document aside itself, sending back neither bytes nor document; for a Dask worker it
writes nothing there and sends the bytes. The files are the same either way."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from conftest import MakeProject
from publish.config import load_config
from publish.jobs import Job, _steps, run
from publish.parked import fetch
from publish.selection import read_collection

SOURCE = "---\ntitle: 一篇\n---\n\n# 标题\n\n正文(上接第1版)第一段。\n\nSome English text.\n"


def _job(root: Path, staging: str = "", park: str = "") -> Job:
    config = load_config(root)
    article = read_collection(config, []).articles[0]
    return Job(article, config, "default", ("epub", "html"), staging=staging, park=park)


def test_a_job_here_writes_in_place_and_one_for_dask_sends_bytes(
    make_project: MakeProject, tmp_path: Path
) -> None:
    root = make_project({"content/one.md": SOURCE})
    staging, parking = tmp_path / "staging", tmp_path / "parking"
    staging.mkdir()
    parking.mkdir()

    here = run(_job(root, staging=str(staging), park=str(parking)))
    assert not here.problems and here.data == () and here.document is None
    assert here.files == tuple(sorted(here.files)) and "epub/one.epub" in here.files
    assert sorted(p.relative_to(staging).as_posix() for p in staging.rglob("*") if p.is_file()) == [
        *here.files
    ]
    parked = fetch(Path(here.parked))
    assert parked.meta.title == "一篇" and Path(here.parked).parent == parking

    away = run(_job(root))
    assert away.files == here.files and away.parked == "" and away.document is not None
    assert [(staging / name).read_bytes() for name in here.files] == list(away.data)
    assert away.document.body_html == parked.body_html


def test_a_job_here_may_leave_its_log_and_change_page_for_later(
    make_project: MakeProject, tmp_path: Path
) -> None:
    """``Job.later``: the EPUB is written at once; build/clean and the site's files when the
    build calls ``Done.later`` (beside Pagefind), the same files and bytes as a job that
    writes everything at once. A job that makes the PDF (it attaches the log) never waits."""
    root = make_project({"content/one.md": SOURCE})
    at_once, waited, parking = tmp_path / "at-once", tmp_path / "waited", tmp_path / "parking"
    for folder in (at_once, waited, parking):
        folder.mkdir()
    whole = run(_job(root, staging=str(at_once), park=str(parking)))
    job = dataclasses.replace(_job(root, staging=str(waited), park=str(parking)), later=True)
    left = run(job)
    assert whole.later is None and whole.parked and left.later is not None and not left.problems
    assert left.files == ("epub/one.epub",)
    assert not (waited / "clean").exists() and not (waited / "site").exists()
    assert left.document is not None and left.parked == ""  # (held: the later work holds it)
    rest = left.later()
    assert tuple(sorted({*left.files, *rest})) == whole.files
    for name in whole.files:
        assert (waited / name).read_bytes() == (at_once / name).read_bytes(), name
    with_pdf = dataclasses.replace(job, formats=("pdf", "html"), staging=str(tmp_path))
    assert _steps(with_pdf) == (("clean", "pdf", "html"), ())
    assert _steps(dataclasses.replace(job, staging="")) == (("clean", "epub", "html"), ())
