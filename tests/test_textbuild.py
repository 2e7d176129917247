"""Lines → DocText: furniture removal, hyphenation, bullets, paragraphs, provenance.

All inputs are synthetic `Line`s on an A4 page (595 × 842 pt, text box x 72..523) with
sentences written for these tests.
"""
from __future__ import annotations

import pytest

from extract.doctext import DocText, Line
from extract.textbuild import (
    Vocabulary,
    build_doctext,
    is_page_number,
    line_joiner,
    normalize_text,
)

A4 = (595.0, 842.0)
LEFT, RIGHT = 72.0, 523.0
PITCH = 12.0


def ln(text: str, top: float, *, page: int = 1, x0: float = LEFT, x1: float | None = None,
       size: float = 10.0, bold: bool = False, full: bool = False) -> Line:
    """A line; `full` = justified to the right margin, else its natural width (0.5 em/char)."""
    if x1 is None:
        x1 = RIGHT if full else min(RIGHT, x0 + 0.5 * size * len(text))
    return Line(page, text, x0, top, x1, top + size, "Body-Bold" if bold else "Body", size, bold)


def build(pages: list[list[Line]]) -> DocText:
    return build_doctext(pages, len(pages), page_sizes=[A4] * len(pages))


def blocks(doc: DocText) -> list[str]:
    return [doc.block_text(b) for b in doc.blocks]


def body_page(lines: list[tuple[str, bool]], page: int = 1, top: float = 100.0) -> list[Line]:
    """Consecutive lines at the normal pitch; (text, full-width?)."""
    return [ln(t, top + i * PITCH, page=page, full=f) for i, (t, f) in enumerate(lines)]


# --------------------------------------------------------------------------- line joiner
@pytest.mark.parametrize(
    ("prev", "nxt", "expected"),
    [
        ("formanden gav anled-", "ning til en drøftelse", "formanden gav anledning til en drøftelse"),
        ("udvalget drøftede COVID-", "19 og smitten", "udvalget drøftede COVID-19 og smitten"),
        ("repræsentanter fra Social-", "og Sundhedsudvalget", "repræsentanter fra Social- og Sundhedsudvalget"),
        ("både cyber-", "eller informationssikkerhed", "både cyber- eller informationssikkerhed"),
        ("styregruppen for RSI-", "projektet mødes", "styregruppen for RSI-projektet mødes"),
        ("kommunen deltager i EU-", "projektet", "kommunen deltager i EU-projektet"),
        ("perioden 2023-", "2026 blev vedtaget", "perioden 2023-2026 blev vedtaget"),
        ("det nye Aftale-", "overblik", "det nye Aftaleoverblik"),
        ("sagen blev -", "som ventet - udsat", "sagen blev - som ventet - udsat"),
        ("beslutningen blev –", "efter en drøftelse – udsat", "beslutningen blev – efter en drøftelse – udsat"),
        ("der var enighed om be\u00ad", "talingen", "der var enighed om betalingen"),
        ("kontakt os på www.eksempel.dk/", "referater", "kontakt os på www.eksempel.dk/referater"),
        ("en almindelig linje", "fortsætter her", "en almindelig linje fortsætter her"),
        ("svar via e-", "mail eller brev", "svar via e-mail eller brev"),
        ("mødet varer kl. 17.00–", "19.30", "mødet varer kl. 17.00–19.30"),
        ("for- og bag-", "(se bilag)", "for- og bag- (se bilag)"),
        ("det nye it-", "system", "det nye it-system"),
        ("oplys dit cpr-", "nummer", "oplys dit cpr-nummer"),
        ("Lise Holm (bestyrelsessupple-", "ant), Peter Dam", "Lise Holm (bestyrelsessuppleant), Peter Dam"),
    ],
)
def test_line_joiner(prev: str, nxt: str, expected: str) -> None:
    drop, joiner = line_joiner(prev, nxt)
    assert prev[: len(prev) - drop] + joiner + nxt == expected


