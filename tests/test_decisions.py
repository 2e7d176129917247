"""referat_decisions: every decision form on sentences written for these tests, the
precision guards (nouns, modals, proposals, reported speech, narrative sections), and the
project's corpus PDFs against their hand-written truth files."""
from __future__ import annotations

import json
import re
from datetime import date

import pytest
import spacy

from helpers import component_doc

from extract.nlp import base  # noqa: F401
from extract.nlp.decisions import DecisionsComponent, classify_heading, load_lexicon, parse_day
from extract.schema import Statement

MEETING = date(2022, 5, 10)
NLP = spacy.blank("da")
COMPONENT = DecisionsComponent()


def make_doc(text: str, *, meeting_date: date | None = MEETING, items=None, statements=None,
             persons: dict[str, str] | None = None, extra_starts: tuple[str, ...] = (), dates=None):
    """A Doc the way the pipeline hands it over: one paragraph per line, sentences split
    at line starts and after . ! ? + capital letter (plus `extra_starts` substrings)."""
    doc = component_doc(NLP, text, meeting_date=meeting_date, extra_starts=extra_starts)
    doc._.item_spans = items or []
    doc._.statements = statements or []
    doc._.dates = dates or []
    spans = []
    for written, canonical in (persons or {}).items():
        for m in re.finditer(re.escape(written), text):
            sp = doc.char_span(m.start(), m.end())
            sp._.canonical = canonical
            spans.append(sp)
    doc.spans["persons"] = spans
    return doc


def decide(text: str, **kw):
    doc = COMPONENT(make_doc(text, **kw))
    for d in doc._.decisions:  # provenance: the row's text is the document text at its offsets
        assert doc.text[d.char_start:d.char_end] == d.text
    return doc._.decisions


def stmt(text: str, sentence: str, speaker: str | None, verb: str | None, act: str | None, implicit=False):
    s = text.index(sentence)
    return Statement(speaker=speaker, verb=verb, act=act, text=sentence, implicit=implicit,
                     char_start=s, char_end=s + len(sentence))


# --------------------------------------------------------------------------- one form each

