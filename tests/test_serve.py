"""``publish serve``: a change to a source shows on the served page without a restart."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from typing import Any

import pytest

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


def test_serve_rebuilds_and_reloads(make_project: MakeProject) -> None:
    root = make_project({"content/a.md": "# 第一版标题\n\n正文内容。\n"})
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "publish", "serve", "--port", str(port)],
        cwd=root,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env={**os.environ},
    )
    base = f"http://127.0.0.1:{port}/"
    try:
        _wait_for(lambda: "第一版标题" in _get(base + "a/index.html"))
        page = _get(base + "a/index.html")
        assert "/__publish/version" in page  # the reload script, added when served
        assert "__publish" not in (root / "build/site/a/index.html").read_text("utf-8")
        version = _get(base + "__publish/version")
        time.sleep(1.1)  # a new modification time
        (root / "content/a.md").write_text("# 第二版标题\n\n新的正文。\n", encoding="utf-8")
        _wait_for(lambda: "第二版标题" in _get(base + "a/index.html"))
        assert _get(base + "__publish/version") != version
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_rebuild_cleans_only_changed_documents(
    make_project: MakeProject, monkeypatch: pytest.MonkeyPatch
) -> None:
    from publish import clean
    from publish.build import BuildOptions, CleanCache, build
    from publish.config import load_config

    root = make_project(
        {"content/a.md": "# 甲\n\n正文,内容。\n", "content/b.md": "# 乙\n\n另一篇,正文。\n"}
    )
    cleaned: list[str] = []
    real = clean.clean_article

    def counting(article: Any, *args: Any, **kwargs: Any) -> Any:
        cleaned.append(article.slug)
        return real(article, *args, **kwargs)

    monkeypatch.setattr(clean, "clean_article", counting)
    cache, options = CleanCache(), BuildOptions(formats=("html",))
    build(load_config(root), options, cache=cache)
    first = (root / "build/site/a/index.html").read_bytes()
    assert sorted(cleaned) == ["a", "b"]
    (root / "content/b.md").write_text("# 乙\n\n改过的,正文。\n", encoding="utf-8")
    build(load_config(root), options, cache=cache)
    assert sorted(cleaned) == ["a", "b", "b"]  # a was not cleaned again
    assert "改过的，正文" in (root / "build/site/b/index.html").read_text("utf-8")
    assert (root / "build/site/a/index.html").read_bytes() == first
    assert "正文，内容" in (root / "build/clean/a.md").read_text("utf-8")
