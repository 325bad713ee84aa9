"""What ``publish build`` is asked to do: its command line, as one object (apart from the
build, so the command line can read it without importing the build's stages)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class BuildOptions:
    sources: tuple[Path, ...] = ()
    formats: tuple[str, ...] = ()
    theme: str = ""
    out: Path | None = None
    strict: bool = False
    pdf_variant: str = ""
    #: Worker processes (0: ``[build] jobs``, else one per core).
    jobs: int = 0
    #: ``local`` or ``dask`` ("": ``[build] executor``), and the Dask scheduler's address.
    executor: str = ""
    scheduler: str = ""
    #: The build cache: ``use`` it, ``skip`` it, or ``clear`` it (build without it, remove it).
    cache: str = "use"
    #: Whether named sources are built as part of the project's collection (the content
    #: folder, see publish.selection), or alone (``publish archive``).
    collection: bool = True
    #: Progress bars: None shows them when stderr is a terminal.
    bars: bool | None = None
    #: Return every document parsed (``publish archive``, which skips the cache); else they
    #: are let go before the search index is made.
    documents: bool = False


#: Options that say how to build, not what: the outputs are the same whatever they are.
HOW = ("jobs", "executor", "scheduler", "bars")
