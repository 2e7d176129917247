"""The schema is the single source of truth: Parquet, JSON Schema and README follow it."""
from __future__ import annotations

import datetime as dt

import pyarrow.parquet as pq

from extract import dictionary
from extract.dataset import arrow_schema, json_schema, read_json, write_json, write_tables
from extract.schema import TABLES, Attendee, Document, DocumentResult, Item, Statement


def _result(doc_id: str = "d0123456789abcdef") -> DocumentResult:
    doc = Document(doc_id=doc_id, source="x.pdf", sha256="ab" * 32, meeting_date=dt.date(2021, 3, 4),
                   page_count=2, extractor_version="0.0-test")
    return DocumentResult(
        document=doc,
        text="1. Punkt\nAnna Holm bemærkede, at alt var godt.",
        attendance=[Attendee(doc_id=doc_id, name="Anna Holm", role="guest", items=["1", "2"], char_start=0, char_end=9)],
        items=[Item(doc_id=doc_id, number="1", title="Punkt", char_start=0, char_end=46, heading_end=8)],
        statements=[Statement(doc_id=doc_id, speaker="Anna Holm", act="bemærke", text="Anna Holm bemærkede, at alt var godt.",
                              char_start=9, char_end=46, item="1", page=1)],
    )


def test_every_table_has_an_arrow_schema_with_the_model_fields():
    for name, model in TABLES.items():
        schema = arrow_schema(model)
        assert schema.names == list(model.model_fields), name
        assert all(schema.field(n).metadata for n in schema.names if model.model_fields[n].description)


def test_parquet_tables_follow_the_models_and_are_byte_identical(tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    for out in (a, b):
        counts = write_tables([_result(), _result("d1111111111111111")], out)
        assert counts["statements"] == 2 and counts["documents"] == 2
    for name, model in TABLES.items():
        table = pq.read_table(a / f"{name}.parquet")
        assert table.schema.names == list(model.model_fields)
        assert (a / f"{name}.parquet").read_bytes() == (b / f"{name}.parquet").read_bytes()
    att = pq.read_table(a / "attendance.parquet").to_pylist()
    assert att[0]["items"] == ["1", "2"]
    docs = pq.read_table(a / "documents.parquet").to_pylist()
    assert docs[0]["meeting_date"] == dt.date(2021, 3, 4)


def test_json_round_trip_and_schema(tmp_path):
    res = _result()
    path = write_json(res, tmp_path)
    assert read_json(path) == res
    schema = json_schema()
    assert set(schema["properties"]) >= {"document", "attendance", "items", "statements", "dates"}
    assert "Statement" in schema["$defs"]


def test_readme_data_dictionary_matches_models():
    text = dictionary.README.read_text(encoding="utf-8")
    assert dictionary.embed(text) == text, "README data dictionary is stale: run python -m extract.dictionary --write"
    for name, model in TABLES.items():
        assert f"#### `{name}`" in text
        for field in model.model_fields:
            assert f"| {field} |" in text
