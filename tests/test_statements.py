"""referat_statements: who said what (minutes written for these tests, plus the corpus PDFs)."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from helpers import statements_nlp

from extract.doctext import DocText
from extract.nlp import base  # noqa: F401
from extract.nlp import persons, sentences, statements  # noqa: F401  (register the factories)
from extract.schema import Attendee, Statement

CORPUS = Path(__file__).resolve().parents[1] / "corpus"


@pytest.fixture(scope="module")
def nlp():
    return statements_nlp()


def person(name, role="member", organisation=None, job_title=None) -> Attendee:
    return Attendee(name=name, role=role, organisation=organisation, job_title=job_title, char_start=0, char_end=0)


ROSTER = [
    person("Karin Holm", "chair", "Fjordby Kommune", "formand"),
    person("Søren Ebbesen", "member", "Region Vest", "næstformand"),
    person("Ole Berg", "member", "Grundejerforeningen"),
    person("Lene Dahl", "participant", "Limfjord Universitet", "rektor"),
    person("Bo Kjær", "secretary", "Fjordby Kommune"),
]


def run(nlp, body: str, roster=ROSTER, front: str = "Referat af mødet"):
    """Minutes text: a front line, then items whose headings read 'N. Title'; one block per line."""
    dt = DocText.from_plain_text(front + "\nDeltagere: Karin Holm, Søren Ebbesen\n" + body)
    heads = [b for b in dt.blocks if re.match(r"\d+\. ", dt.block_text(b))]
    items = []
    for k, b in enumerate(heads):
        end = heads[k + 1].start if k + 1 < len(heads) else len(dt.text)
        items.append((dt.block_text(b).split(".")[0], b.start, end, b.end))
    doc = nlp.make_doc(dt.text)
    doc._.roster = roster
    doc._.item_spans = items
    doc._.paragraphs = [(b.start, b.end) for b in dt.blocks]
    doc = nlp(doc)
    return doc, doc._.statements


def said(stmts: list[Statement], snippet: str) -> Statement:
    hits = [s for s in stmts if snippet in s.text]
    assert len(hits) == 1, (snippet, [s.text for s in stmts])
    return hits[0]


def test_subject_first(nlp):
    _, st = run(nlp, "1. Økonomi\nSøren Ebbesen bemærkede, at budgettet holder.")
    s = said(st, "budgettet holder")
    assert (s.speaker, s.act, s.verb, s.organisation, s.implicit) == (
        "Søren Ebbesen", "bemærke", "bemærkede", "Region Vest", False)


def test_statements_are_exact_slices_only_of_item_bodies(nlp):
    doc, st = run(nlp, "1. Økonomi\nOle Berg spurgte til kassen. Karin Holm svarede.\n2. Eventuelt\nIntet.")
    assert [s.text for s in st] == ["Ole Berg spurgte til kassen.", "Karin Holm svarede.", "Intet."]
    for s in st:
        assert doc.text[s.char_start:s.char_end] == s.text
        assert s.doc_id == "" and s.item is None and s.statement_id == ""  # the pipeline fills these


def test_inverted_word_order_after_an_adverbial(nlp):
    _, st = run(nlp, "1. Byggeri\nI forlængelse heraf orienterede Ole Berg om tidsplanen for byggeriet.")
    s = said(st, "tidsplanen")
    assert (s.speaker, s.act) == ("Ole Berg", "orientere")


def test_a_genitive_mention_is_never_the_speaker(nlp):
    _, st = run(nlp, "1. Byggeri\nSom opfølgning på Ole Bergs spørgsmål, bemærkede Søren Ebbesen, at sagen er lukket.")
    assert said(st, "sagen er lukket").speaker == "Søren Ebbesen"


def test_pronouns_follow_the_last_speaker_of_their_gender(nlp):
    _, st = run(nlp, "1. Trafik\nKarin Holm spurgte til cykelstien. Søren Ebbesen svarede, at den åbner i maj. "
                     "Hun bemærkede desuden, at belysningen mangler. Desuden pointerede han, at der er afsat midler.")
    assert said(st, "belysningen mangler").speaker == "Karin Holm"
    s = said(st, "afsat midler")
    assert (s.speaker, s.act) == ("Søren Ebbesen", "pointere")


def test_implicit_continuation_within_a_paragraph(nlp):
    _, st = run(nlp, "1. Vej\nOle Berg orienterede om vejarbejdet. Arbejdet er forsinket to uger. "
                     "Entreprenøren har fået en bod.")
    for snippet in ("forsinket to uger", "fået en bod"):
        s = said(st, snippet)
        assert (s.speaker, s.implicit, s.act, s.verb) == ("Ole Berg", True, None, None)


def test_a_new_speaker_mid_paragraph_switches(nlp):
    _, st = run(nlp, "1. Vej\nOle Berg foreslog en ny belægning. Karin Holm svarede, at det er for dyrt. "
                     "Prisen er steget med en tredjedel.")
    assert said(st, "ny belægning").speaker == "Ole Berg"
    assert said(st, "for dyrt").speaker == "Karin Holm"
    s = said(st, "en tredjedel")
    assert (s.speaker, s.implicit) == ("Karin Holm", True)


def test_impersonal_sentences_have_no_speaker(nlp):
    _, st = run(nlp, "1. Plan\nSøren Ebbesen gennemgik planen. Det blev herefter konkluderet, at planen sendes i høring. "
                     "Udvalget godkendte indstillingen. Forslaget blev forkastet.\n"
                     "2. Næste møde\nNæste møde holdes den 3. maj. Ingen yderligere bemærkninger.")
    for snippet in ("konkluderet", "godkendte indstillingen", "blev forkastet", "Næste møde holdes", "Ingen yderligere"):
        assert said(st, snippet).speaker is None, snippet


def test_an_organisation_subject_keeps_the_act_but_names_no_person(nlp):
    _, st = run(nlp, "1. Vand\nForsyningen orienterede om det nye bassin.")
    s = said(st, "nye bassin")
    assert (s.speaker, s.act) == (None, "orientere")


def test_role_subjects_resolve_through_the_roster(nlp):
    _, st = run(nlp, "1. Velkomst\nFormanden bød velkommen til de nye medlemmer. Næstformanden takkede for ordet. "
                     "Rektor bekræftede, at optaget er steget. Herefter bemærkede referenten, at referatet udsendes.")
    s = said(st, "velkommen")
    assert (s.speaker, s.act) == ("Karin Holm", "byde velkommen")
    assert said(st, "takkede for ordet").speaker == "Søren Ebbesen"
    assert said(st, "optaget er steget").speaker == "Lene Dahl"
    assert said(st, "referatet udsendes").speaker == "Bo Kjær"


def test_apposition_party_letter_and_coordination(nlp):
    _, st = run(nlp, "1. Budget\nOle Berg, kasserer i foreningen, gennemgik regnskabet. "
                     "Søren Ebbesen (V) spurgte til renterne. Karin Holm var enig og tilføjede, at renten er lav.")
    assert (said(st, "regnskabet").speaker, said(st, "regnskabet").act) == ("Ole Berg", "gennemgå")
    assert said(st, "renterne").speaker == "Søren Ebbesen"
    s = said(st, "renten er lav")
    assert (s.speaker, s.act, s.verb) == ("Karin Holm", "tilføje", "tilføjede")


def test_multiword_acts(nlp):
    _, st = run(nlp, "1. Forslag\nOle Berg tilsluttede sig forslaget. Derefter tilsluttede hun sig også. "
                     "Karin Holm erklærede sig enig i vurderingen. Søren Ebbesen gjorde opmærksom på fristen. "
                     "Lene Dahl tilsluttede sig og understregede, at fristen er kort. Ole Berg gjorde rede for sagen.")
    assert said(st, "rede for sagen").act == "gøre rede for"
    assert said(st, "sig forslaget").act == "tilslutte sig"
    assert said(st, "erklærede sig enig").act == "erklære sig enig"
    assert said(st, "opmærksom på fristen").act == "gøre opmærksom på"
    s = said(st, "fristen er kort")
    assert (s.speaker, s.act) == ("Lene Dahl", "understrege")


def test_modal_reporting_but_not_announced_actions(nlp):
    _, st = run(nlp, "1. Meddelelser\nFormanden kunne oplyse, at regnskabet er revideret. "
                     "Afslutningsvis kunne rektor konstatere, at optaget stiger. "
                     "Ole Berg kunne ikke tilslutte sig indstillingen. Bo Kjær skal svare borgeren.")
    assert [(s.speaker, s.act) for s in st] == [("Karin Holm", "oplyse"), ("Lene Dahl", "konstatere"),
                                                 ("Ole Berg", "tilslutte sig"), (None, None)]
    assert st[0].verb == "kunne oplyse"


def test_partial_names_misspellings_and_bare_first_names_are_speakers(nlp):
    roster = ROSTER + [person("Mette Lund Hansen"), person("Charlotte Brink")]
    _, st = run(nlp, "1. Sager\nMette Lund svarede ja. Sren Ebbesen bemærkede noget. Charlotte spurgte til skuret.",
                roster)
    assert said(st, "svarede ja").speaker == "Mette Lund Hansen"
    assert said(st, "bemærkede noget").speaker == "Søren Ebbesen"
    assert said(st, "skuret").speaker == "Charlotte Brink"


def test_an_unlisted_person_speaks_with_the_gazetteer_name(nlp):
    _, st = run(nlp, "1. Oplæg\nKirsten Hvidberg fra Miljøstyrelsen fremlagde analysen.")
    s = said(st, "analysen")
    assert (s.speaker, s.organisation, s.act) == ("Kirsten Hvidberg", None, "fremlægge")


def test_a_person_who_reports_nothing_is_not_a_speaker(nlp):
    _, st = run(nlp, "1. Valg\nOle Berg blev genvalgt som kasserer. Bo Kjær deltog ikke i punktet.")
    assert said(st, "genvalgt").speaker is None
    assert said(st, "deltog ikke").speaker is None


def test_paragraph_continuation_only_for_reported_content(nlp):
    _, st = run(nlp, "1. Status\nOle Berg orienterede om projektet.\n• Tidsplanen holder.\n"
                     "Det forventes, at byggeriet slutter til jul.\nPlanen omfatter tre etaper.\n"
                     "Karin Holm takkede.\nBudget og økonomi\nDer er afsat 2 mio. kr.")
    for snippet in ("Tidsplanen holder", "byggeriet slutter"):
        s = said(st, snippet)
        assert (s.speaker, s.implicit) == ("Ole Berg", True), snippet
    assert said(st, "tre etaper").speaker is None  # a new topic, not a continuation marker
    assert said(st, "Budget og økonomi").speaker is None  # a sub-heading
    assert said(st, "2 mio. kr.").speaker is None  # after the sub-heading


def test_present_tense_counts_only_in_present_tense_minutes(nlp):
    past = ("1. Vej\nOle Berg orienterede om sagen. Karin Holm bemærkede, at det haster. Søren Ebbesen spurgte til prisen.\n"
            "Lene Dahl nævnte skiltningen. Ole Berg svarer borgeren inden fredag.")
    _, st = run(nlp, past)
    assert said(st, "svarer borgeren").act is None
    present = "1. Vej\nOle Berg orienterer om sagen. Karin Holm bemærker, at det haster. Søren Ebbesen spørger til prisen."
    _, st = run(nlp, present)
    assert [(s.speaker, s.act) for s in st] == [("Ole Berg", "orientere"), ("Karin Holm", "bemærke"),
                                                 ("Søren Ebbesen", "spørge")]


def test_no_items_means_no_statements(nlp):
    doc = nlp.make_doc("Ole Berg bemærkede, at alt er fint.")
    doc._.roster = ROSTER
    doc = nlp(doc)
    assert doc._.statements == []


# --- the project's corpus: PDFs with their truth files ------------------------------------
EXPECTED = sorted(CORPUS.glob("sources/*.expected.json"))


@pytest.mark.parametrize("expected", EXPECTED, ids=[p.name.split(".")[0] for p in EXPECTED])
def test_corpus_statements(expected: Path):
    """Through the whole pipeline: the truth files' speakers, acts and no-speaker sentences."""
    from extract.pipeline import process_file

    pdf = CORPUS / (expected.name.split(".")[0] + ".pdf")
    assert pdf.exists(), f"build the corpus first: python corpus/build.py ({pdf.name})"
    gold = json.loads(expected.read_text(encoding="utf-8"))["statements"]
    result = process_file(pdf)
    assert result.document.status == "ok", result.document.error
    norm = lambda t: " ".join((t or "").split()).casefold()  # noqa: E731
    texts = [(norm(s.text), s) for s in result.statements]
    ok = acts = n = 0
    for g in gold:
        hits = [s for t, s in texts if norm(g["snippet"]) in t]
        assert hits, g["snippet"]
        s = next((h for h in hits if h.speaker), hits[0])
        if g["flag"] == "none":
            assert s.speaker is None, (g["snippet"], s.speaker)
            continue
        n += 1
        ok += norm(s.speaker) == norm(g["speaker"]) and s.item in g["item"]
        if g["flag"] == "explicit" and g.get("act"):
            acts += (s.act or "").split(" ")[:1] == g["act"].split(" ")[:1]
    assert n and ok / n >= 0.9
    explicit = [g for g in gold if g["flag"] == "explicit" and g.get("act")]
    assert acts >= 0.9 * len(explicit)


