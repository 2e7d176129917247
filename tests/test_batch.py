"""The batch driver and the local process pool: timeouts, crashes, resume, determinism.

Most tests use a stand-in task (`fake_task`) whose behaviour is chosen by the file's
bytes, so hangs and segfaults can be provoked on purpose and the tests stay fast; the
end-to-end runs over real corpus PDFs are in test_hostile.py / test_dask.py.
"""
from __future__ import annotations

import datetime as dt
import json
import os
import random
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import psutil
import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from extract import __version__
from extract.batch import find_pdfs, run_batch, write_tables_from_json
from extract.cli import app
from extract.dataset import iter_results, write_tables
from extract.executors import Outcome, Task, outcome_of
from extract.pipeline import Options
from extract.schema import TABLES, Document, DocumentResult, Item, Statement


def fake_task(task: Task, options: Options) -> Outcome:
    """Stands in for process_file: HANG sleeps, SEGV kills its own process, JITTER sleeps a
    little (to shuffle finishing order); anything else becomes a small ok document."""
    data = Path(task.path).read_bytes()
    if data.startswith(b"HANG"):
        time.sleep(60)
    if data.startswith(b"SEGV"):
        os.kill(os.getpid(), signal.SIGSEGV)
    if data.startswith(b"BOOM"):
        raise RuntimeError("bug in a component")
    if b"JITTER" in data:
        time.sleep(random.uniform(0, 0.15))
    words = data.decode("utf-8", "replace").split()
    doc = Document(doc_id=task.doc_id, source=task.source, sha256=task.sha256, extractor_version=__version__,
                   page_count=len(words), meeting_date=dt.date(2022, 5, 1))
    text = " ".join(words)
    items = [Item(doc_id=task.doc_id, number=str(i + 1), title=w, char_start=0, char_end=len(text))
             for i, w in enumerate(words)]
    statements = [Statement(doc_id=task.doc_id, text=w, char_start=0, char_end=len(w), statement_id=f"{task.doc_id}:{i}")
                  for i, w in enumerate(words)]
    return outcome_of(DocumentResult(document=doc, text=text, items=items, statements=statements))


def _files(tmp_path: Path, contents: dict[str, bytes]) -> list[Path]:
    src = tmp_path / "in"
    src.mkdir(exist_ok=True)
    for name, data in contents.items():
        (src / name).write_bytes(data)
    return find_pdfs([src])


def _docs(out: Path) -> list[dict]:
    return pq.read_table(out / "documents.parquet").to_pylist()


def _table_bytes(out: Path) -> dict[str, bytes]:
    return {name: (out / f"{name}.parquet").read_bytes() for name in TABLES}


def test_a_hanging_file_times_out_and_the_others_finish(tmp_path):
    files = _files(tmp_path, {"a.pdf": b"alpha beta", "hang.pdf": b"HANG", "b.pdf": b"gamma", "c.pdf": b"delta x y"})
    t0 = time.monotonic()
    summary = run_batch(files, tmp_path / "out", workers=2, timeout=1.5, task_fn=fake_task)
    assert time.monotonic() - t0 < 20
    assert (summary.ok, summary.failed) == (3, 1)
    docs = {Path(d["source"]).name: d for d in _docs(tmp_path / "out")}
    assert len(docs) == 4
    assert docs["hang.pdf"]["status"] == "failed" and docs["hang.pdf"]["error"] == "timeout after 1.5 s"
    assert {docs[n]["status"] for n in ("a.pdf", "b.pdf", "c.pdf")} == {"ok"}
    assert summary.pages == 2 + 1 + 3


