"""PDF → visual lines → `DocText`: the only module that opens PDFs.

Two text engines produce the same `Line` model so everything downstream is engine-blind:

* ``pdfplumber`` (default): pdfminer's character model, words via `extract_words`.
* ``pdfium``: `pypdfium2`'s text page, one *text run* (pdfium "rect") at a time; an order
  of magnitude faster because the per-character work stays in C.

Pages without any text but with images are OCRed (`extract.ocr`) when allowed. Pages are
processed one at a time and released, so memory does not grow with the page count.

Both engines hand their units (words or runs) to `assemble_line`, which decides the
joiners (space, nothing, or a "\t" cell boundary) the same way for both.
"""
from __future__ import annotations

import logging
import math
import re
import statistics
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import pairwise
from pathlib import Path

from extract.doctext import DocText, Line
from extract.errors import DamagedPDF, EncryptedPDF, NotAPDF, NoTextLayer

log = logging.getLogger(__name__)
# pdfminer logs a warning per malformed glyph run ("Cannot render horizontal string …") and carries on;
# in a batch of thousands of archived PDFs that is noise on the terminal, not news: its errors still show
logging.getLogger("pdfminer").setLevel(logging.ERROR)

ENGINES = ("pdfplumber", "pdfium")

# A bold face: "Arial-BoldMT", "Calibri,Bold", "Helvetica-Black", "Arial,B", "Foo-Heavy",
# "SemiBold"/"DemiBold" (also count as emphasis for headings).
_BOLD_RE = re.compile(r"bold|black|heavy|demi|,b$|-b$", re.IGNORECASE)
_SYMBOL_FONT = re.compile(r"wingdings|webdings|dingbats|symbol", re.IGNORECASE)
_LINE_TOL = 0.4  # words whose tops differ by < 0.4 × size share a visual line
_CELL_GAP = 3.0  # a gap wider than 3 × font size separates table/column cells
# chars closer than 0.15 × size belong to one word: pdfplumber's x_tolerance_ratio and the
# run joiner of both engines use the same value, so the engines agree on word boundaries
_JOIN_GAP = 0.15


def is_bold_font(fontname: str) -> bool:
    """Bold from the font name; the subset prefix ("ABCDEF+") does not matter."""
    return bool(_BOLD_RE.search(fontname or ""))


@dataclass(slots=True)
class Unit:
    """A word (pdfplumber) or text run (pdfium) before it is placed on a line."""

    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    font: str = ""
    size: float = 0.0
    bold: bool = False


@dataclass(slots=True)
class PageLines:
    """One page as an engine sees it."""

    number: int  # 1-based
    width: float
    height: float
    lines: list[Line] = field(default_factory=list)
    has_images: bool = False
    ocr: bool = False
    error: str | None = None  # why the engine could not read this page
    sideways: int = 0  # text units dropped because they do not run left to right


# --------------------------------------------------------------------------- line assembly
def group_lines(units: list[Unit], page: int) -> list[Line]:
    """Cluster units into visual lines by their top and sort each line left to right.

    A unit joins the current line when its top is within 0.4 × its size of the line's
    first unit; this tolerates superscripts and mixed sizes but keeps separate lines apart.
    """
    if not units:
        return []
    units = sorted(units, key=lambda u: (u.top, u.x0))
    lines: list[Line] = []
    cur: list[Unit] = [units[0]]
    ref_top = units[0].top
    ref_size = units[0].size or (units[0].bottom - units[0].top)
    for u in units[1:]:
        size = max(ref_size, u.size or (u.bottom - u.top), 1.0)
        if u.top - ref_top <= _LINE_TOL * size:
            cur.append(u)
        else:
            lines.append(assemble_line(cur, page))
            cur = [u]
            ref_top = u.top
            ref_size = u.size or (u.bottom - u.top)
    lines.append(assemble_line(cur, page))
    return [ln for ln in lines if ln.text.strip()]


