"""The Danish NLP pipeline: `spacy.blank("da")` plus referat's registered components.

Works offline from what the repo ships (models/): no model download ever. A statistical
NER pipeline (DaCy, da_core_news_*) is an opt-in extra merged in by `referat_ner_merge`.
"""
from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language

from extract.nlp import base  # noqa: F401  (registers Doc extensions)

#: Component order: sentences first, mentions next, then what builds on mentions.
PIPELINE = [
    "referat_sentences",
    "referat_persons",
    "referat_orgs",
    "referat_statements",
    "referat_dates",
    "referat_decisions",
    "referat_actions",
]


def _import_components() -> None:
    """Importing the modules runs their @Language.factory registrations."""
    from extract.nlp import actions, dates, decisions, orgs, persons, sentences, statements  # noqa: F401


@lru_cache(maxsize=4)
def build_nlp(ner_model: str | None = None) -> Language:
    """The pipeline (cached per process). `ner_model`: name or path of a spaCy NER pipeline."""
    _import_components()
    nlp = spacy.blank("da")
    for name in PIPELINE:
        nlp.add_pipe(name)
        if name == "referat_orgs" and ner_model:
            from extract.nlp import ner

            nlp.add_pipe("referat_ner_merge", config={"model": ner_model})
    return nlp
