"""publish: republish scraped and OCR'd newspaper Markdown as PDF, EPUB 3 and a static site.

The stages, in order (see :func:`publish.build.build`): read -> clean -> parse -> render ->
formats. Each hands a typed object from :mod:`publish.model` to the next.
"""

from __future__ import annotations

__version__ = "0.1.0"
