"""The Dask side of :mod:`publish.executors`: a ``distributed.Client`` on a scheduler, or on
a local cluster when none is named. Dask is an optional extra (``pip install 'publish[dask]'``);
nothing else of publish imports it."""

from __future__ import annotations

import importlib
from typing import Any

from publish.errors import ConfigError


def client(scheduler: str, workers: int) -> Any:
    """A client of ``scheduler`` (``tcp://host:port``), or of a new local cluster of
    ``workers`` processes when it is ""."""
    try:
        distributed: Any = importlib.import_module("distributed")
    except ImportError:
        raise ConfigError(
            "the dask executor needs Dask's distributed; install it: pip install 'publish[dask]'"
        ) from None
    if not scheduler:
        cluster = distributed.LocalCluster(  # (no dashboard; the scheduler's own HTTP server
            n_workers=workers,  # on a free port: on 8787, taken, Dask would warn)
            threads_per_worker=1,
            dashboard_address=None,
            scheduler_kwargs={"dashboard_address": ":0"},
        )
        return distributed.Client(cluster)
    try:
        return distributed.Client(scheduler, timeout=10)
    except (OSError, TimeoutError, ValueError) as exc:
        raise ConfigError(
            f"cannot reach the Dask scheduler {scheduler!r}: {str(exc)[:200]}; start one "
            "(dask scheduler) and its workers (dask worker ADDRESS), or check the address"
        ) from None


def completed(futures: list[Any]) -> Any:
    """The futures as they finish."""
    distributed: Any = importlib.import_module("distributed")
    return distributed.as_completed(futures)
