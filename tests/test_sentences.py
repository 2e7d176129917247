"""referat_sentences: Danish sentence boundaries (sentences written for these tests)."""
from __future__ import annotations

import spacy

from extract.nlp import sentences  # noqa: F401  (registers the factory)
from extract.nlp.sentences import cut_at_headings, sentence_bounds, sentence_spans


def split(text: str) -> list[str]:
    return [text[a:b] for a, b in sentence_bounds(text)]


def test_plain_periods_question_and_exclamation_marks():
    text = "Kassereren gennemgik regnskabet. Er der spørgsmål? Nej! Punktet blev afsluttet."
    assert split(text) == ["Kassereren gennemgik regnskabet.", "Er der spørgsmål?", "Nej!",
                           "Punktet blev afsluttet."]


def test_abbreviations_that_need_a_continuation_do_not_end_a_sentence():
    text = ("Udvalget drøftede bl.a. Vejdirektoratets plan, f.eks. ift. Ringvejen, jf. bilag 3, "
            "og vedr. cykelstien if.t. Skolevej kostede den ca. 2 mio. kr. ekstra. Herefter gik man videre.")
    assert split(text) == [
        "Udvalget drøftede bl.a. Vejdirektoratets plan, f.eks. ift. Ringvejen, jf. bilag 3, og vedr. "
        "cykelstien if.t. Skolevej kostede den ca. 2 mio. kr. ekstra.",
        "Herefter gik man videre.",
    ]


def test_ordinal_dates_and_times_do_not_end_a_sentence():
    text = "Næste møde er den 2. December kl. 16.00 på rådhuset. Alle er velkomne."
    assert split(text) == ["Næste møde er den 2. December kl. 16.00 på rådhuset.", "Alle er velkomne."]
    assert len(split("Fristen er 1. juni 2024 for alle ansøgere.")) == 1


def test_agenda_reference_numbers():
    # "punkt 3." followed by a title is one sentence, followed by a typical starter it ends one
    assert len(split("Sagen blev behandlet under punkt 3. Budget for anlæg i dag.")) == 1
    assert split("Det blev drøftet under punkt 3. Hun var enig.") == ["Det blev drøftet under punkt 3.", "Hun var enig."]


def test_abbreviations_that_may_close_a_sentence():
    text = "Der mangler stole, borde mv. Man bestiller nye. Der kommer kaffe, kage osv. til mødet."
    assert split(text) == ["Der mangler stole, borde mv.", "Man bestiller nye.",
                           "Der kommer kaffe, kage osv. til mødet."]


def test_a_unit_after_its_amount_closes_a_sentence_before_a_capital():
    assert split("Regnskabet viser et overskud på 12.340 kr. Spørgsmål fra have 17 om vandet. "
                 "Budgettet er på kr. 4.000 i alt. Det koster 20 pct. mere.") == [
        "Regnskabet viser et overskud på 12.340 kr.", "Spørgsmål fra have 17 om vandet.",
        "Budgettet er på kr. 4.000 i alt.", "Det koster 20 pct. mere."]


def test_a_year_before_a_capital_ends_a_sentence():
    assert split("Planen blev vedtaget i 2019. Man har siden fulgt den.") == [
        "Planen blev vedtaget i 2019.", "Man har siden fulgt den."]


def test_initials_and_web_addresses_stay_inside_the_sentence():
    assert len(split("Bente K. orienterede om borger.dk og hjemmesiden.")) == 1
    assert len(split("Som nævnt af Ole P. Hansen er sagen lukket.")) == 1
    # even when the surname is a known starter word (a roster name)
    text = "Hanne K. Lauritsen takkede."
    assert sentence_bounds(text, starters=["lauritsen"]) == [(0, len(text))]


def test_a_period_glued_to_the_next_sentence_ends_it():
    assert split("Tilbuddet var for dyrt.Derfor blev det afvist.") == ["Tilbuddet var for dyrt.",
                                                                      "Derfor blev det afvist."]
    assert split('Der står "kasserer."Mette foreslår et andet ord.') == ['Der står "kasserer."',
                                                                      "Mette foreslår et andet ord."]


def test_block_boundaries_always_end_a_sentence():
    text = "Økonomi og budget\nKassereren orienterede om status og\nbudgettet holder"
    assert split(text) == ["Økonomi og budget", "Kassereren orienterede om status og", "budgettet holder"]


def test_sentences_are_exact_trimmed_slices():
    text = "  Første sætning her.   Anden sætning følger!  \n  • Tredje i en punktopstilling. "
    bounds = sentence_bounds(text)
    assert [text[a:b] for a, b in bounds] == ["Første sætning her.", "Anden sætning følger!",
                                              "• Tredje i en punktopstilling."]
    for a, b in bounds:
        assert not text[a].isspace() and not text[b - 1].isspace()


def test_component_sets_doc_sents_consistent_with_the_text_rules():
    nlp = spacy.blank("da")
    nlp.add_pipe("referat_sentences")
    text = ("Formanden bød velkommen. Kassereren nævnte bl.a. kontingentet, jf. punkt 2. Status\n"
            "Det var nødvendigt.Derfor blev mødet forlænget. Næste møde er 3. marts.")
    doc = nlp(text)
    assert sentence_spans(doc) == sentence_bounds(text)
    assert [s.text for s in doc.sents][:2] == ["Formanden bød velkommen.",
                                                "Kassereren nævnte bl.a. kontingentet, jf. punkt 2. Status\n"]
    assert "Derfor blev mødet forlænget." in [doc.text[a:b] for a, b in sentence_spans(doc)]


def test_component_handles_empty_and_single_token_docs():
    nlp = spacy.blank("da")
    nlp.add_pipe("referat_sentences")
    assert list(nlp("").sents) == []
    assert [s.text for s in nlp("Godkendt").sents] == ["Godkendt"]


def test_full_words_before_a_period_end_a_sentence():
    # "timer"/"dage" are words, not abbreviations: a capitalised first name or starter after them starts a sentence
    assert sentence_bounds("Bilen holdt stille i tre timer. Mads ringede.", starters=["mads"]) == [(0, 31), (32, 45)]
    assert split("Det tager tre timer. Derefter går vi hjem.") == ["Det tager tre timer.", "Derefter går vi hjem."]
    assert split("Det tog fem dage. Hun var træt.") == ["Det tog fem dage.", "Hun var træt."]
    # words that are also abbreviations end a sentence only before a starter
    assert split("Se vedlagte bilag. Det viser tallene.") == ["Se vedlagte bilag.", "Det viser tallene."]
    assert len(split("Prisen var 40 sek. Københavnsk tid.")) == 1


def test_a_capitalised_definite_noun_after_a_closing_abbreviation_starts_a_sentence():
    assert split("Overskuddet blev 9.100 kr. Kassebeholdningen er uændret.") == [
        "Overskuddet blev 9.100 kr.", "Kassebeholdningen er uændret."]


def test_a_run_in_heading_ends_its_sentence_but_a_wrapping_one_does_not():
    text = "Regnskab (samt budget): Kim fremlagde regnskabet.\nOpfølgning på mødet 27.09.11 til næste møde."
    h1, h2 = text.index(":") + 1, text.index("27.09.11") + len("27.09.11")
    cut = cut_at_headings(text, sentence_bounds(text), [h1, h2])
    assert [text[a:b] for a, b in cut] == ["Regnskab (samt budget):", "Kim fremlagde regnskabet.",
                                           "Opfølgning på mødet 27.09.11 til næste møde."]
