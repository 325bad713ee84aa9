"""Clean stage: ordered, named passes over the Markdown body, every edit recorded.

The passes run in the order of :data:`publish.clean.passes.PASSES`: first the page model
(continuation markers, page furniture), then the structural passes that join and split text
across the boundaries it found, then the character passes. Every edit goes through an
:class:`~publish.clean.editor.Editor`, which leaves protected spans alone, applies a
structural edit only when it is sure enough or a reviewer accepted it, and records each edit
and suggestion with a stable id and the source file and line it came from.

Several fragments of one article (pages of a newspaper story) are cleaned up to and including
the ``indents`` pass one by one, put in order by their jump lines, stitched, and the remaining
passes run over the whole article, so running heads are found across pages and a paragraph
cut between two pages is joined too.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from publish.clean import blocks, jumps, normalise, pagelines, pagestarts, protect
from publish.clean import evidence as ev
from publish.clean import written as written_layout
from publish.clean.editor import Editor
from publish.clean.order import order_fragments
from publish.clean.passes import PASSES, CleanPass, for_language, select
from publish.clean.review import Review
from publish.clean.trace import FileOrigin, Step, StitchedOrigin, Trace, apply_sorted
from publish.model import Article, Change, CleanedSource, CleanSettings, Furniture, Jump, Source

__all__ = ["PASSES", "CleanPass", "clean", "clean_article", "clean_text", "select"]
log = logging.getLogger(__name__)
_STITCH_AFTER = "indents"


@dataclass
class Run:
    """The text of one document or fragment on its way through the passes."""

    text: str
    trace: Trace
    review: Review
    pages: ev.Pages = field(default_factory=ev.Pages)
    editors: list[Editor] = field(default_factory=list)

    def run(self, passes: Iterable[CleanPass]) -> None:
        for clean_pass in passes:
            blocks.keep_only(self.text)
            editor = Editor(clean_pass.name, self.trace, self.review, self.pages)
            self.text = clean_pass.apply(self.text, editor)
            self.editors.append(editor)

    def changes(self) -> list[Change]:
        return [change for editor in self.editors for change in editor.changes()]

    def jumps(self) -> list[Jump]:
        return [jump for editor in self.editors for jump in editor.jumps]

    def furniture(self) -> list[Furniture]:
        return [item for editor in self.editors for item in editor.furniture]


def start(text: str, path: str, first_line: int = 1, review: Review | None = None) -> Run:
    return Run(text, Trace(FileOrigin(path, text, first_line)), review or Review())


def clean_text(
    text: str,
    path: str,
    first_line: int = 1,
    passes: Iterable[CleanPass] | None = None,
    settings: CleanSettings | None = None,
) -> tuple[str, list[Editor]]:
    """Clean one text with ``passes`` (default: the default passes): every pass's edits, as
    the passes made them (:func:`clean` also gives back a document that needed only layout
    as it was written)."""
    run = start(text, path, first_line, Review(settings))
    enable = settings.enable if settings else ()
    run.run(for_language(select() if passes is None else tuple(passes), text, "", enable)[0])
    return run.text, run.editors


def _for_language(
    passes: Sequence[CleanPass], sources: Sequence[Source], settings: CleanSettings | None
) -> tuple[CleanPass, ...]:
    """``passes`` less those written for Chinese where the document is Japanese or Korean
    (:func:`~publish.clean.passes.for_language`), said with ``-v``."""
    meta = next((s.front_matter for s in sources if s.front_matter), {})
    declared = meta.get("language", meta.get("lang", ""))
    text = sources[0].body if len(sources) == 1 else "\n".join(s.body for s in sources)
    enable = settings.enable if settings else ()
    kept, why = for_language(passes, text, declared if isinstance(declared, str) else "", enable)
    if why:
        log.debug("%s: %s", sources[0].display_path, why)
    return kept


def _markers(run: Run) -> list[Jump]:
    """The jump lines of a fragment, read (not yet removed) to put the fragments in order."""
    found = []
    for marker in jumps.find(run.text):
        path, line = run.trace.end_locate(marker.offset)
        found.append(Jump(marker.direction, marker.page, marker.column, marker.printed, path, line))
    return found


def _stitch(runs: list[Run], review: Review) -> Run:
    """One run over the fragments' texts joined by blank lines, a page boundary at each seam."""
    parts, texts, boundaries, offset = [], [], [], 0
    for n, run in enumerate(runs):
        body = run.text if run.text.endswith("\n") or not run.text else run.text + "\n"
        parts.append((offset, run.trace))
        boundaries.extend(run.pages.shifted(offset))
        if n:
            boundaries.append(ev.Boundary(offset, ev.PAGE, "the next fragment of the article"))
        texts.append(body)
        offset += len(body) + 1
    whole = Run("\n".join(texts), Trace(StitchedOrigin(parts)), review)
    whole.pages = ev.Pages(boundaries)
    return whole


def clean_fragments(
    sources: Sequence[Source],
    passes: Sequence[CleanPass] | None = None,
    keep_order: bool = False,
    settings: CleanSettings | None = None,
) -> tuple[Run, list[Run], list[Source]]:
    """Clean the fragments of one article: (the whole run, the fragment runs, fragments in
    order)."""
    passes = select() if passes is None else passes
    names = [p.name for p in passes]
    cut = names.index(_STITCH_AFTER) + 1 if _STITCH_AFTER in names else 0
    review = Review(settings)
    runs = [start(s.body, s.display_path, s.body_line, review) for s in sources]
    for run in runs:
        run.run(passes[:cut])
    order = order_fragments(
        [_markers(r) for r in runs], [s.display_path for s in sources], keep_order
    )
    runs, ordered = [runs[i] for i in order], [sources[i] for i in order]
    whole = runs[0] if len(runs) == 1 else _stitch(runs, review)
    whole.run(passes[cut:])
    return whole, [r for r in runs if r is not whole], ordered


