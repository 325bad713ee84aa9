"""The command line: entry points, settings from publish.toml, subcommands."""

from __future__ import annotations

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
    assert names == ["clean/b.changes.json", "clean/b.md", "epub/b.epub"]


def test_check_command_on_a_build(make_project: MakeProject) -> None:
    root = make_project({"content/a.md": "# A\n\n**粗体。**正文\n"})
    assert run_cli(["build", "--format", "pdf,epub"], root).returncode == 0
    result = run_cli(["check"], root)
    assert result.returncode == 0, result.stderr
    empty = run_cli(["check", "nowhere"], root)
    assert empty.returncode == 1 and "nothing to check" in empty.stderr
