"""Attendance lists of several layouts: roles, organisations, job titles, party letters, guests."""
from __future__ import annotations


import pytest

from extract.attendance import expand_items, parse_attendance
from extract.doctext import DocText
from extract.segment import segment
from helpers import CORPUS_TRUTH, corpus_truth, make_doc, read_corpus_pdf
from helpers import dev_doc as _dev_doc



def roster(doc: DocText) -> dict[str, tuple]:
    seg = segment(doc)
    rows = parse_attendance(doc, seg.front.end)
    out = {}
    for r in rows:
        assert r.name not in out, f"{r.name} listed twice"
        # provenance: the offsets cover the name as written (a wrapped name may span a line break)
        assert " ".join(doc.text[r.char_start:r.char_end].split()) == r.name
        assert r.char_end <= seg.front.end
        out[r.name] = (r.role, r.organisation, r.job_title, r.party, r.items)
    return out


NATIONAL = """\
Referat fra møde i Det nationale råd for digital læring, den 14. marts 2022
Mødet blev holdt som videomøde.
Deltagere fra rådet
Karen Mølgaard (Region Midtjylland), Henrik Aagaard (Styrelsen for It og Læring) Birgitte Lund (Undervisningsministeriet),
Søren Dahl (KL)
Øvrige deltagere
Ida Winther (Danske Regioner), Oskar de la Cour (KL), Ane Marie
Skov Petersen (Styrelsen for It og Læring), Lotte Hald,
(KL), Mikkel Friis (Undervisningsministeriet) (referent)
Afbud
Jens-Peter Holm (Aarhus Kommune), Lone Bech (Danske Regioner)
Øvrige deltagere
Morten Vang, direktør i Danske Skoleelever, samt Nadia Kruse, konsulent i Danske Skoleelever, deltog under dagsordenspunkt 2- 4
Freja Holt, projektleder for Digital Skole i Styrelsen for It og Læring, deltog under dagsordenspunkt 3
1. Godkendelse af dagsorden (B)
Karen Mølgaard bød velkommen. Tilstede: alle.
2. Eventuelt
-
"""


def test_national_board():
    assert roster(DocText.from_plain_text(NATIONAL)) == {
        "Karen Mølgaard": ("member", "Region Midtjylland", None, None, []),
        "Henrik Aagaard": ("member", "Styrelsen for It og Læring", None, None, []),
        "Birgitte Lund": ("member", "Undervisningsministeriet", None, None, []),
        "Søren Dahl": ("member", "KL", None, None, []),
        "Ida Winther": ("participant", "Danske Regioner", None, None, []),
        "Oskar de la Cour": ("participant", "KL", None, None, []),
        "Ane Marie Skov Petersen": ("participant", "Styrelsen for It og Læring", None, None, []),
        "Lotte Hald": ("participant", "KL", None, None, []),
        "Mikkel Friis": ("secretary", "Undervisningsministeriet", None, None, []),
        "Jens-Peter Holm": ("absent", "Aarhus Kommune", None, None, []),
        "Lone Bech": ("absent", "Danske Regioner", None, None, []),
        "Morten Vang": ("guest", "Danske Skoleelever", "direktør", None, ["2", "3", "4"]),
        "Nadia Kruse": ("guest", "Danske Skoleelever", "konsulent", None, ["2", "3", "4"]),
        "Freja Holt": ("guest", "Styrelsen for It og Læring", "projektleder for Digital Skole", None, ["3"]),
    }


MUNICIPAL = """\
Børne- og Skoleudvalget
Vestby Kommune
Referat
Dato: Tirsdag den 8. november 2022
Sted: Rådhuset, mødelokale 2
Medlemmer
Anna Holm (A), formand
Bo Frandsen (V), næstformand
Carla Jessen (SF)
Dennis Ravn (Ø)
Afbud/Fraværende: Dennis Ravn (Ø)
Desuden deltog: Erik Lund, skolechef (deltog under punkt 2)
Sekretær: Eva Kirk, udvalgssekretær
Indholdsfortegnelse
Punkt 1: Godkendelse af dagsorden 3
Punkt 2: Skoledistrikter 4
Punkt 1: Godkendelse af dagsorden
Godkendt.
Punkt 2: Skoledistrikter
Anbefales.
"""


def test_municipal_committee_party_letters():
    assert roster(DocText.from_plain_text(MUNICIPAL)) == {
        "Anna Holm": ("chair", None, "formand", "A", []),
        "Bo Frandsen": ("member", None, "næstformand", "V", []),
        "Carla Jessen": ("member", None, None, "SF", []),
        "Dennis Ravn": ("absent", None, None, "Ø", []),
        # staff without an organisation belong to the institution in the header
        "Erik Lund": ("guest", "Vestby Kommune", "skolechef", None, ["2"]),
        "Eva Kirk": ("secretary", "Vestby Kommune", "udvalgssekretær", None, []),
    }


