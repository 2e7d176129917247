"""referat_actions: owner / task / due for each action form, on sentences written for these
tests; due dates come from the real referat_dates component (normalised against the
meeting date) so they are asserted to the day."""
from __future__ import annotations

import re
from datetime import date

import pytest
import spacy

from helpers import component_doc

from extract.nlp import base  # noqa: F401
from extract.nlp.actions import ActionsComponent, clean_task, initials, resolve_owner
from extract.nlp.dates import DatesComponent
from extract.nlp.decisions import DecisionsComponent
from extract.schema import Attendee, DateMention, Statement

MEETING = date(2021, 3, 4)
NLP = spacy.blank("da")
DATES, DECISIONS, ACTIONS = DatesComponent(), DecisionsComponent(), ActionsComponent()
ROSTER = [Attendee(name=n, role="chair" if n == "Anne Bak" else "member", char_start=0, char_end=0)
          for n in ("Charlotte Holm", "Peter Dahl", "Steffen Sørensen", "Anne Bak", "Ib Krog")]
PERSONS = {"Peter Dahl": "Peter Dahl", "Anne Bak": "Anne Bak", "Ib Krog": "Ib Krog"}
ORGS = {"Sekretariatet": "Sekretariatet", "Vejdirektoratet": "Vejdirektoratet", "Kommunen": "Kommunen"}


def make_doc(text: str, *, statements=None, items=None, spans: bool = True, dates=None):
    doc = component_doc(NLP, text, meeting_date=MEETING)
    doc._.item_spans = items or []
    doc._.statements = statements or []
    doc._.roster = ROSTER
    if spans:
        for key, names in (("persons", PERSONS), ("orgs", ORGS)):
            found = []
            for written, canonical in names.items():
                for m in re.finditer(re.escape(written), text):
                    sp = doc.char_span(m.start(), m.end())
                    sp._.canonical = canonical
                    found.append(sp)
            doc.spans[key] = found
    if dates is not None:
        doc._.dates = dates
    else:
        doc = DATES(doc)
    return ACTIONS(DECISIONS(doc))


def actions(text: str, **kw):
    doc = make_doc(text, **kw)
    return [(a.owner, a.task, a.due_start, a.due_end) for a in doc._.actions]


# --------------------------------------------------------------------------- prose forms

def test_org_subject_with_work_verb_and_deadline():
    assert actions("Sekretariatet udarbejder et notat om parkering senest 1. maj 2021.") == [
        ("Sekretariatet", "udarbejder et notat om parkering senest 1. maj 2021", date(2021, 5, 1), date(2021, 5, 1))]


def test_person_with_modal():
    assert actions("Peter Dahl skal sende referatet til medlemmerne i uge 12.") == [
        ("Peter Dahl", "sende referatet til medlemmerne i uge 12", date(2021, 3, 22), date(2021, 3, 28))]


@pytest.mark.parametrize("verb_phrase", ["sørger for lokaler til mødet", "følger op på klagen",
                                         "vil undersøge mulighederne for tilskud",
                                         "indkalder til et ekstra møde", "afgiver høringssvar om planen"])
def test_obligation_verbs(verb_phrase):
    (a,) = actions(f"Anne Bak {verb_phrase}.")
    assert a[0] == "Anne Bak" and a[1].endswith(verb_phrase.split()[-1])


def test_the_body_itself_owns_explicit_work_but_not_a_bare_modal():
    assert actions("Bestyrelsen sørger for at sende vedtægterne til kommunen inden 1. maj.") == [
        ("Bestyrelsen", "sørger for at sende vedtægterne til kommunen inden 1. maj", date(2021, 5, 1), date(2021, 5, 1))]
    assert actions("Hun spurgte, om det er noget, bestyrelsen skal drøfte.") == []


def test_role_owner_is_the_chair_on_the_roster():
    assert actions("Det blev aftalt, at formanden kontakter skolen.") == [("Anne Bak", "kontakter skolen", None, None)]


def test_proposal_assigns_work_to_the_org():
    text = "Ib Krog foreslog, at Vejdirektoratet kunne udarbejde et oplæg til næste møde."
    assert actions(text) == [("Vejdirektoratet", "udarbejde et oplæg til næste møde", None, None)]


def test_pronoun_owner_is_the_statement_speaker():
    sentence = "Hun følger op på sagen i uge 14."
    text = f"Anne Bak orienterede om klagerne.\n{sentence}"
    s = text.index(sentence)
    st = [Statement(speaker="Anne Bak", text=sentence, implicit=True, char_start=s, char_end=s + len(sentence))]
    assert actions(text, statements=st) == [
        ("Anne Bak", "følger op på sagen i uge 14", date(2021, 4, 5), date(2021, 4, 11))]


def test_a_clause_embedded_without_at_has_its_pronoun_as_subject():
    assert actions("Ib Krog synes vi skal holde en arbejdsdag.") == []
    text = "Peter Dahl mener han skal ringe til kommunen."
    st = [Statement(speaker="Peter Dahl", text=text, implicit=False, char_start=0, char_end=len(text))]
    assert actions(text, statements=st) == [("Peter Dahl", "ringe til kommunen", None, None)]