SENTENCE_FORMS = [
    # (sentence, kind)
    ("Det blev efter en kort drøftelse konkluderet, at budgetrammen fastholdes.", "conclusion"),
    ("Efter drøftelsen blev det konkluderet, at arbejdsgruppen fortsætter.", "conclusion"),
    ("Det besluttedes, at kontingentet fastholdes.", "conclusion"),
    ("Det blev aftalt, at sekretariatet indkalder til et ekstra møde.", "conclusion"),
    ("Der var enighed om, at høringssvaret sendes uden ændringer.", "conclusion"),
    ("Det blev endvidere konkluderet, at indstillingen blev tiltrådt med de nævnte ændringer.", "approval"),
    ("Indstillingerne blev tiltrådt.", "approval"),
    ("Indstillingen blev godkendt.", "approval"),
    ("Årsregnskabet for 2021 blev enstemmigt godkendt uden bemærkninger.", "approval"),
    ("Udvalget godkendte anlægsbevillingen til den nye sti.", "approval"),
    ("Herefter tiltrådte bestyrelsen forslaget.", "approval"),
    ("Generalforsamlingen vedtog de nye vedtægter.", "approval"),
    ("Dagsordenen godkendt.", "approval"),
    ("Referat fra sidste møde: Godkendt.", "approval"),
    ("Kassereren fremlagde regnskabet, som blev godkendt.", "approval"),
    ("Vedtaget med 7 stemmer mod 2.", "approval"),
    ("Orienteringen blev taget til efterretning.", "noted"),
    ("Udvalget tog den økonomiske status til efterretning.", "noted"),
    ("Orienteringen tages til efterretning.", "noted"),
    ("Forslaget om en ny parkeringsordning blev forkastet.", "rejected"),
    ("Ansøgningen blev ikke godkendt.", "rejected"),
    ("Bestyrelsen forkastede tilbuddet fra entreprenøren.", "rejected"),
    ("Punktet blev udskudt til næste møde.", "deferred"),
    ("Sagen blev udsat.", "deferred"),
    ("Sagen udsættes til et senere møde.", "deferred"),
    ("Spørgsmålet tages op igen på næste møde.", "deferred"),
    ("Mette Holm blev genvalgt som kasserer.", "election"),
    ("Jens Ravn blev udpeget som foreningens repræsentant i lokalrådet.", "election"),
    ("Bestyrelsen konstituerede sig med Ole Berg som formand.", "election"),
    ("Bestyrelsen besluttede at nedsætte en arbejdsgruppe om trafik.", "conclusion"),
    ("Bestyrelsen bad om en skriftlig redegørelse til næste møde.", "other"),
    ("Udvalget valgte at afvente den nye lovgivning.", "conclusion"),
    # the present perfect of a resolving verb: board minutes record their own resolutions so
    ("Bestyrelsen har besluttet at indkalde til et ekstraordinært møde.", "conclusion"),
    ("Derfor har udvalget enstemmigt besluttet, at stien lukkes.", "conclusion"),
    ("Vi har aftalt at mødes igen efter sommerferien.", "conclusion"),
    # informal assent by the deciding body
    ("Bestyrelsen sagde ok til den nye plan for haven.", "approval"),
    ("Udvalget gav grønt lys til projektet.", "approval"),
    # present-perfect passive: the minutes record the approval
    ("Referatet fra mødet den 3/4 er godkendt og lagt på hjemmesiden.", "approval"),
    ("Regnskabet er nu godkendt af bestyrelsen.", "approval"),
    ("Vedtægtsændringen er vedtaget med de nævnte rettelser.", "approval"),
    # a body backing a proposal approves it
    ("Bestyrelsen bakker op om forslaget fra elevrådet.", "approval"),
    ("Derfor bakker udvalget fuldt op om planen.", "approval"),
    ("Rådet tilsluttede sig indstillingen.", "approval"),
    # an s-form after a fronted adverbial, a withdrawn proposal, a body's finding
    ("Efter en lang debat besluttedes at sløjfe hækken.", "conclusion"),
    ("Forslaget trækkes af forslagsstilleren.", "other"),
    ("Forslag blev trukket tilbage.", "other"),
    ("Kaj trak sit forslag tilbage efter debatten.", "other"),
    ("Bestyrelsen trækker forslaget tilbage.", "other"),
    ("Generalforsamlingen finder ikke, at kontingentet skal hæves.", "conclusion"),
    ("Udvalget finder det rimeligt at forlænge fristen.", "conclusion"),
    ("Der er konsensus om at vi prøver en ny leverandør.", "conclusion"),
    ("Sagen om lys tages med på næste møde.", "deferred"),
    ("Henrik blev genvalgt for en 3-årig periode.", "election"),
    ("Bestyrelsen foreslog Eva Holm som dirigent, som blev valgt uden modkandidater.", "election"),
    ("Indstilles til godkendelse.", "approval"),
    # informal minutes record a course of action in the present passive
    ("Til foråret indkøbes der to nye net.", "other"),
    ("Nyhedsbrevet sendes ud efter sommerferien.", "other"),
    ("Tirsdag d. 12.4.2011 kl. 19 afholdes generalforsamling i klubhuset.", "other"),
]


@pytest.mark.parametrize("sentence,kind", SENTENCE_FORMS)
def test_sentence_forms(sentence, kind):
    text = f"Punktet blev drøftet indgående.\n{sentence}"
    decs = decide(text)
    assert len(decs) == 1, decs
    d = decs[0]
    assert (d.kind, d.text) == (kind, sentence)
    assert d.decided_on == MEETING
    assert d.item is None  # only a 'Punkt N' block names the item; the pipeline fills it by offset


def test_person_conclusion_names_decider_from_statements():
    sentence = "Karen Lund konkluderede, at sekretariatet reviderer tidsplanen."
    text = f"Der var flere indlæg.\n{sentence}"
    st = [stmt(text, sentence, "Karen Lund", "konkluderede", "konkludere")]
    (d,) = decide(text, statements=st)
    assert (d.kind, d.text, d.decided_by) == ("conclusion", sentence, "Karen Lund")


