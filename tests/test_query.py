"""`referat query`: DuckDB views over the dataset tables, the fold macro, output formats, errors."""
from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
import subprocess
import sys
import time
import unicodedata
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from extract.cli import app
from extract.dataset import write_json, write_tables
from extract.query import (
    DatasetNotFound,
    QueryError,
    connect,
    fold,
    fold_param,
    query,
    run,
    table_files,
)
from extract.schema import TABLES, Attendee, Document, DocumentResult, Item, Statement

ROOT = Path(__file__).resolve().parents[1]


# --- a small hand-made dataset ---------------------------------------------------------

def _meeting(doc_id: str, day: dt.date, sentences: list[tuple[str | None, str]]) -> DocumentResult:
    """One meeting with one item; `sentences` are (speaker, text) in order."""
    text, stmts = "1. Budget\n", []
    for speaker, sentence in sentences:
        start = len(text)
        text += sentence + "\n"
        stmts.append(Statement(doc_id=doc_id, item="1", page=1, char_start=start, char_end=start + len(sentence),
                               speaker=speaker, text=sentence, statement_id=f"{doc_id}:{start}"))
    doc = Document(doc_id=doc_id, source=f"arkiv/{doc_id}.pdf", sha256="0" * 64, meeting_date=day,
                   page_count=1, extractor_version="test")
    return DocumentResult(
        document=doc, text=text,
        attendance=[Attendee(doc_id=doc_id, name=s, role="member", char_start=0, char_end=1)
                    for s in sorted({s for s, _ in sentences if s})],
        items=[Item(doc_id=doc_id, item="1", number="1", title="Budget", char_start=0, char_end=len(text) - 1,
                    heading_end=9, page=1)],
        statements=stmts,
    )


MEETINGS = [
    _meeting("d1000000000000001", dt.date(2024, 1, 9), [
        ("Åse Dahl", "Åse Dahl bemærkede, at ældreplejen mangler midler."),
        (None, "Punktet blev drøftet."),
    ]),
    _meeting("d2000000000000002", dt.date(2022, 5, 3), [
        ("Ole Bæk", "Ole Bæk spurgte til [bilag 2] og 'citater'."),
    ]),
]


@pytest.fixture()
def small(tmp_path: Path) -> Path:
    out = tmp_path / "ds"
    write_tables(MEETINGS, out)
    for m in MEETINGS:
        write_json(m, out)
    return out


# --- the corpus, extracted once per session ----------------------------------------------



# --- fold ------------------------------------------------------------------------------

@pytest.mark.parametrize("a, b", [
    ("Ældrerådet", "aeldreraadet"),
    ("ÅRHUS", "Aarhus"),
    ("Søren", "soeren"),
    ("Café Møller", "cafe moeller"),
    ("a\u030arsag", "årsag"),           # decomposed å
    ("TØNDER Kommune", "tønder kommune"),
])
def test_fold_makes_spelling_variants_equal(a: str, b: str) -> None:
    assert fold(a) == fold(b)


def test_search_strings_are_composed_and_spaced_like_the_dataset_text() -> None:
    assert fold_param("uge\u00a044") == "uge 44"      # no-break space pasted from a PDF
    assert fold_param("a\u030arsag") == "\u00e5rsag"  # decomposed å from a Mac terminal
    assert fold_param(None) is None


def test_fold_keeps_different_words_apart() -> None:
    assert fold("bør") != fold("bor")
    assert fold("år") != fold("ar")


def test_sql_fold_macro_equals_python_fold(small: Path) -> None:
    samples = ["Ældre- og Sundhedsudvalget", "Kommunalbestyrelsen i Aabenraa", "Søren Ørsted", "naïve résumé",
               "Hr. Øberg", "ÆØÅ æøå", "Straße", "İstanbul"]
    samples += [chr(c) for c in range(0xC0, 0x250)]  # the macro expects NFC text, as the dataset's is
    con = connect(small)
    got = [r[0] for r in con.execute("SELECT fold(s) FROM unnest(?) t(s)", [samples]).fetchall()]
    assert got == [fold(s) for s in samples]
    assert all(not any(unicodedata.combining(ch) for ch in g) for g in got)


