"""The PDF layer: engines, line assembly, file errors, OCR fallback, memory, corpus PDFs."""
from __future__ import annotations

import difflib
import functools
import json
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from extract import ocr
from extract.doctext import DocText
from extract.errors import DamagedPDF, EncryptedPDF, NotAPDF, NoTextLayer
from extract.layout import Unit, assemble_line, group_lines, is_bold_font, read_pdf
from extract.textbuild import is_page_number

ROOT = Path(__file__).resolve().parents[1]
CORPUS_PDFS = sorted((ROOT / "corpus").glob("*.pdf"))
DEV_PDF = ROOT / "corpus" / "bestyrelse-sundheds-it-2020-09-30.pdf"
W, H = A4
LEFT, RIGHT = 72.0, W - 72.0


# --------------------------------------------------------------------------- line assembly
def U(text: str, x0: float, width: float | None = None, top: float = 100.0, size: float = 10.0,
      bold: bool = False) -> Unit:
    width = 0.5 * size * len(text) if width is None else width
    return Unit(text, x0, top, x0 + width, top + size, "Body-Bold" if bold else "Body", size, bold)


def words_at(text: str, x0: float = LEFT, gap: float = 2.8, size: float = 10.0) -> list[Unit]:
    out, x = [], x0
    for w in text.split():
        out.append(U(w, x, size=size))
        x += 0.5 * size * len(w) + gap
    return out


def test_words_join_with_spaces_and_font_runs_without() -> None:
    units = [U("Beslutning", 72, 50, bold=True), U(":", 122, 3), U("Godkendt", 128, 40)]
    line = assemble_line(units, 1)
    assert line.text == "Beslutning: Godkendt"
    assert line.bold  # 10 of 19 characters are bold
    assert (line.x0, line.x1) == (72, 168)


def test_label_value_row_becomes_cells() -> None:
    units = words_at("Mødested:") + words_at("Rådhuset, lokale 2", x0=200)
    assert assemble_line(units, 1).text == "Mødested:\tRådhuset, lokale 2"
    # a label column only a little wider than its label still separates (gap 1.5 × size,
    # far above the line's word gaps)
    units = words_at("Afbud/fravær:") + words_at("Lene Holt", x0=LEFT + 65 + 15)
    assert assemble_line(units, 1).text == "Afbud/fravær:\tLene Holt"


def test_justified_line_with_few_words_is_not_a_table() -> None:
    units = [U("Referatet", 72, 45), U("godkendes", 200, 45), U("uden", 330, 20), U("bemærkninger.", 460, 63)]
    assert "\t" not in assemble_line(units, 1).text


def test_list_marker_tab_is_not_a_cell() -> None:
    units = [U("1.", 72, 8)] + words_at("Godkendelse af dagsorden", x0=72 + 8 + 16)
    assert assemble_line(units, 1).text == "1. Godkendelse af dagsorden"


def test_symbol_font_list_glyphs_become_bullets() -> None:
    arrow = Unit("Ø", 80, 100, 88, 110, "ABCDEF+Wingdings-Regular", 10, False)
    assert assemble_line([arrow, *words_at("Forslaget blev vedtaget", x0=100)], 1).text == \
        "• Forslaget blev vedtaget"
    circle = Unit("o", 90, 100, 96, 110, "CourierNewPSMT", 10, False)
    assert assemble_line([circle, *words_at("underpunkt", x0=108)], 1).text == "• underpunkt"
    # a real letter Ø in a text font stays a letter
    assert assemble_line(words_at("Ø og F stemte imod"), 1).text == "Ø og F stemte imod"


def test_garbled_text_layer_is_sent_to_ocr() -> None:
    from extract.doctext import Line
    from extract.layout import PageLines, garbled, needs_ocr

    cid = [Line(1, "(cid:12)(cid:7)(cid:44)(cid:3) (cid:9)(cid:18)(cid:21)(cid:5)(cid:2)", 72, 100, 300, 110)]
    clean = [Line(1, "Bestyrelsen godkendte regnskabet for 2023 uden bemærkninger.", 72, 100, 400, 110)]
    assert garbled(cid) and not garbled(clean)
    assert needs_ocr(PageLines(1, 595, 842, cid))
    assert not needs_ocr(PageLines(1, 595, 842, clean, has_images=True))
    stamp = [Line(1, "KOPI", 500, 20, 540, 30)]
    assert needs_ocr(PageLines(1, 595, 842, stamp, has_images=True))
    assert not needs_ocr(PageLines(1, 595, 842, stamp, has_images=False))


