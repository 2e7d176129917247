"""Informal minutes as clubs and associations write them: dates without a year, an archive's
yymmdd stamp, "Ad 1." headings under an agenda list, "Orientering v/ Kim", first-name rosters,
guests "på besøg", elliptic approvals. Every sentence here is written for the test."""
from __future__ import annotations

from datetime import date

import pytest
import spacy

from helpers import component_doc, make_doc, statements_nlp

from extract.attendance import parse_attendance
from extract.doctext import DocText
from extract.frontmatter import year_hints, yearless_meeting_date
from extract.nlp import base  # noqa: F401
from extract.nlp import persons, sentences, statements  # noqa: F401  (register the factories)
from extract.nlp.decisions import DecisionsComponent
from extract.schema import Attendee
from extract.segment import segment


def processed(text: str):
    """The whole pipeline on plain text (no PDF)."""
    from extract.pipeline import process_text
    from extract.schema import Document

    doc = Document(doc_id="x", source="x.pdf", sha256="0", engine="pdfplumber", extractor_version="0", status="ok")
    return process_text(DocText.from_plain_text(text), doc)


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
    ("Kontingent uændret på 300 kr.", "approval"),
    ("De tre første modtog genvalg.", "election"),
    ("Nyvalgt blev Hanne Storm.", "election"),
    ("a) Referatet godkendt og underskrevet.", "approval"),  # after an outline mark
    ("(Hanne) Vedtaget uden yderligere ændringer.", "approval"),  # after the responsible person
    ("• Godkendt", "approval"),  # after a bullet
    ("Poul Berg, F12 genvalgt", "election"),  # a house code between the name and the verdict
    ("Kassen blev drøftet og bibeholdt.", "approval"),
    ("Tonny accepterede valget.", "election"),
    ("Vi aftaler møde med træneren i november.", "other"),  # the board writing of itself
    ("Vi vælger en onsdag.", "other"),
    ("Vi vedtager at gebyret er det samme næste år.", "other"),
    ("Vi spurgte om prisen skulle hæves, men det var der ingen som stemte for.", "rejected"),  # no tally
    ("Alle stemte for forslaget.", "approval"),
])
def test_informal_approvals_and_rejections(sentence, kind):
    """(and a state is not a decision: see test_a_state_is_no_decision)"""
    doc = component_doc(NLP, sentence, meeting_date=date(2021, 5, 4))
    doc._.item_spans, doc._.statements, doc._.dates = [], [], []
    doc.spans["persons"] = []
    found = DecisionsComponent()(doc)._.decisions
    assert [(d.kind, d.text) for d in found] == [(kind, sentence)]


# --------------------------------------------------------------------------- statements

@pytest.fixture(scope="module")
def nlp():
    return statements_nlp()


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


def test_a_relative_clause_reports_the_person_before_it(nlp):
    st = run(nlp, "1. Valg\nMette Berg blev valgt som dirigent som meddelte at mødet var lovligt indkaldt.",
             first_names("Mette Berg", "Lars Ib"))
    assert [(s.speaker, s.act) for s in st] == [("Mette Berg", "meddele")]


def test_a_fixed_expression_reports(nlp):
    st = run(nlp, "1. Budget\nLars Ib gør det klart at han ikke vil stemme imod.", first_names("Mette Berg", "Lars Ib"))
    assert [(s.speaker, s.act) for s in st] == [("Lars Ib", "gøre det klart")]


def test_another_person_acting_does_not_continue_the_speaker(nlp):
    st = run(nlp, "1. Budget\nLars Ib mener at prisen er for høj. Mette Berg følger op på sagen. Det koster 5 kr.",
             first_names("Mette Berg", "Lars Ib"))
    assert [(s.speaker, s.implicit) for s in st] == [("Lars Ib", False), (None, False), (None, False)]


def test_a_pronoun_means_the_person_the_last_sentence_was_about(nlp):
    st = run(nlp, "1. Valg af dirigent\nLars Ib valgtes. Han fastslog, at mødet var lovligt indkaldt.",
             first_names("Mette Berg", "Lars Ib"))
    assert [(s.speaker, s.act) for s in st] == [(None, None), ("Lars Ib", "fastslå")]


def test_formanden_at_a_general_assembly_is_not_the_dirigent(nlp):
    roster = [Attendee(name="Lars Ib", role="chair", job_title="dirigent", char_start=0, char_end=0),
              Attendee(name="Mette Berg", role="member", char_start=0, char_end=0)]
    st = run(nlp, "1. Eventuelt\nFormanden takkede for et godt år.\n2. Konstituering\nMette Berg, formand.", roster)
    assert [(s.speaker, s.act) for s in st if s.act] == [("Mette Berg", "takke")]


def test_a_short_answer_after_a_question_is_speech(nlp):
    st = run(nlp, "1. Beretning\nMette: hvad koster snerydningen?\nLars: 25 tusind kr.\nLars: 12 stemmer.",
             first_names("Mette", "Lars"))
    assert [s.speaker for s in st] == ["Mette", "Lars", None]  # (the tally is no answer)


def test_formanden_is_the_person_elected_formand_and_ordstyreren_the_dirigent(nlp):
    roster = [Attendee(name="Lars Ib", role="chair", job_title="dirigent", char_start=0, char_end=0),
              Attendee(name="Mette Berg", role="member", char_start=0, char_end=0)]
    st = run(nlp, "1. Beretning\nFormanden fremlagde sin beretning.\n2. Valg\nMette Berg blev genvalgt som formand.\n"
                  "3. Eventuelt\nOrdstyreren takkede for god ro og orden.", roster)
    assert [(s.speaker, s.act) for s in st if s.act] == [("Mette Berg", "fremlægge"), ("Lars Ib", "takke")]


def test_outline_letters_do_not_hide_the_speaker(nlp):
    st = run(nlp, "1. Eventuelt\na) Mette foreslog en fælles arbejdsdag.", first_names("Mette", "Lars"))
    s = next(s for s in st if "arbejdsdag" in s.text)
    assert (s.speaker, s.act) == ("Mette", "foreslå")


# --------------------------------------------------------------------------- general assemblies

from extract.assembly import elected_roles, with_elected_roles  # noqa: E402


def elected(text: str) -> list[tuple[str, str, str | None]]:
    doc = DocText.from_plain_text(text)
    return [(a.name, a.role, a.job_title) for a in elected_roles(doc, segment(doc).items)]


@pytest.mark.parametrize("text, expected", [
    ("Referat\n1. Valg af dirigent og referent\nHelga Mortensen blev valgt som dirigent. Poul Winther blev valgt "
     "som referent.\n2. Eventuelt\nIntet.",
     [("Helga Mortensen", "chair", "dirigent"), ("Poul Winther", "secretary", "referent")]),
    # one verb, two persons: "X blev valgt som dirigent og Y som referent"
    ("Referat\n1. Valg af dirigent og referent\nHelga Mortensen blev valgt som dirigent og Poul Winther som referent."
     "\n2. Eventuelt\nIntet.",
     [("Helga Mortensen", "chair", "dirigent"), ("Poul Winther", "secretary", "referent")]),
    ("Referat\n1. Valg af dirigent og referent\nTorben Lykke er dirigent og referent\n2. Eventuelt\nIntet.",
     [("Torben Lykke", "chair", "dirigent og referent")]),
    ("Referat\n1. Valg af dirigent\nKnud Aagaard, B12 blev valgt som dirigent. Som referent valgtes Ida Brask."
     "\n2. Eventuelt\nIntet.",
     [("Knud Aagaard", "chair", "dirigent"), ("Ida Brask", "secretary", "referent")]),
    # a bare election under an item whose title names the role
    ("Referat\n1) Valg af dirigent\nBent Kragh valgtes. Han fastslog, at alt var i orden.\n2) Beretning\nTekst.",
     [("Bent Kragh", "chair", "dirigent")]),
    ("Referat\n1. Beretning\nTekst.\nReferent: Lise Dahl", [("Lise Dahl", "secretary", "referent")]),
    # the elected person inside a resolution's "at"-clause
    ("Referat\n1. Valg af dirigent\nMødet har besluttet at Karsten er valgt.\n12 til stede\n2. Beretning\nTekst.",
     [("Karsten", "chair", "dirigent")]),
    ("Referat\n1. Valg af dirigent\nForsamlingen vedtog, at Ole Dam blev enstemmigt valgt.\n2. Beretning\nTekst.",
     [("Ole Dam", "chair", "dirigent")]),
    # name-and-role lines under the heading: each line names its own holder
    ("Referat\n1. Valg af dirigent og referent\nJohn Dahl, dirigent\nPaul Erik Bidinger, referent\n2. Beretning\nTekst.",
     [("John Dahl", "chair", "dirigent"), ("Paul Erik Bidinger", "secretary", "referent")]),
])
def test_elected_dirigent_and_referent(text, expected):
    assert elected(text) == expected


def test_no_role_without_a_person():
    # a collective subject, initials and a thank-you mention are not elections of a person
    assert elected("Referat\n1. Valg af dirigent\nDet blev besluttet at valget blev udsat.\n2. Beretning\nTekst.") == []
    assert elected("Referat\n1. Valg af dirigent\nBestyrelsen foreslog KLM som dirigent.\n"
                   "2. Eventuelt\nTak til dirigenten for god ro og orden.") == []


def test_elected_roles_mark_the_roster():
    doc = DocText.from_plain_text("Referat\n1. Valg af dirigent\nMaja Holt blev valgt som dirigent.\n2. Eventuelt\nIntet.")
    roster = [Attendee(name="Maja Holt", role="member", char_start=0, char_end=0),
              Attendee(name="Ib Lund", role="absent", char_start=0, char_end=0)]
    out = with_elected_roles(doc, segment(doc).items, roster)
    assert [(a.name, a.role) for a in out] == [("Maja Holt", "chair"), ("Ib Lund", "absent")]


def test_an_elected_dirigent_chairs_and_the_listed_formand_is_a_member():
    doc = DocText.from_plain_text("Referat\n1. Valg af dirigent\nMaja Holt blev valgt som dirigent.\n2. Eventuelt\nIntet.")
    roster = [Attendee(name="Lise Bang", role="chair", job_title="formand", char_start=0, char_end=0),
              Attendee(name="Maja Holt", role="member", char_start=0, char_end=0)]
    out = with_elected_roles(doc, segment(doc).items, roster)
    assert [(a.name, a.role, a.job_title) for a in out] == [("Lise Bang", "member", "formand"), ("Maja Holt", "chair", "dirigent")]
    # a referent elected changes no chair
    doc = DocText.from_plain_text("Referat\n1. Valg af referent\nMaja Holt blev valgt som referent.\n2. Eventuelt\nIntet.")
    assert [a.role for a in with_elected_roles(doc, segment(doc).items, roster)] == ["chair", "secretary"]


