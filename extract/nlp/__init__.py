"""The Danish NLP pipeline: `spacy.blank("da")` plus referat's registered components.

Works offline from what the repo ships (models/): no model download ever. A statistical
NER pipeline (DaCy, da_core_news_*) is an opt-in extra merged in by `referat_ner_merge`.
"""
from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from extract.nlp import base  # noqa: F401  (registers Doc extensions)

#: The pipeline's config (component order: sentences first, mentions next, then what
#: builds on mentions) lives with the other NLP assets in models/.
PIPELINE_CONFIG = base.MODELS_DIR / "pipeline.cfg"
#: longest document text the pipeline accepts. spaCy's default (1,000,000 characters, a
#: guard for parser/NER memory) failed minutes of more than ~320 pages; this blank pipeline
#: needs about 75 MB per million characters (measured: 2 million characters, 630 pages,
#: 330 MB peak), so 4 million (~1,300 pages) comes to about 400 MB.
MAX_DOC_CHARS = 4_000_000
#: tokenizer cache entries (whitespace-delimited chunks); spaCy's default is 10,000, which a
#: worker fills within a few documents. An entry is a few dozen bytes.
TOKENIZER_CACHE_SIZE = 100_000
_CHUNK = re.compile(r"\S+")


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
    nlp.tokenizer.max_cache_size = max(nlp.tokenizer.max_cache_size, TOKENIZER_CACHE_SIZE)
    nlp.max_length = max(nlp.max_length, MAX_DOC_CHARS)
    return nlp




def make_doc(nlp: Language, text: str) -> Doc:
    """`nlp.make_doc(text)`, with the tokenizer's cache warmed first: the same tokens, faster.

    spaCy's tokenizer caches the split of every whitespace-delimited chunk, but stops adding
    to the cache for the rest of a text once any special case ("bl.a.", "kl.") occurred in
    it (spaCy issue #1250), so on long minutes nearly every word was split afresh by the
    prefix/suffix/infix regexes: the tokenizer was the largest single cost of the NLP stage.
    Tokenizing each repeated chunk on its own first puts its split in the cache exactly as
    the tokenizer would compute it (a chunk touching a special case is still never cached),
    so the full text then mostly hits the cache.
    """
    tokenizer = nlp.tokenizer
    for chunk, count in Counter(_CHUNK.findall(text)).items():
        if count > 1:
            tokenizer(chunk)
    return nlp.make_doc(text)