def assemble_line(units: list[Unit], page: int) -> Line:
    """Join one visual line's units: "" inside a word, " " between words, "\t" between cells.

    Units closer than `_JOIN_GAP` × size are one word split by a font change ("**Beslutning**:")
    or a run boundary; cell boundaries are decided by `_cell_gaps`. The line is bold when
    most of its characters are; its font and size are those of most characters.
    """
    units = sorted(units, key=lambda u: u.x0)
    first = units[0]
    glyph = first.text.strip()
    if len(units) > 1 and ((len(glyph) == 1 and _SYMBOL_FONT.search(first.font))
                           or (glyph == "o" and "courier" in first.font.lower())):
        # a list glyph from a symbol font ("Ø" in Wingdings is an arrow, "o" in Courier a
        # level-2 bullet): whatever code it maps to, it is a bullet
        units[0] = Unit("•", first.x0, first.top, first.x1, first.bottom, first.font, first.size, first.bold)
    sizes = [u.size for u in units if u.size] or [max(u.bottom - u.top for u in units)]
    size = statistics.median(sizes)
    gaps = [b.x0 - a.x1 for a, b in pairwise(units)]
    cell_gaps = _cell_gaps(gaps, size, any(" " in u.text.strip() for u in units), units[0].text.strip())
    parts: list[str] = [units[0].text]
    for i, (a, b) in enumerate(pairwise(units)):
        spaced = a.text[-1:].isspace() or b.text[:1].isspace()
        if i in cell_gaps:
            parts.append("\t")
        elif not spaced and gaps[i] > _JOIN_GAP * size:
            parts.append(" ")
        parts.append(b.text)
    cells = "".join(parts).split("\t")
    text = "\t".join(c for c in (re.sub(r"\s{2,}", " ", c).strip() for c in cells) if c)
    weights = [max(len(u.text.strip()), 1) for u in units]
    fonts: Counter[str] = Counter()
    size_of: Counter[float] = Counter()
    for n, u in zip(weights, units):
        fonts[u.font] += n
        size_of[round(u.size, 1)] += n
    return Line(
        page=page,
        text=text,
        x0=min(u.x0 for u in units),
        top=min(u.top for u in units),
        x1=max(u.x1 for u in units),
        bottom=max(u.bottom for u in units),
        font=fonts.most_common(1)[0][0],
        size=float(size_of.most_common(1)[0][0] or size),
        bold=2 * sum(n for n, u in zip(weights, units) if u.bold) > sum(weights),
    )


_LIST_MARKER = re.compile(r"^(?:\d{1,3}[.)]|[a-zæøå][.)]|\(?[ivx]{1,4}\)|[•▪◦●■\uf000-\uf0ff–-])$")


def _cell_gaps(gaps: list[float], size: float, inner_spaces: bool = False, first: str = "") -> set[int]:
    """Indices of the gaps that separate cells rather than words.

    A gap is a cell boundary when it is wider than 3 × size, or wider than 1.2 × size and
    more than 4 × the line's ordinary word gap (a label column: "Afbud:    Lene Hvid").
    The ordinary gap comes from the narrow gaps between units, or is taken as 0.3 × size
    when units contain spaces themselves (pdfium runs). A line whose gaps are *all* wide
    and about equal is justified text with few words, not a table. The gap after a list
    marker ("1.", "a)", "•") is a tab of a list item, not a cell.
    """
    skip_first = bool(_LIST_MARKER.match(first))
    cand = [i for i, g in enumerate(gaps) if g > 1.2 * size and not (i == 0 and skip_first)]
    if not cand:
        return set()
    narrow = [g for g in gaps if g <= 1.0 * size]
    if narrow or inner_spaces:
        normal = statistics.median(narrow) if narrow else 0.3 * size
        return {i for i in cand
                if (gaps[i] > _CELL_GAP * size and gaps[i] > 2 * normal) or gaps[i] > 4 * normal}
    wide = [i for i in cand if gaps[i] > _CELL_GAP * size]
    if len(gaps) >= 3 and min(gaps) > 0.5 * max(gaps):
        return set()  # uniformly wide gaps: a justified line with few words
    return set(wide)


# --------------------------------------------------------------------------- OCR candidates
_GARBAGE = re.compile(r"\(cid:\d+\)|[\ufffd\ue000-\uf8ff]")
SPARSE_CHARS = 20  # a page with fewer text characters than this and an image is a scan
#: vector paths on a page with no text layer from which it is taken for drawn text (letters
#: converted to outlines by a "flatten" or print-to-PDF step: each glyph is a path), OCR'd like a scan
DRAWN_TEXT_PATHS = 300