# --- views -----------------------------------------------------------------------------

def test_every_table_is_a_view_with_its_rows(small: Path) -> None:
    con = connect(small)
    assert {r[0] for r in con.execute("SHOW TABLES").fetchall()} == set(TABLES)
    for name in TABLES:
        n = con.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0]
        assert n == sum(len(m.rows(name)) for m in MEETINGS), name
        cols = [d[0] for d in con.execute(f'SELECT * FROM "{name}" LIMIT 0').description]
        assert cols == list(TABLES[name].model_fields), name


def test_a_table_may_be_a_folder_of_parts_and_missing_tables_are_empty_views(small: Path, tmp_path: Path) -> None:
    out = tmp_path / "parts"
    out.mkdir()
    (small / "documents.parquet").rename(out / "documents.parquet")
    table = pq.read_table(small / "statements.parquet")
    for i, doc_id in enumerate(sorted(set(table.column("doc_id").to_pylist()))):
        part = out / "statements" / f"doc_id={doc_id}" / f"part-{i}.parquet"
        part.parent.mkdir(parents=True)
        rows = [r for r in table.to_pylist() if r["doc_id"] == doc_id]
        pq.write_table(pa.Table.from_pylist(rows, schema=table.schema), part)
    (out / "statements" / ".part-9.parquet.tmp").write_bytes(b"half-written")  # ignored
    assert set(table_files(out)) == {"documents", "statements"}
    con = connect(out)
    got = con.execute("SELECT statement_id FROM statements ORDER BY statement_id").fetchall()
    assert [g[0] for g in got] == sorted(table.column("statement_id").to_pylist())
    assert con.execute("SELECT count(*) FROM decisions").fetchone()[0] == 0
    cols = [d[0] for d in con.execute("SELECT * FROM dates").description]
    assert cols == list(TABLES["dates"].model_fields)


def test_file_and_parts_of_one_table_are_read_together(small: Path) -> None:
    extra = small / "documents" / "part-1.parquet"
    extra.parent.mkdir()
    pq.write_table(pq.read_table(small / "documents.parquet").slice(0, 1), extra)
    assert query(small, "SELECT count(*) FROM documents").rows == [(len(MEETINGS) + 1,)]


def test_missing_or_empty_dataset_folder(tmp_path: Path) -> None:
    with pytest.raises(DatasetNotFound, match="no such dataset folder"):
        connect(tmp_path / "nowhere")
    with pytest.raises(DatasetNotFound, match="holds no referat dataset"):
        connect(tmp_path)


@pytest.mark.parametrize("sql, message", [
    ("SELEC 1", "syntax error"),
    ("SELECT * FROM speeches", "speeches"),
    ("SELECT nonexistent_column FROM items", "nonexistent_column"),
])
def test_bad_sql_gives_one_line_error(small: Path, sql: str, message: str) -> None:
    with pytest.raises(QueryError) as err:
        query(small, sql)
    assert message in str(err.value)
    assert "\n" not in str(err.value) and "LINE 1" not in str(err.value)


def test_parameters_and_dates_come_back_typed(small: Path) -> None:
    con = connect(small)
    res = run(con, "SELECT doc_id, meeting_date FROM documents WHERE meeting_date > ?", [dt.date(2023, 1, 1)])
    assert res.rows == [("d1000000000000001", dt.date(2024, 1, 9))]


# --- CLI -------------------------------------------------------------------------------

runner = CliRunner()


