"""``publish serve``: a change to a source shows on the served page without a restart."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request

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
