"""Theme variables: one typed declaration (publish/themevars.py) checks every theme's values
before anything is written, warns about unknown names with "did you mean", and lists them."""

from __future__ import annotations

import tomllib

from conftest import REPO, MakeProject, run_cli
from publish.themevars import VARIABLES

DOC = "# 河流\n\n正文。\n"


def test_the_default_theme_sets_exactly_the_declared_variables() -> None:
    data = tomllib.loads((REPO / "themes/default/theme.toml").read_text("utf-8"))
    assert sorted(data["variables"]) == sorted(VARIABLES)


def test_a_misspelled_variable_is_a_warning_with_its_line_and_a_guess(
    make_project: MakeProject,
) -> None:
    root = make_project(
        {
            "publish.toml": 'theme = "mine"\n',
            "themes/mine/theme.toml": 'name = "mine"\nextends = "default"\n[variables]\n'
            'color_accent = "#123456"\ncolour_rule = "#000"\n',
            "content/a.md": DOC,
        }
    )
    result = run_cli(["build", "--format", "html"], root)
    assert result.returncode == 0
    assert (
        "warning: themes/mine/theme.toml:5: unknown theme variable 'colour_rule'; did you mean "
        "'color_rule'?" in result.stderr
    )
    strict = run_cli(["build", "--format", "html", "--strict"], root)
    assert strict.returncode == 1


def test_a_bad_value_is_an_error_before_anything_is_written(make_project: MakeProject) -> None:
    root = make_project(
        {
            "publish.toml": 'theme = "mine"\n',
            "themes/mine/theme.toml": 'name = "mine"\nextends = "default"\n[variables]\n'
            'page_size = "A55"\n',
            "content/a.md": DOC,
        }
    )
    result = run_cli(["build"], root)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "theme: themes/mine/theme.toml:4: page_size = 'A55'; use A4, A5" in result.stderr
    assert not (root / "build").exists()
    for name, value in (("color_accent", "reddish"), ("paragraph_indent", "2 ems")):
        (root / "themes/mine/theme.toml").write_text(
            f'name = "mine"\nextends = "default"\n[variables]\n{name} = "{value}"\n'
        )
        wrong = run_cli(["build", "--format", "html"], root)
        assert wrong.returncode == (0 if value == "reddish" else 1), wrong.stderr  # a name


def test_themes_lists_the_variables(make_project: MakeProject) -> None:
    root = make_project({"content/a.md": DOC})
    listed = run_cli(["themes", "--variables", "gongwen"], root).stdout.splitlines()
    rows = {line.split()[0]: line for line in listed}
    assert set(VARIABLES) <= set(rows) and "grid_letter_spacing" in rows
    assert "dots | kai | bold" in rows["emphasis_zh"] and "'16pt'" in rows["font_size"]


def test_dark_colours_are_derived_from_the_theme_unless_set(make_project: MakeProject) -> None:
    from publish.themevars import with_dark_colours

    derived = with_dark_colours({"color_accent": "#1d4e89", "color_accent_dark": "auto"})
    assert derived["color_accent_dark"] == "#76a7e2"  # the theme's blue, lightened; not #ff9e8f
    root = make_project(
        {
            "publish.toml": 'theme = "mine"\n',
            "themes/mine/theme.toml": 'name = "mine"\nextends = "default"\n[variables]\n'
            'color_accent = "#1d4e89"\ncolor_background_dark = "#000010"\n',
            "content/a.md": DOC,
        }
    )
    assert run_cli(["build", "--format", "html"], root).returncode == 0
    css = next((root / "build/site/static").glob("*.css")).read_text("utf-8")
    assert "--color-accent-dark: #76a7e2;" in css and "--color-background-dark: #000010;" in css
    assert "#ff9e8f" not in css


def test_title_page_and_contents_follow_the_document_and_the_theme(
    make_project: MakeProject,
) -> None:
    from pypdf import PdfReader

    short = "# 短讯\n\n正文一段。\n\n## 一节\n\n正文。\n"
    long = "# 长文\n\n" + "".join(f"## 第{n}节\n\n正文。\n\n" for n in range(1, 6))
    root = make_project({"content/short.md": short, "content/long.md": long})
    assert run_cli(["build", "--format", "pdf"], root).returncode == 0

    def pages(slug: str) -> list[str]:
        return [p.extract_text() for p in PdfReader(root / f"build/pdf/{slug}.pdf").pages]

    assert len(pages("short")) == 1 and "正文一段" in pages("short")[0]  # a title block
    first, contents, *_ = pages("long")
    assert "长文" in first and "正文" not in first and "目录" in contents
    (root / "themes/paged/templates").mkdir(parents=True)
    (root / "themes/paged/theme.toml").write_text(
        'name = "paged"\nextends = "default"\n[variables]\ntitle_page = "page"\ntoc = "page"\n'
    )
    assert run_cli(["build", "--format", "pdf", "--theme", "paged"], root).returncode == 0
    assert len(pages("short")) == 2  # a title page; one heading below h1: no contents
    (root / "themes/paged/theme.toml").write_text(
        'name = "paged"\nextends = "default"\n[variables]\ntitle_page = "block"\ntoc = "none"\n'
    )
    assert run_cli(["build", "--format", "pdf", "--theme", "paged"], root).returncode == 0
    assert "正文" in pages("long")[0] and all("目录" not in page for page in pages("long"))