def test_an_attendance_item_with_an_outline_list():
    doc = DocText.from_plain_text("Referat af generalforsamling\nFjordens Roklub\n§1 Til stede:\n(a) Anne Bro;\n"
                                  "(b) Carl Dich; og\n(c) Eva Falk.\n§2 Valg af dirigent\nCarl Dich blev valgt.")
    assert [(a.name, a.role) for a in parse_attendance(doc, segment(doc).front.end)] == [
        ("Anne Bro", "member"), ("Carl Dich", "member"), ("Eva Falk", "member")]


@pytest.mark.parametrize("front, body", [
    ("Generalforsamling Roklubben Fjorden.\nOnsdag den 3. marts 2021 kl. 19.", "Roklubben Fjorden"),
    ("Referat ordinær generalforsamling Grundejerforeningen Skovbrynet torsdag den 4. marts 2021", "Grundejerforeningen Skovbrynet"),
    ("REFERAT Vejle Byråd d. 12-05-2021\nMødested Rådhuset", "Vejle Byråd"),
    ("Referat af ordinær generalforsamling\ni A/B Solgården\nAfholdt tirsdag den 4. maj 2021", "A/B Solgården"),
    ("Referat af ordinær generalforsamling\nBeboerforening ved Kildeparken\n4. maj 2021", "Beboerforening ved Kildeparken"),
    ("Referat\nUdvalget for Teknik og Miljø (UTM)\nMøde den 4. maj 2021", "Udvalget for Teknik og Miljø"),
    ("Referat fra SKNH generalforsamlingen lørdag d. 5. april 2014\nDeltagere:\nOle Berg", "SKNH"),
    # prose mentioning a meeting names no body; a hall is the venue; a venue after the name is cut
    ("Bestyrelsens beretning\nVi holdt et ekstra møde i oktober 2020. Anledningen var vejene.", None),
    ("Vejle den 2. maj 2021.\nGeneralforsamling i Vejle Hallerne\nOnsdag den 21. april 2021", None),
    ("Referat af ekstraordinær generalforsamling i Ejerforeningen Toften på Hotel Marina\n4. maj 2021",
     "Ejerforeningen Toften"),
    # an association's kind in lower case before its name, outside a title line
    ("Generalforsamling i grundejerforeningen Toften. 31/8 2021\nTirsdag den 31. august kl. 19", "grundejerforeningen Toften"),
    ("Grundejerforeningen Toften- ordinær generalforsamling\nMødedato: 5. april 2018", "Grundejerforeningen Toften"),
    # the year closing the title is no part of the name
    ("Generalforsamling RFK 2025\nOnsdag d. 26. marts 2025 Start kl. 19.00", "RFK"),
    ("Referat RFK Generalforsamling 2023\nOnsdag d. 29.marts 2023 kl. 18:00", "RFK"),
    ("Referat Generalforsamling 2023\nOnsdag d. 29.marts 2023 kl. 18:00", None),
    # after the date and a comma only an association's name, not a venue or a nickname
    ("Referat af bestyrelsesmøde d. 3. maj 2021, Strandens Haveforening", "Strandens Haveforening"),
    ("Referat af bestyrelsesmøde den 3. maj 2021 kl. 19, Rødby Roklub", "Rødby Roklub"),
    ("Referat fra generalforsamling 3. maj 2021, Sognegården", None),
])
def test_meeting_body_forms(front, body):
    doc = DocText.from_plain_text(front + "\n1. Velkomst\nTekst.\n2. Eventuelt\nIntet.")
    assert segment(doc).front.body == body


@pytest.mark.parametrize("front, day", [
    # a line opening with the meeting's kind dates it; the date above is the day of writing
    ("Ejerforeningen Toften, 2. august 2012.\nBestyrelsesmøde 30. juli 2012.", date(2012, 7, 30)),
    # "Mødedato:" outranks a dateline in the title line
    ("Vejle, 9. april 2019 Sag 108-785 REFERAT\nG/F Toften – ordinær generalforsamling\n"
     "Mødedato: Onsdag den 13. marts 2019, kl. 19:00", date(2019, 3, 13)),
])
def test_meeting_date_over_the_day_of_writing(front, day):
    doc = DocText.from_plain_text(front + "\n1. Velkomst\nTekst.\n2. Eventuelt\nIntet.")
    assert segment(doc).front.meeting_date == day


def test_agenda_titles_repeated_as_long_sentences_are_the_headings():
    # the standard assembly agenda, written as sentences of 7-8 words and repeated over the text
    titles = ["Valg af dirigent og referent.", "Bestyrelsens beretning for det senest forløbne år.",
              "Forelæggelse af årsregnskab med revisors påtegning til godkendelse.", "Forslag.",
              "Forelæggelse af budget for indeværende år til godkendelse.", "Eventuelt."]
    listed = [f"{k}. {t}" for k, t in enumerate(titles, 1)]
    body = []
    for k, t in enumerate(titles, 1):
        body += [f"{k}. {t}", "Der fremkom enkelte afklarende spørgsmål fra forsamlingen."]
    doc = make_doc(["Generalforsamling i Roklubben den 3. marts 2021", "Dagsorden", listed[0], listed[1],
                    "a. Formanden er på valg.", "Der skal derfor vælges en ny formand.", *listed[2:], *body])
    assert [(i.number, i.title) for i in segment(doc).items] == [
        (str(k), t.rstrip(".")) for k, t in enumerate(titles, 1)]
    # a heading not in the list (its list entry misread) still counts when alone over its text
    doc = make_doc(["Generalforsamling i Roklubben den 3. marts 2021", *body])
    assert [i.number for i in segment(doc).items] == ["1", "2", "3", "4", "5", "6"]


def test_an_unnumbered_closing_eventuelt_is_the_next_item():
    doc = make_doc(["Generalforsamling i Roklubben den 3. marts 2021", "1. Valg af dirigent", "Ole Berg vælges.",
                    "2. Valg til bestyrelsen", "Eva Holm vælges.", "Eventuelt:", "Mia Dam orienterede om sommerfesten."])
    items = segment(doc).items
    assert [(i.number, i.title) for i in items] == [("1", "Valg af dirigent"), ("2", "Valg til bestyrelsen"),
                                                    ("3", "Eventuelt")]
    assert doc.text[items[1].char_start:items[1].char_end].endswith("Eva Holm vælges.")
    # a numbered closing item is left alone, and an "Eventuelt:" label with items after it is no item
    doc = make_doc(["Generalforsamling i Roklubben den 3. marts 2021", "1. Valg af dirigent", "Eventuelt:",
                    "Ingen.", "2. Eventuelt", "Intet."])
    assert [i.number for i in segment(doc).items] == ["1", "2"]


def test_unnumbered_election_and_run_in_eventuelt_after_the_last_item_are_the_next_items():
    doc = make_doc(["Generalforsamling i Roklubben den 3. marts 2021", "1. Valg af dirigent: Ole Berg vælges.",
                    "2. Indkomne forslag: Der er ikke indkommet forslag.", "Valg til bestyrelsen jf. § 4:",
                    "a. Valg af formand: Eva Holm vælges.", "Eventuelt: Intet til punktet."])
    items = segment(doc).items
    assert [(i.number, i.title) for i in items] == [("1", "Valg af dirigent"), ("2", "Indkomne forslag"),
                                                    ("3", "Valg til bestyrelsen jf. § 4"), ("4", "Eventuelt")]
    assert doc.text[items[3].heading_end:items[3].char_end].strip() == "Intet til punktet."
    # after an election item an election label line is part of it
    doc = make_doc(["Generalforsamling i Roklubben den 3. marts 2021", "1. Valg af dirigent", "Ole Berg.",
                    "2. Valg til bestyrelsen", "Valg af kasserer:", "Eva Holm vælges."])
    assert [i.number for i in segment(doc).items] == ["1", "2"]


def test_the_text_after_a_run_in_heading_is_the_items_own_sentence():
    res = processed("Generalforsamling i Roklubben den 3. marts 2021\nTil stede: Ole Berg, Eva Holm\n"
                    "1. Valg af dirigent: Ole Berg vælges.\n"
                    "2. Formandens beretning: Eva Holm oplyser, at hun stopper som formand. Beretningen godkendes.\n")
    assert [(s.item, s.speaker, s.text) for s in res.statements] == [
        ("1", None, "Ole Berg vælges."),
        ("2", "Eva Holm", "Eva Holm oplyser, at hun stopper som formand."),
        ("2", None, "Beretningen godkendes.")]  # (the meeting's verdict continues no speaker)
    assert [(d.item, d.kind, d.text) for d in res.decisions] == [
        ("1", "election", "Ole Berg vælges."), ("2", "approval", "Beretningen godkendes.")]


def test_short_headings_written_as_sentences():
    doc = make_doc(["Generalforsamling i Roklubben den 3. marts 2021", "1. Valg af dirigent.",
                    "Som dirigent blev Ole Berg valgt.", "2. Formandens beretning.", "Beretningen blev godkendt.",
                    "3. Eventuelt.", "Intet."])
    assert [(i.number, i.title) for i in segment(doc).items] == [
        ("1", "Valg af dirigent"), ("2", "Formandens beretning"), ("3", "Eventuelt")]


def test_a_heading_with_a_clause_after_its_colon_and_a_trailing_comma():
    doc = make_doc(["Generalforsamling i Roklubben den 3. marts 2021", "1. Valg af dirigent", "Ole Berg.",
                    "2. Valg af suppleanter: På valg er Ole Berg og Jens Ib", "Begge blev genvalgt.",
                    "3. Kommuneplan 2025: Forslag til nye rammer", "Drøftet.", "4. Eventuelt,", "Intet."])
    assert [(i.number, i.title) for i in segment(doc).items] == [
        ("1", "Valg af dirigent"), ("2", "Valg af suppleanter"), ("3", "Kommuneplan 2025: Forslag til nye rammer"),
        ("4", "Eventuelt")]


def test_the_agenda_list_words_the_titles():
    doc = make_doc(["Generalforsamling i Roklubben den 3. marts 2021", "Dagsorden:", "1. Valg af dirigent.",
                    "2. Valg af to suppleanter.", "3. Eventuelt.", "Fremmødte: 12 medlemmer.",
                    "1. Valg af dirigent.", "Ole Berg blev valgt.", "2. Valg af suppleanter til bestyrelsen",
                    "Jens Ib og Bo Hansen blev valgt.", "3. Eventuelt", "Intet."])
    assert [(i.number, i.title) for i in segment(doc).items] == [
        ("1", "Valg af dirigent"), ("2", "Valg af to suppleanter"), ("3", "Eventuelt")]


