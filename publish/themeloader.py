"""Jinja templates along a theme's chain, child first, with the parent's template reachable.

A theme's ``pdf.html`` can extend the template it replaces, three ways, and override only the
blocks it changes (as Sphinx's ``{% extends "!layout.html" %}``):

- ``{% extends "!pdf.html" %}``: the same name in the next theme up the chain that has it;
- ``{% extends "default/pdf.html" %}``: that theme's own template;
- ``{% extends "pdf.html" %}`` inside ``pdf.html``: read as ``!pdf.html`` (a template cannot
  extend itself, and this is what the writer meant).

A render lets go of what it was given as soon as it ends (:meth:`ThemeEnvironment.render`).
"""

from __future__ import annotations

from collections.abc import Mapping
from contextvars import ContextVar
from pathlib import Path
from typing import Any

import jinja2
from jinja2.runtime import Context

#: The contexts made by the render going on in this thread (:meth:`ThemeEnvironment.render`).
_MADE: ContextVar[list[Context] | None] = ContextVar("made", default=None)


class _Template(jinja2.Template):
    """A template whose contexts given a render's variables are noted (:data:`_MADE`); not
    those made without (a module Jinja keeps for ``{% import %}`` without context)."""

    def new_context(
        self,
        vars: dict[str, Any] | None = None,
        shared: bool = False,
        locals: Mapping[str, Any] | None = None,
    ) -> Context:
        made = super().new_context(vars, shared, locals)
        noted = _MADE.get()
        if vars and noted is not None:
            noted.append(made)
        return made


class ThemeEnvironment(jinja2.Environment):
    """A Jinja environment over ``folders``: (theme name, templates folder), child first."""

    template_class = _Template

    def __init__(self, folders: list[tuple[str, Path]], **options: Any) -> None:
        self.folders = folders
        everything = jinja2.FileSystemLoader([str(path) for _, path in folders])
        by_theme = jinja2.PrefixLoader(
            {name: jinja2.FileSystemLoader(str(path)) for name, path in folders}
        )
        super().__init__(loader=jinja2.ChoiceLoader([everything, by_theme]), **options)

    def render(self, name: str, variables: dict[str, Any]) -> str:
        """Template ``name`` rendered with ``variables``; then its contexts are emptied. A
        template's macros and its context refer to each other, and that cycle would hold
        every variable (a document and its million changes) until Python's cycle collector
        next ran: at the end of a large build, or at the process's exit, a second or so."""
        made: list[Context] = []
        token = _MADE.set(made)
        try:
            return self.get_template(name).render(variables)
        finally:
            _MADE.reset(token)
            for context in made:
                context.vars.clear()
                context.parent.clear()

    def own_templates(self) -> list[str]:
        """Every template name, without the theme-qualified copies."""
        names = {name for _, path in self.folders for name in _templates(path)}
        return sorted(names)

    def join_path(self, template: str, parent: str) -> str:
        owner, bare = self._owner(parent)
        if template == bare:  # {% extends "pdf.html" %} in pdf.html: the parent theme's
            template = "!" + template
        if not template.startswith("!"):
            return template
        wanted = template[1:]
        for name, path in self.folders[owner + 1 :]:
            if (path / wanted).is_file():
                return f"{name}/{wanted}"
        raise jinja2.TemplateNotFound(f"{template} (no theme after {self.folders[owner][0]!r})")

    def _owner(self, parent: str) -> tuple[int, str]:
        """Which theme of the chain ``parent`` came from, and its name without the theme."""
        theme, _, rest = parent.partition("/")
        for i, (name, _) in enumerate(self.folders):
            if rest and name == theme and (self.folders[i][1] / rest).is_file():
                return i, rest
        for i, (_, path) in enumerate(self.folders):
            if (path / parent).is_file():
                return i, parent
        return 0, parent


def _templates(folder: Path) -> list[str]:
    return [p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()]
