"""What content may carry into an output: one place for attributes, raw HTML and SVG.

- Attributes set with ``{…}``: ``id`` and ``class``, the ones a theme declares
  (``attributes = [...]`` in theme.toml), and those Markdown itself writes (a link's ``href``
  and ``title``, an image's ``src``, ``alt`` and ``title``, a list's ``start``, a table
  cell's alignment). Anything else (``style``, ``on*``, ``rel`` …) is dropped with a warning.
- Raw HTML, when ``allow_html`` lets it through, is cleaned by nh3 (the Ammonia sanitiser):
  no script, style, frames, forms or event handlers; links to http, https and mailto only.
- SVG images lose scripts, event handlers, foreign objects, entities and every reference to
  anything but themselves (:mod:`publish.svgclean`).
"""

from __future__ import annotations

import re

import nh3

#: Attributes Markdown writes on these tags; ``{…}`` may set them too (URLs are checked).
NATURAL: dict[str, frozenset[str]] = {
    "a": frozenset({"href", "title"}),
    "img": frozenset({"src", "alt", "title"}),
    "ol": frozenset({"start"}),
}
ALWAYS = frozenset({"id", "class"})
#: A table cell's alignment, the one style Markdown writes.
ALIGNMENT = re.compile(r"^text-align:(?:left|right|center)$")
_UNSAFE_URL = re.compile(
    r"^\s*(?:javascript|vbscript|file|data(?!:image/(?:png|gif|jpeg|webp);)):", re.I
)
_URL_ATTRS = frozenset({"href", "src"})


def allowed(tag: str, name: str, value: str, extra: frozenset[str] = frozenset()) -> bool:
    """May ``tag`` carry ``name="value"`` from content?"""
    name = name.lower()
    if name in _URL_ATTRS and _UNSAFE_URL.match(value):
        return False
    if name == "style":
        return tag in ("th", "td") and ALIGNMENT.match(value.replace(" ", "")) is not None
    return name in ALWAYS or name in extra or name in NATURAL.get(tag, frozenset())


_TAGS = (nh3.ALLOWED_TAGS | {"section", "sup", "sub"}) - {"map", "area"}
_ATTRIBUTES: dict[str, set[str]] = {
    "*": {"id", "class", "title", "lang", "dir"},
    "a": {"href"},
    "img": {"src", "alt", "width", "height"},
    "ol": {"start"},
    "th": {"style", "colspan", "rowspan"},
    "td": {"style", "colspan", "rowspan"},
    "time": {"datetime"},
}


def html(fragment: str) -> str:
    """``fragment`` (a document body with raw HTML in it) without script, style or handlers."""
    return nh3.clean(
        fragment,
        tags=_TAGS,
        attributes=_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel=None,
        strip_comments=True,
        filter_style_properties={"text-align"},
    )
