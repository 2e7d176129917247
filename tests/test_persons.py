"""referat_persons: person mentions linked to the attendance list (sentences written for these tests)."""
from __future__ import annotations


import pytest
import spacy

from extract.nlp import base  # noqa: F401
from extract.nlp import persons, sentences  # noqa: F401  (register the factories)
from extract.nlp.gazetteer import load_names
from extract.schema import Attendee


@pytest.fixture(scope="module")
def nlp():
    nlp = spacy.blank("da")
    nlp.add_pipe("referat_sentences")
    nlp.add_pipe("referat_persons")
    return nlp


def attendee(name: str, role: str = "member", organisation: str | None = None, job_title: str | None = None) -> Attendee:
    return Attendee(name=name, role=role, organisation=organisation, job_title=job_title, char_start=0, char_end=0)


def mentions(nlp, text: str, names: list[str]) -> list[tuple[str, str | None]]:
    doc = nlp.make_doc(text)
    doc._.roster = [attendee(n) for n in names]
    doc = nlp(doc)
    return [(s.text, s._.canonical) for s in doc.spans["persons"]]


ROSTER = ["Karin Holm Madsen", "Søren Ebbesen", "Steffen Sørensen", "Birthe Lund", "Anna van den Berg",
          "Ole Peter Kjær", "Per Gram"]


def test_full_and_partial_names(nlp):
    found = mentions(nlp, "Søren Ebbesen og Karin Holm drøftede sagen med Ole Kjær.", ROSTER)
    assert found == [("Søren Ebbesen", "Søren Ebbesen"), ("Karin Holm", "Karin Holm Madsen"),
                     ("Ole Kjær", "Ole Peter Kjær")]


def test_genitive_is_linked_and_marked(nlp):
    doc = nlp.make_doc("Udvalget fulgte Søren Ebbesens forslag.")
    doc._.roster = [attendee(n) for n in ROSTER]
    doc = nlp(doc)
    (span,) = doc.spans["persons"]
    assert span.text == "Søren Ebbesens" and span._.canonical == "Søren Ebbesen" and span._.genitive


def test_misspellings_within_the_document(nlp):
    assert mentions(nlp, "Sren Ebbesen svarede.", ROSTER) == [("Sren Ebbesen", "Søren Ebbesen")]
    assert mentions(nlp, "Birte Lund svarede.", ROSTER) == [("Birte Lund", "Birthe Lund")]


def test_fuzzy_matching_does_not_merge_different_people(nlp):
    # Another real first name is another person, not a typo: "Peter" is not "Per", "Line" is not "Lise"
    found = mentions(nlp, "Peter Gram bemærkede det.", ROSTER)
    assert ("Peter Gram", "Per Gram") not in found
    assert mentions(nlp, "Line Berg svarede.", ["Lise Berg"]) != [("Line Berg", "Lise Berg")]
    # the exact roster person wins over a near one
    assert mentions(nlp, "Jens Hansen og Jens Hanssen kom.", ["Jens Hansen", "Jens Hanssen"]) == [
        ("Jens Hansen", "Jens Hansen"), ("Jens Hanssen", "Jens Hanssen")]


def test_initials(nlp):
    assert mentions(nlp, "Opgaven ligger hos Steffen S. fremover.", ROSTER) == [("Steffen S.", "Steffen Sørensen")]
    # two Steffens with an S: the initial does not decide
    assert mentions(nlp, "Opgaven ligger hos Steffen S. fremover.",
                    ["Steffen Sørensen", "Steffen Skov"]) == []


def test_listed_peoples_initials_name_them(nlp):
    # every name part, or first and last: "SE" for Søren Ebbesen, "OPK" for Ole Peter Kjær
    found = mentions(nlp, "SE orienterede. OPK svarede, og BL tilføjede noget.", ROSTER)
    assert found == [("SE", "Søren Ebbesen"), ("OPK", "Ole Peter Kjær"), ("BL", "Birthe Lund")]
    # initials two listed people share decide nothing; a party's letters are no person
    assert mentions(nlp, "SS svarede.", ["Steffen Sørensen", "Sara Storm"]) == []
    assert mentions(nlp, "SF stemte imod.", ["Søren Fisker"]) == []


def test_bare_first_name_when_unique(nlp):
    found = mentions(nlp, "Birthe orienterede om kassen. Hun sender rykkere (Birthe).", ROSTER)
    assert found == [("Birthe", "Birthe Lund"), ("Birthe", "Birthe Lund")]
    assert mentions(nlp, "Birthe orienterede om kassen.", ["Birthe Lund", "Birthe Nør"]) == []


def test_first_names_that_are_common_words_need_a_name_context(nlp):
    assert mentions(nlp, "Per mail er der sendt en invitation.", ROSTER) == []
    assert mentions(nlp, "Per bemærkede, at invitationen er sendt.", ROSTER) == [("Per", "Per Gram")]


def test_name_particles(nlp):
    assert mentions(nlp, "Ordet gik til Anna van den Berg.", ROSTER) == [("Anna van den Berg", "Anna van den Berg")]