def _sparse(units: list[Unit]) -> bool:
    """Too little text for a real page (a scan with a stamp or page number on it)?"""
    return sum(len(u.text.strip()) for u in units) < SPARSE_CHARS


def garbled(lines: list[Line]) -> bool:
    """Is the text layer mostly unmapped glyphs (fonts without a Unicode map)?

    Such a page has text "(cid:12)(cid:7)..." or private-use characters instead of letters;
    its rendering is fine, so OCR reads it.
    """
    text = "".join(ln.text for ln in lines).replace(" ", "").replace("\t", "")
    if len(text) < SPARSE_CHARS:
        return False
    bad = sum(len(m) for m in _GARBAGE.findall(text))
    return bad > 0.3 * len(text)


def needs_ocr(page: PageLines) -> bool:
    """A scan (images, next to no text) or a page whose text layer is unreadable."""
    if page.has_images and sum(len(ln.text.strip()) for ln in page.lines) < SPARSE_CHARS:
        return True
    return garbled(page.lines)


# --------------------------------------------------------------------------- file checks
def sniff_pdf(path: Path) -> None:
    """Reject what is not a PDF before a parser sees it (clear reason, no parser noise)."""
    try:
        with open(path, "rb") as fh:
            head = fh.read(1024)
    except OSError as exc:
        raise NotAPDF(f"cannot read file ({exc.strerror or exc})") from exc
    if not head:
        raise NotAPDF("empty file")
    if b"%PDF-" not in head:  # the spec allows a few bytes of junk before the header
        raise NotAPDF(f"not a PDF (starts with {head[:8]!r})")


def _damaged(exc: BaseException) -> DamagedPDF:
    msg = " ".join(str(exc).split()) or type(exc).__name__
    return DamagedPDF(f"damaged PDF: {msg[:200]}")


# --------------------------------------------------------------------------- pdfplumber engine
def iter_pages_pdfplumber(path: Path) -> Iterator[PageLines]:
    """Pages via pdfplumber; each page's caches are released before the next one."""
    import pdfplumber
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
    from pdfplumber.utils.exceptions import PdfminerException

    try:
        pdf = pdfplumber.open(path)
    except PdfminerException as exc:
        inner = exc.args[0] if exc.args else exc
        if isinstance(inner, PDFPasswordIncorrect):
            raise EncryptedPDF("encrypted PDF (password required)") from exc
        if isinstance(inner, PDFEncryptionError):
            raise EncryptedPDF(f"encrypted PDF (unsupported encryption: {inner})") from exc
        raise _damaged(inner) from exc
    except Exception as exc:  # pdfminer raises plain exceptions on broken xref tables etc.
        raise _damaged(exc) from exc
    with pdf:
        try:
            pages = pdf.pages
        except Exception as exc:
            raise _damaged(exc) from exc
        if not pages:
            raise DamagedPDF("damaged PDF: no pages")
        for page in pages:
            try:
                words = page.extract_words(
                    extra_attrs=["fontname", "size"],
                    keep_blank_chars=False,
                    use_text_flow=False,
                    x_tolerance_ratio=_JOIN_GAP,
                    y_tolerance=3,
                )
                units = [
                    Unit(w["text"], float(w["x0"]), float(w["top"]), float(w["x1"]), float(w["bottom"]),
                         w["fontname"], float(w["size"]), is_bold_font(w["fontname"]))
                    for w in words
                    if w.get("upright", True)
                ]
                has_images = bool(page.images or len(page.curves) >= DRAWN_TEXT_PATHS) if _sparse(units) else False
                out = PageLines(page.page_number, float(page.width), float(page.height),
                                group_lines(units, page.page_number), has_images,
                                sideways=len(words) - len(units))
            except Exception as exc:  # one unreadable page should not cost the document
                log.warning("%s: page %d unreadable (%s)", path.name, page.page_number, exc)
                out = PageLines(page.page_number, float(page.width), float(page.height), error=str(exc))
            finally:
                page.close()
            yield out


# --------------------------------------------------------------------------- pdfium engine
class _Out:
    """Reusable ctypes out-parameters for the pdfium calls of one document."""

    def __init__(self) -> None:
        import ctypes

        from pypdfium2 import raw

        self.name = ctypes.create_string_buffer(256)
        self.flags = ctypes.c_int()
        self.rect = raw.FS_RECTF()
        self.matrix = raw.FS_MATRIX()
        self.l, self.r, self.b, self.t = (ctypes.c_double() for _ in range(4))


