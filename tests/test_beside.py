"""The worker that makes one document's PDF beside a small build (publish.beside): the PDF
it makes is the one the build's own process makes, what it logs is only what the PDF logs, a
problem of the document comes back in its one-line form, and a worker that died is said so."""

from __future__ import annotations

import dataclasses
import logging
import os
import signal
from pathlib import Path

import pytest

from conftest import MakeProject
from publish.beside import Beside
from publish.config import load_config
from publish.errors import BuildError
from publish.jobs import Job, run
from publish.selection import read_collection

SOURCE = "---\ntitle: 一篇\n---\n\n# 标题\n\n正文(上接第1版)第一段。\n\nSome English text.\n"


def _job(root: Path, staging: Path) -> Job:
    config = load_config(root)
    article = read_collection(config, []).articles[0]
    return Job(article, config, "default", ("pdf",), str(staging), logging.DEBUG, apart=True)


@pytest.fixture(autouse=True)
def _epoch(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1735689600")


def test_the_pdf_made_beside_is_the_pdf_made_here(
    make_project: MakeProject, tmp_path: Path
) -> None:
    root = make_project({"content/one.md": SOURCE})
    here, beside = (tmp_path / name for name in ("here", "beside"))
    for folder in (here, beside):
        folder.mkdir()
    whole = run(dataclasses.replace(_job(root, here), apart=False))
    worker = Beside.start(True)
    assert worker is not None
    with worker:
        done = worker.submit(_job(root, beside)).result()
    assert not done.problems and done.document is None
    assert done.files == ("pdf/one.pdf",) and "pdf/one.pdf" in whole.files
    assert "clean/one.changes.json" in whole.files  # (the twin job writes the log)
    assert (beside / "pdf/one.pdf").read_bytes() == (here / "pdf/one.pdf").read_bytes()
    said = [r for r in whole.records if r[1] == "publish.parse.meta"]  # (parsing: the language)
    assert said and not [r for r in done.records if r in said]
    assert any(r[1].startswith("weasyprint") for r in done.records)  # (what the PDF logs)


def test_a_problem_beside_comes_back_and_a_worker_that_died_is_said(
    make_project: MakeProject, tmp_path: Path
) -> None:
    root = make_project({"content/one.md": "# One\n\n![a figure](figure.bmpx)\n"})
    (root / "content" / "figure.bmpx").write_bytes(b"not an image")
    with Beside() as worker:
        done = worker.submit(_job(root, tmp_path)).result()
    assert done.category == "content"
    assert done.problems and "unsupported type" in done.problems[0]
    assert "one.md" in done.problems[0] and not list(tmp_path.rglob("*.pdf"))

    with Beside() as worker:
        pid = worker._process.pid
        assert pid is not None
        os.kill(pid, signal.SIGKILL)
        with pytest.raises(BuildError, match=r"ended \(exit status -9\); run the build again"):
            worker.submit(_job(root, tmp_path)).result()


def test_no_worker_is_forked_from_a_process_running_threads() -> None:
    import threading

    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        assert Beside.start(True) is None
    finally:
        stop.set()
        other.join()
    assert Beside.start(False) is None


def test_only_a_short_document_s_pdf_is_made_beside(
    make_project: MakeProject, tmp_path: Path
) -> None:
    """The build's last job (``publish.stages._apart``): its PDF goes to the worker, and the
    job keeps its other formats; a long document (over ``SMALL`` characters) keeps its PDF,
    as a second copy of its parse would cost the memory of one."""
    from publish.beside import SMALL
    from publish.executors import Executor, Plan
    from publish.stages import _apart

    long_text = "# Long\n\n" + "一段正文。\n\n" * (SMALL // 7 + 1)
    root = make_project({"content/long.md": long_text, "content/one.md": SOURCE})
    config = load_config(root)
    long, one = read_collection(config, []).articles
    for article, apart in ((long, False), (one, True)):
        job = Job(article, config, "default", ("pdf", "epub"), str(tmp_path), later=True)
        with Beside() as worker, Executor(Plan("local", 2), worker) as executor:
            jobs = [job]
            beside, coming = _apart(executor, jobs)
            assert (beside is not None) == apart == worker.used
            if beside is None:
                assert jobs == [job] and coming == ()
                continue
            assert jobs[0].formats == ("epub",) and coming == ("pdf/one.pdf",)
            assert beside.result().files == ("pdf/one.pdf",)
