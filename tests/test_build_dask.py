"""The Dask executor: the same per-document function through a distributed Client, on a small
LocalCluster, writes every byte the local build writes."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from scale_corpus import make_corpus

from conftest import files_under, run_cli
from publish.build import BuildOptions, build
from publish.config import load_config

distributed = pytest.importorskip("distributed")


@pytest.fixture
def epoch() -> Iterator[None]:
    saved = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = "1735689600"
    yield
    os.environ.pop("SOURCE_DATE_EPOCH", None)
    if saved is not None:
        os.environ["SOURCE_DATE_EPOCH"] = saved


def _tree(out: Path) -> dict[str, bytes]:
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in files_under(out)}


def test_a_dask_cluster_writes_the_bytes_of_the_local_build(tmp_path: Path, epoch: None) -> None:
    root = make_corpus(tmp_path / "project", 5)
    (root / "content" / "doc-00002.md").write_text(
        "---\ntitle: 图\n---\n\n![图](pic.svg)\n\n正文。\n", encoding="utf-8"
    )
    (root / "content" / "pic.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"></svg>', "utf-8"
    )
    config = load_config(root)
    names = ("pdf", "epub", "html")
    local = BuildOptions(formats=names, out=tmp_path / "local", jobs=1, cache="skip")
    build(config, local)
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=False, dashboard_address=None
    ) as cluster:
        options = BuildOptions(
            formats=names,
            out=tmp_path / "dask",
            executor="dask",
            scheduler=cluster.scheduler_address,
            cache="skip",
        )
        build(config, options)
    one, two = _tree(tmp_path / "local"), _tree(tmp_path / "dask")
    assert sorted(one) == sorted(two) and "pdf/doc-00002.pdf" in one
    assert [name for name in one if one[name] != two[name]] == []


def test_an_unreachable_scheduler_is_named(tmp_path: Path) -> None:
    from publish.errors import ConfigError

    root = make_corpus(tmp_path / "project", 1)
    options = BuildOptions(formats=("html",), executor="dask", scheduler="tcp://127.0.0.1:9")
    with pytest.raises(
        ConfigError, match=r"cannot reach the Dask scheduler 'tcp://127\.0\.0\.1:9'"
    ):
        build(load_config(root), options)


def test_a_local_cluster_from_the_command_line_says_nothing_but_the_build(
    tmp_path: Path,
) -> None:
    """``--executor dask`` without a scheduler starts a local cluster of worker processes: the
    same bytes as ``-j 1``, and no warning of Dask's (its HTTP server takes a free port)."""
    root = make_corpus(tmp_path / "project", 3)
    env = {"SOURCE_DATE_EPOCH": "1735689600"}
    local = run_cli(["-q", "build", "--format", "html", "-j", "1", "--out", "local"], root, env)
    assert local.returncode == 0, local.stderr
    dask = run_cli(
        ["-q", "build", "--format", "html", "--executor", "dask", "--out", "d"], root, env
    )
    assert dask.returncode == 0 and dask.stderr == "", dask.stderr
    one, two = _tree(root / "local"), _tree(root / "d")
    assert sorted(one) == sorted(two) and [name for name in one if one[name] != two[name]] == []