def iter_pages_pdfium(path: Path) -> Iterator[PageLines]:
    """Pages via pypdfium2 text runs ("rects"): a few C calls per run instead of per char."""
    import pypdfium2 as pdfium

    try:
        doc = pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as exc:
        if "password" in str(exc).lower():
            raise EncryptedPDF("encrypted PDF (password required)") from exc
        raise _damaged(exc) from exc
    try:
        n = len(doc)
        if n == 0:
            raise DamagedPDF("damaged PDF: no pages")
        out = _Out()
        for i in range(n):
            page = doc[i]
            try:
                result = _pdfium_page(page, i + 1, out)
            except Exception as exc:  # one unreadable page should not cost the document
                log.warning("%s: page %d unreadable (%s)", path.name, i + 1, exc)
                w, h = page.get_size()
                result = PageLines(i + 1, float(w), float(h), error=str(exc))
            finally:
                page.close()
            yield result
    finally:
        doc.close()


def _pdfium_page(page, number: int, out: _Out) -> PageLines:  # type: ignore[no-untyped-def]
    import ctypes

    from pypdfium2 import raw

    ml, mb, mr, mt = page.get_mediabox()
    rot = page.get_rotation() % 360
    uw, uh = mr - ml, mt - mb  # unrotated size
    width, height = (uh, uw) if rot in (90, 270) else (uw, uh)

    def to_display(l: float, b: float, r: float, t: float) -> tuple[float, float, float, float]:
        """PDF user space (origin bottom-left) → display space (origin top-left), as pdfplumber."""
        l, r, b, t = l - ml, r - ml, b - mb, t - mb
        if rot == 90:
            return b, l, t, r
        if rot == 180:
            return uw - r, b, uw - l, t
        if rot == 270:
            return uh - t, uw - r, uh - b, uw - l
        return l, uh - t, r, uh - b

    tp = page.get_textpage()
    try:
        tph = tp.raw
        n_chars = tp.count_chars()
        full = tp.get_text_range(0, n_chars) if n_chars > 0 else ""
        rects = [tp.get_rect(j) for j in range(tp.count_rects())]
        starts = _rect_starts(tph, rects, n_chars, out)
        units: list[Unit] = []
        sideways = 0
        # the page text maps 1:1 onto char indices unless it holds surrogate pairs or
        # undecodable units; then ask pdfium for each run's text (slower, same result)
        aligned = len(full) == n_chars
        for j, (rl, rb, rr, rt) in enumerate(rects):
            idx = starts[j]
            if aligned:
                text = full[idx:starts[j + 1]].rstrip("\r\n ")
            else:
                text = tp.get_text_bounded(rl, rb, rr, rt).strip("\r\n ")
            if not text or text.isspace():
                continue
            if "\n" in text or "\r" in text:  # one run spanning lines: take it char by char
                units.extend(_pdfium_chars(tp, (rl, rb, rr, rt), to_display, out))
                continue
            text = text.replace("\x02", "-").replace("\ufffe", "-")  # pdfium's line-end hyphen
            font, size, bold = "", rt - rb, False
            if 0 <= idx < n_chars:
                # a run is readable left to right when its angle, after the page's display
                # rotation (clockwise), is ~0; pdfplumber drops non-upright words likewise
                angle = (math.degrees(raw.FPDFText_GetCharAngle(tph, idx)) - rot) % 360
                if 10 < angle < 350:
                    sideways += 1
                    continue
                # the em size scaled by the text/graphics matrix's vertical axis: the size
                # as printed, which is what pdfminer reports (Tf alone can be any scale)
                raw.FPDFText_GetMatrix(tph, idx, ctypes.byref(out.matrix))
                size = raw.FPDFText_GetFontSize(tph, idx) * math.hypot(out.matrix.c, out.matrix.d)
                raw.FPDFText_GetFontInfo(tph, idx, out.name, 256, ctypes.byref(out.flags))
                font = out.name.value.decode("utf-8", "replace")
                bold = is_bold_font(font) or raw.FPDFText_GetFontWeight(tph, idx) >= 600
                # font boxes (advance × ascent..descent) rather than glyph ink boxes, as in
                # pdfminer: a line's top must not depend on which letters it contains, and
                # the gap to the next run must not include the glyph's side bearing
                # (unrotated pages only: on a rotated page the boxes' axes are swapped)
                if rot == 0 and raw.FPDFText_GetLooseCharBox(tph, idx, ctypes.byref(out.rect)):
                    rl, rt, rb = out.rect.left, out.rect.top, out.rect.bottom
                    rr = max(out.rect.right, rl + 0.1)
                    last = idx + len(text) - 1
                    if last > idx and raw.FPDFText_GetLooseCharBox(tph, last, ctypes.byref(out.rect)):
                        rr = max(out.rect.right, rl + 0.1)
            x0, y0, x1, y1 = to_display(rl, rb, rr, rt)
            unit = Unit(text, x0, y0, x1, y1, font, float(size), bold)
            if rot == 0 and " " in text and x1 - x0 > 0.5 * size * len(text) + _CELL_GAP * size:
                # a run much wider than its text: a tab or table gap inside one text object
                units.extend(_split_run(tph, unit, idx, out))
            else:
                units.append(unit)
        has_images = False
        if _sparse(units):
            has_images = any(True for _ in page.get_objects(filter=[raw.FPDF_PAGEOBJ_IMAGE], max_depth=3)) or sum(
                1 for _ in page.get_objects(filter=[raw.FPDF_PAGEOBJ_PATH], max_depth=3)) >= DRAWN_TEXT_PATHS
        return PageLines(number, float(width), float(height), group_lines(units, number), has_images,
                         sideways=sideways)
    finally:
        tp.close()


