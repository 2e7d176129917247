"""Unit tests for extract.nlp.temporal (pure Danish temporal expression finder/normaliser).

All sentences are written for these tests; the reference (meeting) date is 2020-09-30
(a Wednesday in ISO week 40, third quarter, autumn) unless a test says otherwise.
"""
from __future__ import annotations

import dataclasses
import time
from datetime import date, datetime

import pytest

from extract.nlp.temporal import (
    Temporal,
    clause_tense,
    find_temporal,
    next_meeting_date,
    split_paragraphs,
    split_sentences,
)

REF = date(2020, 9, 30)
D = date


def only(text: str, ref: date | None = REF) -> Temporal:
    """The single expression found in `text`."""
    found = find_temporal(text, ref)
    assert len(found) == 1, [(t.text, t.start, t.end) for t in found]
    return found[0]


def spans(text: str, ref: date | None = REF) -> list[tuple[str, date, date]]:
    return [(t.text, t.start, t.end) for t in find_temporal(text, ref)]


def by_text(text: str, surface: str, ref: date | None = REF) -> Temporal:
    hits = [t for t in find_temporal(text, ref) if t.text == surface]
    assert len(hits) == 1, [(t.text, t.start, t.end) for t in find_temporal(text, ref)]
    return hits[0]


# --------------------------------------------------------------------------- API shape


def test_temporal_is_frozen_dataclass_with_offsets():
    text = "Styregruppen holder sit næste møde den 12. november 2020 i Odense."
    t = only(text)
    assert dataclasses.is_dataclass(t)
    with pytest.raises(dataclasses.FrozenInstanceError):
        t.start = D(2000, 1, 1)  # type: ignore[misc]
    assert text[t.char_start:t.char_end] == t.text == "12. november 2020"
    assert (t.start, t.end, t.granularity) == (D(2020, 11, 12), D(2020, 11, 12), "day")


def test_empty_text_and_text_without_dates():
    assert find_temporal("", REF) == []
    assert find_temporal("Bestyrelsen drøftede sagen grundigt og var enige.", REF) == []


def test_results_sorted_and_non_overlapping():
    text = ("Projektet startede i 2019, fortsatte i foråret 2020 og afsluttes i Q2 2021 "
            "med en evaluering i uge 30.")
    found = find_temporal(text, REF)
    starts = [t.char_start for t in found]
    assert starts == sorted(starts)
    for a, b in zip(found, found[1:]):
        assert a.char_end <= b.char_start
    for t in found:
        assert text[t.char_start:t.char_end] == t.text
        assert t.start <= t.end


# --------------------------------------------------------------------------- absolute dates


@pytest.mark.parametrize("sentence, surface, day", [
    ("Kontrakten blev underskrevet 30. september 2020 af begge parter.", "30. september 2020", D(2020, 9, 30)),
    ("Workshoppen blev holdt d. 30. sept. 2020 på rådhuset.", "30. sept. 2020", D(2020, 9, 30)),
    ("Aftalen blev indgået 4.12.2012 med leverandøren.", "4.12.2012", D(2012, 12, 4)),
    ("Aftalen blev forlænget 04-12-2012 uden ændringer.", "04-12-2012", D(2012, 12, 4)),
    ("Tilbuddet er modtaget 6/10-2010 fra firmaet.", "6/10-2010", D(2010, 10, 6)),
    ("Systemet går i drift 2020-12-02 om morgenen.", "2020-12-02", D(2020, 12, 2)),
    ("Sagen blev behandlet mandag den 3. februar 2020 i udvalget.", "3. februar 2020", D(2020, 2, 3)),
    ("Ansøgningen kom ind 14. jan. 2019.", "14. jan. 2019", D(2019, 1, 14)),
    ("Byggeriet gik i gang 1.1.2021 som planlagt.", "1.1.2021", D(2021, 1, 1)),
    ("Overdragelsen sker 6/10 2021 ved middagstid.", "6/10 2021", D(2021, 10, 6)),
])
def test_absolute_dates(sentence, surface, day):
    t = only(sentence)
    assert t.text == surface
    assert (t.start, t.end, t.granularity) == (day, day, "day")


def test_date_across_line_break():
    t = only("Nedbruddet skete den 21. august\n2020 om aftenen.")
    assert (t.start, t.end) == (D(2020, 8, 21), D(2020, 8, 21))


def test_day_slash_month_name_past():
    # "d. 28/ september" without a year, in a past-tense sentence: the last 28 September.
    t = only("Arbejdsgruppen mødtes d. 28/ september for at se på sagen.")
    assert t.text == "28/ september"
    assert (t.start, t.end) == (D(2020, 9, 28), D(2020, 9, 28))


def test_day_month_future_is_next_occurrence():
    t = only("Styregruppen mødes den 2. december for at drøfte budgettet.")
    assert t.text == "2. december"
    assert (t.start, t.end) == (D(2020, 12, 2), D(2020, 12, 2))
    # a date already passed in the meeting year, future tense -> next year
    t = only("Konferencen vil blive holdt den 5. maj i Aarhus.")
    assert t.start == D(2021, 5, 5)


def test_day_month_past_is_previous_occurrence():
    t = only("Styregruppen mødtes den 2. december for at drøfte budgettet.")
    assert t.start == D(2019, 12, 2)
    t = only("Rapporten blev sendt ud den 14. september til alle parter.")
    assert t.start == D(2020, 9, 14)


def test_a_present_tense_day_of_the_last_two_weeks_is_that_day_unless_the_sentence_points_ahead():
    assert only("Der er tale om nr. 7 per 22. september.").start == D(2020, 9, 22)
    assert only("Styregruppen mødes den 22. september.").start == D(2021, 9, 22)  # (a meeting to come: "mødes")
    assert only("Næste møde er 22. september.").start == D(2021, 9, 22)
    assert only("Der er tale om nr. 7 per 2. september.").start == D(2021, 9, 2)  # four weeks back: next year's


def test_i_dag_is_the_meeting_day_only_in_a_clause_in_the_past():
    assert only("Vi tog de punkter som var oppe i dag.").start == REF
    assert only("Jørgen har lavet døren færdig i dag.").start == REF
    assert spans("Som det fungerer i dag er det fint.") == []


def test_the_coming_year_is_a_span_of_work_not_a_calendar_year():
    assert spans("Budget for det kommende år blev vedtaget.") == []
    assert [t.text for t in find_temporal("Vi mødes igen næste år og i den kommende måned.", REF)] == [
        "næste år", "kommende måned"]


def test_a_dotted_iso_date():
    assert only("Generalforsamling d. 2021.09.02 kl 19:00").start == D(2021, 9, 2)
    assert spans("Version 2.10.05 og 2021.13.40 er ingen datoer.") == []


def test_day_month_neutral_is_nearest():
    assert only("Status pr. 14. september.").start == D(2020, 9, 14)
    assert only("Frokost d. 8. oktober.").start == D(2020, 10, 8)


def test_numeric_day_month_after_den():
    t = only("Vi tager spørgsmålet op igen d. 6/10.")
    assert t.text == "6/10"
    assert (t.start, t.end) == (D(2020, 10, 6), D(2020, 10, 6))


def test_day_range_in_one_month():
    t = only("Internatet holdes den 8.-9. september 2022 på Fyn.")
    assert (t.start, t.end, t.granularity) == (D(2022, 9, 8), D(2022, 9, 9), "range")