def test_unnumbered_headings_in_a_larger_font_are_the_items():
    from extract.doctext import Block
    from extract.segment import segment

    parts = [("Referat for generalforsamling d. 21. september 2015", 14.3), ("Til stede", 12.0),
             ("• Anne Holm", 10.9), ("Valg af dirigent", 14.3), ("Ole Berg er dirigent.", 10.9),
             ("Regnskab", 14.3), ("Regnskabet blev godkendt.", 10.9), ("Ændring af § 3", 12.0),
             ("Forslaget er vedtaget.", 10.9), ("Eventuelt", 14.3), ("Intet.", 10.9),
             ("Bilag A", 20.7), ("1. Valg af dirigent", 10.9), ("2. Beretning", 10.9), ("3. Regnskab", 10.9)]
    text, blocks = "", []
    for t, size in parts:
        start = len(text)
        text += t + "\n"
        blocks.append(Block(start, start + len(t), 1, size=size, bullet=t.startswith("•")))
    doc = DocText(text, blocks, [], page_count=1)
    assert [(i.number, i.title) for i in segment(doc).items] == [
        ("1", "Valg af dirigent"), ("2", "Regnskab"), ("3", "Eventuelt")]


def test_a_heading_misnumbered_against_the_agenda_takes_the_agenda_number():
    doc = make_doc(["Generalforsamling i Sejlklubben den 2. april 2013", "Dagsorden:", "1. Valg af dirigent",
                    "2. Regnskab", "3. Valg af medlemmer til bestyrelsen", "4. Indkomne forslag",
                    "1. Valg af dirigent", "Ole Berg.", "2. Regnskab", "Godkendt.",
                    "4. Valg af medlemmer til bestyrelsen", "Anne Holm blev valgt.", "4. Indkomne forslag", "Ingen."])
    assert [(i.number, i.title) for i in segment(doc).items] == [
        ("1", "Valg af dirigent"), ("2", "Regnskab"), ("3", "Valg af medlemmer til bestyrelsen"),
        ("4", "Indkomne forslag")]


# --------------------------------------------------------------------------- committee decision labels

@pytest.mark.parametrize("label, owner_or_body, day, num, rest", [
    ("Børne- og Skoleudvalgets beslutning den 03.05.2021 Punkt 4 Indstillingen godkendt",
     "Børne- og Skoleudvalgets", "03.05.2021", "4", "Indstillingen godkendt"),
    ("Beslutning i Udvalget for natur, miljø og klima (NMK) den 11-03-2019",
     "Udvalget for natur, miljø og klima (NMK)", "11-03-2019", None, None),
    ("Beslutning i Økonomiudvalget den 3. maj 2021: Godkendt.", "Økonomiudvalget", "3. maj 2021", None, "Godkendt."),
])
def test_dated_decision_labels(label, owner_or_body, day, num, rest):
    from extract.nlp.decisions import classify_heading, load_lexicon

    m = classify_heading(label, load_lexicon())
    assert m is not None
    assert (m.group("owner") or m.group("body"), m.group("date"), m.group("num"), m.group("rest")) == (
        owner_or_body, day, num, rest)


def test_a_name_line_under_an_election_item_is_the_elected():
    assert elected("Referat\n1. Valg af dirigent\nAksel Bruun, Skovvej 4\nAksel takkede for valget.\n"
                   "2. Beretning\nTekst.") == [("Aksel Bruun", "chair", "dirigent")]


def test_a_first_name_alone_takes_the_one_full_name_of_the_document(nlp):
    st = run(nlp, "1. Beretning\nTove: kassen er gjort op.\n2. Eventuelt\nTove Brandt takkede for i aften.",
             first_names("Mette"))
    assert {s.speaker for s in st if s.speaker} == {"Tove Brandt"}


# --------------------------------------------------------------------------- organisations in associations' minutes

def test_banks_utilities_and_named_schools_are_organisations():
    text = ("Referat af generalforsamling den 3. maj 2021\n1. Økonomi\n"
            "Der er bevilget 5000 kr. fra Jyske Bank og Sparekassen Thy. Mødet blev holdt på Friskolen Ådalen. "
            "Vi har fået tilbud fra Andel og fra Føtex.")
    found = processed(text)
    orgs = {(e.text, e.canonical) for e in found.entities if e.label == "ORG"}
    assert {("Jyske Bank", "Jyske Bank"), ("Sparekassen Thy", "Sparekassen Thy"),
            ("Friskolen Ådalen", "Friskolen Ådalen"), ("Føtex", "Føtex")} <= orgs
    assert not any(t.endswith(("Mødet", "Vi")) for t, _ in orgs)  # a name stops at the sentence end


def test_attendance_and_roles_as_sub_points_of_the_first_item():
    doc = DocText.from_plain_text(
        "Referat af bestyrelsesmøde i Fagrådet den 3. marts 2025\n1) Formalia\na ) Valg af dirigent\nSara Holt\n"
        "b ) Valg af referent\nJonas Bech\nc ) Tilstedeværende\nSara Holt, Jonas Bech, Ali Demir,\nEmma Lund\n"
        "d ) Godkendelse af referat\nGodkendt\n2) Økonomi\nTekst.")
    seg = segment(doc)
    roster = with_elected_roles(doc, seg.items, parse_attendance(doc, seg.front.end))
    assert [(a.name, a.role) for a in roster] == [
        ("Sara Holt", "chair"), ("Jonas Bech", "secretary"), ("Ali Demir", "member"), ("Emma Lund", "member")]


def test_who_wrote_the_minutes():
    assert elected("Referat\n1. Beretning\nTekst.\nReferat: Lise Dahl\nBestyrelsen konstituerede sig:\n"
                   "Ole Brink, formand\nIda Kjær, kasserer") == [("Lise Dahl", "secretary", "referent")]


@pytest.mark.parametrize("sentence, speaker, act", [
    ("Henrik mener at budgettet er for stramt.", "Henrik", "mene"),  # a lone first name opening a sentence
    ("Henrik - vi har fået to nye sponsorer.", "Henrik", "sige"),  # a dash label at the line start
    ("Henrik: Det er svært at finde frivillige.", "Henrik", "sige"),  # a label before a capital
    ("Kasper Holm, B12 fremlagde regnskabet.", "Kasper Holm", "fremlægge"),  # a house code after the name
])
def test_speakers_of_informal_minutes_outside_the_roster(nlp, sentence, speaker, act):
    st = run(nlp, "1. Regnskab\n" + sentence, first_names("Mette"))
    s = next(s for s in st if s.text == sentence)
    assert (s.speaker, s.act) == (speaker, act)


def test_a_lone_common_word_opening_a_sentence_is_no_speaker(nlp):
    st = run(nlp, "1. Natur\nSkov og natur er vigtige for os.", first_names("Mette"))
    assert not any(s.speaker for s in st)


def test_a_state_is_no_decision():
    doc = component_doc(NLP, "Vejen er uændret efter vinteren.", meeting_date=date(2021, 5, 4))
    doc._.item_spans, doc._.statements, doc._.dates = [], [], []
    doc.spans["persons"] = []
    assert DecisionsComponent()(doc)._.decisions == []


def test_a_short_heading_ending_in_a_full_stop_continues_the_sequence():
    doc = make_doc(["Generalforsamling i Roklubben den 3. marts 2021", "1) Valg af dirigent", "Tekst om valget her.",
                    "2) Beretning", "Tekst om beretningen her.", "3) Valg af bestyrelse og suppleanter.",
                    "Alle blev genvalgt.", "4) Eventuelt", "Intet."])
    assert [i.number for i in segment(doc).items] == ["1", "2", "3", "4"]


def test_initials_defined_in_the_minutes_are_the_person():
    text = ("Referat af generalforsamling den 24. maj 2023\n"
            "Desuden var Henrik Bo Lindberg (HBL) fra Fjordens Administration A/S til stede.\n"
            "1. Valg af dirigent og referent\nBestyrelsen foreslog HBL som dirigent og referent, som blev valgt.\n"
            "2. Regnskab\nHBL fremlagde årsrapporten.\n")
    r = processed(text)
    assert [(a.name, a.role, a.organisation) for a in r.attendance] == [
        ("Henrik Bo Lindberg", "chair", "Fjordens Administration A/S")]
    assert {(s.speaker, s.act) for s in r.statements if s.speaker} == {("Henrik Bo Lindberg", "fremlægge")}
    assert "HBL" not in {e.canonical for e in r.entities if e.label == "ORG"}  # initials, not an organisation


def test_a_body_opening_the_sentence_is_its_subject(nlp):
    st = run(nlp, "1. Valg\nBestyrelsen foreslog Mette som formand.", first_names("Mette", "Lars"))
    assert not any(s.speaker for s in st)


def test_sponsors_and_school_names_are_organisations():
    text = ("Referat af generalforsamling den 3. maj 2021\n1. Økonomi\n"
            "Vi har fået et sponsorat fra Vest-Rengøring. Mødet blev holdt i Kildeskolens aula. "
            "Vi har en aftale med Anne-Mette om kaffen.")
    orgs = {e.canonical for e in processed(text).entities if e.label == "ORG"}
    assert orgs == {"Vest-Rengøring", "Kildeskolen"}  # a hyphenated first name is no company


def test_a_common_institution_word_then_its_name():
    text = ("Referat af møde den 4. december 2012\n1. Økonomi\nDer er holdt dialog med aflastningstilbuddet "
            "Bakkely, og aktivitetscentret Lærkehuset flytter. Vi har talt med foreningen om Henrik.\n")
    orgs = {e.canonical for e in processed(text).entities if e.label == "ORG"}
    assert orgs == {"Bakkely", "Lærkehuset"}


# --------------------------------------------------------------------------- dates of informal minutes