def _split_run(tph, unit: Unit, idx: int, out: _Out) -> list[Unit]:  # type: ignore[no-untyped-def]
    """Split a run at its spaces that span more than 3 × size (where pdfplumber sees a gap)."""
    import ctypes

    from pypdfium2 import raw

    def box(k: int) -> tuple[float, float] | None:
        if raw.FPDFText_GetLooseCharBox(tph, idx + k, ctypes.byref(out.rect)):
            return out.rect.left, out.rect.right
        return None

    text = unit.text
    pieces: list[Unit] = []
    start, x_start = 0, unit.x0
    for m in re.finditer(r" +", text):
        a, b = m.start(), m.end()
        if a == 0 or b >= len(text):
            continue
        left, right = box(a - 1), box(b)
        if left is None or right is None or right[0] - left[1] <= _CELL_GAP * unit.size:
            continue
        pieces.append(Unit(text[start:a], x_start, unit.top, left[1], unit.bottom, unit.font, unit.size, unit.bold))
        start, x_start = b, right[0]
    if not pieces:
        return [unit]
    pieces.append(Unit(text[start:], x_start, unit.top, unit.x1, unit.bottom, unit.font, unit.size, unit.bold))
    return pieces


def _rect_starts(tph, rects: list[tuple[float, float, float, float]], n_chars: int, out: _Out) -> list[int]:  # type: ignore[no-untyped-def]
    """Index of the first char of each pdfium rect (+ a final `n_chars`).

    Rects are consecutive runs of the text page's chars, so run j's text is the page text
    between the first chars of runs j and j+1: one bulk text call per page instead of a
    bounded-text call (which scans every char of the page) per run. The first char is
    found by position and verified by its box; on a miss we scan forward.
    """
    import ctypes

    from pypdfium2 import raw

    def inside(i: int, rect: tuple[float, float, float, float]) -> bool:
        if not raw.FPDFText_GetCharBox(tph, i, ctypes.byref(out.l), ctypes.byref(out.r),
                                       ctypes.byref(out.b), ctypes.byref(out.t)):
            return False
        l, b, r, t = rect
        cx, cy = (out.l.value + out.r.value) / 2, (out.b.value + out.t.value) / 2
        return l - 0.01 <= cx <= r + 0.01 and b - 0.01 <= cy <= t + 0.01

    starts: list[int] = []
    low = 0
    for rect in rects:
        l, b, r, t = rect
        s = raw.FPDFText_GetCharIndexAtPos(tph, l + min(1.0, (r - l) / 4), (b + t) / 2, 0.5, 0.5)
        if s < low or not inside(s, rect):
            k = low
            while k < n_chars and not inside(k, rect):
                k += 1
            s = k if k < n_chars else max(s, low)
        starts.append(s)
        low = s + 1
    starts.append(n_chars)
    return starts