def test_vocabulary_keeps_a_real_compound_hyphen() -> None:
    vocab = Vocabulary.from_texts(["Vi har brug for flere sundheds-it-løsninger i regionen."])
    assert line_joiner("flere sundheds-", "it-løsninger", vocab) == (0, "")
    # the same break without evidence in the document is an ordinary hyphenation
    assert line_joiner("flere sundheds-", "it-løsninger") == (1, "")
    # a form the document writes without hyphen wins
    vocab2 = Vocabulary.from_texts(["budget-opfølgning og budgetopfølgning"])
    assert line_joiner("den årlige budget-", "opfølgning", vocab2) == (1, "")


# --------------------------------------------------------------------------- normalisation
def test_normalize_text() -> None:
    assert normalize_text("ﬁnansiering af ﬂextrafik") == "finansiering af flextrafik"
    assert normalize_text("Sk\u00e6rbæk a\u030ar") == "Skærbæk år"  # NFC: a + ring → å
    assert normalize_text("10\u00a0000 kr.\u2009i alt") == "10 000 kr. i alt"
    assert normalize_text("be\u00adtaling") == "betaling"
    assert normalize_text("be\u00ad") == "be\u00ad"  # at the end: a hyphenation point, kept
    assert normalize_text("zero\u200bwidth  og   mellemrum ") == "zerowidth og mellemrum"
    assert normalize_text("”citat” og ’app’en’") == "”citat” og ’app’en’"
    assert normalize_text("Navn  \t  Funktion") == "Navn\tFunktion"


@pytest.mark.parametrize("text", ["2", "- 2 -", "Side 2 af 5", "side 12", "2/5", "S. 2", "Page 3 of 9", "iv", "– 7 –"])
def test_page_numbers(text: str) -> None:
    assert is_page_number(text)


@pytest.mark.parametrize("text", ["2024 blev et godt år", "Punkt 2", "Side 2 i bilaget viser tallene", "Ad 3", "mix"])
def test_not_page_numbers(text: str) -> None:
    assert not is_page_number(text)


# --------------------------------------------------------------------------- furniture
def _three_pages() -> list[list[Line]]:
    pages = []
    for p in (1, 2, 3):
        lines = [
            ln("Grønby Kommune – Økonomiudvalget", 30, page=p, size=8),
            ln(f"Referat 12.03.2024, side {p}", 42, page=p, size=8),
        ]
        lines += body_page([
            (f"Afsnit {p}: udvalget behandlede sagen om skolernes budget og bad om en uddybende", True),
            ("redegørelse fra forvaltningen.", False),
        ], page=p)
        lines.append(ln(f"Side {p} af 3", 805, page=p, x0=280, size=8))
        pages.append(lines)
    return pages


def test_running_header_footer_and_page_numbers_removed() -> None:
    doc = build(_three_pages())
    assert "Grønby Kommune – Økonomiudvalget" not in doc.text
    assert "Referat 12.03.2024" not in doc.text
    assert "Side 2 af 3" not in doc.text
    assert blocks(doc) == [
        f"Afsnit {p}: udvalget behandlede sagen om skolernes budget og bad om en uddybende "
        "redegørelse fra forvaltningen." for p in (1, 2, 3)
    ]
    assert [b.page for b in doc.blocks] == [1, 2, 3]