ASSOCIATION = """\
Referat af bestyrelsesmøde i Grundejerforeningen Solbakken
torsdag d. 22/6 2023 kl. 19.00 hos Lene Brix, Kastanievej 12
Tilstede: Lene Brix (formand), Poul Sand, Grethe Bak og Nikolaj Ebbesen (fra kl. 19.30)
Afbud: Tove Lind, Hans Berg (syg)
Referent: Poul Sand
1. Godkendelse af referat
Godkendt.
"""


def test_association_board():
    assert roster(DocText.from_plain_text(ASSOCIATION)) == {
        "Lene Brix": ("chair", None, "formand", None, []),
        "Poul Sand": ("secretary", None, None, None, []),
        "Grethe Bak": ("member", None, None, None, []),
        "Nikolaj Ebbesen": ("member", None, None, None, []),
        "Tove Lind": ("absent", None, None, None, []),
        "Hans Berg": ("absent", None, None, None, []),
    }


def test_inline_labels_in_one_block_and_absent_marker():
    doc = DocText.from_plain_text(
        "Referat af møde i Foreningen Aktive Ældre den 3. maj 2022\n"
        "Til stede: Gudrun Holm, Arne Bech (afbud) og Inge Lauridsen. Afbud: Vagn Kirk\n"
        "1. Velkomst\nTekst.")
    assert roster(doc) == {
        "Gudrun Holm": ("member", None, None, None, []),
        "Arne Bech": ("absent", None, None, None, []),
        "Inge Lauridsen": ("member", None, None, None, []),
        "Vagn Kirk": ("absent", None, None, None, []),
    }


UNIVERSITY = [
    "Referat af bestyrelsesmøde den 14.03.2023",
    "Nordjysk Teknisk Universitet",
    "Deltagere:",
    "Marianne Øst\tFormand",
    "Rasmus Kjær\tNæstformand",
    "Helle Bruun\tEksternt medlem (Novafarm A/S)",
    "Afbud: Tobias Lykke (studenterrepræsentant)",
    "Desuden deltog: rektor Vibeke Storm, universitetsdirektør Claus Hviid og Sara Mikkelsen (referent)",
    "Gæster: Kim Brandt, dekan ved Det Tekniske Fakultet, deltog i behandlingen af punkt 3 og 4",
    "Ad 1. Godkendelse af dagsorden",
    "Godkendt.",
]


def test_university_board_table_and_guests():
    assert roster(make_doc(UNIVERSITY)) == {
        "Marianne Øst": ("chair", "Nordjysk Teknisk Universitet", "Formand", None, []),
        "Rasmus Kjær": ("member", "Nordjysk Teknisk Universitet", "Næstformand", None, []),
        "Helle Bruun": ("member", "Nordjysk Teknisk Universitet", "Eksternt medlem (Novafarm A/S)", None, []),
        "Tobias Lykke": ("absent", "Nordjysk Teknisk Universitet", "studenterrepræsentant", None, []),
        "Vibeke Storm": ("participant", "Nordjysk Teknisk Universitet", "rektor", None, []),
        "Claus Hviid": ("participant", "Nordjysk Teknisk Universitet", "universitetsdirektør", None, []),
        "Sara Mikkelsen": ("secretary", "Nordjysk Teknisk Universitet", None, None, []),
        "Kim Brandt": ("guest", "Det Tekniske Fakultet", "dekan", None, ["3", "4"]),
    }


def test_two_column_table_with_label_header():
    doc = make_doc([
        "Referat fra møde i Styregruppen for Cykelstier den 2. juni 2021",
        "Til stede\tAfbud",
        "Anders Krogh\tBente Vilstrup",
        "Camilla Riis\tDorthe Lassen",
        "Frank Weber\t",
        "1. Status",
        "Tekst.",
    ])
    assert {n: r[0] for n, r in roster(doc).items()} == {
        "Anders Krogh": "member", "Bente Vilstrup": "absent", "Camilla Riis": "member",
        "Dorthe Lassen": "absent", "Frank Weber": "member",
    }


def test_two_names_per_row_and_org_acronym_on_a_board():
    doc = make_doc([
        "Referat fra møde i Netværket for Kystbyer den 5. oktober 2021",
        "Deltagere",
        "Pia Gram (KL)\tOle Bak (DR)",
        "Mødeleder: Pia Gram",
        "1. Velkomst",
        "Tekst.",
    ])
    assert roster(doc) == {
        "Pia Gram": ("chair", "KL", None, None, []),
        "Ole Bak": ("member", "DR", None, None, []),
    }


def test_nothing_before_front_end_and_no_labels():
    doc = DocText.from_plain_text("1. Velkomst\nTilstede: Anna Holm og Bo Jensen\n2. Eventuelt\n-")
    seg = segment(doc)
    assert seg.front.end == 0
    assert parse_attendance(doc, seg.front.end) == []


