"""Pagefind's indexing service (publish.formats.indexer) and the search stage that feeds it a
page at a time (publish.searchstage): the real Pagefind program, no stand-in."""

from __future__ import annotations

import threading
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import cast

import pytest

from conftest import MakeProject
from publish.config import load_config
from publish.errors import BuildError
from publish.formats import BuildContext, search
from publish.formats.indexer import WARM_BELOW, Indexer, Spare
from publish.progress import Progress
from publish.render import Renderer
from publish.searchstage import Search

PAGES = [
    ("a", '<html lang="zh-CN"><body><main><h1>黄酒</h1><p>绍兴的黄酒节。</p></main></body></html>'),
    ("b", '<html lang="zh-CN"><body><main><h1>Tea</h1><p>龙井 tea.</p></main></body></html>'),
]


def _tree(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()
    }


def test_a_warm_indexer_and_a_cold_one_write_the_same_bundle(tmp_path: Path) -> None:
    """The page a warm indexer is given first (its dictionary loads) is in no index: the
    bundle is byte for byte that of an indexer given only the pages, and holds each page."""
    search.index(Indexer("zh-CN", warm=True), PAGES, tmp_path / "warm")
    search.index(Indexer("zh-CN"), iter(PAGES), tmp_path / "cold")
    warm = _tree(tmp_path / "warm")
    assert warm == _tree(tmp_path / "cold")
    assert len([name for name in warm if name.startswith("fragment/")]) == 2
    assert b'"page_count":2' in warm["pagefind-entry.json"]
    assert {"pagefind.js", "pagefind-ui.js", "wasm.unknown.pagefind"} <= set(warm)


def test_an_error_of_the_service_is_one_line() -> None:
    """Pagefind's answer that a message failed (here: a page for an index it does not have)."""
    indexer = Indexer("zh-CN")
    indexer.add("/a/", PAGES[0][1])
    with pytest.raises(BuildError) as failed:
        indexer._ask("AddFile", index=False, index_id=7, url="/b/", file_contents=PAGES[1][1])
    indexer.close()
    (problem,) = failed.value.problems
    assert problem.startswith("Pagefind failed: Invalid index, does not yet exist")


def test_the_service_stopping_is_one_line_that_says_why(tmp_path: Path) -> None:
    """A Rust panic in Pagefind's service (here: told to write its files where a file is in
    the way) is the panic's message, one line, not the backtrace's last line."""
    (tmp_path / "in-the-way").write_text("", "utf-8")
    indexer = Indexer("zh-CN")
    indexer.add("/a/", PAGES[0][1])
    with pytest.raises(BuildError) as failed:
        indexer._ask("WriteFiles", output_path=str(tmp_path / "in-the-way" / "bundle"))
    indexer.close()
    (problem,) = failed.value.problems
    assert problem.startswith("Pagefind failed: called `Result::unwrap()` on an `Err` value")
    assert "\n" not in problem and "Not a directory" in problem


def test_a_service_that_ended_is_said_so(tmp_path: Path) -> None:
    indexer = Indexer("zh-CN")
    indexer.add("/a/", PAGES[0][1])
    indexer._process.kill()
    with pytest.raises(BuildError) as failed:
        search.index(indexer, PAGES[1:], tmp_path / "bundle")
    (problem,) = failed.value.problems
    assert problem.startswith("Pagefind failed: its service ended (exit status -9)")
    assert not (tmp_path / "bundle").exists()


def test_a_spare_indexer_is_started_for_a_few_documents_only() -> None:
    with Spare("zh-CN") as spare:
        spare.start(WARM_BELOW + 1)
        assert spare._one is None  # (a large build: its indexers start with their shards)
        spare.start(WARM_BELOW)
        ahead = spare._one
        assert ahead is not None
        assert spare.take() is ahead and spare._one is None
        ahead.close()
        spare.start(0)  # (only pages to render again: started too)
        left = spare._one
        assert left is not None
    assert left._process.poll() is not None  # (closed unused at the end)


def test_a_build_that_fails_stops_the_shards_waiting_for_pages(make_project: MakeProject) -> None:
    """A shard waits for its pages as the build writes them; when the build fails before a
    page is written, leaving the stage stops the shard instead of waiting for ever."""
    config = load_config(make_project({"content/a.md": "# A\n"}))
    out = config.root / "build"
    (out / "site" / "a").mkdir(parents=True)
    (out / "site" / "a" / "index.html").write_text(PAGES[0][1], "utf-8")
    moment = datetime(2025, 1, 1, tzinfo=UTC)
    ctx = BuildContext(config, cast(Renderer, None), out, moment)
    done = threading.Event()

    def stage() -> None:
        with (
            pytest.raises(RuntimeError),
            Spare("zh-CN") as spare,
            Search(ctx, None, ["a", "b"], (2, Progress(False)), spare) as index,
        ):
            index.planned({"a": "key-a", "b": "key-b"})
            index.written("a", read_as=PAGES[0][1])
            while "a" in index._read_as:  # (taken: the shard waits for "b" now)
                time.sleep(0.01)
            raise RuntimeError("a page failed")  # ("b" is never written)
        done.set()

    worker = threading.Thread(target=stage, daemon=True)
    worker.start()
    assert done.wait(60), "the search stage still waits for a page"
    assert not (out / "site" / "pagefind" / "pagefind.js").exists()


def test_an_indexer_closed_with_a_message_unsent_says_nothing() -> None:
    """A build that fails at once closes the indexer it started ahead, whose first message
    may still be in the pipe's buffer when the process is gone: closing is no error of its
    own (it hid the build's: ``build: cannot write: Broken pipe``)."""
    indexer = Indexer("zh-CN", warm=True)
    indexer._ready.join()
    indexer._process.kill()
    indexer._process.wait()
    assert indexer._process.stdin is not None
    indexer._process.stdin.write(b"unsent,")  # (buffered: flushed when closed)
    indexer.close()


def test_an_answer_out_of_protocol_is_one_line() -> None:
    """What is not base64 JSON where an answer should be (here: left before Pagefind's own)
    is a build error, not a traceback from the indexer's thread."""
    indexer = Indexer("zh-CN")
    indexer._ready.join()
    indexer._buffer = b"not base64!,"
    with pytest.raises(BuildError) as failed:
        indexer.add("/a/", PAGES[0][1])
    indexer.close()
    (problem,) = failed.value.problems
    assert problem == "Pagefind failed: an answer it gave is not its protocol's: b'not base64!'"
