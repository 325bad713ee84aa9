"""``publish init``: a new project from an installed wheel, outside this repository, that
builds; every key of publish.toml in its settings file; nothing overwritten."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from conftest import REPO, run_cli
from publish.buildsettings import KEYS as BUILD_KEYS
from publish.clean.settings import PROJECT_KEYS as CLEAN_KEYS
from publish.config import load_config
from publish.init import files
from publish.limits import NAMES as LIMIT_NAMES


def test_a_project_from_the_installed_wheel_builds(tmp_path: Path) -> None:
    wheels, site = tmp_path / "wheels", tmp_path / "site-packages"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(wheels), str(REPO)],
        check=True,
        capture_output=True,
    )
    (wheel,) = wheels.glob("publish-*.whl")
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--target", str(site), wheel],
        check=True,
        capture_output=True,
    )
    env = {**os.environ, "PYTHONPATH": str(site)}  # the wheel's publish, not this checkout's

    def publish(*args: str, cwd: Path = tmp_path) -> subprocess.CompletedProcess[str]:
        command = [sys.executable, "-m", "publish", *args]
        return subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True)

    where = subprocess.run(
        [sys.executable, "-c", "import publish; print(publish.__file__)"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
    )
    assert where.stdout.startswith(str(site))
    assert publish("init", "archive").returncode == 0
    project = tmp_path / "archive"
    built = publish("build", "--format", "html,epub", cwd=project)
    assert built.returncode == 0, built.stderr
    page = (project / "build/site/english-example/index.html").read_text("utf-8")
    assert 'lang="en"' in page and "Continued on page" not in page
    chinese = (project / "build/clean/first-report.md").read_text("utf-8")
    assert "下转" not in chinese and "，" in chinese  # the jump line out, the commas full width
    assert (project / "build/epub/first-report.epub").is_file()
    assert publish("build", "--theme", "mine", "--format", "html", cwd=project).returncode == 0
    again = publish("init", "archive")
    assert again.returncode == 1 and "already there; nothing was written" in again.stderr


def test_the_settings_file_names_every_key_and_each_is_valid(tmp_path: Path) -> None:
    text = files()["publish.toml"].decode("utf-8")
    uncommented = re.sub(r"(?m)^# (\w+ = )", r"\1", text)
    (tmp_path / "publish.toml").write_text(uncommented, encoding="utf-8")
    (tmp_path / "content").mkdir()
    config = load_config(tmp_path)  # an unknown key or a bad value would raise or warn
    assert config.title == "My archive" and config.jobs == 2
    keys = set(re.findall(r"(?m)^(\w+) = ", uncommented))
    top = {"title", "author", "language", "theme", "formats", "content", "publisher", "url"}
    every = top | {"allow_html", "variant", "embed_fonts", "toc_run_in"}
    every |= set(BUILD_KEYS) | set(CLEAN_KEYS) | set(LIMIT_NAMES)
    assert keys == every


def test_init_refuses_a_file_and_writes_into_a_new_folder(tmp_path: Path) -> None:
    (tmp_path / "taken").write_text("x")
    refused = run_cli(["init", "taken"], tmp_path)
    assert refused.returncode == 1 and refused.stderr.startswith("config: ")
    made = run_cli(["-C", str(tmp_path), "init", "new"], tmp_path)
    assert made.returncode == 0
    assert sorted(p.name for p in (tmp_path / "new").iterdir()) == [
        ".gitignore", "content", "publish.toml", "themes",
    ]  # fmt: skip