def test_attendance_as_first_item_and_trailing_referent():
    doc = DocText.from_plain_text("""\
Bestyrelsesmøde i Lystbådehavnen
Onsdag den 5. april 2023
1. Fremmøde
Til stede: Erik Lund (formand), Tina Borg, Jan Friis. Afbud: Susanne Kold
2. Godkendelse af referat
Godkendt.
3. Eventuelt
Intet.
Referent: Tina Borg
""")
    rows = parse_attendance(doc, segment(doc).front.end)
    assert {r.name: (r.role, r.job_title) for r in rows} == {
        "Erik Lund": ("chair", "formand"), "Tina Borg": ("secretary", None),
        "Jan Friis": ("member", None), "Susanne Kold": ("absent", None)}
    assert all(doc.text[r.char_start:r.char_end] == r.name for r in rows)


def test_initials_are_not_organisations_and_resolve_the_referent():
    doc = make_doc([
        "Referat af møde i Akademisk Råd den 12. oktober 2022",
        "Deltagere:",
        "• Anna Holm (AH), formand",
        "• Bo Jensen (BJ)",
        "• Carl Ibsen (CI)",
        "Referent: BJ",
        "1. Godkendelse af dagsorden",
        "AH bød velkommen.",
    ])
    assert roster(doc) == {
        "Anna Holm": ("chair", None, "formand", None, []),
        "Bo Jensen": ("secretary", None, None, None, []),
        "Carl Ibsen": ("member", None, None, None, []),
    }


def test_label_variants_and_inline_label_without_punctuation():
    doc = DocText.from_plain_text(
        "Referat af møde i Sejlklubben Vesterhavet den 2. maj 2022\n"
        "Bestyrelsesmedlemmer til stede: Anne Lund, Bo Holm Afbud: Carl Berg\n"
        "Fraværende medlemmer: Dorte Ravn\n"
        "Fra administrationen deltog Erik Sand, havnefoged\n"
        "1. Velkomst\nTekst.")
    assert roster(doc) == {
        "Anne Lund": ("member", None, None, None, []),
        "Bo Holm": ("member", None, None, None, []),
        "Carl Berg": ("absent", None, None, None, []),
        "Dorte Ravn": ("absent", None, None, None, []),
        "Erik Sand": ("participant", None, "havnefoged", None, []),
    }


def test_names_with_initials():
    doc = DocText.from_plain_text("Referat af møde i Sejlklubben den 2. maj 2022\n"
                                  "Tilstede: Peter S., Anne K. Holm og Bo Holm (KL)\n1. Velkomst\nTekst.")
    assert roster(doc) == {
        "Peter S.": ("member", None, None, None, []),
        "Anne K. Holm": ("member", None, None, None, []),
        "Bo Holm": ("member", "KL", None, None, []),
    }


def test_running_text_ends_the_list():
    doc = DocText.from_plain_text(
        "Referat af møde i Havnerådet den 2. maj 2022\nDeltagere: Bent Holm, Lis Krogh\n"
        "Formanden Bent Holm indledte med at byde alle velkommen til mødet.\n1. Status\nTekst.")
    assert set(roster(doc)) == {"Bent Holm", "Lis Krogh"}


@pytest.mark.parametrize("spec,expected", [
    ("1- 7", ["1", "2", "3", "4", "5", "6", "7"]),
    ("3 og 4", ["3", "4"]),
    ("3-4", ["3", "4"]),
    ("2", ["2"]),
    ("2, 3 og 5", ["2", "3", "5"]),
    ("1 til 3", ["1", "2", "3"]),
    ("8.1-8.3", ["8.1", "8.2", "8.3"]),
    ("4–5 og 7", ["4", "5", "7"]),
])
def test_expand_items(spec, expected):
    assert expand_items(spec) == expected


# --------------------------------------------------------------------------- dev document and corpus


def test_dev_document_roles():
    doc = _dev_doc()
    rows = parse_attendance(doc, segment(doc).front.end)
    roles = [r.role for r in rows]
    # read off the document: 5 board members, 10 other participants + the secretary,
    # 3 apologies, 4 guests (two for items 1-7, one for item 2, one for item 3)
    assert (roles.count("member"), roles.count("participant"), roles.count("secretary"),
            roles.count("absent"), roles.count("guest")) == (5, 10, 1, 3, 4)
    assert sorted(tuple(r.items) for r in rows if r.role == "guest") == sorted(
        [tuple(str(k) for k in range(1, 8))] * 2 + [("2",), ("3",)])
    assert all(r.organisation for r in rows)