@pytest.mark.parametrize("text, expected", [
    ("Vi starter i marts/ april 2014.", [("marts/ april 2014", "2014-03-01", "2014-04-30")]),
    ("Indendørssæsonen løber okt-april.", [("okt-april", "2013-10-01", "2014-04-30")]),
    ("Kurserne holdes d. 20 og 27/11.", [("20", "2013-11-20", "2013-11-20"), ("27/11", "2013-11-27", "2013-11-27")]),
    ("Fra december til marts holder vi events hver søndag.", [("december til marts", "2013-12-01", "2014-03-31")]),
    ("I december til marts var der events hver søndag.", [("december til marts", "2012-12-01", "2013-03-31")]),
    ("Vi spillede turnering i lørdags.", [("i lørdags", "2013-10-05", "2013-10-05")]),
    ("Vi mødtes i går.", [("i går", "2013-10-09", "2013-10-09")]),
    ("Turneringen blev fastsat til 3. maj.", [("3. maj", "2014-05-03", "2014-05-03")]),  # arranged: ahead
    ("Turneringen blev holdt 3. maj.", [("3. maj", "2013-05-03", "2013-05-03")]),
    ("Det fungerer fint i dag.", []),  # 'i dag' mostly means 'nowadays'
    ("Punkt 3 og 4 blev behandlet samlet.", []),
    ("Vi holdt Julefrokost 2012 i kantinen.", [("2012", "2012-01-01", "2012-12-31")]),  # an event's year
    ("Projektet Kulturby 2014 er i gang.", []),  # a project's name
    # a weekday fixes the year of a yearless date: 5 October is a Saturday in 2013 only
    ("Arbejdsdagen var lørdag den 5. oktober.", [("5. oktober", "2013-10-05", "2013-10-05")]),
    ("Næste arbejdsdag er søndag den 5. oktober.", [("5. oktober", "2014-10-05", "2014-10-05")]),
])
def test_informal_date_forms(text, expected):
    from extract.nlp.temporal import find_temporal

    found = find_temporal(text, date(2013, 10, 10))  # a Thursday
    assert [(t.text, str(t.start), str(t.end)) for t in found] == expected


def test_an_update_label_names_the_reporter(nlp):
    st = run(nlp, "1) Økonomi\na ) Update fra Mette om regnskabet\nKassen er gjort op.", first_names("Mette", "Lars"))
    s = next(s for s in st if "Update" in s.text)
    assert (s.speaker, s.act) == ("Mette", "orientere")


def test_a_task_label_is_no_statement_and_a_sibling_bullet_does_not_continue_it(nlp):
    body = ("1. Nyt fra foreningen\n• En beboer har fundet møl i kælderen. Aktion: Bo beder viceværten om at "
            "gennemgå kælderen.\n• Viceværten har flyttet cyklerne. Cyklerne er sat tilbage.\n"
            "2. Økonomi\n• Mette fortalte om regnskabet.\n• Kassen er gjort op.\n"
            "3. Eventuelt\nMette orienterede om:\n• Kassen er gjort op.\n• Banken har skiftet navn.\n")
    st = run(nlp, body, first_names("Bo", "Mette"))
    said = {s.text: s.speaker for s in st}
    assert said["Aktion: Bo beder viceværten om at gennemgå kælderen."] is None
    assert said["• Viceværten har flyttet cyklerne."] is None
    assert said["• Mette fortalte om regnskabet."] == "Mette"
    # a bullet after a sibling bullet that named its own speaker is a new point ...
    assert [s.speaker for s in st if s.text == "• Kassen er gjort op."] == [None, "Mette"]
    # ... while the bullets of a list a report opened stay the reporter's
    assert said["• Banken har skiftet navn."] == "Mette"


def test_a_report_heading_naming_its_author_after_a_dash(nlp):
    body = "2. Beretninger\nBeretning fra formand for kajak – Mia Holm\n3. Eventuelt\nFerie – Bo Lund har fri i juli.\n"
    st = run(nlp, body, first_names("Mia Holm", "Bo Lund"))
    head = next(s for s in st if s.text.startswith("Beretning fra"))
    assert (head.speaker, head.act, head.implicit) == ("Mia Holm", "berette", False)
    # (a topic and a dash before a sentence about a person is no report label)
    assert not any(s.act == "berette" for s in st if s.text.startswith("Ferie"))


def test_a_party_subject_is_not_the_member_signing_for_it():
    text = ("Referat Fjordby Byråd d. 27-08-2025\n1. Forslag fra V om cykelstier\n"
            "Venstre ønsker flere cykelstier i kommunen.\nOle Hansen\nByrådsmedlem, Venstre\n"
            "2. Eventuelt\nIntet.\n")
    r = processed(text)
    assert not any(s.speaker for s in r.statements)


@pytest.mark.parametrize("body, speaker, act", [
    ("§5 Formandens beretning ved Mette Lund\nVi har haft et godt år.", "Mette Lund", "berette"),  # the heading
    ("5. Beretning\nFormandsberetningen 2023 af Mette Lund, B7 er vedlagt.", "Mette Lund", "berette"),
])
def test_report_labels_in_headings_and_as_compounds(nlp, body, speaker, act):
    roster = [Attendee(name="Mette Lund", role="member", char_start=0, char_end=0)]
    dt = DocText.from_plain_text("Referat\nTil stede: Mette Lund\n" + body)
    heads = [b for b in dt.blocks if dt.block_text(b)[:1] in "§5"]
    items = [("5", heads[0].start, len(dt.text), heads[0].end)]
    doc = nlp.make_doc(dt.text)
    doc._.roster, doc._.item_spans = roster, items
    doc._.paragraphs = [(b.start, b.end) for b in dt.blocks]
    st = [s for s in nlp(doc)._.statements if s.speaker]
    assert (st[0].speaker, st[0].act) == (speaker, act)


def test_a_lettered_sub_point_is_not_part_of_the_item_title():
    doc = make_doc(["Referat af bestyrelsesmøde i Fagrådet den 3. marts 2025", ("1) Formalia", True), "Tekst.",
                    ("3) Økonomi\na ) Hvordan står det til med økonomien", True), "Fint.",
                    ("4) Eventuelt", True), "Intet."])
    assert [(i.number, i.title) for i in segment(doc).items] == [("1", "Formalia"), ("3", "Økonomi"), ("4", "Eventuelt")]


def test_a_role_only_a_company_plays_marks_the_name_before_it():
    text = ("Referat af møde den 10. november 2009\n1. Lokaler\nKim tager kontakt til Bolighuset (udlejer). "
            "Vi har talt med Peter Hansen (sponsor) om trøjer.\n")
    orgs = {e.canonical for e in processed(text).entities if e.label == "ORG"}
    assert orgs == {"Bolighuset"}  # a person with a role stays a person


def test_a_sponsor_is_an_organisation_unless_a_name_list_knows_the_name():
    text = ("Referat af møde den 10. november 2009\n1. Lejr\nPris kr. 1.000, støttet af Rotary. "
            "Turen er sponsoreret af Brugsen. Kaffen er støttet af Peter.\n")
    orgs = {e.canonical for e in processed(text).entities if e.label == "ORG"}
    assert orgs == {"Rotary", "Brugsen"}


def test_the_elected_dirigent_is_an_election_decision():
    text = "Referat af generalforsamling den 9. februar 2010\n1. Valg af dirigent\nTorben Lykke er dirigent og referent\n"
    r = processed(text)
    assert [(d.kind, d.text) for d in r.decisions] == [("election", "Torben Lykke er dirigent og referent")]


@pytest.mark.parametrize("sentence, speaker, act", [
    ("Mette og Lars tog forbehold.", "Mette", "tage forbehold"),  # a council member's position
    ("Lars kunne ikke tiltræde indstillingen.", "Lars", "tiltræde"),
])
def test_positions_taken_in_council_minutes(nlp, sentence, speaker, act):
    st = run(nlp, "1. Forslag\n" + sentence, first_names("Mette", "Lars"))
    s = next(s for s in st if s.text == sentence)
    assert (s.speaker, s.act) == (speaker, act)


def test_a_letter_dateline_is_not_the_meeting_date():
    doc = DocText.from_plain_text("Egeby den 12. marts 2014.\nGeneralforsamling i Egeby Roklub\nTirsdag den 11. marts "
                                  "2014 i klubhuset\n1. Valg af dirigent\nTekst.\n2. Eventuelt\nIntet.")
    front = segment(doc).front
    assert (front.title, front.meeting_date, front.body) == (
        "Generalforsamling i Egeby Roklub", date(2014, 3, 11), "Egeby Roklub")
    only = DocText.from_plain_text("Egeby den 12. marts 2014.\nReferat\n1. Valg af dirigent\nTekst.")
    assert segment(only).front.meeting_date == date(2014, 3, 12)  # the only date there is


def test_a_name_line_under_an_election_is_an_election_decision():
    text = ("Referat af generalforsamling den 9. februar 2010\n1. Valg af dirigent\nAksel Bruun, Skovvej 4\n"
            "Aksel takkede for valget.\n2. Valg af bestyrelse\nb. Næstformand (periode 1 år)\nKim Hovgaard\n"
            "3. Beretning\nJens Hansen\nHan fortalte om året.\n")
    r = processed(text)
    assert [(d.item, d.kind, d.text) for d in r.decisions] == [
        ("1", "election", "Aksel Bruun, Skovvej 4"), ("2", "election", "Kim Hovgaard")]  # not under 'Beretning'


def test_an_adjective_and_a_body_noun_make_a_name():
    text = ("Referat af møde den 7. april 2025\n1. Samarbejde\nKemisk Fagråd har inviteret os. "
            "Akademisk Råd mødes i maj. Vi talte om et godt råd.\n")
    orgs = {e.canonical for e in processed(text).entities if e.label == "ORG"}
    assert orgs == {"Kemisk Fagråd", "Akademisk Råd"}


def test_persons_who_took_no_part_in_an_item():
    text = ("Referat af udvalgsmøde den 4. december 2012\nTil stede: Anna Holm (A), Bo Frandsen (V), Carla Jessen (F)\n"
            "1. Budget\nIndstillingen godkendt.\nFølgende deltog ikke i behandlingen af punktet: Bo Frandsen (V)\n"
            "2. Takster\nTaget til efterretning.\nAnna Holm og Carla Jessen deltog ikke i sagens behandling.\n"
            "3. Eventuelt\nFølgende deltog ikke i behandlingen af punktet:\nIntet.\n")
    r = processed(text)
    assert {a.name: a.absent_items for a in r.attendance} == {
        "Anna Holm": ["2"], "Bo Frandsen": ["1"], "Carla Jessen": ["2"]}


@pytest.mark.parametrize("line, count", [
    ("Deltager i alt: 15 (incl. bestyrelsen)", 15),
    ("Der var et flot fremmøde på 31 medlemmer.", 31),
    ("Fremmødte: Der var repræsenteret 47 af foreningens 81 ejere.", 47),
    ("Foruden 4 medlemmer fra bestyrelsen var der fremmødt og repræsenteret 2 medlemmer.", 6),
    ("Foreningen har nu 120 medlemmer.", None),  # membership, not attendance
])
def test_attendance_given_as_a_count(line, count):
    from extract.assembly import attendance_count

    doc = DocText.from_plain_text(f"Referat af generalforsamling den 3. marts 2021\n{line}\n1. Valg af dirigent\nTekst.")
    assert attendance_count(doc, segment(doc).items) == count


