"""A document's clean settings and review decisions: read from its front matter (``clean:``)
and its side file, and written to the side file by ``publish clean --accept/--reject``.

The side file sits next to the source, so the source itself never changes: ``a.md`` has
``a.review.yaml``; the fragments of one article in a folder share ``review.yaml`` in it::

    # Review decisions for content/a.md
    accept: [seams-1f2e3d4c]        # apply this suggestion
    reject: [punctuation-9a8b7c6d]  # never apply this edit
    threshold: 0.7                  # optional, as in front matter
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterable
from pathlib import Path

import yaml

from publish.clean.settings import parse
from publish.errors import ContentError
from publish.fsutil import write_text
from publish.model import CleanSettings, Source

log = logging.getLogger(__name__)
MAX_BYTES = 1 << 20


def _line(text: str, key: str) -> int:
    """The line where ``key:`` is set in YAML ``text`` (1 when it cannot be found)."""
    match = re.search(rf"^\s*{re.escape(key)}\s*:", text, re.MULTILINE)
    return text.count("\n", 0, match.start()) + 1 if match else 1


def _at(where: str) -> Callable[[str], str]:
    return lambda key: where


def side_file(path: Path) -> Path:
    """Where the decisions on ``path`` (a Markdown file or an article's folder) are kept."""
    return path / "review.yaml" if path.is_dir() else path.with_suffix(".review.yaml")


def _load(path: Path, shown: str) -> object:
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise ContentError(f"{shown}: cannot read: {exc.strerror}") from None
    if len(data) > MAX_BYTES:
        raise ContentError(f"{shown}: over 1 MiB; a review file lists edit ids, keep it short")
    try:
        return yaml.safe_load(data.decode("utf-8"))
    except (UnicodeDecodeError, yaml.YAMLError) as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f":{mark.line + 1}" if mark is not None else ""
        raise ContentError(
            f"{shown}{line}: not a valid review file ({str(exc).splitlines()[0]}); write "
            "'accept: [id, ...]' and 'reject: [id, ...]' lines"
        ) from None


def settings(
    sources: Iterable[Source], path: Path, shown: str, defaults: CleanSettings
) -> CleanSettings:
    """``defaults`` with each source's ``clean:`` front matter and then the side file over
    them; all problems are reported together."""
    found, errors = defaults, []
    for source in sources:
        located = f"{source.display_path}:{_line(source.front_matter_text, 'clean')}"
        data = source.front_matter.get("clean")
        found, more, warnings = parse(data, _at(located), found)
        errors.extend(more)
        for warning in warnings:
            log.warning("%s", warning)
    review = side_file(path)
    where = (
        f"{shown}/review.yaml" if path.is_dir() else str(Path(shown).with_suffix(".review.yaml"))
    )
    data = _load(review, where)
    if data is not None:
        text = review.read_text("utf-8", errors="replace")
        found, more, warnings = parse(data, lambda key: f"{where}:{_line(text, key)}", found)
        errors.extend(more)
        for warning in warnings:
            log.warning("%s", warning)
    if errors:
        raise ContentError(*errors)
    decided = found.accept or found.reject
    return CleanSettings(
        found.threshold,
        found.enable,
        found.disable,
        found.accept,
        found.reject,
        where if decided else "",
    )


def record(path: Path, accept: Iterable[str], reject: Iterable[str]) -> Path:
    """Add ids to the side file of ``path`` (an id moves from one list to the other)."""
    review = side_file(path)
    data = _load(review, str(review))
    current = data if isinstance(data, dict) else {}
    lists = {key: [str(i) for i in current.get(key) or []] for key in ("accept", "reject")}
    for key, other, ids in (("accept", "reject", accept), ("reject", "accept", reject)):
        for edit_id in ids:
            if edit_id in lists[other]:
                lists[other].remove(edit_id)
            if edit_id not in lists[key]:
                lists[key].append(edit_id)
    kept = {k: v for k, v in current.items() if k not in ("accept", "reject")}
    body = yaml.safe_dump(
        {**kept, **{k: sorted(v) for k, v in lists.items() if v}},
        allow_unicode=True,
        sort_keys=True,
    )
    write_text(
        review, f"# Review decisions for {path.name} (publish clean --accept/--reject)\n{body}"
    )
    return review
