"""Who said what: attributed statements filtered by person, organisation and topic.

One DuckDB query over the dataset views (`extract.query.connect`): statements ⋈ items on
doc_id + item number ⋈ documents for the meeting date. Matching is accent- and
case-insensitive through the SQL macro `fold` ('ae' = 'æ', 'oe' = 'ø', 'aa' = 'å'),
because researchers type names and topics in whatever spelling their keyboard allows.

Agenda items handled together share one text range (the schema's rule), and their
statements carry the first item's number; so a statement's item title here is the titles
of all items on its range ('5, 6': 'Budget / Regnskab'), and a topic matching any of them
finds it.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

import duckdb

from extract.query import Result, connect, fold_param, run

#: Output columns, in order; the first seven are what the table view shows.
COLUMNS = ["person", "organisation", "meeting_date", "item", "item_title", "act", "text",
           "implicit", "doc_id", "statement_id", "page", "char_start", "char_end", "source"]

WHO_SAID_SQL = """
WITH item_groups AS (  -- items sharing one text range were handled together
    SELECT i.doc_id, i.number,
           string_agg(j.number, ', ' ORDER BY try_cast(split_part(j.number, '.', 1) AS INTEGER), j.number) AS numbers,
           string_agg(j.title, ' / ' ORDER BY try_cast(split_part(j.number, '.', 1) AS INTEGER), j.number) AS titles,
           fold(string_agg(j.title, ' / ')) AS titles_folded  -- folded once per item, not per statement
    FROM items i
    JOIN items j ON j.doc_id = i.doc_id AND j.char_start = i.char_start AND j.char_end = i.char_end
    GROUP BY i.doc_id, i.number
),
roster AS (  -- fallback organisation from the attendance list
    SELECT doc_id, name, any_value(organisation) FILTER (WHERE organisation IS NOT NULL) AS organisation
    FROM attendance GROUP BY doc_id, name
),
hits AS (
    SELECT s.speaker AS person,
           coalesce(s.organisation, r.organisation) AS organisation,
           d.meeting_date,
           coalesce(g.numbers, s.item) AS item,
           g.titles AS item_title, g.titles_folded,
           s.act, s.text, s.implicit, s.doc_id, s.statement_id, s.page, s.char_start, s.char_end,
           d.source
    FROM statements s
    LEFT JOIN documents d ON d.doc_id = s.doc_id
    LEFT JOIN item_groups g ON g.doc_id = s.doc_id AND g.number = s.item
    LEFT JOIN roster r ON r.doc_id = s.doc_id AND r.name = s.speaker
    WHERE s.speaker IS NOT NULL
)
SELECT * EXCLUDE (titles_folded), count(*) OVER () AS _total
FROM hits
WHERE ($person IS NULL OR contains(fold(person), fold($person)))
  AND ($org IS NULL OR contains(fold(organisation), fold($org)))
  AND ($topic IS NULL OR contains(titles_folded, fold($topic)) OR contains(fold(text), fold($topic)))
ORDER BY meeting_date DESC NULLS LAST, doc_id, char_start
LIMIT $limit
"""


def _blank_to_none(value: str | None) -> str | None:
    return value if value and value.strip() else None


def who_said(con: duckdb.DuckDBPyConnection, person: str | None = None, org: str | None = None,
             topic: str | None = None, limit: int | None = None) -> Result:
    """Attributed statements matching all given filters, newest meeting first, then in
    document order. `limit` None or 0 means all rows; Result.total counts all matches."""
    params = {"person": fold_param(_blank_to_none(person)), "org": fold_param(_blank_to_none(org)),
              "topic": fold_param(_blank_to_none(topic)), "limit": limit if limit and limit > 0 else None}
    res = run(con, WHO_SAID_SQL, params)
    total = res.rows[0][-1] if res.rows else 0
    assert res.columns[:-1] == COLUMNS, res.columns  # the SQL and COLUMNS must agree
    return Result(COLUMNS, [row[:-1] for row in res.rows], total)


def who_said_dir(root: Path | str, **filters: object) -> Result:
    """`who_said` over the dataset in `root` (see extract.query.connect for the errors)."""
    con = connect(root)
    try:
        return who_said(con, **filters)  # type: ignore[arg-type]
    finally:
        con.close()


def print_table(result: Result, console: Any = None) -> None:
    """The statements as a rich table of four columns that stays readable in 80 columns:
    who (person, organisation), where (date, item, title), act, text. An implicit
    statement's act reads '(continues)': it has no reporting verb of its own."""
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    console = console or Console()
    table = Table(title="Who said what", show_lines=True, header_style="bold", expand=True)
    table.add_column("who", ratio=3, overflow="fold")
    table.add_column("meeting / item", ratio=3, overflow="fold")
    table.add_column("act", ratio=2, overflow="fold")
    table.add_column("text", ratio=7, overflow="fold")
    for values in result.rows:
        row = dict(zip(result.columns, values))
        get = row.get
        who = Text(get("person"), style="bold")
        if get("organisation"):
            who.append("\n" + get("organisation"), style="dim")
        where = Text(f"{get('meeting_date') or 'no date'} · {get('item') or '-'}")
        if get("item_title"):
            where.append("\n" + get("item_title"), style="dim")
        act = Text(get("act") or ("(continues)" if get("implicit") else ""), style="italic" if get("implicit") else "")
        table.add_row(who, where, act, Text(get("text")))
    console.print(table)
