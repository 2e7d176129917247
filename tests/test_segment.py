"""Segmentation: front matter and agenda items on invented minutes of several layouts."""
from __future__ import annotations

from datetime import date

import pytest

from helpers import CORPUS_TRUTH, corpus_truth, make_doc, read_corpus_pdf
from helpers import dev_doc as _dev_doc

from extract.doctext import DocText
from extract.frontmatter import find_dates
from extract.segment import segment, split_kind


def items_of(seg):
    return [(i.number, i.title, i.kind, i.parent) for i in seg.items]


# --------------------------------------------------------------------------- national board

NATIONAL = """\
Referat fra møde i Det nationale råd for digital læring, den 14. marts 2022
Mødet blev holdt som hybridmøde.
Deltagere fra rådet
Karen Mølgaard (Region Midtjylland), Henrik Aagaard (Styrelsen for It og Læring)
Øvrige deltagere
Ida Winther (Danske Regioner), Mikkel Friis (Undervisningsministeriet) (referent)
1. Godkendelse af dagsorden (B)
Dagsordenen blev godkendt.
2. Status på den digitale læringsplatform og udrulning af nye moduler til alle
gymnasier i landet (O)
Karen Mølgaard orienterede om status. Hun nævnte, at der den
2. december holdes et seminar for alle skoler.
3. Budget for 2023 og 4. Plan for evaluering af indsatsen (D)
Rådet behandlede punkterne samlet. Henrik Aagaard bemærkede, at
1) evalueringen skal være uafhængig, og 2) resultaterne skal offentliggøres.
5. Meddelelser (O)
1. Nyt fra sekretariatet
Mikkel Friis orienterede om nye medarbejdere.
2. Høring om ny bekendtgørelse for digitale eksamener (HØR)
Der er høringsfrist i april.
6. Eventuelt
-
"""


def test_national_board_front_matter():
    seg = segment(DocText.from_plain_text(NATIONAL))
    f = seg.front
    assert f.title == "Referat fra møde i Det nationale råd for digital læring, den 14. marts 2022"
    assert f.body == "Det nationale råd for digital læring"
    assert f.meeting_date == date(2022, 3, 14)
    assert f.place == "hybridmøde"
    assert f.start == 0
    assert f.end == NATIONAL.index("1. Godkendelse") and seg.items[0].char_start == f.end


def test_national_board_items():
    doc = DocText.from_plain_text(NATIONAL)
    seg = segment(doc)
    assert items_of(seg) == [
        ("1", "Godkendelse af dagsorden", "beslutning", None),
        ("2", "Status på den digitale læringsplatform og udrulning af nye moduler til alle gymnasier i landet",
         "orientering", None),
        ("3", "Budget for 2023", "drøftelse", None),
        ("4", "Plan for evaluering af indsatsen", "drøftelse", None),
        ("5", "Meddelelser", "orientering", None),
        ("5.1", "Nyt fra sekretariatet", None, "5"),
        ("5.2", "Høring om ny bekendtgørelse for digitale eksamener (HØR)", None, "5"),
        ("6", "Eventuelt", None, None),
    ]
    by = {i.number: i for i in seg.items}
    # combined items share one text range
    assert (by["3"].char_start, by["3"].char_end) == (by["4"].char_start, by["4"].char_end)
    assert by["4"].char_end == by["5"].char_start - 1
    # a parent covers its sub-items; sub-items end at the next sibling / next top item
    assert by["5"].char_end == by["6"].char_start - 1
    assert by["5.1"].char_end == by["5.2"].char_start - 1
    assert by["5.2"].char_end == by["6"].char_start - 1
    # the wrapped title's heading ends after its second line; the last item runs to the end
    assert doc.text[by["2"].char_start:by["2"].heading_end].endswith("gymnasier i landet (O)")
    assert by["6"].char_end == len(doc.text)
    assert doc.text[by["6"].heading_end:by["6"].char_end].strip() == "-"


# --------------------------------------------------------------------------- municipal committee

