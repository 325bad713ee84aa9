"""One build at a time writes into an output folder, and the outputs move in whole.

The hostile cases (``tests/hostile/``) check that failing builds leave the previous build as
it was; these check the lock between builds running at once.
"""

from __future__ import annotations

import fcntl
import os
import subprocess
import sys

from conftest import MakeProject, files_under, run_cli

DOCUMENT = "---\ntitle: 锁\ndate: 2024-01-02\n---\n\n正文。\n"


def test_a_second_build_fails_at_once_naming_the_first(make_project: MakeProject) -> None:
    root = make_project({"content/a.md": DOCUMENT})
    out = root / "build"
    out.mkdir()
    (out / f".staging-{os.getpid()}").mkdir()  # what the first build is writing
    held = os.open(out, os.O_RDONLY | os.O_DIRECTORY)
    try:
        fcntl.flock(held, fcntl.LOCK_EX)
        result = run_cli(["build", "--format", "html"], root)
    finally:
        os.close(held)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    message = result.stderr.strip().splitlines()[-1]
    assert message.startswith("build: build/ is being built by another process")
    assert f"(process {os.getpid()})" in message
    assert not (out / "site").exists()


def test_builds_at_once_never_mix(make_project: MakeProject) -> None:
    """Three builds started together: each writes a whole build or fails with the lock
    message; none fails otherwise, and the folder ends holding one whole build."""
    root = make_project({"content/a.md": DOCUMENT, "content/b.md": DOCUMENT.replace("锁", "二")})
    runs = [
        subprocess.Popen(
            [sys.executable, "-m", "publish", "build", "--format", "html,epub"],
            cwd=root,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(3)
    ]
    results = [(run.wait(timeout=300), run.communicate()[1]) for run in runs]
    assert any(code == 0 for code, _ in results)
    for code, stderr in results:
        assert "Traceback" not in stderr
        assert code == 0 or "is being built by another process" in stderr, stderr
    names = [p.relative_to(root / "build").as_posix() for p in files_under(root / "build")]
    assert not [n for n in names if n.startswith(".")], names
    assert {"epub/a.epub", "epub/b.epub", "site/a/index.html", "site/b/index.html"} <= set(names)


def test_what_a_killed_build_left_is_removed_by_the_next(make_project: MakeProject) -> None:
    """Staging folders, an earlier version's ``.site.*`` folder and temporary files, in the
    outputs' folders and in the cache's, are gone after the next build."""
    root = make_project({"content/a.md": DOCUMENT})
    assert run_cli(["build", "--format", "html"], root).returncode == 0
    out = root / "build"
    left = [out / ".staging-4242/site/a/index.html", out / ".site.x1y2/index.html"]
    left += [out / "site/a/.index.html.k3j4.tmp", out / ".cache/.outputs.json.q9.tmp"]
    left += [out / "clean/.a.md.z8.tmp"]
    for path in left:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("half written", encoding="utf-8")
    page = root / "content" / "a.md"
    page.write_text(DOCUMENT + "\n又一行。\n", encoding="utf-8")
    assert run_cli(["build", "--format", "html"], root).returncode == 0
    assert [path for path in left if path.exists()] == []
    assert not (out / ".staging-4242").exists() and not (out / ".site.x1y2").exists()
