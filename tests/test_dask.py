"""`--executor dask`: the same per-file task on a dask.distributed LocalCluster writes the
same dataset, byte for byte, as the local process pool."""
from __future__ import annotations

import sys
import time
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from extract.batch import find_pdfs, run_batch
from extract.cli import app
from extract.schema import TABLES

pytest.importorskip("distributed")

CORPUS = Path(__file__).resolve().parents[1] / "corpus"


def _tables(out: Path) -> dict[str, bytes]:
    return {name: (out / f"{name}.parquet").read_bytes() for name in TABLES}


@pytest.fixture(scope="module")
def cluster():
    """Two single-threaded worker processes, shared by the tests of this module."""
    from distributed import LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                      silence_logs=40) as c:
        yield c


def test_dask_writes_the_same_dataset_as_the_local_pool(tmp_path, cluster):
    files = find_pdfs([CORPUS])
    assert len(files) >= 3
    local = run_batch(files, tmp_path / "local", workers=2)
    remote = run_batch(files, tmp_path / "dask", executor="dask", scheduler=cluster.scheduler_address)
    assert (remote.ok, remote.failed) == (local.ok, local.failed) == (len(files), 0)
    assert remote.pages == local.pages
    assert _tables(tmp_path / "dask") == _tables(tmp_path / "local")
    for p in (tmp_path / "local" / "json").glob("*.json"):  # the per-document JSON too
        assert (tmp_path / "dask" / "json" / p.name).read_bytes() == p.read_bytes()


def slow_task(task, options):
    """Sleeps on files whose bytes start with HANG, else extracts for real."""
    from extract.executors import run_task

    if Path(task.path).read_bytes().startswith(b"HANG"):
        time.sleep(30)
    return run_task(task, options)


def test_dask_timeout_and_bad_files_are_failed_rows(tmp_path, cluster):
    src = tmp_path / "in"
    src.mkdir()
    (src / "hang.pdf").write_bytes(b"HANG")
    (src / "text.pdf").write_text("not a pdf")
    (src / "ok.pdf").write_bytes((CORPUS / "forening-bestyrelse-2022-11-08.pdf").read_bytes())
    t0 = time.monotonic()
    summary = run_batch(find_pdfs([src]), tmp_path / "out", executor="dask", scheduler=cluster.scheduler_address,
                        timeout=4, task_fn=slow_task)
    assert time.monotonic() - t0 < 25
    docs = {Path(d["source"]).name: d for d in pq.read_table(tmp_path / "out" / "documents.parquet").to_pylist()}
    assert docs["hang.pdf"]["error"] == "timeout after 4 s"
    assert docs["text.pdf"]["status"] == "failed" and docs["text.pdf"]["error"].startswith("not a PDF")
    assert docs["ok.pdf"]["status"] == "ok"
    assert (summary.ok, summary.failed) == (1, 2)


def test_dask_missing_is_a_clear_usage_error(tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "distributed", None)  # import distributed -> ImportError
    res = CliRunner().invoke(app, ["extract", str(CORPUS / "forening-bestyrelse-2022-11-08.pdf"),
                                   "--out", str(tmp_path / "o"), "--executor", "dask", "-q"])
    assert res.exit_code == 2
    assert "pip install 'referat[dask]'" in " ".join(res.output.split())