MUNICIPAL = """\
Teknik- og Miljøudvalget
Referat
Ordinært møde
Dato: Tirsdag den 8. november 2022
Tid: Kl. 16.00 - 18.00
Sted: Rådhuset, mødelokale 2
Medlemmer
Anna Holm (A), formand
Bo Frandsen (V), næstformand
Carla Jessen (SF)
Dennis Ravn (Ø)
Afbud/Fraværende: Dennis Ravn (Ø)
Sekretær: Eva Kirk
Indholdsfortegnelse
Punkt 1: Godkendelse af dagsorden 3
Punkt 2: Lokalplan for boligområde ved Skovvej 4
Punkt 3: Orientering om vejarbejder 6
Punkt 1: Godkendelse af dagsorden
Sagsnr.: 00.01.00-A00-1-22
Indstilling
Forvaltningen indstiller, at dagsordenen godkendes.
Udvalgets beslutning den 8. november 2022
Punkt 1
Godkendt.
Punkt 2: Lokalplan for boligområde ved Skovvej
Sagsnr.: 01.02.05-P16-3-22
Sagsfremstilling
Forvaltningen har udarbejdet forslag til lokalplan. Planen indeholder:
1. Nye boliger
2. Grønne arealer
Indstilling
Forvaltningen indstiller,
1. at forslaget vedtages
2. at forslaget sendes i høring i 8 uger
Udvalgets beslutning den 8. november 2022 Punkt 2
Anbefales.
Punkt 3: Orientering om vejarbejder
Sagsnr.: 05.01.00-G01-2-22
Udvalgets beslutning den 8. november 2022
Taget til efterretning.
"""


def test_municipal_front_matter():
    doc = DocText.from_plain_text(MUNICIPAL)
    seg = segment(doc)
    f = seg.front
    assert f.title == "Teknik- og Miljøudvalget, Referat"
    assert f.body == "Teknik- og Miljøudvalget"
    assert f.meeting_date == date(2022, 11, 8)
    assert f.place == "Rådhuset, mødelokale 2"


def test_municipal_items_ignore_toc_and_numbered_lists():
    doc = DocText.from_plain_text(MUNICIPAL)
    seg = segment(doc)
    assert items_of(seg) == [
        ("1", "Godkendelse af dagsorden", None, None),
        ("2", "Lokalplan for boligområde ved Skovvej", None, None),
        ("3", "Orientering om vejarbejder", None, None),
    ]
    # the real headings come after the table of contents
    toc_end = doc.text.index("Punkt 3: Orientering om vejarbejder 6")
    assert seg.items[0].char_start > toc_end
    assert seg.front.end == seg.items[0].char_start


def test_toc_with_dot_leaders_in_cells():
    doc = make_doc([
        "Referat af møde i Kulturudvalget den 3. maj 2021",
        "Indholdsfortegnelse",
        "1. Budgetopfølgning\t.......... 2",
        "2. Tilskud til foreninger\t.......... 3",
        "1. Budgetopfølgning",
        "Udvalget drøftede budgettet.",
        "2. Tilskud til foreninger",
        "Udvalget godkendte tilskuddene.",
    ])
    seg = segment(doc)
    assert items_of(seg) == [("1", "Budgetopfølgning", None, None), ("2", "Tilskud til foreninger", None, None)]
    assert seg.items[0].char_start == doc.text.index("1. Budgetopfølgning\n")
    assert seg.front.body == "Kulturudvalget" and seg.front.meeting_date == date(2021, 5, 3)


# --------------------------------------------------------------------------- association

ASSOCIATION = """\
Grundejerforeningen Solbakken
Referat af bestyrelsesmøde i Grundejerforeningen Solbakken
torsdag d. 22/6 2023 kl. 19.00 hos Lene Brix, Kastanievej 12
Tilstede: Lene Brix (formand), Poul Sand, Grethe Bak og Nikolaj Ebbesen
Afbud: Tove Lind
Referent: Poul Sand
1. Godkendelse af referat fra sidste møde
Referatet blev godkendt uden bemærkninger.
2. Økonomi
Kassereren gennemgik regnskabet. Bestyrelsen besluttede:
a) at kontingentet fastholdes
b) at der indhentes tilbud på vejbelysning
3. Vedligeholdelse af fællesarealer
Der skal ryddes op på legepladsen, og man
1) forsøger at finde frivillige.
2. december afholdes julehygge.
4. Eventuelt
Intet.
"""


def test_association():
    seg = segment(DocText.from_plain_text(ASSOCIATION))
    assert items_of(seg) == [
        ("1", "Godkendelse af referat fra sidste møde", None, None),
        ("2", "Økonomi", None, None),
        ("3", "Vedligeholdelse af fællesarealer", None, None),
        ("4", "Eventuelt", None, None),
    ]
    f = seg.front
    assert f.title == "Referat af bestyrelsesmøde i Grundejerforeningen Solbakken"
    assert f.body == "Grundejerforeningen Solbakken"
    assert f.meeting_date == date(2023, 6, 22)
    assert f.place == "Kastanievej 12"  # "hos <host>, <address>": the address


# --------------------------------------------------------------------------- university board

