"""Python's cycle collector during a build: paused while a document is cleaned and parsed,
and what cleaning made set aside from then on.

Cleaning a large document makes millions of small records (edits, changes, their places)
that hold no reference cycles and live to the end of the build; parsing it, millions of tokens
and none either. The collector would walk them again and again for nothing: in a 50 MB source
it spent seconds in cleaning and parsing. So a job cleans and parses with it paused, and a
build *freezes* what cleaning made (``gc.freeze``: the collector no longer looks at it) until
the build ends. The outputs are written with it running: templates and EPUB packing leave
cycles (some 300 objects a document), which would otherwise be frozen with the next
document's records and never freed. Typesetting a PDF runs with only the young generations
collected (:func:`young_only`): WeasyPrint makes hundreds of thousands of boxes and layouts
that live to the end of the document, and full collections walked them again and again
(a 200-page document: 8-13 % of its time, for 17 MiB more at the peak).
"""

from __future__ import annotations

import contextlib
import ctypes
import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused() -> Iterator[None]:
    """No collection inside the block (the collector's earlier state restored after)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


@contextmanager
def young_only() -> Iterator[None]:
    """Inside the block the collector runs, but a full collection only after a thousand of the
    middle generation's (its threshold restored after): the cycles a block leaves among new
    objects are still collected, the long-lived ones are not walked again and again."""
    young, middle, old = gc.get_threshold()
    gc.set_threshold(young, middle, max(old, _OLD_RARELY))
    try:
        yield
    finally:
        gc.set_threshold(young, middle, old)


_OLD_RARELY = 1000


@contextmanager
def build() -> Iterator[None]:
    """A build: what :func:`keep` set aside is looked at again when the block ends."""
    try:
        yield
    finally:
        gc.unfreeze()


def keep() -> None:
    """Set aside every object that exists now: it lives to the end of the build."""
    gc.freeze()


def give_back() -> None:
    """Collect what is unreachable and hand the C library's free memory back to the system
    (``malloc_trim``, glibc only): a long build's freed documents would otherwise stay in the
    process's pages while a tool it starts next (Pagefind) needs memory of its own."""
    gc.collect()
    with contextlib.suppress(OSError, AttributeError):  # (not glibc: it keeps what it keeps)
        ctypes.CDLL(None).malloc_trim(0)  # (the process's own symbols: the C library's)
