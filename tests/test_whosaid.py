"""`referat who-said`: person/org/topic filters (accent-insensitive), joins, order, output."""
from __future__ import annotations

import csv
import datetime as dt
import functools
import io
import json
import os
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from extract.cli import app
from extract.dataset import write_tables
from extract.query import connect, fold
from extract.schema import Attendee, Document, DocumentResult, Item, Statement
from extract.whosaid import COLUMNS, who_said

Line = tuple[str | None, str | None, str, bool]  # speaker, act, sentence, implicit


def _meeting(doc_id: str, day: dt.date | None, roster: dict[str, str | None],
             agenda: list[tuple[list[tuple[str, str]], list[Line]]]) -> DocumentResult:
    """A meeting whose text is built from the agenda; items listed together share one range."""
    text, items, stmts = "", [], []
    for heads, lines in agenda:
        start = len(text)
        text += " og ".join(f"{n}. {t}" for n, t in heads) + "\n"
        heading_end = len(text) - 1
        for speaker, act, sentence, implicit in lines:
            s = len(text)
            text += sentence + "\n"
            stmts.append(Statement(doc_id=doc_id, item=heads[0][0], page=1, char_start=s, char_end=s + len(sentence),
                                   statement_id=f"{doc_id}:{s}", speaker=speaker,
                                   organisation=roster.get(speaker) if speaker else None,
                                   act=act, text=sentence, implicit=implicit))
        for n, t in heads:
            items.append(Item(doc_id=doc_id, item=n, number=n, title=t, char_start=start, char_end=len(text) - 1,
                              heading_end=heading_end, page=1))
    doc = Document(doc_id=doc_id, source=f"{doc_id}.pdf", sha256="0" * 64, meeting_date=day,
                   page_count=1, extractor_version="test")
    attendance = [Attendee(doc_id=doc_id, name=n, organisation=o, role="member", char_start=0, char_end=1)
                  for n, o in roster.items()]
    return DocumentResult(document=doc, text=text, attendance=attendance, items=items, statements=stmts)


ROSTER = {"Søren Ågård": "Ældresagen Nord", "Maja Holm": "Fjordkøbing Kommune", "Liam O'Brien": None}

NEW = _meeting("d1111111111111111", dt.date(2024, 2, 5), ROSTER, [
    ([("1", "Godkendelse af dagsorden")], [
        (None, None, "Dagsordenen blev godkendt.", False),
    ]),
    ([("2", "Økonomisk status")], [
        ("Søren Ågård", "orientere", "Søren Ågård orienterede om regnskabet.", False),
        ("Søren Ågård", None, "Der forventes et mindre underskud.", True),
        ("Maja Holm", "spørge", "Maja Holm spurgte til budgettet for Århus-projektet.", False),
    ]),
    ([("3", "Trafikplan"), ("4", "Cykelstier ved skolerne")], [
        ("Liam O'Brien", "foreslå", "Liam O'Brien foreslog en ny tidsplan.", False),
    ]),
])
OLD = _meeting("d2222222222222222", dt.date(2021, 9, 1), {"Søren Ågård": "Ældresagen Nord", "Åse Berg": "Ældrerådet"}, [
    ([("1", "Ældreområdet")], [
        ("Åse Berg", "bemærke", "Åse Berg bemærkede, at ventelisterne er lange.", False),
        ("Søren Ågård", "tilslutte sig", "Søren Ågård tilsluttede sig.", False),
    ]),
])
UNDATED = _meeting("d3333333333333333", None, {"Maja Holm": None}, [
    ([("1", "Eventuelt")], [("Maja Holm", "nævne", "Maja Holm nævnte ældreplejen kort.", False)]),
])


@pytest.fixture()
def con(tmp_path: Path):
    write_tables([NEW, OLD, UNDATED], tmp_path)
    c = connect(tmp_path)
    yield c
    c.close()


def _texts(res) -> list[str]:
    return [r[COLUMNS.index("text")] for r in res.rows]


