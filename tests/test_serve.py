"""``publish serve``: a change to a source shows on the served page without a restart, a failed
build shows over the page, and a busy port moves on to the next free one."""

from __future__ import annotations

import json
import os
import selectors
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import sync_playwright

from conftest import MakeProject


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _get(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as response:
        return str(response.read().decode("utf-8"))


def _wait_for(check: object, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if check():  # type: ignore[operator]
                return
        except OSError:
            pass
        time.sleep(0.25)
    raise AssertionError("the served site did not change in time")


def _serve(root: Path, port: int) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "publish", "serve", "--port", str(port)],
        cwd=root,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env={**os.environ},
    )


def _version(base: str) -> int:
    return int(json.loads(_get(base + "__publish/state"))["version"])


@pytest.fixture
def served(make_project: MakeProject) -> Iterator[tuple[Path, str]]:
    root = make_project({"content/a.md": "# 第一版标题\n\n正文内容。\n"})
    port = _free_port()
    server = _serve(root, port)
    base = f"http://127.0.0.1:{port}/"
    try:
        _wait_for(lambda: "第一版标题" in _get(base + "a/index.html"))
        yield root, base
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_serve_rebuilds_and_reloads(served: tuple[Path, str]) -> None:
    root, base = served
    page = _get(base + "a/index.html")
    version = _version(base)
    assert f"const built = {version};" in page  # the reload script knows its page's build
    assert "__publish" not in (root / "build/site/a/index.html").read_text("utf-8")
    (root / "content/a.md").write_text("# 第二版标题\n\n新的正文。\n", encoding="utf-8")
    _wait_for(lambda: _version(base) == version + 1)  # (set once the build has returned)
    assert "第二版标题" in _get(base + "a/index.html")


def test_a_save_right_after_load_reloads_and_errors_show(served: tuple[Path, str]) -> None:
    """The race of issue 14: a save within a second of loading a page was never picked up
    (the page learnt the version from its first poll, after the rebuild). Then a broken source
    shows its error over the page until the next good build."""
    root, base = served
    source = root / "content/a.md"
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path="/usr/bin/chromium", args=["--no-sandbox", "--disable-gpu"]
        )
        page = chromium.new_page()
        page.goto(base + "a/index.html")
        source.write_text("# 第二版标题\n\n新的正文。\n", encoding="utf-8")  # no wait at all
        page.wait_for_function("document.body.innerText.includes('第二版标题')", timeout=30_000)
        source.write_text("---\ntitle: [unclosed\n---\n正文。\n", encoding="utf-8")
        page.wait_for_selector("#publish-build-error", state="visible", timeout=30_000)
        shown = page.inner_text("#publish-build-error")
        assert "a.md" in shown and "第二版标题" in page.inner_text("h1")
        source.write_text("# 第三版标题\n\n正文。\n", encoding="utf-8")
        page.wait_for_function("document.body.innerText.includes('第三版标题')", timeout=30_000)
        assert page.query_selector("#publish-build-error") is None
        chromium.close()


def test_a_busy_port_moves_on_and_says_so(make_project: MakeProject) -> None:
    root = make_project({"content/a.md": "# 标题\n\n正文。\n"})
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = int(busy.getsockname()[1])
        server = _serve(root, port)
        try:
            assert server.stderr is not None
            said, selector = b"", selectors.DefaultSelector()
            selector.register(server.stderr, selectors.EVENT_READ)
            deadline = time.monotonic() + 30
            while b"serving on port" not in said and time.monotonic() < deadline:
                if selector.select(timeout=1):
                    said += os.read(server.stderr.fileno(), 4096)
            line = said.decode().strip().splitlines()[0]
            moved = int(line.rsplit(" ", 2)[-2])
            assert f"port {port} on 127.0.0.1 is in use" in line and moved != port
            _wait_for(lambda: "标题" in _get(f"http://127.0.0.1:{moved}/a/index.html"))
        finally:
            server.terminate()
            server.wait(timeout=10)


def test_rebuild_cleans_only_changed_documents(
    make_project: MakeProject, monkeypatch: pytest.MonkeyPatch
) -> None:
    from publish import clean
    from publish.build import BuildOptions, build
    from publish.config import load_config

    root = make_project(
        {
            "content/a.md": "# 甲\n\n正文,内容。\n",
            "content/b.md": "# 乙\n\n另一篇,正文。\n\n第二段,正文。\n",
        }
    )
    cleaned: list[str] = []
    real = clean.clean_article

    def counting(article: Any, *args: Any, **kwargs: Any) -> Any:
        cleaned.append(article.slug)
        return real(article, *args, **kwargs)

    monkeypatch.setattr(clean, "clean_article", counting)
    options = BuildOptions(formats=("html",), jobs=1)  # (in this process: cleaning is counted)
    build(load_config(root), options)
    first = (root / "build/site/a/index.html").read_bytes()
    assert sorted(cleaned) == ["a", "b"]
    # b's second paragraph changes, not its title or summary: a's page links it as before
    (root / "content/b.md").write_text("# 乙\n\n另一篇,正文。\n\n改过的,正文。\n", "utf-8")
    build(load_config(root), options)
    assert sorted(cleaned) == ["a", "b", "b"]  # a was not cleaned again
    assert "改过的，正文" in (root / "build/site/b/index.html").read_text("utf-8")
    assert (root / "build/site/a/index.html").read_bytes() == first
    assert "正文，内容" in (root / "build/clean/a.md").read_text("utf-8")