def test_a_crashing_worker_fails_only_its_file(tmp_path):
    files = _files(tmp_path, {"segv.pdf": b"SEGV", "boom.pdf": b"BOOM", "a.pdf": b"one", "b.pdf": b"two three"})
    summary = run_batch(files, tmp_path / "out", workers=2, timeout=30, task_fn=fake_task)
    docs = {Path(d["source"]).name: d for d in _docs(tmp_path / "out")}
    assert len(docs) == 4 and summary.ok == 2 and summary.failed == 2
    assert "SIGSEGV" in docs["segv.pdf"]["error"] and docs["segv.pdf"]["status"] == "failed"
    assert docs["boom.pdf"]["error"].startswith("internal error (RuntimeError")
    assert docs["a.pdf"]["status"] == docs["b.pdf"]["status"] == "ok"


def test_tables_are_byte_identical_whatever_the_worker_count(tmp_path):
    contents = {f"f{i:02d}.pdf": f"JITTER doc {i} ".encode() + b"w " * (i % 5) for i in range(14)}
    files = _files(tmp_path, contents)
    outs = []
    for n, workers in enumerate((1, 2, 0)):
        out = tmp_path / f"out{n}"
        order = list(files)
        random.Random(n).shuffle(order)
        run_batch(order, out, workers=workers, task_fn=fake_task)
        outs.append(out)
    first = _table_bytes(outs[0])
    assert all(_table_bytes(o) == first for o in outs[1:])
    # the streaming rebuild matches the dataset module's one-shot writer
    ref = tmp_path / "ref"
    write_tables(iter_results(outs[0]), ref)
    assert _table_bytes(ref) == first
    assert len(_docs(outs[0])) == 14


def test_streaming_rebuild_keeps_order_across_row_groups(tmp_path):
    files = _files(tmp_path, {f"g{i}.pdf": f"a b c {i}".encode() for i in range(6)})
    out = tmp_path / "out"
    run_batch(files, out, workers=0, task_fn=fake_task)
    whole = pq.read_table(out / "statements.parquet").to_pylist()
    write_tables_from_json(out, row_group_rows=5)  # many small row groups
    assert pq.ParquetFile(out / "statements.parquet").num_row_groups > 1
    assert pq.read_table(out / "statements.parquet").to_pylist() == whole
    assert [r["doc_id"] for r in whole] == sorted(r["doc_id"] for r in whole)


def test_resume_skips_done_files_retries_failed_and_force_redoes(tmp_path):
    files = _files(tmp_path, {"a.pdf": b"alpha", "b.pdf": b"beta gamma", "boom.pdf": b"BOOM"})
    out = tmp_path / "out"
    first = run_batch(files, out, workers=1, task_fn=fake_task)
    assert (first.ok, first.failed, first.skipped) == (2, 1, 0)
    def ok_json_mtimes() -> dict[str, int]:
        return {p.name: p.stat().st_mtime_ns for p in (out / "json").glob("*.json")
                if json.loads(p.read_bytes())["document"]["status"] == "ok"}

    done = ok_json_mtimes()
    assert len(done) == 2
    tables = _table_bytes(out)
    time.sleep(0.01)

    again = run_batch(files, out, workers=1, task_fn=fake_task)
    assert (again.ok, again.failed, again.skipped) == (0, 1, 2)  # the failed file is retried
    assert ok_json_mtimes() == done  # finished work is not rewritten
    assert _table_bytes(out) == tables

    # a result from another extractor version is redone
    a_json = next(p for p in (out / "json").glob("*.json") if json.loads(p.read_bytes())["document"]["source"].endswith("a.pdf"))
    data = json.loads(a_json.read_bytes())
    data["document"]["extractor_version"] = "0.0.0-old"
    a_json.write_text(json.dumps(data))
    third = run_batch(files, out, workers=1, task_fn=fake_task)
    assert (third.ok, third.skipped) == (1, 1)
    assert json.loads(a_json.read_bytes())["document"]["extractor_version"] == __version__

    forced = run_batch(files, out, workers=1, force=True, task_fn=fake_task)
    assert (forced.ok, forced.failed, forced.skipped) == (2, 1, 0)
    assert _table_bytes(out) == tables