def test_pronoun_conclusion_takes_the_resolved_speaker():
    sentence = "Hun konkluderede derefter, at sagen sendes i høring."
    text = f"Karen Lund gennemgik sagen.\n{sentence}"
    st = [stmt(text, sentence, "Karen Lund", "konkluderede", "konkludere")]
    (d,) = decide(text, statements=st)
    assert d.decided_by == "Karen Lund"


def test_person_mention_right_before_the_verb_is_the_decider():
    sentence = "Formanden Per Holt konkluderede, at mødet afsluttes."
    (d,) = decide(sentence, persons={"Per Holt": "Per Holt"})
    assert d.decided_by == "Per Holt"


def test_role_subject_is_resolved_through_the_statement():
    sentence = "Formanden konkluderede, at sagen genoptages i august."
    text = f"Flere medlemmer bemærkede forsinkelsen.\n{sentence}"
    st = [stmt(text, sentence, "Karen Lund", "konkluderede", "konkludere")]
    (d,) = decide(text, statements=st)
    assert d.decided_by == "Karen Lund"


def test_body_subject_after_a_person_mention_names_no_person():
    (d,) = decide("Efter Per Holts oplæg besluttede bestyrelsen at udskyde byggeriet.",
                  persons={"Per Holts": "Per Holt"})
    assert (d.kind, d.decided_by) == ("conclusion", None)


def test_passive_and_body_decisions_name_no_person():
    (d,) = decide("Det blev konkluderet, at planen justeres.")
    assert d.decided_by is None
    (d,) = decide("Bestyrelsen besluttede at udskyde byggeriet.")
    assert d.decided_by is None


def test_conclusion_with_two_clauses_stays_a_conclusion():
    s = "Det blev konkluderet, at tidsplanen justeres, og at indstillingen blev tiltrådt."
    (d,) = decide(s)
    assert d.kind == "conclusion"


def test_enumerated_conclusion_is_one_decision_even_when_split():
    s = ("Karen Lund konkluderede, at 1) sekretariatet skriver et notat og "
         "2) at punktet genoptages i juni.")
    (d,) = decide(s, extra_starts=("2) at",))  # a splitter that broke at the enumerator
    assert d.text == s and d.kind == "conclusion"


def test_conclusion_ending_in_colon_takes_its_bullets():
    text = "Udvalget konkluderede følgende:\n• skiltningen forbedres\n• sagen evalueres om et år\nNæste punkt."
    (d,) = decide(text)
    assert d.text == "Udvalget konkluderede følgende:\n• skiltningen forbedres\n• sagen evalueres om et år"


# --------------------------------------------------------------------------- blocks

def test_beslutning_block_is_the_paragraph_under_the_heading():
    text = "Sagsfremstilling\nByrådet godkendte i 2019 en plan.\nBeslutning\nGodkendt.\nFraværende: Ib Hansen"
    (d,) = decide(text)
    assert (d.kind, d.text, d.decided_on) == ("approval", "Godkendt.", MEETING)


def test_inline_beslutning_heading():
    (d,) = decide("Beslutning: Ikke godkendt, da finansieringen mangler.")
    assert (d.kind, d.text) == ("rejected", "Ikke godkendt, da finansieringen mangler.")


@pytest.mark.parametrize("label", ["Løsning", "Aftale"])
def test_informal_decision_labels(label):
    (d,) = decide(f"Lågen klemmer.\n{label}: Hængslerne smøres og lågen justeres i weekenden.")
    assert d.text == "Hængslerne smøres og lågen justeres i weekenden."


def test_heading_and_verdict_run_together():
    (d,) = decide("Beslutning Godkendt med den ændring, at mødet flyttes.")
    assert (d.kind, d.text) == ("approval", "Godkendt med den ændring, at mødet flyttes.")


