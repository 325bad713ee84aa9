"""Themes: a folder with ``theme.toml``, ``templates/`` and ``static/``, extending another.

Lookup of a theme name: the project's ``themes/<name>/`` first, then the built-in themes. A
theme's ``extends`` names its parent; templates and static files are looked up child first, and
variables merge child over parent, so a user overrides one template, one stylesheet or one
variable without copying a theme.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from pathlib import Path

from publish import themetoml, themevars
from publish.discover import display
from publish.errors import ThemeError
from publish.themetoml import FontFace

log = logging.getLogger(__name__)

__all__ = ["BUILTIN_THEMES", "FontFace", "Theme", "available", "load_theme", "search_path"]

_PACKAGE = Path(__file__).resolve().parent
#: Built-in themes: the repository's ``themes/`` in a checkout, ``publish/_themes`` when installed.
BUILTIN_THEMES = next(
    (p for p in (_PACKAGE.parent / "themes", _PACKAGE / "_themes") if (p / "default").is_dir()),
    _PACKAGE / "_themes",
)


@dataclass(frozen=True)
class Theme:
    """A resolved theme: its folders child first, and its merged variables."""

    name: str
    folders: tuple[Path, ...]
    variables: dict[str, str]
    #: Extra stylesheets (``stylesheets`` in theme.toml), base theme's first, each with the
    #: format it is for (``pdf``, ``epub``, ``html``) or ``all``.
    stylesheets: tuple[tuple[str, str], ...] = ()
    fonts: tuple[FontFace, ...] = ()
    #: Attributes content may set with ``{…}`` besides id and class (``attributes`` in
    #: theme.toml, child and parent together; see :mod:`publish.sanitise`).
    attributes: tuple[str, ...] = ()
    #: The project the theme serves, for messages.
    root: Path = Path(".")

    @property
    def template_dirs(self) -> list[Path]:
        return [f / "templates" for f in self.folders if (f / "templates").is_dir()]

    def static_file(self, name: str) -> Path | None:
        """The first ``static/<name>`` along the chain, child first; a file that leads out of
        its theme (``..``, or a link) is an error."""
        for folder in self.folders:
            path = folder / "static" / name
            if path.is_file() or path.is_symlink():
                if not path.resolve().is_relative_to(folder.resolve()):
                    raise ThemeError(
                        f"{display(path, self.root)}: leads out of the theme folder; a "
                        "theme's files stay inside it: copy the file there"
                    )
                return path
        return None


def search_path(project_root: Path) -> list[Path]:
    paths = [project_root / "themes", BUILTIN_THEMES]
    return list(dict.fromkeys(p.resolve() for p in paths if p.is_dir()))


def available(project_root: Path) -> list[str]:
    return sorted(
        {
            d.name
            for base in search_path(project_root)
            for d in base.iterdir()
            if (d / "theme.toml").is_file()
        }
    )


_NAME = re.compile(r"^[A-Za-z0-9][\w.-]*$")


def _find(name: str, project_root: Path, skip: Path | None = None) -> Path:
    if not _NAME.match(name) or ".." in name:
        raise ThemeError(
            f"{name[:80]!r} is not a theme name; name a folder of {project_root / 'themes'} "
            f"or a built-in theme: {', '.join(available(project_root))}"
        )
    for base in search_path(project_root):
        folder = base / name
        if (folder / "theme.toml").is_file() and folder != skip:
            return folder
    raise ThemeError(
        f"unknown theme {name!r}; available: {', '.join(available(project_root))} "
        f"(themes are folders with a theme.toml under {project_root / 'themes'})"
    )


def load_theme(name: str, project_root: Path) -> Theme:
    """Resolve ``name`` and its ``extends`` chain, down to a theme that extends nothing."""
    folders: list[Path] = []
    variables: dict[str, str] = {}
    stylesheets: list[tuple[str, str]] = []
    fonts: dict[tuple[str, str, str], FontFace] = {}  # a child's face replaces its parent's
    attributes: list[str] = []
    own: set[str] = set()  # variables the themes of the chain declare for themselves
    set_in: dict[str, Path] = {}  # where each variable is set, child first
    folder: Path | None = _find(name, project_root)
    while folder is not None:
        if folder in folders:
            chain = " -> ".join(f.name for f in [*folders, folder])
            raise ThemeError(f"theme {name!r} extends itself in a loop: {chain}")
        folders.append(folder)
        data = themetoml.read(folder, project_root)
        variables = {**data.get("variables", {}), **variables}  # type: ignore[dict-item]
        own.update(data.get("own_variables", []))  # type: ignore[arg-type]
        for key in data.get("variables", {}):  # type: ignore[attr-defined]
            set_in.setdefault(key, folder / "theme.toml")
        stylesheets[:0] = themetoml.stylesheets(folder, data.get("stylesheets", []), project_root)
        for face in themetoml.fonts(folder, data, project_root):
            fonts.setdefault((face.family, face.weight, face.style), face)
        attributes += data.get("attributes", [])  # type: ignore[arg-type]
        parent = str(data.get("extends", "")).strip()
        # A project theme may shadow a built-in one of the same name and extend it.
        folder = _find(parent, project_root, skip=folder) if parent else None
    _warn_unknown(set_in, own, project_root)
    return Theme(
        name,
        tuple(folders),
        themetoml.switches(variables, name),
        tuple(stylesheets),
        tuple(fonts.values()),
        tuple(dict.fromkeys(attributes)),
        project_root,
    )


def _warn_unknown(set_in: dict[str, Path], own: set[str], root: Path) -> None:
    """A warning for each variable neither declared (:mod:`publish.themevars`) nor a theme's
    own, with its file and line and the declared name it most resembles."""
    known = sorted({*themevars.VARIABLES, *own})
    for key, path in sorted(set_in.items()):
        if key not in known:
            line = themetoml.line_of(path.read_text(encoding="utf-8"), key)
            log.warning(
                "%s:%d: unknown theme variable %r%s (a variable of the theme's own goes in "
                "own_variables)",
                display(path, root),
                line,
                key,
                themevars.did_you_mean(key, known),
            )