def test_a_failure_never_replaces_finished_work(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "x.pdf").write_bytes(b"fine words")
    out = tmp_path / "out"
    run_batch([src / "x.pdf"], out, workers=1, task_fn=fake_task)
    before = _docs(out)

    summary = run_batch([src / "x.pdf"], out, workers=0, force=True, task_fn=failing_task)
    assert summary.failed == 1
    assert _docs(out) == before and before[0]["status"] == "ok"


def failing_task(task: Task, options: Options) -> Outcome:
    from extract.executors import failed_outcome

    return failed_outcome(task, "transient trouble", options)


def test_identical_files_and_unreadable_entries(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "one.pdf").write_bytes(b"same bytes")
    (src / "copy.pdf").write_bytes(b"same bytes")
    (src / "dir.pdf").mkdir()
    (src / "gone.pdf").symlink_to(src / "nowhere.pdf")
    files = find_pdfs([src])
    assert {f.name for f in files} == {"one.pdf", "copy.pdf", "dir.pdf", "gone.pdf"}
    summary = run_batch(files, tmp_path / "out", workers=1, task_fn=fake_task)
    assert (summary.ok, summary.skipped, summary.failed) == (1, 1, 2)
    docs = {Path(d["source"]).name: d for d in _docs(tmp_path / "out")}
    assert set(docs) == {"copy.pdf", "dir.pdf", "gone.pdf"}  # sorted: copy.pdf comes first and wins
    assert docs["dir.pdf"]["error"] == "unreadable file (is a directory)"
    assert docs["gone.pdf"]["error"] == "unreadable file (broken symbolic link)"


def test_interrupt_reaps_workers_and_leaves_usable_tables(tmp_path):
    files = _files(tmp_path, {"a.pdf": b"a", "b.pdf": b"b b", "hang1.pdf": b"HANG 1", "hang2.pdf": b"HANG 2"})
    seen: list[str] = []

    def on_result(outcome: Outcome) -> None:
        seen.append(outcome.source)
        if len(seen) == 2:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        run_batch(sorted(files), tmp_path / "out", workers=2, task_fn=fake_task, on_result=on_result)
    docs = _docs(tmp_path / "out")
    assert sorted(Path(d["source"]).name for d in docs) == ["a.pdf", "b.pdf"]
    assert _live_workers() == []  # the hanging workers were killed, not left behind


def _live_workers() -> list[psutil.Process]:
    """Workers are forked by the forkserver, a child of this process: its live children."""
    live = []
    for child in psutil.Process().children():
        for proc in child.children(recursive=True):
            try:
                if proc.status() != psutil.STATUS_ZOMBIE:
                    live.append(proc)
            except psutil.Error:
                pass
    return live


KILL_SCRIPT = textwrap.dedent("""
    import sys
    from pathlib import Path
    from test_batch import fake_task
    from extract.batch import find_pdfs, run_batch
    if __name__ == "__main__":
        run_batch(find_pdfs([Path(sys.argv[1])]), Path(sys.argv[2]), workers=2, task_fn=fake_task,
                  checkpoint_seconds=0)
""")


def test_a_killed_run_leaves_a_usable_dataset_and_resumes(tmp_path):
    contents = {f"f{i}.pdf": f"doc {i}".encode() for i in range(3)}
    contents["zz-hang.pdf"] = b"HANG"
    files = _files(tmp_path, contents)
    out = tmp_path / "out"
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(Path(__file__).parent), os.environ.get("PYTHONPATH", "")])}
    proc = subprocess.Popen([sys.executable, "-c", KILL_SCRIPT, str(tmp_path / "in"), str(out)],
                            cwd=Path(__file__).parents[1], env=env)
    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                if len(_docs(out)) == 3:
                    break
            except OSError:
                pass
            time.sleep(0.1)
        children = psutil.Process(proc.pid).children(recursive=True)
        proc.send_signal(signal.SIGKILL)
        proc.wait(10)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert sorted(Path(d["source"]).name for d in _docs(out)) == ["f0.pdf", "f1.pdf", "f2.pdf"]
    for name in TABLES:  # every table is a complete Parquet file
        pq.read_table(out / f"{name}.parquet")
    gone, alive = psutil.wait_procs(children, timeout=10)  # workers die with their parent
    assert not alive
    resumed = run_batch(find_pdfs([tmp_path / "in"]), out, workers=1, timeout=1, task_fn=fake_task)
    assert (resumed.skipped, resumed.failed) == (3, 1)
    assert len(_docs(out)) == 4