def test_dated_committee_block_sets_date_and_item():
    text = ("Kultur- og Fritidsudvalgets beslutning den 2. maj 2022 Punkt 4:\n"
            "Udsat.\n"
            "Punktet blev udsat til udvalgets møde i juni, da der mangler et notat.")
    decs = decide(text)
    assert [(d.kind, d.text, d.decided_on, d.item) for d in decs] == [
        ("deferred", "Udsat.", date(2022, 5, 2), "4"),
        ("deferred", "Punktet blev udsat til udvalgets møde i juni, da der mangler et notat.", MEETING, None),
    ]


@pytest.mark.parametrize("verdict,kind", [
    ("Taget til efterretning.", "noted"),
    ("Indstillingen godkendt.", "approval"),
    ("Anbefales.", "approval"),
    ("Forkastet.", "rejected"),
    ("Udsat til næste møde.", "deferred"),
    ("Vedtaget.", "approval"),
])
def test_block_kind_from_its_verdict(verdict, kind):
    (d,) = decide(f"Beslutning i Økonomiudvalget den 03-06-2021\n{verdict}")
    assert (d.kind, d.text, d.decided_on) == (kind, verdict, date(2021, 6, 3))


def test_every_paragraph_of_a_decision_block_is_a_decision():
    text = ("Beslutning\n"
            "Taget til efterretning.\n"
            "Udvalget ønsker en status på vinterberedskabet på mødet i oktober.\n"
            "Sagen sendes til orientering i Ældrerådet og Handicaprådet.\n"
            "Punkt 5 Eventuelt\n"
            "Mødet blev afsluttet med tak.")
    decs = decide(text)
    assert [(d.kind, d.text) for d in decs] == [
        ("noted", "Taget til efterretning."),
        ("other", "Udvalget ønsker en status på vinterberedskabet på mødet i oktober."),
        ("other", "Sagen sendes til orientering i Ældrerådet og Handicaprådet."),
    ]


def test_block_paragraphs_stop_at_speech_and_protocol():
    text = ("Konklusion:\n"
            "Godkendt.\n"
            "Lars Moe (V) spurgte til tidsplanen, og formanden svarede, at den holder.\n"
            "Lars Moe (V) deltog ikke i behandlingen af punktet.\n"
            "C og Ø ønskede følgende protokolleret: Vi kan ikke støtte forslaget.\n"
            "Intet yderligere.\n"
            "Formanden takkede for et godt samarbejde.\n"
            "Udvalget ønsker et notat om økonomien. Formanden oplyste, at notatet kommer i maj.")
    decs = decide(text)
    assert [(d.kind, d.text) for d in decs] == [
        ("approval", "Godkendt."),
        ("other", "Udvalget ønsker et notat om økonomien."),
    ]


def test_a_recorded_vote_and_the_verdict_it_leads_to_are_one_decision():
    text = ("Beslutning\nFor stemte: A, V, F (21)\nImod stemte: O, Ø (6)\nUndlod: K (2)\nBudgettet blev vedtaget.\n"
            "Sagen sendes til Regionen.")
    assert [(d.kind, d.text) for d in decide(text)] == [
        ("approval", "For stemte: A, V, F (21)\nImod stemte: O, Ø (6)\nUndlod: K (2)\nBudgettet blev vedtaget."),
        ("other", "Sagen sendes til Regionen.")]


def test_block_paragraph_with_its_own_decision_sentence_stays_a_prose_row():
    text = "Beslutning:\nGodkendt.\nDet blev aftalt, at forvaltningen skriver til beboerne."
    decs = decide(text)
    assert [(d.kind, d.text) for d in decs] == [
        ("approval", "Godkendt."), ("conclusion", "Det blev aftalt, at forvaltningen skriver til beboerne.")]


def test_block_opening_with_a_question_keeps_its_later_decision():
    text = ("Beslutning:\n"
            "Karen Lund spurgte til status på legepladsen.\n"
            "Bestyrelsen ønsker en plan for vedligeholdelsen til næste møde.")
    decs = decide(text)
    assert [(d.kind, d.text) for d in decs] == [
        ("other", "Bestyrelsen ønsker en plan for vedligeholdelsen til næste møde.")]


