"""The `referat` command line.

Exit codes: 0 when at least one file was extracted, 1 when every file failed, 2 for usage
errors (a missing path, a bad option).
"""
from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn, TimeRemainingColumn

from extract import __version__

app = typer.Typer(
    help="referat: Danish meeting minutes (PDF) → a queryable dataset (JSON + Parquet).",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
console = Console(stderr=True)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"referat {__version__}")
        raise typer.Exit()


@app.callback()
def main(version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                               help="Print the version and exit.")] = False) -> None:
    """referat: Danish meeting minutes (PDF) → a queryable dataset."""


@app.command()
def extract(
    paths: Annotated[list[Path], typer.Argument(help="PDF files or folders (searched recursively for *.pdf).")],
    out: Annotated[Path, typer.Option("--out", "-o", help="Dataset folder to write.")] = Path("dataset"),
    engine: Annotated[str, typer.Option(help="PDF engine: pdfplumber (default, most faithful) or pdfium (fast).")] = "pdfplumber",
    ner_model: Annotated[str | None, typer.Option("--ner-model", help="Name or local path of an installed spaCy NER pipeline (e.g. a DaCy model) to merge with the rule entities. Never downloaded.")] = None,
    ocr: Annotated[bool, typer.Option("--ocr/--no-ocr", help="OCR pages without a text layer with Tesseract when installed.")] = True,
    workers: Annotated[int | None, typer.Option("--workers", "-w", help="Worker processes (default: one per core; 0 = in this process, no timeout). With dask and no --scheduler: LocalCluster workers.")] = None,
    timeout: Annotated[float, typer.Option("--timeout", help="Seconds per file before its worker is killed and the file becomes a failed row (0 = no limit).")] = 600.0,
    force: Annotated[bool, typer.Option("--force", help="Redo files already extracted into DIR by this version (default: skip them).")] = False,
    executor: Annotated[str, typer.Option("--executor", help="local (process pool) or dask (dask.distributed; pip install 'referat\\[dask]').")] = "local",
    scheduler: Annotated[str | None, typer.Option("--scheduler", help="Address of a running dask scheduler (tcp://host:8786); without it --executor dask starts a LocalCluster.")] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
) -> None:
    """Extract minutes PDFs into DIR: documents/attendance/items/... .parquet and json/<doc_id>.json.

    One bad file never stops the batch: it becomes a documents row with status 'failed' and a
    one-line reason (a file that hangs past --timeout or crashes its worker too). Re-running
    over the same DIR skips files already extracted by this version (--force redoes them)
    and retries failed ones. Exit code 0 when at least one file succeeded (or was already
    done), 1 when all failed, 2 for usage errors such as a missing path.
    """
    from extract.batch import find_pdfs, run_batch
    from extract.executors import ExecutorUnavailable
    from extract.pipeline import Options

    if engine not in ("pdfplumber", "pdfium"):
        raise typer.BadParameter(f"unknown engine {engine!r} (pdfplumber or pdfium)", param_hint="--engine")
    _check_executor_options(executor, scheduler, workers, timeout)
    missing = [str(p) for p in paths if not p.exists()]
    if missing:
        console.print(f"[red]error:[/red] no such file or folder: {', '.join(missing)}")
        raise typer.Exit(2)
    files = find_pdfs(paths)
    if not files:
        console.print("[red]error:[/red] no PDF files found in the given paths")
        raise typer.Exit(2)
    if ner_model:
        _check_ner_model(ner_model)
    options = Options(engine=engine, ner_model=ner_model, ocr=ocr)

    progress = Progress(
        TextColumn("[bold]{task.description}"), BarColumn(), MofNCompleteColumn(),
        TextColumn("{task.fields[pages]} pages"), TimeElapsedColumn(), TimeRemainingColumn(),
        console=console, disable=quiet, transient=False,
    )
    with progress:
        task = progress.add_task("extracting", total=len(files), pages=0)
        pages = 0

        def on_result(outcome) -> None:
            nonlocal pages
            pages += outcome.pages
            progress.update(task, advance=1, pages=pages, description=f"extracting {Path(outcome.source).name[:40]}")

        try:
            summary = run_batch(files, out, options, workers=workers, timeout=timeout or None, force=force,
                                executor=executor, scheduler=scheduler, on_result=on_result)
        except ExecutorUnavailable as exc:
            progress.stop()
            console.print(f"[red]error:[/red] {escape(str(exc))}")
            raise typer.Exit(2) from None
        except KeyboardInterrupt:
            progress.stop()
            console.print(f"[yellow]interrupted:[/yellow] finished files are kept in {out}; run again to resume")
            raise typer.Exit(130) from None

    for src, reason in summary.failures:
        console.print(f"[yellow]failed:[/yellow] {escape(src)}: {escape(reason)}")
    _warn_missing_ocr(summary.failures, ocr)
    console.print(
        f"[bold]{summary.ok} ok[/bold], {summary.failed} failed, {summary.skipped} skipped (already done); "
        f"{summary.pages} pages in {summary.seconds:.1f} s ({summary.pages_per_second:.1f} pages/s) → {out}"
    )
    if not summary.succeeded:
        raise typer.Exit(1)