# --- passive reports, attitude predicates, reports that go on (held-out review fixes) -----
def test_passive_reports_name_no_speaker(nlp):
    _, st = run(nlp, "1. Vej\nOle Berg orienterede om asfalten. Det oplyses, at arbejdet tager to uger. "
                     "Det blev bemærket, at skiltningen er mangelfuld. Herefter blev det nævnt, at prisen er fast. "
                     "Det præciseres, at kommunen betaler. Der blev spurgt til omkørslen.\n"
                     "Det blev understreget, at naboerne får brev.")
    assert said(st, "asfalten").speaker == "Ole Berg"
    for snippet in ("to uger", "skiltningen", "prisen er fast", "kommunen betaler", "omkørslen", "naboerne får brev"):
        s = said(st, snippet)
        assert (s.speaker, s.implicit, s.act) == (None, False, None), snippet


def test_a_passive_report_from_a_named_source_keeps_the_act(nlp):
    _, st = run(nlp, "1. Havn\nKarin Holm bemærkede, at kajen er slidt. Fra Havnerådet blev det desuden påpeget, "
                     "at kranen skal udskiftes. Fra Søren Ebbesen blev det nævnt, at der mangler lys.")
    s = said(st, "kranen")
    assert (s.speaker, s.act, s.verb, s.implicit) == (None, "påpege", "påpeget", False)
    s = said(st, "mangler lys")
    assert (s.speaker, s.act) == ("Søren Ebbesen", "nævne")