def test_a_header_block_running_past_the_band_is_removed_but_the_body_under_a_kept_line_stays() -> None:
    """Five stacked header lines (the last two below 15% of the page) go; "Beslutninger"
    opening several pages under an item heading that stays is the body."""
    pages = []
    for p in (1, 2, 3, 4):
        lines = [ln(t, top, page=p, x0=400) for t, top in (
            ("Teknisk Udvalg", 86), ("Referat", 106), ("Åbent referat", 117), ("Dato: 04.12.2012", 128),
            (f"Side {p}", 139))]
        lines += body_page([(f"Afsnit {p}: udvalget behandlede sagen om skolernes budget og bad om en uddybende", True),
                            ("redegørelse fra forvaltningen.", False)], page=p, top=200)
        pages.append(lines)
    doc = build(pages)
    # (page one may keep its letterhead: see the next test)
    assert doc.text.count("Dato: 04.12.2012") <= 1 and "Side 3" not in doc.text and doc.text.count("Åbent referat") <= 1
    pages = []
    for p in (1, 2, 3, 4):
        lines = [ln(f"Punkt {p}: Sag nummer {p} om {'veje' if p % 2 else 'skoler'}", 57, page=p, size=16),
                 ln(f"EMN-2025-00{p}", 111, page=p, size=9), ln("Beslutninger", 127, page=p, size=13)]
        lines += body_page([("Godkendt.", False)], page=p, top=150)
        pages.append(lines)
    assert build(pages).text.count("Beslutninger") == 4


def test_title_that_repeats_as_running_header_is_kept_on_page_one() -> None:
    pages = _three_pages()
    pages[0][:2] = [ln("Økonomiudvalget", 60, size=16, bold=True)]  # page 1: the title, big
    for p in (1, 2):  # pages 2-3: the same words as a small running header
        pages[p][0] = ln("Økonomiudvalget", 30, page=p + 1, size=8)
    doc = build(pages)
    assert blocks(doc)[0] == "Økonomiudvalget"
    assert doc.blocks[0].bold and doc.blocks[0].size == 16
    assert doc.text.count("Økonomiudvalget") == 1


def test_one_page_document_removes_only_the_page_number() -> None:
    page = [ln("Referat", 30, size=8)]  # once only: not provably furniture, kept
    page += body_page([("Mødet sluttede kl. 21.", False)])
    page.append(ln("2024", 400))  # a number in the middle of the page is content
    page.append(ln("1", 805, x0=295, size=8))
    doc = build([page])
    assert blocks(doc) == ["Referat", "Mødet sluttede kl. 21.", "2024"]
    assert not any(b.strip().isdigit() and len(b.strip()) < 3 for b in blocks(doc))


def _two_pages(header: Line | None = None, footer: Line | None = None) -> list[list[Line]]:
    """Page 1: big title + body; page 2: body; optional lone header (page 2) / footer (page 1)."""
    p1 = [ln("Referat af generalforsamlingen", 72, size=16, bold=True)]
    p1 += body_page([("Formanden bød velkommen og gennemgik årets aktiviteter i foreningen, herunder", True),
                     ("sommerfesten og arbejdsdagen.", False)], top=100)
    p2 = body_page([("Kassereren fremlagde regnskabet, som viste et mindre overskud, og bestyrelsen", True),
                    ("anbefalede uændret kontingent.", False)], page=2, top=70)
    if header is not None:
        p2.insert(0, header)
    if footer is not None:
        p1.append(footer)
    p1.append(ln("1", 805, x0=295, size=8))
    p2.append(ln("2", 805, page=2, x0=295, size=8))
    return [p1, p2]


def test_header_printed_only_from_page_two_is_removed() -> None:
    header = ln("Grundejerforeningen Solsikken – generalforsamling 4. marts 2025", 30, page=2, size=8)
    doc = build(_two_pages(header=header))
    assert "Solsikken" not in doc.text
    assert blocks(doc)[0] == "Referat af generalforsamlingen"
    assert blocks(doc)[-1] == ("Kassereren fremlagde regnskabet, som viste et mindre overskud, og bestyrelsen "
                               "anbefalede uændret kontingent.")


def test_header_row_with_cells_printed_once_is_removed() -> None:
    header = ln("Solby Kommune\tBørne- og Skoleudvalget", 30, page=2, x0=LEFT, x1=RIGHT, size=8)
    assert "Skoleudvalget" not in build(_two_pages(header=header)).text


