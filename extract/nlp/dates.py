"""`referat_dates`: Danish temporal expressions → `doc._.dates` (schema `DateMention` rows).

The normalisation itself lives in `extract.nlp.temporal` (a pure text function); this
component only feeds it the document's structure (sentences, paragraphs, meeting date)
and turns its findings into schema rows carrying the sentence they occur in. It runs over
the WHOLE text, front matter included, because the meeting date in the title is a date
mention too; `finalize` assigns the item by offset.
"""
from __future__ import annotations

import bisect

from spacy.language import Language
from spacy.tokens import Doc

from extract.nlp import base  # noqa: F401  (registers Doc extensions)
from extract.schema import DateMention

Range = tuple[int, int]


def sentence_ranges(doc: Doc) -> list[Range]:
    """Sentence (start, end) char ranges: from doc.sents when a splitter ran, else paragraphs."""
    if doc.has_annotation("SENT_START"):
        return [(s.start_char, s.end_char) for s in doc.sents]
    if doc._.paragraphs:
        return [tuple(p) for p in doc._.paragraphs]
    return [(0, len(doc.text))] if doc.text else []


def enclosing(ranges: list[Range], starts: list[int], offset: int) -> Range | None:
    """The range containing `offset` (ranges sorted and non-overlapping)."""
    i = bisect.bisect_right(starts, offset) - 1
    if i >= 0 and ranges[i][0] <= offset < ranges[i][1]:
        return ranges[i]
    return None


def date_mentions(text: str, ref, sentences: list[Range], paragraphs: list[Range] | None) -> list[DateMention]:
    """Pure core: temporal expressions of `text` as DateMention rows (item/page left open)."""
    from extract.nlp.temporal import find_temporal

    found = find_temporal(text, ref, sentences=sentences or None, paragraphs=paragraphs or None)
    sents = sorted(sentences)
    starts = [s for s, _ in sents]
    rows: list[DateMention] = []
    seen: set[tuple[int, int]] = set()
    for t in sorted(found, key=lambda t: (t.char_start, t.char_end)):
        if (t.char_start, t.char_end) in seen or t.start is None or t.end is None:
            continue
        seen.add((t.char_start, t.char_end))
        rng = enclosing(sents, starts, t.char_start)
        sentence = text[rng[0]:rng[1]].strip() if rng else ""
        rows.append(DateMention(
            text=t.text, start=t.start, end=t.end, granularity=t.granularity,
            deadline=bool(t.deadline), sentence=sentence,
            char_start=t.char_start, char_end=t.char_end,
        ))
    return rows


class DatesComponent:
    """Writes doc._.dates; needs doc._.meeting_date as the reference for relative dates."""

    def __call__(self, doc: Doc) -> Doc:
        paragraphs = [tuple(p) for p in (doc._.paragraphs or [])]
        doc._.dates = date_mentions(doc.text, doc._.meeting_date, sentence_ranges(doc), paragraphs)
        return doc


@Language.factory("referat_dates")
def make_dates(nlp: Language, name: str) -> DatesComponent:
    return DatesComponent()