def test_an_expectation_inside_a_report_is_still_the_report(nlp):
    # "Det forventes" is what the speaker reports, not a reporting clause of its own
    _, st = run(nlp, "1. Skole\nLene Dahl fortalte om byggeriet. Det forventes, at fløjen står klar i august.")
    assert (said(st, "står klar").speaker, said(st, "står klar").implicit) == ("Lene Dahl", True)


def test_present_tense_there_is_not_is_reported_content_but_no_more_is_not(nlp):
    _, st = run(nlp, "1. Budget\nKarin Holm fortalte, at budgettet er vedtaget. Der er ikke afsat penge til nye stier. "
                     "Der er ingen bemærkninger til resten.\n2. Eventuelt\nDer var ikke yderligere.")
    s = said(st, "nye stier")
    assert (s.speaker, s.implicit) == ("Karin Holm", True)
    assert said(st, "ingen bemærkninger").speaker is None
    assert said(st, "ikke yderligere").speaker is None


def test_attitude_predicates_report(nlp):
    roster = ROSTER + [person("Mads Krogh"), person("Ida Friis")]
    _, st = run(nlp, "1. Cykler\nSøren Ebbesen var enig i indstillingen. Karin Holm var uenig. "
                     "Mads Krogh var bekymret for trafikken ved skolen. Ida Friis var positiv over for forslaget. "
                     "Lene Dahl var glad for samarbejdet. Ole Berg syntes, at stien er for smal. "
                     "Bo Kjær mente, at prisen er for høj. Hun var af den opfattelse, at sagen haster.", roster)
    acts = {s.text.split(" var ")[0].split(" syntes")[0].split(" mente")[0]: (s.speaker, s.act) for s in st}
    assert acts == {
        "Søren Ebbesen": ("Søren Ebbesen", "være enig"), "Karin Holm": ("Karin Holm", "være uenig"),
        "Mads Krogh": ("Mads Krogh", "være bekymret"), "Ida Friis": ("Ida Friis", "være positiv"),
        "Lene Dahl": ("Lene Dahl", "være glad"), "Ole Berg": ("Ole Berg", "synes"), "Bo Kjær": ("Bo Kjær", "mene"),
        "Hun": ("Lene Dahl", "være af den opfattelse")}


