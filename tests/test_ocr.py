"""Scanned minutes: a corpus page rendered to an image (no text layer) must come back
through Tesseract with the same agenda items, and provenance must mark the OCR page.
Without Tesseract the file is a failed row "no text layer ..." plus one clear warning.
"""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pikepdf
import pyarrow.parquet as pq
import pypdfium2 as pdfium
import pytest
from rapidfuzz import fuzz
from typer.testing import CliRunner

from extract.cli import app

CORPUS = Path(__file__).resolve().parents[1] / "corpus"
SOURCE = CORPUS / "forening-bestyrelse-2022-11-08.pdf"  # page 1 holds the first agenda items
runner = CliRunner()



@pytest.fixture
def tesseract() -> str:
    """Tesseract with Danish data; `make test` installs it, so a missing one FAILS, never skips."""
    exe = shutil.which("tesseract")
    assert exe, "tesseract not found: install Debian's tesseract-ocr tesseract-ocr-dan (make system-deps)"
    return exe


def first_page(dest: Path) -> Path:
    """The born-digital first page on its own (the reference for the scan)."""
    with pikepdf.open(SOURCE) as pdf:
        out = pikepdf.new()
        out.pages.append(pdf.pages[0])
        out.save(dest)
    return dest


def scanned_first_page(dest: Path, dpi: int = 200) -> Path:
    """The first page as a picture only: rendered by pdfium, wrapped into a PDF by Pillow."""
    doc = pdfium.PdfDocument(str(SOURCE))
    try:
        page = doc[0]
        image = page.render(scale=dpi / 72).to_pil().convert("L")
        page.close()
    finally:
        doc.close()
    image.save(dest, "PDF", resolution=float(dpi))
    return dest


def _extract(path: Path, out: Path, *extra: str):
    res = runner.invoke(app, ["extract", str(path), "--out", str(out), "-q", *extra])
    docs = pq.read_table(out / "documents.parquet").to_pylist()
    assert len(docs) == 1
    return res, docs[0], pq.read_table(out / "items.parquet").to_pylist()


def test_the_scan_has_no_text_layer(tmp_path):
    import pdfplumber

    with pdfplumber.open(scanned_first_page(tmp_path / "scan.pdf")) as pdf:
        assert len(pdf.pages) == 1 and not pdf.pages[0].chars and pdf.pages[0].images


def test_scanned_minutes_are_ocred_and_the_items_come_out(tmp_path, tesseract):
    _, ref_doc, ref_items = _extract(first_page(tmp_path / "digital.pdf"), tmp_path / "ref", "--workers", "0")
    assert ref_doc["status"] == "ok" and ref_doc["ocr_pages"] == []
    assert len(ref_items) >= 2

    res, doc, items = _extract(scanned_first_page(tmp_path / "scannet referat.pdf"), tmp_path / "out",
                               "--workers", "1")
    assert res.exit_code == 0, res.output
    assert doc["status"] == "ok" and doc["ocr_pages"] == [1]
    assert [i["number"] for i in items] == [i["number"] for i in ref_items]
    for got, want in zip(items, ref_items):
        assert fuzz.ratio(got["title"], want["title"]) >= 90, (got["title"], want["title"])
    # provenance: the JSON text spans of an OCR page are marked as such via ocr_pages and pages
    data = json.loads(next((tmp_path / "out" / "json").glob("*.json")).read_bytes())
    assert all(i["page"] == 1 for i in data["items"])


def test_without_tesseract_a_clear_warning_and_a_failed_row(tmp_path, monkeypatch):
    from extract import ocr

    real_which = shutil.which
    monkeypatch.setattr(shutil, "which", lambda cmd, *a, **k: None if "tesseract" in str(cmd) else real_which(cmd, *a, **k))
    ocr.available.cache_clear()
    try:
        # --workers 0: in this process, where the missing Tesseract is simulated
        res, doc, items = _extract(scanned_first_page(tmp_path / "scan.pdf"), tmp_path / "out", "--workers", "0")
    finally:
        ocr.available.cache_clear()
    assert res.exit_code == 1  # the only file failed
    assert doc["status"] == "failed" and doc["error"].startswith("no text layer")
    assert items == []
    assert "warning" in res.output and "Tesseract is not installed" in res.output


def _paths_pdf(path: Path, n: int) -> Path:
    """One page without a text layer whose content is `n` small filled paths, the shape of
    text converted to outlines (each glyph a path)."""
    pdf = pikepdf.new()
    ops = "".join(f"{50 + (k % 50) * 10} {700 - (k // 50) * 14} m {55 + (k % 50) * 10} {708 - (k // 50) * 14} l "
                  f"{58 + (k % 50) * 10} {700 - (k // 50) * 14} l h f\n" for k in range(n))
    pdf.add_blank_page(page_size=(595, 842))
    pdf.pages[0].Contents = pdf.make_stream(ops.encode())
    pdf.save(path)
    return path


@pytest.mark.parametrize("engine", ["pdfplumber", "pdfium"])
def test_a_page_of_outlined_text_is_read_by_ocr_and_a_few_drawings_are_not(tmp_path, engine):
    from extract.layout import DRAWN_TEXT_PATHS, iter_pages, needs_ocr

    (drawn,) = iter_pages(_paths_pdf(tmp_path / "drawn.pdf", DRAWN_TEXT_PATHS + 50), engine)
    (sketch,) = iter_pages(_paths_pdf(tmp_path / "sketch.pdf", 20), engine)
    assert needs_ocr(drawn) and not drawn.lines
    assert not needs_ocr(sketch)