UNIVERSITY = [
    "Bestyrelsen for Nordjysk Teknisk Universitet",
    "Referat af bestyrelsesmøde den 14.03.2023",
    "Mødested: Universitetets administrationsbygning, lokale 1.12",
    "Deltagere:",
    "Marianne Øst\tFormand",
    "Rasmus Kjær\tNæstformand",
    "Helle Bruun\tMedlem",
    "Afbud: Tobias Lykke",
    "Desuden deltog: rektor Vibeke Storm, universitetsdirektør Claus Hviid og Sara Mikkelsen (referent)",
    "Gæster: Kim Brandt, dekan ved Det Tekniske Fakultet, deltog i behandlingen af punkt 3 og 4",
    "Dagsorden",
    "1. Godkendelse af dagsorden",
    "2. Rektors orientering",
    "3. Budget 2024",
    "4. Strategi 2025-2030",
    "5. Eventuelt",
    "Ad 1. Godkendelse af dagsorden",
    "Dagsordenen blev godkendt.",
    "Ad 2. Rektors orientering",
    "Rektor orienterede om optaget.",
    "Ad 3. Budget 2024",
    "Budgettet blev drøftet. Bestyrelsen lagde vægt på:",
    "1. Fokus på uddannelseskvalitet",
    "2. Balance i økonomien",
    "Ad 4: Strategi 2025-2030",
    "Strategien blev godkendt.",
    "Ad 5. Eventuelt",
    "Intet.",
]


def test_university_board():
    doc = make_doc(UNIVERSITY)
    seg = segment(doc)
    assert items_of(seg) == [
        ("1", "Godkendelse af dagsorden", None, None),
        ("2", "Rektors orientering", None, None),
        ("3", "Budget 2024", None, None),
        ("4", "Strategi 2025-2030", None, None),
        ("5", "Eventuelt", None, None),
    ]
    assert doc.text[seg.items[0].char_start:].startswith("Ad 1. Godkendelse")
    assert doc.text[seg.items[3].char_start:seg.items[3].heading_end] == "Ad 4: Strategi 2025-2030"
    f = seg.front
    assert f.body == "Bestyrelsen for Nordjysk Teknisk Universitet"
    assert f.meeting_date == date(2023, 3, 14)
    assert f.place == "Universitetets administrationsbygning, lokale 1.12"
    assert f.title == "Referat af bestyrelsesmøde den 14.03.2023"


# --------------------------------------------------------------------------- PDF-like block structure


def test_bold_wrapped_heading_and_merged_heading_body_block():
    doc = make_doc([
        "Referat af møde i Styregruppen for Fælles Sagsbehandling den 2. februar 2021",
        ("1. Godkendelse af den reviderede plan for\nimplementering af det nye sagssystem (B)", True),
        "Planen blev godkendt.",
        # heading not bold and glued to its body text in one block (each line its own span)
        "2. Orientering om tidsplan\nSekretariatet gennemgik tidsplanen for resten\naf året.",
        ("3. Eventuelt", True),
        "Ingen bemærkninger.",
    ])
    seg = segment(doc)
    assert items_of(seg) == [
        ("1", "Godkendelse af den reviderede plan for implementering af det nye sagssystem", "beslutning", None),
        ("2", "Orientering om tidsplan", None, None),
        ("3", "Eventuelt", None, None),
    ]
    two = seg.items[1]
    assert doc.text[two.char_start:two.heading_end] == "2. Orientering om tidsplan"
    assert seg.front.body == "Styregruppen for Fælles Sagsbehandling"


def test_bold_style_rejects_plain_numbered_lists():
    doc = make_doc([
        "Referat fra møde i Netværket for Kystbyer den 5. oktober 2021",
        ("1. Velkomst", True),
        "Formanden bød velkommen.",
        ("2. Projekter", True),
        "Der blev præsenteret tre projekter:",
        "1. Havnebadet",
        "Projektet er i gang.",
        "2. Kyststien",
        "Projektet afventer tilladelse.",
        ("3. Næste møde", True),
        "Aftales senere.",
    ])
    assert items_of(segment(doc)) == [
        ("1", "Velkomst", None, None), ("2", "Projekter", None, None), ("3", "Næste møde", None, None)]