@pytest.mark.parametrize("text, span", [
    ("Lejren er fra fredag d. 16/5-søndag d. 18/5, Skansen.", (D(2021, 5, 16), D(2021, 5, 18))),
    ("Lejren er fra fredag den 16. maj til søndag den 18. maj.", (D(2021, 5, 16), D(2021, 5, 18))),
])
def test_a_weekday_before_the_end_of_a_range(text, span):
    t = only(text, date(2021, 3, 3))
    assert (t.start, t.end, t.granularity) == (*span, "range")


# --------------------------------------------------------------------------- months


def test_bare_month_future():
    t = only("Sagen vil blive forelagt udvalget i december.")
    assert t.text == "december"
    assert (t.start, t.end, t.granularity) == (D(2020, 12, 1), D(2020, 12, 31), "month")


def test_bare_month_future_earlier_month_goes_to_next_year():
    t = only("Den nye version skal være klar i marts.")
    assert (t.start, t.end) == (D(2021, 3, 1), D(2021, 3, 31))


def test_bare_month_past_tense():
    t = only("Der var store problemer med leverancen i december.")
    assert (t.start, t.end) == (D(2019, 12, 1), D(2019, 12, 31))
    t = only("Regionen havde nedbrud i august.")
    assert (t.start, t.end) == (D(2020, 8, 1), D(2020, 8, 31))


def test_perfect_tense_counts_as_past():
    t = only("Kommunen oplyste, at man i juni har haft en fejl i integrationen.")
    assert t.text == "juni"
    assert (t.start, t.end) == (D(2020, 6, 1), D(2020, 6, 30))
    t = only("Leverandøren har leveret rettelserne i juli.")
    assert t.start == D(2020, 7, 1)


def test_current_month_counts_for_both_tenses():
    assert only("Vi holdt en workshop i september.").start == D(2020, 9, 1)
    assert only("Vi holder en workshop i september.").start == D(2020, 9, 1)


def test_reporting_verb_does_not_make_the_sentence_past():
    t = only("Formanden orienterede om, at sagen vil komme på igen i november.")
    assert t.start == D(2020, 11, 1)
    t = only("Direktøren bemærkede, at høringen først afsluttes i februar.")
    assert t.start == D(2021, 2, 1)


def test_two_clauses_with_different_tense():
    text = "Mødet i april var godt, og vi ses igen i maj."
    assert by_text(text, "april").start == D(2020, 4, 1)
    assert by_text(text, "maj").start == D(2021, 5, 1)


def test_i_lobet_af_month():
    t = only("Certifikaterne skal udskiftes i løbet af oktober.")
    assert "oktober" in t.text and t.text.startswith("i løbet af")
    assert (t.start, t.end) == (D(2020, 10, 1), D(2020, 10, 31))


@pytest.mark.parametrize("sentence, surface, start, end", [
    ("Evalueringen er planlagt til april 2021.", "april 2021", D(2021, 4, 1), D(2021, 4, 30)),
    ("Indsamlingen begynder fra december 2020 hos lægerne.", "december 2020", D(2020, 12, 1), D(2020, 12, 31)),
    ("Rapporten kommer i december næste år.", "december næste år", D(2021, 12, 1), D(2021, 12, 31)),
    ("Prisen steg i feb. 2019 med fem procent.", "feb. 2019", D(2019, 2, 1), D(2019, 2, 28)),
])
def test_month_with_year(sentence, surface, start, end):
    t = only(sentence)
    assert t.text == surface
    assert (t.start, t.end, t.granularity) == (start, end, "month")


@pytest.mark.parametrize("sentence, start, end", [
    ("Udbuddet offentliggøres primo december 2020.", D(2020, 12, 1), D(2020, 12, 10)),
    ("Svarene ventes medio januar.", D(2021, 1, 11), D(2021, 1, 20)),
    ("Prøven afsluttes ultimo februar 2024.", D(2024, 2, 21), D(2024, 2, 29)),
    ("Den nye platform lanceres primo 2021.", D(2021, 1, 1), D(2021, 3, 31)),
    ("Vi forventer resultater ultimo 2021.", D(2021, 10, 1), D(2021, 12, 31)),
    ("Kontrakten udløber ved udgangen af juni 2022.", D(2022, 6, 30), D(2022, 6, 30)),
    ("Arbejdet starter i første halvdel af marts 2021.", D(2021, 3, 1), D(2021, 3, 15)),
])
def test_parts_of_months_and_years(sentence, start, end):
    t = only(sentence)
    assert (t.start, t.end) == (start, end)


def test_dotted_and_dashed_dates_with_a_two_digit_year():
    found = find_temporal("Kontingentet betales senest d. 31.01.21, mødet er 05-05-21, ikke 1.2.21 eller tlf. 12.34.56.", REF)
    assert [(t.text, t.start) for t in found] == [("31.01.21", D(2021, 1, 31)), ("05-05-21", D(2021, 5, 5))]


def test_a_start_this_year_is_not_early_this_year():
    # "tidligere start i år": the start of the event, this year; "i år" alone is the year
    found = find_temporal("Sankt Hans fik en tidligere start i år.", REF)
    assert [(t.text, t.start, t.end) for t in found] == [("i år", D(REF.year, 1, 1), D(REF.year, 12, 31))]
    assert [(t.start, t.end) for t in find_temporal("Byggeriet går i gang start 2027.", REF)] == [(D(2027, 1, 1), D(2027, 3, 31))]


def test_month_names_that_are_not_dates():
    assert find_temporal("August Krogh Instituttet deltog i projektet.", REF) == []
    assert find_temporal("Referatet fra juni-mødet blev godkendt.", REF) == []


# --------------------------------------------------------------------------- years


@pytest.mark.parametrize("sentence, year", [
    ("Projektet gennemføres i 2021 med fuld bemanding.", 2021),
    ("Rigsrevisionen har siden 2013 fulgt området tæt.", 2013),
    ("Styregruppen ændrede løsningen i 2017 efter en evaluering.", 2017),
    ("Økonomiaftalen for 2020 rummer flere krav.", 2020),
    ("De nye regler gælder fra 2022.", 2022),
    ("Den nuværende plan er fra 2018.", 2018),
])
def test_year_alone(sentence, year):
    t = only(sentence)
    assert t.text == str(year)
    assert (t.start, t.end, t.granularity) == (D(year, 1, 1), D(year, 12, 31), "year")


def test_year_list_is_chained():
    # non-adjacent years stay separate; consecutive ones are one range (see coordinations)
    assert spans("Arbejdet blev udført i 2015, 2017 og 2021.") == [
        ("2015", D(2015, 1, 1), D(2015, 12, 31)),
        ("2017", D(2017, 1, 1), D(2017, 12, 31)),
        ("2021", D(2021, 1, 1), D(2021, 12, 31)),
    ]
    assert spans("Arbejdet blev udført i 2019, 2020 og 2021.") == [
        ("2019, 2020 og 2021", D(2019, 1, 1), D(2021, 12, 31))]


