"""`referat review`: the HTML page, checked as markup and in a real headless Chromium.

The browser test needs Debian's `chromium` (make system-deps; CI installs it) and the
Playwright Python package (its node driver ships in the wheel; no browser download). It
FAILS, never skips, when either is missing.
"""
from __future__ import annotations

import datetime as dt
import os
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest
from typer.testing import CliRunner

from extract.cli import app
from extract.dataset import write_json, write_tables
from extract.query import connect
from extract.review import ReviewError, load_result, render, resolve_doc_id, speaker_hue
from extract.schema import (
    Action,
    Attendee,
    DateMention,
    Decision,
    Document,
    DocumentResult,
    Item,
    Statement,
)

CHROMIUM = Path(os.environ.get("REFERAT_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run", "--disable-sync"]

# --- a hand-made meeting ------------------------------------------------------------------

DOC_ID = "d4444444444444444"
HOSTILE = "Liam O'Brien mente, at <script>window.__pwned = 1</script> & \"citater\" ikke må fortolkes."


def _meeting() -> DocumentResult:
    """Three items (2 and 3 handled together); dates, a decision and an action on known sentences."""
    lines = [  # item, speaker, act, sentence, implicit
        ("1", None, None, "Dagsordenen blev godkendt.", False),
        ("2", "Ida Wulff", "orientere", "Ida Wulff orienterede om skolebyggeriet, som skal være færdigt inden 1. marts 2025.", False),
        ("2", "Ida Wulff", None, "Der er afsat 4 mio. kr. i uge 12.", True),
        ("2", "Liam O'Brien", "mene", HOSTILE, False),
        ("2", "Ida Wulff", "foreslå", "Ida Wulff foreslog, at forvaltningen sender sagen i høring.", False),
    ]
    titles = [("1", "Godkendelse af dagsorden"), ("2", "Skolebyggeri <nyt>"), ("3", "Høring om skolebyggeri")]
    text, stmts, spans = "", [], {}
    for number, title in titles[:2]:
        spans[number] = [len(text)]
        text += f"{number}. {title}\n"
        spans[number].append(len(text) - 1)
        for item, speaker, act, sentence, implicit in lines:
            if item != number:
                continue
            s = len(text)
            text += sentence + "\n"
            stmts.append(Statement(doc_id=DOC_ID, item=item, page=1, char_start=s, char_end=s + len(sentence),
                                   statement_id=f"{DOC_ID}:{s}", speaker=speaker, act=act, text=sentence,
                                   implicit=implicit, organisation="Skolerådet" if speaker == "Ida Wulff" else None))
        spans[number].append(len(text) - 1)
    spans["3"] = spans["2"]
    items = [Item(doc_id=DOC_ID, item=n, number=n, title=t, char_start=spans[n][0], char_end=spans[n][2],
                  heading_end=spans[n][1], page=1, page_start=1, page_end=1) for n, t in titles]

    def at(needle: str) -> tuple[int, int]:
        i = text.index(needle)
        return i, i + len(needle)

    def stmt_of(needle: str) -> Statement:
        return next(s for s in stmts if needle in s.text)

    d1, d2 = at("1. marts 2025"), at("uge 12")
    dates = [
        DateMention(doc_id=DOC_ID, item="2", page=1, char_start=d1[0], char_end=d1[1], text="1. marts 2025",
                    start=dt.date(2025, 3, 1), end=dt.date(2025, 3, 1), granularity="day", deadline=True),
        DateMention(doc_id=DOC_ID, item="2", page=1, char_start=d2[0], char_end=d2[1], text="uge 12",
                    start=dt.date(2024, 3, 18), end=dt.date(2024, 3, 24), granularity="week"),
    ]
    dec = stmt_of("Dagsordenen")
    act = stmt_of("høring")
    doc = Document(doc_id=DOC_ID, source="arkiv/skoleudvalg-2024-02-05.pdf", sha256="0" * 64,
                   title="Referat af møde i Skoleudvalget", body="Skoleudvalget", meeting_date=dt.date(2024, 2, 5),
                   place="Rådhuset", page_count=1, extractor_version="test")
    return DocumentResult(
        document=doc, text=text, items=items, statements=stmts, dates=dates,
        attendance=[Attendee(doc_id=DOC_ID, name="Ida Wulff", organisation="Skolerådet", role="chair", char_start=0, char_end=1),
                    Attendee(doc_id=DOC_ID, name="Liam O'Brien", role="guest", items=["2"], char_start=0, char_end=1),
                    Attendee(doc_id=DOC_ID, name="Bo Sand", role="absent", char_start=0, char_end=1)],
        decisions=[Decision(doc_id=DOC_ID, item="1", page=1, char_start=dec.char_start, char_end=dec.char_end,
                            kind="approval", text=dec.text)],
        actions=[Action(doc_id=DOC_ID, item="2", page=1, char_start=act.char_start, char_end=act.char_end,
                        owner="Forvaltningen", task="sender sagen i høring", due_start=dt.date(2024, 3, 1),
                        due_end=dt.date(2024, 3, 31))],
    )


class _Elements(HTMLParser):
    """Start tags with their attributes, and the text inside <mark> elements."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.marks: list[str] = []
        self._in_mark = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        self._in_mark = tag == "mark"
        if self._in_mark:
            self.marks.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag == "mark":
            self._in_mark = False

    def handle_data(self, data: str) -> None:
        if self._in_mark:
            self.marks[-1] += data

    def having(self, tag: str, cls: str) -> list[dict[str, str | None]]:
        return [a for t, a in self.tags if t == tag and cls in (a.get("class") or "").split()]


def _parse(page: str) -> _Elements:
    p = _Elements()
    p.feed(page)
    return p


def test_page_structure_from_a_hand_made_meeting() -> None:
    res = _meeting()
    page = render(res)
    el = _parse(page)
    sections = el.having("section", "item")
    assert [s["data-item"] for s in sections] == ["1", "2", "3"]
    stmts = el.having("div", "stmt")
    assert [s["data-speaker"] for s in stmts] == [s.speaker or "" for s in res.statements]
    assert [s["data-item"] for s in stmts] == [s.item for s in res.statements]
    assert len(el.having("div", "implicit")) == 1 and len(el.having("div", "narr")) == 1
    assert len(el.having("div", "decision")) == 1 and len(el.having("div", "action")) == 1
    assert "1. marts 2025" in el.marks and "uge 12" in el.marks
    inline = [a for t, a in el.tags if t == "mark" and a.get("title")]  # marks inside sentences carry the period
    assert [("deadline" in a["class"], a["title"].split(" ")[0]) for a in inline] == [
        (True, "2025-03-01–2025-03-01"), (False, "2024-03-18–2024-03-24")]
    # the same speaker has the same colour everywhere
    hues = {s["style"] for s in stmts if s["data-speaker"] == "Ida Wulff"}
    assert hues == {f"--h:{speaker_hue('Ida Wulff')}"}
    assert "handled together with item" in page
    options = [a.get("value") for t, a in el.tags if t == "option"]
    assert options == ["", "Ida Wulff", "Liam O'Brien"]


def test_everything_is_escaped_and_nothing_is_loaded_from_elsewhere() -> None:
    page = render(_meeting())
    assert "<script>window.__pwned" not in page
    assert "&lt;script&gt;window.__pwned = 1&lt;/script&gt; &amp; &quot;citater&quot;" in page
    assert "Skolebyggeri &lt;nyt&gt;" in page
    assert 'data-speaker="Liam O&#x27;Brien"' in page
    assert page.count("<script>") == 1  # only the page's own inline script
    lowered = page.lower()
    for external in ("<link", "src=", "http://", "https://", "@import", "url("):
        assert external not in lowered, external


def test_resolve_doc_id_by_id_prefix_and_file_name(tmp_path: Path) -> None:
    res = _meeting()
    other = res.model_copy(update={"document": res.document.model_copy(
        update={"doc_id": "d4499999999999999", "source": "andet/skoleudvalg-2024-03-04.pdf"})})
    write_tables([res, other], tmp_path)
    assert resolve_doc_id(tmp_path, DOC_ID) == DOC_ID
    assert resolve_doc_id(tmp_path, "d444") == DOC_ID
    assert resolve_doc_id(tmp_path, "skoleudvalg-2024-02-05") == DOC_ID
    assert resolve_doc_id(tmp_path, "skoleudvalg-2024-02-05.pdf") == DOC_ID
    assert resolve_doc_id(tmp_path, "arkiv/skoleudvalg-2024-02-05.pdf") == DOC_ID
    with pytest.raises(ReviewError, match="prefix of 2"):
        resolve_doc_id(tmp_path, "d44")
    with pytest.raises(ReviewError, match="no document"):
        resolve_doc_id(tmp_path, "referat-1999")
    with pytest.raises(ReviewError, match="no such dataset"):
        resolve_doc_id(tmp_path / "missing", DOC_ID)


def test_page_from_tables_only_when_json_is_absent(tmp_path: Path) -> None:
    write_tables([_meeting()], tmp_path)
    assert not (tmp_path / "json").exists()
    res = load_result(tmp_path, DOC_ID)
    assert res.text == ""
    assert [s.text for s in res.statements] == [s.text for s in _meeting().statements]
    assert len(_parse(render(res)).having("section", "item")) == 3


def test_cli_writes_the_page(tmp_path: Path) -> None:
    res = _meeting()
    write_tables([res], tmp_path)
    write_json(res, tmp_path)
    out = tmp_path / "pages" / "m.html"
    runner = CliRunner()
    r = runner.invoke(app, ["review", str(tmp_path), "skoleudvalg-2024-02-05", "-o", str(out)])
    assert r.exit_code == 0, r.output
    assert out.read_text(encoding="utf-8") == render(res)
    assert runner.invoke(app, ["review", str(tmp_path), "nope", "-o", str(out)]).exit_code == 2


# --- in a real browser -----------------------------------------------------------------

@pytest.fixture(scope="module")
def browser():
    """Headless Debian chromium driven by Playwright; a missing browser is a failure."""
    assert CHROMIUM.exists() or shutil.which(str(CHROMIUM)), (
        f"{CHROMIUM} not found: install Debian's chromium (make system-deps) or set REFERAT_CHROMIUM")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        yield b
        b.close()




VISIBLE_STATEMENTS = """() => Array.from(document.querySelectorAll('.stmt'))
    .map(e => [e.getAttribute('data-speaker'), e.checkVisibility()])"""


def _open(browser, page_file: Path, requests: list[str]):
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    page.on("request", lambda r: requests.append(r.url))
    page.goto(page_file.as_uri())
    return page


def test_corpus_pages_render_items_and_filter_by_person(browser, corpus_dataset: Path, tmp_path: Path) -> None:
    con = connect(corpus_dataset)
    docs = [r[0] for r in con.execute("SELECT doc_id FROM documents WHERE status = 'ok' ORDER BY doc_id").fetchall()]
    assert docs
    filtered = 0
    for doc_id in docs:
        out = tmp_path / f"{doc_id}.html"
        r = CliRunner().invoke(app, ["review", str(corpus_dataset), doc_id, "-o", str(out)])
        assert r.exit_code == 0, r.output
        titles = [t for (t,) in con.execute(
            "SELECT title FROM items WHERE doc_id = ? ORDER BY char_start, try_cast(split_part(number, '.', 1) AS INT), number",
            [doc_id]).fetchall()]
        requests: list[str] = []
        page = _open(browser, out, requests)
        sections = page.locator("section.item")
        assert sections.count() == len(titles)
        for i, title in enumerate(titles):
            heading = sections.nth(i).locator("h2 .title")
            assert heading.is_visible() and heading.inner_text() == title

        counts = con.execute("""SELECT speaker, count(*) FROM statements WHERE doc_id = ? AND speaker IS NOT NULL
                                GROUP BY speaker ORDER BY count(*) DESC, speaker""", [doc_id]).fetchall()
        total = con.execute("SELECT count(*) FROM statements WHERE doc_id = ?", [doc_id]).fetchone()[0]
        state = page.evaluate(VISIBLE_STATEMENTS)
        assert len(state) == total and all(v for _, v in state)
        if counts and counts[0][1] < total:
            who, n = counts[0]
            page.select_option("#person-filter", who)
            state = page.evaluate(VISIBLE_STATEMENTS)
            assert [s for s, v in state if v] == [who] * n
            assert sum(1 for s, v in state if not v and s != who) == total - n
            assert page.inner_text("#filter-status").startswith(f"{n} of {total}")
            page.screenshot(path=str(tmp_path / f"{doc_id}-{speaker_hue(who)}.png"), full_page=True)
            page.select_option("#person-filter", "")
            assert all(v for _, v in page.evaluate(VISIBLE_STATEMENTS))
            filtered += 1
        page.screenshot(path=str(tmp_path / f"{doc_id}.png"))
        assert requests == [out.as_uri()], "the page loaded something besides itself"
        page.close()
    assert filtered, "no corpus document has two speakers to filter between"
    assert list(tmp_path.glob("*.png"))


def test_hostile_text_stays_text_and_speaker_buttons_filter(browser, tmp_path: Path) -> None:
    out = tmp_path / "m.html"
    out.write_text(render(_meeting()), encoding="utf-8")
    requests: list[str] = []
    page = _open(browser, out, requests)
    assert page.evaluate("() => window.__pwned === undefined")
    assert HOSTILE in page.inner_text("main")
    page.locator("button.who[data-pick=\"Liam O'Brien\"]").first.click()
    state = page.evaluate(VISIBLE_STATEMENTS)
    assert [s for s, v in state if v] == ["Liam O'Brien"]
    assert page.locator("section.item.no-match").count() == 2  # items 1 and 3 have no sentence of his
    page.check("#only-items")
    assert page.locator("section.item:visible").count() == 1
    page.select_option("#person-filter", "")
    page.check("#hide-unattributed")
    assert sorted({s for s, v in page.evaluate(VISIBLE_STATEMENTS) if v}) == ["Ida Wulff", "Liam O'Brien"]
    page.screenshot(path=str(tmp_path / "hand-made.png"), full_page=True)
    assert (tmp_path / "hand-made.png").stat().st_size > 0
    assert requests == [out.as_uri()]


def test_failed_document_page_says_why() -> None:
    doc = Document(doc_id="d5555555555555555", source="arkiv/skannet.pdf", sha256="1" * 64, status="failed",
                   error="no text layer <scanned>", extractor_version="test")
    page = render(DocumentResult(document=doc))
    assert "Extraction failed: no text layer &lt;scanned&gt;" in page
    assert not _parse(page).having("section", "item") and "No agenda items found." in page
    assert "<title>skannet.pdf</title>" in page
