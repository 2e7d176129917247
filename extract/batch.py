"""Run the per-file task over many PDFs and keep the dataset on disk consistent.

Why it is shaped like this (archives of tens of thousands of PDFs, some broken):

* Each finished file is written at once as DIR/json/<doc_id>.json (atomic), so a killed
  run loses at most the files in flight.
* Resumable: a file whose sha256 and extractor version already sit in DIR with status ok
  is skipped (``force`` redoes it); finished work is never rewritten, not even by a later
  failure of the same file. Failed files are retried: their cause (a timeout under load,
  Tesseract missing) is often the environment, not the file.
* The Parquet tables are rebuilt from the JSON files, streaming (flat memory), at
  checkpoints and at the end, each table written atomically, so a killed run leaves a
  usable dataset. Checkpoints are spaced so that rebuilding costs at most ~20 % of the
  run time even for a huge DIR.
* Deterministic: rows are ordered by doc_id, then as the document lists them, so the same
  inputs give byte-identical tables whatever the worker count, executor or finishing order.
* One bad file never stops a batch: it becomes a failed documents row with a one-line
  reason (see `extract.executors` for timeouts and crashed workers).
"""
from __future__ import annotations

import json
import os
import tempfile
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from extract import __version__
from extract.dataset import JSON_DIR, arrow_schema, atomic_write_bytes, read_json
from extract.executors import (Outcome, Task, TaskFn, default_workers, dask_outcomes, failed_outcome,
                               inline_outcomes, local_outcomes, path_doc_id, run_task)
from extract.pipeline import Options, doc_id_for, file_sha256
from extract.schema import TABLES

#: Rows buffered per table before a Parquet row group is written (bounds memory).
ROW_GROUP_ROWS = 64 * 1024


@dataclass
class BatchSummary:
    ok: int = 0
    failed: int = 0
    skipped: int = 0  # already done in DIR, or the same bytes as an earlier file of this run
    done_before: int = 0  # the skipped files that were already done in DIR
    pages: int = 0
    seconds: float = 0.0
    peak_rss: int = 0  # bytes, the largest peak RSS any worker reported
    failures: list[tuple[str, str]] = field(default_factory=list)

    @property
    def pages_per_second(self) -> float:
        return self.pages / self.seconds if self.seconds else 0.0

    @property
    def succeeded(self) -> bool:
        """Exit-code rule: at least one file extracted or already done."""
        return self.ok + self.done_before > 0


def find_pdfs(paths: Iterable[Path]) -> list[Path]:
    """Files as given plus every *.pdf below given folders (recursively), sorted, no duplicates.

    A file given explicitly is taken whatever its name: a non-PDF becomes a failed row.
    Inside folders an entry named *.pdf that cannot be read as a file (a broken symlink, a
    folder) is kept too, so it shows up as a failed row instead of silently vanishing.
    """
    found: dict[Path, None] = {}
    for p in paths:
        if p.is_dir():
            for f in sorted(p.rglob("*")):
                if f.suffix.lower() == ".pdf" and (f.is_file() or f.is_dir() or f.is_symlink()):
                    found.setdefault(f, None)
        else:
            found.setdefault(p, None)
    return list(found)


def stored_document(out: Path, doc_id: str) -> dict | None:
    """The `document` object of DIR/json/<doc_id>.json, or None when absent or unreadable."""
    try:
        return json.loads((out / JSON_DIR / f"{doc_id}.json").read_bytes())["document"]
    except (OSError, ValueError, KeyError, TypeError):
        return None


def is_done(stored: dict | None, sha256: str) -> bool:
    """Finished by this extractor version: skip on resume."""
    return bool(stored) and stored.get("sha256") == sha256 and stored.get("extractor_version") == __version__ \
        and stored.get("status") == "ok"


def plan(files: list[Path], out: Path, options: Options, force: bool,
         immediate: deque[Outcome]) -> Iterator[Task]:
    """Tasks for the executor, lazily (hashing as it goes). Files that need no worker
    (already done, a duplicate of an earlier file, unreadable) go to `immediate` instead."""
    seen: set[str] = set()
    for path in files:
        source = str(path)
        try:
            if path.is_dir():
                raise IsADirectoryError(21, "is a directory")
            sha = file_sha256(path)
        except OSError as exc:
            task = Task(source, source, "", path_doc_id(source))
            reason = exc.strerror or type(exc).__name__
            if isinstance(exc, FileNotFoundError) and path.is_symlink():
                reason = "broken symbolic link"
            immediate.append(failed_outcome(task, f"unreadable file ({reason})", options))
            continue
        doc_id = doc_id_for(sha)
        if sha in seen:  # the same bytes twice: one document, the first path wins
            immediate.append(Outcome(source, doc_id, "skipped", 0, "duplicate of an earlier file", b""))
            continue
        seen.add(sha)
        if not force and is_done(stored_document(out, doc_id), sha):
            immediate.append(Outcome(source, doc_id, "skipped", 0, None, b""))
            continue
        yield Task(source, os.path.abspath(source), sha, doc_id)