def test_person_matches_case_and_accent_insensitively(con) -> None:
    for spelling in ("Søren", "soeren", "SOEREN AAGAARD", "ågård", "aagaard"):
        res = who_said(con, person=spelling)
        assert {r[0] for r in res.rows} == {"Søren Ågård"}, spelling
        assert res.total == 3
    assert who_said(con, person="O'Brien").total == 1  # quotes are parameters, not SQL


def test_org_matches_the_speakers_organisation(con) -> None:
    res = who_said(con, org="aeldresagen")
    assert {r[0] for r in res.rows} == {"Søren Ågård"}
    assert {r[1] for r in who_said(con, org="ÆLDRE").rows} == {"Ældresagen Nord", "Ældrerådet"}
    assert who_said(con, org="kommune").total == 1


def test_topic_matches_statement_text_and_item_titles(con) -> None:
    assert _texts(who_said(con, topic="aarhus")) == ["Maja Holm spurgte til budgettet for Århus-projektet."]
    # 'Ældreområdet' is only in an item title; 'ældreplejen' only in a statement
    res = who_said(con, topic="aeldre")
    assert _texts(res) == ["Åse Berg bemærkede, at ventelisterne er lange.", "Søren Ågård tilsluttede sig.",
                           "Maja Holm nævnte ældreplejen kort."]


def test_items_handled_together_share_titles_and_topic(con) -> None:
    res = who_said(con, topic="cykelstier")
    assert len(res.rows) == 1
    row = dict(zip(COLUMNS, res.rows[0]))
    assert row["person"] == "Liam O'Brien"
    assert row["item"] == "3, 4" and row["item_title"] == "Trafikplan / Cykelstier ved skolerne"


def test_filters_combine_and_unattributed_sentences_are_left_out(con) -> None:
    assert who_said(con, person="søren", topic="regnskab").total == 1
    assert who_said(con, person="søren", org="kommune").total == 0
    everyone = who_said(con)
    assert "Dagsordenen blev godkendt." not in _texts(everyone)
    assert everyone.total == sum(1 for m in (NEW, OLD, UNDATED) for s in m.statements if s.speaker)


def test_newest_meeting_first_then_document_order_and_limit(con) -> None:
    res = who_said(con)
    dates = [r[COLUMNS.index("meeting_date")] for r in res.rows]
    assert dates == [dt.date(2024, 2, 5)] * 4 + [dt.date(2021, 9, 1)] * 2 + [None]
    starts = [r[COLUMNS.index("char_start")] for r in res.rows[:4]]
    assert starts == sorted(starts)
    limited = who_said(con, limit=2)
    assert limited.rows == res.rows[:2] and limited.total == res.total
    implicit = [dict(zip(COLUMNS, r)) for r in res.rows if r[COLUMNS.index("implicit")]]
    assert [(r["person"], r["act"]) for r in implicit] == [("Søren Ågård", None)]


def test_blank_filters_mean_no_filter(con) -> None:
    assert who_said(con, person=" ", topic="").total == who_said(con).total


runner = CliRunner()


def test_cli_formats(tmp_path: Path) -> None:
    write_tables([NEW, OLD, UNDATED], tmp_path)
    res = runner.invoke(app, ["who-said", str(tmp_path), "--person", "maja", "-f", "csv"])
    assert res.exit_code == 0, res.output
    rows = list(csv.DictReader(io.StringIO(res.stdout)))
    assert [r["text"] for r in rows] == ["Maja Holm spurgte til budgettet for Århus-projektet.",
                                         "Maja Holm nævnte ældreplejen kort."]
    assert set(rows[0]) == set(COLUMNS)
    assert rows[0]["meeting_date"] == "2024-02-05" and rows[0]["item_title"] == "Økonomisk status"
    assert rows[0]["implicit"] == "false"

    res = runner.invoke(app, ["who-said", str(tmp_path), "--topic", "underskud", "-f", "json"])
    data = json.loads(res.stdout)
    assert [(d["person"], d["implicit"], d["act"]) for d in data] == [("Søren Ågård", True, None)]

    res = runner.invoke(app, ["who-said", str(tmp_path), "--org", "Ældrerådet", "--limit", "5"], env={"COLUMNS": "160"})
    assert res.exit_code == 0
    assert "Åse Berg" in res.stdout and "ventelisterne" in res.stdout and "Ældreområdet" in res.stdout
    assert "Maja" not in res.stdout

    res = runner.invoke(app, ["who-said", str(tmp_path), "--limit", "1"])
    assert res.exit_code == 0 and "of 7 statements" in res.stderr
    assert runner.invoke(app, ["who-said", str(tmp_path / "none")]).exit_code == 2
    assert runner.invoke(app, ["who-said", str(tmp_path), "--limit", "-1"]).exit_code == 2