def test_group_lines_keeps_superscripts_and_separates_lines() -> None:
    units = words_at("Mødet den 3") + [U("die", 72 + 60, top=97, size=6)] + words_at("næste linje", )
    for u in units[-2:]:
        u.top, u.bottom = 112.0, 122.0
    lines = group_lines(units, 1)
    assert [ln.text for ln in lines] == ["Mødet den 3 die", "næste linje"]


@pytest.mark.parametrize(("name", "bold"), [
    ("ABCDEF+Calibri-Bold", True), ("Arial,Bold", True), ("TimesNewRomanPS-BoldMT", True),
    ("Arial,B", True), ("Montserrat-SemiBold", True), ("Helvetica-Black", True),
    ("ABCDEF+Calibri", False), ("TimesNewRomanPSMT", False), ("Bodoni-Italic", False),
])
def test_bold_font_names(name: str, bold: bool) -> None:
    assert is_bold_font(name) is bold


# --------------------------------------------------------------------------- synthetic PDFs
def _justified(c: Canvas, text: str, y: float, font: str = "Helvetica", size: float = 10.0,
               justify: bool = True) -> None:
    t = c.beginText(LEFT, y)
    t.setFont(font, size)
    natural = stringWidth(text, font, size)
    spaces = text.count(" ")
    if justify and spaces and natural < RIGHT - LEFT:
        t.setWordSpace((RIGHT - LEFT - natural) / spaces)
    t.textOut(text)
    c.drawText(t)


PAGES = [
    [("h", "1. Tilskud til foreningslivet"),
     ("j", "Udvalget behandlede ansøgningerne om tilskud fra de lokale idrætsforeninger og"),
     ("j", "kulturforeninger. Forvaltningen havde gennemgået alle ansøgninger og foreslog en for-"),
     ("j", "deling efter antallet af medlemmer under 25 år, således at hele COVID-"),
     ("r", "19-perioden ikke tæller med i opgørelsen."),
     ("gap", ""),
     ("j", "Formanden bemærkede, at Kultur- og Fritidsudvalget samt Børne- og Ungeudval-"),
     ("r", "get bør holde et fælles møde om fordelingen i efteråret.")],
    [("h", "2. Renovering af svømmehallen"),
     ("j", "Forvaltningen orienterede om tilstandsrapporten for svømmehallen, som viser, at"),
     ("j", "ventilationsanlægget skal udskiftes inden for to år. Udgiften anslås til 4,2 mio. kr."),
     ("j", "Udvalget ønskede en plan for, hvordan klubberne kan træne, mens hal-")],
    [("r", "len er lukket, og bad om at få sagen forelagt igen i september."),
     ("r", "Sagen blev derefter taget til efterretning."),
     ("gap", ""),
     ("cells", "Næste møde:|Solby Rådhus, lokale 4")],
]


def make_minutes_pdf(path: Path) -> Path:
    """Three pages: running header, page numbers, bold headings, justified hyphenated text."""
    c = Canvas(str(path), pagesize=A4, invariant=1)
    for pno, content in enumerate(PAGES, 1):
        c.setFont("Helvetica", 8)
        c.drawString(LEFT, H - 40, "Solby Kommune, Kultur- og Fritidsudvalget")
        c.drawRightString(RIGHT, H - 40, "Referat 5. maj 2024")
        c.drawCentredString(W / 2, 30, f"Side {pno} af {len(PAGES)}")
        y = H - 90
        for kind, text in content:
            if kind == "h":
                y -= 6
                c.setFont("Helvetica-Bold", 12)
                c.drawString(LEFT, y, text)
                y -= 18
            elif kind == "gap":
                y -= 8
            elif kind == "cells":
                a, b = text.split("|")
                c.setFont("Helvetica", 10)
                c.drawString(LEFT, y, a)
                c.drawString(LEFT + 130, y, b)
                y -= 12.5
            else:
                _justified(c, text, y, justify=(kind == "j"))
                y -= 12.5
        c.showPage()
    c.save()
    return path


@pytest.fixture(scope="module")
def minutes_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_minutes_pdf(tmp_path_factory.mktemp("pdf") / "minutes.pdf")


@functools.cache
def _read(path: Path, engine: str) -> DocText:
    return read_pdf(path, engine=engine)