def _check_executor_options(executor: str, scheduler: str | None, workers: int | None, timeout: float) -> None:
    """Usage errors (exit 2) for the batch options."""
    if executor not in ("local", "dask"):
        raise typer.BadParameter(f"unknown executor {executor!r} (local or dask)", param_hint="--executor")
    if scheduler and executor != "dask":
        raise typer.BadParameter("--scheduler needs --executor dask", param_hint="--scheduler")
    if workers is not None and workers < 0:
        raise typer.BadParameter("must be 0 or more", param_hint="--workers")
    if timeout < 0:
        raise typer.BadParameter("must be 0 (no limit) or more", param_hint="--timeout")


def _warn_missing_ocr(failures: list[tuple[str, str]], ocr: bool) -> None:
    """One clear warning when scanned files failed because Tesseract is not installed."""
    import shutil

    if ocr and shutil.which("tesseract") is None and any("no text layer" in r for _, r in failures):
        console.print("[yellow]warning:[/yellow] Tesseract is not installed, so scanned pages (no text layer) "
                      "cannot be read: install tesseract-ocr and tesseract-ocr-dan (Debian/Ubuntu) and re-run")


def _check_ner_model(name: str) -> None:
    """Fail fast (exit 2) with a clear message when an optional NER model is not installed."""
    from extract.errors import ModelNotFound
    from extract.nlp import build_nlp

    try:
        build_nlp(name)
    except ModelNotFound as exc:
        console.print(f"[red]error:[/red] {escape(str(exc))}")
        raise typer.Exit(2) from None


@app.command()
def schema() -> None:
    """Print the JSON Schema of the per-document JSON (every table's row model is in it)."""
    from extract.dataset import dump_json_schema

    typer.echo(dump_json_schema())


# --- further commands are registered below (query, who-said, review) ---
# They import duckdb and friends lazily and never spaCy/pdfplumber: query and who-said
# must answer in well under two seconds.
from enum import Enum
from typing import NoReturn


class OutputFormat(str, Enum):
    """Output of `query` and `who-said`."""

    table = "table"
    csv = "csv"
    json = "json"


def _fail(message: str, code: int) -> NoReturn:
    """One-line error on stderr and the exit code (1: the query failed, 2: usage)."""
    from rich.markup import escape

    console.print(f"[red]error:[/red] {escape(message)}", soft_wrap=True)
    raise typer.Exit(code)


def _open_dataset(dataset: Path):
    """A DuckDB connection over DIR's tables, or exit 2 when DIR holds no dataset."""
    from extract.query import DatasetNotFound, connect

    try:
        return connect(dataset)
    except DatasetNotFound as exc:
        _fail(str(exc), 2)


DatasetArg = Annotated[Path, typer.Argument(metavar="DIR", help="Dataset folder written by `referat extract` (DIR/<table>.parquet or DIR/<table>/ parts).")]
FormatOpt = Annotated[OutputFormat, typer.Option("--format", "-f", case_sensitive=False, help="table (rich), csv or json (an array of row objects).")]