@pytest.mark.parametrize("expected", CORPUS_TRUTH, ids=lambda p: p.name.split(".")[0])
def test_corpus_attendance(expected):
    exp, pdf = corpus_truth(expected, "attendance")
    doc = read_corpus_pdf(pdf)
    got = {r.name: (r.role, r.organisation, r.job_title, r.party, r.items) for r in roster_rows(doc)}
    want = {a["name"]: (a["role"], a.get("organisation"), a.get("job_title"), a.get("party"), a.get("items", []))
            for a in exp["attendance"]}
    assert got == want


def roster_rows(doc: DocText):
    return parse_attendance(doc, segment(doc).front.end)


# --------------------------------------------------------------------------- titles, sections, groups


def doc_with_joined_word(before: str, after: str, rest: list[str]) -> DocText:
    """A DocText whose attendance line wraps inside a word the PDF layer re-joined
    ('…repræsen-' + 'tanter'): two spans (visual lines) with no white space between them."""
    from extract.doctext import Block, Span

    head = "Referat af møde i Skolebestyrelsen ved Solbjerg Skole den 4. marts 2024"
    text = head + "\n" + before + after
    spans = [Span(0, len(head), 1, (0, 0, 0, 0)),
             Span(len(head) + 1, len(head) + 1 + len(before), 1, (0, 10, 0, 0)),
             Span(len(head) + 1 + len(before), len(text), 1, (0, 20, 0, 0))]
    blocks = [Block(0, len(head), 1), Block(len(head) + 1, len(text), 1)]
    for line in rest:
        text += "\n"
        blocks.append(Block(len(text), len(text) + len(line), 1))
        spans.append(Span(len(text), len(text) + len(line), 1, (0, 0, 0, 0)))
        text += line
    return DocText(text, blocks, spans, page_count=1)


STAFF_TITLES = [
    "Referat af møde i Kulturudvalget den 3. maj 2023",
    "Vestby Kommune",
    "Deltagere: Anna Bøgh (A), formand, Lars Vind (V)",
    "Fra forvaltningen: Kommunal planlægningschef Eva Sommer samt afdelingsleder\n"
    "Jens Krogh, Natur og Plan (under pkt. 2).",
    "Gæst: Under punkt 3 deltog direktør Mads Holt, Østjysk Energi.",
    "Desuden deltog: Statsautoriseret revisor Pia Aagaard, Revisionsfirmaet Syd, under pkt. 4.",
    "Referent: Ulla Dam, udvalgssekretær.",
    "1. Godkendelse af dagsorden",
    "Godkendt.",
]


def test_job_titles_before_names_and_organisations_after_them():
    assert roster(make_doc(STAFF_TITLES)) == {
        "Anna Bøgh": ("chair", None, "formand", "A", []),
        "Lars Vind": ("member", None, None, "V", []),
        # modifier + title before the name; the line break after "samt afdelingsleder" is inside an entry
        "Eva Sommer": ("participant", "Vestby Kommune", "Kommunal planlægningschef", None, []),
        # a unit of the home institution named after a staff member: organisation = the institution
        "Jens Krogh": ("guest", "Vestby Kommune", "afdelingsleder, Natur og Plan", None, ["2"]),
        # "Under punkt N deltog <title> <name>, <organisation>": no person named after the firm
        "Mads Holt": ("guest", "Østjysk Energi", "direktør", None, ["3"]),
        "Pia Aagaard": ("guest", "Revisionsfirmaet Syd", "Statsautoriseret revisor", None, ["4"]),
        "Ulla Dam": ("secretary", "Vestby Kommune", "udvalgssekretær", None, []),  # no final period
    }


def test_home_organisation_from_the_running_header_when_the_front_matter_lacks_it():
    doc = make_doc([
        "Referat",
        "Udvalget for Natur og Miljø, 4. april 2024",
        "Fra administrationen: Kim Vestergaard, natur- og miljøchef",
        "1. Godkendelse af dagsorden",
        "Godkendt.",
    ])
    assert roster(doc)["Kim Vestergaard"][1] is None
    doc.furniture = ["Østerby Kommune", "Side 2 af 3"]  # removed header lines of page 2 ff.
    assert roster(doc)["Kim Vestergaard"][:3] == ("participant", "Østerby Kommune", "natur- og miljøchef")


def test_a_person_after_a_titled_person_stays_a_person():
    doc = DocText.from_plain_text("Referat af møde i Havnerådet den 2. maj 2022\n"
                                  "Til stede: direktør Anne Holm, Bo Berg og Carl Lund\n1. Status\nTekst.")
    assert set(roster(doc)) == {"Anne Holm", "Bo Berg", "Carl Lund"}


