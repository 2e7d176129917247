"""SQL over a referat dataset: DuckDB with one view per table, named after the table.

Why DuckDB views over the Parquet files (and not a database file): the dataset on disk
stays the single source of truth, nothing is copied, and a query over a large archive
reads only the columns and row groups it needs. A table may be one file
(DIR/<table>.parquet, what `referat extract` writes) or a folder of Parquet parts
(DIR/<table>/**/*.parquet, what Spark/Dask/DuckDB `COPY ... PARTITION_BY` write); both
are read together when both exist. A table missing from DIR becomes an empty view with
the model's columns, so queries written against the schema never fail on an old dataset.

Every connection also has the SQL macro `fold(text)`: the accent-insensitive form used by
`who-said` (see `fold`), so `WHERE contains(fold(text), fold('Aeldre'))` works in
`referat query` too. Kept import-light (no spaCy, no pdfplumber): a query must answer
in well under two seconds.
"""
from __future__ import annotations

import csv
import datetime as dt
import decimal
import json
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

import duckdb

from extract.schema import TABLES

#: Danish letters with a two-letter spelling ("Aeldre", "Soeren", "Aarhus").
DANISH_DIGRAPHS = (("æ", "ae"), ("ø", "oe"), ("å", "aa"))

#: The SQL twin of `fold`. It expects NFC text, as the dataset's text is (textbuild
#: normalises it), so it skips DuckDB's nfc_normalize, which would double its cost on a
#: large archive; `fold_param` NFC-normalises what users type before it reaches SQL.
FOLD_MACRO = (
    "CREATE OR REPLACE MACRO fold(s) AS strip_accents("
    + "".join("replace(" for _ in DANISH_DIGRAPHS)
    + "lower(s)"
    + "".join(f", '{a}', '{b}')" for a, b in DANISH_DIGRAPHS)
    + ")"
)


class DatasetNotFound(Exception):
    """DIR is missing or holds no dataset table (CLI exit code 2)."""


class QueryError(Exception):
    """DuckDB rejected the SQL; str(exc) is a one-line message (CLI exit code 1)."""


@dataclass
class Result:
    """A query result: column names, rows, and how many rows there are without a LIMIT."""

    columns: list[str]
    rows: list[tuple]
    total: int | None = None

    def records(self) -> list[dict[str, Any]]:
        return [dict(zip(self.columns, row)) for row in self.rows]


def fold(text: str | None) -> str | None:
    """Accent- and case-insensitive form for matching: 'Ældre' = 'aeldre', 'Århus' = 'Aarhus', 'é' = 'e'.

    Why the digraphs: Danish text and users' keyboards alternate 'æ/ø/å' with 'ae/oe/aa'
    (old spellings, names, ASCII-only input); a plain accent strip would give 'ø' ≠ 'oe'.
    Equals the SQL macro `fold` on NFC text (tests check both on the same strings);
    decomposed input is composed first here, and by `fold_param` for SQL.
    """
    if text is None:
        return None
    s = unicodedata.normalize("NFC", text).lower()
    for letter, digraph in DANISH_DIGRAPHS:
        s = s.replace(letter, digraph)
    return "".join(ch for ch in unicodedata.normalize("NFD", s) if not unicodedata.combining(ch))


def fold_param(text: str | None) -> str | None:
    """A user's search string made ready for the SQL `fold`: NFC (a Mac terminal may send
    'å' decomposed) and no-break spaces as plain spaces, as in the dataset's text."""
    if text is None:
        return None
    return _ODD_SPACE_RE.sub(" ", unicodedata.normalize("NFC", text))


_ODD_SPACE_RE = re.compile(r"[\u00a0\u2007\u202f]")


def _parquet_parts(folder: Path) -> list[Path]:
    """Parquet files below a table folder, skipping hidden/temporary files and empty files."""
    parts = []
    for path in sorted(folder.rglob("*.parquet")):
        rel = path.relative_to(folder).parts
        if any(p.startswith((".", "_")) for p in rel) or not path.is_file() or path.stat().st_size == 0:
            continue
        parts.append(path)
    return parts


def table_files(root: Path) -> dict[str, list[Path]]:
    """The Parquet files of every table present in `root` (file and/or folder of parts)."""
    found: dict[str, list[Path]] = {}
    for name in TABLES:
        files = []
        single = root / f"{name}.parquet"
        if single.is_file():
            files.append(single)
        if (root / name).is_dir():
            files.extend(_parquet_parts(root / name))
        if files:
            found[name] = files
    return found