def run_batch(files: list[Path], out: Path, options: Options = Options(), *,
              workers: int | None = None, timeout: float | None = None, force: bool = False,
              executor: str = "local", scheduler: str | None = None,
              on_result: Callable[[Outcome], None] | None = None,
              checkpoint_seconds: float = 30.0, task_fn: TaskFn = run_task,
              executor_kwargs: dict | None = None) -> BatchSummary:
    """Extract `files` into `out`; `on_result` is called once per input file.

    executor: "local" (process pool of `workers`, default one per core; 0 runs in this
    process without isolation or timeout) or "dask" (`scheduler` address, or a LocalCluster).
    """
    workers = default_workers() if workers is None else workers
    summary = BatchSummary()
    start = time.perf_counter()
    immediate: deque[Outcome] = deque()
    tasks = plan(files, out, options, force, immediate)
    if executor == "local":
        stream = (local_outcomes(tasks, options, workers, timeout, task_fn, **(executor_kwargs or {}))
                  if workers > 0 else inline_outcomes(tasks, options, task_fn))
    elif executor == "dask":
        stream = dask_outcomes(tasks, options, scheduler, workers, timeout, task_fn, **(executor_kwargs or {}))
    else:
        raise ValueError(f"unknown executor {executor!r} (local or dask)")

    checkpoint = _Checkpoints(out, checkpoint_seconds)

    def take(outcome: Outcome) -> None:
        if outcome.status != "skipped":
            _store(outcome, out)
            checkpoint.dirty = True
        _count(summary, outcome)
        if on_result:
            on_result(outcome)

    try:
        for outcome in _merge(stream, immediate):
            if outcome is not None:  # None: a heartbeat while long files run
                take(outcome)
            checkpoint.maybe_write()
    finally:
        stream.close()
        checkpoint.final()
        summary.seconds = time.perf_counter() - start
    return summary


def _merge(stream: Iterator[Outcome | None], immediate: deque[Outcome]) -> Iterator[Outcome | None]:
    """Executor outcomes (and heartbeats) interleaved with the planner's immediate ones."""
    for outcome in stream:
        while immediate:
            yield immediate.popleft()
        yield outcome
    while immediate:
        yield immediate.popleft()


def _store(outcome: Outcome, out: Path) -> None:
    """Write the document JSON, unless that would replace a finished (ok) result by a failure."""
    path = out / JSON_DIR / f"{outcome.doc_id}.json"
    if outcome.status != "ok":
        stored = stored_document(out, outcome.doc_id)
        if stored and stored.get("status") == "ok":
            return
    atomic_write_bytes(path, outcome.payload)


def _count(summary: BatchSummary, outcome: Outcome) -> None:
    summary.peak_rss = max(summary.peak_rss, outcome.peak_rss)
    if outcome.status == "skipped":
        summary.skipped += 1
        summary.done_before += outcome.error is None
    elif outcome.status == "ok":
        summary.ok += 1
        summary.pages += outcome.pages
    else:
        summary.failed += 1
        summary.failures.append((outcome.source, outcome.error or "failed"))


class _Checkpoints:
    """Decides when to rebuild the tables: every `interval` s, but never spending more than
    ~20 % of the run on it (a rebuild reads every JSON in DIR)."""

    def __init__(self, out: Path, interval: float) -> None:
        self.out, self.interval = out, interval
        self.dirty = False
        self.last = time.monotonic()
        self.cost = 0.0

    def maybe_write(self) -> None:
        if self.dirty and time.monotonic() - self.last >= max(self.interval, 4 * self.cost):
            self.write()

    def write(self) -> None:
        t0 = time.monotonic()
        write_tables_from_json(self.out)
        self.last = time.monotonic()
        self.cost = self.last - t0
        self.dirty = False

    def final(self) -> None:
        if self.dirty or any(not (self.out / f"{name}.parquet").exists() for name in TABLES):
            self.write()


def iter_json_results(out: Path) -> Iterator:
    """Every readable DocumentResult in DIR/json in doc_id order, one at a time."""
    for path in sorted((out / JSON_DIR).glob("*.json")):
        try:
            yield read_json(path)
        except (ValueError, OSError):  # a foreign or damaged file: not ours to fix
            continue


def write_tables_from_json(out: Path, row_group_rows: int = ROW_GROUP_ROWS) -> dict[str, int]:
    """Rebuild every DIR/<table>.parquet from DIR/json, streaming: memory stays flat.

    Same rows and order as `extract.dataset.write_tables` (doc_id order); row groups hold
    `row_group_rows` rows, so below that size the files are byte-identical to it. All
    tables are written to temporary files first and then renamed together.
    """
    out.mkdir(parents=True, exist_ok=True)
    schemas = {name: arrow_schema(model) for name, model in TABLES.items()}
    tmps = {name: _tmp_path(out / f"{name}.parquet") for name in TABLES}
    writers = {name: pq.ParquetWriter(tmps[name], schemas[name], compression="zstd", write_statistics=True)
               for name in TABLES}
    buffers: dict[str, list[dict]] = {name: [] for name in TABLES}
    written = {name: 0 for name in TABLES}

    def flush(name: str) -> None:
        writers[name].write_table(pa.Table.from_pylist(buffers[name], schema=schemas[name]))
        written[name] += len(buffers[name])
        buffers[name] = []

    try:
        for res in iter_json_results(out):
            for name in TABLES:
                buffers[name].extend(r.model_dump(mode="python") for r in res.rows(name))
                if len(buffers[name]) >= row_group_rows:
                    flush(name)
        for name in TABLES:
            if buffers[name] or not written[name]:
                flush(name)
            writers[name].close()
        for name in TABLES:
            os.replace(tmps[name], out / f"{name}.parquet")
    finally:
        for name in TABLES:
            Path(tmps[name]).unlink(missing_ok=True)
    return written


def _tmp_path(path: Path) -> str:
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    os.close(fd)
    return tmp
