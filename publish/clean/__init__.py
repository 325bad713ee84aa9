"""Clean stage: ordered, named passes over the Markdown body, every edit recorded.

``PASSES`` lists the passes in the order they run. A pass is a module with ``NAME``,
optionally ``DEFAULT = False`` (off unless enabled), and ``apply(text, editor) -> text``; it
edits only through the :class:`~publish.clean.editor.Editor`, which leaves protected spans
alone and logs each change with the source file and line it came from.

Several fragments of one article (pages of a newspaper story) are cleaned up to and including
the ``jumps`` pass one by one, put in order by their jump lines, stitched, and the remaining
passes run over the whole article, so a paragraph cut between two pages is joined too.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from types import ModuleType

from publish.clean import (
    headings,
    jumps,
    latin_space,
    normalise,
    punctuation,
    seams,
    spaced,
    unwrap,
)
from publish.clean.editor import Editor
from publish.clean.order import order_fragments
from publish.clean.trace import FileOrigin, StitchedOrigin, Trace
from publish.errors import ConfigError
from publish.model import Article, Change, CleanedSource, Jump, Source


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
    _entry(m) for m in (normalise, jumps, unwrap, seams, spaced, headings, punctuation, latin_space)
)
_STITCH_AFTER = "jumps"
MAX_ROUNDS = 4


def select(enable: Iterable[str] = (), disable: Iterable[str] = ()) -> tuple[CleanPass, ...]:
    """The passes to run: the default ones, plus ``enable``, minus ``disable``."""
    names = [p.name for p in PASSES]
    unknown = sorted((set(enable) | set(disable)) - set(names))
    if unknown:
        raise ConfigError(
            f"unknown clean pass {', '.join(unknown)}; passes are: {', '.join(names)}"
        )
    return tuple(
        p for p in PASSES if (p.default or p.name in set(enable)) and p.name not in set(disable)
    )


@dataclass
class Run:
    """The text of one document or fragment on its way through the passes."""

    text: str
    trace: Trace
    editors: list[Editor]

    def run(self, passes: Iterable[CleanPass]) -> None:
        for clean_pass in passes:
            editor = Editor(clean_pass.name, self.trace)
            self.text = clean_pass.apply(self.text, editor)
            self.editors.append(editor)

    def settle(self, passes: Sequence[CleanPass]) -> None:
        """Run all passes again until nothing changes.

        A pass can uncover work for an earlier one (a marker left at a paragraph's end only
        once ``unwrap`` split the paragraph); settling makes cleaning twice give exactly what
        cleaning once gave.
        """
        for _ in range(MAX_ROUNDS - 1):
            before = len(self.editors)
            self.run(passes)
            if not any(e.recorded for e in self.editors[before:]):
                del self.editors[before:]
                return

    def changes(self) -> list[Change]:
        return [change for editor in self.editors for change in editor.changes()]

    def jumps(self) -> list[Jump]:
        return [jump for editor in self.editors for jump in editor.jumps]


def start(text: str, path: str, first_line: int = 1) -> Run:
    return Run(text, Trace(FileOrigin(path, text, first_line)), [])


def clean_text(
    text: str, path: str, first_line: int = 1, passes: Iterable[CleanPass] = PASSES
) -> tuple[str, list[Editor]]:
    run = start(text, path, first_line)
    passes = list(passes)
    run.run(passes)
    run.settle(passes)
    return run.text, run.editors


def clean_fragments(
    sources: Sequence[Source],
    passes: Sequence[CleanPass] | None = None,
    keep_order: bool = False,
) -> tuple[str, list[Change], list[Jump], list[Source], Trace]:
    """Clean the fragments of one article: (text, changes, jumps, fragments in order, trace)."""
    passes = select() if passes is None else passes
    names = [p.name for p in passes]
    cut = names.index(_STITCH_AFTER) + 1 if _STITCH_AFTER in names else 0
    runs = [start(s.body, s.display_path, s.body_line) for s in sources]
    for run in runs:
        run.run(passes[:cut])
    order = order_fragments(
        [r.jumps() for r in runs], [s.display_path for s in sources], keep_order
    )
    runs, ordered = [runs[i] for i in order], [sources[i] for i in order]
    if len(runs) == 1:
        whole = runs[0]
    else:
        parts, offset, texts = [], 0, []
        for run in runs:
            body = run.text if run.text.endswith("\n") or not run.text else run.text + "\n"
            parts.append((offset, run.trace))
            texts.append(body)
            offset += len(body) + 1
        whole = Run("\n".join(texts), Trace(StitchedOrigin(parts)), [])
    whole.run(passes[cut:])
    whole.settle(passes)
    changes = [c for r in runs if r is not whole for c in r.changes()] + whole.changes()
    found_jumps = [j for r in runs if r is not whole for j in r.jumps()] + whole.jumps()
    return whole.text, changes, found_jumps, ordered, whole.trace


def clean(source: Source, passes: Sequence[CleanPass] | None = None) -> CleanedSource:
    """Run ``passes`` (default: the default passes) over the body of ``source``."""
    text, changes, found, _, trace = clean_fragments([source], passes)
    return CleanedSource(source, text, tuple(changes), tuple(found), (source,), trace.end_locate)


def clean_article(
    article: Article, passes: Sequence[CleanPass] | None = None, keep_order: bool = False
) -> CleanedSource:
    """Order, stitch and clean the fragments of one article; front matter from the first."""
    if len(article.fragments) == 1:
        return clean(article.fragments[0], passes)
    text, changes, found, ordered, trace = clean_fragments(article.fragments, passes, keep_order)
    head = next((s for s in ordered if s.front_matter_text), ordered[0])
    merged: dict[str, object] = {}
    for fragment in reversed(ordered):
        merged.update(fragment.front_matter)
    whole = Source(
        article.path, article.display_path, article.slug, merged, head.front_matter_text, text, 1
    )
    return CleanedSource(
        whole, text, tuple(changes), tuple(found), tuple(ordered), trace.end_locate
    )