def test_heading_forms():
    doc = DocText.from_plain_text("""\
Referat
Pkt. 1 Godkendelse af referat (O/B)
Godkendt.
Punkt 2: Valg af revisor (Beslutning)
Revisoren blev genvalgt.
3 Nyt fra kommunen (KKR)
Intet nyt.
3.1 Trafikplan
Planen er sendt i høring.
3.2 Affaldsordning
Ordningen starter i maj.
Ad 4 og 5. Eventuelt og næste møde
Intet.
""")
    assert items_of(segment(doc)) == [
        ("1", "Godkendelse af referat", "orientering", None),
        ("2", "Valg af revisor", "beslutning", None),
        ("3", "Nyt fra kommunen (KKR)", None, None),
        ("3.1", "Trafikplan", None, "3"),
        ("3.2", "Affaldsordning", None, "3"),
        ("4", "Eventuelt og næste møde", None, None),
        ("5", "Eventuelt og næste møde", None, None),
    ]


def test_heading_and_text_on_one_line():
    doc = DocText.from_plain_text("""\
Referat af bestyrelsesmøde i Sejlklubben Vesterhavet den 2. maj 2022
1. Godkendelse af referat: Referatet blev godkendt uden bemærkninger.
2. Økonomi. Kassereren fremlagde regnskabet, som viser et lille overskud.
3. Orientering vedr. havnen
Havnefogeden orienterede.
4. Eventuelt: Intet.
""")
    items = segment(doc).items
    assert [(i.number, i.title) for i in items] == [
        ("1", "Godkendelse af referat"), ("2", "Økonomi"), ("3", "Orientering vedr. havnen"), ("4", "Eventuelt")]
    assert doc.text[items[0].heading_end:items[0].char_end].strip() == "Referatet blev godkendt uden bemærkninger."
    assert doc.text[items[3].heading_end:items[3].char_end].strip() == "Intet."


def test_sub_numbering_that_reaches_the_next_top_number():
    # item 2 has sub-items 1..3; the "3" that follows sub-item 2 is a sub-item, the later 3 is the item
    doc = DocText.from_plain_text("""\
1. Indledning
Tekst.
2. Orienteringer
1. Fra formanden
Tekst.
2. Fra kassereren
Tekst.
3. Fra udvalgene
Tekst.
3. Eventuelt
Tekst.
""")
    assert [(i.number, i.parent) for i in segment(doc).items] == [
        ("1", None), ("2", None), ("2.1", "2"), ("2.2", "2"), ("2.3", "2"), ("3", None)]


def test_no_items():
    seg = segment(DocText.from_plain_text("Referat af møde den 1. marts 2020\nIngen dagsorden."))
    assert seg.items == [] and seg.front.end == len(seg.front.title or "") + len("\nIngen dagsorden.")
    assert seg.front.meeting_date == date(2020, 3, 1)


def test_agenda_list_with_unnumbered_headings_in_the_body():
    doc = DocText.from_plain_text("""\
Referat af møde i Brugerrådet den 3/11-2021
Dagsorden
1. Velkomst
2. Orientering fra centerleder
3. Eventuelt
Velkomst
Formanden bød velkommen.
Orientering fra centerleder
Centerlederen orienterede om ombygningen.
Eventuelt
Intet.
""")
    seg = segment(doc)
    assert [(i.number, i.title) for i in seg.items] == [
        ("1", "Velkomst"), ("2", "Orientering fra centerleder"), ("3", "Eventuelt")]
    # the items start at the body headings, so each holds its own text
    assert [doc.text[i.heading_end:i.char_end].strip() for i in seg.items] == [
        "Formanden bød velkommen.", "Centerlederen orienterede om ombygningen.", "Intet."]
    assert seg.front.end == doc.text.index("Velkomst\nFormanden")


def test_agenda_list_running_straight_into_the_first_heading_of_an_excerpt():
    """An OCR'd first page: the agenda list has no text before the first real heading and
    only the first items' headings are on the page — the list still is no items."""
    doc = DocText.from_plain_text("""\
Referat af møde i Beboerrådet den 5. maj 2021
Dagsorden:
1. Godkendelse af dagsorden
2. Vaskeriet
3. Haven
4. Eventuelt
1. Godkendelse af dagsorden
Dagsordenen blev godkendt.
2. Vaskeriet
Jonas orienterede om den nye tørretumbler.
""")
    seg = segment(doc)
    assert [(i.number, i.title, i.parent) for i in seg.items] == [
        ("1", "Godkendelse af dagsorden", None), ("2", "Vaskeriet", None)]
    assert seg.front.end == doc.text.index("1. Godkendelse af dagsorden\nDagsordenen")


