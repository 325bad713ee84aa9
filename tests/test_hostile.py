"""Hostile and broken input (``tests/hostile/``, see :mod:`hostile_cases`): each case runs the
real CLI on a project that already holds a good build, then checks that there is no traceback,
the exit status and first error line are the expected ones, a failed run left the previous
build byte for byte as it was, no request reached the network, and no output holds a file from
outside the project or script and style from content."""

from __future__ import annotations

import http.client
import http.server
import os
import shutil
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import ClassVar

import pytest
from hostile_cases import (
    GOOD,
    GROUPS,
    SECRET,
    TABLE_END,
    TABLE_START,
    Case,
    all_cases,
    fill,
    lay_out,
    table,
)
from hostile_scan import problems, snapshot

from conftest import run_cli

CASES = all_cases()
_LOG_PREFIXES = ("Step ", "  ", "warning:", "Done:", "check:")


class _Recorder(http.server.BaseHTTPRequestHandler):
    seen: ClassVar[list[str]] = []

    def do_GET(self) -> None:
        self.seen.append(self.path)
        self.send_response(200)
        self.send_header("Content-Type", "image/png")
        self.end_headers()

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="session")
def server() -> Iterator[str]:
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Recorder)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


@pytest.fixture(scope="session")
def busy() -> Iterator[str]:
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    sock.listen()
    yield str(sock.getsockname()[1])
    sock.close()


@pytest.fixture(scope="session")
def baseline(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A project with one good document, built once (every format)."""
    root = tmp_path_factory.mktemp("baseline") / "project"
    (root / "content").mkdir(parents=True)
    (root / "content" / "good.md").write_text(GOOD, "utf-8")
    result = run_cli(["build"], root, {"SOURCE_DATE_EPOCH": "1735689600"})
    assert result.returncode == 0, result.stderr
    return root


def _first_error(stderr: str) -> str:
    lines = [line for line in stderr.splitlines() if line and not line.startswith(_LOG_PREFIXES)]
    return lines[0] if lines else ""


def _serve(case: Case, root: Path, env: dict[str, str]) -> list[str]:
    """Start ``publish serve``, send the case's requests; the answers that were wrong."""
    port = _free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "publish", "serve", "--port", str(port)],
        cwd=root,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    wrong = []
    try:
        for _ in range(300):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                time.sleep(0.1)
        for request in case.requests:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            connection.putrequest(
                request.get("method", "GET"), request["path"], skip_accept_encoding=True
            )
            connection.endheaders()
            response = connection.getresponse()
            body = response.read()
            if response.status != request["status"] or b"Index of" in body:
                wrong.append(f"{request['path']}: {response.status}, not {request['status']}")
    finally:
        process.terminate()
        _, stderr = process.communicate(timeout=30)
    if "Traceback" in stderr:
        wrong.append(stderr)
    return wrong


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _after(case: Case, root: Path) -> list[str]:
    wrong = []
    for spec in case.after:
        path = root / spec["path"]
        if "exists" in spec and path.exists() != spec["exists"]:
            wrong.append(f"{spec['path']}: exists is {path.exists()}")
        if "symlink" in spec and path.is_symlink() != spec["symlink"]:
            wrong.append(f"{spec['path']}: symlink is {path.is_symlink()}")
        if "mode" in spec and f"{path.stat().st_mode & 0o777:o}" != spec["mode"]:
            wrong.append(f"{spec['path']}: mode {path.stat().st_mode & 0o777:o}")
        text = path.read_text("utf-8", errors="replace") if path.is_file() else ""
        if "contains" in spec and spec["contains"] not in text:
            wrong.append(f"{spec['path']}: does not hold {spec['contains']!r}")
        if "lacks" in spec and spec["lacks"] in text:
            wrong.append(f"{spec['path']}: holds {spec['lacks']!r}")
        if "max_bytes" in spec and path.stat().st_size > spec["max_bytes"]:
            wrong.append(f"{spec['path']}: {path.stat().st_size} bytes")
        if "pdf_chars" in spec and _pdf_letters(path) < spec["pdf_chars"]:
            wrong.append(f"{spec['path']}: {_pdf_letters(path)} letters on its pages")
    return wrong


def _pdf_letters(path: Path) -> int:
    from pypdf import PdfReader

    text = "".join(page.extract_text() for page in PdfReader(path).pages)
    return sum(1 for ch in text if ch.isalnum())


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_hostile(case: Case, tmp_path: Path, baseline: Path, server: str, busy: str) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text(SECRET + "\n", "utf-8")
    root = tmp_path / "project"
    shutil.copytree(baseline, root, symlinks=True)
    places = {
        "server": server,
        "secret": str(outside / "secret.txt"),
        "outside": str(outside),
        "busy": busy,
    }
    lay_out(case, root, places)
    before = snapshot(root / "build")
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1735689600", **case.env}
    seen = len(_Recorder.seen)
    if case.requests:
        assert _serve(case, root, env) == []
        return
    args = [fill(arg, places) for arg in case.args]
    result = subprocess.run(
        [sys.executable, "-m", "publish", *args],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert "Traceback" not in result.stderr, result.stderr
    assert result.returncode == case.exit, result.stderr
    assert all(len(line) < 600 for line in result.stderr.splitlines()), "a message too long"
    if case.exit:
        assert fill(case.error, places) in _first_error(result.stderr), result.stderr
        assert snapshot(root / "build") == before, "a failed run changed the previous build"
    if case.warning:
        warning = fill(case.warning, places)
        assert any(warning in line for line in result.stderr.splitlines()), result.stderr
    assert _Recorder.seen[seen:] == [], "the build reached the network"
    assert problems(root / "build", SECRET) == []
    assert _after(case, root) == []


def test_readme_lists_every_case() -> None:
    """The README's table is the cases as they are (``python tests/hostile_cases.py``)."""
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text("utf-8")
    start, end = readme.index(TABLE_START), readme.index(TABLE_END) + len(TABLE_END)
    assert readme[start:end] == table()
    assert f"The {len(CASES)} hostile cases" in readme
    assert len(CASES) >= 100 and {c.group for c in CASES} >= set(GROUPS)