# --- the corpus, against a plain-Python reading of the same tables -------------------------



class _Oracle:
    """who-said computed with plain Python over the Parquet rows (loaded once)."""

    def __init__(self, root: Path) -> None:
        self.docs = {d["doc_id"]: d for d in pq.read_table(root / "documents.parquet").to_pylist()}
        items = pq.read_table(root / "items.parquet").to_pylist()
        by_range: dict[tuple, list[str]] = {}
        for it in items:  # items on the same range were handled together
            by_range.setdefault((it["doc_id"], it["char_start"], it["char_end"]), []).append(it["title"])
        self.title = {(it["doc_id"], it["number"]): " / ".join(by_range[(it["doc_id"], it["char_start"], it["char_end"])])
                      for it in items}
        self.statements = [s for s in pq.read_table(root / "statements.parquet").to_pylist() if s["speaker"]]

    @functools.cache  # noqa: B019 (one oracle per test)
    def folded(self, text: str) -> str:
        return fold(text)

    def __call__(self, person: str | None, org: str | None, topic: str | None) -> list[str]:
        hits = []
        for s in self.statements:
            title = self.title.get((s["doc_id"], s["item"]), "")
            if person and fold(person) not in self.folded(s["speaker"]):
                continue
            if org and fold(org) not in self.folded(s["organisation"] or "\x00"):
                continue
            if topic and fold(topic) not in self.folded(s["text"]) and fold(topic) not in self.folded(title):
                continue
            hits.append(s)

        def order(s: dict) -> tuple:
            day = self.docs[s["doc_id"]]["meeting_date"]
            return (day is None, -(day.toordinal() if day else 0), s["doc_id"], s["char_start"])

        return [s["statement_id"] for s in sorted(hits, key=order)]


def _ascii(word: str) -> str:
    """How someone without Danish letters on the keyboard types it."""
    return word.upper().replace("Æ", "AE").replace("Ø", "OE").replace("Å", "AA")


def test_corpus_results_equal_a_plain_python_reading(corpus_dataset: Path) -> None:
    statements = pq.read_table(corpus_dataset / "statements.parquet").to_pylist()
    items = pq.read_table(corpus_dataset / "items.parquet").to_pylist()
    speakers = sorted({s["speaker"] for s in statements if s["speaker"]})
    orgs = sorted({s["organisation"] for s in statements if s["organisation"]})
    assert speakers, "the corpus extraction attributes no statement"
    queries: list[tuple[str | None, str | None, str | None]] = [(None, None, None)]
    queries += [(_ascii(name.split()[-1]), None, None) for name in speakers]
    queries += [(None, _ascii(o.split()[0]), None) for o in orgs]
    queries += [(None, None, _ascii(max(it["title"].split(), key=len))) for it in items[::2]]
    queries += [(speakers[0].split()[0], None, _ascii(max(it["title"].split(), key=len))) for it in items[:5]]
    con = connect(corpus_dataset)
    oracle = _Oracle(corpus_dataset)
    nonempty = 0
    for person, org, topic in queries:
        res = who_said(con, person=person, org=org, topic=topic)
        got = [r[COLUMNS.index("statement_id")] for r in res.rows]
        assert got == oracle(person, org, topic), (person, org, topic)
        nonempty += bool(got)
    assert nonempty >= len(speakers)  # every speaker is found by their surname typed in ASCII
