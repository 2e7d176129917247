"""Hostile input: every file gives a correct extraction or a failed row with a one-line
reason; never a crash, a hang or a lost row for the other files.

The hostile files are built here from the project's corpus PDFs (pikepdf, reportlab, raw
bytes), each checked on its own through the per-file task, then all together in one batch
through the `referat extract` command with two workers.
"""
from __future__ import annotations

import io
import random
import shutil
from pathlib import Path

import pikepdf
import pyarrow.parquet as pq
import pytest
from helpers import corpus_module
from typer.testing import CliRunner

from extract.batch import find_pdfs, run_batch
from extract.cli import app
from extract.executors import Task, run_task
from extract.pipeline import Options, doc_id_for, file_sha256

CORPUS = Path(__file__).resolve().parents[1] / "corpus"
SOURCE = CORPUS / "forening-bestyrelse-2022-11-08.pdf"  # a short corpus PDF with agenda items
OTHER = CORPUS / "kommune-teknik-miljoe-2023-03-14.pdf"
MB = 1024 * 1024


# --------------------------------------------------------------------------- builders
def hand_written_pdf(page_extra: bytes = b"", count: int = 1, text: bytes = b"Hello") -> bytes:
    """A one-page PDF written byte by byte with a correct xref table, so the page tree can
    say what no PDF library would write (an absurd /Count, absurd nesting)."""
    content = b"BT /F1 12 Tf 72 720 Td (" + text + b") Tj ET"
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count %d >>" % count,
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >>"
        b" /Contents 4 0 R " + page_extra + b" >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for i, obj in enumerate(objs, 1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % i + obj + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1))
    for off in offsets:
        out.write(b"%010d 00000 n \n" % off)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref))
    return out.getvalue()


def encrypted(dest: Path, user_password: str) -> Path:
    with pikepdf.open(SOURCE) as pdf:
        pdf.save(dest, encryption=pikepdf.Encryption(owner="owner-only", user=user_password, R=6))
    return dest


def png_bytes() -> bytes:
    from PIL import Image

    buf = io.BytesIO()
    Image.new("RGB", (40, 30), (200, 30, 30)).save(buf, format="PNG")
    return buf.getvalue()


def english_minutes(dest: Path) -> Path:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    lines = [
        ("Helvetica-Bold", "Minutes of the Board meeting, 4 March 2021"),
        ("Helvetica", "Present: Alice Walker (chair), Bob Turner, Carol Hughes"),
        ("Helvetica", "Apologies: David Price"),
        ("Helvetica-Bold", "1. Approval of the agenda"),
        ("Helvetica", "The agenda was approved without changes."),
        ("Helvetica-Bold", "2. Budget for the coming year"),
        ("Helvetica", "Bob Turner presented the draft budget. The board approved the budget."),
        ("Helvetica-Bold", "3. Any other business"),
        ("Helvetica", "The next meeting will be held on 15 April 2021."),
    ]
    c = canvas.Canvas(str(dest), pagesize=A4)
    y = 780
    for font, text in lines:
        c.setFont(font, 11)
        c.drawString(72, y, text)
        y -= 24
    c.save()
    return dest


