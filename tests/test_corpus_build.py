"""The corpus builder (corpus/build.py): deterministic, faithful, up to date."""
from __future__ import annotations

import importlib.util
import json
import re
import sys
import unicodedata
from pathlib import Path

import pdfplumber
import pytest

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"
SOURCES = CORPUS / "sources"
DEV = "bestyrelse-sundheds-it-2020-09-30"
AUTHORED = [
    "kommune-teknik-miljoe-2023-03-14",
    "forening-bestyrelse-2022-11-08",
    "universitet-bestyrelse-2021-06-22",
]
DEV_HEADER = "S. Fejl! Bogmærke er ikke defineret."


def _load_build():
    spec = importlib.util.spec_from_file_location("corpus_build", CORPUS / "build.py")
    mod = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = mod  # dataclasses look their module up
    spec.loader.exec_module(mod)
    return mod


build = _load_build()


@pytest.fixture(scope="module")
def fresh(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("corpus-a")
    build.build(out)
    return out


def _lines(pdf_path: Path) -> list[list[str]]:
    with pdfplumber.open(pdf_path) as pdf:
        return [(p.extract_text() or "").split("\n") for p in pdf.pages]


def _squash(s: str) -> str:
    """Lower-case, no white space, no hyphens/dashes: robust to line breaks."""
    s = unicodedata.normalize("NFKC", s).lower()
    return re.sub(r"[\s\-\u2010-\u2014\u00ad]", "", s)


def test_all_pdfs_built(fresh):
    names = sorted(p.name for p in fresh.glob("*.pdf"))
    assert names == sorted(f"{s}.pdf" for s in [DEV, *AUTHORED])
    for stem in AUTHORED:
        assert (SOURCES / f"{stem}.ref").exists()
        assert (SOURCES / f"{stem}.expected.json").exists()
    assert (SOURCES / f"{DEV}.txt").exists()


def test_build_is_deterministic(fresh, tmp_path):
    build.build(tmp_path)
    for pdf in fresh.glob("*.pdf"):
        assert (tmp_path / pdf.name).read_bytes() == pdf.read_bytes(), pdf.name


def test_committed_pdfs_equal_a_fresh_build(fresh):
    info_file = CORPUS / "build-info.json"
    info = json.loads(info_file.read_text("utf-8")) if info_file.exists() else {}
    assert not info or info == build.build_info(), (
        f"corpus was built with {info}, this environment has {build.build_info()}: pin the same reportlab"
    )
    for pdf in fresh.glob("*.pdf"):
        committed = CORPUS / pdf.name
        assert committed.exists(), f"{pdf.name} missing: run python corpus/build.py"
        assert committed.read_bytes() == pdf.read_bytes(), (
            f"corpus/{pdf.name} is stale: sources changed without rebuilding (python corpus/build.py)"
        )


def test_dev_pdf_pages_and_furniture(fresh):
    pages = _lines(fresh / f"{DEV}.pdf")
    assert len(pages) > 1
    assert DEV_HEADER not in pages[0]  # no running header on page 1
    for no, lines in enumerate(pages, 1):
        assert lines[-1] == str(no)  # centred page number in the footer
        if no > 1:
            assert lines[0] == DEV_HEADER


def test_dev_pdf_keeps_every_dump_line(fresh):
    """Each non-blank dump line is one PDF line (furniture moved to header/footer)."""
    raw = (SOURCES / f"{DEV}.txt").read_text("utf-8")
    want = [l.strip() for l in raw.split("\n") if l.strip()]
    want = [l for l in want if l != DEV_HEADER and not re.fullmatch(r"\d{1,3}", l)]
    got = []
    for no, lines in enumerate(_lines(fresh / f"{DEV}.pdf"), 1):
        body = lines[1:-1] if no > 1 else lines[:-1]
        got.extend(body)
    norm = lambda s: re.sub(r"\s+", " ", s).strip()  # noqa: E731
    assert [norm(l) for l in got] == [norm(l) for l in want]


def test_dev_headings_are_bold(fresh):
    with pdfplumber.open(fresh / f"{DEV}.pdf") as pdf:
        page = pdf.pages[0]
        words = page.extract_words(extra_attrs=["fontname", "size"])
    by_text = {}
    for w in words:
        by_text.setdefault(w["text"], []).append(w)
    velkomst = by_text["Velkomst"][0]
    assert "Bold" in velkomst["fontname"]
    zero = [w for w in by_text["0."] if abs(w["top"] - velkomst["top"]) < 1][0]
    assert "Bold" in zero["fontname"]
    assert "Bold" in by_text["Referat"][0]["fontname"] and by_text["Referat"][0]["size"] > 12
    assert "Bold" in by_text["Afbud"][0]["fontname"]
    assert "Bold" not in by_text["Nanna"][0]["fontname"]


def test_dev_heading_rule():
    raw = (SOURCES / f"{DEV}.txt").read_text("utf-8")
    layout = json.loads((SOURCES / f"{DEV}.layout.json").read_text("utf-8"))
    heads = [(d.lineno, d.kind) for d in build.classify_dump(raw, layout) if d.kind in ("heading", "subheading")]
    top = [n for n, k in heads if k == "heading"]
    sub = [n for n, k in heads if k == "subheading"]
    assert top == [42, 47, 95, 262, 347, 434, 515, 594, 810, 812, 830, 856, 970, 988]
    assert sub == [596, 598, 693, 734, 738, 791]


def test_dev_danish_text_and_bullets(fresh):
    text = "\n".join("\n".join(p) for p in _lines(fresh / f"{DEV}.pdf"))
    for s in (
        "Mødet blev holdt som videomøde.",
        "Per Buchwaldt (Region Sjælland)",
        "Sundheds- og Ældreministeriet",
        "punktet – udover at være en status på aktiviteterne –",
        "MinLæge app’en",
        "sikringsniveau ”betydelig” til",
        "Øvrige deltagere",
        "\uf0b7 Region Hovedstaden og Region Sjælland",
        "anled-\nning til at foreslå",
    ):
        assert s in text, s


def test_authored_pdfs_have_header_footer_and_pages(fresh):
    footers = {
        "kommune-teknik-miljoe-2023-03-14": ("Fjordby Kommune Teknik- og Miljøudvalget, 14-03-2023", "Side {n} af {t}"),
        "forening-bestyrelse-2022-11-08": ("Grundejerforeningen Kløverengen Bestyrelsesmøde 8. november 2022", "Side {n} af {t}"),
        "universitet-bestyrelse-2021-06-22": ("Limfjord Universitet Bestyrelsesmøde nr. 3/2021", "Referat - 22. juni 2021 Side {n}/{t}"),
    }
    for stem, (header, footer) in footers.items():
        pages = _lines(fresh / f"{stem}.pdf")
        assert 2 <= len(pages) <= 4, stem
        for n, lines in enumerate(pages, 1):
            assert lines[-1] == footer.format(n=n, t=len(pages)), (stem, n)
            if n > 1 or stem != "universitet-bestyrelse-2021-06-22":
                assert lines[0] == header, (stem, n)


def test_line_end_hyphens(fresh):
    """Automatic hyphenation and real hyphens both end lines somewhere."""
    auto, real = [], []
    for stem in AUTHORED:
        src = (SOURCES / f"{stem}.ref").read_text("utf-8")
        for lines in _lines(fresh / f"{stem}.pdf"):
            for a, b in zip(lines, lines[1:]):
                if a.endswith("-") and b:
                    w1, w2 = a.split()[-1], b.split()[0]
                    if f"{w1}{w2}" in src or f"{w1} {w2}" in src:
                        real.append((w1, w2))
                    elif f"{w1[:-1]}{w2}" in src:
                        auto.append((w1, w2))
                    else:
                        raise AssertionError(f"unexplained line-end hyphen {w1!r} {w2!r} in {stem}")
    assert ("Teknik-", "og") in real and ("COVID-", "19,") in real
    assert len(auto) >= 5


def test_kommune_toc(fresh):
    first = _lines(fresh / "kommune-teknik-miljoe-2023-03-14.pdf")[0]
    toc = [l for l in first if re.match(r"^Punkt \d: .* \.{5,} \d$", l)]
    assert len(toc) == 7
    assert toc[2].startswith("Punkt 3: Trafiksikkerhedsplan 2023-2026 ...")


@pytest.mark.parametrize("stem", AUTHORED)
def test_expected_json_matches_the_pdf(fresh, stem):
    """Every gold snippet, date text and item title occurs on a single page."""
    exp = json.loads((SOURCES / f"{stem}.expected.json").read_text("utf-8"))
    pages = [_squash("\n".join(p)) for p in _lines(fresh / f"{stem}.pdf")]
    names = {a["name"] for a in exp["attendance"]}
    numbers = {i["number"] for i in exp["items"]}
    for key, field in (("statements", "snippet"), ("decisions", "snippet"), ("dates", "text")):
        for e in exp[key]:
            assert any(_squash(e[field]) in p for p in pages), (key, e[field])
            assert e["item"] is None or set(e["item"]) <= numbers, e
    for s in exp["statements"]:
        assert s["speaker"] is None or s["speaker"] in names, s
    for it in exp["items"]:
        assert any(_squash(it["title"]) in p for p in pages), it
    for a in exp["attendance"]:
        assert a["role"] in {"chair", "member", "participant", "guest", "absent", "secretary"}
        assert any(_squash(a["name"]) in p for p in pages), a["name"]
