"""referat_dates: the spaCy wrapper around extract.nlp.temporal — rows, sentence text,
deadline passthrough, offsets, and no item/page (the pipeline fills those)."""
from __future__ import annotations

from datetime import date

import spacy

from helpers import component_doc

from extract.nlp import base  # noqa: F401
from extract.nlp.dates import DatesComponent, date_mentions, sentence_ranges
from extract.schema import DateMention

MEETING = date(2021, 3, 4)
NLP = spacy.blank("da")
COMPONENT = DatesComponent()


def make_doc(text: str, *, meeting_date: date | None = MEETING, split: bool = True):
    return component_doc(NLP, text, meeting_date=meeting_date, split=r"\n|(?<=[.!?])\s+(?=[A-ZÆØÅ])" if split else None)


def run(text: str, **kw) -> list[DateMention]:
    doc = COMPONENT(make_doc(text, **kw))
    return doc._.dates


def test_rows_with_sentence_offsets_and_no_item():
    text = "Referat af mødet den 4. marts 2021\nRapporten skal være færdig senest 1. juni 2021. Vi mødtes sidst den 3. februar 2021."
    rows = run(text)
    assert [(r.start, r.end, r.granularity) for r in rows] == [
        (date(2021, 3, 4), date(2021, 3, 4), "day"),
        (date(2021, 6, 1), date(2021, 6, 1), "day"),
        (date(2021, 2, 3), date(2021, 2, 3), "day"),
    ]
    for r in rows:
        assert text[r.char_start:r.char_end] == r.text
        assert r.item is None and r.page is None and r.doc_id == ""
    assert rows[0].sentence == "Referat af mødet den 4. marts 2021"  # the title line counts too
    assert rows[1].sentence == "Rapporten skal være færdig senest 1. juni 2021."
    assert rows[2].sentence == "Vi mødtes sidst den 3. februar 2021."


def test_deadline_flag_is_passed_through():
    rows = run("Rapporten skal være færdig senest 1. juni 2021. Vi mødtes sidst den 3. februar 2021.")
    assert [r.deadline for r in rows] == [True, False]


def test_relative_expressions_use_the_meeting_date():
    (week,) = run("Sekretariatet sender udkastet i uge 12.")
    assert (week.start, week.end, week.granularity) == (date(2021, 3, 22), date(2021, 3, 28), "week")
    (q,) = run("Planen forventes klar i 3. kvartal.")
    assert (q.start, q.end, q.deadline) == (date(2021, 7, 1), date(2021, 9, 30), True)


def test_item_ranges_in_attendance_lists_are_not_dates():
    assert run("Jens Hansen og Lis Berg deltog under dagsordenspunkt 1- 7") == []


def test_without_sentence_splitter_paragraphs_are_the_sentences():
    text = "Første linje uden dato\nNæste møde holdes den 2. december 2021"
    doc = make_doc(text, split=False)
    assert sentence_ranges(doc) == [(0, 22), (23, len(text))]
    (r,) = COMPONENT(doc)._.dates
    assert r.sentence == "Næste møde holdes den 2. december 2021" and r.start == date(2021, 12, 2)


def test_empty_text_and_missing_meeting_date():
    assert date_mentions("", None, [], []) == []
    rows = run("Mødet den 5. maj 2021. Næste møde i uge 20.", meeting_date=None)
    # without a meeting date the first full date of the text is the reference
    assert [(r.text, r.start) for r in rows] == [("5. maj 2021", date(2021, 5, 5)), ("uge 20", date(2021, 5, 17))]


def test_holiday_periods_coordinations_and_forecasts_reach_the_rows():
    rows = run("Vi forventer flere tilmeldinger efter påske. Kurset holdes i uge 14 og 15. "
               "Materialet forventes færdigt i 2. og 3. kvartal.")
    got = [(r.text, r.start, r.end, r.granularity, r.deadline) for r in rows]
    assert got == [
        ("efter påske", date(2021, 4, 6), date(2021, 4, 30), "range", False),  # Easter Monday 2021-04-05
        ("uge 14 og 15", date(2021, 4, 5), date(2021, 4, 18), "range", False),
        ("2. og 3. kvartal", date(2021, 4, 1), date(2021, 9, 30), "range", True),
    ]


def test_dates_in_the_frist_column_of_an_action_table_are_deadlines():
    text = ("Aktionsliste\nNr.\tOpgave\tAnsvarlig\tFrist\n1\tBestille stole\tPeter\t15.04.2021\n"
            "2\tSende invitation\tAnne\tUge 14\nVi mødes igen den 1. juni 2021.")
    got = [(r.text, r.deadline) for r in run(text)]
    assert got == [("15.04.2021", True), ("Uge 14", True), ("1. juni 2021", False)]