def test_body_sized_header_above_the_text_block_of_other_pages_is_removed() -> None:
    header = ln("Solby Kommune, referat", 36, page=2)  # body size, but above page 1's text block
    doc = build(_two_pages(header=header))
    assert "Solby Kommune" not in doc.text


def test_page_two_text_that_starts_high_is_kept() -> None:
    # a body line high on page 2 followed by text at the normal pitch: content, not furniture
    pages = _two_pages()
    pages[1][:2] = body_page([("Kassereren fremlagde regnskabet, som viste et mindre overskud, og bestyrelsen", True),
                              ("anbefalede uændret kontingent.", False)], page=2, top=52)
    assert "Kassereren fremlagde" in build(pages).text
    # a small line close above the body is a caption or note, not a header
    pages = _two_pages(header=ln("Tabel 2: regnskabets hovedtal", 54, page=2, size=8))
    assert "Tabel 2: regnskabets hovedtal" in build(pages).text


def test_footer_printed_once_is_removed_but_a_footnote_stays() -> None:
    doc = build(_two_pages(footer=ln("Referat – generalforsamling 2025", 790, size=8)))
    assert "generalforsamling 2025" not in doc.text
    doc = build(_two_pages(footer=ln("¹ Jf. foreningens vedtægter § 7.", 790, size=8)))
    assert "Jf. foreningens vedtægter § 7." in doc.text


def test_page_one_keeps_its_letterhead_and_title() -> None:
    pages = _two_pages(header=ln("Foreningen af Haveejere – referat", 30, page=2, size=8))
    pages[0].insert(0, ln("Foreningen af Haveejere", 30, size=8))  # letterhead on page 1 only
    doc = build(pages)
    assert blocks(doc)[:2] == ["Foreningen af Haveejere", "Referat af generalforsamlingen"]
    assert "referat" not in doc.text.replace("Referat af", "")


def test_word_field_errors_are_removed() -> None:
    page = [ln("Fejl! Henvisningskilde ikke fundet.", 30, size=8)]
    page += body_page([("Se bilag Error! Bookmark not defined. for detaljer.", False)])
    doc = build([page])
    assert blocks(doc) == ["Se bilag for detaljer."]


# --------------------------------------------------------------------------- paragraphs
def test_hyphenated_paragraph_is_joined() -> None:
    page = body_page([
        ("Udvalget drøftede forslaget om en ny cykelsti langs havnen og bad forvaltningen om en grun-", True),
        ("dig vurdering af trafiksikkerheden under COVID-", True),
        ("19 og af Børne- og Ungeudvalgets ønsker, før sagen genoptages i Social-", True),
        ("og Sundhedsudvalget.", False),
    ])
    doc = build([page])
    assert blocks(doc) == [(
        "Udvalget drøftede forslaget om en ny cykelsti langs havnen og bad forvaltningen om en grundig "
        "vurdering af trafiksikkerheden under COVID-19 og af Børne- og Ungeudvalgets ønsker, før sagen "
        "genoptages i Social- og Sundhedsudvalget."
    )]


def test_vertical_gap_splits_paragraphs() -> None:
    page = [ln("Kassereren gennemgik regnskabet for første halvår.", 100),
            ln("Bestyrelsen godkendte regnskabet.", 100 + 2.2 * PITCH)]
    assert len(build([page]).blocks) == 2


def test_bold_heading_then_body_are_two_blocks_and_wrapped_heading_is_one() -> None:
    page = [
        ln("Punkt 4: Ansøgning om tilskud til renovering af klubhuset og de tilhørende", 100, bold=True, full=True),
        ln("omklædningsrum", 100 + PITCH, bold=True),
        ln("Foreningen søger om 250.000 kr. til renoveringen.", 100 + 2 * PITCH),
    ]
    doc = build([page])
    assert blocks(doc) == [
        "Punkt 4: Ansøgning om tilskud til renovering af klubhuset og de tilhørende omklædningsrum",
        "Foreningen søger om 250.000 kr. til renoveringen.",
    ]
    assert doc.blocks[0].bold and not doc.blocks[1].bold


