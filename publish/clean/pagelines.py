"""Page-marker lines: the forms a converter or an OCR program marks a page's start with, and
whether a text shows the marks of OCR or conversion at all. Distributed Proofreaders' text
marks each page's scan (``-----File: 018.png---\\names\\---``); a word it hyphenated across
the page is ``Cap-*`` ⏎ marker ⏎ ``*tain`` (:data:`PROOFED_HYPHEN`). marker (the PDF converter,
``--paginate_output``) writes ``{3}`` and 48 dashes: its count of pages from 0, not the page's
printed number, so it says no page. pymupdf4llm ends each page with ``--- end of
page.page_number=4 ---`` (its count from 1; ``--- end of page=3 ---``, from 0, in older
versions, and ``--- start of page…`` where asked): a page's end, so it says no start either.
Scripts that join a PDF's pages with pdfplumber or pdf.js set ``<<PAGE_BREAK>>`` or
``<<<PAGE_BREAK>>>`` between them (one adds ``Page 3``, the page it starts).

``furniture`` removes them (with folios and running heads); ``indents`` and ``furniture`` read
them as a mark of conversion (:func:`converted`). A numbered one says which page starts there
(the group ``starts``).
"""

from __future__ import annotations

import regex

from publish.clean import markers
from publish.clean.evidence import Pages
from publish.clean.protect import references
from publish.clean.shapes import HYPHEN_BREAK

PAGE_MARKER = regex.compile(
    r"""^[ \t]*(?:
      [=~#*_-]{2,}[ \t]*(?:(?:page|p\.|第)[ \t]*)+(?P<starts>\d+)[ \t]*页?[ \t]*[=~#*_-]{2,}
    | [=_-]{8,}[ \t]*(?:page|p\.)[ \t]*(?P<starts>\d+)
    | \#{2,}[ \t]*p\.[ \t]*(?P<starts>\d+)?[ \t]*\(\#\d+\)[ \t]*\#*
    | \[[ \t]*(?:page|p\.)[ \t]*(?P<starts>\d+)[ \t]*\]
    | <!--[ \t]*(?:(?:page|p\.|第)[ \t]*)+(?P<starts>\d+)[ \t]*页?[ \t]*-->
    | (?:page|p\.)[ \t]*\d+[ \t]*(?:of|/)[ \t]*\d+
    | (?:\#{1,6}[ \t]+)?第[ \t]*\d+[ \t]*[页頁]
      (?:[ \t]*[,，/]?[ \t]*共(?:计|計)?[ \t]*\d+[ \t]*[页頁])?
    | \[[ \t]*page[ \t]*break(?:[ \t.]*\d+)?[ \t]*\]
    | <{2,3}[ \t]*page[ _-]?break[ \t]*>{2,3}(?:[ \t]*page[ \t]*(?P<starts>\d+))?
    | \f+
    | \{\d+\}-{16,}
    | -{3}[ \t]*(?:end|start)[ \t]+of[ \t]+page(?:\.page_number)?[ \t]*=[ \t]*\d+[ \t]*-{3}
    | -{3,}[ \t]*File:[ \t]*[\w.-]+?\.(?:png|jpe?g|gif|tiff?)(?:-+[^\n]*)?
    )[ \t]*$""",
    regex.IGNORECASE | regex.VERBOSE,
)
#: Distributed Proofreaders' page line, which the proofreaders' names may make long.
PROOFED = "-----File:"
#: Its mark of a word hyphenated across the page: ``-*`` ends the line before, ``*`` starts
#: the one after.
PROOFED_HYPHEN = ("-*", "*")
#: The same, looking for such a line anywhere in a text.
ANY_PAGE_MARKER = regex.compile(PAGE_MARKER.pattern, PAGE_MARKER.flags | regex.MULTILINE)


