"""One PDF file → one `DocumentResult`: the per-file task every executor runs.

Pure with respect to its inputs: the same bytes and options give the same result, which is
what makes doc_ids, statement ids and the tables stable across re-runs. Any failure turns
into a `status="failed"` document with a one-line reason; it never raises for bad input.
"""
from __future__ import annotations

import gc
import hashlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from extract import __version__
from extract.doctext import DocText
from extract.errors import ExtractError
from extract.schema import Document, DocumentResult, Fact, Item


@dataclass(frozen=True)
class Options:
    """What the per-file task needs to know; picklable so process pools and Dask can ship it."""

    engine: str = "pdfplumber"
    ner_model: str | None = None
    ocr: bool = True


def file_sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def doc_id_for(sha256: str) -> str:
    """Content-addressed id: the same PDF gets the same id wherever it lives."""
    return "d" + sha256[:16]


#: objects allocated between two runs of the young-generation garbage collector (CPython: 700)
GC_GEN0_THRESHOLD = 10_000


@contextmanager
def fewer_gc_passes(gen0: int = GC_GEN0_THRESHOLD) -> Iterator[None]:
    """Run the cyclic garbage collector less often for the duration (the same objects are freed).

    The PDF layer and the NLP stage allocate millions of short-lived objects (characters,
    tokens, matches, rows), almost all freed by reference counting. At CPython's default
    threshold the collector still ran thousands of times per long document, each time
    walking the young objects and, every hundredth time, the whole heap with the loaded
    models: about a sixth of the NLP stage and a tenth of the pdfplumber layer.
    """
    old = gc.get_threshold()
    if old[0] >= gen0 or not gc.isenabled():
        yield
        return
    gc.set_threshold(gen0, *old[1:])
    try:
        yield
    finally:
        gc.set_threshold(*old)


def process_file(path: Path | str, options: Options = Options()) -> DocumentResult:
    """Extract one PDF. Never raises for a bad file: returns a failed document instead."""
    with fewer_gc_passes():
        return _process_file(Path(path), options)


def _process_file(path: Path, options: Options) -> DocumentResult:
    sha = file_sha256(path)
    doc = Document(doc_id=doc_id_for(sha), source=str(path), sha256=sha, engine=options.engine,
                   extractor_version=__version__)
    try:
        from extract.layout import read_pdf

        doctext = read_pdf(path, engine=options.engine, ocr=options.ocr)
    except ExtractError as exc:
        return DocumentResult(document=doc.model_copy(update={"status": "failed", "error": one_line(str(exc))}))
    except Exception as exc:  # a library choking on a damaged file is still just a failed file
        reason = f"damaged PDF ({type(exc).__name__}: {exc})"
        return DocumentResult(document=doc.model_copy(update={"status": "failed", "error": one_line(reason)}))
    return process_text(doctext, doc, options)


def process_text(doctext: DocText, doc: Document, options: Options = Options()) -> DocumentResult:
    """Segment and analyse an already-built DocText (also used by tests on plain text)."""
    with fewer_gc_passes():
        return _process_text(doctext, doc, options)