def test_plain_text_wrapping_after_a_bold_run_in_heading_stays_in_its_block() -> None:
    # the PDF marks a line bold when most of it is; the plain sentence after the heading wraps on
    page = [
        ln("2. Valg af sekretær (Anne Bo ønsker evt. genvalg). Anne vælges", 100, bold=True, full=True),
        ln("for 1 år. Næste år vælges en ny sekretær.", 100 + PITCH),
        ln("3. Valg af revisorsuppleant (Mads Bo Holm ønsker genvalg). Mads", 100 + 2 * PITCH, bold=True, full=True),
        ln("Holm vælges.", 100 + 3 * PITCH),
        # an abbreviation inside a longer bold heading is no sentence end: the text below is a new block
        ln("5. Orientering vedr. RSI-projektet om beslutningsstøtte og interaktionsdatabasen", 100 + 4 * PITCH,
           bold=True, full=True),
        ln("Mette orienterede om projektet.", 100 + 5 * PITCH),
    ]
    assert blocks(build([page])) == [
        "2. Valg af sekretær (Anne Bo ønsker evt. genvalg). Anne vælges for 1 år. Næste år vælges en ny sekretær.",
        "3. Valg af revisorsuppleant (Mads Bo Holm ønsker genvalg). Mads Holm vælges.",
        "5. Orientering vedr. RSI-projektet om beslutningsstøtte og interaktionsdatabasen",
        "Mette orienterede om projektet.",
    ]


def test_ragged_sentence_end_splits_justified_paragraphs() -> None:
    page = body_page([
        ("Formanden bød velkommen og orienterede om, at dagsordenen var udsendt rettidigt, og at", True),
        ("der ikke var indkommet forslag fra medlemmerne. Hun gennemgik derefter de vigtigste", True),
        ("punkter fra sidste møde og konstaterede, at alle opgaver var løst eller igangsat, så", True),
        ("udvalget kunne gå direkte til behandlingen af de nye sager på dagsordenen.", False),
        ("Næstformanden supplerede med en kort status på arbejdet i de tre arbejdsgrupper, som", True),
        ("blev nedsat i foråret.", False),
    ])
    doc = build([page])
    assert len(doc.blocks) == 2
    assert blocks(doc)[1].startswith("Næstformanden supplerede")


def test_forced_line_break_starts_a_block() -> None:
    # a short line whose next word would have fitted: the author broke the line
    page = body_page([("Tilstede: Anna Holm, Bo Lind og Carl Mikkelsen", False), ("Afbud: Dorte Vang", False)])
    assert blocks(build([page])) == ["Tilstede: Anna Holm, Bo Lind og Carl Mikkelsen", "Afbud: Dorte Vang"]


def test_forced_break_inside_a_sentence_does_not_split() -> None:
    page = body_page([("Mødet blev flyttet til", False), ("torsdag på grund af ferie.", False)])
    assert blocks(build([page])) == ["Mødet blev flyttet til torsdag på grund af ferie."]


def test_agenda_heading_after_ragged_line_starts_a_block() -> None:
    page = body_page([("Regnskabet blev godkendt uden bemærkninger", False),
                      ("3. Budgetopfølgning for andet kvartal", False)])
    assert blocks(build([page]))[1] == "3. Budgetopfølgning for andet kvartal"


