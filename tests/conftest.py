"""Shared fixtures: the project's own corpus PDFs."""
from __future__ import annotations

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
