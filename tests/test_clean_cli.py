"""``publish clean``: stdout, -o, --write, --diff, --check, --changes, encodings, pass choice."""

from __future__ import annotations

import json
import os
import stat
import threading
from pathlib import Path

from conftest import MakeProject, run_cli

MESSY = "(上接第一版)今年,我们完成了任务.\r\n\r\n\r\n使用GPS定位和5G网络!\r\n"
CLEAN = "今年，我们完成了任务。\n\n使用GPS定位和5G网络！\n"


def test_stdout_and_output_file(make_project: MakeProject) -> None:
    root = make_project({"a.md": MESSY})
    result = run_cli(["clean", "a.md"], root)
    assert result.returncode == 0 and result.stdout == CLEAN
    assert run_cli(["clean", "a.md", "-o", "out/b.md"], root).returncode == 0
    assert (root / "out/b.md").read_text("utf-8") == CLEAN
    assert (root / "a.md").read_bytes().decode("utf-8") == MESSY
    dash = run_cli(["clean", "a.md", "-o", "-"], root)  # (standard output, as pandoc's ``-o -``)
    assert dash.returncode == 0 and dash.stdout == CLEAN and not (root / "-").exists()


def test_write_in_place_keeps_front_matter(make_project: MakeProject) -> None:
    root = make_project({"a.md": "---\ntitle: 甲\n---\n" + MESSY})
    assert run_cli(["clean", "--write", "a.md"], root).returncode == 0
    assert (root / "a.md").read_text("utf-8") == "---\ntitle: 甲\n---\n" + CLEAN
    assert [p.name for p in root.iterdir() if p.name.startswith(".")] == []


def test_diff(make_project: MakeProject) -> None:
    root = make_project({"a.md": MESSY})
    result = run_cli(["clean", "--diff", "a.md"], root)
    assert result.returncode == 0
    assert result.stdout.startswith("--- a/a.md\n+++ b/a.md\n")
    assert "+今年，我们完成了任务。\n" in result.stdout


def test_check(make_project: MakeProject) -> None:
    root = make_project({"a.md": MESSY, "b.md": CLEAN})
    messy = run_cli(["clean", "--check", "a.md"], root)
    assert messy.returncode == 1 and messy.stdout == ""
    assert (
        "a.md: 6 change(s) (normalise 2, jumps 1, punctuation 3)" in messy.stderr
        and "punctuation" in messy.stderr
    )
    clean = run_cli(["clean", "--check", "b.md"], root)
    assert clean.returncode == 0 and "already clean" in clean.stderr


def test_changes_json(make_project: MakeProject) -> None:
    root = make_project({"a.md": MESSY})
    assert run_cli(["clean", "a.md", "--changes", "log.json"], root).returncode == 0
    log = json.loads((root / "log.json").read_text("utf-8"))
    assert log["jumps"][0]["text"] == "(上接第一版)"
    first = log["changes"][0]
    assert {"id", "pass", "file", "line", "before", "after", "applied", "confidence"} <= set(first)
    assert {(c["pass"], c["line"]) for c in log["changes"]} >= {("jumps", 1), ("punctuation", 4)}


def test_encoding(make_project: MakeProject) -> None:
    root = make_project({"old.md": MESSY.encode("gb18030")})
    failed = run_cli(["clean", "old.md"], root)
    assert failed.returncode == 1 and "Traceback" not in failed.stderr
    assert "old.md:1: not valid UTF-8" in failed.stderr and "--encoding gb18030" in failed.stderr
    decoded = run_cli(["clean", "--encoding", "gb18030", "old.md"], root)
    assert decoded.returncode == 0 and decoded.stdout == CLEAN
    unknown = run_cli(["clean", "--encoding", "klingon", "old.md"], root)
    assert unknown.returncode == 1 and "unknown encoding 'klingon'" in unknown.stderr


def test_enable_and_disable(make_project: MakeProject) -> None:
    root = make_project({"a.md": MESSY, "b.md": "使用 GPS 定位和5G网络。\n"})
    spaced = run_cli(["clean", "--enable", "cjk-latin-space", "b.md"], root)
    assert spaced.stdout == "使用 GPS 定位和 5G 网络。\n"
    assert run_cli(["clean", "b.md"], root).stdout == "使用 GPS 定位和5G网络。\n"
    kept = run_cli(["clean", "--disable", "punctuation,jumps", "a.md", "-o", "kept.md"], root)
    assert kept.returncode == 0  # (what the other passes change is layout only: as written)
    assert (root / "kept.md").read_bytes() == MESSY.encode("utf-8")
    wrong = run_cli(["clean", "--disable", "nonesuch", "a.md"], root)
    assert wrong.returncode == 1 and "passes are: indents, normalise, furniture" in wrong.stderr


def test_fragments_in_any_order_and_keep_order(make_project: MakeProject) -> None:
    root = make_project(
        {"p1.md": "第一部分内容,未完(下转第2版)\n", "p2.md": "(上接第1版)待续的内容。\n"}
    )
    result = run_cli(["clean", "p2.md", "p1.md"], root)
    assert result.returncode == 0, result.stderr
    assert result.stdout == "第一部分内容，未完待续的内容。\n"
    kept = run_cli(["clean", "--keep-order", "p2.md", "p1.md"], root)
    assert kept.stdout == "待续的内容。\n\n第一部分内容，未完\n"
    write = run_cli(["clean", "--write", "p1.md", "p2.md"], root)
    assert write.returncode == 1 and "--write rewrites one file" in write.stderr


def test_output_into_a_pipe_or_device_is_written_into_it(make_project: MakeProject) -> None:
    """``-o`` and ``--changes`` at a FIFO (as at ``/dev/null``) write into it: a file renamed
    over it would replace it, and ``-o /dev/null`` run as root replaced the device."""
    root = make_project({"a.md": "正文,没有结束.\n"})
    pipe, log = root / "pipe", root / "log-pipe"
    os.mkfifo(pipe)
    os.mkfifo(log)
    got: dict[str, str] = {}

    def drain(path: Path) -> None:
        got[path.name] = path.read_text("utf-8")

    readers = [threading.Thread(target=drain, args=(p,), daemon=True) for p in (pipe, log)]
    for reader in readers:
        reader.start()
    result = run_cli(["clean", "a.md", "-o", "pipe", "--changes", "log-pipe"], root)
    for reader in readers:
        reader.join(timeout=10)
    assert result.returncode == 0, result.stderr
    assert stat.S_ISFIFO(pipe.stat().st_mode) and stat.S_ISFIFO(log.stat().st_mode)
    assert got["pipe"] == "正文，没有结束。\n" and json.loads(got["log-pipe"])["changes"]


def test_output_at_a_link_is_written_through_it(make_project: MakeProject) -> None:
    """``-o`` at a link writes the file it points to and leaves the link (``-o /dev/stdout``
    is a link to the process's output: renamed over, the link became a file)."""
    root = make_project({"a.md": "正文,没有结束.\n"})
    target = root / "target.md"
    target.write_text("old\n", encoding="utf-8")
    (root / "link.md").symlink_to(target)
    result = run_cli(["clean", "a.md", "-o", "link.md"], root)
    assert result.returncode == 0, result.stderr
    assert (root / "link.md").is_symlink()
    assert target.read_text("utf-8") == "正文，没有结束。\n"