@pytest.mark.parametrize("sentence, expected", [
    ("Der blev spillet januar –februar i sæsonen 2012.", ("januar –februar i sæsonen 2012", date(2012, 1, 1), date(2012, 2, 29))),
    ("Vi mødes 3. marts i 2019 igen.", ("3. marts i 2019", date(2019, 3, 3), date(2019, 3, 3))),
    # (a perfect with the season between the auxiliary and the participle is past)
    ("Vi har denne vinter kunnet mærke klimaet.", ("denne vinter", date(2012, 12, 1), date(2013, 2, 28))),
    ("Ole Berg suppleant (på valg 2014)", ("2014", date(2014, 1, 1), date(2014, 12, 31))),  # a term of office
    ("Punktet udskydes til en ny generalforsamling inden for seks måneder.",  # calendar months, not 180 days
     ("inden for seks måneder", date(2013, 10, 10), date(2013, 10, 10))),
])
def test_yearless_periods_in_informal_minutes(sentence, expected):
    from extract.nlp.temporal import find_temporal

    assert [(t.text, t.start, t.end) for t in find_temporal(sentence, date(2013, 4, 10))] == [expected]


def test_an_upper_case_heading_ends_a_decision_section():
    text = ("Referat af byrådets møde den 27. august 2025\n1. Parkering i midtbyen\nBeslutninger\n"
            "Indstillingen blev godkendt.\nBESLUTNINGSFORSLAG FRA A OG B\nDer er altid mange ledige pladser i p-husene.\n")
    decisions = [d.text for d in processed(text).decisions]
    assert any("Indstillingen blev godkendt" in d for d in decisions)
    assert not any("p-husene" in d for d in decisions)


def test_a_task_given_to_someone_is_a_decision():
    text = ("Referat af bestyrelsesmøde den 10. november 2009\nTil stede: Christian Holm, Ole Berg\n"
            "1. Klubhuset\nUdluftningen kører alt for længe – Christian tager kontakt til installatør.\n"
            "Ole Berg foreslog, at Christian skal ringe til kommunen.\n"
            "Hvordan går det med skabene (Ole Berg)\n")
    res = processed(text)
    assert any("tager kontakt til installatør" in a.task for a in res.actions)
    assert [(d.kind, d.item) for d in res.decisions if "installatør" in d.text] == [("assignment", "1")]
    assert not [d for d in res.decisions if "foreslog" in d.text or "skabene" in d.text]


def test_an_agenda_label_with_an_abbreviation_ends_the_absence_list():
    t = ("Referat fra generalforsamling den 2. april 2013\nTilstede:\nAnne Holm, Ole Berg.\n"
         "Afbud fra Pia Lund og Poul Greve\nDagsorden iflg. vedtægter:\n1. Valg af dirigent\n")
    roster = parse_attendance(DocText.from_plain_text(t), t.index("1. Valg"))
    assert [(a.name, a.role) for a in roster] == [
        ("Anne Holm", "member"), ("Ole Berg", "member"), ("Pia Lund", "absent"), ("Poul Greve", "absent")]


def test_a_companion_after_a_name_is_no_part_of_it():
    t = "Referat fra generalforsamlingen d. 5. april 2014\nDeltagere:\nBrian Uller\nSimon Bertel + Ven\nOle Berg\n1. Valg af dirigent\n"
    roster = parse_attendance(DocText.from_plain_text(t), t.index("1. Valg"))
    assert [a.name for a in roster] == ["Brian Uller", "Simon Bertel", "Ole Berg"]


def test_the_common_slip_ordstyren_is_the_dirigent(nlp):
    roster = [Attendee(name="Lars Ib", role="chair", job_title="dirigent", char_start=0, char_end=0),
              Attendee(name="Mette Berg", role="member", char_start=0, char_end=0)]
    st = run(nlp, "1. Eventuelt\nOrdstyren lukkede mødet og takkede for et godt møde.", roster)
    assert [s.speaker for s in st] == ["Lars Ib"]


def test_according_to_a_person_and_labels_of_a_proposal_or_an_appeal(nlp):
    st = run(nlp, "1. Vedtægter\nIflg. Ole Berg kan kassereren godt genvælges.\n"
                  "2. Forslag\nForslag fra Ole Berg\n3. Besøg\nOpfordring fra Kaj: husk at betale kontingent.\n"
                  "4. Tilbud\nMette opremsede tre mulige datoer.\n"
                  "5. Eventuelt\nForslag fra bestyrelsen\nForslag til et udvalg v/Kaj og Mette",
             first_names("Ole Berg", "Kaj Holm", "Mette Berg"))
    assert [(s.speaker, s.act) for s in st] == [
        ("Ole Berg", None), ("Ole Berg", "foreslå"), ("Kaj Holm", "opfordre"), ("Mette Berg", "opremse"),
        (None, None), (None, None)]


def test_a_question_or_remark_label_names_its_speaker(nlp):
    """"Spørgsmål fra X: …", "Svar fra Y: …", "Kommentar fra Z om …": the label's person said it."""
    st = run(nlp, "1. Eventuelt\nSpørgsmål fra Ole Berg: Hvad koster det?\nSvar fra Kaj: Det ved vi ikke.\n"
                  "Kommentar fra Mette om stien. Den er for smal.\nSpørgsmål fra salen om stien.",
             first_names("Ole Berg", "Kaj Holm", "Mette Berg"))
    assert [(s.speaker, s.act, s.implicit) for s in st] == [
        ("Ole Berg", "spørge", False), ("Kaj Holm", "svare", False), ("Mette Berg", "kommentere", False),
        ("Mette Berg", None, True), (None, None, False)]


def test_a_name_after_another_in_a_list_is_no_title_of_the_first(nlp):
    """'Ole Berg, Kaj Holm' in the attendance list does not make Ole Berg the 'kaj'."""
    st = run(nlp, "1. Besøg\nOpfordring fra kaj: kom.", first_names("Ole Berg", "Kaj Holm"))
    assert [s.speaker for s in st] == [None]


def test_informal_tasks_with_split_phrase_verbs_and_an_aside():
    text = ("Referat af bestyrelsesmøde den 10. november 2009\nTil stede: Kim, Erik, Bo.\n"
            "1. Diverse\nPlakaterne er klar. Kim printer og hænger op.\nErik tager hurtigst muligt kontakt til maleren.\n"
            "Bo (og evt. Ida) er på opgaven.\n")
    res = processed(text)
    assert [(a.owner, a.task) for a in res.actions] == [
        ("Kim", "printer og hænger op"), ("Erik", "tager hurtigst muligt kontakt til maleren"), ("Bo", "er på opgaven")]
    assert [d.kind for d in res.decisions] == ["assignment"] * 3


def test_an_election_heading_with_the_name_after_a_colon_is_the_election():
    text = ("Generalforsamling i Nordby Tennisklub\nTorsdag den 9. marts 2017 i klubhuset\nTilstede: Anne Holm, Ole Berg.\n"
            "Dagsorden:\n1. Valg af dirigent: Anne Holm.\nIndkaldelsen var udsendt i tide.\n"
            "2. Valg af revisor: se bilag\nIngen.\n")
    res = processed(text)
    assert [(i.number, i.title) for i in res.items][0] == ("1", "Valg af dirigent")
    assert [(d.kind, d.item, d.text) for d in res.decisions] == [("election", "1", "Valg af dirigent: Anne Holm.")]


def test_a_numeric_day_and_month_after_den_takes_the_hinted_year():
    assert yearless_meeting_date(["Referat til bestyrelsesmøde i klubben d. 8/3 kl 19.00"], [2011]) == date(2011, 3, 8)
    assert yearless_meeting_date(["Tirsdag den 8/3"], [2012]) == date(2011, 3, 8)  # a Tuesday in 2011
    assert yearless_meeting_date(["Vi vandt 3/4 af kampene"], [2011]) is None  # a fraction, no date


def test_outline_marks_with_a_full_stop_and_speakers_in_parentheses(nlp):
    st = run(nlp, "5. Krav\nb. Jens forventer at den nye træner bliver et par år.\n"
                  "c. Pall: Vi skal mødes med trænerne hver uge.\n"
                  "6. Rengøring\na. Klage: (Frede) Udover gulvet er vinduerne beskidte hver dag.\n"
                  "i. (Vibe) I den forbindelse synes jeg at vi skal tale om skabene.\n"
                  "(Frede): Jeg synes ikke at vi har nok hylder til det.\n"
                  "7. Andet\nUdkast vedlagt. (Frede) Vedtaget med en enkelt rettelse.",
             first_names("Jens Lund", "Páll Holm", "Frede Skov", "Vibe Dorf"))
    assert [(s.speaker, s.act) for s in st] == [
        ("Jens Lund", "forvente"), ("Páll Holm", "sige"), ("Frede Skov", "sige"), ("Vibe Dorf", "sige"),
        ("Frede Skov", "sige"), (None, None), (None, None)]
    assert st[3].text.startswith("i. (Vibe)")  # the outline mark opens no sentence of its own


def test_a_first_name_alone_takes_the_lists_initial_convention_from_the_text():
    t = ("Referat af bestyrelsesmøde\nTilstede: Ole T., Henrik, Bo og Ole S.\n"
         "1. Regnskab\nHenrik gennemgik regnskabet. Henrik K. foreslog en ny kasserer.\n")
    res = processed(t)
    assert [a.name for a in res.attendance] == ["Ole T.", "Henrik K.", "Bo", "Ole S."]
    assert [s.speaker for s in res.statements if "gennemgik" in s.text or "foreslog" in s.text] == ["Henrik K.", "Henrik K."]


def test_a_labelled_yearless_date_is_not_overruled_by_a_later_date_in_the_front_matter():
    t = ("Referat af bestyrelsesmøde i Nordby Tennisklub.\nDato: 9. april.\nTilstede: Ole, Henrik.\n"
         "Ole læste referatet fra mødet d. 14.11.2009 op.\nAd 1:\nTekst i 2010.\n")
    from extract.segment import segment

    assert segment(DocText.from_plain_text(t), "bestyrelse-2010").front.meeting_date == date(2010, 4, 9)


