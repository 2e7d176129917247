"""OCR fallback for pages without a text layer (scans): Tesseract via `pytesseract`.

Only pages that have images but no text reach this module. The page is rendered with
pypdfium2 at 300 dpi and Tesseract's word boxes are grouped into the same `Line` model the
text engines produce (coordinates converted back to PDF points), so the rest of the
pipeline cannot tell an OCRed page from a born-digital one, except for `Span.ocr`.
"""
from __future__ import annotations

import functools
import logging
import shutil
from dataclasses import replace
from pathlib import Path

from extract.doctext import Line

log = logging.getLogger(__name__)

DPI = 300
LANG = "dan"


@functools.lru_cache(maxsize=1)
def available() -> bool:
    """Tesseract binary and pytesseract both present (checked once; warns once if not)."""
    if shutil.which("tesseract") is None:
        log.warning("OCR unavailable: the tesseract binary is not installed")
        return False
    try:
        import pytesseract  # noqa: F401
    except ImportError:
        log.warning("OCR unavailable: pip install pytesseract")
        return False
    return True


@functools.lru_cache(maxsize=1)
def _lang() -> str:
    """Danish if its traineddata is installed, else whatever Tesseract has (English)."""
    import pytesseract

    try:
        langs = set(pytesseract.get_languages(config=""))
    except Exception:  # an old tesseract without --list-langs
        return LANG
    if LANG in langs:
        return LANG
    log.warning("Tesseract has no Danish data (apt install tesseract-ocr-dan); using English")
    return "eng" if "eng" in langs else LANG


def ocr_page(path: Path | str, page_number: int, dpi: int = DPI) -> list[Line]:
    """OCR one page (1-based) into visual lines in PDF points, top to bottom."""
    import pypdfium2 as pdfium
    import pytesseract

    doc = pdfium.PdfDocument(str(path))
    try:
        page = doc[page_number - 1]
        try:
            image = page.render(scale=dpi / 72).to_pil()
        finally:
            page.close()
    finally:
        doc.close()
    # psm 4 ("a single column of text of variable sizes") keeps list numbers on their lines;
    # the default page segmentation splits a column of "2." "3." ... into a block of its own.
    data = pytesseract.image_to_data(image, lang=_lang(), config="--psm 4", output_type=pytesseract.Output.DICT)
    return lines_from_tesseract(data, page_number, 72.0 / dpi)


def lines_from_tesseract(data: dict, page_number: int, scale: float) -> list[Line]:
    """Tesseract `image_to_data` words → `Line`s (one per Tesseract line), in points."""
    groups: dict[tuple[int, int, int], list[int]] = {}
    for i, word in enumerate(data.get("text", [])):
        if not str(word).strip():
            continue
        try:
            if float(data["conf"][i]) < 0:
                continue
        except (TypeError, ValueError):
            pass
        key = (data["block_num"][i], data["par_num"][i], data["line_num"][i])
        groups.setdefault(key, []).append(i)
    lines: list[Line] = []
    for idx in groups.values():
        idx.sort(key=lambda i: data["left"][i])
        x0 = min(data["left"][i] for i in idx) * scale
        top = min(data["top"][i] for i in idx) * scale
        x1 = max(data["left"][i] + data["width"][i] for i in idx) * scale
        bottom = max(data["top"][i] + data["height"][i] for i in idx) * scale
        text = " ".join(str(data["text"][i]).strip() for i in idx)
        # cap-to-descender height of a line is roughly the font size
        size = round(max(bottom - top, 1.0), 1)
        lines.append(Line(page_number, text, x0, top, x1, bottom, "OCR", size, False))
    lines.sort(key=lambda ln: (ln.top, ln.x0))
    return snap_sizes(lines)


def snap_sizes(lines: list[Line], tolerance: float = 0.35) -> list[Line]:
    """Give lines of body height the page's median size.

    A line's box height depends on its letters (ascenders, descenders), so raw OCR sizes
    jitter by ±30 % and the paragraph builder would read every line as a font change.
    Lines clearly larger (titles) or smaller (footers) keep their own size.
    """
    if not lines:
        return lines
    sizes = sorted(ln.size for ln in lines)
    median = sizes[len(sizes) // 2]
    return [replace(ln, size=median) if abs(ln.size - median) <= tolerance * median else ln for ln in lines]