def test_block_opening_with_a_question_is_not_a_decision():
    text = "Udvalgets beslutning den 2. maj 2022 Punkt 9:\nAnne Holm spurgte til status på cykelstien."
    assert decide(text) == []


def test_heading_parser():
    lex = load_lexicon()
    m = classify_heading("Børne- og Skoleudvalgets beslutning den 12-03-2020 Punkt 5:", lex)
    assert m and m.group("date") == "12-03-2020" and m.group("num") == "5"
    assert classify_heading("Beslutning om ny skolestruktur", lex) is None
    assert classify_heading("Beslutningen blev udsat", lex) is None
    assert parse_day("12-03-2020", None) == date(2020, 3, 12)
    assert parse_day("3. marts 2021", None) == date(2021, 3, 3)


# --------------------------------------------------------------------------- precision

NOT_DECISIONS = [
    # an earlier resolution recalled, and a resolution in a conditional clause
    "Bestyrelsen har tidligere besluttet at male skuret.",
    "Det er tidligere besluttet, at festen holdes i hallen.",
    "Hvis bestyrelsen har besluttet det, melder vi det ud.",
    "Godkendelse af referat fra sidste møde",
    "Planen skal godkendes af byrådet i juni.",
    "Hvis forslaget godkendes, kan arbejdet begynde i august.",
    "Forvaltningen indstiller, at planen godkendes.",
    "Det forventes, at planen godkendes på næste møde.",
    "Vi holder os til den aftalte tidsplan.",
    "Arbejdet med de besluttede tiltag fortsætter.",
    "Borgerne er udsat for støj fra vejen.",
    "Huset blev udsat for hærværk i weekenden.",
    "De retningslinjer, der blev godkendt sidste år, gælder fortsat.",
    "Hun afviste, at der var problemer med økonomien.",
    "Hun bad om, at man husker de lokale forhold.",
    "Det er vigtigt at udskyde de mindre vigtige opgaver.",
    "Bestyrelsen har sat penge af til analysen.",
    "Ministeriet godkendte planen i 2019.",                      # an outside body, narrated
    "Da budgettet blev godkendt i maj, gik arbejdet i gang.",     # a past circumstance
    "Bilaget er vedlagt til orientering.",
    "Hun valgte at trække sig fra arbejdsgruppen.",              # a personal choice
    "Lokalplanen er godkendt af Planklagenævnet.",               # an outside body, named
    "Ansøgningen er endnu ikke godkendt.",                       # a state, not a verdict
    "Budgettet er allerede godkendt.",                           # the past
    "Når planen er godkendt, går arbejdet i gang.",              # a condition
    "De regler, der er godkendt, gælder fortsat.",               # a relative clause
    "Hun tilsluttede sig forslaget.",                            # a person's opinion
    "Anne Holm bakker op om idéen.",
    "Alle bakker op om de frivillige.",
    "Beløbet trækkes fra kontoen hver måned.",                   # no proposal withdrawn
    "Anne finder, at stien er for smal.",                        # a person's view
    "Hvis forslaget trækkes, bortfalder afstemningen.",          # a condition
    "Derudover gennemføres en ny kampagne, hvor frivillige hjælper til.",  # narrative
    "Skal der indkøbes flere net?",                            # a question
    "Net, der indkøbes, skal være grønne.",                      # a relative clause
    "Materialet sendes af forvaltningen til høring.",            # an outside agent
]


@pytest.mark.parametrize("sentence", NOT_DECISIONS)
def test_not_a_decision(sentence):
    assert decide(f"Punktet blev drøftet.\n{sentence}") == []


def test_reported_speech_is_not_a_decision():
    sentence = "Lone Berg oplyste, at budgettet blev godkendt i regionsrådet i maj."
    text = f"Status.\n{sentence}"
    st = [stmt(text, sentence, "Lone Berg", "oplyste", "oplyse")]
    assert decide(text, statements=st) == []
    assert decide(text) == []  # also without the statements component: the reporting verb shows it