def _process_text(doctext: DocText, doc: Document, options: Options) -> DocumentResult:
    from extract.assembly import (attendance_count, merged_spellings, with_elected_roles, with_full_names,
                                  with_guests_from, with_item_absences, with_visitors)
    from extract.attendance import parse_attendance
    from extract.nlp import build_nlp, make_doc
    from extract.segment import segment

    seg = segment(doctext, Path(doc.source).stem if doc.source else "")
    roster = merged_spellings(with_guests_from(doctext, with_elected_roles(doctext, seg.items,
                                                                            parse_attendance(doctext, seg.front.end))))
    roster = with_item_absences(doctext, seg.items, with_full_names(doctext, with_visitors(seg.items, roster)))
    doc = doc.model_copy(update={
        "title": seg.front.title, "body": seg.front.body, "meeting_date": seg.front.meeting_date,
        "place": seg.front.place, "page_count": doctext.page_count, "ocr_pages": list(doctext.ocr_pages),
        "attendance_count": attendance_count(doctext, seg.items),
    })

    nlp = build_nlp(options.ner_model)
    sdoc = make_doc(nlp, doctext.text)
    sdoc.user_data["referat_text"] = doctext.text  # == sdoc.text, which spaCy rebuilds on every read
    sdoc._.meeting_date = doc.meeting_date
    sdoc._.roster = roster
    sdoc._.item_spans = item_ranges(seg.items)
    sdoc._.paragraphs = [(b.start, b.end) for b in doctext.blocks]
    sdoc = nlp(sdoc)

    from extract.nlp.temporal import next_meeting_date

    body_start = seg.items[0].char_start if seg.items else seg.front.end
    # the body first ("Næste møde holdes …" under Eventuelt), else a "Næste møde:" header line
    nxt = (next_meeting_date(doctext.text[body_start:], doc.meeting_date)
           or next_meeting_date(doctext.text[:body_start], doc.meeting_date))
    doc = doc.model_copy(update={"next_meeting_date": nxt})

    result = DocumentResult(
        document=doc,
        text=doctext.text,
        attendance=roster,
        items=seg.items,
        statements=sdoc._.statements or [],
        entities=sdoc._.entities or [],
        decisions=sdoc._.decisions or [],
        actions=sdoc._.actions or [],
        dates=sdoc._.dates or [],
    )
    return finalize(result, doctext)


def item_ranges(items: list[Item]) -> list[tuple[str, int, int, int]]:
    """(number, start, end, heading_end) of every item's text, and of the text an item has
    attached after the last item (its report printed at the end), which belongs to it."""
    spans = [(it.number, it.char_start, it.char_end, it.heading_end or it.char_start) for it in items]
    return spans + [(it.number, it.attachment_start, it.attachment_end, it.attachment_start) for it in items
                    if it.attachment_start is not None and it.attachment_end is not None]


def finalize(result: DocumentResult, doctext: DocText) -> DocumentResult:
    """Fill what components leave open (doc_id, item, page, ids) and sort rows stably."""
    doc_id = result.document.doc_id
    items = result.items

    # the innermost (last-starting; among equal starts the first) item containing the offset
    # wins; one bisection per row instead of a scan over every item
    from extract.nlp.intervals import InnermostRange  # extract.nlp imports spaCy: only when needed

    ranges = item_ranges(items)
    innermost = InnermostRange([(start, end) for _, start, end, _ in ranges])

    def item_of(offset: int) -> str | None:
        i = innermost.index_at(offset)
        return ranges[i][0] if i is not None else None

    def fill(rows: list[Fact], keep_item: bool = False, ids: bool = False) -> list[Fact]:
        out = []
        for r in rows:
            upd: dict = {"doc_id": doc_id, "page": doctext.page_at(r.char_start)}
            if not (keep_item and r.item):
                upd["item"] = r.item or item_of(r.char_start)
            if ids:  # (a statement's id in the same copy)
                upd["statement_id"] = f"{doc_id}:{r.char_start}"
            out.append(r.model_copy(update=upd))
        return sorted(out, key=lambda r: (r.char_start, r.char_end))

    new_items: list[Item] = []
    for it in items:
        new_items.append(it.model_copy(update={
            "doc_id": doc_id,
            "page": doctext.page_at(it.char_start),
            "page_start": doctext.page_at(it.char_start),
            "page_end": doctext.page_at(max(it.char_end - 1, it.char_start)),
            "item": it.number,
        }))
    statements = fill(result.statements, ids=True)
    return result.model_copy(update={
        "attendance": [a.model_copy(update={"doc_id": doc_id, "page": doctext.page_at(a.char_start)})
                       for a in result.attendance],
        "items": new_items,
        "statements": statements,
        "entities": fill(result.entities),
        "decisions": fill(result.decisions, keep_item=True),
        "actions": fill(result.actions),
        "dates": fill(result.dates),
    })


def one_line(text: str, limit: int = 300) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