@pytest.mark.parametrize("header,body", [    ("Referat af styregruppemøde for Fælles Cykelplan den 4. maj 2021", "Styregruppen for Fælles Cykelplan"),
    ("Referat fra bestyrelsesmøde den 12. januar 2023 i Foreningen Kystliv", "Foreningen Kystliv"),
    ("Referat af ordinær generalforsamling den 11. marts 2020 i GF. Solbakken2001", "GF. Solbakken2001"),
    ("G/F Solbakken – ordinær generalforsamling\nMødedato: 5. april 2018", "G/F Solbakken"),
    ("Generalforsamling i Ejerforeningen Parkhuset\nDato: 28. april 2022", "Ejerforeningen Parkhuset"),
    ("Referat\nKulturudvalget\nMødedato: 14.03.2023", "Kulturudvalget"),
    ("Referat af bestyrelsesmøde\nSydhavns Professionshøjskole\n1. marts 2022", "Bestyrelsen for Sydhavns Professionshøjskole"),
    # the board of an institution or a company is a body of it; an association's board is the association
    ("Referat af bestyrelsesmøde i Fonden Egeskov den 3. juni 2023", "Bestyrelsen for Fonden Egeskov"),
    ("Referat af bestyrelsesmøde i Nordhavn Trælast ApS den 3. juni 2023", "Bestyrelsen for Nordhavn Trælast ApS"),
    # a compound meeting word names the body by itself; an attendance line is never the body
    ("Referat fra skolebestyrelsesmøde\nEngbo Skole, 3. juni 2023\nTil stede\tAfbud\n"
     "Eva Holm, skoleleder (sekretær for bestyrelsen)", "Skolebestyrelsen"),
])
def test_body_rules(header, body):
    seg = segment(DocText.from_plain_text(header + "\n1. Velkomst\nTekst."))
    assert seg.front.body == body
    assert seg.front.meeting_date is not None


@pytest.mark.parametrize("title,expected", [
    ("Status (O)", ("Status", "orientering")),
    ("Status (O/B)", ("Status", "orientering")),
    ("Status (b)", ("Status", "beslutning")),
    ("Status (Til drøftelse)", ("Status", "drøftelse")),
    ("Status på SP (SP)", ("Status på SP (SP)", None)),
    ("Fælles kort (FMK)", ("Fælles kort (FMK)", None)),
])
def test_split_kind(title, expected):
    assert split_kind(title) == expected


@pytest.mark.parametrize("text,expected", [
    ("den 30. september 2020", date(2020, 9, 30)),
    ("tirsdag den 8. november 2022", date(2022, 11, 8)),
    ("14.03.2023", date(2023, 3, 14)),
    ("d. 22/6 2021", date(2021, 6, 22)),
    ("22/6-2021", date(2021, 6, 22)),
    ("3. okt. 2019", date(2019, 10, 3)),
    ("2024-01-05", date(2024, 1, 5)),
    ("14-03-23", date(2023, 3, 14)),
])
def test_find_dates(text, expected):
    assert [d for _, _, d in find_dates(text)] == [expected]


def test_find_dates_rejects_non_dates():
    assert find_dates("indsats 3.2 og 31.02.2020 og 2. kvartal 2021") == []


# --------------------------------------------------------------------------- dev document and corpus

def test_dev_document_structure():
    doc = _dev_doc()
    seg = segment(doc)
    numbers = [i.number for i in seg.items]
    assert numbers == [str(n) for n in range(0, 9)] + [f"8.{k}" for k in range(1, 6)] + \
        [str(n) for n in range(9, 14)]
    by = {i.number: i for i in seg.items}
    assert (by["5"].char_start, by["5"].char_end) == (by["6"].char_start, by["6"].char_end)
    assert all(by[f"8.{k}"].parent == "8" for k in range(1, 6))
    assert by["8"].char_end == by["9"].char_start - 1 or by["8"].char_end < by["9"].char_start
    assert by["8.5"].char_end <= by["9"].char_start
    assert seg.front.body == "Den nationale bestyrelse for sundheds-it"
    assert seg.front.meeting_date == date(2020, 9, 30)
    assert by["13"].char_end == len(doc.text.rstrip())


@pytest.mark.parametrize("expected", CORPUS_TRUTH, ids=lambda p: p.name.split(".")[0])
def test_corpus_items(expected):
    exp, pdf = corpus_truth(expected, "items")
    seg = segment(read_corpus_pdf(pdf))
    got = [(i.number, i.title.lower()) for i in seg.items]
    want = [(str(i["number"]), i["title"].lower()) for i in exp["items"]]
    assert got == want


