"""Executors: run the per-file task (`extract.pipeline.process_file`) over many files.

Why not `concurrent.futures.ProcessPoolExecutor`: one segfault there breaks the whole pool
(every pending future fails) and a hung task cannot be killed. Here every worker is its own
process with its own pipe, so the parent can kill exactly the worker that exceeds the
per-file timeout or notice exactly which file a crashed worker was on, record that file as
failed and start a replacement; every other file is unaffected.

Workers come from a `forkserver` (not `fork`: the parent runs a progress-bar thread, and
forking a threaded process can deadlock) that has pdfplumber and spaCy preloaded, so a
replacement starts in milliseconds. A worker retires after `max_tasks` files or once its
RSS passes `rss_limit`, which keeps memory flat over a long archive.

Every executor yields `Outcome`s carrying the document JSON exactly as
`extract.dataset.write_json` writes it, so the local pool and Dask produce byte-identical
datasets. The batch driver (`extract.batch`) owns writing.
"""
from __future__ import annotations

import hashlib
import multiprocessing as mp
import os
import resource
import signal
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from pathlib import Path

from extract import __version__
from extract.pipeline import Options, one_line
from extract.schema import Document, DocumentResult

#: Modules the forkserver imports once so that every forked worker starts warm
#: (`extract.preload` also builds the default NLP pipeline and runs it once).
PRELOAD = ["extract.executors", "extract.pipeline", "extract.nlp", "pdfplumber", "pypdfium2", "spacy",
           "extract.preload"]


class ExecutorUnavailable(RuntimeError):
    """The requested executor cannot run here (e.g. dask is not installed)."""


@dataclass(frozen=True, slots=True)
class Task:
    """One input file. `source` is how the user named it (recorded in the dataset);
    `path` is where a worker reads it (absolute for remote workers)."""

    source: str
    path: str
    sha256: str
    doc_id: str


@dataclass(slots=True)
class Outcome:
    """A finished file: the small facts the driver counts plus the document JSON to write."""

    source: str
    doc_id: str
    status: str
    pages: int
    error: str | None
    payload: bytes  # the DocumentResult JSON (what write_json writes)
    peak_rss: int = 0  # bytes: the worker's peak RSS so far (0 when unknown)


TaskFn = Callable[[Task, Options], Outcome]


def encode(result: DocumentResult) -> bytes:
    """The per-document JSON bytes; must match `extract.dataset.write_json`."""
    return result.model_dump_json(indent=1).encode("utf-8")


def outcome_of(result: DocumentResult) -> Outcome:
    d = result.document
    return Outcome(d.source, d.doc_id, d.status, d.page_count if d.status == "ok" else 0, d.error, encode(result))


def path_doc_id(source: str) -> str:
    """Id for a file whose bytes cannot be read: derived from its path instead of its content."""
    return "d" + hashlib.sha256(("unreadable:" + source).encode("utf-8")).hexdigest()[:16]


def failed_outcome(task: Task, reason: str, options: Options) -> Outcome:
    """A failed documents row for a file the worker could not finish (timeout, crash, unreadable)."""
    doc = Document(doc_id=task.doc_id, source=task.source, sha256=task.sha256, engine=options.engine,
                   extractor_version=__version__, status="failed", error=one_line(reason))
    return outcome_of(DocumentResult(document=doc))


def run_task(task: Task, options: Options) -> Outcome:
    """The per-file task every executor runs: `process_file`, made total.

    process_file already turns bad PDFs into failed rows; anything that still escapes (an
    unreadable path, a bug) becomes a failed row here, so a worker never dies of Python errors.
    """
    from extract.pipeline import process_file

    try:
        result = process_file(Path(task.path), options)
    except RecursionError:
        return failed_outcome(task, "damaged PDF (objects nested too deeply)", options)
    except MemoryError:
        return failed_outcome(task, "out of memory", options)
    except OSError as exc:
        return failed_outcome(task, f"unreadable file ({exc.strerror or type(exc).__name__})", options)
    except Exception as exc:  # noqa: BLE001 - one file's bug must not stop the batch
        return failed_outcome(task, f"internal error ({type(exc).__name__}: {exc})", options)
    if result.document.source != task.source:  # remote workers read an absolute path
        result = result.model_copy(update={"document": result.document.model_copy(update={"source": task.source})})
    return outcome_of(result)


