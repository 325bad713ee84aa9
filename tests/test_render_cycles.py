"""Rendering lets go of what it was given (publish.themeloader): a template's macros and its
context refer to each other, and that cycle held a document and its million changes until the
cycle collector next ran, at the end of a large build or at the process's exit."""

from __future__ import annotations

import gc
import weakref
from pathlib import Path

from publish.themeloader import ThemeEnvironment


class Held:
    """Something a template is given (a document, in a build)."""

    def __init__(self, title: str) -> None:
        self.title = title


def _environment(folder: Path, templates: dict[str, str]) -> ThemeEnvironment:
    for name, text in templates.items():
        (folder / name).write_text(text, encoding="utf-8")
    return ThemeEnvironment([("mine", folder)], autoescape=True)


def test_what_a_template_with_macros_was_given_is_let_go_without_the_collector(
    tmp_path: Path,
) -> None:
    env = _environment(
        tmp_path,
        {
            "_macros.html": "{% macro header(doc) %}<h1>{{ doc.title }}</h1>{% endmacro %}",
            "page.html": "{% macro row(x) %}<p>{{ x }} {{ doc.title }}</p>{% endmacro %}"
            "{{ row(1) }}",
            "imports.html": '{% from "_macros.html" import header with context %}'
            '{% include "page.html" %}{{ header(doc) }}',
        },
    )
    enabled = gc.isenabled()
    gc.disable()
    try:
        for name, expected in [
            ("page.html", "<p>1 河流</p>"),
            ("imports.html", "<p>1 河流</p><h1>河流</h1>"),
        ]:
            held = Held("河流")
            gone = weakref.ref(held)
            rendered = env.render(name, {"doc": held})
            del held
            assert rendered == expected and gone() is None, name
    finally:
        if enabled:
            gc.enable()


def test_a_module_imported_without_context_still_works_the_next_time(tmp_path: Path) -> None:
    """Jinja keeps the module of ``{% import %}`` without context for every later render; its
    context is not one of a render's, and is left as it is."""
    env = _environment(
        tmp_path,
        {
            "_m.html": "{% set mark = 'o' %}{% macro inner() %}{{ range(2)|list|length }}"
            "{% endmacro %}{% macro outer() %}{{ mark }}{{ inner() }}{% endmacro %}",
            "page.html": '{% import "_m.html" as m %}{{ m.outer() }} {{ doc.title }}',
        },
    )
    for title in ("一", "二", "三"):
        assert env.render("page.html", {"doc": Held(title)}) == f"o2 {title}"