@app.command()
def query(
    dataset: DatasetArg,
    sql: Annotated[str, typer.Argument(metavar="SQL", help="SQL; the tables are views: documents, attendance, items, statements, entities, decisions, actions, dates.")],
    fmt: FormatOpt = OutputFormat.table,
) -> None:
    """Run SQL (DuckDB) over a dataset; each table is a view named after it.

    The macro fold(text) gives the accent/case-insensitive form who-said matches with
    ('Ældre' → 'aeldre'). Exit 1 with a one-line message for bad SQL, 2 when DIR holds
    no dataset. Example: referat query dataset "SELECT speaker, count(*) n FROM
    statements WHERE speaker IS NOT NULL GROUP BY 1 ORDER BY n DESC"
    """
    import sys

    from extract.query import QueryError, emit, run

    if not sql.strip():
        _fail("empty SQL", 2)
    con = _open_dataset(dataset)
    try:
        result = run(con, sql)
    except QueryError as exc:
        _fail(str(exc), 1)
    finally:
        con.close()
    emit(result, fmt.value, sys.stdout)


@app.command("who-said")
def who_said(
    dataset: DatasetArg,
    person: Annotated[str | None, typer.Option("--person", "-p", help="Part of the speaker's name (case/accent-insensitive).")] = None,
    org: Annotated[str | None, typer.Option("--org", help="Part of the speaker's organisation.")] = None,
    topic: Annotated[str | None, typer.Option("--topic", "-t", help="Text to find in the statement or its item title.")] = None,
    limit: Annotated[int, typer.Option("--limit", "-n", help="At most N statements (0 = all).")] = 50,
    fmt: FormatOpt = OutputFormat.table,
) -> None:
    """Who said what: attributed statements by person, organisation and/or topic, newest meeting first.

    Matching ignores case and accents and treats æ/ø/å as ae/oe/aa ('Soeren' finds
    'Søren'). The table shows person, organisation, meeting date, item number and title,
    act and text; csv/json add doc_id, statement_id, page and char offsets (provenance).
    """
    import sys

    from extract.query import QueryError, emit
    from extract.whosaid import print_table
    from extract.whosaid import who_said as find

    if limit < 0:
        raise typer.BadParameter("must be 0 (all) or more", param_hint="--limit")
    con = _open_dataset(dataset)
    try:
        result = find(con, person=person, org=org, topic=topic, limit=limit)
    except QueryError as exc:
        _fail(str(exc), 1)
    finally:
        con.close()
    if fmt is OutputFormat.table:
        print_table(result)
        if len(result.rows) < (result.total or 0):
            console.print(f"[dim]{len(result.rows)} of {result.total} statements; --limit 0 shows all[/dim]")
        elif not result.rows:
            console.print("[dim]no matching statements[/dim]")
    else:
        emit(result, fmt.value, sys.stdout)


@app.command()
def review(
    dataset: DatasetArg,
    doc: Annotated[str, typer.Argument(metavar="DOC_ID", help="doc_id, a unique prefix of it, or the PDF's file name (with or without .pdf).")],
    out: Annotated[Path | None, typer.Option("--out", "-o", help="HTML file to write (default: <doc_id>.html).")] = None,
) -> None:
    """Write one self-contained HTML page for checking a meeting's extraction.

    Items as sections with their sentences coloured by speaker and the act shown,
    decisions, actions and dates highlighted, the attendance panel and a person filter.
    No external resources: open it offline in any browser.
    """
    from extract.review import ReviewError, load_result, render, resolve_doc_id

    try:
        doc_id = resolve_doc_id(dataset, doc)
        page = render(load_result(dataset, doc_id))
    except ReviewError as exc:
        _fail(str(exc), 2)
    target = out or Path(f"{doc_id}.html")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(page, encoding="utf-8")
    except OSError as exc:
        _fail(f"cannot write {target}: {exc.strerror or exc}", 2)
    console.print(f"wrote {target} ({doc_id})")
