"""referat_ner_merge: a statistical NER model's entities merged into the rule entities.

The test trains its own tiny NER pipeline (spacy.blank("da") + "ner", invented sentences,
fixed seed, a second or two), saves it with `nlp.to_disk` and loads it by path, exactly as
a user's DaCy / da_core_news model would be loaded. No download, no network."""
from __future__ import annotations

import random
import time
from pathlib import Path

import pytest
import spacy
from spacy.tokens import Span
from spacy.training import Example

from extract.errors import ModelNotFound
from extract.nlp import ner as ner_module  # noqa: F401  (registers referat_ner_merge)
from extract.nlp import orgs as orgs_module  # noqa: F401  (registers referat_orgs)
from extract.nlp.ner import chunks, link_person, load_ner_model
from extract.schema import Attendee

#: (sentence, [(mention, label)]); "Havnestyrelsen" is labelled LOC on purpose: the rules
#: know it is an organisation, and the merge must keep the rule's ORG.
TRAIN = [
    ("Karla Vinther bor i Skagen.", [("Karla Vinther", "PER"), ("Skagen", "LOC")]),
    ("Mødet med Fjordkraft Energi blev holdt i Ribe.", [("Fjordkraft Energi", "ORG"), ("Ribe", "GPE")]),
    ("Havnestyrelsen ringede til Mads Ulrik.", [("Havnestyrelsen", "LOC"), ("Mads Ulrik", "PER")]),
    ("Troels Bak arbejder for Nordlyset Gruppen.", [("Troels Bak", "PERSON"), ("Nordlyset Gruppen", "ORG")]),
    ("Vi kørte fra Løgstør til Hals.", [("Løgstør", "LOC"), ("Hals", "LOC")]),
    ("Sofie Krogh talte med Bølgen Data.", [("Sofie Krogh", "PER"), ("Bølgen Data", "ORG")]),
    ("Projektet Grøn Puls blev omtalt.", [("Grøn Puls", "MISC")]),
    ("Anders Fogh mødte Lise Dam i Tarm.", [("Anders Fogh", "PER"), ("Lise Dam", "PER"), ("Tarm", "LOC")]),
    ("Kystholm Vand sendte en faktura.", [("Kystholm Vand", "ORG")]),
    ("Der var ingen navne i denne sætning.", []),
]


def _offsets(sentence: str, ents: list[tuple[str, str]]) -> list[tuple[int, int, str]]:
    return [(sentence.index(text), sentence.index(text) + len(text), label) for text, label in ents]