def test_an_attitude_then_a_second_verb_takes_the_second_and_a_body_agreeing_is_no_speech(nlp):
    _, st = run(nlp, "1. Plan\nOle Berg foreslog en ny plan. Karin Holm var enig, men syntes, at planen er dyr. "
                     "Søren Ebbesen var enig og tilføjede, at den haster. Bestyrelsen var enig om, at planen vedtages.")
    assert (said(st, "planen er dyr").speaker, said(st, "planen er dyr").act) == ("Karin Holm", "synes")
    assert (said(st, "den haster").speaker, said(st, "den haster").act) == ("Søren Ebbesen", "tilføje")
    s = said(st, "planen vedtages")
    assert (s.speaker, s.act) == (None, None)


def test_copulas_do_not_make_a_past_tense_document_present(nlp):
    # many "er" in reported content must not let present forms ("svarer") count as reporting verbs
    _, st = run(nlp, "1. Vand\nOle Berg orienterede om, at vandet er rent og at trykket er fint. Karin Holm bemærkede, "
                     "at taget er utæt og at rørene er gamle. Lene Dahl nævnte skiltningen. Søren Ebbesen svarer borgeren i næste uge.")
    assert said(st, "svarer borgeren").act is None


def test_a_body_with_a_present_tense_verb_continues_a_report_but_not_a_remark(nlp):
    _, st = run(nlp, "1. Skole\nOle Berg orienterede om ombygningen. Styregruppen forventer at være færdig i maj. "
                     "Udvalget godkendte orienteringen.\n"
                     "Karin Holm bemærkede, at legepladsen er slidt. Forvaltningen sørger for, at den bliver repareret.")
    s = said(st, "færdig i maj")
    assert (s.speaker, s.implicit) == ("Ole Berg", True)
    assert said(st, "godkendte orienteringen").speaker is None  # the meeting, narrated in the past
    assert said(st, "bliver repareret").speaker is None  # an action after a remark, not a report