@pytest.mark.parametrize("listed, titles", [
    # a dotted degree before a name is a title, not the end of the entry
    ("stud.mag. Emil Berg, cand.scient. Ida Holm, dr.phil. Bo Ask og Carl Lund",
     {"Emil Berg": "stud.mag.", "Ida Holm": "cand.scient.", "Bo Ask": "dr.phil.", "Carl Lund": None}),
    # a job title before a lone first name in a labelled list
    ("Anne Kirk, Bo Nygaard, elevrådsrepræsentant Emil og skoleleder Dorte",
     {"Anne Kirk": None, "Bo Nygaard": None, "Emil": "elevrådsrepræsentant", "Dorte": "skoleleder"}),
])
def test_titles_before_names(listed, titles):
    doc = DocText.from_plain_text(f"Referat af møde i Studienævnet den 2. maj 2022\nDeltagere: {listed}\n1. Status\nTekst.")
    assert {n: v[2] for n, v in roster(doc).items()} == titles


def test_a_label_without_a_colon_after_a_full_stop_opens_a_section():
    doc = DocText.from_plain_text("Bestyrelsesmøde den 12. marts 2019\n"
                                  "Til stede: Lars, Mette og Kim. Afbud fra Jonas.\n1. Status\nTekst.")
    assert {n: v[0] for n, v in roster(doc).items()} == {
        "Lars": "member", "Mette": "member", "Kim": "member", "Jonas": "absent"}


def test_label_with_qualifier_opens_a_new_section():
    doc = make_doc([
        "Referat fra møde i Styregruppen for Havneplanen den 2. oktober 2023",
        "Deltagere fra styregruppen",
        "Karen Holst (Havnerådet), Peter Bang (Fjordby Kommune)",
        "Afbud",
        "Sofie Lund (Fjordby Kommune), Bo Lind (Havnerådet) (deltog dog under punkt 3)",
        "Øvrige deltagere under enkelte punkter",
        "Martin Friis, analysechef i Havnerådet, deltog under dagsordenspunkt 2\n"
        "Line Kjær, rådgiver i Kystconsult A/S, deltog under dagsordenspunkt 1-2",
        "1. Velkomst",
        "Tekst.",
    ])
    assert roster(doc) == {
        "Karen Holst": ("member", "Havnerådet", None, None, []),
        "Peter Bang": ("member", "Fjordby Kommune", None, None, []),
        "Sofie Lund": ("absent", "Fjordby Kommune", None, None, []),
        # "deltog under punkt N" means present for those items, also in an apologies list
        "Bo Lind": ("guest", "Havnerådet", None, None, ["3"]),
        "Martin Friis": ("guest", "Havnerådet", "analysechef", None, ["2"]),
        "Line Kjær": ("guest", "Kystconsult A/S", "rådgiver", None, ["1", "2"]),
    }


def test_plural_label_after_a_coordinated_list_labels_every_name():
    doc = doc_with_joined_word(
        "Mødt: Hanne Bjerg (formand), Ole Sand, Kim Lund og Eva Dahl (forældrerepræsen",
        "tanter), Per Ravn og Lis Holm (medarbejderrepræsentanter), Tom Berg (elevrepræsentant), "
        "Inge Møller og Carl Due (gæster), skoleleder Rikke Bach.",
        ["Afbud: Nina Kjær og Emil Sand (forældrerepræsentant)", "1. Velkomst", "Tekst."])
    r = roster(doc)
    jobs = {n: v[2] for n, v in r.items()}
    # documented choice: the plural label is singularised, one title per person
    assert jobs["Ole Sand"] == jobs["Kim Lund"] == jobs["Eva Dahl"] == "forældrerepræsentant"
    assert jobs["Per Ravn"] == jobs["Lis Holm"] == "medarbejderrepræsentant"
    assert jobs["Hanne Bjerg"] == "formand" and jobs["Tom Berg"] == "elevrepræsentant"
    assert r["Inge Møller"][0] == r["Carl Due"][0] == "guest"
    # a singular label belongs to the last name only
    assert jobs["Nina Kjær"] is None and jobs["Emil Sand"] == "forældrerepræsentant"
    # the leader of the school attends its board; she is not a member
    assert r["Rikke Bach"][:3] == ("participant", "Solbjerg Skole", "skoleleder")
    assert r["Ole Sand"][:2] == ("member", "Solbjerg Skole")


def test_leaders_are_members_of_a_meeting_of_leaders_and_of_an_explicit_member_list():
    doc = DocText.from_plain_text(
        "Referat af møde i Chefgruppen den 2. maj 2023\nVestby Kommune\n"
        "Til stede: kommunaldirektør Anne Holm, økonomichef Bo Berg, skolechef Carl Lund\n1. Status\nTekst.")
    assert {r[0] for r in roster(doc).values()} == {"member"}
    doc = DocText.from_plain_text(
        "Referat af bestyrelsesmøde den 2. maj 2023\nSolbjerg Skole\n"
        "Bestyrelsesmedlemmer: Eva Holt, Ib Sand, Lone Kjær, skoleleder Rikke Bach\n1. Status\nTekst.")
    assert roster(doc)["Rikke Bach"][0] == "member"


