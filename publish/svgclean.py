"""SVG images made inert: what a document's SVG may keep in the site, the EPUB and the PDF.

An SVG is XML that can run script and fetch other files. It is parsed without entities, DTDs
or network access, then loses ``<script>``, ``<foreignObject>`` and other embedding elements,
every ``on*`` event handler, every reference (``href``, ``xlink:href``, ``url(…)`` in style)
that is not to a part of itself (``#id``) or an inline image, entity references, processing
instructions and comments. What is left is drawn the same, and can do nothing else.
"""

from __future__ import annotations

import re

from lxml import etree

_DROP = {"script", "foreignobject", "iframe", "embed", "object", "handler", "listener"}
_XLINK = "{http://www.w3.org/1999/xlink}href"
_LOCAL = re.compile(r"^\s*(?:#|data:image/(?:png|gif|jpeg|webp);)", re.I)
_URL = re.compile(r"url\(\s*['\"]?(?!#)[^)]*\)|@import[^;]*;?", re.I)


class SvgError(ValueError):
    """The file is not an SVG image (not XML, or its root is not ``<svg>``)."""


def _local(tag: object) -> str:
    return etree.QName(tag).localname.lower() if isinstance(tag, str) else ""


def clean(data: bytes) -> bytes:
    """``data`` (an SVG file) without script, handlers, external references or entities."""
    parser = etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
    )
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        raise SvgError(str(exc).splitlines()[0]) from None
    if _local(root.tag) != "svg":
        raise SvgError(f"its root element is <{_local(root.tag) or '?'}>, not <svg>")
    for element in list(root.iter()):
        if isinstance(element, etree._Entity) or _local(element.tag) in _DROP:
            parent = element.getparent()
            if parent is not None:
                if isinstance(element, etree._Entity) and element.tail:
                    parent.text = (parent.text or "") + element.tail
                parent.remove(element)
            continue
        if not isinstance(element.tag, str):
            continue
        for name, value in list(element.attrib.items()):
            local = etree.QName(name).localname.lower()
            if local.startswith("on") or (
                (name == _XLINK or local == "href") and not _LOCAL.match(value)
            ):
                del element.attrib[name]
            elif local == "style":
                element.attrib[name] = _URL.sub("", value)
        if _local(element.tag) == "style" and element.text:
            element.text = _URL.sub("", element.text)
    return bytes(etree.tostring(root, encoding="utf-8", xml_declaration=True))
