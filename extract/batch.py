"""Run the per-file task over many PDFs and keep the dataset consistent.

Each finished file is written at once as DIR/json/<doc_id>.json (atomic), so a killed run
loses at most the files in flight; the Parquet tables are rebuilt from those JSON files at
the end. One bad file never stops a batch: it becomes a failed documents row.
"""
from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from extract.dataset import iter_results, write_json, write_tables
from extract.pipeline import Options, process_file
from extract.schema import DocumentResult


@dataclass
class BatchSummary:
    ok: int = 0
    failed: int = 0
    skipped: int = 0
    pages: int = 0
    seconds: float = 0.0
    failures: list[tuple[str, str]] = field(default_factory=list)

    @property
    def pages_per_second(self) -> float:
        return self.pages / self.seconds if self.seconds else 0.0


def find_pdfs(paths: Iterable[Path]) -> list[Path]:
    """Files as given plus every *.pdf below given folders (recursively), sorted, no duplicates.

    A file given explicitly is taken whatever its name: a non-PDF becomes a failed row.
    """
    found: dict[Path, None] = {}
    for p in paths:
        if p.is_dir():
            for f in sorted(p.rglob("*")):
                if f.is_file() and f.suffix.lower() == ".pdf":
                    found.setdefault(f, None)
        else:
            found.setdefault(p, None)
    return list(found)


def run_batch(files: list[Path], out: Path, options: Options = Options(),
              on_result: Callable[[Path, DocumentResult], None] | None = None) -> BatchSummary:
    """Extract `files` into `out` sequentially; `on_result` is called after each file."""
    summary = BatchSummary()
    start = time.perf_counter()
    for path, result in _results(files, options):
        write_json(result, out)
        _count(summary, path, result)
        if on_result:
            on_result(path, result)
    write_tables(iter_results(out), out)
    summary.seconds = time.perf_counter() - start
    return summary


def _results(files: list[Path], options: Options) -> Iterator[tuple[Path, DocumentResult]]:
    for path in files:
        yield path, process_file(path, options)


def _count(summary: BatchSummary, path: Path, result: DocumentResult) -> None:
    if result.document.status == "ok":
        summary.ok += 1
        summary.pages += result.document.page_count
    else:
        summary.failed += 1
        summary.failures.append((str(path), result.document.error or "failed"))