runner = CliRunner()


@pytest.mark.parametrize("args", [
    ["missing-folder"],
    ["{pdf}", "--executor", "spark"],
    ["{pdf}", "--scheduler", "tcp://127.0.0.1:8786"],
    ["{pdf}", "--workers", "-1"],
    ["{pdf}", "--timeout", "-5"],
])
def test_usage_errors_exit_2(tmp_path, args):
    pdf = tmp_path / "x.pdf"
    pdf.write_bytes(b"%PDF-1.4")
    res = runner.invoke(app, ["extract", *[a.format(pdf=pdf) for a in args], "--out", str(tmp_path / "o"), "-q"])
    assert res.exit_code == 2, res.output


def test_cli_all_failed_exits_1_and_prints_the_summary(tmp_path):
    bad = tmp_path / "notes.pdf"
    bad.write_text("just some text, not a PDF")
    res = runner.invoke(app, ["extract", str(bad), "--out", str(tmp_path / "o"), "-q", "--workers", "1"])
    assert res.exit_code == 1
    assert "0 ok, 1 failed, 0 skipped" in res.output
    assert "pages/s" in res.output


# --------------------------------------------------------------------------- engines
#: What each table's row means for the dataset (offsets may differ by engine, facts not).
FACT_KEYS = {
    "items": ("number", "title", "kind"),
    "attendance": ("name", "role", "organisation", "job_title", "party", "items"),
    "statements": ("text", "speaker", "item", "act"),
    "decisions": ("text", "kind", "item"),
    "dates": ("text", "start", "end", "item", "deadline"),
    "entities": ("label", "canonical"),
}


def _facts(out: Path) -> dict[str, dict[str, set]]:
    docs = {r["doc_id"]: Path(r["source"]).name for r in pq.read_table(out / "documents.parquet").to_pylist()}
    facts: dict[str, dict[str, set]] = {t: {name: set() for name in docs.values()} for t in FACT_KEYS}
    for table, keys in FACT_KEYS.items():
        for r in pq.read_table(out / f"{table}.parquet").to_pylist():
            facts[table][docs[r["doc_id"]]].add(tuple(str(r[k]) for k in keys))
    facts["documents"] = {Path(r["source"]).name: {(r["title"], r["body"], str(r["meeting_date"]), r["page_count"])}
                          for r in pq.read_table(out / "documents.parquet").to_pylist()}
    return facts


def test_pdfium_engine_gives_the_same_facts_as_pdfplumber_on_the_corpus(tmp_path, corpus_dir, corpus_dataset):
    files = sorted(corpus_dir.glob("*.pdf"))  # what corpus_dataset (the default engine) holds
    assert len(files) >= 3
    summary = run_batch(files, tmp_path / "pdfium", Options(engine="pdfium"), workers=2)
    assert summary.ok == len(files), summary.failures
    a, b = _facts(corpus_dataset), _facts(tmp_path / "pdfium")
    assert set(a["documents"]) == set(b["documents"])
    for table in a:
        for doc in a[table]:
            x, y = a[table][doc], b[table][doc]
            overlap = len(x & y) / max(len(x), len(y)) if (x or y) else 1.0
            assert overlap >= 0.99, (table, doc, sorted(x ^ y, key=str)[:4])