@pytest.fixture(scope="module")
def tiny_model(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Train and save a tiny NER pipeline; a few iterations with a fixed seed memorise TRAIN."""
    spacy.util.fix_random_seed(7)
    rng = random.Random(7)
    nlp = spacy.blank("da")
    nlp.add_pipe("ner")
    examples = [Example.from_dict(nlp.make_doc(s), {"entities": _offsets(s, e)}) for s, e in TRAIN]
    optimizer = nlp.initialize(lambda: examples)
    t0 = time.perf_counter()
    for _ in range(40):
        rng.shuffle(examples)
        nlp.update(examples, sgd=optimizer, drop=0.0)
    assert time.perf_counter() - t0 < 10
    out = tmp_path_factory.mktemp("models") / "tiny_ner"
    nlp.to_disk(out)
    return out


def test_the_tiny_model_learned_its_sentences(tiny_model: Path) -> None:
    model = spacy.load(tiny_model)
    for sentence, ents in TRAIN:
        assert [(e.start_char, e.end_char, e.label_) for e in model(sentence).ents] == _offsets(sentence, ents)


def _doc(nlp: spacy.Language, text: str, roster: list[Attendee], persons: list[tuple[str, str]]):
    doc = nlp.make_doc(text)
    doc._.roster = roster
    spans = []
    for written, canonical in persons:
        start = text.index(written)
        span = doc.char_span(start, start + len(written), label="PER")
        span._.canonical = canonical
        spans.append(span)
    doc.spans["persons"] = spans
    return doc


def test_merge_adds_model_entities_and_keeps_roster_and_rule_precedence(tiny_model: Path) -> None:
    nlp = spacy.blank("da")
    nlp.add_pipe("referat_orgs")
    nlp.add_pipe("referat_ner_merge", config={"model": str(tiny_model), "chunk_chars": 60})
    blocks = [TRAIN[0][0], TRAIN[1][0], TRAIN[2][0], TRAIN[6][0], TRAIN[3][0]]
    text = "\n".join(blocks)
    roster = [Attendee(name="Karla Vinther", role="member", char_start=0, char_end=13),
              Attendee(name="Mads Ulrik Holm", role="member", char_start=0, char_end=15)]
    doc = nlp(_doc(nlp, text, roster, [("Karla Vinther", "Karla Vinther")]))
    got = {(e.text, e.label, e.canonical, e.source) for e in doc._.entities}
    for e in doc._.entities:  # provenance: offsets point at the mention in the document
        assert text[e.char_start : e.char_end] == e.text
    assert ("Karla Vinther", "PER", "Karla Vinther", "roster") in got  # roster link wins over the model's PER
    assert ("Havnestyrelsen", "ORG", "Havnestyrelsen", "rules") in got  # rule ORG wins over the model's LOC
    assert not any(t == "Havnestyrelsen" and s == "ner" for t, _, _, s in got)
    assert {("Skagen", "LOC", "Skagen", "ner"), ("Fjordkraft Energi", "ORG", "Fjordkraft Energi", "ner"),
            ("Ribe", "LOC", "Ribe", "ner"),  # GPE → LOC
            ("Troels Bak", "PER", "Troels Bak", "ner"),  # PERSON → PER, not on the roster
            ("Mads Ulrik", "PER", "Mads Ulrik Holm", "ner")} <= got  # linked to the attendee
    assert not any(t == "Grøn Puls" for t, *_ in got)  # MISC is not an entity label of the table
    assert len(doc._.entities) == 8
    # new spans for the later components: the model's ORG, and persons linked to the roster
    assert "Fjordkraft Energi" in [s.text for s in doc.spans["orgs"]]
    linked = [s for s in doc.spans["persons"] if s.text == "Mads Ulrik"]
    assert len(linked) == 1 and linked[0]._.canonical == "Mads Ulrik Holm" and isinstance(linked[0], Span)
    assert "Troels Bak" not in [s.text for s in doc.spans["persons"]]


def test_merge_without_the_orgs_component_uses_the_mention_spans(tiny_model: Path) -> None:
    nlp = spacy.blank("da")
    nlp.add_pipe("referat_ner_merge", config={"model": str(tiny_model)})
    text = TRAIN[0][0]
    doc = nlp(_doc(nlp, text, [Attendee(name="Karla Vinther", role="member", char_start=0, char_end=13)],
                   [("Karla Vinther", "Karla Vinther")]))
    assert [(e.text, e.source) for e in doc._.entities] == [("Karla Vinther", "roster"), ("Skagen", "ner")]


@pytest.mark.parametrize("name", ["/no/such/dir/ner-model", "da_no_such_model_pkg", ""])
def test_missing_model_is_a_clear_error(name: str) -> None:
    nlp = spacy.blank("da")
    t0 = time.perf_counter()
    with pytest.raises(ModelNotFound) as err:
        nlp.add_pipe("referat_ner_merge", config={"model": name})
    assert "is not installed or not a path" in str(err.value)
    assert "referat never downloads models" in str(err.value) and "--ner-model" in str(err.value)
    assert time.perf_counter() - t0 < 5  # no hang, no network


def test_a_folder_that_is_no_pipeline_or_has_no_ner(tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(ModelNotFound, match="not installed or not a path"):
        load_ner_model(str(empty))
    no_ner = tmp_path / "no_ner"
    spacy.blank("da").to_disk(no_ner)
    with pytest.raises(ModelNotFound, match="has no 'ner' component"):
        load_ner_model(str(no_ner))


def test_chunks_cover_the_text_and_cut_at_blocks() -> None:
    text = "Første afsnit er her.\nAndet afsnit. Med to sætninger.\n" + "ord " * 40
    pieces = chunks(text, size=30)
    assert "".join(p for _, p in pieces) == text
    assert all(text[o : o + len(p)] == p for o, p in pieces)
    assert pieces[0][1] == "Første afsnit er her.\n"
    assert all(len(p) <= 30 for _, p in pieces)


def test_link_person() -> None:
    roster = ["Mette Lindholm Sand", "Per Holt", "Per Ravn"]
    assert link_person("Mette Lindholm", roster) == "Mette Lindholm Sand"
    assert link_person("Mette Lindholm Sands", roster) == "Mette Lindholm Sand"
    assert link_person("Mete Lindholm Sand", roster) == "Mette Lindholm Sand"  # typo
    assert link_person("Holt", roster) == "Per Holt"
    assert link_person("Per", roster) is None  # two attendees named Per
    assert link_person("Ole Skov", roster) is None