def test_a_main_clause_after_a_report_is_the_meetings_own():
    sentence = "Lone Berg orienterede om sagen, og udvalget tog orienteringen til efterretning."
    st = [stmt(sentence, sentence, "Lone Berg", "orienterede", "orientere")]
    (d,) = decide(sentence, statements=st)
    assert (d.kind, d.text) == ("noted", sentence)


def test_narrative_and_proposal_sections_hold_no_decisions():
    text = ("Sagsfremstilling\n"
            "Byrådet godkendte den 3. maj 2021 en ny plan, og sagen blev udsat i efteråret.\n"
            "Indstilling\n"
            "Direktionen indstiller, at:\n"
            "1. planen godkendes\n"
            "2. sagen sendes i høring\n"
            "Beslutning\n"
            "Godkendt.")
    decs = decide(text)
    assert [(d.kind, d.text) for d in decs] == [("approval", "Godkendt.")]


def test_item_headings_are_skipped():
    text = "4. Budget 2023 godkendt (B)\nBudgettet blev godkendt."
    items = [("4", 0, len(text), text.index("\n"))]
    decs = decide(text, items=items)
    assert [d.text for d in decs] == ["Budgettet blev godkendt."]


def test_meeting_date_missing_leaves_decided_on_empty():
    (d,) = decide("Forslaget blev vedtaget.", meeting_date=None)
    assert d.decided_on is None


# --------------------------------------------------------------------------- corpus PDFs

CORPUS_TRUTH = ["forening-bestyrelse-2022-11-08", "universitet-bestyrelse-2021-06-22",
                "kommune-teknik-miljoe-2023-03-14"]


@pytest.mark.parametrize("stem", CORPUS_TRUTH)
def test_corpus_decisions(stem, corpus_dir):
    """Every decision in the truth file is found in the right item, and no decision comes
    from a proposal ("indstiller") or narrative section."""
    pdf = corpus_dir / f"{stem}.pdf"
    truth_file = corpus_dir / "sources" / f"{stem}.expected.json"
    if not pdf.exists() or not truth_file.exists():
        pytest.fail(f"corpus file missing: build it with python corpus/build.py ({pdf.name})")
    from extract.pipeline import process_file

    res = process_file(pdf)
    assert res.document.status == "ok", res.document.error
    truth = json.loads(truth_file.read_text(encoding="utf-8"))
    norm = lambda s: re.sub(r"\s+", " ", s).strip().lower()  # noqa: E731
    for g in truth["decisions"]:
        hits = [d for d in res.decisions if norm(g["snippet"]) in norm(d.text) and d.item in g["item"]]
        assert hits, f"missing decision {g['snippet']!r} (item {g['item']})"
    for d in res.decisions:
        assert "indstiller" not in d.text.lower()
        assert d.decided_on == res.document.meeting_date


# --------------------------------------------------------------------------- round-2 forms

@pytest.mark.parametrize("sentence,kind", [
    ("Mødelederen konkluderer, at klinikken indfører den nye tjekliste fra januar.", "conclusion"),
    ("Det aftales, at Karen og Ib H. laver et udkast inden næste møde.", "conclusion"),
    ("Det besluttes, at sagen sendes i høring hos brugerrådet.", "conclusion"),
    ("Udvalget anbefaler forslaget over for byrådet.", "approval"),
    ("Et flertal (B, C og O) anbefaler indstillingen.", "approval"),
    ("Anbefales.", "approval"),
    ("Godkendes.", "approval"),
    ("Vi stemte om den nye cykelparkering: ja, 6 mod 2.", "approval"),
    ("Der blev stemt om forslaget, nej 2 mod 5.", "rejected"),
    ("Vedtaget med 5 stemmer mod 2.", "approval"),
])
def test_present_tense_verdicts_and_informal_votes(sentence, kind):
    decs = decide(f"Punktet blev drøftet indgående.\n{sentence}")
    assert [(d.kind, d.text) for d in decs] == [(kind, sentence)]