@pytest.mark.parametrize("sentence", [
    "Der er indtil videre registreret 4000 ordinationer i systemet.",
    "Regionen har bevilget 600.000 kr. til piloten.",
    "Målet er en ajourføringsprocent på 95 %.",
    "Man diskuterede, om målet skal være 90 eller 95 %.",
    "Sagsnr. 23/1234 vedrører samme forhold.",
    "Se j.nr. 2020-1234 for detaljer.",
    "Indsatsen mod COVID-19 fortsætter.",
    "MedCom12 programmet blev præsenteret.",
    "Overgangen til MitID og NemLog-in3 blev drøftet.",
    "Arbejdet følger op på ØA21.",
    "Mødet begynder kl. 16.00 og slutter 18:00.",
    "Mødet begynder 16:00 præcis.",
    "Se vedlagte bilag 2.1 for tidsplanen.",
    "Der er igangsat et arbejde med indsats 3.2 vedr. overvågning.",
    "Gæsterne deltog under dagsordenspunkt 1- 7.",
    "Orienteringen fremgår af bilag 8.1.",
    "Afsnit 8.1 beskriver risiciene.",
    "Der kommer 2000 deltagere til konferencen.",
    "Firmaet kan kontaktes på tlf. 2020 1234.",
    "Der er nu foretaget 722.000 videokonsultationer.",
    "Udgiften er skåret ned til 2050 kr. pr. måned.",
    "Dette er bestyrelsesmøde nr. 3/2021.",
    "Vi vil tage dette op med 2021-konferencens arrangører.",
])
def test_not_dates(sentence):
    assert find_temporal(sentence, REF) == []


def test_year_range_and_two_digit_range():
    t = only("Strategien dækker 2021-2022 og skal evalueres løbende.")
    assert (t.text, t.start, t.end, t.granularity) == ("2021-2022", D(2021, 1, 1), D(2022, 12, 31), "range")
    t = only("Sæsonen 2021-22 bliver lang.")
    assert (t.start, t.end) == (D(2021, 1, 1), D(2022, 12, 31))


def test_mellem_year_og_year_is_a_range():
    t = only("Tallene dækker perioden mellem 2019 og 2021.")
    assert (t.start, t.end, t.granularity) == (D(2019, 1, 1), D(2021, 12, 31), "range")


# --------------------------------------------------------------------------- weeks


def test_iso_week_future():
    t = only("Region Nord forventer at have en tidsplan klar i uge 44.")
    assert t.text == "uge 44"
    assert (t.start, t.end, t.granularity) == (D(2020, 10, 26), D(2020, 11, 1), "week")


def test_iso_week_before_ref_week_future_is_next_year():
    t = only("Testen gennemføres i uge 38.")
    assert (t.start, t.end) == (D(2021, 9, 20), D(2021, 9, 26))


def test_iso_week_before_ref_week_past_is_this_year():
    t = only("Testen blev gennemført i uge 38.")
    assert (t.start, t.end) == (D(2020, 9, 14), D(2020, 9, 20))


def test_iso_week_with_year():
    t = only("Udrulningen sker i uge 2 2021.")
    assert (t.start, t.end) == (D(2021, 1, 11), D(2021, 1, 17))
    t = only("Der afholdes møde i uge 53 2020.")
    assert (t.start, t.end) == (D(2020, 12, 28), D(2021, 1, 3))


def test_week_range_til_og_med():
    t = only("Pilotperioden løb fra uge 36 til og med uge 47 2011 på tre afdelinger.")
    assert t.text == "uge 36 til og med uge 47 2011"
    assert (t.start, t.end, t.granularity) == (D(2011, 9, 5), D(2011, 11, 27), "range")


def test_week_range_dash():
    t = only("Perioden er uge 36-47 2011.")
    assert (t.start, t.end) == (D(2011, 9, 5), D(2011, 11, 27))


def test_fra_uge_til_uge_is_one_range():
    t = only("Der tømmes hver uge fra uge 22 til uge 35.")
    assert (t.start, t.end) == (D(2021, 5, 31), D(2021, 9, 5))


def test_uges_tid_is_not_a_week_number():
    assert find_temporal("Fejlen varede i ca. en uges tid.", REF) == []


# --------------------------------------------------------------------------- quarters and halves


@pytest.mark.parametrize("sentence, surface, start, end", [
    ("Leverancen kommer i Q3 2021.", "Q3 2021", D(2021, 7, 1), D(2021, 9, 30)),
    ("Aftalerne kan vises i 2. kvartal 2021 i systemerne.", "2. kvartal 2021", D(2021, 4, 1), D(2021, 6, 30)),
    ("Der følges op i 4. kvt. 2021.", "4. kvt. 2021", D(2021, 10, 1), D(2021, 12, 31)),
    ("Budgettet revideres i Q1-2022.", "Q1-2022", D(2022, 1, 1), D(2022, 3, 31)),
    ("Rapporten kommer i første kvartal af næste år.", "første kvartal af næste år",
     D(2021, 1, 1), D(2021, 3, 31)),
])
def test_quarters_with_year(sentence, surface, start, end):
    t = only(sentence)
    assert t.text == surface
    assert (t.start, t.end, t.granularity) == (start, end, "quarter")


def test_bare_quarter_without_context_uses_ref():
    assert (only("Evalueringen sker i første kvartal.").start) == D(2021, 1, 1)
    assert (only("Systemet idriftsættes i Q2.").start) == D(2021, 4, 1)
    assert (only("Vi havde problemer i Q2.").start) == D(2020, 4, 1)
    assert (only("Status gives i Q4.").start) == D(2020, 10, 1)


def test_bare_quarter_takes_year_from_same_sentence():
    text = "Budgettet for 2022 fastlægges i Q3."
    assert by_text(text, "Q3").start == D(2022, 7, 1)


def test_bare_quarter_takes_year_from_previous_sentence_in_paragraph():
    text = ("Lægesystemerne kan vise data i 2. kvartal 2021, og udrulningen forventes at ske i Q3. "
            "Den kan dog blive skubbet til Q4 på grund af certificering.")
    q3 = by_text(text, "Q3")
    q4 = by_text(text, "Q4")
    assert (q3.start, q3.end) == (D(2021, 7, 1), D(2021, 9, 30))
    assert (q4.start, q4.end) == (D(2021, 10, 1), D(2021, 12, 31))


def test_bare_quarter_does_not_take_year_across_paragraphs():
    text = "Fase 1 kører i 2. kvartal 2022.\n\nFase 3 kommer i Q4."
    assert by_text(text, "Q4").start == D(2020, 10, 1)


def test_bare_quarter_with_explicit_paragraphs():
    text = "Fase 1 kører i 2. kvartal 2022. Fase 3 kommer i Q4."
    cut = text.index("Fase 3")
    two = find_temporal(text, REF, paragraphs=[(0, cut - 1), (cut, len(text))])
    one = find_temporal(text, REF, paragraphs=[(0, len(text))])
    assert [t.start for t in two if t.text == "Q4"] == [D(2020, 10, 1)]
    assert [t.start for t in one if t.text == "Q4"] == [D(2022, 10, 1)]


def test_quarter_range():
    t = only("Planen dækker Q1-Q2 2021.")
    assert (t.start, t.end, t.granularity) == (D(2021, 1, 1), D(2021, 6, 30), "range")


@pytest.mark.parametrize("sentence, start, end", [
    ("Der laves en brugerundersøgelse i første halvdel af 2021.", D(2021, 1, 1), D(2021, 6, 30)),
    ("Den nye aftale træder i kraft i andet halvår 2021.", D(2021, 7, 1), D(2021, 12, 31)),
    ("Opgørelsen for 2. halvår 2019 var positiv.", D(2019, 7, 1), D(2019, 12, 31)),
    ("Planen gælder for H1 2022.", D(2022, 1, 1), D(2022, 6, 30)),
])
def test_halves(sentence, start, end):
    t = only(sentence)
    assert (t.start, t.end, t.granularity) == (start, end, "half")


def test_bare_half_year_inherits_year():
    text = "Målene for 2022 er fastlagt, og der følges op i 1. halvår."
    t = by_text(text, "1. halvår")
    assert (t.start, t.end) == (D(2022, 1, 1), D(2022, 6, 30))
    assert only("Der følges op i 1. halvår.").start == D(2021, 1, 1)


