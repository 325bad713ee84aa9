"""Full-text search without a server: Pagefind (PyPI ``pagefind[extended]``, whose extended
binary segments Chinese) indexes the written pages.

Pagefind keeps one index per page language, so a search from a Chinese page would not see
English pages. The site therefore indexes everything as one language (``--force-language``,
the site's language) and searches on one page, ``search/index.html``, which every page's
search form sends its query to. Only ``index.html`` pages are read: a document's change log
(``changes.html``) is no text to search, and can be several times the size of the document.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from publish.errors import BuildError, telling

#: The pages Pagefind reads (and the build cache hashes to know whether to run it again).
PAGES = "**/index.html"


def index(site: Path, language: str) -> None:
    try:
        import pagefind  # noqa: F401
    except ImportError:
        raise BuildError("Pagefind is not installed; run: make setup") from None
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "pagefind",
            "--site",
            str(site),
            "--silent",
            "--glob",  # the pages with text to find; not the change logs (changes.html)
            PAGES,
            "--force-language",
            language.split("-")[0].lower(),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    if run.returncode != 0 or not (site / "pagefind" / "pagefind-ui.js").is_file():
        raise BuildError(f"Pagefind failed: {telling(run.stderr or run.stdout)}")