def _sql_str(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def _empty_view(con: duckdb.DuckDBPyConnection, name: str) -> None:
    """A zero-row view with the model's columns, for a table the dataset lacks."""
    import pyarrow as pa  # only needed for this rare case: keep the common path light

    from extract.dataset import arrow_schema

    con.register(name, pa.Table.from_pylist([], schema=arrow_schema(TABLES[name])))


def connect(root: Path | str) -> duckdb.DuckDBPyConnection:
    """An in-memory DuckDB connection with one view per dataset table and the `fold` macro.

    Raises DatasetNotFound when `root` is not a folder or holds no table at all.
    """
    root = Path(root)
    if not root.is_dir():
        raise DatasetNotFound(f"no such dataset folder: {root}")
    files = table_files(root)
    if not files:
        hint = " (it has json/ but no tables yet: re-run `referat extract`)" if (root / "json").is_dir() else ""
        raise DatasetNotFound(f"{root} holds no referat dataset: no documents.parquet or other table{hint}")
    con = duckdb.connect(":memory:")
    con.execute(FOLD_MACRO)
    for name in TABLES:
        if name not in files:
            _empty_view(con, name)
            continue
        paths = ", ".join(_sql_str(str(p)) for p in files[name])
        con.execute(f'CREATE VIEW "{name}" AS SELECT * FROM read_parquet([{paths}], union_by_name = true)')
    return con


def one_line(exc: BaseException) -> str:
    """DuckDB's multi-line error as one line: the message and its 'Did you mean' hint,
    without the echoed SQL and caret lines."""
    lines = [ln.strip() for ln in str(exc).splitlines()]
    keep = [ln for ln in lines if ln and not ln.startswith("LINE ") and set(ln) != {"^"}]
    return " ".join(keep) or type(exc).__name__


def run(con: duckdb.DuckDBPyConnection, sql: str, params: Sequence[Any] | dict | None = None) -> Result:
    """Execute SQL (one or more statements; the last one's rows are returned)."""
    try:
        cur = con.execute(sql, params) if params is not None else con.execute(sql)
        if cur.description is None:
            return Result([], [], 0)
        columns = [d[0] for d in cur.description]
        rows = cur.fetchall()
    except duckdb.Error as exc:
        raise QueryError(one_line(exc)) from None
    return Result(columns, rows, len(rows))


def query(root: Path | str, sql: str) -> Result:
    """Run SQL over the dataset in `root` (views named after the tables)."""
    con = connect(root)
    try:
        return run(con, sql)
    finally:
        con.close()


# --- output ---------------------------------------------------------------------------

def _jsonable(value: Any) -> Any:
    if isinstance(value, (dt.date, dt.datetime, dt.time)):
        return value.isoformat()
    if isinstance(value, decimal.Decimal):
        return float(value)
    if isinstance(value, dt.timedelta):
        return value.total_seconds()
    if isinstance(value, (bytes, bytearray)):
        return value.hex()
    return str(value)


def _cell(value: Any) -> str:
    """A value as one CSV/table cell: lists and structs as JSON, dates ISO, null empty."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (list, dict, tuple)):
        return json.dumps(value, ensure_ascii=False, default=_jsonable)
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return str(value)


def write_csv(result: Result, out: IO[str]) -> None:
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(result.columns)
    for row in result.rows:
        writer.writerow([_cell(v) for v in row])


def write_json(result: Result, out: IO[str]) -> None:
    """A JSON array of row objects (dates as ISO strings, lists as arrays)."""
    json.dump(result.records(), out, ensure_ascii=False, indent=1, default=_jsonable)
    out.write("\n")


def print_table(result: Result, title: str | None = None, max_rows: int = 1000,
                null: str = "null", console: Any = None) -> None:
    """A rich table on stdout (capped at `max_rows`; csv/json output is never capped)."""
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    console = console or Console()
    table = Table(title=title, show_lines=False, header_style="bold")
    for col in result.columns:
        table.add_column(col, overflow="fold")
    for row in result.rows[:max_rows]:
        # Text(), not markup: a '[' in the minutes must print as written
        table.add_row(*[Text(_cell(v)) if v is not None else Text(null, style="dim") for v in row])
    console.print(table)
    if len(result.rows) > max_rows:
        Console(stderr=True).print(f"[dim]{max_rows} of {len(result.rows)} rows shown (csv/json show all)[/dim]")


FORMATS = ("table", "csv", "json")


def emit(result: Result, fmt: str, out: IO[str], **table_kwargs: Any) -> None:
    """Write a result in one of FORMATS."""
    if fmt == "csv":
        write_csv(result, out)
    elif fmt == "json":
        write_json(result, out)
    elif fmt == "table":
        print_table(result, **table_kwargs)
    else:
        raise ValueError(f"unknown format {fmt!r} ({', '.join(FORMATS)})")
