"""Progress of a build: ``rich`` bars on a terminal (stage, document n of m, rate, time
left), one line per stage when stderr is not a terminal, nothing extra with ``-q``."""

from __future__ import annotations

import logging
import sys
import threading
import time
from collections.abc import Callable
from types import TracebackType
from typing import Any

log = logging.getLogger(__name__)
Tick = Callable[..., None]


class Progress:
    """Use as a context manager; :meth:`stage` starts a stage of ``total`` steps and returns
    the function to call after each step."""

    def __init__(self, bars: bool | None = None) -> None:
        shown = log.isEnabledFor(logging.INFO)
        self.bars = shown and sys.stderr.isatty() if bars is None else bars
        self._rich: Any = None
        self._streams: list[tuple[logging.StreamHandler[Any], Any]] = []

    def __enter__(self) -> Progress:
        if self.bars:
            from rich.console import Console
            from rich.progress import (
                BarColumn,
                MofNCompleteColumn,
                TaskProgressColumn,
                TextColumn,
                TimeRemainingColumn,
            )
            from rich.progress import Progress as Bars

            self._rich = Bars(
                TextColumn("{task.description}"),
                BarColumn(),
                MofNCompleteColumn(),
                TaskProgressColumn(),
                TextColumn("{task.fields[rate]}"),
                TimeRemainingColumn(),
                console=Console(file=sys.stderr),
                transient=False,
            )
            self._rich.start()
            for handler in logging.getLogger().handlers:  # log lines print above the bars
                if isinstance(handler, logging.StreamHandler) and handler.stream is sys.__stderr__:
                    self._streams.append((handler, handler.setStream(sys.stderr)))
        return self

    def __exit__(self, kind: type[BaseException] | None, *rest: TracebackType | None) -> None:
        if self._rich is not None:
            self._rich.stop()
            for handler, stream in self._streams:
                handler.setStream(stream)

    def stage(self, name: str, total: int, unit: str = "document") -> Tick:
        """The function to call after each of ``total`` steps (``unit``: what a step is);
        it may be called from any thread."""
        if not total:
            return lambda *_: None
        if self._rich is None:
            return self._line(name, total, unit)
        task = self._rich.add_task(name, total=total, rate="")
        started = time.monotonic()
        short = "doc" if unit == "document" else unit

        def tick(*_: object) -> None:
            self._rich.advance(task)
            done = self._rich.tasks[task].completed
            rate = done / max(time.monotonic() - started, 1e-6)
            self._rich.update(task, rate=f"{rate:.1f} {short}/s")

        return tick

    def _line(self, name: str, total: int, unit: str) -> Tick:
        """One line when the stage is done (none with -q: it is logged at INFO)."""
        started, done, lock = time.monotonic(), [0], threading.Lock()

        def tick(*_: object) -> None:
            with lock:
                done[0] += 1
                if done[0] == total:
                    took = time.monotonic() - started
                    log.info("  %s: %d %s(s) in %.1f s", name, total, unit, took)

        return tick
