"""Shared fixtures: the project's own corpus PDFs."""
from __future__ import annotations

import fcntl
import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"
DEV_PDF = CORPUS / "bestyrelse-sundheds-it-2020-09-30.pdf"


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    return CORPUS


@pytest.fixture(scope="session")
def dev_pdf() -> Path:
    assert DEV_PDF.exists(), "build the corpus first: python corpus/build.py"
    return DEV_PDF


@pytest.fixture(scope="session")
def corpus_dataset(tmp_path_factory: pytest.TempPathFactory, corpus_dir: Path) -> Path:
    """corpus/*.pdf extracted once per test run; xdist workers share it through a lock."""
    from extract.batch import run_batch

    base = tmp_path_factory.getbasetemp()
    shared = base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base
    out = shared / "corpus-dataset"
    with open(shared / "corpus-dataset.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not (out / "documents.parquet").exists():
            pdfs = sorted(corpus_dir.glob("*.pdf"))
            assert pdfs, "build the corpus first: python corpus/build.py"
            summary = run_batch(pdfs, out, workers=0)
            assert summary.ok + summary.skipped == len(pdfs), summary.failures
    return out
