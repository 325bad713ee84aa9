"""A worker process for one document's PDF, started with the build, before anything is read.

A rebuild after an edit makes one document, in the build's own process; WeasyPrint
takes a third of a second to import and half a second to typeset a short document, while the
site's pages and Pagefind wait for nothing from the PDF. So a build that makes PDFs with two
or more workers forks this process first: it imports WeasyPrint while the build reads its
sources, then makes the PDF of the last document the build makes here
(:meth:`publish.executors.Executor.beside`) while the build goes on with the rest, when the
document is short (:data:`SMALL`). A build that makes its documents in a pool instead lets it
go at once (:meth:`Beside.close`).

It is forked before the build starts a thread (a fork copies no other thread, so a lock one
held would stay held), only on this machine (not on Dask), and talks over a pipe: the job
goes one way, its :class:`~publish.jobs.Done` comes back. It ignores Ctrl-C, as pool workers
do: the build decides, and ends it.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import signal
import threading
from multiprocessing.connection import Connection
from types import TracebackType

from publish.errors import BuildError
from publish.jobs import Done, Job, run

#: Characters of text a document made beside may have: the worker cleans and parses it again,
#: and a second copy of a long document's parse is memory a build should not spend for the
#: few tenths of a second it saves.
SMALL = 1 << 20
#: Seconds a worker let go unused, or that has answered, is given to end on its own.
_ENDING = 10.0


def _serve(jobs: Connection, builds: Connection) -> None:
    """The worker: WeasyPrint imported, then one job run and its result sent back (the
    build's end of the pipe, a copy the fork made, closed here: the build closing its own then
    ends the wait of a worker let go unused)."""
    builds.close()
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    import weasyprint  # noqa: F401  (while the build reads)

    try:
        job = jobs.recv()
    except EOFError:  # (let go unused)
        return
    jobs.send(run(job))


class Beside:
    """The worker (see the module's docstring): :meth:`submit` a job, then :meth:`result`.
    A context manager; :meth:`start` gives None where no worker is started."""

    def __init__(self) -> None:
        context = multiprocessing.get_context("fork")
        self._jobs, theirs = context.Pipe()
        self._process = context.Process(target=_serve, args=(theirs, self._jobs), daemon=True)
        self._process.start()
        theirs.close()
        self._sent = self._answered = False

    @classmethod
    def start(cls, wanted: bool) -> Beside | None:
        """A worker, when ``wanted`` and no thread runs here (else None)."""
        return cls() if wanted and threading.active_count() == 1 else None

    def __enter__(self) -> Beside:
        return self

    def __exit__(self, kind: type[BaseException] | None, *rest: TracebackType | None) -> None:
        self.close()

    def submit(self, job: Job) -> Beside:
        self._sent = True
        with contextlib.suppress(OSError):  # (it ended: :meth:`result` says so)
            self._jobs.send(job)
        return self

    def result(self) -> Done:
        """The job's result (waited for)."""
        try:
            done: Done = self._jobs.recv()
            self._answered = True
        except (EOFError, OSError):
            self._process.join(timeout=5)  # (its end, to tell how it ended)
            code = self._process.exitcode
            raise BuildError(
                f"the worker making a PDF beside the build ended (exit status {code}); "
                "run the build again with -j 1 to make it in the build's own process"
            ) from None
        return done

    @property
    def used(self) -> bool:
        return self._sent

    def close(self) -> None:
        """End the worker: let go unused (told so: the pipe closed) or done, it ends on its own,
        and what it made in the temporary folder goes with it (killed while it imported
        WeasyPrint or ran its exit's clean-up, a file or folder stayed behind, now and then); a
        job the build stopped before it was answered is ended at once."""
        if self._sent and not self._answered:
            self._process.kill()
        self._jobs.close()
        self._process.join(timeout=_ENDING)
        if self._process.is_alive():
            self._process.kill()
            self._process.join()
