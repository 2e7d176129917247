"""The entities table: person, organisation and place mentions → `extract.schema.Entity` rows.

Pure functions over plain `Mention` tuples (no spaCy), so the precedence rules are easy to
test and shared by `referat_orgs` (rules) and `referat_ner_merge` (statistical NER):

  1. a person linked to the attendance list (source "roster") wins every overlap except
     one: an organisation name that strictly contains it ("Hans Jensen A/S");
  2. organisation mentions found by rules or gazetteers come next: a rule that saw
     "Styrelsen for X" knows more than a model that saw a capitalised word;
  3. other person mentions, then places.
"""
from __future__ import annotations

import bisect

from collections.abc import Iterable
from typing import NamedTuple

from extract.nlp.intervals import GrowingRanges, StaticRanges
from extract.schema import Entity

#: label order used when two mentions of equal rank overlap
_RANK = {"roster": 0, "ORG": 1, "PER": 2, "LOC": 3}


class Mention(NamedTuple):
    """A mention with its provenance: char offsets into the document text."""

    label: str  # PER | ORG | LOC
    start: int
    end: int
    text: str
    canonical: str
    source: str = "rules"  # roster | rules | gazetteer | ner
    family: str = ""  # which rule found it (debugging; not in the table)


def _rank(m: Mention) -> int:
    if m.label == "PER" and m.source == "roster":
        return _RANK["roster"]
    return _RANK.get(m.label, 9)


def _overlaps(a: Mention, b: Mention) -> bool:
    return a.start < b.end and b.start < a.end


def _contains(a: Mention, b: Mention) -> bool:
    return a.start <= b.start and b.end <= a.end and (a.end - a.start) > (b.end - b.start)


def resolve(mentions: Iterable[Mention]) -> list[Mention]:
    """Non-overlapping mentions by precedence (roster PER > ORG > PER > LOC; an ORG strictly
    containing a PER wins; among equals the longer, then the earlier).

    The chosen mentions never overlap, so kept sorted by start their ends are sorted too and
    the clashes of a new mention are found by bisection: n log n on long documents, where a
    scan of everything chosen so far was quadratic.
    """
    ms = sorted(mentions, key=lambda m: (_rank(m), -(m.end - m.start), m.start))
    starts: list[int] = []
    ends: list[int] = []
    chosen: list[Mention] = []
    for m in ms:
        i = bisect.bisect_right(ends, m.start)  # first chosen mention ending after m starts
        j = i
        while j < len(chosen) and starts[j] < m.end:
            j += 1
        clash = chosen[i:j]
        if clash and not (m.label == "ORG" and all(c.label == "PER" and _contains(m, c) for c in clash)):
            continue
        # no clash, or an organisation that strictly contains persons' names ("Hans Jensen A/S")
        del starts[i:j], ends[i:j], chosen[i:j]
        starts.insert(i, m.start)
        ends.insert(i, m.end)
        chosen.insert(i, m)
    return chosen


def resolve_naive(mentions: Iterable[Mention]) -> list[Mention]:
    """The same rule by scanning everything chosen so far: the reference `resolve` is tested against."""
    ms = sorted(mentions, key=lambda m: (_rank(m), -(m.end - m.start), m.start))
    chosen: list[Mention] = []
    for m in ms:
        clash = [c for c in chosen if _overlaps(c, m)]
        if not clash:
            chosen.append(m)
        elif m.label == "ORG" and all(c.label == "PER" and _contains(m, c) for c in clash):
            chosen = [c for c in chosen if c not in clash] + [m]
    return sorted(chosen, key=lambda m: (m.start, m.end))


def to_entity(m: Mention) -> Entity:
    return Entity(label=m.label, text=m.text, canonical=m.canonical, source=m.source,
                  char_start=m.start, char_end=m.end)


def build_entities(persons: Iterable[Mention] = (), orgs: Iterable[Mention] = (),
                   locs: Iterable[Mention] = ()) -> list[Entity]:
    """The rule-based entities of one document (doc_id, item and page are left to finalize)."""
    return [to_entity(m) for m in resolve([*persons, *orgs, *locs])]


def from_entity(e: Entity) -> Mention:
    return Mention(e.label, e.char_start, e.char_end, e.text, e.canonical, e.source)


def merge_entities(base: Iterable[Entity], extra: Iterable[Mention]) -> list[Entity]:
    """Add `extra` mentions (e.g. from a statistical NER model) that overlap nothing in `base`.

    The base rows are kept unchanged: the roster and the rules win every overlap, whatever
    the labels. Extra mentions are taken longest first and never overlap each other.
    """
    rows = list(base)
    taken = StaticRanges([(e.char_start, e.char_end) for e in rows])
    kept = GrowingRanges()  # the added mentions (bisection, not a scan of everything so far)
    added: list[Mention] = []
    for m in sorted(extra, key=lambda m: (-(m.end - m.start), m.start)):
        if taken.any_overlap(m.start, m.end) or kept.any_overlap(m.start, m.end):
            continue
        kept.add(m.start, m.end)
        added.append(m)
    rows += [to_entity(m) for m in added]
    return sorted(rows, key=lambda e: (e.char_start, e.char_end))