def test_cli_csv_json_and_table(small: Path) -> None:
    sql = "SELECT speaker, text, item FROM statements WHERE speaker IS NOT NULL ORDER BY char_start, doc_id"
    res = runner.invoke(app, ["query", str(small), sql, "--format", "csv"])
    assert res.exit_code == 0, res.output
    rows = list(csv.DictReader(io.StringIO(res.stdout)))
    expected = sorted((s for m in MEETINGS for s in m.statements if s.speaker), key=lambda s: (s.char_start, s.doc_id))
    assert [(r["speaker"], r["text"]) for r in rows] == [(s.speaker, s.text) for s in expected]

    res = runner.invoke(app, ["query", str(small), "SELECT doc_id, meeting_date, ocr_pages FROM documents ORDER BY 1", "-f", "json"])
    assert res.exit_code == 0, res.output
    data = json.loads(res.stdout)
    assert data == [{"doc_id": m.document.doc_id, "meeting_date": m.document.meeting_date.isoformat(), "ocr_pages": []}
                    for m in MEETINGS]

    res = runner.invoke(app, ["query", str(small), "SELECT text FROM statements WHERE text LIKE '%bilag%'"])
    assert res.exit_code == 0, res.output
    assert "[bilag 2]" in res.stdout  # printed as written, not eaten as rich markup


def test_cli_errors_and_exit_codes(small: Path, tmp_path: Path) -> None:
    res = runner.invoke(app, ["query", str(small), "SELECT * FROM nope"])
    assert res.exit_code == 1
    assert res.stderr.strip().startswith("error:") and len(res.stderr.strip().splitlines()) == 1
    assert runner.invoke(app, ["query", str(tmp_path / "missing"), "SELECT 1"]).exit_code == 2
    assert runner.invoke(app, ["query", str(tmp_path), "SELECT 1"]).exit_code == 2
    assert runner.invoke(app, ["query", str(small), "SELECT 1", "--format", "xml"]).exit_code == 2


# --- the corpus dataset ----------------------------------------------------------------

def test_corpus_tables_agree_with_the_json_files(corpus_dataset: Path) -> None:
    con = connect(corpus_dataset)
    docs = [json.loads(p.read_text(encoding="utf-8")) for p in sorted((corpus_dataset / "json").glob("*.json"))]
    assert len(docs) == len(list((ROOT / "corpus").glob("*.pdf")))
    for name in TABLES:
        n = con.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0]
        assert n == sum(1 if name == "documents" else len(d[name]) for d in docs), name
    joined = con.execute("""SELECT count(*) FROM statements s JOIN documents d USING (doc_id)
                            WHERE s.item IS NOT NULL""").fetchone()[0]
    assert joined == sum(1 for d in docs for s in d["statements"] if s["item"] is not None)


def test_query_process_is_fast_and_never_loads_the_nlp_stack(corpus_dataset: Path) -> None:
    """The whole `referat query` process, as a user runs it: no spaCy/pdfplumber import, quick."""
    probe = (
        "import sys, runpy\n"
        "sys.argv = ['referat', 'query', sys.argv[1], 'SELECT count(*) AS n FROM statements', '-f', 'json']\n"
        "try:\n    runpy.run_module('extract', run_name='__main__')\n"
        "except SystemExit as e:\n    assert not e.code, e.code\n"
        "heavy = [m for m in ('spacy', 'pdfplumber', 'pypdfium2', 'torch') if m in sys.modules]\n"
        "print('HEAVY', heavy)\n"
    )
    t0 = time.perf_counter()
    proc = subprocess.run([sys.executable, "-c", probe, str(corpus_dataset)], capture_output=True, text=True,
                          timeout=60, cwd=ROOT, check=False)
    elapsed = time.perf_counter() - t0
    assert proc.returncode == 0, proc.stderr
    assert "HEAVY []" in proc.stdout
    n = json.loads(proc.stdout.split("HEAVY")[0])[0]["n"]
    assert n == pq.read_metadata(corpus_dataset / "statements.parquet").num_rows
    assert elapsed < 10, f"query took {elapsed:.1f} s"  # ~1 s measured; generous for loaded CI machines