def test_synthetic_minutes_pdfplumber(minutes_pdf: Path) -> None:
    doc = _read(minutes_pdf, "pdfplumber")
    blocks = [doc.block_text(b) for b in doc.blocks]
    assert doc.page_count == 3
    for furniture in ("Solby Kommune", "Referat 5. maj 2024", "Side 2 af 3", "Side 3"):
        assert furniture not in doc.text
    # what was removed is kept aside (page numbers left out): evidence of whose minutes these are
    assert doc.furniture == ["Solby Kommune, Kultur- og Fritidsudvalget", "Referat 5. maj 2024"]
    assert blocks[0] == "1. Tilskud til foreningslivet" and doc.blocks[0].bold and doc.blocks[0].size == 12
    assert blocks[1] == (
        "Udvalget behandlede ansøgningerne om tilskud fra de lokale idrætsforeninger og kulturforeninger. "
        "Forvaltningen havde gennemgået alle ansøgninger og foreslog en fordeling efter antallet af "
        "medlemmer under 25 år, således at hele COVID-19-perioden ikke tæller med i opgørelsen."
    )
    assert blocks[2] == ("Formanden bemærkede, at Kultur- og Fritidsudvalget samt Børne- og Ungeudvalget bør "
                         "holde et fælles møde om fordelingen i efteråret.")
    assert "2. Renovering af svømmehallen" in blocks
    # the paragraph and the word "hal-|len" continue over the page break
    para = next(b for b in doc.blocks if "ventilationsanlægget" in doc.block_text(b))
    assert doc.block_text(para).endswith("mens hallen er lukket, og bad om at få sagen forelagt igen i september.")
    assert para.page == 2 and doc.page_at(doc.text.index("hallen")) == 2
    assert doc.page_at(doc.text.index("er lukket")) == 3
    assert blocks[-2] == "Sagen blev derefter taget til efterretning."
    assert doc.blocks[-1].cells == ["Næste møde:", "Solby Rådhus, lokale 4"]


def test_synthetic_minutes_engines_agree(minutes_pdf: Path) -> None:
    a, b = _read(minutes_pdf, "pdfplumber"), _read(minutes_pdf, "pdfium")
    assert b.text == a.text
    assert [(x.start, x.end, x.page, x.bold, x.bullet, x.cells) for x in b.blocks] == \
           [(x.start, x.end, x.page, x.bold, x.bullet, x.cells) for x in a.blocks]


def test_unknown_engine(minutes_pdf: Path) -> None:
    with pytest.raises(ValueError, match="unknown PDF engine"):
        read_pdf(minutes_pdf, engine="acrobat")


# --------------------------------------------------------------------------- bad files
@pytest.mark.parametrize("engine", ["pdfplumber", "pdfium"])
def test_not_a_pdf(tmp_path: Path, engine: str) -> None:
    empty = tmp_path / "empty.pdf"
    empty.write_bytes(b"")
    with pytest.raises(NotAPDF, match="^empty file$"):
        read_pdf(empty, engine=engine)
    html = tmp_path / "page.pdf"
    html.write_bytes(b"<!DOCTYPE html><html><body>Referat</body></html>")
    with pytest.raises(NotAPDF) as exc:
        read_pdf(html, engine=engine)
    assert str(exc.value) == "not a PDF (starts with b'<!DOCTYP')"


