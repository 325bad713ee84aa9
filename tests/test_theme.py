"""Themes: lookup order, ``extends``, overriding one variable or one template."""

from __future__ import annotations

import pytest

from conftest import MakeProject, run_cli
from publish.config import Config
from publish.errors import ThemeError
from publish.render import Renderer
from publish.theme import BUILTIN_THEMES, available, load_theme

CHILD_TOML = 'name = "mine"\nextends = "default"\n[variables]\ncolor_accent = "#123456"\n'


def test_default_theme_is_built_in(make_project: MakeProject) -> None:
    root = make_project({})
    theme = load_theme("default", root)
    assert theme.folders == ((BUILTIN_THEMES / "default").resolve(),)
    assert theme.variables["font_body"].startswith('"Noto Serif CJK SC"')
    assert theme.variables["font_heading"].startswith('"Noto Sans CJK SC"')
    assert theme.variables["paragraph_indent"] == "2em"


def test_child_overrides_one_variable_and_inherits_the_rest(make_project: MakeProject) -> None:
    root = make_project({"themes/mine/theme.toml": CHILD_TOML})
    theme = load_theme("mine", root)
    assert [f.name for f in theme.folders] == ["mine", "default"]
    assert theme.variables["color_accent"] == "#123456"
    assert theme.variables["font_body"] == load_theme("default", root).variables["font_body"]
    css = Renderer(theme, Config(root=root)).stylesheet("html")
    assert "--color-accent: #123456;" in css
    assert "--font-body:" in css and "/* mine: base.css */" in css


def test_child_overrides_one_template(make_project: MakeProject) -> None:
    index = (BUILTIN_THEMES / "default" / "templates" / "index.html").read_text("utf-8")
    root = make_project(
        {
            "themes/mine/theme.toml": CHILD_TOML,
            "themes/mine/templates/index.html": index.replace("<main", '<main data-mine="yes"'),
            "content/a.md": "# 标题\n\n正文。\n",
            "publish.toml": 'theme = "mine"\n',
        }
    )
    result = run_cli(["build", "--format", "html"], root)
    assert result.returncode == 0, result.stderr
    assert 'data-mine="yes"' in (root / "build/site/index.html").read_text("utf-8")
    page = (root / "build/site/a/index.html").read_text("utf-8")
    assert '<h1 class="doc-title">标题</h1>' in page  # document.html still from default


def test_custom_css_is_appended(make_project: MakeProject) -> None:
    root = make_project(
        {"themes/mine/theme.toml": CHILD_TOML, "themes/mine/static/custom.css": ".x { color: red }"}
    )
    css = Renderer(load_theme("mine", root), Config(root=root)).stylesheet("pdf")
    assert css.rstrip().endswith(".x { color: red }")
    assert "@page" in css and "size: A4;" in css


def test_unknown_theme_lists_available(make_project: MakeProject) -> None:
    root = make_project({"themes/mine/theme.toml": CHILD_TOML})
    assert available(root) == ["default", "gongwen", "mine"]
    with pytest.raises(ThemeError, match="unknown theme 'gone'; available: default, gongwen, mine"):
        load_theme("gone", root)


def test_extends_loop_is_an_error(make_project: MakeProject) -> None:
    root = make_project(
        {
            "themes/a/theme.toml": 'name = "a"\nextends = "b"\n',
            "themes/b/theme.toml": 'name = "b"\nextends = "a"\n',
        }
    )
    with pytest.raises(ThemeError, match="loop: a -> b -> a"):
        load_theme("a", root)


def test_project_theme_may_shadow_and_extend_the_builtin(make_project: MakeProject) -> None:
    toml = 'name = "default"\nextends = "default"\n[variables]\nfont_size = "12pt"\n'
    root = make_project({"themes/default/theme.toml": toml})
    theme = load_theme("default", root)
    assert len(theme.folders) == 2
    assert theme.variables["font_size"] == "12pt"
    assert "font_body" in theme.variables


def test_stylesheets_for_one_format(make_project: MakeProject) -> None:
    toml = 'name = "mine"\nextends = "default"\n'
    toml += 'stylesheets = { pdf = ["paged.css"], all = ["every.css"] }\n'
    root = make_project(
        {
            "themes/mine/theme.toml": toml,
            "themes/mine/static/paged.css": "/* paged */",
            "themes/mine/static/every.css": "/* every */",
        }
    )
    renderer = Renderer(load_theme("mine", root), Config(root=root))
    assert "/* paged */" in renderer.stylesheet("pdf") and "/* every */" in renderer.stylesheet(
        "pdf"
    )
    for fmt in ("epub", "html"):
        assert "/* paged */" not in renderer.stylesheet(fmt)
        assert "/* every */" in renderer.stylesheet(fmt)


@pytest.mark.parametrize("value", ['"a.css"', '{ print = ["a.css"] }', "{ pdf = [1] }"])
def test_bad_stylesheets_value_is_a_clear_error(make_project: MakeProject, value: str) -> None:
    toml = f'name = "mine"\nextends = "default"\nstylesheets = {value}\n'
    root = make_project({"themes/mine/theme.toml": toml})
    with pytest.raises(ThemeError, match="stylesheets must be a list of file names"):
        load_theme("mine", root)


@pytest.mark.parametrize(
    ("key", "value"),
    [("style", "slanted"), ("weight", "400; } body { display: none"), ("unicode_range", "0-7F")],
)
def test_bad_font_face_values_are_a_clear_error(
    make_project: MakeProject, key: str, value: str
) -> None:
    toml = (
        'name = "mine"\nextends = "default"\n[[fonts]]\nfamily = "Mine"\n'
        f'src = ["/usr/share/fonts/truetype/noto/NotoSerif-Italic.ttf"]\n{key} = "{value}"\n'
    )
    root = make_project({"themes/mine/theme.toml": toml})
    with pytest.raises(ThemeError, match=f"\\[\\[fonts\\]\\] {key} .* is not valid"):
        load_theme("mine", root)


def test_a_child_face_replaces_only_its_own_weight_and_style(make_project: MakeProject) -> None:
    toml = (
        'name = "mine"\nextends = "default"\n[[fonts]]\nfamily = "Publish Latin Serif"\n'
        'style = "italic"\nsrc = ["/usr/share/fonts/truetype/noto/NotoSans-Italic.ttf"]\n'
    )
    root = make_project({"themes/mine/theme.toml": toml})
    faces = {
        (f.weight, f.style): f.src for f in load_theme("mine", root).fonts if "Serif" in f.family
    }
    assert len(faces) == 4 and faces["normal", "italic"][0].endswith("NotoSans-Italic.ttf")
    assert faces["bold", "italic"][0].endswith("NotoSerif-BoldItalic.ttf")
