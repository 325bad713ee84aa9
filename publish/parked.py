"""Parsed documents set aside on disk from the per-document stage until the site's pages are
written, so a build holds one at a time, not every one: a thousand parsed documents held in
memory made the build's memory grow with the collection. A very large one is held instead.

The folder is a scratch folder inside the build's staging folder, removed with it (and before
the staging folder is moved into place); only this build writes and reads it.
"""

from __future__ import annotations

import hashlib
import pickle
import shutil
import tempfile
from pathlib import Path

from publish.model import Document

#: Characters of body HTML above which a document is held, not set aside: pickling one takes
#: several times its size at once (a 50 MB source's document peaked the build at 1.9 GB).
LARGEST = 2_000_000


class Parking:
    def __init__(self, staging: Path) -> None:
        self.folder = Path(tempfile.mkdtemp(prefix=".parked-", dir=staging))

    @staticmethod
    def takes(document: Document) -> bool:
        """Whether ``document`` is set aside (else it is held: see :data:`LARGEST`)."""
        return len(document.body_html) <= LARGEST

    def park(self, document: Document) -> Path:
        """Write ``document`` out; where to fetch it from."""
        return park(self.folder, document.slug, document)

    def close(self) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)


def park(folder: Path, name: str, document: Document) -> Path:
    """Write ``document`` into ``folder`` under a ``name`` of its own (its slug: a job on this
    machine sets its document aside itself, the build one sent back by a Dask worker)."""
    path = folder / f"{hashlib.sha256(name.encode()).hexdigest()}.pickle"
    path.write_bytes(pickle.dumps(document, protocol=pickle.HIGHEST_PROTOCOL))
    return path


def fetch(path: Path) -> Document:
    """A document :meth:`Parking.park` wrote (this build's own file)."""
    found = pickle.loads(path.read_bytes())
    assert isinstance(found, Document)
    return found