def test_outline_entries_after_a_ragged_line_start_blocks_but_a_wrapped_i_does_not() -> None:
    page = body_page([("5. Krav til den nye medarbejder", False), ("a. Eva forklarer hvad hun har i gang:", False),
                      ("i. Samarbejde med bibliotekerne", False), ("ii. Plakater i hallerne", False),
                      ("iv) Lokalaviser", False),
                      ("Vi talte om at bruge flere penge på annoncer, og om hvordan vi fordeler dem i", True),
                      ("i. Morgen og i resten af ugen.", False)])
    assert blocks(build([page])) == [
        "5. Krav til den nye medarbejder", "a. Eva forklarer hvad hun har i gang:", "i. Samarbejde med bibliotekerne",
        "ii. Plakater i hallerne", "iv) Lokalaviser",
        "Vi talte om at bruge flere penge på annoncer, og om hvordan vi fordeler dem i i. Morgen og i resten af ugen."]


def test_paragraph_and_word_continue_across_a_page_break() -> None:
    p1 = body_page([("Bestyrelsen drøftede den kommende generalforsamling og besluttede at fore-", True)],
                   page=1, top=760)
    p2 = body_page([("slå en forhøjelse af kontingentet til 1.450 kr. om året.", False)], page=2, top=72)
    doc = build([p1, p2])
    assert blocks(doc) == [("Bestyrelsen drøftede den kommende generalforsamling og besluttede at foreslå "
                            "en forhøjelse af kontingentet til 1.450 kr. om året.")]
    assert doc.blocks[0].page == 1
    assert doc.page_at(doc.text.index("foreslå")) == 1
    assert doc.page_at(doc.text.index("kontingentet")) == 2


def test_table_rows_become_cell_blocks() -> None:
    page = [
        ln("Mødested:\tRådhuset, mødelokale 3", 100),
        ln("Dato:\t4. april 2024", 100 + PITCH),
        ln("Mødet blev holdt som planlagt.", 100 + 2 * PITCH),
    ]
    doc = build([page])
    assert [b.cells for b in doc.blocks] == [["Mødested:", "Rådhuset, mødelokale 3"], ["Dato:", "4. april 2024"], []]
    assert blocks(doc)[0] == "Mødested:\tRådhuset, mødelokale 3"


def test_wrapped_last_cell_is_joined_to_its_row() -> None:
    page = [
        ln("Ole Kirk\tRevisor, Revisionsfirmaet Kirk, Holm og Partnere, deltog under punkt", 100, x1=RIGHT),
        ln("2 og 3", 100 + PITCH, x0=250),
        ln("Mette Vang\tSekretær", 100 + 2.5 * PITCH),
    ]
    doc = build([page])
    assert [b.cells for b in doc.blocks] == [
        ["Ole Kirk", "Revisor, Revisionsfirmaet Kirk, Holm og Partnere, deltog under punkt 2 og 3"],
        ["Mette Vang", "Sekretær"],
    ]


def test_contents_lines_are_separate_blocks() -> None:
    page = body_page([("Punkt 1: Godkendelse af dagsorden .................................. 2", True),
                      ("Punkt 2: Meddelelser ................................................ 3", True)])
    assert len(build([page]).blocks) == 2


# --------------------------------------------------------------------------- bullets
@pytest.mark.parametrize("glyph", ["•", "▪", "\uf0b7", "●", "◦", "\uf0a7"])
def test_bullet_glyphs_are_normalised(glyph: str) -> None:
    page = body_page([("Forvaltningen indstiller, at", False)])
    page.append(ln(f"{glyph} planen sendes i høring i fire uger, og", 100 + PITCH, x0=90))
    page.append(ln(f"{glyph} høringssvarene forelægges udvalget.", 100 + 2 * PITCH, x0=90))
    doc = build([page])
    assert blocks(doc) == ["Forvaltningen indstiller, at", "• planen sendes i høring i fire uger, og",
                           "• høringssvarene forelægges udvalget."]
    assert [b.bullet for b in doc.blocks] == [False, True, True]