def test_half_words_need_a_year():
    assert find_temporal("Den første halvdel af mødet gik med status.", REF) == []


# --------------------------------------------------------------------------- seasons and holidays


@pytest.mark.parametrize("sentence, surface, start, end", [
    ("Systemet er færdigt i foråret 2021.", "foråret 2021", D(2021, 3, 1), D(2021, 5, 31)),
    ("Arbejdet fandt sted i efteråret 2020.", "efteråret 2020", D(2020, 9, 1), D(2020, 11, 30)),
    ("Der testes i sommeren 2022.", "sommeren 2022", D(2022, 6, 1), D(2022, 8, 31)),
    ("Snerydningen i vinteren 2021 var dyr.", "vinteren 2021", D(2020, 12, 1), D(2021, 2, 28)),
    ("Vinteren 2020/21 blev hård.", "Vinteren 2020/21", D(2020, 12, 1), D(2021, 2, 28)),
])
def test_seasons_with_year(sentence, surface, start, end):
    t = only(sentence)
    assert t.text == surface
    assert (t.start, t.end, t.granularity) == (start, end, "season")


def test_bare_autumn_at_autumn_meeting_is_this_autumn():
    t = only("Man regner med at levere en færdig analyse i efteråret.")
    assert t.text == "efteråret"
    assert (t.start, t.end) == (D(2020, 9, 1), D(2020, 11, 30))


def test_bare_spring_past_and_future():
    past = only("Man har været nødt til at udskyde aktiviteterne i foråret.")
    assert (past.start, past.end) == (D(2020, 3, 1), D(2020, 5, 31))
    future = only("Vi planlægger nye workshops i foråret.")
    assert (future.start, future.end) == (D(2021, 3, 1), D(2021, 5, 31))


def test_spring_past_in_sentence_after_future_spring_with_year():
    text = ("Hun oplyste, at prøven er færdig i foråret 2021. Hun bemærkede, at man har "
            "måttet udskyde mange aktiviteter i foråret, som har krævet klinikere.")
    found = find_temporal(text, REF)
    assert [(t.text, t.start) for t in found] == [("foråret 2021", D(2021, 3, 1)), ("foråret", D(2020, 3, 1))]


def test_next_and_last_season():
    text = "Vi ses igen næste forår, ligesom sidste efterår."
    assert by_text(text, "næste forår").start == D(2021, 3, 1)
    assert by_text(text, "sidste efterår").start == D(2019, 9, 1)
    winter = only("Udgifterne til snerydning sidste vinter var lave.", D(2022, 11, 8))
    assert (winter.start, winter.end) == (D(2021, 12, 1), D(2022, 2, 28))


def test_indefinite_season_needs_context():
    assert find_temporal("Der blev solgt sommer- og vinterdæk.", REF) == []
    t = only("Hun flytter fra området til sommer.")
    assert (t.start, t.end) == (D(2021, 6, 1), D(2021, 8, 31))


def test_holidays():
    t = only("Alt skal være klar inden jul.")
    assert (t.text, t.start, t.end, t.deadline) == ("jul", D(2020, 12, 24), D(2020, 12, 26), True)
    t = only("Kontoret holder lukket i påsken 2021.")
    assert (t.start, t.end) == (D(2021, 4, 1), D(2021, 4, 5))  # Easter Sunday 2021-04-04
    t = only("Skolerne holder efterårsferien.")
    assert (t.start, t.end) == (D(2020, 10, 12), D(2020, 10, 18))  # ISO week 42
    assert find_temporal("Glædelig jul til alle.", REF) == []


SCHOOL_REF = D(2024, 1, 23)  # a Tuesday in January: the summer holiday lies ahead


def test_summer_holiday_is_the_danish_school_holiday():
    t = only("Skolen holder lukket i sommerferien.", SCHOOL_REF)
    assert (t.start, t.end) == (D(2024, 6, 29), D(2024, 8, 11))  # last Saturday of June .. Sunday week 32
    t = only("Vores notat sendes ud inden sommerferien.", SCHOOL_REF)
    assert (t.text, t.start, t.end, t.deadline) == ("sommerferien", D(2024, 6, 29), D(2024, 8, 11), True)


@pytest.mark.parametrize("sentence, ref, surface, start, end", [
    ("Den nye skemastruktur indføres efter sommerferien.", SCHOOL_REF, "efter sommerferien",
     D(2024, 8, 12), D(2024, 8, 31)),
    ("Legepladsen skal være åben igen fra efter sommerferien.", SCHOOL_REF, "efter sommerferien",
     D(2024, 8, 12), D(2024, 8, 31)),
    ("Malerarbejdet går i gang efter påske.", SCHOOL_REF, "efter påske", D(2024, 4, 2), D(2024, 4, 30)),
    ("Vi samler trådene op efter jul.", REF, "efter jul", D(2020, 12, 27), D(2021, 1, 31)),
    ("Ordningen evalueres efter årsskiftet.", REF, "efter årsskiftet", D(2021, 1, 1), D(2021, 1, 31)),
    ("Tilmeldingen åbner efter efterårsferien.", REF, "efter efterårsferien", D(2020, 10, 19), D(2020, 11, 30)),
])
def test_after_a_holiday_is_the_period_just_after_it(sentence, ref, surface, start, end):
    t = only(sentence, ref)
    assert (t.text, t.start, t.end, t.granularity) == (surface, start, end, "range")


def test_after_summer_holiday_past_tense_is_last_year():
    t = only("Efter sommerferien har vi haft mange nye børn i klubben.", SCHOOL_REF)
    assert (t.start, t.end) == (D(2023, 8, 14), D(2023, 8, 31))


# --------------------------------------------------------------------------- relative expressions


def test_arsskiftet_future_and_past():
    fut = only("Vi skal have en ny løsning omkring årsskiftet.")
    assert (fut.start, fut.end, fut.granularity) == (D(2021, 1, 1), D(2021, 1, 1), "relative")
    past = only("Man havde omkring årsskiftet tidsplaner, der var usikre.")
    assert (past.start, past.end) == (D(2020, 1, 1), D(2020, 1, 1))
    named = only("Ved årsskiftet 2021/22 skifter vi system.")
    assert named.start == D(2022, 1, 1)


@pytest.mark.parametrize("sentence, surface, start, end, gran", [
    ("Vi ses igen næste uge.", "næste uge", D(2020, 10, 5), D(2020, 10, 11), "week"),
    ("Status kommer i denne uge.", "denne uge", D(2020, 9, 28), D(2020, 10, 4), "week"),
    ("Svaret kom sidste uge.", "sidste uge", D(2020, 9, 21), D(2020, 9, 27), "week"),
    ("Planen sendes ud næste måned.", "næste måned", D(2020, 10, 1), D(2020, 10, 31), "month"),
    ("Tallene for sidste måned var gode.", "sidste måned", D(2020, 8, 1), D(2020, 8, 31), "month"),
    ("Budgettet hæves i næste år.", "næste år", D(2021, 1, 1), D(2021, 12, 31), "year"),
    ("Ordningen fortsætter til næste år.", "næste år", D(2021, 1, 1), D(2021, 12, 31), "year"),
    ("Udgifterne steg sidste år.", "sidste år", D(2019, 1, 1), D(2019, 12, 31), "year"),
    ("Budgettet for i år holder.", "i år", D(2020, 1, 1), D(2020, 12, 31), "year"),
    ("Tallene for næste kvartal ser fine ud.", "næste kvartal", D(2020, 10, 1), D(2020, 12, 31), "quarter"),
    ("Man vil om en måneds tid begynde indsamlingen.", "om en måneds tid", D(2020, 10, 30), D(2020, 10, 30), "day"),
    ("Vi vender tilbage om to uger.", "om to uger", D(2020, 10, 14), D(2020, 10, 14), "day"),
    ("Vi vender tilbage om 14 dage.", "om 14 dage", D(2020, 10, 14), D(2020, 10, 14), "day"),
    ("Det skete for to år siden.", "for to år siden", D(2018, 1, 1), D(2018, 12, 31), "year"),
])
def test_relative(sentence, surface, start, end, gran):
    t = only(sentence)
    assert t.text == surface
    assert (t.start, t.end, t.granularity) == (start, end, gran)


