"""`referat_dates`: Danish temporal expressions → `doc._.dates` (schema `DateMention` rows).

The normalisation itself lives in `extract.nlp.temporal` (a pure text function); this
component only feeds it the document's structure (sentences, paragraphs, meeting date)
and turns its findings into schema rows carrying the sentence they occur in. It runs over
the WHOLE text, front matter included, because the meeting date in the title is a date
mention too; `finalize` assigns the item by offset.
"""
from __future__ import annotations

import bisect

import numpy
from spacy.attrs import IDX, LENGTH, SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from extract.nlp import base  # noqa: F401  (registers Doc extensions)
from extract.nlp.base import doc_text
from extract.schema import DateMention

Range = tuple[int, int]


def sentence_ranges(doc: Doc) -> list[Range]:
    """Sentence (start, end) char ranges — the same as [(s.start_char, s.end_char) for s in
    doc.sents] when a splitter ran, else the paragraphs. Read from the token arrays: walking
    doc.sents builds a Token object per token, which dominates the run time on long minutes."""
    if len(doc) and doc.has_annotation("SENT_START"):
        arr = doc.to_array([SENT_START, IDX, LENGTH])
        # whole columns to Python lists: indexing the numpy array element by element is slow
        first = arr[:, 0] == 1
        first[0] = True
        starts = numpy.flatnonzero(first).tolist()
        ends = starts[1:] + [len(doc)]
        idx = arr[:, 1].tolist()
        tok_end = (arr[:, 1] + arr[:, 2]).tolist()
        return [(idx[a], tok_end[b - 1]) for a, b in zip(starts, ends)]
    if doc._.paragraphs:
        return [tuple(p) for p in doc._.paragraphs]
    n = len(doc_text(doc))
    return [(0, n)] if n else []


class Intervals:
    """Fixed set of char ranges with a fast 'does [a, b) overlap any of them?' query."""

    def __init__(self, ranges: list[Range]):
        merged: list[list[int]] = []
        for a, b in sorted(ranges):
            if merged and a <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], b)
            else:
                merged.append([a, b])
        self.starts = [a for a, _ in merged]
        self.ends = [b for _, b in merged]

    def overlaps(self, a: int, b: int) -> bool:
        i = bisect.bisect_left(self.starts, b) - 1
        return i >= 0 and self.ends[i] > a

    def contains(self, pos: int) -> bool:
        return self.overlaps(pos, pos + 1)


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
        text = doc_text(doc)
        rows = date_mentions(text, doc._.meeting_date, sentence_ranges(doc), paragraphs)
        if rows and "\t" in text:
            rows = mark_due_cells(text, paragraphs, rows)
        doc._.dates = rows
        return doc


def mark_due_cells(text: str, paragraphs: list[Range], rows: list[DateMention]) -> list[DateMention]:
    """A date in the 'Frist'/'Deadline' column of an action table ('Handling | Ansvarlig |
    Frist') is a deadline, whatever its sentence says (the cell has no sentence)."""
    from extract.nlp.actions import task_tables  # actions imports this module

    cells = [r.due for r in task_tables(text, paragraphs) if r.due is not None]
    if not cells:
        return rows
    due = Intervals(cells)
    return [r.model_copy(update={"deadline": True}) if not r.deadline and due.overlaps(r.char_start, r.char_end)
            else r for r in rows]


@Language.factory("referat_dates")
def make_dates(nlp: Language, name: str) -> DatesComponent:
    return DatesComponent()
