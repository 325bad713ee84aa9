"""What WeasyPrint may load while it renders a PDF: the resource policy's fetcher.

It serves the document's images from the bytes checked when the document was parsed, the
font files the theme declares, and inline ``data:`` images. Anything else (another local file,
any network address) is refused and reported once as a warning; WeasyPrint then leaves it out.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any
from urllib.request import url2pathname

from weasyprint.urls import URLFetcher, URLFetcherResponse

from publish.model import Asset

log = logging.getLogger(__name__)


class Fetcher(URLFetcher):  # type: ignore[misc]
    """Serves ``images`` and ``fonts`` (URLs) to WeasyPrint; ``where`` names the document or
    theme in the warnings."""

    def __init__(self, images: tuple[Asset, ...], fonts: frozenset[str], where: str) -> None:
        super().__init__(allowed_protocols=("file", "data"), allow_redirects=False)
        self.images = {str(asset.path): asset for asset in images}
        self.fonts = fonts
        self.where = where
        self.refused: set[str] = set()

    def fetch(self, url: str, headers: Any = None) -> Any:
        if url.startswith("data:image/"):
            return super().fetch(url, headers)
        if url.startswith("file:"):
            path = Path(url2pathname(url.removeprefix("file:").split("?")[0].split("#")[0]))
            asset = self.images.get(str(path.resolve()))
            if asset is not None:
                return URLFetcherResponse(url, asset.data, {"Content-Type": asset.media_type})
            if url in self.fonts:
                return super().fetch(url, headers)
        if url not in self.refused:
            self.refused.add(url)
            log.warning(
                "%s: the PDF may not load %s: a build reads only the document's images and "
                "the theme's fonts, and reaches no network; remove the reference",
                self.where,
                url[:200],
            )
        raise ValueError("refused by publish's resource policy")