def test_a_proposed_dirigent_and_referent_with_their_firm_and_the_body_without_the_meeting_kind():
    t = ("Referat\nG/F Nordparken – ordinær generalforsamling\nMødedato: 3. maj 2019, kl. 18:00\n"
         "1. Valg af dirigent og referent.\nBestyrelsen foreslog Eva Lund Holm fra Nord Administration A/S som dirigent, "
         "og Bo Ask fra Nord Administration A/S som referent. Forslaget blev enstemmigt vedtaget.\n"
         "Dirigenten konstaterede at generalforsamlingen var lovligt indvarslet.\n2. Beretning\nTekst.\n")
    res = processed(t)
    assert res.document.body == "G/F Nordparken"
    assert [(a.name, a.role, a.organisation) for a in res.attendance] == [
        ("Eva Lund Holm", "chair", "Nord Administration A/S"), ("Bo Ask", "secretary", "Nord Administration A/S")]
    assert [s.speaker for s in res.statements if s.text.startswith("Dirigenten")] == ["Eva Lund Holm"]


def test_an_elected_name_takes_the_fuller_spelling_of_its_signature():
    t = ("Referat af generalforsamling den 3. maj 2019\n1. Valg af dirigent\nEva Lund Holmgard blev valgt som dirigent.\n"
         "2. Eventuelt\nIntet.\nUnderskrevet af Eva Lund Holmgaard.\n")
    assert [(a.name, a.role) for a in processed(t).attendance] == [("Eva Lund Holmgaard", "chair")]


def test_candidates_up_for_election_are_not_elected():
    t = ("Referat af ordinær generalforsamling den 2. april 2019\n1. Valg af dirigent\nLene Holm blev valgt\n"
         "2. Valg til bestyrelsen samt suppleanter.\nPå valg:\nUlf Berg, modtager genvalg\nHelle Dam\nBlev valgt\n"
         "Ikke på valg:\nAnne Lind\nJan Borg\nValgt som suppleanter er:\nBent Kofoed\n"
         "3. Valg af revisor\na. På valg var :\nLars Vind, F3 genvalgt\n")
    assert [(d.item, d.text) for d in processed(t).decisions] == [
        ("1", "Lene Holm blev valgt"), ("2", "Blev valgt"), ("2", "Valgt som suppleanter er:\nBent Kofoed"),
        ("3", "Lars Vind, F3 genvalgt")]


def test_the_agent_of_a_passive_report_is_its_speaker(nlp):
    st = run(nlp, "1. Budget\nRegnskabet blev fremlagt af Ulf Berg\nÅrets budget omdelt og gennemgået af Mia Holm.\n"
                  "Regnskabet er godkendt af Ulf Berg.\nDet blev besluttet, at forslaget fremlagt af Mia Holm vedtages.",
             first_names("Ulf Berg", "Mia Holm"))
    assert [(s.speaker, s.act, s.implicit) for s in st] == [
        ("Ulf Berg", "fremlægge", False), ("Mia Holm", "gennemgå", False), (None, None, False), (None, None, False)]


def test_the_agent_of_an_s_passive_report_and_a_title_before_it(nlp):
    st = run(nlp, "1. Budget\nBudgettet fremlægges af kasserer Ulf Berg. Der er et lille underskud.\n"
                  "Vedtægterne gennemgås af Mia Holm.\nSagen forelægges af kassereren Ulf Berg.\n"
                  "Forslaget blev stillet af Mia Holm og vedtaget.\nRegnskabet sendes af Ulf Berg.",
             first_names("Ulf Berg", "Mia Holm"))
    assert [(s.speaker, s.act, s.implicit) for s in st] == [
        ("Ulf Berg", "fremlægge", False), ("Ulf Berg", None, True), ("Mia Holm", "gennemgå", False),
        ("Ulf Berg", "forelægge", False), (None, None, False), (None, None, False)]


def test_coming_with_a_presentation_is_a_report(nlp):
    st = run(nlp, "1. Valg\nMia Holm kommer med en præsentation af sig selv. Ønsker at udvikle klubben.\n"
                  "Ulf Berg kom med et oplæg om økonomien.", first_names("Ulf Berg", "Mia Holm"))
    assert [(s.speaker, s.act, s.implicit) for s in st] == [
        ("Mia Holm", "komme med", False), ("Mia Holm", None, True), ("Ulf Berg", "komme med", False)]


def test_a_speaker_whose_first_name_no_list_has(nlp):
    st = run(nlp, "1. Regnskab\nRosalind Bach-Nielsen, F7 fremlagde regnskabet for 2022.\n"
                  "Solbakke Vandværk oplyste at vandet er godt.\nAarhus Kommune oplyste intet.", first_names("Ole Berg"))
    assert [s.speaker for s in st] == ["Rosalind Bach-Nielsen", None, None]


@pytest.mark.parametrize("reference, heading", [
    ("2. Bestyrelsens beretning\nBeretningen 2023 af Mia Holm er særskilt vedlagt", "Beretning 2023"),
    # a long heading naming its author matches the item's "beretninger er vedhæftet" by its first word
    ("2. Aflæggelse og godkendelse af beretninger\nBlev godkendt. De enkelte beretninger er vedhæftet.",
     "Beretning fra formand for kajak – Mia Holm"),
])
def test_an_attached_report_is_the_reporters_and_its_items(reference, heading):
    t = ("Referat ordinær generalforsamling\nGrundejerforeningen Nordbakken\nonsdag den 6. marts 2024 kl. 19.30\n"
         "1. Valg af dirigent\nKim Dam blev valgt som dirigent\n" + reference + "\n3. Eventuelt\nIntet.\n"
         "\f" + heading + "\nÅret gik med at male hegnet den 5. maj 2023. Vi har plantet tre nye træer.\n")
    res = processed(t)
    assert [(i.number, i.attachment_start is not None) for i in res.items] == [("1", False), ("2", True), ("3", False)]
    rep = [s for s in res.statements if "male hegnet" in s.text or "nye træer" in s.text]
    assert [(s.item, s.speaker, s.implicit) for s in rep] == [("2", "Mia Holm", True)] * 2
    assert [(d.item, d.start.isoformat()) for d in res.dates if d.text.endswith("5. maj 2023")] == [("2", "2023-05-05")]
    assert not any(s.text.startswith(heading) and s.item == "3" for s in res.statements)


def test_a_topic_label_before_the_speaker(nlp):
    st = run(nlp, "1. Andet\nh. Padel: Anders B. foreslår at vi prøver en padelbane.\nBirgit Holm: husk at betale.",
             first_names("Anders B.", "Birgit Holm"))
    assert [(s.speaker, s.act) for s in st] == [("Anders B.", "foreslå"), ("Birgit Holm", "sige")]


def test_an_outline_entry_opening_with_a_person_and_a_present_verb_is_their_task():
    t = ("Referat af bestyrelsesmøde den 8. marts 2011\nTil stede: Ida Vest, Bo Lund, Eva Dam\n1. Evt\n"
         "e. Hallen mangler frivillige.\ni. Ida jagter og får en liste over vagter\n"
         "f. Eva jagter tilsvarende kontakt til hallen\nBo mener at det er fint.\n"
         "Bo mangler at male skuret.\nNordby Kommune dækker også mange mindre byer.\n")
    res = processed(t)
    assert [(a.owner, a.task) for a in res.actions] == [
        ("Ida Vest", "jagter og får en liste over vagter"), ("Eva Dam", "jagter tilsvarende kontakt til hallen")]
    assert [d.kind for d in res.decisions] == ["assignment", "assignment"]


def test_the_proposer_of_a_motion(nlp):
    st = run(nlp, "1. Forslag\nForslagsstiller: Eva Holm, byrådsmedlem (M), Nordby\nForslagsstiller: bestyrelsen",
             first_names("Eva Holm"))
    assert [(s.speaker, s.act) for s in st] == [("Eva Holm", "foreslå"), (None, None)]


def test_report_labels_with_a_topic_the_formand_by_their_report_and_a_house_number():
    t = ("Generalforsamling\nReferat, grundejerforeningen, 3. juni, 2019\n1) Valg af dirigent og referent\n"
         "Dirigent: Anne Marie Holm\nBo Dam nr. 14 blev valgt som referent\n"
         "2) Formandens beretning v/ Anne Marie Holm\nMarie oplyste at foreningen har fået ny kasserer.\n"
         "3) Forelæggelse af årsregnskab v/ Per Kjær\nGodkendt.\n"
         "4) Forslag om nye regler for hegn og hække mellem husene v/ Per Kjær\nVedtaget.\n"
         "5) Eventuelt\nFormanden takkede for god ro og orden.\n")
    res = processed(t)
    assert res.document.body == "grundejerforeningen"  # (not "Generalforsamling": that is the meeting's kind)
    assert [(a.name, a.role) for a in res.attendance] == [("Anne Marie Holm", "chair"), ("Bo Dam", "secretary")]
    assert [(s.item, s.speaker, s.act) for s in res.statements if s.speaker] == [
        ("2", "Anne Marie Holm", "berette"), ("2", "Anne Marie Holm", "oplyse"), ("3", "Per Kjær", "forelægge"),
        ("4", "Per Kjær", "foreslå"), ("5", "Anne Marie Holm", "takke")]


# --------------------------------------------------------------------------- outlines, answers, labels

def test_outline_entries_and_their_labels_in_a_board_meeting():
    t = ("Referat til bestyrelsesmøde i Nordby Judoklub d. 8. marts 2011\n"
         "Til stede: Ida Vest, Bo Lund, Eva Dam\n"
         "1. Vedtægter og regler: For at undgå problemer som ved den sidste generalforsamling\n"
         "2010. Vil det være en god idé at skrive forslag nu.\n"
         "a. Næste generalforsamling. Ida forslår 1. februar 2012\n"
         "2. Flere frivillige (Forslag fra Karen Bach): Kan vi bruge forældrene mere?\n"
         "3. Trøjer med klubbens logo. Skal det gå gennem klubshoppen?\n"
         "a. Skal vi finde en ny leverandør?\n"
         "i. Ja, vi skal finde et alternativ.\n"
         "b. Ja, vi kører det gennem klubshoppen.\n"
         "4. Rengøring\n"
         "a. Der lå meget skrald ved udstyret.\n"
         "i. Løsning: Hylder skal laves\n"
         "b. Forslag om nye måtter (Bo)\n"
         "viii. Eva Laver en ny mailliste til Bo så han kan skrive ud\n"
         "5. Evt\n"
         "a. Kontakt Vandværket om at lappe taget\n"
         "b. Bo tager kontakt til Sportshallen og til Dennis\n"
         "c. Ja, vi har haft en god sæson.\n")
    res = processed(t)
    assert [i.title for i in res.items] == [
        "Vedtægter og regler", "Flere frivillige", "Trøjer med klubbens logo", "Rengøring", "Evt"]
    assert ("1", "Ida Vest", "foreslå") in [(s.item, s.speaker, s.act) for s in res.statements]
    decisions = [(d.item, d.text) for d in res.decisions]
    assert ("3", "i. Ja, vi skal finde et alternativ.") in decisions
    assert ("3", "b. Ja, vi kører det gennem klubshoppen.") in decisions
    assert ("4", "Løsning: Hylder skal laves") in decisions
    assert not [d for d in res.decisions if "måtter" in d.text or "god sæson" in d.text]  # no question before "Ja, vi har"
    # the listed first name before a capitalised verb is the listed person, no "Eva Laver"
    assert [(a.owner, a.task) for a in res.actions if a.item == "4"] == [
        ("Eva Dam", "Laver en ny mailliste til Bo så han kan skrive ud")]
    assert "Eva Laver" not in {e.canonical for e in res.entities}
    orgs = {e.canonical for e in res.entities if e.label == "ORG"}
    assert {"Vandværket", "Sportshallen"} <= orgs and "Dennis" not in orgs