def test_foundation_board_members_belong_to_the_foundation_and_appointing_body():
    doc = make_doc([
        "Bestyrelsesmøde i Fonden Havgården",
        "Referat",
        "Deltagere:\nOle Holm – formand\nBo Lind – udpeget af Fjordby Kommune",
        "Fra direktionen: Direktør Anne Kruse",
        "Dagsorden:",
        "1) Velkomst",
    ])
    assert roster(doc) == {
        "Ole Holm": ("chair", "Fonden Havgården", "formand", None, []),
        "Bo Lind": ("member", "Fjordby Kommune", None, None, []),
        "Anne Kruse": ("participant", "Fonden Havgården", "Direktør", None, []),
    }


@pytest.mark.parametrize("line,expected", [
    # a leading "Under pkt. N deltog" covers the names after it, in the next sentence too, not the ones before
    ("Til stede: Anna Holm, Bo Berg. Under pkt. 4 deltog direktør Carl Lund, Nordvest Data.",
     {"Anna Holm": ("member", None, []), "Bo Berg": ("member", None, []), "Carl Lund": ("guest", "Nordvest Data", ["4"])}),
    ("Til stede: Anna Holm, Bo Berg\nUnder pkt. 4 deltog Carl Lund og Eva Kirk.",
     {"Anna Holm": ("member", None, []), "Bo Berg": ("member", None, []), "Carl Lund": ("guest", None, ["4"]),
      "Eva Kirk": ("guest", None, ["4"])}),
    # a trailing clause covers the coordinated names before it
    ("Til stede: Anna Holm og Bo Berg deltog under punkt 2-3, Eva Kirk",
     {"Anna Holm": ("guest", None, ["2", "3"]), "Bo Berg": ("guest", None, ["2", "3"]), "Eva Kirk": ("member", None, [])}),
    # an explicit marker on an entry beats the list's default role
    ("Til stede: Anna Holm, Eva Kirk (observatør)",
     {"Anna Holm": ("member", None, []), "Eva Kirk": ("participant", None, [])}),
])
def test_item_clauses_and_markers(line, expected):
    doc = DocText.from_plain_text(f"Referat af møde i Havnerådet den 2. maj 2022\n{line}\n1. Status\nTekst.")
    assert {n: (v[0], v[1], v[4]) for n, v in roster(doc).items()} == expected


def test_header_table_maps_columns_and_merges_wrapped_cells():
    # header row given as one run of words; wrapped cells come as rows with an empty first cell;
    # role words in a title cell apply to that row only; the attendance column gives absent / guest
    doc = make_doc([
        "Referat af møde i Styregruppen for Havneudvikling den 3. maj 2022",
        "Ordstyrer:\tTove Brandt",
        "Referent:\tKim Vestergaard",
        "Navn Stilling Organisation Fremmøde",
        "Tove Brandt\tHavnedirektør,\tNordby Havn,\tJa",
        "\tforperson\tAdministrationen",
        "Rasmus Lyng\tIngeniør\tNordby Havn,\tJa",
        "\t\tTeknik og Drift",
        "Lise Bonde\tJurist\tNordby Kommune\tFraværende",
        "Kim Vestergaard\tSekretær\tNordby Havn\t✓",
        "Preben Mose\tArkitekt\tMose Tegnestue ApS\tUnder pkt. 2",
        "1. Godkendelse af dagsorden",
        "Godkendt.",
    ])
    r = roster(doc)
    assert {n: (v[0], v[1], v[4]) for n, v in r.items()} == {
        "Tove Brandt": ("chair", "Nordby Havn, Administrationen", []),
        "Kim Vestergaard": ("secretary", "Nordby Havn", []),
        "Rasmus Lyng": ("member", "Nordby Havn, Teknik og Drift", []),
        "Lise Bonde": ("absent", "Nordby Kommune", []),
        "Preben Mose": ("guest", "Mose Tegnestue ApS", ["2"]),
    }
    assert r["Tove Brandt"][2] == "Havnedirektør, forperson"
    assert r["Rasmus Lyng"][2] == "Ingeniør"


def test_header_table_with_tab_cells_and_a_note_column():
    doc = make_doc([
        "Referat af møde i Brugerrådet den 9. juni 2023",
        "Deltager\tRolle\tBemærkning",
        "Jonas Kjeldsen\tFormand\t",
        "Maja Thorup\tMedlem\tafbud",
        "Oskar Brink\tMedlem\tdeltog under punkt 4",
        "1. Velkomst",
        "Tekst.",
    ])
    assert {n: (v[0], v[4]) for n, v in roster(doc).items()} == {
        "Jonas Kjeldsen": ("chair", []), "Maja Thorup": ("absent", []), "Oskar Brink": ("guest", ["4"]),
    }


