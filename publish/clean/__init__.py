"""Clean stage: ordered, named passes over the Markdown body, every edit recorded.

``PASSES`` lists the passes in the order they run. A pass is a module with ``NAME`` and
``apply(text, editor) -> text``; it edits only through the :class:`~publish.clean.editor.Editor`,
which leaves protected spans alone and logs each change.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from publish.clean import whitespace
from publish.clean.editor import Editor
from publish.errors import ConfigError
from publish.model import CleanedSource, Source


@dataclass(frozen=True)
class CleanPass:
    name: str
    apply: Callable[[str, Editor], str]
    summary: str


def _entry(module: object) -> CleanPass:
    doc = (getattr(module, "__doc__", "") or "").strip().splitlines()[0]
    return CleanPass(module.NAME, module.apply, doc)  # type: ignore[attr-defined]


#: Every pass, in the order it runs.
PASSES: tuple[CleanPass, ...] = (_entry(whitespace),)


def select(disable: Iterable[str] = ()) -> tuple[CleanPass, ...]:
    """The passes to run, without those named in ``disable`` (unknown names are an error)."""
    names = {p.name for p in PASSES}
    unknown = sorted(set(disable) - names)
    if unknown:
        raise ConfigError(
            f"unknown clean pass {', '.join(unknown)}; passes are: "
            + ", ".join(p.name for p in PASSES)
        )
    return tuple(p for p in PASSES if p.name not in set(disable))


def clean_text(
    text: str, path: str, first_line: int = 1, passes: Iterable[CleanPass] = PASSES
) -> tuple[str, list[Editor]]:
    editors: list[Editor] = []
    for clean_pass in passes:
        editor = Editor(clean_pass.name, path, first_line)
        text = clean_pass.apply(text, editor)
        editors.append(editor)
    return text, editors


def clean(source: Source, passes: Iterable[CleanPass] = PASSES) -> CleanedSource:
    """Run ``passes`` over the body of ``source``."""
    text, editors = clean_text(source.body, source.display_path, source.body_line, passes)
    changes = tuple(change for editor in editors for change in editor.changes)
    return CleanedSource(source, text, changes)
