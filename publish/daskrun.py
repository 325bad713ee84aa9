"""The Dask side of :mod:`publish.executors`: a ``distributed.Client`` on a scheduler, or on
a local cluster when none is named. Dask is an optional extra (``pip install 'publish[dask]'``);
nothing else of publish imports it."""

from __future__ import annotations

import importlib
import logging
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
            silence_logs=logging.CRITICAL,  # (a job's error reaches the build through its future)
        )
        return distributed.Client(cluster)
    try:
        return distributed.Client(scheduler, timeout=10)
    except (OSError, TimeoutError, ValueError) as exc:
        raise ConfigError(
            f"cannot reach the Dask scheduler {scheduler!r}: {str(exc)[:200]}; start one "
            "(dask scheduler) and its workers (dask worker ADDRESS), or check the address"
        ) from None


def close(client: Any) -> None:
    """Close ``client``, and the local cluster it started, if any: its workers stop before its
    scheduler, not at the process's exit, where a worker's heartbeat to a scheduler already
    gone was logged with a traceback (seen once in a loaded machine's test run)."""
    cluster = getattr(client, "cluster", None)
    client.close()
    if cluster is not None:
        cluster.close()


def completed(futures: list[Any]) -> Any:
    """The futures as they finish."""
    distributed: Any = importlib.import_module("distributed")
    return distributed.as_completed(futures)