def test_decision_sentence_with_two_assignments():
    text = "Det blev aftalt, at Sekretariatet indkalder til et nyt møde, og at Anne Bak følger op på budgettet."
    assert actions(text) == [
        ("Sekretariatet", "indkalder til et nyt møde", None, None),
        ("Anne Bak", "følger op på budgettet", None, None),
    ]


def test_inside_a_conclusion_any_work_verb_counts():
    text = "Det blev konkluderet, at Kommunen indgår en dialog med grundejerne inden udgangen af juni."
    ((owner, task, ds, de),) = actions(text)
    assert (owner, task) == ("Kommunen", "indgår en dialog med grundejerne inden udgangen af juni")
    assert ds == de == date(2021, 6, 30)


def test_inverted_word_order():
    text = "Når tilbuddene er modtaget, kontakter Peter Dahl leverandørerne."
    assert actions(text) == [("Peter Dahl", "kontakter leverandørerne", None, None)]


def test_capitalised_subject_without_mention_annotators():
    assert actions("Grundejerforeningen Solbakken sender et høringssvar.", spans=False) == [
        ("Grundejerforeningen Solbakken", "sender et høringssvar", None, None)]


@pytest.mark.parametrize("sentence", [
    "Peter Dahl sendte referatet ud i sidste uge.",            # past narration
    "Man skal huske at tilmelde sig.",                           # no owner
    "Vi vil gerne have flere frivillige.",                       # no owner
    "Peter Dahl skal være opmærksom på fristen.",                # modal + copula
    "Anne Bak melder tilbage, at alt er i orden.",              # reporting, not a task
    "Hun opfordrede til, at enten Kommunen kontakter skolen, eller at andre gør det.",  # an option
    "Sekretariatet har udarbejdet et notat.",                    # perfect tense
])
def test_not_an_action(sentence):
    assert actions(f"Punktet blev drøftet.\n{sentence}") == []


# --------------------------------------------------------------------------- list forms

def test_owner_marker_in_parentheses_resolves_against_the_roster():
    text = ("• Opdatere medlemslisten (Charlotte)\n"
            "• Sende indbydelse til sommerfesten (PD)\n"
            "• Bestille telt til 12. juni (Ansvarlig: Ib)")
    assert actions(text) == [
        ("Charlotte Holm", "Opdatere medlemslisten", None, None),
        ("Peter Dahl", "Sende indbydelse til sommerfesten", None, None),
        ("Ib Krog", "Bestille telt til 12. juni", date(2021, 6, 12), date(2021, 6, 12)),
    ]


def test_owner_marker_at_the_end_of_a_prose_sentence():
    text = "Vi drøftede haven. Anne sender en rykker til de to restanter inden 1. april (Anne)."
    assert actions(text, spans=False) == [
        ("Anne Bak", "sender en rykker til de to restanter inden 1. april", date(2021, 4, 1), date(2021, 4, 1))]


def test_unknown_abbreviation_in_parentheses_is_not_an_owner():
    assert actions("Status på det nye lønsystem (SLS) blev gennemgået.") == []
    # an organisation's abbreviation defined at a sentence end is not an owner either
    assert actions("Mødet blev holdt sammen med Kommunen (Kommunen).") == []
    assert actions("Materialet ligger på intranettet (se vedlagte bilag 2).") == []


def test_owner_header_with_bullets_in_a_task_list():
    text = ("Aktuelle opgaver\n"
            "Steffen S. skal:\n"
            "• bestille lokaler til generalforsamlingen\n"
            "• sende indkaldelsen ud i uge 10\n"
            "Næste møde")
    assert actions(text) == [
        ("Steffen Sørensen", "bestille lokaler til generalforsamlingen", None, None),
        ("Steffen Sørensen", "sende indkaldelsen ud i uge 10", date(2021, 3, 8), date(2021, 3, 14)),
    ]


def test_ansvarlig_and_frist_labels():
    text = "Udarbejde budget for 2022. Ansvarlig: Anne Bak, Frist: 1. juni"
    assert actions(text) == [("Anne Bak", "Udarbejde budget for 2022", date(2021, 6, 1), date(2021, 6, 1))]


def test_ansvarlig_line_under_the_task_line():
    text = "Opgave: Revidere vedtægterne\nAnsvarlig: Ib Krog\nNæste punkt."
    assert actions(text)[0][:2] == ("Ib Krog", "Revidere vedtægterne")


def test_bullets_with_owner_prefix_in_a_task_section():
    text = "Opfølgning\n• Peter: booke bus til udflugten\n• Anne Bak: opdatere hjemmesiden"
    assert actions(text) == [
        ("Peter Dahl", "booke bus til udflugten", None, None),
        ("Anne Bak", "opdatere hjemmesiden", None, None),
    ]


# --------------------------------------------------------------------------- due choice and helpers