def _cleaned(
    source: Source,
    whole: Run,
    parts: list[Run],
    ordered: list[Source],
    passes: Sequence[CleanPass],
) -> CleanedSource:
    blocks.forget()  # (the passes are done: their caches would keep the texts alive)
    protect.forget()
    pagelines.forget()
    crlf = False
    if not parts and len(ordered) == 1:
        whole = _as_written(whole, source.body, source.display_path, source.body_line)
        crlf = _keeps_crlf(whole, source.body)
    every = [*parts, whole]
    stale = whole.review.stale()
    whole.review.done()
    for run in every:  # (the offsets of a trace are kept for ``origin``, its edits are not)
        for step in run.trace.steps:
            step.compact()
    return CleanedSource(
        source,
        whole.text,
        changes=tuple(_changes(every)),
        jumps=tuple(j for r in every for j in r.jumps()),
        fragments=tuple(ordered),
        furniture=tuple(f for r in every for f in r.furniture()),
        page_starts=pagestarts.collect(whole.text, whole.pages.boundaries),
        stale=stale,
        settings=whole.review.settings,
        passes=tuple(p.name for p in passes),
        origin=whole.trace.end_locate,
        crlf=crlf,
    )


def _keeps_crlf(run: Run, body: str) -> bool:
    """The body ends every line with CRLF and shows no conversion: its author's own file keeps
    its line endings when written (:attr:`~publish.model.CleanedSource.written`), and the
    change that made them LF, for the passes, is not recorded."""
    lines = body.count("\n")
    if not lines or body.count("\r\n") != lines or body.count("\r") != lines:
        return False
    if pagelines.shows_conversion(body.replace("\r\n", "\n"), run.pages):
        return False  # (as read: a hyphen the passes joined was a mark of conversion)
    for editor in run.editors:
        editor.recorded = [r for r in editor.recorded if normalise.CRLF not in r.evidence]
    return True


def _as_written(run: Run, text: str, path: str, first_line: int) -> Run:
    """``run``, or, when every change it applied is layout only
    (:data:`~publish.clean.normalise.LAYOUT`: line ends, blank lines, the final newline), a
    run of ``text`` as it was: the document needed no repair, and comes back byte for byte,
    with no change recorded; its suggestions stay, located in the source as before. Where
    it shows no conversion and its repairs are all inside lines, away from its layout
    changes, ``text`` with the repairs alone (:mod:`publish.clean.written`)."""
    applied = [r for editor in run.editors for r in editor.recorded if r.applied]
    if all(normalise.layout_only(r.evidence) for r in applied):
        for editor in run.editors:
            editor.recorded = [r for r in editor.recorded if not r.applied]
        written = start(text, path, first_line, run.review)
        written.editors = run.editors
        return written
    if run.pages.boundaries or "\r" in text or pagelines.shows_conversion(text, run.pages):
        return run  # (a converter's layout is set right with the rest)
    repairs = written_layout.repairs(run.trace, text)
    if repairs is None:
        return run
    for editor in run.editors:  # (the repairs alone, made on the text as written)
        editor.recorded = [
            r for r in editor.recorded if not (r.applied and normalise.layout_only(r.evidence))
        ]
    trace = Trace(FileOrigin(path, text, first_line))  # (the source, then the repairs)
    trace.steps.append(Step(repairs))
    return Run(apply_sorted(text, repairs), trace, run.review, editors=run.editors)


def _changes(runs: list[Run]) -> list[Change]:
    """The changes of ``runs``, each editor's records dropped once read (a large document has
    a million: they and their changes are not held twice)."""
    found: list[Change] = []
    for run in runs:
        for editor in run.editors:
            found.extend(editor.changes())
            editor.recorded = []
    return found


def clean(
    source: Source,
    passes: Sequence[CleanPass] | None = None,
    settings: CleanSettings | None = None,
) -> CleanedSource:
    """Run ``passes`` (default: the default passes) over the body of ``source``."""
    passes = _for_language(select() if passes is None else passes, [source], settings)
    whole, parts, ordered = clean_fragments([source], passes, settings=settings)
    return _cleaned(source, whole, parts, ordered, passes)


def clean_article(
    article: Article, passes: Sequence[CleanPass] | None = None, keep_order: bool = False
) -> CleanedSource:
    """Order, stitch and clean the fragments of one article; front matter from the first."""
    if passes is None:
        passes = select(article.settings.enable, article.settings.disable)
    if len(article.fragments) == 1:
        return clean(article.fragments[0], passes, article.settings)
    passes = _for_language(passes, article.fragments, article.settings)
    whole, parts, ordered = clean_fragments(article.fragments, passes, keep_order, article.settings)
    head = next((s for s in ordered if s.front_matter_text), ordered[0])
    merged: dict[str, object] = {}
    for fragment in reversed(ordered):
        merged.update(fragment.front_matter)
    source = Source(
        article.path,
        article.display_path,
        article.slug,
        merged,
        head.front_matter_text,
        whole.text,
        1,
    )
    return _cleaned(source, whole, parts, ordered, passes)