def test_the_paragraph_after_a_report_continues_it(nlp):
    _, st = run(nlp, "1. Nyt fra ledelsen\nLene Dahl orienterede om bygningerne: Der er skiftet tag på hallen.\n"
                     "Ventilationen i kantinen er gået i stykker. Reparationen koster 40.000 kr.\n"
                     "Ole Berg gennemgik regnskabet.\nHerefter fulgte en kort drøftelse.\n"
                     "Ole Berg gennemgik budgettet.\nUdvalget tog budgettet til efterretning.\n"
                     "Søren Ebbesen bemærkede, at taget er nyt.\nTagrenderne er også skiftet.")
    for snippet in ("Ventilationen", "40.000 kr."):
        s = said(st, snippet)
        assert (s.speaker, s.implicit) == ("Lene Dahl", True), snippet
    assert said(st, "kort drøftelse").speaker is None  # the meeting, narrated in the past
    assert said(st, "til efterretning").speaker is None
    assert said(st, "Tagrenderne").speaker is None  # after a remark: a new paragraph is not its content


def test_passive_report_shapes_and_a_relative_clause(nlp):
    _, st = run(nlp, "1. Vej\nOle Berg orienterede om vejen. Strækningen, der blev nævnt sidst, er lukket. "
                     "Det skal bemærkes, at broen er åben. Det er blevet oplyst, at færgen sejler. "
                     "Herefter oplyses det, at bussen kører.")
    s = said(st, "er lukket")  # "der blev nævnt" is a relative clause inside the report, not a reporting clause
    assert (s.speaker, s.implicit) == ("Ole Berg", True)
    for snippet in ("broen er åben", "færgen sejler", "bussen kører"):
        assert said(st, snippet).speaker is None, snippet


def test_a_meeting_function_noun_is_the_person_elected_to_it(nlp):
    # "Dirigenten" is whoever the minutes elect dirigent, not the roster's chair
    body = ("1. Valg af dirigent\nKarin Holm foreslog Jens Mølgaard som dirigent. Jens Mølgaard blev valgt.\n"
            "Dirigenten konstaterede, at mødet var lovligt indkaldt.\n"
            "2. Valg af referent\nSom referent valgtes Ulla Brøndum. Referenten takkede for valget.")
    _, st = run(nlp, body)
    assert (said(st, "lovligt indkaldt").speaker, said(st, "lovligt indkaldt").act) == ("Jens Mølgaard", "konstatere")
    assert said(st, "takkede for valget").speaker == "Ulla Brøndum"