def test_deadline_framed_date_wins_over_an_earlier_plain_date():
    text = "Sekretariatet udarbejder efter mødet i marts et notat, der skal være klar senest 15. april."
    a = text.index("marts")
    b = text.index("15. april")
    dates = [
        DateMention(text="marts", start=date(2021, 3, 1), end=date(2021, 3, 31), granularity="month",
                    char_start=a, char_end=a + 5),
        DateMention(text="15. april", start=date(2021, 4, 15), end=date(2021, 4, 15), granularity="day",
                    deadline=True, char_start=b, char_end=b + 9),
    ]
    ((owner, _, ds, de),) = actions(text, dates=dates)
    assert (owner, ds, de) == ("Sekretariatet", date(2021, 4, 15), date(2021, 4, 15))


def test_a_year_naming_the_subject_is_not_the_due_date():
    assert actions("Anne Bak udarbejder budgetforslaget for 2022 i løbet af april.") == [
        ("Anne Bak", "udarbejder budgetforslaget for 2022 i løbet af april", date(2021, 4, 1), date(2021, 4, 30))]
    # "i 2022" is when: a due year
    assert actions("Peter Dahl skal afslutte projektet i 2022.") == [
        ("Peter Dahl", "afslutte projektet i 2022", date(2022, 1, 1), date(2022, 12, 31))]


def test_resolve_owner_and_initials():
    assert initials("Charlotte Holm Hansen") == {"CHH", "CH"}
    assert resolve_owner("CH", ROSTER) == ("Charlotte Holm", True)
    assert resolve_owner("Steffen S.", ROSTER) == ("Steffen Sørensen", True)
    assert resolve_owner("Peter", ROSTER) == ("Peter Dahl", True)
    assert resolve_owner("XY", ROSTER) == ("XY", False)


def test_clean_task_drops_the_repeated_subject():
    assert clean_task("Hun påtager sig flytningen", "Lone Vinther", ["Lone"]) == "påtager sig flytningen"
    assert clean_task("Bestyrelsen besluttede at forlænge aftalen", "Peter Dahl") == "forlænge aftalen"
    assert clean_task("Der var enighed om, at Ib udarbejder et notat", "Ib Krog", ["IK"]) == "udarbejder et notat"


def test_actions_keep_provenance_and_leave_item_open():
    doc = make_doc("Punktet blev drøftet.\nSekretariatet sender materialet ud i uge 12.")
    (a,) = doc._.actions
    assert doc.text[a.char_start:a.char_end] == "Sekretariatet sender materialet ud i uge 12"
    assert a.item is None and a.doc_id == ""


def test_corpus_task_list(corpus_dir):
    """The association minutes end with an 'Aktuelle opgaver' list: one action per bullet."""
    pdf = corpus_dir / "forening-bestyrelse-2022-11-08.pdf"
    if not pdf.exists():
        pytest.fail("corpus file missing: build it with python corpus/build.py")
    from extract.pipeline import process_file

    res = process_file(pdf)
    by_owner: dict[str, list[str]] = {}
    for a in res.actions:
        by_owner.setdefault(a.owner, []).append(a.task)
    # the source lists these owners with 2, 2, 2, 1 and 1 bullets (plus prose actions)
    for owner, n in (("Peter Skovbo", 2), ("Birthe Lund", 2), ("Henrik Mørch", 2), ("Charlotte Brink", 1),
                     ("Lone Vinther", 1)):
        assert len(by_owner.get(owner, [])) >= n, (owner, by_owner.get(owner))
    rykker = [a for a in res.actions if a.owner == "Birthe Lund" and "rykker" in a.task and a.due_start]
    assert rykker and all(a.due_start == date(2022, 11, 15) for a in rykker)
    assert all(a.owner for a in res.actions)


def test_action_table_rows():
    text = ("5. Opfølgning\nAktionsliste\nNr. Opgave\tAnsvarlig\tFrist\n1\tBestille nye stole til salen\tPeter\t15.04.2021\n"
            "2\tSende invitation ud\tAnne, Ib Krog\tUge 14\n3\tOpdatere hjemmesiden\tCH\tNæste møde\n"
            "Næste møde afholdes den 1. juni 2021.")
    got = actions(text, items=[("5", 0, len(text), 13)])
    assert got == [
        ("Peter Dahl", "Bestille nye stole til salen", date(2021, 4, 15), date(2021, 4, 15)),
        ("Anne Bak, Ib Krog", "Sende invitation ud", date(2021, 4, 5), date(2021, 4, 11)),
        ("Charlotte Holm", "Opdatere hjemmesiden", None, None),
    ]


def test_a_table_without_an_owner_column_is_no_action_table():
    text = "3. Deltagere\nNavn\tTitel\tOrganisation\nPeter Dahl\tKonsulent\tKommunen"
    assert actions(text, items=[("3", 0, len(text), 12)]) == []


def test_spaced_dash_ends_the_clause_before_the_owner():
    assert actions("Lampen i gangen skal også skiftes – Peter Dahl indhenter to tilbud inden 1. maj.") == [
        ("Peter Dahl", "indhenter to tilbud inden 1. maj", date(2021, 5, 1), date(2021, 5, 1))]