def peak_rss() -> int:
    """Peak resident set size of this process in bytes (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


def current_rss() -> int:
    try:
        import psutil

        return psutil.Process().memory_info().rss
    except Exception:  # noqa: BLE001
        return 0


# --------------------------------------------------------------------------- in-process


def inline_outcomes(tasks: Iterable[Task], options: Options, task_fn: TaskFn = run_task) -> Iterator[Outcome]:
    """Run in this process, one file after another: no isolation, no timeout (debugging, profiling)."""
    for task in tasks:
        out = task_fn(task, options)
        out.peak_rss = peak_rss()
        yield out


# --------------------------------------------------------------------------- local pool


def _worker_main(conn: Connection, task_fn: TaskFn, options: Options, max_tasks: int, rss_limit: int) -> None:
    """Worker loop: receive a Task, send back (Outcome, retire?). Retires when told to or when big."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's business
    _die_with_parent()
    _one_thread_per_worker()
    done = 0
    while True:
        try:
            task = conn.recv()
        except (EOFError, OSError):
            return
        if task is None:
            return
        try:
            out = task_fn(task, options)
        except BaseException as exc:  # noqa: BLE001 - report, then carry on with the next file
            out = failed_outcome(task, f"internal error ({type(exc).__name__}: {exc})", options)
        out.peak_rss = peak_rss()
        done += 1
        retire = (max_tasks > 0 and done >= max_tasks) or (rss_limit > 0 and current_rss() > rss_limit)
        conn.send((out, retire))
        if retire:
            return


def _one_thread_per_worker() -> None:
    """The pool already uses every core: Tesseract's OpenMP threads on top only contend
    (measured: one page 3.6 s single-threaded vs 12-21 s with default threads on 2 busy
    cores). Tesseract's own advice for parallel runs; an explicit setting is kept."""
    os.environ.setdefault("OMP_THREAD_LIMIT", "1")


def dask_task(task_fn: TaskFn, task: Task, options: Options) -> Outcome:
    """What a dask worker runs: the per-file task, one core's worth of threads."""
    _one_thread_per_worker()
    return task_fn(task, options)


def _die_with_parent() -> None:
    """Exit when the batch process dies (even by SIGKILL), so a killed batch leaves no stray
    workers. A thread waits on the parent's sentinel; file parsing runs in C code that
    releases the GIL or in Python that yields it, so the thread gets to run."""
    import threading

    parent = mp.parent_process()
    if parent is None:
        return

    def watch() -> None:
        wait([parent.sentinel])
        os._exit(70)

    threading.Thread(target=watch, name="referat-parent-watch", daemon=True).start()


@dataclass
class _Slot:
    proc: mp.process.BaseProcess
    conn: Connection
    task: Task | None = None
    started: float = 0.0


def _context() -> mp.context.BaseContext:
    if "forkserver" in mp.get_all_start_methods():
        ctx = mp.get_context("forkserver")
        ctx.set_forkserver_preload(PRELOAD)
        return ctx
    return mp.get_context("spawn")


def crash_reason(exitcode: int | None) -> str:
    if exitcode is not None and exitcode < 0:
        try:
            name = signal.Signals(-exitcode).name
        except ValueError:
            name = f"signal {-exitcode}"
        hint = " (out of memory?)" if name == "SIGKILL" else ""
        return f"worker crashed ({name}{hint}) while extracting this file"
    return f"worker crashed (exit code {exitcode}) while extracting this file"