def test_bullet_with_hanging_indent_keeps_its_continuation_and_ends_on_outdent() -> None:
    page = [
        ln("• den endelige plan forelægges udvalget efter høringen, og at forvaltningen samtidig", 100,
           x0=76, full=True),
        ln("udarbejder en tidsplan for anlægsarbejdet", 100 + PITCH, x0=90),
        ln("Sagen blev behandlet sammen med punkt 5.", 100 + 2 * PITCH),
    ]
    doc = build([page])
    assert blocks(doc) == [
        ("• den endelige plan forelægges udvalget efter høringen, og at forvaltningen samtidig "
         "udarbejder en tidsplan for anlægsarbejdet"),
        "Sagen blev behandlet sammen med punkt 5.",
    ]


def test_words_second_level_o_bullet_and_a_tab_after_a_glyph_are_bullets() -> None:
    page = body_page([("På valg er:", False)]) + [
        ln("·\tKaj Lund (begge modtager genvalg)", 100 + PITCH, x0=80),
        ln("o Revisorer genvalgt enstemmigt", 100 + 2 * PITCH, x0=100),
        ln("o bestyrelsen foreslår Eva Holm", 100 + 3 * PITCH, x0=100),
    ]
    doc = build([page])
    assert blocks(doc) == ["På valg er:", "• Kaj Lund (begge modtager genvalg)", "• Revisorer genvalgt enstemmigt",
                           "• bestyrelsen foreslår Eva Holm"]
    assert [b.bullet for b in doc.blocks] == [False, True, True, True]


def test_dash_bullets_only_when_list_like() -> None:
    listed = body_page([("Følgende blev aftalt:", False)]) + [
        ln("- Peter bestiller materialer", 100 + PITCH, x0=80),
        ln("- Lise indkalder til arbejdsdag", 100 + 2 * PITCH, x0=80),
    ]
    assert blocks(build([listed])) == ["Følgende blev aftalt:", "• Peter bestiller materialer",
                                       "• Lise indkalder til arbejdsdag"]
    wrapped = body_page([
        ("Formanden mente, at forslaget var godt, men at økonomien ikke var på plads endnu, og", True),
        ("– som flere medlemmer påpegede – at sagen derfor burde udsættes.", False),
    ])
    doc = build([wrapped])
    assert len(doc.blocks) == 1 and not doc.blocks[0].bullet
    assert "endnu, og – som flere" in doc.text


# --------------------------------------------------------------------------- provenance
def test_every_character_maps_to_exactly_one_span() -> None:
    pages = _three_pages()
    pages[1].append(ln("• et punkt på listen", 150, page=2, x0=90))
    pages[2].append(ln("Navn\tFunktion", 150, page=3))
    doc = build(pages)
    covered = [0] * len(doc.text)
    for s in doc.spans:
        assert 0 <= s.start < s.end <= len(doc.text)
        for i in range(s.start, s.end):
            covered[i] += 1
    for i, ch in enumerate(doc.text):
        if ch == "\n":
            assert covered[i] == 0
        else:
            assert covered[i] == 1 or (ch == " " and covered[i] == 0), (i, ch)
    assert all(1 <= doc.page_at(i) <= doc.page_count for i in range(len(doc.text)))
    assert all(doc.text[b.start:b.end] == doc.block_text(b) and "\n" not in doc.block_text(b) for b in doc.blocks)


def test_ocr_pages_flag_their_spans() -> None:
    pages = [body_page([("Første side er født digital.", False)], page=1),
             body_page([("Anden side er skannet.", False)], page=2)]
    doc = build_doctext(pages, 2, page_sizes=[A4, A4], ocr_pages=[2])
    assert doc.ocr_pages == [2]
    assert [s.ocr for s in doc.spans] == [False, True]


def test_without_page_sizes_the_height_is_estimated() -> None:
    pages = _three_pages()
    doc = build_doctext(pages, 3)
    assert "Side 2 af 3" not in doc.text and "Grønby Kommune" not in doc.text
    assert len(doc.blocks) == 3