def shows_conversion(text: str, pages: Pages) -> bool:
    """The text a pass is given shows the marks of OCR or conversion (:func:`converted`), or
    the passes before found pages in it (page furniture or jump lines removed, lines offered as
    furniture) or lines a print had wrapped (:attr:`~publish.clean.evidence.Pages.wrapped`)
    or a PDF's text extraction's traces (:attr:`~publish.clean.evidence.Pages.extracted`)."""
    found = pages.boundaries or pages.suspect or pages.wrapped or pages.extracted
    return bool(found) or converted(text)


def converted(text: str) -> bool:
    """:func:`_converted`, asked of a text once (the passes ask it of the text they are given,
    several times)."""
    found = _SEEN.get(text)
    if found is None:
        if len(_SEEN) >= 4:
            _SEEN.pop(next(iter(_SEEN)))
        found = _SEEN[text] = _converted(text)
    return found


_SEEN: dict[str, bool] = {}


def forget() -> None:
    """Drop the answers kept for the texts of the document just cleaned (they hold its text)."""
    _SEEN.clear()


def _converted(text: str) -> bool:
    """The text shows the marks of OCR or conversion: a word hyphenated at a line's end, a
    continuation marker, a page marker, an image named by its hash or math written token by
    token (MinerU's), an image named by its box on the page (PaddleOCR's), or Marker's anchor
    of a place on a page (``<span id="page-22-0">``)."""
    if marked_in_lines(text) or ANY_PAGE_MARKER.search(text) is not None:
        return True
    if "](" in text and _HASHED_IMAGE.search(text) is not None:
        return True
    if "img_in_" in text and _BOXED_IMAGE.search(text) is not None:
        return True
    if "$" in text and _RECOGNISED_MATH.search(text) is not None:
        return True
    return 'id="page-' in text and _PAGE_ANCHOR.search(text) is not None


_PAGE_ANCHOR = regex.compile(r'<span id="page-\d+-\d+">')
#: An image a converter cut from the page and named by its hash (MinerU's and dots.ocr's
#: ``![](images/3f5c…e1.jpg)``, in five documents of reviews 10 to 49), beside the text: not
#: one a blog serves by its hashed name (``https://v2fy.com/asset/…/80cf…a6.png``, review 107),
#: nor one named by its MD5, 32 digits, as sites and their scrapers name them (a course's notes,
#: ``../images/8e76…fc.png``, review 107; a translated blog, ``img/175c…d5.png``, review 191):
#: the converters' names are longer (SHA-256's 64 digits, in every one seen).
_HASHED_IMAGE = regex.compile(
    r"!\[[^\]\n]*\]\((?:[^()\s:]*/)?[0-9a-f]{40,}\.(?:jpe?g|png|gif|webp)\)"
)

#: An image PaddleOCR cut from the page and named by its box there
#: (``imgs/img_in_chart_box_120_150_900_500.jpg``: a journal paper and a company's annual
#: report, reviews 104 and 129).
_BOXED_IMAGE = regex.compile(r"img_in_[a-z]+_box_\d+_\d+_\d+_\d+\.(?:jpe?g|png)")
#: Math a formula recogniser wrote token by token (UniMERNet's, in MinerU's output): a unit
#: spaced in ``\mathrm{~V}``, a number's digits set apart, ``1 1 ^ { \circ }``, ``$0 . 5``
#: (in 20 documents of reviews 7 to 73, none written by hand).
_RECOGNISED_MATH = regex.compile(r"\\mathrm\{~|\d(?: \d)+ [\^_] \{|\$[^$\n]*?\d \. \d")


def marked_in_lines(text: str) -> bool:
    """Of those marks, the ones left in running text: a word hyphenated at a line's end (not
    in a reference list's entry, pasted from a PDF into a chapter written by hand as often,
    ``Carol White-`` ⏎ ``head``: review 99), a continuation marker (``unwrap`` knows of page
    markers from the page furniture removed)."""
    if markers.search(text) is not None:
        return True
    first = HYPHEN_BREAK.search(text)
    if first is None or ("[" not in text and "#" not in text):
        return first is not None
    entries = references(text)
    return any(not any(a <= m.start() < b for a, b in entries) for m in HYPHEN_BREAK.finditer(text))
