"""`referat_ner_merge`: add a statistical NER model's entities to the rule-based ones.

Why optional and merged, not replacing: the rules (`referat_orgs`, `referat_persons`) are
precise on what they know (the attendance list, Danish organisation morphology), while a
model such as DaCy or da_core_news_* recalls names the rules cannot know (a supplier, a
foreign city). So the model only fills gaps:

  * a mention linked to the attendance list, and any rule mention, wins every overlap:
    overlapping model spans are dropped, whatever their label;
  * model entities that overlap nothing are added with source "ner"
    (PER/PERSON → PER, ORG → ORG, LOC/GPE → LOC; other labels are ignored);
  * a model PER that fuzzy-matches an attendee gets the attendee's name as canonical and
    joins doc.spans["persons"], so the statements component can use it.

Never a download: the model is a name of an installed spaCy package or a path to a
pipeline saved with `nlp.to_disk` (its own config.cfg); anything else is `ModelNotFound`.
Long documents run in chunks cut at block boundaries, so transformer models stay within
their memory and every offset stays a document offset.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import lru_cache
from pathlib import Path

import spacy
from rapidfuzz import fuzz, process
from spacy.language import Language
from spacy.tokens import Doc

from extract.errors import ModelNotFound
from extract.nlp.base import doc_text
from extract.nlp.entities import Mention, build_entities, merge_entities
from extract.nlp.orgs import canonical_org

LABELS = {"PER": "PER", "PERSON": "PER", "ORG": "ORG", "LOC": "LOC", "GPE": "LOC"}
CHUNK_CHARS = 5000
#: components a model may have that NER never needs (skipped for speed)
_UNNEEDED = {"parser", "lemmatizer", "trainable_lemmatizer", "morphologizer", "tagger", "attribute_ruler",
             "senter", "coref", "span_resolver", "span_cleaner", "textcat", "textcat_multilabel", "entity_linker"}
_GEN = re.compile(r"(?:'s|’s|'|’)$")


def not_found_message(name: str) -> str:
    return (f"NER model {name!r} is not installed or not a path: pip install .[dacy] and point --ner-model "
            "at a local DaCy model / spaCy pipeline; referat never downloads models")


@lru_cache(maxsize=2)
def load_ner_model(name: str) -> Language:
    """An installed spaCy package or a pipeline directory with an "ner" component. Never downloads."""
    if not name or not str(name).strip():
        raise ModelNotFound(not_found_message(str(name)))
    path = Path(name).expanduser()
    try:
        if path.exists():
            nlp = spacy.load(path)
        elif spacy.util.is_package(name):
            nlp = spacy.load(name)
        else:
            raise ModelNotFound(not_found_message(name))
    except ModelNotFound:
        raise
    except (OSError, ValueError, ImportError, KeyError) as exc:  # a folder that is not a spaCy pipeline
        raise ModelNotFound(f"{not_found_message(name)} ({type(exc).__name__}: {exc})") from exc
    if "ner" not in nlp.pipe_names:
        raise ModelNotFound(f"NER model {name!r} has no 'ner' component (pipes: {', '.join(nlp.pipe_names) or 'none'})")
    return nlp


def chunks(text: str, size: int = CHUNK_CHARS) -> list[tuple[int, str]]:
    """(offset, piece) pieces of at most ~`size` characters, cut after a block break ("\\n"),
    else after a sentence end, else at a space; the pieces concatenate to `text`."""
    out: list[tuple[int, str]] = []
    start = 0
    n = len(text)
    while start < n:
        end = min(n, start + size)
        if end < n:
            cut = text.rfind("\n", start + 1, end)
            if cut < 0:
                ends = [m.end() for m in re.finditer(r"[.!?]\s", text[start:end])]
                cut = start + ends[-1] - 1 if ends else text.rfind(" ", start + 1, end)
            end = cut + 1 if cut > start else end
        out.append((start, text[start:end]))
        start = end
    return out


def link_person(mention: str, roster: Sequence[str], cutoff: float = 90.0) -> str | None:
    """The attendee a person mention refers to: exact, fuzzy (typos, genitive), or a unique
    part-of-name match ("Mette Lindstrøm" → "Mette Lindstrøm Lage")."""
    if not roster:
        return None
    m = " ".join(_GEN.sub("", mention).split())
    candidates = [m] + ([m[:-1]] if m.endswith("s") else [])
    for c in candidates:
        if c in roster:
            return c
    for c in candidates:
        hit = process.extractOne(c, roster, scorer=fuzz.token_sort_ratio, score_cutoff=cutoff)
        if hit:
            return hit[0]
    for c in candidates:
        words = c.split()
        if not words:
            continue
        hits = [r for r in roster if all(w in r.split() for w in words)]
        if len(hits) == 1 and (len(words) >= 2 or words[0] in (hits[0].split()[0], hits[0].split()[-1])):
            return hits[0]
    return None


def _canonical(label: str, text: str, doc_text: str, roster: Sequence[str]) -> str:
    if label == "PER":
        linked = link_person(text, roster)
        if linked:
            return linked
    if label == "ORG":
        return canonical_org(text)
    t = " ".join(_GEN.sub("", text).split())
    if t.endswith("s") and re.search(rf"(?<![\w-]){re.escape(t[:-1])}(?![\w])", doc_text):
        return t[:-1]  # "Aalborgs" when the text also says "Aalborg"
    return t


def model_mentions(model: Language, text: str, roster: Sequence[str] = (), size: int = CHUNK_CHARS) -> list[Mention]:
    """The model's PER/ORG/LOC entities as document-offset mentions (source "ner")."""
    pieces = chunks(text, size)
    disable = [p for p in model.pipe_names if p in _UNNEEDED]
    out: list[Mention] = []
    for (offset, _), sub in zip(pieces, model.pipe((p for _, p in pieces), disable=disable)):
        for ent in sub.ents:
            label = LABELS.get(ent.label_.upper())
            raw = ent.text
            start = offset + ent.start_char + (len(raw) - len(raw.lstrip()))
            end = offset + ent.end_char - (len(raw) - len(raw.rstrip()))
            if label is None or "\n" in text[start:end] or not any(c.isalpha() for c in text[start:end]):
                continue  # no block break inside a name; "2021" or ")," is no name
            out.append(Mention(label, start, end, text[start:end], _canonical(label, text[start:end], text, roster), "ner", "ner"))
    return out