def _pdfium_chars(tp, rect, to_display, out: _Out) -> list[Unit]:  # type: ignore[no-untyped-def]
    """Fallback for a run that spans several lines: its chars grouped into words.

    Chars are taken by their font boxes (as pdfminer does); whitespace or a gap wider
    than the word tolerance ends a word.
    """
    import ctypes

    from pypdfium2 import raw

    tph = tp.raw
    rl, rb, rr, rt = rect
    n = tp.count_chars()
    text = tp.get_text_range(0, n)
    units: list[Unit] = []
    word: Unit | None = None
    for k in range(min(n, len(text))):
        ch = text[k]
        if ch.isspace() or not raw.FPDFText_GetLooseCharBox(tph, k, ctypes.byref(out.rect)):
            word = None
            continue
        l, b, r, t = out.rect.left, out.rect.bottom, out.rect.right, out.rect.top
        cx, cy = (l + r) / 2, (b + t) / 2
        if not (rl - 0.5 <= cx <= rr + 0.5 and rb - 0.5 <= cy <= rt + 0.5):
            word = None
            continue
        raw.FPDFText_GetMatrix(tph, k, ctypes.byref(out.matrix))
        size = float(raw.FPDFText_GetFontSize(tph, k)) * math.hypot(out.matrix.c, out.matrix.d)
        x0, y0, x1, y1 = to_display(l, b, r, t)
        if ch in "\x02\ufffe":
            ch = "-"
        if (word is not None and abs(y0 - word.top) < _LINE_TOL * max(size, 1.0)
                and -0.5 <= x0 - word.x1 <= _JOIN_GAP * max(size, 1.0)):
            word.text += ch
            word.x1, word.bottom = x1, max(word.bottom, y1)
            continue
        raw.FPDFText_GetFontInfo(tph, k, out.name, 256, ctypes.byref(out.flags))
        font = out.name.value.decode("utf-8", "replace")
        word = Unit(ch, x0, y0, x1, y1, font, size, is_bold_font(font))
        units.append(word)
    return units


# --------------------------------------------------------------------------- entry point
def iter_pages(path: Path, engine: str = "pdfplumber") -> Iterator[PageLines]:
    if engine == "pdfplumber":
        return iter_pages_pdfplumber(path)
    if engine == "pdfium":
        return iter_pages_pdfium(path)
    raise ValueError(f"unknown PDF engine {engine!r} (choose from {', '.join(ENGINES)})")


def read_pdf(path: Path | str, engine: str = "pdfplumber", ocr: bool = True) -> DocText:
    """Read a PDF into a `DocText`; raise an `ExtractError` with a one-line reason if we can't."""
    from extract import ocr as ocr_mod
    from extract.textbuild import build_doctext

    path = Path(path)
    sniff_pdf(path)
    pages: list[PageLines] = list(iter_pages(path, engine))
    if not pages:
        raise DamagedPDF("damaged PDF: no pages")
    if ocr:
        need = [p for p in pages if needs_ocr(p)]
        if need and ocr_mod.available():
            for p in need:
                try:
                    lines = ocr_mod.ocr_page(path, p.number)
                except Exception as exc:  # a failing OCR page keeps what it had, the rest survives
                    log.warning("%s: OCR of page %d failed (%s)", path.name, p.number, exc)
                    continue
                if sum(len(ln.text) for ln in lines) > sum(len(ln.text) for ln in p.lines):
                    p.lines, p.ocr = lines, True
    if not any(p.lines for p in pages):
        if all(p.error for p in pages):
            raise _damaged(RuntimeError(f"no page could be read ({pages[0].error})"))
        if any(p.has_images for p in pages):
            if not ocr:
                raise NoTextLayer("no text layer (scanned?) and OCR disabled")
            if not ocr_mod.available():
                raise NoTextLayer("no text layer (scanned?) and OCR unavailable")
            raise NoTextLayer("no text layer (scanned?) and OCR found no text")
        if any(p.sideways for p in pages):
            raise NoTextLayer("no horizontal text (only sideways text, which is not supported)")
        raise NoTextLayer("no text layer (no text and no images in the PDF)")
    return build_doctext(
        (p.lines for p in pages),
        len(pages),
        page_sizes=[(p.width, p.height) for p in pages],
        ocr_pages=[p.number for p in pages if p.ocr],
    )