def test_the_mayor_chairs_the_city_council_and_its_finance_committee(nlp):
    roster = [person("Vibeke Sand", "chair", None, "formand"), person("Kaj Lyng", "member")]
    body = "1. Meddelelser\nBorgmesteren orienterede om mødet med regionen."
    _, st = run(nlp, body, roster, front="Byrådet, åbent referat")
    assert said(st, "mødet med regionen").speaker == "Vibeke Sand"
    _, st = run(nlp, body, roster, front="Teknik- og Miljøudvalget, åbent referat")
    assert said(st, "mødet med regionen").speaker is None  # another committee's chair is not the mayor
    # an attendee with the title wins
    roster2 = roster + [person("Ib Holt", "participant", None, "borgmester")]
    _, st = run(nlp, body, roster2, front="Byrådet, åbent referat")
    assert said(st, "mødet med regionen").speaker == "Ib Holt"


def test_role_nouns_by_job_title_and_its_compound_head(nlp):
    roster = [person("Vibeke Sand", "chair"), person("Kaj Lyng", "participant", None, "Kommunaldirektør"),
              person("Eva Brun", "member", None, "Afdelingsleder"), person("Tom Alm", "member", None, "Næstformand")]
    body = ("1. Sager\nDirektøren oplyste, at sagen er klar. Afdelingslederen tilføjede, at der er plads. "
            "Næstformanden spurgte til prisen. Formanden svarede, at prisen holder.")
    _, st = run(nlp, body, roster)
    assert said(st, "sagen er klar").speaker == "Kaj Lyng"
    assert said(st, "der er plads").speaker == "Eva Brun"
    assert said(st, "til prisen").speaker == "Tom Alm"
    assert said(st, "prisen holder").speaker == "Vibeke Sand"  # not the næstformand


def test_wanting_to_know_is_a_question(nlp):
    _, st = run(nlp, "1. Eventuelt\nOle Berg ville vide, om hallen åbner til sommer. Karin Holm ville høre, hvornår.")
    assert (said(st, "hallen åbner").speaker, said(st, "hallen åbner").act) == ("Ole Berg", "spørge")
    assert said(st, "ville høre").act == "spørge"


def test_question_and_answer_lines_attributed_in_parentheses(nlp):
    body = ("1. Regnskab\nSpørgsmål: Hvorfor stiger portoen? (Ole Berg)\n"
            "Svar: Fordi taksterne er hævet.\n(Karin Holm)")
    _, st = run(nlp, body)
    q, a = said(st, "Hvorfor stiger"), said(st, "taksterne er hævet")
    assert (q.speaker, q.act, a.speaker, a.act) == ("Ole Berg", "spørge", "Karin Holm", "svare")
    assert said(st, "(Ole Berg)").speaker is None


def test_a_name_as_the_label_of_a_line(nlp):
    _, st = run(nlp, "1. Evt.\nOle Berg: husk at låse døren til kælderen!\nSøren Ebbesen: genvalgt for to år.")
    assert (said(st, "låse døren").speaker, said(st, "låse døren").act) == ("Ole Berg", "sige")
    assert said(st, "genvalgt for").speaker is None  # an election list entry, not speech


def test_two_coordinated_verbs_keep_the_first_act(nlp):
    _, st = run(nlp, "1. Velkomst\nKarin Holm bød velkommen og foreslog en kort runde. "
                     "Ole Berg motiverede forslaget og påpegede, at det haster.")
    assert said(st, "kort runde").act == "byde velkommen"
    assert said(st, "det haster").act == "motivere"


def test_a_passive_sentence_inside_a_report_continues_it(nlp):
    _, st = run(nlp, "1. Stormen\nOle Berg gennemgik forløbet under stormen. Advarslen blev sendt for sent ud til beboerne.\n"
                     "2. Arbejdsdag\nOle Berg bemærkede, at datoen passer. Arbejdsdagen blev fastsat til 3. maj.")
    s = said(st, "Advarslen blev sendt")
    assert (s.speaker, s.implicit) == ("Ole Berg", True)
    assert said(st, "Arbejdsdagen blev fastsat").speaker is None  # after a mere remark: the meeting's decision