def test_referent_label_names_its_line_only():
    doc = make_doc([
        "Referat af møde i Trafikforum den 1. marts 2023",
        "Mødeleder: Jens Kragh",
        "Referent: Ulla Bæk",
        "Anders Foss\tKonsulent\tFjordby Kommune",
        "Bente Krog\tPlanlægger\tFjordby Kommune",
        "1. Status",
        "Tekst.",
    ])
    r = roster(doc)
    assert r["Jens Kragh"][0] == "chair" and r["Ulla Bæk"][0] == "secretary"
    assert all(v[0] != "secretary" for n, v in r.items() if n != "Ulla Bæk")


def test_first_name_only_lists():
    doc = make_doc([
        "Referat af bestyrelsesmøde i Grundejerforeningen Engly",
        "Til stede: Karin (fmd.), Torben, Lis (ref.), Mads og Helle",
        "Afbud: Niels",
        "Palle (gårdmand) deltog under pkt. 2",
        "1. Referat fra sidst",
        "Torben fortalte om regnskabet.",
    ])
    assert {n: (v[0], v[4]) for n, v in roster(doc).items()} == {
        "Karin": ("chair", []), "Torben": ("member", []), "Lis": ("secretary", []), "Mads": ("member", []),
        "Helle": ("member", []), "Niels": ("absent", []), "Palle": ("guest", ["2"]),
    }


def test_coordinated_full_names_and_a_hard_break_between_entries():
    doc = make_doc([
        "Referat af bestyrelsesmøde i Grundejerforeningen Engly",
        "Til stede: Karin Lau (fmd.), Mads Bruun og Helle Dahl",
        "Afbud: Niels Ravn",
        "Palle (gårdmand) deltog under pkt. 2",
        "1. Referat fra sidst",
        "Tekst.",
    ])
    assert {n: (v[0], v[1], v[4]) for n, v in roster(doc).items()} == {
        "Karin Lau": ("chair", None, []), "Mads Bruun": ("member", None, []), "Helle Dahl": ("member", None, []),
        "Niels Ravn": ("absent", None, []), "Palle": ("guest", None, ["2"]),
    }


def test_first_names_are_not_read_from_body_text():
    doc = make_doc([
        "Referat af bestyrelsesmøde i Grundejerforeningen Engly",
        "Karin bød velkommen, og Torben fortalte om regnskabet.",
        "1. Referat fra sidst",
        "Tekst.",
    ])
    assert roster(doc) == {}


def test_group_label_keeps_its_first_entry_after_a_count_line():
    doc = DocText.from_plain_text(
        "Referat af ordinær generalforsamling i Roklubben Fjorden den 4. marts 2023\n"
        "Fremmødte: 27 medlemmer.\n"
        "Fra bestyrelsen: Ditte Holm (formand), Per Lund (kasserer), Ane Friis og Jakob Hald.\n"
        "Fra sekretariatet: Mona Dahl\n"
        "1. Valg af dirigent\nTekst.\n")
    assert {n: v[0] for n, v in roster(doc).items()} == {
        "Ditte Holm": "chair", "Per Lund": "member", "Ane Friis": "member", "Jakob Hald": "member",
        "Mona Dahl": "participant",
    }


def test_leaving_during_an_item_stays_a_member_and_labels_are_no_organisations():
    doc = make_doc([
        "Referat af møde i Teknik- og Miljøudvalget den 7. februar 2024",
        "Medlemmer:\tKaren Holt (A) (formand), Jens Bak (V), Eva Lind (F)",
        "Desuden deltog:\tdirektør Lars Krog og udvalgssekretær Pia Riis (referent)",
        "Noter:\tJens Bak (V) forlod mødet under behandlingen af punkt 4.",
        "Eva Lind (F) deltog ikke i behandlingen af punkt 3.",
        "1. Godkendelse af dagsorden",
        "Godkendt.",
    ])
    r = roster(doc)
    assert r["Jens Bak"][0] == "member" and r["Eva Lind"][0] == "member"
    assert r["Pia Riis"][0] == "secretary" and r["Pia Riis"][1] != "Noter"


@pytest.mark.parametrize("line,expected", [
    ("Til stede: Jens Bak (forlod mødet under behandlingen af punkt 4), Eva Kirk",
     {"Jens Bak": ("member", None, []), "Eva Kirk": ("member", None, [])}),
    ("Til stede: Jens Bak, der forlod mødet efter punkt 2, og Eva Kirk",
     {"Jens Bak": ("member", None, []), "Eva Kirk": ("member", None, [])}),
    ("Til stede: Jens Bak, Eva Kirk, Bemærkninger",
     {"Jens Bak": ("member", None, []), "Eva Kirk": ("member", None, [])}),
])
def test_leaving_is_not_a_guest_and_section_words_are_no_organisation(line, expected):
    doc = DocText.from_plain_text(f"Referat af møde i Havnerådet den 2. maj 2022\n{line}\n1. Status\nTekst.")
    assert {n: (v[0], v[1], v[4]) for n, v in roster(doc).items()} == expected


