"""The `referat` command line.

Exit codes: 0 when at least one file was extracted, 1 when every file failed, 2 for usage
errors (a missing path, a bad option).
"""
from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
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
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
) -> None:
    """Extract minutes PDFs into DIR: documents/attendance/items/... .parquet and json/<doc_id>.json.

    One bad file never stops the batch: it becomes a documents row with status 'failed' and a
    one-line reason. Exit code 0 when at least one file succeeded, 1 when all failed, 2 for
    usage errors such as a missing path.
    """
    from extract.batch import find_pdfs, run_batch
    from extract.pipeline import Options

    if engine not in ("pdfplumber", "pdfium"):
        raise typer.BadParameter(f"unknown engine {engine!r} (pdfplumber or pdfium)", param_hint="--engine")
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

        def on_result(path: Path, result) -> None:
            nonlocal pages
            pages += result.document.page_count
            progress.update(task, advance=1, pages=pages, description=f"extracting {path.name[:40]}")

        summary = run_batch(files, out, options, on_result=on_result)

    for src, reason in summary.failures:
        console.print(f"[yellow]failed:[/yellow] {src}: {reason}")
    console.print(
        f"[bold]{summary.ok} ok[/bold], {summary.failed} failed, {summary.skipped} skipped; "
        f"{summary.pages} pages in {summary.seconds:.1f} s ({summary.pages_per_second:.1f} pages/s) → {out}"
    )
    if summary.ok == 0 and summary.skipped == 0:
        raise typer.Exit(1)


def _check_ner_model(name: str) -> None:
    """Fail fast (exit 2) with a clear message when an optional NER model is not installed."""
    from extract.errors import ModelNotFound
    from extract.nlp import build_nlp

    try:
        build_nlp(name)
    except ModelNotFound as exc:
        console.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(2) from None


@app.command()
def schema() -> None:
    """Print the JSON Schema of the per-document JSON (every table's row model is in it)."""
    from extract.dataset import dump_json_schema

    typer.echo(dump_json_schema())


# --- further commands are registered below (query, who-said, review) ---