def test_unlisted_people_from_the_gazetteer(nlp):
    doc = nlp.make_doc("Mødet blev indledt af Kirsten Hvidberg fra Region Nordjylland. Senere talte Hvidbergs kollega.")
    doc._.roster = [attendee(n) for n in ROSTER]
    doc = nlp(doc)
    spans = list(doc.spans["persons"])
    assert [(s.text, s._.canonical, s._.gender) for s in spans] == [
        ("Kirsten Hvidberg", "Kirsten Hvidberg", "f"), ("Hvidbergs", "Kirsten Hvidberg", "f")]
    assert spans[1]._.genitive and not spans[0]._.genitive


def test_capitalised_non_names_are_not_people(nlp):
    text = ("Hans forslag blev vedtaget. Danske Regioner og Region Sjælland deltog. "
            "Marie Curie Instituttet og Aarhus Universitet. Karen Kommune? Mette Sundhedsstyrelsen. "
            "Vi mødes på Niels Bohrs Plads ved Søren Kierkegaard Skolen.")
    found = mentions(nlp, text, [])
    assert ("Hans", "Hans") not in found
    assert found == []


def test_gender_from_the_first_name():
    names = load_names()
    assert names.gender("Hanne") == "f" and names.gender("Jens") == "m"
    assert names.is_last("Nielsen") and not names.is_first("Nielsen")


def test_a_long_document_finds_every_mention(nlp):
    para = ("Karin Holm bemærkede, at Søren Ebbesens forslag om Region Midtjyllands plan bør drøftes "
            "med Danske Regioner, og Steffen S. svarede, at Kirsten Hvidberg følger op. ")
    text = "\n".join([para] * (60_000 // len(para)))
    doc = nlp.make_doc(text)
    doc._.roster = [attendee(n) for n in ROSTER]
    doc = nlp(doc)  # (its speed is measured by benchmarks/throughput.py, not here)
    assert len(doc.spans["persons"]) >= 4 * (60_000 // len(para))


def test_a_lone_frequent_first_name_inside_a_sentence_is_a_person(nlp):
    found = mentions(nlp, "Kantinen har fået en ny kok, mens Mathilde er på orlov. Opgaverne fordeles fra Mathildes "
                          "skema. Mathilde vender tilbage i marts.", ROSTER)
    assert found == [("Mathilde", "Mathilde"), ("Mathildes", "Mathilde"), ("Mathilde", "Mathilde")]
    doc = nlp.make_doc("Bussen kører, mens Mathildes hold er på tur.")
    doc._.roster = []
    (span,) = nlp(doc).spans["persons"]
    assert span._.genitive and span._.gender == "f"


def test_a_lone_first_name_of_a_roster_person_links_to_the_roster(nlp):
    assert mentions(nlp, "Nøglen afleveres til Steffen i receptionen.", ROSTER) == [("Steffen", "Steffen Sørensen")]


def test_a_lone_first_name_needs_a_plain_position_and_a_clear_name(nlp):
    # sentence-initial or after a colon, rare in the name table, also a common surname, or also a common word
    assert mentions(nlp, "Mathilde kommer i morgen.", []) == []
    assert mentions(nlp, "Emner: Mathilde og budgettet.", []) == []
    assert mentions(nlp, "Kassen blev talt op af Norma i går.", []) == []
    assert mentions(nlp, "Bogen er skrevet af Frank i fjor.", []) == []
    assert mentions(nlp, "Det koster 20 kr. per elev og Lykke til alle.", []) == []


def test_two_letter_roster_first_names(nlp):
    # "Ib"/"Bo" are names only as the exact first name of a roster person (with a name context)
    found = mentions(nlp, "Ib Skov kom for sent. Ib orienterer om budgettet. Bo tilføjer noget.", ["Ib Skov", "Jonas Bo"])
    assert ("Ib", "Ib Skov") in found
    assert all(text != "Bo" for text, _ in found)  # "Bo" is only a surname on this roster


def mentions_roster(nlp, text: str, roster: list) -> list[tuple[str, str | None]]:
    doc = nlp.make_doc(text)
    doc._.roster = roster
    doc = nlp(doc)
    return [(s.text, s._.canonical) for s in doc.spans["persons"]]


def test_shared_first_name_prefers_the_present_person(nlp):
    roster = [attendee("Lene Fisker"), attendee("Lene Brandt", role="absent")]
    found = mentions_roster(nlp, "Derefter gennemgik Lene regnskabet.", roster)
    assert found == [("Lene", "Lene Fisker")]


def test_shared_first_name_takes_the_latest_fuller_mention(nlp):
    roster = [attendee("Lene Fisker"), attendee("Lene Brandt")]
    found = mentions_roster(nlp, "Lene B. tog ordet. Lene gennemgik regnskabet.", roster)
    assert found == [("Lene B.", "Lene Brandt"), ("Lene", "Lene Brandt")]
    # no fuller mention and nobody absent: neither of the two
    assert all(c not in ("Lene Fisker", "Lene Brandt")
               for _, c in mentions_roster(nlp, "Derefter gennemgik Lene regnskabet.", roster))
