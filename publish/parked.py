"""Parsed documents set aside on disk from the per-document stage until the site's pages are
written, so a build holds one at a time, not every one: a thousand parsed documents held in
memory made the build's memory grow with the collection.

The folder is a scratch folder inside the build's staging folder, removed with it (and before
the staging folder is moved into place); only this build writes and reads it.
"""

from __future__ import annotations

import pickle
import shutil
import tempfile
from pathlib import Path

from publish.model import Document


class Parking:
    def __init__(self, staging: Path) -> None:
        self.folder = Path(tempfile.mkdtemp(prefix=".parked-", dir=staging))
        self._count = 0

    def park(self, document: Document) -> Path:
        """Write ``document`` out; where to fetch it from."""
        self._count += 1
        path = self.folder / f"{self._count}.pickle"
        path.write_bytes(pickle.dumps(document, protocol=pickle.HIGHEST_PROTOCOL))
        return path

    def close(self) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)


def fetch(path: Path) -> Document:
    """A document :meth:`Parking.park` wrote (this build's own file)."""
    found = pickle.loads(path.read_bytes())
    assert isinstance(found, Document)
    return found