def test_plural_coming_years_is_not_next_year():
    assert find_temporal("Det bliver vigtigt i de næste år.", REF) == []


def test_relative_across_year_end():
    t = only("Vi holder møde næste uge.", D(2020, 12, 30))
    assert (t.start, t.end) == (D(2021, 1, 4), D(2021, 1, 10))
    t = only("Vi holder møde næste måned.", D(2020, 12, 30))
    assert (t.start, t.end) == (D(2021, 1, 1), D(2021, 1, 31))


# --------------------------------------------------------------------------- ranges


def test_month_range_without_year():
    t = only("Vintertjenesten dækker november – april.")
    assert (t.text, t.start, t.end, t.granularity) == ("november – april", D(2020, 11, 1), D(2021, 4, 30), "range")


def test_date_range_year_from_end():
    t = only("Høringen løber fra 1. marts til 15. april 2022.")
    assert "1. marts" in t.text and t.text.endswith("15. april 2022")
    assert (t.start, t.end, t.granularity) == (D(2022, 3, 1), D(2022, 4, 15), "range")


def test_date_range_with_den():
    t = only("Planen sendes i høring i perioden fra den 3. april til den 1. maj 2023.", D(2023, 3, 14))
    assert (t.start, t.end) == (D(2023, 4, 3), D(2023, 5, 1))


def test_range_crossing_year_end_takes_start_from_previous_year():
    t = only("Kampagnen løber fra november til februar 2021.")
    assert (t.start, t.end) == (D(2020, 11, 1), D(2021, 2, 28))


def test_month_range_with_shared_year():
    t = only("Kampagnen kører januar-marts 2021.")
    assert (t.start, t.end) == (D(2021, 1, 1), D(2021, 3, 31))


def test_move_is_not_a_range():
    found = spans("Implementeringen skal rykkes fra Q3 2021 til Q4 2021.")
    assert found == [("Q3 2021", D(2021, 7, 1), D(2021, 9, 30)), ("Q4 2021", D(2021, 10, 1), D(2021, 12, 31))]


def test_til_without_fra_is_not_a_range():
    found = spans("Der er afsat midler i 2021 til 2022.")
    assert len(found) == 2


@pytest.mark.parametrize("sentence, surface, start, end", [
    ("Elevsamtalerne holdes i uge 45 og 46.", "uge 45 og 46", D(2020, 11, 2), D(2020, 11, 15)),
    ("Hallen er lukket i ugerne 27, 28 og 29 2021.", "ugerne 27, 28 og 29 2021", D(2021, 7, 5), D(2021, 7, 25)),
    ("Vi mødes i uge 45 og uge 46.", "uge 45 og uge 46", D(2020, 11, 2), D(2020, 11, 15)),
    ("Tallene for 1. og 2. kvartal 2021 er foreløbige.", "1. og 2. kvartal 2021", D(2021, 1, 1), D(2021, 6, 30)),
    ("Indsatsen løber i tredje og fjerde kvartal 2021.", "tredje og fjerde kvartal 2021",
     D(2021, 7, 1), D(2021, 12, 31)),
    ("Prognosen for Q1 og Q2 2021 holder.", "Q1 og Q2 2021", D(2021, 1, 1), D(2021, 6, 30)),
    ("Budgettet dækker 1.-2. halvår 2022.", "1.-2. halvår 2022", D(2022, 1, 1), D(2022, 12, 31)),
    ("Kontingentet opkræves i januar og februar.", "januar og februar", D(2021, 1, 1), D(2021, 2, 28)),
    ("Vagtplanen for december og januar lægges snart.", "december og januar", D(2020, 12, 1), D(2021, 1, 31)),
    ("Kurserne afholdes i marts, april og maj 2021.", "marts, april og maj 2021", D(2021, 3, 1), D(2021, 5, 31)),
    ("Beløbet er fordelt over 2021 og 2022.", "2021 og 2022", D(2021, 1, 1), D(2022, 12, 31)),
])
def test_coordinated_consecutive_periods_are_one_range(sentence, surface, start, end):
    t = only(sentence)
    assert (t.text, t.start, t.end, t.granularity) == (surface, start, end, "range")


def test_coordinated_non_adjacent_periods_stay_separate():
    assert spans("Der er prøver i uge 45 og 48.") == [
        ("uge 45", D(2020, 11, 2), D(2020, 11, 8)), ("48", D(2020, 11, 23), D(2020, 11, 29))]
    assert spans("Regnskabet for 1. og 3. kvartal 2021 er klar.") == [
        ("1.", D(2021, 1, 1), D(2021, 3, 31)), ("3. kvartal 2021", D(2021, 7, 1), D(2021, 9, 30))]
    assert [t for t, _, _ in spans("Vi holdt møder i marts og maj.")] == ["marts", "maj"]
    assert [t for t, _, _ in spans("Tallene for 2016 og 2018 er revideret.")] == ["2016", "2018"]
    assert spans("Over 2000 af dem svarede.") == []


# --------------------------------------------------------------------------- deadline flag


@pytest.mark.parametrize("sentence, surface", [
    ("Det ser ikke ud til, at man når i mål til den aftalte deadline i Q3 2021.", "Q3 2021"),
    ("Fire regioner forventer at blive forsinkede i forhold til den aftalte deadline i april 2021.", "april 2021"),
    ("Fristen er 15. januar 2021 for indsendelse.", "15. januar 2021"),
    ("Alt skal være på plads senest 1. marts 2021.", "1. marts 2021"),
    ("Høringssvar skal være modtaget senest den 1. juni 2021.", "1. juni 2021"),
    ("Arbejdet skal være afsluttet inden udgangen af 2021.", "udgangen af 2021"),
    ("Implementeringen forventes at kunne ske i Q3 2021.", "Q3 2021"),
    ("Man planlægger at implementere i foråret 2021.", "foråret 2021"),
    ("Løsningen skal være klar i uge 48.", "uge 48"),
    ("Målet er, at alle kommuner er med i 2022.", "2022"),
    ("Rapporten skal afleveres inden for to uger.", "inden for to uger"),
])
def test_deadline_true(sentence, surface):
    t = by_text(sentence, surface)
    assert t.deadline is True


@pytest.mark.parametrize("sentence, surface", [
    ("Rigsrevisionen har siden 2013 fulgt anvendelsen af systemet.", "2013"),
    ("I 2017 reviderede styregruppen løsningen.", "2017"),
    ("Styregruppen reviderede løsningen i 2017.", "2017"),
    ("Den 21. august 2020 skete et nedbrud hos leverandøren.", "21. august 2020"),
    ("Regionen har i juni haft en fejl i kommunikationen.", "juni"),
    ("Man har været nødt til at udskyde aktiviteterne i foråret.", "foråret"),
    ("Næste møde holdes den 2. december.", "2. december"),
    ("Anbefalingen vil blive forelagt RUSA i december.", "december"),
    ("Der laves en ny brugerundersøgelse i første halvdel af 2021.", "første halvdel af 2021"),
    ("Planen erstatter den nuværende plan fra 2018.", "2018"),
    ("Det kan dog først ske i Q4 2021 på grund af test.", "Q4 2021"),
])
def test_deadline_false(sentence, surface):
    t = by_text(sentence, surface)
    assert t.deadline is False