def test_an_assembly_titled_by_its_kind_with_the_association_in_lower_case():
    t = ("Generalforsamling\nReferat, ejerforeningen, 4. juni, 2019\n1) Valg af dirigent og referent\n"
         "Dirigent: Anne Holm\nReferent: Bo Dam\n"
         "2) Indkomne forslag\nBestyrelsen har fremsat forslag om nye regler for hegn.\n"
         "Forslaget er enstemmigt vedtaget af de fremmødte.\n"
         "Forslag om kontingent for de nye lejligheder v/ Per Kjær.\n"
         "Lars fra 4B lovede at melde tilbage.\n"
         "De nye legepladser efterlyses – dette er, jf. Lars, noget som foreningen skal tage sig af.\n"
         "Det er, jf. paragraf 4, ikke muligt.\n"
         "3) Fastlæggelse af budget v/ Per Kjær\nBudgettet blev godkendt.\n"
         "4) Valg af suppleanter\nSuppleanter vælges for et år ad gangen. Eva Bach modtog genvalg.\n")
    res = processed(t)
    assert res.document.body == "ejerforeningen"
    decisions = [(d.item, d.kind, d.text) for d in res.decisions]
    assert ("1", "election", "Dirigent: Anne Holm") in decisions
    assert ("2", "approval", "Forslaget er enstemmigt vedtaget af de fremmødte.") in decisions
    assert not [d for d in decisions if "ad gangen" in d[2]]  # a standing rule, not this meeting's election
    assert [(s.item, s.speaker, s.act) for s in res.statements if s.speaker and not s.implicit] == [
        ("2", "Per Kjær", "foreslå"), ("2", "Lars", "love"), ("2", "Lars", None), ("3", "Per Kjær", "fremlægge")]


def test_a_web_printed_assembly_with_sub_items_a_skipped_number_and_signatures():
    t = ("Referat for Søndervang Cykelklub generalforsamling d. 2022.03.04 kl 19:00\n"
         "Tilstede er Anders, Bente, Carl og Dorte\n"
         "1) Valg af ordstyrer.\nCarl valgt til ordstyrer.\n"
         "2) Indkomne forslag.\n"
         "2.1) Bestyrelsens ændringer af vedtægter: Ny postadresse.\nIngen kommentarer. Godkendt.\n"
         "2.2) Bestyrelsens ændringer af vedtægter: Virtuelle møder.\nGodkendt.\n"
         "4) Valg af revisor\nRevisor genvalgt.\n"
         "5) Eventuelt.\nFormanden takkede for god ro og orden.\n"
         "Underskrifter:\nDirigent: Carl Holm\nFormand/referent: Anders Bak\nSekretær: Bente Lund\n"
         "Kasserer: Dorte K Friis\n")
    res = processed(t)
    assert res.document.meeting_date == date(2022, 3, 4)
    assert [(i.number, i.title) for i in res.items] == [
        ("1", "Valg af ordstyrer"), ("2", "Indkomne forslag"),
        ("2.1", "Bestyrelsens ændringer af vedtægter: Ny postadresse"),
        ("2.2", "Bestyrelsens ændringer af vedtægter: Virtuelle møder"), ("4", "Valg af revisor"), ("5", "Eventuelt")]
    roles = {(a.name, a.role) for a in res.attendance}
    # the dirigent chairs; the referent is the formand (his job title), and beside a named referent
    # "Sekretær" is a board post; every first name of the list is named in full once
    assert roles == {("Carl Holm", "chair"), ("Anders Bak", "secretary"), ("Bente Lund", "member"),
                     ("Dorte K Friis", "member")}
    assert ("5", "Anders Bak") in [(s.item, s.speaker) for s in res.statements if not s.implicit]


def test_an_election_label_with_its_names_is_one_decision_and_a_list_ends_at_a_count():
    t = ("Generalforsamling Nordby Haveforening\nReferat\nNordby, 3. marts 2021\nTilstede:\nEva Holm\nBo Dam\n"
         "Jens-Ole Kirk-Hansen\nMindst 40 gæster fra nabolaget deltog.\n"
         "1. Bestyrelsens beretning\nJens-Ole Kirk-Hansen oplæser bestyrelsens beretning.\n"
         "2. Valg af bestyrelse\nBestyrelsen skal have 3 medlemmer. Valgt til bestyrelsen er:\nEva Holm\nBo Dam\n"
         "Karen Vig\n3. Evt.\nIntet.\n")
    res = processed(t)
    assert [a.name for a in res.attendance if a.role == "member"] == ["Eva Holm", "Bo Dam", "Jens-Ole Kirk-Hansen"]
    assert [(d.item, d.text) for d in res.decisions] == [
        ("2", "Valgt til bestyrelsen er:\nEva Holm\nBo Dam\nKaren Vig")]
    assert [(s.item, s.speaker, s.act) for s in res.statements if s.speaker and not s.implicit] == [
        ("1", "Jens-Ole Kirk-Hansen", "oplæse")]


def test_a_committee_line_under_an_election_item_records_who_fills_it():
    t = ("Referat af generalforsamling i Foreningen Nordlys lørdag d. 4. marts 2023\n"
         "1. Beretning fra udvalg\nFestudvalg – Søren, Michael og Andreas. Status ukendt.\n"
         "2. Valg til udvalg\nFestudvalg – Søren, Michael og Andreas.\nHjemmesideudvalg – HC og Christian.\n"
         "På valg er: Hans og Grete.\nKommentar – det var godt.\nReferat: Søren Holm\n3. Eventuelt\nIntet.\n")
    res = processed(t)
    # a report on the committees (item 1) elects nobody; candidates "på valg", a comment line and who
    # wrote the minutes are no post
    assert [(d.item, d.kind, d.text) for d in res.decisions] == [
        ("2", "election", "Festudvalg – Søren, Michael og Andreas."),
        ("2", "election", "Hjemmesideudvalg – HC og Christian.")]


def test_action_labels_inside_a_paragraph_name_their_owner():
    t = ("Referat af bestyrelsesmøde 16. januar 2020\nTil stede: Bernd Holm, Peter Dam\nPunkt 1: Nyt\n"
         "• Der er solgt to lejligheder per 15. januar. Bestyrelsen ønsker en månedlig status. "
         "Aktion: Bernd henvender sig til Sundby Rengøringsservice.\n"
         "Røglemmen skal justeres. Aktion: Peter rykker tømrerfirmaet for et svar. Det koster ikke ekstra.\nPunkt 2: Evt\nIntet.\n")
    res = processed(t)
    assert [(a.owner, a.task) for a in res.actions] == [
        ("Bernd Holm", "henvender sig til Sundby Rengøringsservice"), ("Peter Dam", "rykker tømrerfirmaet for et svar")]
    assert "Sundby Rengøringsservice" in {e.canonical for e in res.entities if e.label == "ORG"}
    assert ("15. januar", date(2020, 1, 15)) in [(d.text, d.start) for d in res.dates]


def test_statute_verdicts_elections_as_nouns_and_questions_with_names():
    t = ("Referat af generalforsamling i Klubben Søen den 3. maj 2019\nTil stede: Anne Holm, Bo Kjær\n"
         "1. Indkomne forslag\nForslag om ny ordlyd af kontingentreglen.\nUdtages og sættes i udvalg!\n"
         "Planen omformuleres ofte.\n"
         "2. Valg af bestyrelse\nDer var genvalg til følgende:\nAnne Holm, ejer af Søvej 22 (formand)\n"
         "Der var ikke genvalg til nogen.\n"
         "3. Skabe\na ) Hvordan går det med skabene (Anne og Bo)\nb) Nye skabe bestilles (Bo)\n")
    res = processed(t)
    assert [(d.item, d.kind, d.text) for d in res.decisions] == [
        ("1", "deferred", "Udtages og sættes i udvalg!"),
        ("2", "election", "Der var genvalg til følgende:\nAnne Holm, ejer af Søvej 22 (formand)"),
        ("3", "assignment", "b) Nye skabe bestilles (Bo)")]


def test_a_board_subtitle_with_the_association_a_decision_opened_by_at_colon_and_tasks_in_the_present():
    t = ("Referat\nBestyrelsesmøde – ejerforeningen Solhaven\nDato: 16/12/2019\n"
         "Til stede: Henrik, Morten, Klavs\nReferent: Klavs\n"
         "Punkt 1 – Levering\nSkal vi udlevere chip til Flink.com og andre?\n"
         "Emnet drøftes og det besluttes at:\nBestyrelsen indgår i dialog med firmaerne.\n"
         "Bestyrelsen mener ikke at det er et anliggende for bestyrelsen.\n"
         "Punkt 2 – Eventuelt\nMorten ringer til Peter og spørger.\nNæste møde aftales til d. 3/2 kl.16-18 hos Morten.\n")
    res = processed(t)
    assert res.document.body == "ejerforeningen Solhaven"
    assert [(d.item, d.text) for d in res.decisions] == [
        ("1", "Emnet drøftes og det besluttes at:\nBestyrelsen indgår i dialog med firmaerne.\n"
              "Bestyrelsen mener ikke at det er et anliggende for bestyrelsen."),
        ("2", "Morten ringer til Peter og spørger."), ("2", "Næste møde aftales til d. 3/2 kl.16-18 hos Morten.")]
    assert not [s for s in res.statements if s.speaker and not s.implicit]  # a task in the present, not a report
    assert "Flink.com" in {e.canonical for e in res.entities if e.label == "ORG"}