def test_person_table_without_header_after_a_referent_line():
    doc = make_doc([
        "Referat af møde i Styregruppen for Havneudvikling den 3. maj 2022",
        "Referent:\tKim Vestergaard",
        "Tove Brandt\tHavnedirektør, forperson\tNordby Havn",
        "Rasmus Lyng\tIngeniør\tNordby Havn,",
        "\t\tTeknik og Drift",
        "Kim Vestergaard\tSekretær\tNordby Havn",
        "1. Godkendelse af dagsorden",
        "Godkendt.",
    ])
    assert {n: (v[0], v[1]) for n, v in roster(doc).items()} == {
        "Kim Vestergaard": ("secretary", "Nordby Havn"),
        "Tove Brandt": ("chair", "Nordby Havn"),
        "Rasmus Lyng": ("member", "Nordby Havn, Teknik og Drift"),
    }


def test_unknown_first_name_in_a_list_of_first_names():
    doc = DocText.from_plain_text(
        "Referat af bestyrelsesmøde i Grundejerforeningen Engly\n"
        "Til stede: Karin (fmd.), Torben, Zirra, Mads og Helle\n"
        "1. Referat fra sidst\nTekst.\n")
    assert {n: v[0] for n, v in roster(doc).items()} == {
        "Karin": "chair", "Torben": "member", "Zirra": "member", "Mads": "member", "Helle": "member"}


# --------------------------------------------------------------------------- round-3 rules


def test_two_column_table_chair_in_cell_wrapped_cell_and_row_after_it():
    """'Name, formand (group)' in a cell is the chair; a cell wrapped onto the next line
    ('…(sekretær for' + 'skolebestyrelsen)') continues that cell and does not end the table
    (and makes her the secretary);
    a deputy leader in a generic list attends (participant); user groups are job titles."""
    doc = make_doc([
        "Referat fra møde i Skolebestyrelsen ved Engbo Skole den 9. april 2025",
        "Til stede\tAfbud",
        "Lise Kragh, formand (forælder)\tOle Winther (forælder)",
        "Tim Bruun (forælder)\t",
        "Sofie Lund (elevrådet)\t",
        "Rune Mikkelsen (forælder)\t",
        "Eva Holm, skoleleder (sekretær for",
        "skolebestyrelsen)",
        "Kaj Dam, viceskoleleder",
        "1. Godkendelse af dagsorden",
        "Godkendt.",
    ])
    got = roster(doc)
    assert {n: v[0] for n, v in got.items()} == {
        "Lise Kragh": "chair", "Ole Winther": "absent", "Tim Bruun": "member", "Sofie Lund": "member",
        "Rune Mikkelsen": "member", "Eva Holm": "secretary", "Kaj Dam": "participant"}
    assert got["Tim Bruun"][2] == "forælder"


def test_job_title_before_name_chair_compound_and_staff_group_labels():
    doc = make_doc([
        "Referat af bestyrelsesmøde i Kystfisk Holding A/S den 2. maj 2025",
        "Til stede:",
        "Bestyrelsesformand Mona Friis",
        "Næstformand Peter Bang",
        "Bestyrelsesmedlem Ulla Krog (TAP)",
        "Referent: Advokat Ib Storm, Storm & Partnere",
        "1. Regnskab",
        "Godkendt.",
    ])
    got = roster(doc)
    assert got["Mona Friis"][:3] == ("chair", "Kystfisk Holding A/S", "Bestyrelsesformand")
    assert got["Peter Bang"][:2] == ("member", "Kystfisk Holding A/S")  # the deputy is no chair
    # a staff group in parentheses is no organisation; a company's board members have the company
    assert got["Ulla Krog"][:2] == ("member", "Kystfisk Holding A/S")
    # a professional title before the name is a job title; a firm with "&" stays whole
    assert got["Ib Storm"][:3] == ("secretary", "Storm & Partnere", "Advokat")
    assert segment(doc).front.body == "Bestyrelsen for Kystfisk Holding A/S"


def test_vip_tap_are_no_organisations_and_a_secretariat_person_is_the_secretary():
    doc = make_doc([
        "Referat af møde i Studienævnet",
        "Institut for Geografi, Vestkyst Universitet",
        "Mødedato: 4. marts 2025",
        "Deltagere: Lone Berg (VIP), Tue Ravn (TAP), Nina Holt (Ministeriet for Uddannelse), sekretariat",
        "1. Velkomst",
        "Tekst.",
    ])
    got = roster(doc)
    # convention: the institution (the university), not its unit (the institute)
    assert got["Lone Berg"][:3] == ("member", "Vestkyst Universitet", "VIP")
    assert got["Tue Ravn"][:2] == ("member", "Vestkyst Universitet")
    assert got["Nina Holt"][:2] == ("secretary", "Ministeriet for Uddannelse")
