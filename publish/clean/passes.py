"""The clean passes, in the order they run, and choosing them by name.

A pass is a module with ``NAME``, optionally ``DEFAULT = False`` (off unless enabled), a
docstring whose first line says what it does, and ``apply(text, editor) -> text``; it edits
only through the :class:`~publish.clean.editor.Editor`. The order matters: ``indents`` goes
before ``normalise``, so a paragraph it frees from a code block is normalised like the rest;
page furniture goes next; ``unwrap`` makes the paragraphs (never joining a line to a
continuation marker); ``jumps`` then sees the paragraphs ``seams`` will join; the character
passes come last, so they see whole paragraphs.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from types import ModuleType

from publish import language
from publish.clean import (
    demote,
    furniture,
    headings,
    indents,
    jumps,
    latin_space,
    normalise,
    punctuation,
    seams,
    spaced,
    unwrap,
)
from publish.clean.editor import Editor
from publish.errors import ConfigError


@dataclass(frozen=True)
class CleanPass:
    name: str
    apply: Callable[[str, Editor], str]
    summary: str
    default: bool


def _entry(module: ModuleType) -> CleanPass:
    doc = (module.__doc__ or "").strip().splitlines()[0]
    return CleanPass(module.NAME, module.apply, doc, getattr(module, "DEFAULT", True))


#: Every pass, in the order it runs.
PASSES: tuple[CleanPass, ...] = tuple(
    _entry(m)
    for m in (
        indents,
        normalise,
        furniture,
        demote,
        unwrap,
        jumps,
        seams,
        spaced,
        headings,
        punctuation,
        latin_space,
    )
)
NAMES = tuple(p.name for p in PASSES)
#: The passes written for Chinese: its punctuation marks and their widths, its lines and
#: paragraphs joined with nothing between, its letter-spacing, its numbered headings. In
#: Japanese or Korean text they would impose Chinese conventions (Korean is written with
#: spaces and Latin marks; Japanese has marks and indents of its own), so there they run only
#: when enabled by name (:func:`for_language`).
CHINESE = frozenset({"demote", "unwrap", "seams", "spaced", "headings", "punctuation"})
CHINESE |= {latin_space.NAME}


def unknown(names: Iterable[str]) -> list[str]:
    return sorted(set(names) - set(NAMES))


def select(enable: Iterable[str] = (), disable: Iterable[str] = ()) -> tuple[CleanPass, ...]:
    """The passes to run: the default ones, plus ``enable``, minus ``disable``."""
    enable, disable = set(enable), set(disable)
    wrong = unknown(enable | disable)
    if wrong:
        raise ConfigError(f"unknown clean pass {', '.join(wrong)}; passes are: {', '.join(NAMES)}")
    return tuple(p for p in PASSES if (p.default or p.name in enable) and p.name not in disable)


def for_language(
    passes: Sequence[CleanPass], text: str, declared: str, enable: Iterable[str] = ()
) -> tuple[tuple[CleanPass, ...], str]:
    """``passes`` less the Chinese ones (:data:`CHINESE`, unless in ``enable``) where the text
    is Japanese or Korean: by the language its front matter declares, else by its CJK letters
    (:func:`publish.language.east_asian`, however many Latin ones it has besides); and why,
    when any were left out."""
    tag = declared or language.east_asian(text)
    primary = tag.split("-")[0].lower()
    if primary not in _SPACED_OR_KANA:
        return tuple(passes), ""
    kept = tuple(p for p in passes if p.name not in CHINESE or p.name in enable)
    left_out = [p.name for p in passes if p not in kept]
    said = "declared" if declared else "its CJK letters"
    why = f"{_SPACED_OR_KANA[primary]} ({tag}, {said}): passes for Chinese not run: "
    return kept, why + ", ".join(left_out) if left_out else ""


_SPACED_OR_KANA = {"ja": "Japanese", "ko": "Korean"}