def _rule_entities(doc: Doc) -> list:
    """doc._.entities, or (when referat_orgs did not run) the entities from the mention spans."""
    if doc._.entities is not None:
        return list(doc._.entities)
    roster = {a.name for a in doc._.roster or []}
    per = [Mention("PER", s.start_char, s.end_char, s.text, s._.canonical or s.text,
                   "roster" if (s._.canonical or s.text) in roster else "rules")
           for s in doc.spans.get("persons", [])]
    org = [Mention("ORG", s.start_char, s.end_char, s.text, s._.canonical or s.text, s.id_ or "rules")
           for s in doc.spans.get("orgs", [])]
    return build_entities(per, org)


class NerMerge:
    """The component: merges the model's entities into doc._.entities."""

    def __init__(self, model: str, chunk_chars: int = CHUNK_CHARS) -> None:
        self.model_name = model
        self.model = load_ner_model(model)
        self.chunk_chars = chunk_chars

    def __call__(self, doc: Doc) -> Doc:
        roster = [a.name for a in doc._.roster or [] if getattr(a, "name", None)]
        base = _rule_entities(doc)
        merged = merge_entities(base, model_mentions(self.model, doc_text(doc), roster, self.chunk_chars))
        doc._.entities = merged
        added = [e for e in merged if e.source == "ner"]
        self._add_spans(doc, "orgs", [e for e in added if e.label == "ORG"])
        self._add_spans(doc, "persons", [e for e in added if e.label == "PER" and e.canonical in roster])
        return doc

    @staticmethod
    def _add_spans(doc: Doc, key: str, ents: Iterable) -> None:
        spans = list(doc.spans[key]) if key in doc.spans else []
        for e in ents:
            span = doc.char_span(e.char_start, e.char_end, label=e.label, alignment_mode="expand")
            if span is None or any(s.start < span.end and span.start < s.end for s in spans):
                continue
            span._.canonical = e.canonical
            span.id_ = "ner"
            spans.append(span)
        doc.spans[key] = sorted(spans, key=lambda s: s.start)


@Language.factory("referat_ner_merge", default_config={"model": "", "chunk_chars": CHUNK_CHARS})
def make_ner_merge(nlp: Language, name: str, model: str, chunk_chars: int) -> NerMerge:
    """`model`: an installed spaCy package name or a path to a saved pipeline with "ner";
    `chunk_chars`: the model sees the text in pieces of about this size."""
    return NerMerge(model, chunk_chars)