@pytest.mark.parametrize("engine", ["pdfplumber", "pdfium"])
def test_damaged_pdf(tmp_path: Path, minutes_pdf: Path, engine: str) -> None:
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n")
    with pytest.raises(DamagedPDF) as exc:
        read_pdf(broken, engine=engine)
    assert str(exc.value).startswith("damaged PDF: ") and "\n" not in str(exc.value)
    truncated = tmp_path / "truncated.pdf"
    data = minutes_pdf.read_bytes()
    truncated.write_bytes(data[: len(data) // 3])
    with pytest.raises(DamagedPDF):
        read_pdf(truncated, engine=engine)


@pytest.mark.parametrize("engine", ["pdfplumber", "pdfium"])
def test_encrypted_pdfs(tmp_path: Path, minutes_pdf: Path, engine: str) -> None:
    import pikepdf
    locked, open_ = tmp_path / "locked.pdf", tmp_path / "owner-only.pdf"
    with pikepdf.open(minutes_pdf) as pdf:
        pdf.save(locked, encryption=pikepdf.Encryption(user="hemmelig", owner="ejer", R=6))
        pdf.save(open_, encryption=pikepdf.Encryption(user="", owner="ejer", R=4))
    with pytest.raises(EncryptedPDF, match=r"^encrypted PDF \(password required\)$"):
        read_pdf(locked, engine=engine)
    # an empty user password only restricts permissions: it must read like the original
    assert read_pdf(open_, engine=engine).text == _read(minutes_pdf, "pdfplumber").text


# --------------------------------------------------------------------------- scans / OCR
def make_scan_pdf(path: Path, lines: list[str]) -> Path:
    """A page that is only an image of text (like a scan)."""
    from PIL import Image, ImageDraw, ImageFont
    from reportlab.lib.utils import ImageReader

    font_path = next(iter(Path("/usr/share/fonts").rglob("DejaVuSans.ttf")), None)
    font = ImageFont.truetype(str(font_path), 44) if font_path else ImageFont.load_default()
    img = Image.new("L", (1500, 110 + 70 * len(lines)), 255)
    draw = ImageDraw.Draw(img)
    for i, text in enumerate(lines):
        draw.text((60, 50 + 70 * i), text, fill=0, font=font)
    w_pt, h_pt = img.width * 72 / 300, img.height * 72 / 300
    c = Canvas(str(path), pagesize=(w_pt, h_pt), invariant=1)
    c.drawImage(ImageReader(img), 0, 0, w_pt, h_pt)
    c.showPage()
    c.save()
    return path


@pytest.fixture(scope="module")
def scan_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_scan_pdf(tmp_path_factory.mktemp("scan") / "scan.pdf",
                         ["Referat af bestyrelsesmøde", "Bestyrelsen godkendte budgettet."])


@pytest.mark.parametrize("engine", ["pdfplumber", "pdfium"])
def test_scan_without_ocr(scan_pdf: Path, engine: str, monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(NoTextLayer, match=r"^no text layer \(scanned\?\) and OCR disabled$"):
        read_pdf(scan_pdf, engine=engine, ocr=False)
    monkeypatch.setattr(ocr, "available", lambda: False)
    with pytest.raises(NoTextLayer, match=r"^no text layer \(scanned\?\) and OCR unavailable$"):
        read_pdf(scan_pdf, engine=engine, ocr=True)


def test_scan_with_ocr(scan_pdf: Path) -> None:
    if not ocr.available():  # no tesseract on this machine: the documented failure instead
        with pytest.raises(NoTextLayer, match="OCR unavailable"):
            read_pdf(scan_pdf)
        return
    doc = read_pdf(scan_pdf)
    assert doc.ocr_pages == [1]
    assert "Referat af bestyrelsesmøde" in doc.text
    assert "godkendte budgettet" in doc.text
    assert doc.spans and all(s.ocr and s.page == 1 for s in doc.spans)
    x0, top, x1, bottom = doc.spans[0].bbox
    assert 0 <= x0 < x1 <= 360 and 0 <= top < bottom  # points, not pixels


def test_scan_with_a_tiny_text_layer_is_ocred(tmp_path: Path) -> None:
    pdf = make_scan_pdf(tmp_path / "stamped.pdf", ["Udvalget godkendte forslaget."])
    stamped = tmp_path / "stamped2.pdf"
    import pikepdf
    with pikepdf.open(pdf) as src:  # add a digital "KOPI" stamp on top of the scan
        c_path = tmp_path / "stamp.pdf"
        c = Canvas(str(c_path), pagesize=(float(src.pages[0].mediabox[2]), float(src.pages[0].mediabox[3])))
        c.setFont("Helvetica", 6)
        c.drawString(4, 4, "KOPI")
        c.showPage()
        c.save()
        with pikepdf.open(c_path) as stamp:
            src.pages[0].add_overlay(stamp.pages[0])
            src.save(stamped)
    if not ocr.available():
        assert read_pdf(stamped).text == "KOPI"  # without OCR the little text there is stays
        return
    doc = read_pdf(stamped)
    assert "godkendte forslaget" in doc.text and doc.ocr_pages == [1]


def test_lines_from_tesseract() -> None:
    data = {
        "text": ["", "Mødet", "sluttede", "kl.", "21.", "Næste"],
        "conf": ["-1", "91", "90", "88", "93", "95"],
        "block_num": [1, 1, 1, 1, 1, 1], "par_num": [1, 1, 1, 1, 1, 2], "line_num": [1, 1, 1, 1, 1, 1],
        "left": [0, 300, 100, 520, 600, 100], "top": [0, 100, 102, 100, 101, 200],
        "width": [0, 190, 180, 60, 50, 150], "height": [0, 40, 38, 40, 39, 40],
    }
    lines = ocr.lines_from_tesseract(data, 3, 72 / 300)
    assert [ln.text for ln in lines] == ["sluttede Mødet kl. 21.", "Næste"]
    assert lines[0].page == 3 and lines[0].x0 == pytest.approx(24.0) and lines[0].x1 == pytest.approx(156.0)



def test_ocr_line_sizes_snap_to_the_body_size_but_titles_keep_theirs() -> None:
    from extract.doctext import Line

    heights = [10.2, 8.1, 11.9, 9.7, 18.0, 6.0]  # jittering body lines, a title, a small footer
    lines = [Line(1, f"linje {k}", 50, 100 + 20 * k, 400, 110 + 20 * k, "OCR", h) for k, h in enumerate(heights)]
    assert [ln.size for ln in ocr.snap_sizes(lines)] == [10.2, 10.2, 10.2, 10.2, 18.0, 6.0]

# --------------------------------------------------------------------------- memory
_MEMORY_SCRIPT = textwrap.dedent("""
    import json, resource, sys
    import psutil
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen.canvas import Canvas
    from extract.layout import read_pdf

    def make(path, pages):
        c = Canvas(path, pagesize=A4, invariant=1)
        for p in range(1, pages + 1):
            c.setFont("Helvetica", 8); c.drawString(72, 800, "Udvalget for Teknik og Miljø")
            c.drawString(290, 30, f"Side {p} af {pages}")
            c.setFont("Helvetica", 10)
            for i in range(5):
                c.drawString(72, 740 - 14 * i, f"Linje {i} på side {p}: forvaltningen orienterede om "
                                               "status for projektet og de kommende milepæle.")
            c.showPage()
        c.save()

    small, big, engine = sys.argv[1], sys.argv[2], sys.argv[3]
    make(small, 5); make(big, 300)
    read_pdf(small, engine=engine)  # warm up imports and caches
    proc = psutil.Process()
    base = proc.memory_info().rss
    peak_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    doc = read_pdf(big, engine=engine)
    print(json.dumps({"pages": doc.page_count, "base": base, "rss": proc.memory_info().rss,
                      "peak_before": peak_before,
                      "peak": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024}))
""")


@pytest.mark.parametrize("engine", ["pdfplumber", "pdfium"])
def test_memory_does_not_grow_with_page_count(tmp_path: Path, engine: str) -> None:
    out = subprocess.run(
        [sys.executable, "-c", _MEMORY_SCRIPT, str(tmp_path / "small.pdf"), str(tmp_path / "big.pdf"), engine],
        cwd=ROOT, capture_output=True, text=True, timeout=120, check=True,
    )
    m = json.loads(out.stdout.strip().splitlines()[-1])
    assert m["pages"] == 300
    mb = 1024 * 1024
    assert (m["rss"] - m["base"]) / mb < 50
    assert (m["peak"] - max(m["base"], m["peak_before"])) / mb < 50


def make_first_page_different_pdf(path: Path) -> Path:
    """Two pages, "different first page": the running header starts on page 2 (so it occurs
    once) and page 1 alone has a small footer; both pages have a page number."""
    c = Canvas(str(path), pagesize=A4, invariant=1)
    c.setFont("Helvetica-Bold", 15)
    c.drawString(LEFT, H - 86, "Referat af menighedsrådsmøde")
    c.setFont("Helvetica", 10)
    c.drawString(LEFT, H - 110, "Kassereren gennemgik kvartalsrapporten, og rådet godkendte den.")
    c.setFont("Helvetica", 8)
    c.drawString(LEFT, 40, "Udskrevet fra sekretariatets mødesystem")
    c.drawRightString(RIGHT, 40, "1")
    c.showPage()
    c.setFont("Helvetica", 8)
    c.drawString(LEFT, H - 40, "Sognets menighedsråd")
    c.drawRightString(RIGHT, H - 40, "Møde 3. april 2025")
    c.setFont("Helvetica", 10)
    c.drawString(LEFT, H - 86, "Næste møde holdes torsdag den 8. maj 2025 i sognegården.")
    c.setFont("Helvetica", 8)
    c.drawRightString(RIGHT, 40, "2")
    c.showPage()
    c.save()
    return path


@pytest.mark.parametrize("engine", ["pdfplumber", "pdfium"])
def test_header_and_footer_that_occur_once_are_removed(tmp_path: Path, engine: str) -> None:
    doc = read_pdf(make_first_page_different_pdf(tmp_path / "first-page-different.pdf"), engine=engine)
    assert [doc.block_text(b) for b in doc.blocks] == [
        "Referat af menighedsrådsmøde",
        "Kassereren gennemgik kvartalsrapporten, og rådet godkendte den.",
        "Næste møde holdes torsdag den 8. maj 2025 i sognegården.",
    ]
    assert doc.furniture == ["Udskrevet fra sekretariatets mødesystem", "Sognets menighedsråd", "Møde 3. april 2025"]


# --------------------------------------------------------------------------- corpus PDFs
def _similarity(a: str, b: str) -> float:
    return difflib.SequenceMatcher(None, a, b, autojunk=False).ratio()


@pytest.mark.parametrize("pdf", CORPUS_PDFS, ids=lambda p: p.stem)
def test_corpus_pdf_invariants(pdf: Path) -> None:
    doc = _read(pdf, "pdfplumber")
    assert doc.text and doc.blocks
    assert not [b for b in doc.blocks if is_page_number(doc.block_text(b))]
    assert "Bogmærke" not in doc.text and "Fejl!" not in doc.text
    assert all(1 <= doc.page_at(i) <= doc.page_count for i in range(0, len(doc.text), 7))
    assert all(1 <= s.page <= doc.page_count for s in doc.spans)
    assert all("\n" not in doc.block_text(b) for b in doc.blocks)
    # the title opens the text; nothing is left in the header/footer bands (outer 8%)
    assert doc.blocks[0].size > 12 and doc.blocks[0].page == 1
    assert not [s for s in doc.spans if s.bbox[3] <= 0.08 * H or s.bbox[1] >= 0.92 * H]
    other = _read(pdf, "pdfium")
    assert other.page_count == doc.page_count
    assert other.text == doc.text or _similarity(other.text, doc.text) >= 0.99


def test_dev_pdf_text(dev_pdf: Path) -> None:
    doc = _read(dev_pdf, "pdfplumber")
    for phrase in ("anledning til at foreslå", "COVID-19", "Sundheds- og Ældreministeriet",
                   "cyber- og informationssikkerhedsstrategien", "Aftaleoversigten"):
        assert phrase in doc.text, phrase
    for broken in ("anled- ning", "anledning til at foreslå-", "COVID- 19", "Sundheds-og"):
        assert broken not in doc.text
    titles = [doc.block_text(b) for b in doc.blocks if b.bold]
    assert any(t.startswith("1. Status på Covid-19") for t in titles)
    assert sum(1 for b in doc.blocks if b.bullet) >= 3


def test_tesseract_reports_languages_when_installed() -> None:
    if shutil.which("tesseract") is None:
        assert not ocr.available()
        return
    assert ocr.available()
    assert ocr._lang() in ("dan", "eng")


def test_pdfium_char_fallback_reads_a_run_over_two_lines(minutes_pdf: Path) -> None:
    """The rarely needed per-char path (a pdfium run spanning lines) yields proper words."""
    import pypdfium2 as pdfium

    from extract.layout import _Out, _pdfium_chars

    doc = pdfium.PdfDocument(str(minutes_pdf))
    try:
        page = doc[0]
        tp = page.get_textpage()
        height = page.get_size()[1]
        # a box around the heading and the first body line of page 1
        box = (LEFT - 1, H - 90 - 6 - 18 - 4, RIGHT + 1, H - 90 - 6 + 14)
        units = _pdfium_chars(tp, box, lambda l, b, r, t: (l, height - t, r, height - b), _Out())
        lines = [ln.text for ln in group_lines(units, 1)]
        tp.close()
        page.close()
    finally:
        doc.close()
    assert lines == ["1. Tilskud til foreningslivet",
                     "Udvalget behandlede ansøgningerne om tilskud fra de lokale idrætsforeninger og"]


def test_pdfminer_glyph_warnings_stay_off_the_terminal(caplog):
    import logging

    import extract.layout  # noqa: F401  (sets the level)

    with caplog.at_level(logging.DEBUG):
        logging.getLogger("pdfminer.pdfdevice").warning("Cannot render horizontal string because %r is not valid", b"x")
        logging.getLogger("pdfminer.pdfdevice").error("a real pdfminer error")
    assert [r.getMessage() for r in caplog.records if r.name.startswith("pdfminer")] == ["a real pdfminer error"]