def local_outcomes(tasks: Iterable[Task], options: Options, workers: int, timeout: float | None = None,
                   task_fn: TaskFn = run_task, max_tasks: int = 200, rss_limit: int = 1 << 30,
                   heartbeat: float = 1.0) -> Iterator[Outcome | None]:
    """Run `task_fn` over `tasks` on `workers` isolated processes; yields in completion order.

    A file that runs longer than `timeout` seconds, or whose worker dies, yields a failed
    Outcome; its worker is killed/replaced and the batch goes on. Yields None after
    `heartbeat` seconds without news, so the consumer can checkpoint during long files.
    Closing the generator (or an exception in the consumer) stops and reaps every worker.
    """
    ctx = _context()
    queue = iter(tasks)
    slots: list[_Slot] = []
    exhausted = False

    def spawn() -> _Slot:
        parent, child = ctx.Pipe(duplex=True)
        proc = ctx.Process(target=_worker_main, args=(child, task_fn, options, max_tasks, rss_limit),
                           name="referat-worker", daemon=True)
        proc.start()
        child.close()
        return _Slot(proc, parent)

    def next_task() -> Task | None:
        nonlocal exhausted
        if exhausted:
            return None
        task = next(queue, None)
        exhausted = task is None
        return task

    def retire(slot: _Slot, kill: bool) -> None:
        if kill and slot.proc.is_alive():
            slot.proc.kill()
        slot.proc.join(5)
        if slot.proc.is_alive():
            slot.proc.kill()
            slot.proc.join()
        slot.conn.close()
        slots.remove(slot)

    try:
        while True:
            # keep every live worker busy; start workers lazily, up to `workers`
            for slot in [s for s in slots if s.task is None]:
                task = next_task()
                if task is None:
                    break
                slot.task, slot.started = task, time.monotonic()
                slot.conn.send(task)
            while len(slots) < max(workers, 1) and not exhausted:
                task = next_task()
                if task is None:
                    break
                slot = spawn()
                slots.append(slot)
                slot.task, slot.started = task, time.monotonic()
                slot.conn.send(task)
            busy = [s for s in slots if s.task is not None]
            if not busy:
                return
            wait_for = heartbeat
            if timeout:
                wait_for = min(wait_for, max(0.0, min(s.started + timeout for s in busy) - time.monotonic()))
            if not wait([s.conn for s in busy] + [s.proc.sentinel for s in busy], wait_for):
                yield None
            now = time.monotonic()
            for slot in busy:
                task = slot.task
                assert task is not None
                if slot.conn.poll():
                    try:
                        out, leaving = slot.conn.recv()
                    except (EOFError, OSError):
                        slot.proc.join(1)
                        yield failed_outcome(task, crash_reason(slot.proc.exitcode), options)
                        retire(slot, kill=True)
                        continue
                    slot.task = None
                    if leaving:
                        retire(slot, kill=False)
                    yield out
                elif not slot.proc.is_alive():
                    slot.proc.join()
                    yield failed_outcome(task, crash_reason(slot.proc.exitcode), options)
                    retire(slot, kill=True)
                elif timeout and now - slot.started >= timeout:
                    retire(slot, kill=True)
                    yield failed_outcome(task, f"timeout after {timeout:g} s", options)
    finally:
        for slot in list(slots):
            if slot.task is None and slot.proc.is_alive():
                try:
                    slot.conn.send(None)
                except OSError:
                    pass
            retire(slot, kill=slot.task is not None)


# --------------------------------------------------------------------------- dask


