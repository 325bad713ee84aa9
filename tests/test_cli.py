"""The command line: entry points, settings from publish.toml, subcommands."""

from __future__ import annotations

import sys
import time
from pathlib import Path

import pytest

from conftest import REPO, MakeProject, files_under, run_cli
from publish.config import Config, load_config


def test_python_dash_m_and_version() -> None:
    result = run_cli(["--version"], REPO)
    assert result.returncode == 0 and result.stdout.startswith("publish ")


def test_themes_command() -> None:
    assert run_cli(["themes"], REPO).stdout.split() == ["default", "gongwen"]


def test_config_defaults_and_values(make_project: MakeProject) -> None:
    root = make_project(
        {"publish.toml": 'title = "档案"\nformats = ["html"]\n[markdown]\nallow_html = true\n'}
    )
    config = load_config(root)
    assert (config.title, config.formats, config.allow_html) == ("档案", ("html",), True)
    assert config.language == "zh-CN" and config.theme == "default"
    assert Config(root=root).formats == ("pdf", "epub", "html")


def test_unknown_config_key_warns_with_line(make_project: MakeProject) -> None:
    root = make_project(
        {"publish.toml": 'title = "x"\ncolour = "red"\n', "content/a.md": "# A\n\nx\n"}
    )
    result = run_cli(["build", "--format", "html"], root)
    assert result.returncode == 0
    assert "warning: " in result.stderr and "publish.toml:2: unknown key 'colour'" in result.stderr


def test_formats_from_config_and_explicit_sources(make_project: MakeProject) -> None:
    root = make_project(
        {
            "publish.toml": 'formats = ["epub"]\n',
            "content/a.md": "# A\n\nx\n",
            "elsewhere/b.md": "# B\n\ny\n",
        }
    )
    result = run_cli(["build", "elsewhere/b.md"], root)
    assert result.returncode == 0, result.stderr
    names = [p.relative_to(root / "build").as_posix() for p in files_under(root / "build")]
    assert names == ["clean/b.changes.json", "clean/b.md", "epub/b.epub", "manifest.json"]


def test_check_command_on_a_build(make_project: MakeProject) -> None:
    root = make_project({"content/a.md": "# A\n\n**粗体。**正文\n"})
    assert run_cli(["build", "--format", "pdf,epub"], root).returncode == 0
    result = run_cli(["check"], root)
    assert result.returncode == 0, result.stderr
    empty = run_cli(["check", "nowhere"], root)
    assert empty.returncode == 1 and "nothing to check" in empty.stderr


def test_global_options_before_or_after_the_command(make_project: MakeProject) -> None:
    root = make_project({"content/a.md": "# 甲\n\n正文。\n"})
    after = run_cli(["build", "--format", "html", "-q", "-C", str(root)], root.parent)
    assert after.returncode == 0 and after.stderr == "", after.stderr  # -q after the command
    before = run_cli(["-q", "build", "--format", "html"], root)
    assert before.returncode == 0 and before.stderr == ""
    loud = run_cli(["-v", "build", "--format", "html", "--no-cache"], root)  # (builds again)
    assert "Step 1 - read" in loud.stderr  # an option before is not undone by the command's
    assert run_cli(["themes", "-v"], root).stdout.split() == ["default", "gongwen"]


def test_mistyped_commands_and_choices_get_did_you_mean() -> None:
    result = run_cli(["buidl"], REPO)
    assert result.returncode == 2 and "unknown 'buidl'; did you mean 'build'?" in result.stderr
    variant = run_cli(["build", "--pdf-variant", "pdf/a-3"], REPO)
    assert variant.returncode == 2 and "did you mean 'pdf/a-3" in variant.stderr
    assert "Traceback" not in result.stderr + variant.stderr


def test_wrong_paths_are_one_line_errors(make_project: MakeProject, tmp_path: Path) -> None:
    root = make_project({"content/a.md": "# 甲\n\n正文。\n", "publish.toml": "\n"})
    missing = run_cli(["-C", str(tmp_path / "nowhere"), "build"], root)
    assert missing.returncode == 1
    assert missing.stderr.startswith("config: -C ") and "project folder not found" in missing.stderr
    into_file = run_cli(["build", "--out", "publish.toml"], root)
    assert into_file.returncode == 1 and "Traceback" not in into_file.stderr
    assert "build: --out publish.toml is a file; give a folder" in into_file.stderr
    assert (root / "publish.toml").read_text() == "\n"


def test_shell_completion_is_written_from_the_parser() -> None:
    bash = run_cli(["completion", "bash"], REPO)
    assert bash.returncode == 0
    for word in ("build", "clean", "check", "archive", "serve", "--pdf-variant", "--no-cache"):
        assert word in bash.stdout
    assert run_cli(["completion", "zsh"], REPO).stdout.startswith("#compdef publish")


def test_ctrl_c_in_a_finaliser_is_raised_again(capsys: pytest.CaptureFixture[str]) -> None:
    """Ctrl-C landing in a ``__del__`` (the regex module's, during a build) printed an
    ignored exception's traceback and the build went on; it is raised again where it can be."""
    from publish.cli import _interrupt_again

    class Finalised:
        def __del__(self) -> None:
            raise KeyboardInterrupt

    before = sys.unraisablehook
    sys.unraisablehook = _interrupt_again
    try:
        with pytest.raises(KeyboardInterrupt):
            Finalised()
            for _ in range(500):  # (raised a moment later, from a thread: wait up to 5 s)
                time.sleep(0.01)
    finally:
        sys.unraisablehook = before
    assert "Traceback" not in capsys.readouterr().err