@pytest.mark.parametrize("sentence", [
    "Forvaltningen anbefaler, at planen godkendes.",   # the administration proposes
    "Hun anbefaler forslaget.",                          # a person's opinion
    "Et mindretal (Ø) anbefaler at forkaste forslaget.",
    "Holdet vandt 3 mod 1 i weekenden.",                 # a score, no vote
])
def test_recommendations_and_tallies_that_are_not_decisions(sentence):
    assert decide(f"Punktet blev drøftet.\n{sentence}") == []


def test_an_item_label_line_opens_no_narrative_section():
    # "Formål: Beslutning" labels the item; the conclusion under it is the item's decision
    text = ("4. Ny vagtplan\nFormål: Beslutning\nLederen gennemgår planen.\n"
            "Mødelederen konkluderer, at planen indføres fra 1. marts.\nBeslutning: Rådet godkender planen.")
    assert [d.text for d in decide(text)] == [
        "Mødelederen konkluderer, at planen indføres fra 1. marts.", "Rådet godkender planen."]


def test_verdict_after_an_inline_item_heading():
    text = "1. Sidste referat – godkendt uden bemærkninger.\n2. Budget\nKassereren gennemgik budgettet."
    a, b = text.index("\n"), text.index("\nKass")
    items = [("1", 0, a, text.index("–") + 1), ("2", a + 1, len(text), b)]
    assert [(d.kind, d.text) for d in decide(text, items=items)] == [("approval", "godkendt uden bemærkninger.")]


@pytest.mark.parametrize("stamp", ["Godkendt den 3. april 2023", "Referatet godkendt: dato/underskrift",
                                   "Underskrevet af formanden 3/4-2023"])
def test_approval_stamp_of_the_minutes_is_no_decision(stamp):
    text = ("5. Eventuelt\nFormanden takkede for et godt møde og hævede mødet kl. 21.\n"
            f"Referent: Jens Ravn\n{stamp}\n-3-")
    assert decide(text) == []


def test_the_same_words_inside_the_minutes_stay_a_decision():
    text = ("1. Referat\nGodkendt den 3. april 2023\n"
            "Kassereren gennemgik herefter regnskabet for de første tre måneder af året i detaljer.")
    assert [d.text for d in decide(text)] == ["Godkendt den 3. april 2023"]


# --------------------------------------------------------------------------- round-3 forms

@pytest.mark.parametrize("sentence", [
    "Fakultetsrådet anbefalede, at arbejdsgruppen udarbejder et nyt forslag til foråret.",
    "Udvalget anbefaler, at kommunen søger om midler fra puljen.",
    "Bestyrelsen indstiller til generalforsamlingen, at kontingentet hæves med 50 kr.",
    "Hovedbestyrelsen indstillede over for repræsentantskabet, at vedtægterne ændres.",
])
def test_a_body_recommendation_or_proposal_to_a_higher_body_is_a_decision(sentence):
    decs = decide(f"Punktet blev drøftet.\n{sentence}")
    assert [(d.kind, d.text) for d in decs] == [("other", sentence)]


@pytest.mark.parametrize("sentence", [
    "Forvaltningen indstiller til udvalget, at planen godkendes.",    # the administration proposes
    "Direktionen anbefalede, at der ansættes en ny controller.",      # management proposes
    "Formanden anbefalede, at vi venter med beslutningen.",          # a person's opinion
    "Hun indstiller til bestyrelsen, at kontrakten forlænges.",
    "Bestyrelsen kan indstille til generalforsamlingen, at kontingentet hæves.",
])
def test_administration_or_person_recommendations_are_not_decisions(sentence):
    assert decide(f"Punktet blev drøftet.\n{sentence}") == []


@pytest.mark.parametrize("sentence, decided", [
    ("Uændret for voksne og børn.", True),  # ("for" here is whom it concerns, not "udsat for")
    ("• Bevilget 5000 kr. fra Sparekassen Nordby.", False),  # an outside body's grant
    ("Bevilget.", True),
])
def test_elliptic_verdicts_for_whom_and_from_whom(sentence, decided):
    assert bool(decide("1. Kontingent\n" + sentence, items=[("1", 0, 100, 13)])) is decided
