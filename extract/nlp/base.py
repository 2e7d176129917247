"""Contract between the pipeline and the spaCy components.

The pipeline makes one spaCy `Doc` per document from `DocText.text` (so token offsets are
document offsets and provenance is free), sets the inputs below, and runs the components.
Components write their findings as schema rows (`extract.schema`) with only content and
char offsets; `extract.pipeline.finalize` fills doc_id, item and page.

Inputs (set by the pipeline before the components run):
  doc._.meeting_date  date | None           the meeting date (front matter)
  doc._.roster        list[Attendee]        the attendance list: canonical persons
  doc._.item_spans    list[(number, start, end, heading_end)]  agenda items' text ranges
  doc._.paragraphs    list[(start, end)]    DocText blocks (paragraphs/headings)
Intermediate:
  doc.spans["persons"], doc.spans["orgs"]   mention spans; span._.canonical is the canonical name
Outputs:
  doc._.statements, doc._.entities, doc._.decisions, doc._.actions, doc._.dates
"""
from __future__ import annotations

import os
from pathlib import Path

from spacy.tokens import Doc, Span

from extract.nlp.fastscan import KeyIndex

MODELS_DIR = Path(os.environ.get("REFERAT_MODELS", Path(__file__).resolve().parents[2] / "models"))

_DOC_EXTENSIONS = {
    "meeting_date": None,
    "roster": None,
    "item_spans": None,
    "paragraphs": None,
    "statements": None,
    "entities": None,
    "decisions": None,
    "actions": None,
    "dates": None,
}


def register_extensions() -> None:
    """Register the Doc/Span extensions once (idempotent)."""
    for name, default in _DOC_EXTENSIONS.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)
    if not Span.has_extension("canonical"):
        Span.set_extension("canonical", default=None)
    if not Span.has_extension("gender"):
        Span.set_extension("gender", default=None)


def item_at(doc: Doc, offset: int) -> str | None:
    """Number of the agenda item whose text range contains `offset`."""
    for number, start, end, _ in doc._.item_spans or []:
        if start <= offset < end:
            return number
    return None


register_extensions()


def doc_text(doc: Doc) -> str:
    """`doc.text`, read once: spaCy rebuilds Doc.text from the tokens on every access, which
    on a long document costs more than some components' whole work."""
    text = doc.user_data.get("referat_text")
    if text is None:
        text = doc.user_data["referat_text"] = doc.text
    return text


def doc_keys(doc: Doc) -> KeyIndex:
    """The document's `KeyIndex` (built once, shared by the components): which patterns can
    match at all in a sentence, from one scan of the document per pattern."""
    keys = doc.user_data.get("referat_keys")
    if keys is None:
        keys = doc.user_data["referat_keys"] = KeyIndex(doc_text(doc))
    return keys