@pytest.mark.parametrize("line,place", [
    ("Mødet blev holdt på Rådhuset og som videomøde.", "Rådhuset"),
    ("Mødet blev holdt som hybridmøde i Borgerhuset.", "Borgerhuset"),
    ("Mødet blev holdt som videomøde.", "videomøde"),
    ("Sted: Medborgerhuset, lokale 3, samt via Teams", "Medborgerhuset, lokale 3"),
    ("Sted: Teams", "Teams"),
])
def test_place_is_the_location_not_the_meeting_form(line, place):
    doc = DocText.from_plain_text(f"Referat af møde i Havnerådet den 2. maj 2022\n{line}\n1. Velkomst\nTekst.")
    assert segment(doc).front.place == place


@pytest.mark.parametrize("header,org", [
    ("Referat af bestyrelsesmøde i Fonden Havgården den 3. maj 2023", "Fonden Havgården"),
    ("Referat af møde i Skolebestyrelsen ved Solbjerg Skole den 4. marts 2024", "Solbjerg Skole"),
    ("Referat af bestyrelsesmøde i Grundejerforeningen Lyngen den 3. maj 2023", None),  # an association
])
def test_home_institution_from_the_title(header, org):
    from extract.frontmatter import document_organisation

    assert document_organisation([header], institutions_only=True) == org


# --------------------------------------------------------------------------- round-2 layouts


def test_access_markers_are_not_part_of_the_title():
    text = """\
Referat af møde i Kulturudvalget den 4. april 2024
1. (Åben) Godkendelse af dagsorden
Godkendt.
2 (Åbent punkt) Nyt bibliotek i Nordby
Udvalget drøftede placeringen.
3. (Lukket) Personalesag
4. Lukket punkt: Køb af ejendom
5. Eventuelt (Lukket)
Intet.
"""
    seg = segment(DocText.from_plain_text(text))
    assert [(i.number, i.title) for i in seg.items] == [
        ("1", "Godkendelse af dagsorden"), ("2", "Nyt bibliotek i Nordby"), ("3", "Personalesag"),
        ("4", "Køb af ejendom"), ("5", "Eventuelt")]


def test_heading_with_its_text_after_a_dash_on_the_same_line():
    text = """\
Referat af bestyrelsesmøde i Haveforeningen Kløveren den 2. maj 2024
1. Sidste mødes referat – vedtaget uden ændringer.
2. Kassererens beretning: der er god balance i regnskabet.
3. Vandværket
Tina oplyste, at vandet åbnes i maj.
"""
    doc = DocText.from_plain_text(text)
    items = segment(doc).items
    assert [(i.number, i.title) for i in items] == [
        ("1", "Sidste mødes referat"), ("2", "Kassererens beretning"), ("3", "Vandværket")]
    assert doc.text[items[0].heading_end:items[0].char_end].strip() == "vedtaget uden ændringer."
    assert doc.text[items[1].heading_end:items[1].char_end].strip() == "der er god balance i regnskabet."


def test_heading_does_not_swallow_the_bold_sub_point_after_it():
    doc = make_doc([
        "Referat af generalforsamling i Roklubben Bølgen den 5. marts 2024",
        ("Ad 1) Valg af dirigent", True),
        "Svend blev valgt.",
        ("Ad 2) Indkomne forslag\na) Forslag om højere kontingent for seniorer", True),
        "Forslaget blev vedtaget.",
        ("b) Forslag om ny bådehal", True),
        "Forslaget blev forkastet.",
        ("Ad pkt. 3 Eventuelt", True),
        "Intet.",
    ])
    assert [(i.number, i.title) for i in segment(doc).items] == [
        ("1", "Valg af dirigent"), ("2", "Indkomne forslag"), ("3", "Eventuelt")]


def test_number_ending_a_wrapped_table_line_is_not_a_heading():
    doc = make_doc([
        "Referat af møde i Teknikudvalget den 9. april 2024",
        "Bemærkninger:\tJens Vig forlod mødet under behandlingen af\npunkt 2.",
        ("Indholdsfortegnelse", True),
        "1. Godkendelse af dagsorden ........ 1",
        "2. Vejplan 2025 ........ 1",
        ("1. Godkendelse af dagsorden", True),
        "Godkendt.",
        ("2. Vejplan 2025", True),
        "Planen blev anbefalet.",
    ])
    assert [(i.number, i.title) for i in segment(doc).items] == [
        ("1", "Godkendelse af dagsorden"), ("2", "Vejplan 2025")]