def test_deadline_word_with_past_tense_still_deadline():
    t = only("Fristen var 1. maj 2020, men den blev overskredet.")
    assert t.deadline is True


def test_not_before_is_not_a_deadline():
    t = only("Kampagnen kommer ikke før 2022.")
    assert t.deadline is False


@pytest.mark.parametrize("sentence, surface", [
    ("Ombygningen forventes afsluttet i maj 2021.", "maj 2021"),
    ("Projektgruppen forventer at aflevere sin rapport i uge 48.", "uge 48"),
    ("Direktøren forventer at præsentere en ny model i Q1 2021.", "Q1 2021"),
    ("De sidste tre delprojekter forventes igangsat i løbet af 1. halvår 2021.", "1. halvår 2021"),
    ("Idriftsættelsen forventes i december.", "december"),
    ("Vi forventer at have et udkast klar i november.", "november"),
    ("Ansøgningsfristen er den 1. marts 2021.", "1. marts 2021"),
    ("Svarene skal sendes inden tilmeldingsfristen 15. november 2020.", "15. november 2020"),
])
def test_forecast_of_a_delivery_is_a_target(sentence, surface):
    assert by_text(sentence, surface).deadline is True


@pytest.mark.parametrize("sentence, surface", [
    ("Vi forventer flere ansøgere efter sommerferien.", "efter sommerferien"),
    ("Omkostningerne forventes at stige med 4 % i 2021.", "2021"),
    ("Kommunen forventer et underskud i 2021.", "2021"),
    ("Lønudgiften forventes at udgøre 3 mio. kr. ved udgangen af 2021.", "udgangen af 2021"),
    ("Loven forventes at træde i kraft den 1. juli 2021.", "1. juli 2021"),
    ("Evalueringens resultater forventes at foreligge i november.", "november"),
    ("Vi skal planlægge sommerfesten den 12. juni 2021.", "12. juni 2021"),
])
def test_plain_forecast_or_event_is_not_a_deadline(sentence, surface):
    assert by_text(sentence, surface).deadline is False


def test_target_words_do_not_reach_across_a_new_main_clause():
    assert by_text("Rapporten er færdig, og vi mødes igen i marts.", "marts").deadline is False
    assert by_text("Vi forventer at aflevere i maj, men mødet holdes i juni.", "juni").deadline is False
    assert by_text("Vi forventer at aflevere i maj, men mødet holdes i juni.", "maj").deadline is True
    # a relative clause in between does not break the frame
    text = "Man regner med at levere en færdig analyse, der har belyst modellerne, i efteråret."
    assert by_text(text, "efteråret").deadline is True


def test_completion_word_marks_only_its_own_coordinate():
    text = "Renoveringen forventes at begynde i uge 45 og være afsluttet i marts 2021."
    assert by_text(text, "uge 45").deadline is False
    assert by_text(text, "marts 2021").deadline is True


# --------------------------------------------------------------------------- reference handling


def test_ref_none_uses_first_full_date_in_text():
    text = "Referat af mødet den 30. september 2020.\n\nSagen forelægges igen i december."
    found = spans(text, None)
    assert found == [("30. september 2020", D(2020, 9, 30), D(2020, 9, 30)),
                     ("december", D(2020, 12, 1), D(2020, 12, 31))]


def test_ref_none_without_anchor_drops_relative_but_keeps_absolute():
    assert find_temporal("Sagen forelægges i december.", None) == []
    t = only("Sagen blev afgjort 3. marts 2019.", None)
    assert t.start == D(2019, 3, 3)


def test_ref_may_be_datetime():
    t = only("Sagen forelægges i december.", datetime(2020, 9, 30, 14, 0))
    assert t.start == D(2020, 12, 1)


def test_given_sentences_are_used():
    text = "Vi havde et møde i april. Vi ses i maj."
    # with one sentence covering all, the nearest verb of 'maj' ('ses') still decides
    t = find_temporal(text, REF, sentences=[(0, len(text))])
    assert [x.start for x in t] == [D(2020, 4, 1), D(2021, 5, 1)]


# --------------------------------------------------------------------------- sentences & tense


def test_split_sentences_abbreviations():
    text = ("Der er bl.a. talt om ift. økonomien, jf. aftalen, fx. om ca. 20 kr. pr. borger mv. "
            "til patienterne. Næste møde er den 2. december. Han bemærkede, at vedr. nr. 3 er "
            "der enighed. Sagen er afsluttet.")
    sents = [text[a:b] for a, b in split_sentences(text)]
    assert sents == [
        "Der er bl.a. talt om ift. økonomien, jf. aftalen, fx. om ca. 20 kr. pr. borger mv. til patienterne.",
        "Næste møde er den 2. december.",
        "Han bemærkede, at vedr. nr. 3 er der enighed.",
        "Sagen er afsluttet.",
    ]


def test_split_sentences_ordinal_month_and_may_end_abbreviation():
    text = "Mødet er den 2. December og alt er klar. Der blev brugt 400 kr. Det var godt."
    sents = [text[a:b] for a, b in split_sentences(text)]
    assert sents == ["Mødet er den 2. December og alt er klar.", "Der blev brugt 400 kr.", "Det var godt."]


def test_split_sentences_blank_lines_and_year_at_end():
    text = "Projektet slutter i 2021. Derefter evalueres det\n\nNyt afsnit her"
    sents = [text[a:b] for a, b in split_sentences(text)]
    assert sents == ["Projektet slutter i 2021.", "Derefter evalueres det", "Nyt afsnit her"]
    assert [text[a:b] for a, b in split_paragraphs(text)] == [
        "Projektet slutter i 2021. Derefter evalueres det", "Nyt afsnit her"]


def test_split_sentences_line_breaks():
    # clean block text: every line is a block; a PDF dump: a lower-case line continues
    text = "2. Økonomi (B)\nDirektøren gennemgik sagen. Den\n\nblev godkendt\n\nNæste punkt"
    sents = [text[a:b] for a, b in split_sentences(text)]
    assert sents == ["2. Økonomi (B)", "Direktøren gennemgik sagen.", "Den\n\nblev godkendt", "Næste punkt"]
    paras = [text[a:b] for a, b in split_paragraphs(text)]
    assert paras == ["2. Økonomi (B)", "Direktøren gennemgik sagen. Den\n\nblev godkendt", "Næste punkt"]


