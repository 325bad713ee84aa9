"""The body HTML of a document as EPUB chapters: split at level-2 headings, footnotes as
``<aside epub:type="footnote">`` in the chapter that calls them, links fixed across files, the
original's page starts marked as page breaks (:mod:`publish.formats.epubpages`)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from publish.formats.epubpages import carry_forward, with_epub_type
from publish.formats.footnotes import BACKREF, CALL, split_notes
from publish.model import Document
from publish.parse.links import for_offline

#: A document longer than this (characters of body HTML) with several level-2 sections gets
#: one XHTML file per section; a shorter one stays in one file.
SPLIT_AT = 4000

_H2 = re.compile(r"^(?=<h2[ >])", re.M)
_H2_TEXT = re.compile(r"<h2[^>]*>(.*?)</h2>", re.S)
_TAGS = re.compile(r"<[^>]+>")
_ID = re.compile(r'\bid="([^"]+)"')
_LOCAL_HREF = re.compile(r'href="#([^"]+)"')


@dataclass(frozen=True)
class Chapter:
    file_name: str
    title: str
    html: str


def _with_asides(html: str, notes: dict[str, str]) -> str:
    asides = []

    def call(match: re.Match[str]) -> str:
        note_id, ref_id, number = match.groups()
        if note_id not in notes:
            return match.group(0)
        body = BACKREF.sub(
            lambda m: f' <a href="#{m.group(1)}" role="doc-backlink">↩</a>', notes[note_id]
        )
        asides.append(
            f'<aside epub:type="footnote" role="doc-footnote" id="{note_id}">{body}</aside>'
        )
        return (
            f'<sup><a epub:type="noteref" role="doc-noteref" href="#{note_id}" '
            f'id="{ref_id}">{number}</a></sup>'
        )

    html = CALL.sub(call, html)
    if asides:
        html += '\n<section class="footnotes">\n' + "\n".join(asides) + "\n</section>\n"
    return html


def chapters(doc: Document, url: str = "") -> list[Chapter]:
    """The chapters of ``doc``: one, or one per level-2 section of a long document; links to
    other documents go to ``url``'s site, or become text (:func:`links.for_offline`)."""
    body, notes = split_notes(for_offline(doc.body_html, url))
    parts = [body]
    if len(body) > SPLIT_AT:
        parts = carry_forward([p for p in _H2.split(body) if p.strip()])
    found = []
    for number, part in enumerate(parts, start=1):
        heading = _H2_TEXT.match(part.lstrip())
        title = _TAGS.sub("", heading.group(1)) if heading and number > 1 else doc.meta.title
        name = f"{doc.slug}.xhtml" if len(parts) == 1 else f"{doc.slug}-{number:02d}.xhtml"
        found.append(Chapter(name, title, with_epub_type(_with_asides(part, notes))))
    return _fix_links(found)


def _fix_links(found: list[Chapter]) -> list[Chapter]:
    """``href="#x"`` -> ``href="other.xhtml#x"`` where ``x`` now lives in another file."""
    home = {anchor: c.file_name for c in found for anchor in _ID.findall(c.html)}

    def fix(chapter: Chapter) -> Chapter:
        def link(match: re.Match[str]) -> str:
            target = home.get(match.group(1))
            if target is None or target == chapter.file_name:
                return match.group(0)
            return f'href="{target}#{match.group(1)}"'

        return Chapter(chapter.file_name, chapter.title, _LOCAL_HREF.sub(link, chapter.html))

    return [fix(c) for c in found]


def home_of(found: list[Chapter], anchor: str) -> str:
    """The file a heading id ended up in."""
    return next((c.file_name for c in found if f'id="{anchor}"' in c.html), found[0].file_name)
