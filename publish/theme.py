"""Themes: a folder with ``theme.toml``, ``templates/`` and ``static/``, extending another.

Lookup of a theme name: the project's ``themes/<name>/`` first, then the built-in themes. A
theme's ``extends`` names its parent; templates and static files are looked up child first, and
variables merge child over parent, so a user overrides one template, one stylesheet or one
variable without copying a theme.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from publish.errors import ThemeError

_PACKAGE = Path(__file__).resolve().parent
#: Built-in themes: the repository's ``themes/`` in a checkout, ``publish/_themes`` when installed.
BUILTIN_THEMES = next(
    (p for p in (_PACKAGE.parent / "themes", _PACKAGE / "_themes") if (p / "default").is_dir()),
    _PACKAGE / "_themes",
)


@dataclass(frozen=True)
class FontFace:
    """A face a theme loads from a file (``[[fonts]]`` in theme.toml), not by fontconfig name.

    ``src`` lists candidate files; the first that exists is used. ``package`` says how to get
    one; without any, the next family of the variable's font stack is used, with a warning.
    Only the PDF loads these faces; the site and the EPUB use the rest of the stack.
    """

    family: str
    src: tuple[str, ...]
    package: str = ""
    weight: str = "normal"


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

    @property
    def template_dirs(self) -> list[Path]:
        return [f / "templates" for f in self.folders if (f / "templates").is_dir()]

    def static_file(self, name: str) -> Path | None:
        """The first ``static/<name>`` along the chain, child first."""
        return next(
            (f / "static" / name for f in self.folders if (f / "static" / name).is_file()), None
        )


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


def _find(name: str, project_root: Path, skip: Path | None = None) -> Path:
    for base in search_path(project_root):
        folder = base / name
        if (folder / "theme.toml").is_file() and folder != skip:
            return folder
    raise ThemeError(
        f"unknown theme {name!r}; available: {', '.join(available(project_root))} "
        f"(themes are folders with a theme.toml under {project_root / 'themes'})"
    )


def _read(folder: Path) -> dict[str, object]:
    path = folder / "theme.toml"
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ThemeError(f"{path}: invalid theme.toml: {exc}") from None
    variables = data.get("variables", {})
    if not isinstance(variables, dict) or not all(isinstance(v, str) for v in variables.values()):
        raise ThemeError(f"{path}: [variables] must map names to strings (CSS values)")
    if not isinstance(data.get("extends", ""), str):
        raise ThemeError(f"{path}: extends must be the name of another theme")
    return data


def load_theme(name: str, project_root: Path) -> Theme:
    """Resolve ``name`` and its ``extends`` chain, down to a theme that extends nothing."""
    folders: list[Path] = []
    variables: dict[str, str] = {}
    stylesheets: list[tuple[str, str]] = []
    fonts: dict[str, FontFace] = {}
    folder: Path | None = _find(name, project_root)
    while folder is not None:
        if folder in folders:
            chain = " -> ".join(f.name for f in [*folders, folder])
            raise ThemeError(f"theme {name!r} extends itself in a loop: {chain}")
        folders.append(folder)
        data = _read(folder)
        variables = {**data.get("variables", {}), **variables}  # type: ignore[dict-item]
        stylesheets[:0] = _stylesheets(folder, data.get("stylesheets", []))
        for face in _fonts(folder, data):
            fonts.setdefault(face.family, face)
        parent = str(data.get("extends", "")).strip()
        # A project theme may shadow a built-in one of the same name and extend it.
        folder = _find(parent, project_root, skip=folder) if parent else None
    return Theme(name, tuple(folders), variables, tuple(stylesheets), tuple(fonts.values()))


FORMATS = ("all", "pdf", "epub", "html")


def _stylesheets(folder: Path, value: object) -> list[tuple[str, str]]:
    """``["a.css"]`` (every format) or ``{ all = [...], pdf = [...], html = [...] }``."""
    table: dict[str, Any] = value if isinstance(value, dict) else {"all": value}
    if not all(
        fmt in FORMATS and isinstance(names, list) for fmt, names in table.items()
    ) or not all(isinstance(name, str) for names in table.values() for name in names):
        raise ThemeError(
            f"{folder / 'theme.toml'}: stylesheets must be a list of file names, or a table "
            f"of such lists under {', '.join(FORMATS)}"
        )
    return [(str(fmt), str(name)) for fmt, names in table.items() for name in names]


def _fonts(folder: Path, data: dict[str, object]) -> list[FontFace]:
    faces = []
    for entry in data.get("fonts", []):  # type: ignore[attr-defined]
        if not isinstance(entry, dict) or "family" not in entry or "src" not in entry:
            raise ThemeError(f"{folder / 'theme.toml'}: each [[fonts]] needs family and src")
        src = entry["src"] if isinstance(entry["src"], list) else [entry["src"]]
        faces.append(
            FontFace(
                str(entry["family"]),
                tuple(map(str, src)),
                str(entry.get("package", "")),
                str(entry.get("weight", "normal")),
            )
        )
    return faces