def dask_outcomes(tasks: Iterable[Task], options: Options, scheduler: str | None = None, workers: int = 0,
                  timeout: float | None = None, task_fn: TaskFn = run_task,
                  cluster_kwargs: dict | None = None, heartbeat: float = 1.0) -> Iterator[Outcome | None]:
    """Run `task_fn` on a dask.distributed cluster; results come back to this process.

    `scheduler`: address of a running scheduler ("tcp://host:8786"); None starts a
    LocalCluster with `workers` single-threaded worker processes. Connects at once (so a
    missing dask or an unreachable scheduler is an `ExecutorUnavailable` before any work),
    then returns the stream. At most one task per worker thread is in flight, so a task's
    timeout runs from (about) when it starts; a task that times out becomes a failed row
    and the worker running it is restarted when it has a nanny. A worker that dies on a
    file (segfault) makes dask retry the file once elsewhere and then give up with
    KilledWorker: a failed row, the batch goes on.
    """
    try:
        import dask
        from distributed import Client, LocalCluster
    except ImportError as exc:
        raise ExecutorUnavailable(
            "--executor dask needs dask.distributed, which is not installed: pip install 'referat[dask]'"
        ) from exc

    cluster = None
    with dask.config.set({"distributed.scheduler.allowed-failures": 1}):
        try:
            if scheduler:
                client = Client(scheduler, timeout="30s")
            else:
                kwargs = dict(n_workers=max(workers, 1), threads_per_worker=1, processes=True,
                              dashboard_address=None, silence_logs=40)
                kwargs.update(cluster_kwargs or {})
                cluster = LocalCluster(**kwargs)
                client = Client(cluster)
            client.wait_for_workers(1, timeout=120)
        except (OSError, TimeoutError) as exc:
            if cluster is not None:
                cluster.close()
            where = f"the dask scheduler at {scheduler}" if scheduler else "a local dask cluster"
            raise ExecutorUnavailable(f"cannot reach {where}: {exc}") from exc
    return _dask_stream(client, cluster, tasks, options, timeout, task_fn, heartbeat)


def _dask_stream(client, cluster, tasks: Iterable[Task], options: Options, timeout: float | None,  # type: ignore[no-untyped-def]
                 task_fn: TaskFn, heartbeat: float) -> Iterator[Outcome | None]:
    from distributed import wait as dwait

    try:
        capacity = max(sum(client.nthreads().values()), 1)
        queue = iter(tasks)
        inflight: dict = {}  # future -> (task, submitted)
        exhausted = False
        n = 0
        while True:
            while not exhausted and len(inflight) < capacity:
                task = next(queue, None)
                if task is None:
                    exhausted = True
                    break
                n += 1
                fut = client.submit(dask_task, task_fn, task, options, pure=False, retries=0,
                                    key=f"referat-{n}-{task.doc_id}")
                inflight[fut] = (task, time.monotonic())
            if not inflight:
                return
            wait_for = heartbeat
            if timeout:
                wait_for = min(wait_for, max(0.05, min(t0 + timeout for _, t0 in inflight.values()) - time.monotonic()))
            try:
                dwait(list(inflight), timeout=wait_for, return_when="FIRST_COMPLETED")
            except TimeoutError:  # nothing finished yet: check the timeouts below
                yield None
            now = time.monotonic()
            for fut, (task, t0) in list(inflight.items()):
                if fut.status == "finished":
                    del inflight[fut]
                    out = fut.result()
                    fut.release()
                    yield out
                elif fut.status in ("error", "cancelled", "lost"):
                    del inflight[fut]
                    exc = fut.exception() if fut.status == "error" else None
                    name = type(exc).__name__ if exc is not None else fut.status
                    reason = ("worker crashed (killed) while extracting this file" if name == "KilledWorker"
                              else f"internal error on dask worker ({name}: {exc})")
                    fut.release()
                    yield failed_outcome(task, reason, options)
                elif timeout and now - t0 >= timeout:
                    del inflight[fut]
                    _restart_worker_of(client, fut.key)
                    fut.cancel()
                    yield failed_outcome(task, f"timeout after {timeout:g} s", options)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def _restart_worker_of(client, key: str) -> None:
    """Best effort: restart the worker stuck on `key` (needs a nanny; otherwise it stays busy)."""
    try:
        for addr, keys in client.processing().items():
            if key in keys:
                client.restart_workers([addr], raise_for_error=False)
    except Exception:  # noqa: BLE001
        pass


def default_workers() -> int:
    return os.cpu_count() or 1
