"""DocumentResults → the dataset on disk: DIR/json/<doc_id>.json and DIR/<table>.parquet.

The Arrow schema of every table is derived from the pydantic row models in
`extract.schema`, so JSON, Parquet and JSON Schema cannot drift apart. Writes are atomic
(temporary file + `os.replace`): a crash never leaves a half-written file. Output is
deterministic: rows are sorted and no timestamps are written, so the same inputs give
byte-identical tables.
"""
from __future__ import annotations

import datetime as dt
import json
import os
import tempfile
import types
import typing
from collections.abc import Iterable, Iterator
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
from pydantic import BaseModel

from extract.schema import TABLES, DocumentResult, Row

JSON_DIR = "json"


def arrow_type(annotation: object) -> pa.DataType:
    """Arrow type for a pydantic field annotation (Optional/Literal/list aware)."""
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        return arrow_type(args[0])
    if origin is typing.Literal:
        return pa.string()
    if origin is list:
        return pa.list_(arrow_type(typing.get_args(annotation)[0]))
    simple = {str: pa.string(), int: pa.int64(), float: pa.float64(), bool: pa.bool_(), dt.date: pa.date32()}
    if annotation in simple:
        return simple[annotation]
    raise TypeError(f"no Arrow type for {annotation!r}")


def arrow_schema(model: type[BaseModel]) -> pa.Schema:
    """The Parquet schema of a table, field descriptions kept as column metadata."""
    fields = []
    for name, info in model.model_fields.items():
        meta = {"description": info.description} if info.description else None
        fields.append(pa.field(name, arrow_type(info.annotation), nullable=True, metadata=meta))
    return pa.schema(fields)


def atomic_write_bytes(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_json(result: DocumentResult, out: Path) -> Path:
    """Write one document's JSON atomically; returns its path."""
    path = out / JSON_DIR / f"{result.document.doc_id}.json"
    atomic_write_bytes(path, result.model_dump_json(indent=1).encode("utf-8"))
    return path


def read_json(path: Path) -> DocumentResult:
    return DocumentResult.model_validate_json(path.read_bytes())


def iter_results(out: Path) -> Iterator[DocumentResult]:
    """All documents already in DIR/json, in doc_id order (unreadable files are skipped)."""
    for path in sorted((out / JSON_DIR).glob("*.json")):
        try:
            yield read_json(path)
        except (ValueError, OSError):
            continue


def table_from_rows(name: str, rows: Iterable[Row]) -> pa.Table:
    model = TABLES[name]
    schema = arrow_schema(model)
    records = [r.model_dump(mode="python") for r in rows]
    return pa.Table.from_pylist(records, schema=schema)


def write_table(table: pa.Table, path: Path) -> None:
    """Write a Parquet file atomically and reproducibly."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    os.close(fd)
    try:
        pq.write_table(table, tmp, compression="zstd", write_statistics=True)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_tables(results: Iterable[DocumentResult], out: Path) -> dict[str, int]:
    """(Re)build every DIR/<table>.parquet from the given results; returns row counts."""
    rows: dict[str, list[Row]] = {name: [] for name in TABLES}
    for res in sorted(results, key=lambda r: (r.document.doc_id, r.document.source)):
        for name in TABLES:
            rows[name].extend(res.rows(name))
    counts = {}
    for name, table_rows in rows.items():
        write_table(table_from_rows(name, table_rows), out / f"{name}.parquet")
        counts[name] = len(table_rows)
    return counts


def json_schema() -> dict:
    """JSON Schema of the per-document JSON (and so of every table's row)."""
    return DocumentResult.model_json_schema()


def dump_json_schema() -> str:
    return json.dumps(json_schema(), ensure_ascii=False, indent=2, sort_keys=True)
