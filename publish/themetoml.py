r"""``theme.toml``: read, and checked before anything is built.

Variables are single CSS values (no ``<>{};\``), and the switches of :data:`CHOICES` one of
their words; stylesheets are files of the theme's ``static/`` folder; ``[[fonts]]`` files lie
inside the project or the system's font folders; ``attributes`` (what content may set with
``{…}``) never include ``style`` or ``on…``.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from publish import formatlist, themevars
from publish.discover import display
from publish.errors import ThemeError
from publish.resources import font_allowed


@dataclass(frozen=True)
class FontFace:
    """A face a theme loads from a file (``[[fonts]]`` in theme.toml), not by fontconfig name.

    ``src`` lists candidate files; the first that exists is used. ``package`` says how to get
    one; without any, the next family of the variable's font stack is used, with a warning.
    Only the PDF loads these faces; the site and the EPUB use the rest of the stack (or, for
    the default theme's Latin faces, ``local()`` faces of the same name in the site's CSS).
    ``style`` is ``normal`` or ``italic``; ``unicode_range`` limits the face to those
    characters (``U+0000-024F``), so the next font of the stack draws the rest.
    """

    family: str
    src: tuple[str, ...]
    package: str = ""
    weight: str = "normal"
    style: str = "normal"
    unicode_range: str = ""


_WEIGHT = re.compile(r"^(normal|bold|[1-9]00)$")
_STYLE = re.compile(r"^(normal|italic|oblique)$")
_ONE_RANGE = r"U\+[0-9A-Fa-f?]{1,6}(-[0-9A-Fa-f]{1,6})?"
_RANGE = re.compile(f"^{_ONE_RANGE}(,\\s*{_ONE_RANGE})*$")
_FACE_KEYS = {"weight": _WEIGHT, "style": _STYLE, "unicode_range": _RANGE}


_NOT_IN_VALUES = set("<>{};\\")
#: Variables that are switches: their words, the default first (declared in themevars).
CHOICES: dict[str, tuple[str, ...]] = themevars.CHOICES
_ATTRIBUTE = re.compile(r"^[a-z][a-z0-9-]*$")


def read(folder: Path, root: Path) -> dict[str, object]:
    path = folder / "theme.toml"
    shown = display(path, root)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ThemeError(f"{shown}: invalid theme.toml: {exc}") from None
    variables = data.get("variables", {})
    if not isinstance(variables, dict) or not all(isinstance(v, str) for v in variables.values()):
        raise ThemeError(f"{shown}: [variables] must map names to strings (CSS values)")
    text = path.read_text(encoding="utf-8")
    for name, value in variables.items():
        if _NOT_IN_VALUES & set(value):
            raise ThemeError(
                f"{shown}: variable {name!r} holds one of < > {{ }} ; \\ — a variable is one "
                "CSS value; put rules in the theme's static/custom.css instead"
            )
        wrong = themevars.problem(name, value) if name in themevars.VARIABLES else None
        if wrong:
            raise ThemeError(f"{shown}:{line_of(text, name)}: {name} = {value[:60]!r}; {wrong}")
    own = data.get("own_variables", [])
    if not isinstance(own, list) or not all(isinstance(n, str) for n in own):
        raise ThemeError(f"{shown}: own_variables must be a list of variable names")
    if not isinstance(data.get("extends", ""), str):
        raise ThemeError(f"{shown}: extends must be the name of another theme")
    names = data.get("attributes", [])
    if not isinstance(names, list) or not all(
        isinstance(n, str) and _ATTRIBUTE.match(n) and not n.startswith("on") and n != "style"
        for n in names
    ):
        raise ThemeError(
            f"{shown}: attributes must be a list of attribute names (never style or on…)"
        )
    return data


def line_of(text: str, name: str) -> int:
    """The line of theme.toml where ``name`` is set (1 when it cannot be found)."""
    found = re.search(rf"(?m)^[ \t]*{re.escape(name)}[ \t]*=", text)
    return text.count("\n", 0, found.start()) + 1 if found else 1


def switches(variables: dict[str, str], theme: str) -> dict[str, str]:
    """``variables`` with every switch of :data:`CHOICES` set, each checked."""
    for name, words in CHOICES.items():
        value = variables.setdefault(name, words[0])
        if value not in words:
            raise ThemeError(
                f"theme {theme!r}: {name} = {value[:60]!r}; use one of "
                + ", ".join(f'"{word}"' for word in words)
            )
    return variables


FORMATS = ("all", *formatlist.NAMES)


def stylesheets(folder: Path, value: object, root: Path) -> list[tuple[str, str]]:
    """``["a.css"]`` (every format) or ``{ all = [...], pdf = [...], html = [...] }``: files of
    the theme's ``static/`` folder."""
    shown = display(folder / "theme.toml", root)
    table: dict[str, Any] = value if isinstance(value, dict) else {"all": value}
    if not all(
        fmt in FORMATS and isinstance(names, list) for fmt, names in table.items()
    ) or not all(isinstance(name, str) for names in table.values() for name in names):
        raise ThemeError(
            f"{shown}: stylesheets must be a list of file names, or a table "
            f"of such lists under {', '.join(FORMATS)}"
        )
    for names in table.values():
        for name in names:
            rel = PurePosixPath(name)
            if rel.is_absolute() or ".." in rel.parts or "\\" in name or not rel.parts:
                raise ThemeError(
                    f"{shown}: stylesheet {name!r} is outside the theme; name a file of its "
                    "static/ folder"
                )
    return [(str(fmt), str(name)) for fmt, names in table.items() for name in names]


def fonts(folder: Path, data: dict[str, object], root: Path) -> list[FontFace]:
    shown = display(folder / "theme.toml", root)
    faces = []
    for entry in data.get("fonts", []):  # type: ignore[attr-defined]
        if not isinstance(entry, dict) or "family" not in entry or "src" not in entry:
            raise ThemeError(f"{shown}: each [[fonts]] needs family and src")
        src = entry["src"] if isinstance(entry["src"], list) else [entry["src"]]
        for name in src:
            if not font_allowed(folder / str(name), root, (folder,)):
                raise ThemeError(
                    f"{shown}: font file {str(name)[:200]!r} is outside the project and the "
                    "system's font folders, or not a font (.otf, .ttf, .ttc, .woff); install "
                    "the font, or copy it into the theme"
                )
        for key, pattern in _FACE_KEYS.items():
            if key in entry and not pattern.match(str(entry[key])):
                raise ThemeError(
                    f"{shown}: [[fonts]] {key} {str(entry[key])[:60]!r} is not valid; use e.g. "
                    '"bold" or "700", "italic", "U+0000-024F"'
                )
        faces.append(
            FontFace(
                str(entry["family"]),
                tuple(str(folder / str(name)) for name in src),  # relative to the theme
                str(entry.get("package", "")),
                str(entry.get("weight", "normal")),
                str(entry.get("style", "normal")),
                str(entry.get("unicode_range", "")),
            )
        )
    return faces