def test_item_kind_on_the_line_under_the_heading():
    text = """\
Referat af møde i Kvalitetsudvalget den 3. oktober 2023
1. Status på ventelister
Formål: Orientering
Lise orienterede om ventelisterne.
2. Ny procedure for udskrivning
Sagstype: Beslutning
Proceduren blev godkendt.
3. Samarbejde med kommunerne
Til drøftelse
Der var enighed om et fællesmøde.
4. Eventuelt
Beslutning
Intet.
"""
    doc = DocText.from_plain_text(text)
    items = segment(doc).items
    assert [(i.number, i.title, i.kind) for i in items] == [
        ("1", "Status på ventelister", "orientering"), ("2", "Ny procedure for udskrivning", "beslutning"),
        ("3", "Samarbejde med kommunerne", "drøftelse"), ("4", "Eventuelt", None)]
    # the kind line belongs to the heading, not to the item's text
    assert doc.text[items[0].heading_end:].lstrip().startswith("Lise orienterede")


@pytest.mark.parametrize("line,expected", [
    ("Onsdag d. 7/11-24 kl. 18.30 i klubhuset", date(2024, 11, 7)),
    ("Mødedato: 07.11.24", date(2024, 11, 7)),
    ("Torsdag d. 7/11-2024", date(2024, 11, 7)),
])
def test_two_digit_year_meeting_dates(line, expected):
    seg = segment(DocText.from_plain_text(f"Referat af bestyrelsesmøde\n{line}\n1. Velkomst\nTekst."))
    assert seg.front.meeting_date == expected


def test_day_month_range_is_not_a_two_digit_year():
    assert find_dates("Udstillingen holdes 1/3-24/3 i hallen.") == []


def test_body_after_a_comma_and_from_the_letterhead():
    seg = segment(DocText.from_plain_text(
        "Referat – afdelingsbestyrelsesmøde, Boligselskabet Toften afd. 4 (Engparken)\n"
        "Mandag d. 4/3-24 kl. 19\n1. Velkomst\nTekst."))
    assert seg.front.body == "Boligselskabet Toften afd. 4"
    seg = segment(DocText.from_plain_text(
        "Lokalfag Bjergby\nReferat af ordinær generalforsamling tirsdag den 5. marts 2024 i Medborgerhuset\n"
        "1. Valg af dirigent\nTekst."))
    assert seg.front.body == "Lokalfag Bjergby"


def test_number_alone_then_a_short_agenda_title_named_like_a_section():
    text = """\
Referat af bestyrelsesmøde i Beboerforeningen Lyset den 6. maj 2024
Pkt. 1
Dagsorden
Dagsordenen blev godkendt.
Pkt. 2
Kontingent
Uændret.
"""
    assert [(i.number, i.title) for i in segment(DocText.from_plain_text(text)).items] == [
        ("1", "Dagsorden"), ("2", "Kontingent")]


def _indented_doc(entries: list[tuple[float, str, bool]]) -> DocText:
    """Like helpers.make_doc, with each block's left edge (x0) given: an outline's levels."""
    from extract.doctext import Block, Span

    text, blocks, spans = "", [], []
    for x0, line, bold in entries:
        if text:
            text += "\n"
        spans.append(Span(len(text), len(text) + len(line), 1, (x0, 100.0, x0 + 300.0, 110.0)))
        blocks.append(Block(len(text), len(text) + len(line), 1, bold=bold))
        text += line
    return DocText(text, blocks, spans, page_count=1)


def test_a_deeper_outline_level_restarting_at_one_is_no_agenda_item():
    doc = _indented_doc([
        (100, "Referat af bestyrelsesmøde i Nordby Bokseklub d. 8/3 kl 19.00", True),
        (18, "1. Nyt fra formanden.", True),
        (18, "2. Runde: Hvad laver alle og hvad vil de gerne arbejde med? Hvem vil stå for træningen og "
             "hvem vil stå for kiosken i klubben i år?", False),
        (18, "3. Vedtægter: Vi skriver forslag nu.", False),
        (54, "a. En ny paragraf om trænermøder:", False),
        (126, "1. Siden sidst", True),
        (126, "2. Planer for næste måned", True),
        (126, "3. Eventuelt", True),
        (18, "4. Rengøring", True),
        (54, "a. Nye kurve købes.", False),
        (18, "5. Evt", True),
    ])
    assert [n for n, *_ in items_of(segment(doc))] == ["1", "2", "3", "4", "5"]
    assert items_of(segment(doc))[1][1] == "Runde"


def test_a_doubled_full_stop_after_the_number_is_a_heading():
    doc = make_doc(["Referat", ("1. Velkomst", True), "Tekst.", ("2..Indkøb af udstyr", True), "Tekst."])
    assert [(n, t) for n, t, *_ in items_of(segment(doc))] == [("1", "Velkomst"), ("2", "Indkøb af udstyr")]