# --------------------------------------------------------------------------- round-3 forms

def test_a_title_compound_head_finds_the_chair_but_not_the_deputy(nlp):
    # the chair read as an ordinary member: "Formanden" is the one "Klubformand", not the "Næstformand"
    roster = [person("Vibeke Sand", "member", None, "Klubformand"), person("Kaj Lyng", "member", None, "Næstformand")]
    _, st = run(nlp, "1. Evt.\nFormanden takkede Kaj Lyng for hans arbejde. Næstformanden bemærkede, at det var en fornøjelse.",
                roster)
    assert said(st, "for hans arbejde").speaker == "Vibeke Sand"
    assert said(st, "en fornøjelse").speaker == "Kaj Lyng"


def test_a_title_in_apposition_names_the_speaker_when_the_roster_lost_it(nlp):
    roster = [person("Jonas Vinding", "member", None, "sekretær"), person("Eva Brask", "member")]
    front = "Referat af mødet\nTil stede: Jonas Vinding, afdelingsleder (sekretær)\nEva Brask, viceafdelingsleder"
    _, st = run(nlp, "1. Nyt fra ledelsen\nAfdelingslederen orienterede om, at to nye kolleger starter i maj.\n"
                     "Viceafdelingslederen fortalte, at kantinen lukker i uge 30.", roster, front=front)
    assert said(st, "to nye kolleger").speaker == "Jonas Vinding"
    assert said(st, "kantinen lukker").speaker == "Eva Brask"


def test_perfect_tense_and_begrunde_report(nlp):
    _, st = run(nlp, "1. Valg\nOle Berg har meddelt, at han ikke ønsker genvalg. "
                     "Desuden har Karin Holm oplyst, at kassereren stopper. "
                     "Bo Kjær begrundede sit forslag med, at udgifterne stiger.")
    assert (said(st, "ikke ønsker genvalg").speaker, said(st, "ikke ønsker genvalg").act) == ("Ole Berg", "meddele")
    assert said(st, "ikke ønsker genvalg").verb == "har meddelt"
    assert (said(st, "kassereren stopper").speaker, said(st, "kassereren stopper").act) == ("Karin Holm", "oplyse")
    assert (said(st, "udgifterne stiger").speaker, said(st, "udgifterne stiger").act) == ("Bo Kjær", "begrunde")


def test_an_organisation_with_a_perfect_inside_a_report_continues_it(nlp):
    _, st = run(nlp, "1. Vejbump\nOle Berg orienterede om en henvendelse fra en beboer. "
                     "Grundejerforeningen har oplyst, at den ikke vil betale.")
    s = said(st, "ikke vil betale")
    assert (s.speaker, s.implicit) == ("Ole Berg", True)


def test_a_person_opening_with_a_perfect_gives_an_own_account(nlp):
    _, st = run(nlp, "1. Nyt tag\nOle Berg har undersøgt tre leverandører. Den billigste ligger i Viborg.\n"
                     "2. Ansvar\nOle Berg har ansvaret for nøglerne.")
    assert (said(st, "tre leverandører").speaker, said(st, "tre leverandører").implicit) == ("Ole Berg", True)
    assert said(st, "tre leverandører").act is None
    assert said(st, "billigste ligger").speaker == "Ole Berg"
    assert said(st, "ansvaret for nøglerne").speaker is None


def test_we_deciding_is_the_meeting_not_the_last_speaker(nlp):
    _, st = run(nlp, "1. Kasse\nOle Berg har talt med banken: der er 12.000 kr. på kontoen. "
                     "Vi besluttede at købe nye stole. Vi stemte om farven.")
    assert said(st, "12.000 kr").speaker == "Ole Berg"
    assert said(st, "nye stole").speaker is None
    assert said(st, "om farven").speaker is None


def test_a_presentation_then_an_informing_verb_takes_the_informing_act(nlp):
    _, st = run(nlp, "1. Regnskab\nBo Kjær gennemgik regnskabet og oplyste, at der er et lille overskud. "
                     "Ole Berg gennemgik budgettet og fremhævede, at udgifterne er steget.")
    assert said(st, "lille overskud").act == "oplyse"
    assert said(st, "udgifterne er steget").act == "gennemgå"  # an emphasis stays part of the presentation