@pytest.mark.parametrize("sentence, surface, start", [
    # a scheduling participle after har/er is a standing arrangement: the date lies ahead
    ("Hun oplyste, at der er afsat en time på personalemødet d. 12/3 til evalueringen.", "12/3", D(2021, 3, 12)),
    ("Salen er booket til den 5. maj.", "5. maj", D(2021, 5, 5)),
    ("Vi har reserveret bussen til d. 2/9.", "2/9", D(2021, 9, 2)),
    ("Generalforsamlingen er udsat til den 3. februar.", "3. februar", D(2021, 2, 3)),
    # ... but a moved thing without 'til' and other participles stay past
    ("Arkivet er flyttet i juni.", "juni", D(2020, 6, 1)),
    ("Kontrakten er underskrevet den 3. februar.", "3. februar", D(2020, 2, 3)),
    # an infinitive governed by a promise/plan/decision verb is future
    ("Han svarede, at leverandøren har lovet at udskifte anlægget i løbet af foråret.",
     "i løbet af foråret", D(2021, 3, 1)),
    ("Udvalget besluttede at holde et temamøde i marts.", "marts", D(2021, 3, 1)),
    ("Vi har aftalt at mødes igen i august.", "august", D(2021, 8, 1)),
    ("Vi blev enige om at se på sagen igen i maj.", "maj", D(2021, 5, 1)),
    ("Der var enighed om at indkalde underviserne i uge 14.", "uge 14", D(2021, 4, 5)),
    ("Vi blev enige om at mødes igen i august.", "august", D(2021, 8, 1)),
    # ... not one governed by another verb, and not a date inside the perfect group
    ("Leverandøren har forsøgt at levere i juli.", "juli", D(2020, 7, 1)),
    ("Regionen har i juni haft en fejl i kommunikationen.", "juni", D(2020, 6, 1)),
    ("Bestyrelsen har den 3. februar besluttet at lukke caféen.", "3. februar", D(2020, 2, 3)),
    # a perfect in an at-clause under an expectation/goal is a future perfect
    ("Det forventes, at systemet er implementeret i juni.", "juni", D(2021, 6, 1)),
    ("Målet er, at alle har gennemført kurset i maj.", "maj", D(2021, 5, 1)),
])
def test_tense_of_arrangements_and_intentions(sentence, surface, start):
    assert by_text(sentence, surface).start == start


def test_quarter_year_inherited_across_hard_line_break():
    text = ("Data kan vises i 2. kvartal 2021, og udrulningen forventes at\n\n"
            "kunne ske i Q3. Dog muligvis først i Q4.")
    assert by_text(text, "Q3").start == D(2021, 7, 1)
    assert by_text(text, "Q4").start == D(2021, 10, 1)


@pytest.mark.parametrize("sentence, word, tense", [
    ("Systemet havde en fejl i juni.", "juni", "past"),
    ("Systemet har haft en fejl i juni.", "juni", "past"),
    ("Sagen blev behandlet i juni.", "juni", "past"),
    ("Leverandøren leverede i juni.", "juni", "past"),
    ("Vi mødtes i juni.", "juni", "past"),
    ("Man skulle have været færdig i juni.", "juni", "past"),
    ("Sagen vil blive behandlet i juni.", "juni", "future"),
    ("Sagen skal behandles i juni.", "juni", "future"),
    ("Implementeringen forventes i juni.", "juni", "future"),
    ("Man planlægger at starte i juni.", "juni", "future"),
    ("Systemet kommer til at køre i juni.", "juni", "future"),
    ("Sagen behandles i juni.", "juni", "future"),
    ("Status i juni.", "juni", "neutral"),
    ("Hun orienterede om status i juni.", "juni", "neutral"),
    ("Hun bemærkede, at sagen behandles i juni.", "juni", "future"),
    ("De påvirkede systemer kører i juni.", "juni", "future"),
])
def test_clause_tense(sentence, word, tense):
    i = sentence.index(word)
    assert clause_tense(sentence, i, i + len(word)) == tense


# --------------------------------------------------------------------------- next meeting


@pytest.mark.parametrize("text, ref, expected", [
    ("12. Næste bestyrelsesmøde (O)\nNæste møde holdes den 2. december. Her forelægges budgettet.",
     REF, D(2020, 12, 2)),
    ("Næste møde: 12. januar 2023.", D(2022, 11, 8), D(2023, 1, 12)),
    ("Næste bestyrelsesmøde afholdes torsdag den 3. december 2020 kl. 10.", REF, D(2020, 12, 3)),
    ("Det næste møde i styregruppen er fastsat til d. 5/11.", REF, D(2020, 11, 5)),
    ("6. Næste møde\nNæste møde: torsdag den 12. januar 2023 kl. 19.00 hos formanden.",
     D(2022, 11, 8), D(2023, 1, 12)),
    ("Næste møde afholdes den 4. februar.", REF, D(2021, 2, 4)),
])
def test_next_meeting_date(text, ref, expected):
    assert next_meeting_date(text, ref) == expected


def test_next_meeting_date_without_ref_uses_the_title_date():
    text = "Referat af møde den 30. september 2020\n1. Eventuelt\nIntet.\n2. Næste møde\nNæste møde holdes den 2. december."
    assert next_meeting_date(text, None) == D(2020, 12, 2)


def test_next_meeting_date_absent():
    assert next_meeting_date("Punktet tages op igen på næste møde.", REF) is None
    assert next_meeting_date("Bestyrelsen godkendte referatet. Mødet blev holdt 1. juni 2020.", REF) is None
    assert next_meeting_date("", REF) is None


def test_next_meeting_date_skips_agenda_list_entry():
    text = ("Dagsorden:\n5. Eventuelt\n6. Næste møde\n7. Referat fra mødet den 4. oktober 2022\n"
            "...\n6. Næste møde\nNæste møde er onsdag den 11. januar 2023.")
    assert next_meeting_date(text, D(2022, 11, 8)) == D(2023, 1, 11)


# --------------------------------------------------------------------------- a small document


MINUTES = """Referat fra styregruppemøde den 30. september 2020

1. Status
Projektlederen orienterede om, at der er nedsat en arbejdsgruppe, som ser på opgaverne i
efteråret 2020 samt i 2021. Leverandøren har meldt, at en ny tidsplan først ligger klar i uge 44.
Integrationen kan testes i 2. kvartal 2021, og idriftsættelsen forventes at ske i Q3. Det kan dog
blive i Q4, hvis certificeringen trækker ud.

2. Økonomi
Regionen har siden 2013 finansieret driften. Kontrakten blev sidst revideret i 2017. Udvalget
skal godkende budgettet inden 1. december, og den aftalte deadline i april 2021 fastholdes.
Man havde omkring årsskiftet en plan, der ikke holdt.

3. Næste møde
Næste møde holdes den 2. december. Der gives en status om en måneds tid.
"""


def test_small_document():
    found = find_temporal(MINUTES, REF)
    got = {(t.text.replace("\n", " "), t.start, t.end) for t in found}
    expected = {
        ("30. september 2020", D(2020, 9, 30), D(2020, 9, 30)),
        ("efteråret 2020", D(2020, 9, 1), D(2020, 11, 30)),
        ("2021", D(2021, 1, 1), D(2021, 12, 31)),
        ("uge 44", D(2020, 10, 26), D(2020, 11, 1)),
        ("2. kvartal 2021", D(2021, 4, 1), D(2021, 6, 30)),
        ("Q3", D(2021, 7, 1), D(2021, 9, 30)),
        ("Q4", D(2021, 10, 1), D(2021, 12, 31)),
        ("2013", D(2013, 1, 1), D(2013, 12, 31)),
        ("2017", D(2017, 1, 1), D(2017, 12, 31)),
        ("1. december", D(2020, 12, 1), D(2020, 12, 1)),
        ("april 2021", D(2021, 4, 1), D(2021, 4, 30)),
        ("årsskiftet", D(2020, 1, 1), D(2020, 1, 1)),
        ("2. december", D(2020, 12, 2), D(2020, 12, 2)),
        ("om en måneds tid", D(2020, 10, 30), D(2020, 10, 30)),
    }
    assert got == expected
    deadlines = {t.text for t in found if t.deadline}
    assert {"1. december", "april 2021", "Q3"} <= deadlines
    assert not deadlines & {"2013", "2017", "årsskiftet", "30. september 2020"}
    assert next_meeting_date(MINUTES, REF) == D(2020, 12, 2)


