"""The Danish NLP pipeline: `spacy.blank("da")` plus referat's registered components.

Works offline from what the repo ships (models/): no model download ever. A statistical
NER pipeline (DaCy, da_core_news_*) is an opt-in extra merged in by `referat_ner_merge`.
"""
from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language

from extract.nlp import base  # noqa: F401  (registers Doc extensions)

#: The pipeline's config (component order: sentences first, mentions next, then what
#: builds on mentions) lives with the other NLP assets in models/.
PIPELINE_CONFIG = base.MODELS_DIR / "pipeline.cfg"


def _import_components() -> None:
    """Importing the modules runs their @Language.factory registrations."""
    from extract.nlp import actions, dates, decisions, orgs, persons, sentences, statements  # noqa: F401


@lru_cache(maxsize=4)
def build_nlp(ner_model: str | None = None) -> Language:
    """The pipeline (cached per process). `ner_model`: name or path of a spaCy NER pipeline."""
    _import_components()
    config = spacy.util.load_config(PIPELINE_CONFIG)
    nlp = spacy.util.load_model_from_config(config, auto_fill=True, validate=True)
    if ner_model:
        from extract.nlp import ner  # noqa: F401  (registers referat_ner_merge)

        nlp.add_pipe("referat_ner_merge", config={"model": ner_model}, after="referat_orgs")
    return nlp