def test_assembly_roles_elected_by_a_colon_or_by_assent_and_a_title_before_the_speaker():
    t = ("Referat fra ordinær generalforsamling i E/F Søparken den 5. april 2018\n1. Valg af dirigent\n"
         "Formanden Bent Holm bød velkommen. Formanden Bernd Schittenhelm bød også velkommen.\n"
         "Som dirigent blev valgt: Mikkel Dahl.\n"
         "2. Valg af referent\nBent Holm foreslog Eva Kirk som referent, hvilket generalforsamlingen tilsluttede sig.\n"
         "3. Forslag\nForslagsstilleren Arne Jacobsen argumenterede for forslaget.\n4. Eventuelt\nIntet.\n")
    res = processed(t)
    assert {(a.name, a.role) for a in res.attendance} >= {("Mikkel Dahl", "chair"), ("Eva Kirk", "secretary")}
    assert [(s.item, s.speaker) for s in res.statements if s.speaker and not s.implicit] == [
        ("1", "Bent Holm"), ("1", "Bernd Schittenhelm"), ("2", "Bent Holm"), ("3", "Arne Jacobsen")]


def test_guests_from_an_outside_firm_the_assembly_assenting_and_a_mandate():
    t = ("Referat af ekstraordinær generalforsamling i E/F Søparken den 3. maj 2019\n"
         "Projektchef Lars Rahbek, BYGA, bød velkommen. Fra Nord Administration var mødt afdelingsleder Per Holm "
         "og afdelingschef Anni Frandsen.\n1. Valg af dirigent\n"
         "Lars Rahbek foreslog Per Holm som dirigent, hvilket generalforsamlingen tilsluttede sig.\n"
         "2. Valg af revisor\nBestyrelsen fik bemyndigelse til at vælge revisor.\n"
         "Hvis vi får mandat til at købe ind, gør vi det.\n3. Evt\nIntet.\n")
    res = processed(t)
    assert {(a.name, a.role, a.organisation) for a in res.attendance} == {
        ("Per Holm", "chair", "Nord Administration"), ("Anni Frandsen", "guest", "Nord Administration")}
    assert [(d.item, d.text) for d in res.decisions] == [
        ("1", "Lars Rahbek foreslog Per Holm som dirigent, hvilket generalforsamlingen tilsluttede sig."),
        ("2", "Bestyrelsen fik bemyndigelse til at vælge revisor.")]
    assert "BYGA" in {e.canonical for e in res.entities if e.label == "ORG"}


def test_election_bullets_in_a_second_level_list():
    t = ("Referat af generalforsamling 2026\n1. Valg af dirigent\n"
         "• Bestyrelsen foreslog Ole Kragh, der blev valgt uden modkandidater.\n"
         "2. Valg til bestyrelsen\nPå valg er:\n• Eva Holm (modtager ikke genvalg)\n"
         "• bestyrelsen foreslår Ida Lund (Vej 26)\n• Indvalgt enstemmigt\n"
         "3. Kontingent\n• Uændret 500 kr. Vedtages enstemmigt\n"
         "4. Eventuelt\n• Her kan alt diskuteres, men intet vedtages.\n")
    r = processed(t)
    assert [(a.name, a.role) for a in r.attendance] == [("Ole Kragh", "chair")]
    assert [(d.item, d.kind, d.text) for d in r.decisions] == [
        ("1", "election", "• Bestyrelsen foreslog Ole Kragh, der blev valgt uden modkandidater."),
        ("2", "election", "• Indvalgt enstemmigt"), ("3", "approval", "• Uændret 500 kr. Vedtages enstemmigt")]
    assert [s.speaker for s in r.statements if s.item == "2"] == [None, None, None, None]


def test_a_short_fragment_before_a_bare_verdict_is_what_it_decides():
    t = "Referat\n1. Regnskab\nRegnskabet blev gennemgået. Godkendt.\n2. Diverse\nIntet nyt. Bestyrelsen vedtog at købe en plæneklipper.\n"
    assert [(d.item, d.text) for d in processed(t).decisions] == [
        ("1", "Regnskabet blev gennemgået. Godkendt."), ("2", "Bestyrelsen vedtog at købe en plæneklipper.")]


def test_a_report_label_with_a_title_and_notes_from_it(nlp):
    st = run(nlp, "1. Beretning\nStikord fra beretningen ved formand Ulf Berg:\n• Nye medlemmer\n• Ny hjemmeside\n"
                  "Spørgsmål til beretningen:\n• Hvad koster den?\nBeretning ved kasserer Mia Holm:\n• Alt er betalt",
             first_names("Ulf Berg", "Mia Holm"))
    assert [(s.speaker, s.implicit) for s in st] == [
        ("Ulf Berg", False), ("Ulf Berg", True), ("Ulf Berg", True), (None, False), (None, False),
        ("Mia Holm", False), ("Mia Holm", True)]


def test_a_speakers_line_ending_in_a_colon_owns_the_paragraphs_below_it(nlp):
    st = run(nlp, "1. Forslag\n• Forslag fra Ulf Berg, Skovvej 23:\nBakken er vokset til. Det begrænser glæden.\n"
                  "Jeg vil derfor foreslå, at foreningen drøfter det.\n• Forslaget blev vedtaget enstemmigt.\n"
                  "Bestyrelsen er glad.", first_names("Ulf Berg", "Mia Holm"))
    assert [(s.speaker, s.implicit) for s in st] == [
        ("Ulf Berg", False), ("Ulf Berg", True), ("Ulf Berg", True), ("Ulf Berg", True), (None, False), (None, False)]


def test_a_verdict_in_the_perfect_or_noted_continues_no_speaker(nlp):
    st = run(nlp, "1. Beretning\nUlf Berg fremlagde beretningen. Der har været problemer med vaskeriet. "
                  "Beretningen blev taget til efterretning.\n2. Plan\nMia Holm orienterede om planen. "
                  "Planen tages til efterretning. Hun sagde, at huset blev godkendt.", first_names("Ulf Berg", "Mia Holm"))
    assert [(s.speaker, s.implicit) for s in st] == [
        ("Ulf Berg", False), ("Ulf Berg", True), (None, False), ("Mia Holm", False), (None, False), ("Mia Holm", False)]


def test_the_sentence_after_an_open_question_is_not_the_askers(nlp):
    st = run(nlp, "1. Vand\nUlf Berg spurgte, om der er fundet pesticider. Det er der ikke.\n"
                  "2. Økonomi\nMia Holm spurgte ind til økonomien og fik status fra Ulf. Hun er tilfreds.",
             first_names("Ulf Berg", "Mia Holm"))
    # (a question answered in its own sentence leaves the asker speaking)
    assert [(s.speaker, s.implicit) for s in st] == [
        ("Ulf Berg", False), (None, False), ("Mia Holm", False), ("Mia Holm", True)]


def test_a_quote_before_an_inverted_reporting_verb_is_what_is_said(nlp):
    # ("Karl" is also a common word: after a reporting verb the capitalised word is the listed person)
    st = run(nlp, "1. Økonomi\n”Det er bare det jeg skal vide” bemærkede Karl.\nDet sagde Ulf.",
             first_names("Ulf Berg", "Karl Holm"))
    assert [(s.speaker, s.act, s.implicit) for s in st] == [("Karl Holm", "bemærke", False), ("Ulf Berg", "sige", False)]


def test_the_referent_signing_the_minutes_is_not_elected_under_a_later_election_item():
    t = ("Referat af generalforsamling\n1. Valg af dirigent og referent\nDirigent: Preben Munk\nReferent: Jette Lund\n"
         "2. Valg\nOle Nygaard blev genvalgt.\n\nReferent: Jette Lund\n")
    assert [(d.item, d.text) for d in processed(t).decisions] == [
        ("1", "Dirigent: Preben Munk"), ("1", "Referent: Jette Lund"), ("2", "Ole Nygaard blev genvalgt.")]


def test_plain_short_lines_over_lists_are_the_items_of_minutes_without_numbers_or_styles():
    t = ("Referat af bestyrelsesmøde den 1. april 2025\nTilstede:\n• Eva Holm\n• Bo Dam\nReferent: Eva Holm\n"
         "Konstituering af bestyrelsen\n• Formand: Eva Holm\n• Kasserer: Bo Dam\n"
         "Punkter drøftet\n• Det drøftes, at der kan oprettes et festudvalg i løbet af foråret.\n"
         "Øvrige emner\n• Bo foreslår en opdatering af vedtægterne.\nNæste møde\nAftales til den 19. august hos Eva.\n")
    res = processed(t)
    # "Tilstede:" is a label and "Bo Dam" a name, never a heading; the items are numbered in order
    assert [(i.number, i.title) for i in res.items] == [
        ("1", "Konstituering af bestyrelsen"), ("2", "Punkter drøftet"), ("3", "Øvrige emner"), ("4", "Næste møde")]


def test_a_report_item_topic_line_names_who_reports_the_paragraphs_below_it():
    t = ("Referat af generalforsamling i Idrætsforeningen Nordby 19. maj 2021\n\n1. Beretninger\n"
         "Formandens beretning ved Jesper Holm Sørensen.\nVi har haft mange nye medlemmer.\nVi måtte aflyse festen.\n"
         "Fodbold ved Mona Henningsen.\nDet har været et godt år. Holdet rykkede op.\n"
         "2. Eventuelt\nMødet blev holdt ved Mona Henningsen.\nVi besluttede at holde fest.\n")
    st = [(s.item, s.speaker, s.act, s.implicit) for s in processed(t).statements]
    assert st == [
        ("1", "Jesper Holm Sørensen", "berette", False), ("1", "Jesper Holm Sørensen", None, True),
        ("1", "Jesper Holm Sørensen", None, True), ("1", "Mona Henningsen", "berette", False),
        ("1", "Mona Henningsen", None, True), ("1", "Mona Henningsen", None, True),
        # outside a reports item a "ved" line reports nothing, and "Vi besluttede" is the meeting acting
        ("2", None, None, False), ("2", None, None, False)]


def test_a_candidacy_elected_in_the_same_sentence_is_an_election_not_speech():
    t = ("Referat af generalforsamling i Idrætsforeningen Nordby 19. maj 2021\n\n1. Valg af dirigent\n"
         "Carl Hansen bliver valgt.\n2. Valg til bestyrelse\na. Valg af formand. Jesper Holm ønsker genvalg og vælges.\n"
         "b. Trine Holm ønsker at bestyrelsen arbejder videre.\n3. Eventuelt\nIntet.\nReferat ved:\nTrine W. Schoubye\n")
    res = processed(t)
    assert [(d.item, d.text) for d in res.decisions] == [
        ("1", "Carl Hansen bliver valgt."), ("2", "Jesper Holm ønsker genvalg og vælges.")]
    assert [(s.speaker, s.act) for s in res.statements if s.speaker] == [("Trine Holm", "ønske")]
    # the present "bliver valgt" under "Valg af dirigent"; the referent's name on the line under "Referat ved:"
    assert {(a.name, a.role) for a in res.attendance} >= {("Carl Hansen", "chair"), ("Trine W. Schoubye", "secretary")}