def build_hostile(folder: Path) -> dict[str, Path]:
    """Every hostile input in one folder; name -> path."""
    folder.mkdir(parents=True, exist_ok=True)
    data = SOURCE.read_bytes()
    files: dict[str, Path] = {}

    def put(name: str, payload: bytes) -> None:
        files[name] = folder / name
        files[name].write_bytes(payload)

    files["encrypted-password.pdf"] = encrypted(folder / "encrypted-password.pdf", "hemmelig")
    files["encrypted-empty-password.pdf"] = encrypted(folder / "encrypted-empty-password.pdf", "")
    put("truncated.pdf", data[: len(data) // 2])
    corrupt = bytearray(data)
    rnd = random.Random(11)
    mid = len(corrupt) // 2
    corrupt[mid: mid + 4096] = bytes(rnd.randrange(256) for _ in range(4096))
    put("corrupt-middle.pdf", bytes(corrupt))
    put("zero-bytes.pdf", b"")
    put("picture.pdf", png_bytes())
    put("notes.pdf", "Referat skrevet i Notesblok, ikke en PDF.\n".encode())
    put("absurd-page-count.pdf", hand_written_pdf(count=100_000_000))
    depth = 100_000
    put("deeply-nested.pdf", hand_written_pdf(b"/Deep " + b"[" * depth + b"]" * depth))
    put("deeply-nested-box.pdf", hand_written_pdf(b"/CropBox " + b"[" * depth + b"]" * depth))  # a box parsers resolve
    files["english.pdf"] = english_minutes(folder / "english.pdf")
    files["møde referat æøå ÆØÅ.pdf"] = folder / "møde referat æøå ÆØÅ.pdf"
    shutil.copyfile(OTHER, files["møde referat æøå ÆØÅ.pdf"])
    files["broken link.pdf"] = folder / "broken link.pdf"
    files["broken link.pdf"].symlink_to(folder / "does-not-exist.pdf")
    files["folder.pdf"] = folder / "folder.pdf"
    files["folder.pdf"].mkdir()
    return files


@pytest.fixture(scope="module")
def hostile(tmp_path_factory) -> dict[str, Path]:
    return build_hostile(tmp_path_factory.mktemp("hostile"))


@pytest.fixture(scope="module")
def source_items() -> list[tuple[str, str]]:
    """The items of the clean source PDF (what a readable variant of it must also give)."""
    res = _extract(SOURCE)
    assert res["status"] == "ok" and len(res["items"]) >= 3
    return res["items"]


def _extract(path: Path, engine: str = "pdfplumber") -> dict:
    """The per-file task, in this process: status, error and (number, title) of the items."""
    import json

    try:
        sha = file_sha256(path)
    except OSError:
        sha = ""
    out = run_task(Task(str(path), str(path), sha, doc_id_for(sha)), Options(engine=engine))
    doc = json.loads(out.payload)
    return {"status": out.status, "error": out.error, "pages": doc["document"]["page_count"],
            "items": [(i["number"], i["title"]) for i in doc["items"]], "doc": doc}


def _one_line_failure(res: dict, starts: str) -> None:
    assert res["status"] == "failed"
    assert res["error"].startswith(starts), res["error"]
    assert "\n" not in res["error"] and len(res["error"]) <= 300


# --------------------------------------------------------------------------- one by one
def test_encrypted_with_a_user_password_fails_with_a_reason(hostile):
    _one_line_failure(_extract(hostile["encrypted-password.pdf"]), "encrypted PDF")


def test_encrypted_with_an_empty_user_password_extracts(hostile, source_items):
    res = _extract(hostile["encrypted-empty-password.pdf"])
    assert res["status"] == "ok" and res["items"] == source_items


def test_truncated_file_fails_as_damaged(hostile):
    _one_line_failure(_extract(hostile["truncated.pdf"]), "damaged PDF")


def test_corrupt_bytes_in_the_middle_give_a_row(hostile, source_items):
    res = _extract(hostile["corrupt-middle.pdf"])
    if res["status"] == "ok":  # the parser recovered: then the text must still be right
        assert res["items"] == source_items
    else:
        _one_line_failure(res, "damaged PDF")


def test_zero_bytes(hostile):
    _one_line_failure(_extract(hostile["zero-bytes.pdf"]), "empty file")


@pytest.mark.parametrize("name", ["picture.pdf", "notes.pdf"])
def test_not_a_pdf_named_pdf(hostile, name):
    _one_line_failure(_extract(hostile[name]), "not a PDF")


@pytest.mark.parametrize("engine", ["pdfplumber", "pdfium"])
def test_absurd_page_count_in_the_page_tree(hostile, engine):
    res = _extract(hostile["absurd-page-count.pdf"], engine)
    assert res["status"] == "ok" and res["pages"] == 1  # the real page, not the /Count claim
    assert "Hello" in res["doc"]["text"]


@pytest.mark.parametrize("engine", ["pdfplumber", "pdfium"])
@pytest.mark.parametrize("name", ["deeply-nested.pdf", "deeply-nested-box.pdf"])
def test_deeply_nested_objects_do_not_crash(hostile, engine, name):
    res = _extract(hostile[name], engine)
    if res["status"] == "ok":
        assert "Hello" in res["doc"]["text"]
    else:
        _one_line_failure(res, "damaged PDF")


def test_minutes_in_english_do_not_crash(hostile):
    res = _extract(hostile["english.pdf"])
    assert res["status"] == "ok" and res["pages"] == 1
    assert "Approval of the agenda" in res["doc"]["text"]
    assert res["doc"]["document"]["error"] is None


def test_unreadable_entries_in_a_folder_are_failed_rows(tmp_path):
    (tmp_path / "broken link.pdf").symlink_to(tmp_path / "nowhere.pdf")
    (tmp_path / "folder.pdf").mkdir()
    shutil.copyfile(SOURCE, tmp_path / "fine.pdf")
    files = find_pdfs([tmp_path])
    summary = run_batch(files, tmp_path / "out", workers=0)
    docs = {Path(d["source"]).name: d for d in pq.read_table(tmp_path / "out" / "documents.parquet").to_pylist()}
    assert docs["fine.pdf"]["status"] == "ok" and summary.ok == 1 and summary.failed == 2
    assert docs["broken link.pdf"]["error"] == "unreadable file (broken symbolic link)"
    assert docs["folder.pdf"]["error"] == "unreadable file (is a directory)"


def test_unicode_file_names_with_spaces(hostile):
    path = hostile["møde referat æøå ÆØÅ.pdf"]
    res = _extract(path)
    assert res["status"] == "ok" and len(res["items"]) >= 3
    assert res["doc"]["document"]["source"] == str(path)


def test_a_thousand_page_pdf_with_flat_memory(tmp_path):
    big = corpus_module("synthetic").long_pdf(tmp_path / "tusind sider.pdf")
    # the timeout only guards against a hang (speed is benchmarks/throughput.py's job)
    summary = run_batch([big], tmp_path / "out", workers=1, timeout=900)
    assert summary.ok == 1 and summary.pages == 1000
    assert 0 < summary.peak_rss < 500 * MB, f"peak RSS of the worker {summary.peak_rss / MB:.0f} MB"
    doc = pq.read_table(tmp_path / "out" / "documents.parquet").to_pylist()[0]
    assert doc["page_count"] == 1000 and doc["status"] == "ok"


# --------------------------------------------------------------------------- all at once
def test_everything_in_one_batch_gives_one_row_per_file(hostile, tmp_path):
    folder = next(iter(hostile.values())).parent
    out = tmp_path / "out"
    res = CliRunner().invoke(app, ["extract", str(folder), "--out", str(out), "--workers", "2",
                                   "--timeout", "60", "-q"])
    assert res.exit_code == 0, res.output
    docs = pq.read_table(out / "documents.parquet").to_pylist()
    by_name = {}
    for d in docs:
        by_name.setdefault(Path(d["source"]).name, []).append(d)
    assert sorted(by_name) == sorted(hostile)  # every file, none lost
    assert all(len(rows) == 1 for rows in by_name.values())  # exactly one row each
    status = {name: rows[0]["status"] for name, rows in by_name.items()}
    for name in ("encrypted-empty-password.pdf", "absurd-page-count.pdf", "english.pdf", "møde referat æøå ÆØÅ.pdf"):
        assert status[name] == "ok", (name, by_name[name][0]["error"])
    for name in ("encrypted-password.pdf", "truncated.pdf", "zero-bytes.pdf", "picture.pdf", "notes.pdf",
                 "broken link.pdf", "folder.pdf"):
        assert status[name] == "failed" and by_name[name][0]["error"], name
    assert "failed" in res.output and "ok" in res.output