def test_lettered_sub_points_of_the_agenda_list_keep_it_one_list():
    doc = make_doc(["Referat af bestyrelsesmøde", "Dagsorden:", "1. Generalforsamling", "a. Dato", "b. Medlemmer på valg",
                    "2. Regnskab", "a. Evt. nyt kursus", "3. Igangværende sager", "a. Klubhus", "b. Evt.",
                    "Ole gennemgik referatet.", "Ad 1:", "Den holdes i marts.", "Ad 2:", "Godkendt.", "Ad 3:", "Intet nyt."])
    assert [(n, t) for n, t, *_ in items_of(segment(doc))] == [
        ("1", "Generalforsamling"), ("2", "Regnskab"), ("3", "Igangværende sager")]


def test_a_line_of_sentences_under_ad_n_is_text_not_its_title():
    doc = make_doc(["Referat", "Dagsorden:", "1. Velkomst", "2. Regnskab", "Ad 1:", "Alle var der.",
                    "Ad 2:", "Kaj gennemgik regnskabet. Vi har et overskud på kr. 2.150.", "Regnskabet blev godkendt."])
    items = segment(doc).items
    assert [(i.number, i.title) for i in items] == [("1", "Velkomst"), ("2", "Regnskab")]
    assert doc.text[items[1].heading_end:].lstrip().startswith("Kaj gennemgik")


def test_a_question_after_the_title_on_its_line_is_text_but_not_the_presenter():
    doc = make_doc(["Referat", "1. Trøjer med logo. Skal vi bestille flere i år?", "Ja.",
                    "2. Budget for næste år. Ved kasserer Ida Holm", "Godkendt.",
                    "3. Forslag, herunder vedtægter. V. Ib Holm", "Vedtaget."])
    assert [t for _, t, *_ in items_of(segment(doc))] == [
        "Trøjer med logo", "Budget for næste år. Ved kasserer Ida Holm", "Forslag, herunder vedtægter. V. Ib Holm"]


def test_the_agenda_list_names_the_item_unless_it_only_adds_a_date():
    doc = make_doc(["Referat af generalforsamling", "Dagsorden:", "1. Valg af dirigent",
                    "2. Godkendelse af referat fra mødet den 4. oktober 2022", "3. Valg af revisorer for to år",
                    "1. Valg af dirigent og stemmetællere", "Ole blev valgt.", "2. Godkendelse af referat", "Godkendt.",
                    "3. Valg af Revisorer", "Eva blev valgt."])
    assert [t for _, t, *_ in items_of(segment(doc))] == [
        "Valg af dirigent", "Godkendelse af referat", "Valg af revisorer for to år"]


def test_an_abbreviated_agenda_entry_is_the_twin_of_its_heading():
    doc = make_doc(["Referat af generalforsamling", "Dagsorden:", "1. Valg af dirigent", "2. Evt.",
                    "1. Valg af dirigent", "Ole blev valgt.", "2. Eventuelt", "Intet."])
    items = segment(doc).items
    assert [(i.number, i.title) for i in items] == [("1", "Valg af dirigent"), ("2", "Evt.")]
    assert doc.text[items[1].char_start:].startswith("2. Eventuelt")


def test_an_ad_heading_with_a_dash_may_start_its_title_in_lower_case():
    doc = DocText.from_plain_text(
        "Referat fra ordinær generalforsamling den 5. april 2018\n1. Valg af dirigent.\n2. Valg til bestyrelsen.\n"
        "3. Eventuelt.\nAd 1 – Valg af dirigent\nSom dirigent blev valgt: Mikkel Dahl.\n"
        "Ad 2 – valg til bestyrelse\nAlle blev valgt ved fredsvalg.\nAd 3 – Eventuelt.\nIntet.\n"
        "Punkt 3 i referatet er rettet.\n")
    items = segment(doc).items
    assert [(i.number, i.title) for i in items] == [("1", "Valg af dirigent"), ("2", "Valg til bestyrelsen"),
                                                    ("3", "Eventuelt")]
    assert "Alle blev valgt" in doc.text[items[1].heading_end:items[1].char_end]


def test_the_numbered_list_under_an_items_bilag_label_is_its_attachments():
    doc = make_doc(["Referat", "1. Budget 2023-2026", "Budgettet er udarbejdet.", "Bilag", "1. Budgetforlig 2023",
                    "2. Notat om anlæg", "Beslutning", "Vedtaget.", "2. Lokalplan 45", "Bilag:", "3. Høring", "Godkendt."])
    # (a label with no list under it, "Bilag:" before "3. Høring", takes nothing from the agenda)
    assert [(n, t) for n, t, *_ in items_of(segment(doc))] == [
        ("1", "Budget 2023-2026"), ("2", "Lokalplan 45"), ("3", "Høring")]