# --------------------------------------------------------------------------- performance


FILLER = [
    "Formanden bød velkommen og konstaterede, at mødet var beslutningsdygtigt.",
    "Direktøren bemærkede, at der er brugt 600.000 kr. på 4000 ordinationer, jf. bilag 2.1.",
    "Hun supplerede med, at arbejdsgruppen har haft en god dialog med regionerne og kommunerne.",
    "Per Hansen oplyste, at sagsnr. 23/1234 er lukket, og at MedCom12 kører planmæssigt.",
    "Der var enighed om, at indsats 3.2 skal prioriteres, og at målet fortsat er 95 %.",
    "Bestyrelsen drøftede de økonomiske rammer og tog orienteringen til efterretning.",
    "Næstformanden spurgte til risiciene ved COVID-19 og overgangen til NemLog-in3.",
    "Sekretariatet udsender materialet kl. 16.00, og punkt 1- 7 behandles samlet.",
]


def _document(chars: int) -> str:
    """Realistic density: the small minutes plus ordinary prose without dates."""
    parts: list[str] = []
    i = 0
    while sum(map(len, parts)) < chars:
        parts.append(MINUTES if i % 6 == 0 else " ".join(FILLER[(i + k) % len(FILLER)] for k in range(4)) + "\n\n")
        i += 1
    return "".join(parts)[:chars]


def _cpu(fn) -> float:
    t0 = time.process_time()
    fn()
    return time.process_time() - t0


def test_cost_grows_linearly_with_the_text():
    """Four times the text costs about four times the CPU (quadratic would be sixteen); a
    ratio measured in one process, so a busy machine does not fail it. Absolute speed is
    benchmarks/throughput.py's job."""
    small, big = _document(15000), _document(60000)
    find_temporal(big, REF)  # warm-up (regex caches)
    t_small = min(_cpu(lambda: find_temporal(small, REF)) for _ in range(3))
    t_big = min(_cpu(lambda: find_temporal(big, REF)) for _ in range(3))
    assert t_big < 8 * max(t_small, 1e-3), f"{t_big * 1000:.0f} ms for 60k chars vs {t_small * 1000:.0f} ms for 15k"


def test_performance_no_quadratic_blowup_on_date_dense_text():
    line = ("Projektet startede i 2019, fortsatte i foråret 2020 og afsluttes i Q2 2021 med "
            "en evaluering i uge 30, senest den 1. december, og igen i Q3.\n")
    text = (line * (60000 // len(line) + 1))[:60000]
    found = find_temporal(text, REF)
    assert len(found) > 2000
    best = min(_cpu(lambda: find_temporal(text, REF)) for _ in range(2))
    assert best < 0.5, f"{best * 1000:.0f} ms CPU for 60k date-dense chars"


# --------------------------------------------------------------------------- round-2 forms

def test_day_dot_month_after_d_or_den_takes_the_meeting_year():
    t = only("Sagen tages op på styregruppemødet d. 14.10.", D(2020, 9, 30))
    assert (t.text, t.start, t.deadline) == ("14.10", D(2020, 10, 14), False)
    assert only("Vi ses igen den 2.11 kl. 10.").start == D(2020, 11, 2)
    assert spans("Beløbet var d. 12.45 kr.") == []


def test_day_slash_month_after_a_deadline_word():
    t = only("Kassereren sender opgørelsen senest 15/10.")
    assert (t.start, t.deadline) == (D(2020, 10, 15), True)
    assert only("Tilmelding inden 2/11 til kontoret.").deadline is True


def test_bare_quarter_in_a_past_sentence_with_an_apostrophe_plural():
    # "UTH'er" is one word: its "er" is no present-tense verb
    t = only("Der er registreret 31 UTH'er i 2. kvartal, heraf 2 alvorlige.")
    assert (t.start, t.end) == (D(2020, 4, 1), D(2020, 6, 30))


@pytest.mark.parametrize("sentence", [
    "Vi gennemgår journaler for borgere genindlagt inden for 30 dage.",
    "Andelen af klager behandlet inden for 14 dage er steget.",
    "Han var væk i 14 dage.",
    "Prøven gentages efter 48 timer.",
    "Projektet løb over tre måneder.",
])
def test_durations_are_not_dates(sentence):
    assert spans(sentence) == []


def test_inden_for_as_a_deadline_is_still_a_date():
    t = only("Forvaltningen vender tilbage inden for 14 dage.")
    assert (t.start, t.deadline) == (D(2020, 10, 14), True)


# --- round 3: year choice, school years, 'udgangen af' a quarter, semesters


def test_s_passive_present_in_a_relative_clause_points_ahead():
    # the perfect 'har fået' in the main clause must not pull the month into the past
    t = by_text("Formanden oplyste, at foreningen har modtaget to ansøgninger, som behandles "
                "og afgøres i november.", "november")
    assert (t.start, t.end) == (D(2020, 11, 1), D(2020, 11, 30))
    t = by_text("Skolen har fået midler til tre projekter, som slås op i december.", "december")
    assert t.start == D(2020, 12, 1)


def test_deadline_in_a_coordinated_clause_after_a_past_main_clause():
    t = by_text("Planen blev godkendt, og Mette Lund sender referatet ud inden den 15. maj.", "15. maj")
    assert (t.start, t.deadline) == (D(2021, 5, 15), True)
    # a main clause in the past keeps its date in the past
    assert by_text("Arbejdet blev afsluttet inden den 15. maj.", "15. maj").start == D(2020, 5, 15)


@pytest.mark.parametrize("sentence, surface", [
    ("Ordningen gælder fra skoleåret 2021/22.", "skoleåret 2021/22"),
    ("Kurset udbydes i studieåret 2021/2022.", "studieåret 2021/2022"),
])
def test_school_year_runs_august_to_july(sentence, surface):
    t = by_text(sentence, surface)
    assert (t.start, t.end) == (D(2021, 8, 1), D(2022, 7, 31))


def test_plain_split_year_stays_two_calendar_years():
    assert spans("Budgettet for 2021/22 blev drøftet.") == [("2021/22", D(2021, 1, 1), D(2022, 12, 31))]


def test_end_of_a_quarter_is_its_last_day():
    t = by_text("Kassebeholdningen var ved udgangen af 2. kvartal 2020 på 3 mio. kr.", "udgangen af 2. kvartal 2020")
    assert (t.start, t.end) == (D(2020, 6, 30), D(2020, 6, 30))
    t = by_text("Ved udgangen af første halvår 2021 skal der være ansat to.", "udgangen af første halvår 2021")
    assert (t.start, t.end) == (D(2021, 6, 30), D(2021, 6, 30))


def test_inden_udgangen_af_a_quarter_keeps_the_quarter_as_the_deadline_window():
    t = [x for x in find_temporal("Rapporten skal foreligge inden udgangen af 4. kvartal 2020.", REF)
         if "kvartal" in x.text][0]
    assert (t.start, t.end, t.deadline) == (D(2020, 10, 1), D(2020, 12, 31), True)


def test_semesters():
    t = by_text("Faget udbydes i forårssemestret 2021.", "forårssemestret 2021")
    assert (t.start, t.end) == (D(2021, 2, 1), D(2021, 6, 30))
    t = by_text("Hun underviser i efterårssemestret.", "efterårssemestret")
    assert (t.start, t.end) == (D(2020, 9, 1), D(2021, 1, 31))
