"""Informal minutes as clubs and associations write them: dates without a year, an archive's
yymmdd stamp, "Ad 1." headings under an agenda list, "Orientering v/ Kim", first-name rosters,
guests "på besøg", elliptic approvals. Every sentence here is written for the test."""
from __future__ import annotations

from datetime import date

import pytest
import spacy

from helpers import component_doc, make_doc

from extract.attendance import parse_attendance
from extract.doctext import DocText
from extract.frontmatter import year_hints, yearless_meeting_date
from extract.nlp import base  # noqa: F401
from extract.nlp import persons, sentences, statements  # noqa: F401  (register the factories)
from extract.nlp.decisions import DecisionsComponent
from extract.schema import Attendee
from extract.segment import segment


# --------------------------------------------------------------------------- meeting date

def test_year_hints_prefer_the_file_name_then_the_most_frequent_year():
    assert year_hints("Budget 2019. Regnskab 2018 og 2018.", "referat-2020-06-13") == [2020, 2018, 2019]
    assert year_hints("Intet årstal her.", "091110_bestyrelse") == [2009]
    assert year_hints("Regnskab 2018 og 2019.", "") == [2019, 2018]  # a tie goes to the later year


def test_a_weekday_fixes_the_year_of_a_yearless_date():
    # tirsdag 1. december is a Tuesday in 2020, not in 2021: the hint 2021 is off by one
    assert yearless_meeting_date(["Bestyrelsesmøde", "Tirsdag den 1. december kl. 19"], [2021]) == date(2020, 12, 1)
    assert yearless_meeting_date(["Bestyrelsesmøde", "Mødet holdtes 3. marts"], [2015]) == date(2015, 3, 3)
    assert yearless_meeting_date(["Bestyrelsesmøde", "Mødet holdtes 3. marts"], []) is None
    # a weekday that fits none of the hinted years is not forced onto one
    assert yearless_meeting_date(["Mandag 2. januar"], [2030]) is None  # a Wednesday; 2029, 2031 no Monday either


def test_an_archive_stamp_opening_the_first_lines_is_the_date():
    assert yearless_meeting_date(["110504 Referat fra bestyrelsesmøde"], []) == date(2011, 5, 4)
    assert yearless_meeting_date(["20190312 Referat"], []) == date(2019, 3, 12)
    assert yearless_meeting_date(["Referat", "Deltagere: 4", "Punkter: 7", "123456 ikke en dato"], []) is None


def test_segment_uses_the_file_name_year_for_a_yearless_front_date():
    doc = DocText.from_plain_text("Referat af bestyrelsesmøde\nTorsdag den 10. oktober\n1. Velkomst\nTekst.")
    assert segment(doc, "bestyrelse-2013-10-10").front.meeting_date == date(2013, 10, 10)


# --------------------------------------------------------------------------- "Ad N." headings

def test_ad_headings_over_running_text_take_their_titles_from_the_agenda_list():
    doc = make_doc([
        "Bestyrelsesmøde i Egnsklubben", "Dagsorden:", "1. Godkendelse af referat", "2. Økonomi", "3. Eventuelt",
        "Ad 1.", "Referatet blev godkendt.",
        "Ad 2.", "- kassen er gjort op og viser et lille overskud",
        "Ad 3.",  # a paragraph of two wrapped lines, the first of which looks like a title
        "Status på klubhuset er at taget skal lægges om til foråret og at vi søger\n"
        "kommunen om tilskud til det store arbejde.",
    ])
    items = segment(doc).items
    assert [(i.number, i.title) for i in items] == [
        ("1", "Godkendelse af referat"), ("2", "Økonomi"), ("3", "Eventuelt")]
    assert doc.text[items[0].heading_end:items[0].char_end].strip() == "Referatet blev godkendt."
    assert doc.text[items[2].heading_end:items[2].char_end].strip().startswith("Status på klubhuset")


# --------------------------------------------------------------------------- attendance

def test_visitors_are_guests():
    doc = DocText.from_plain_text("Referat af bestyrelsesmøde den 4. maj 2021\n"
                                  "Til stede: Hanne Vestergaard, Mogens Krogh\nPå besøg: Lisbet Lund\n"
                                  "1. Velkomst\nTekst.")
    roles = {a.name: a.role for a in parse_attendance(doc, segment(doc).items[0].char_start)}
    assert roles == {"Hanne Vestergaard": "member", "Mogens Krogh": "member", "Lisbet Lund": "guest"}


# --------------------------------------------------------------------------- decisions

NLP = spacy.blank("da")


@pytest.mark.parametrize("sentence, kind", [
    ("Referatet godkendt og underskrevet.", "approval"),
    ("Forsamlingen havde ingen indsigelser mod regnskabet.", "approval"),
    ("Bestyrelsen sagde ja til forslaget om nye bænke.", "approval"),
    ("Generalforsamlingen sagde nej til kontingentstigningen.", "rejected"),
])
def test_informal_approvals_and_rejections(sentence, kind):
    doc = component_doc(NLP, sentence, meeting_date=date(2021, 5, 4))
    doc._.item_spans, doc._.statements, doc._.dates = [], [], []
    doc.spans["persons"] = []
    found = DecisionsComponent()(doc)._.decisions
    assert [(d.kind, d.text) for d in found] == [(kind, sentence)]


# --------------------------------------------------------------------------- statements

@pytest.fixture(scope="module")
def nlp():
    nlp = spacy.blank("da")
    for name in ("referat_sentences", "referat_persons", "referat_statements"):
        nlp.add_pipe(name)
    return nlp


def first_names(*names: str) -> list[Attendee]:
    return [Attendee(name=n, role="member", char_start=0, char_end=0) for n in names]


def run(nlp, body: str, roster: list[Attendee]):
    dt = DocText.from_plain_text("Referat\nTil stede: " + ", ".join(a.name for a in roster) + "\n" + body)
    heads = [b for b in dt.blocks if dt.block_text(b)[:1].isdigit()]
    items = [(dt.block_text(b).split(".")[0], b.start,
              heads[k + 1].start if k + 1 < len(heads) else len(dt.text), b.end) for k, b in enumerate(heads)]
    doc = nlp.make_doc(dt.text)
    doc._.roster, doc._.item_spans = roster, items
    doc._.paragraphs = [(b.start, b.end) for b in dt.blocks]
    return nlp(doc)._.statements


def test_a_report_label_names_the_speaker(nlp):
    st = run(nlp, "1. Økonomi\nOrientering v/ Mette.\nKassen er gjort op.", first_names("Mette", "Lars"))
    s = next(s for s in st if s.text.startswith("Orientering"))
    assert (s.speaker, s.act) == ("Mette", "orientere")


def test_a_first_name_roster_person_speaks_inside_a_sentence(nlp):
    st = run(nlp, "1. Baner\nPå mødet fortalte Lars, at banerne er klar.", first_names("Mette", "Lars"))
    s = next(s for s in st if "banerne er klar" in s.text)
    assert s.speaker == "Lars" and s.act == "fortælle"


def test_outline_letters_do_not_hide_the_speaker(nlp):
    st = run(nlp, "1. Eventuelt\na) Mette foreslog en fælles arbejdsdag.", first_names("Mette", "Lars"))
    s = next(s for s in st if "arbejdsdag" in s.text)
    assert (s.speaker, s.act) == ("Mette", "foreslå")
