"""notebooks/who_said_what.ipynb runs top to bottom (nbclient) and shows the right numbers.

The notebook is pointed at an empty folder, so it also exercises its own build step
(extracting corpus/ into the folder). Its tables are checked against a plain pyarrow
count of the dataset it built.
"""
from __future__ import annotations

import base64
import json
import sys
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

import nbformat
import pyarrow.parquet as pq
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOK = ROOT / "notebooks" / "who_said_what.ipynb"


class _Table(HTMLParser):
    """Header and body rows (cell texts) of the first HTML table in a pandas output."""

    def __init__(self) -> None:
        super().__init__()
        self.header: list[str] = []
        self.rows: list[list[str]] = []
        self._section = ""
        self._cell: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag in ("thead", "tbody"):
            self._section = tag
        elif tag == "tr" and self._section == "tbody":
            self.rows.append([])
        elif tag in ("td", "th"):
            self._cell = []

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th") and self._cell is not None:
            text = "".join(self._cell).strip()
            if self._section == "thead":
                self.header.append(text)
            elif tag == "td":  # th in the body is the index
                self.rows[-1].append(text)
            self._cell = None

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)


def _outputs(nb, tag: str) -> list:
    cells = [c for c in nb.cells if tag in c.get("metadata", {}).get("tags", [])]
    assert len(cells) == 1, f"no single cell tagged {tag!r}"
    return cells[0].outputs


def _table(nb, tag: str) -> tuple[list[str], list[dict[str, str]]]:
    html = [o["data"]["text/html"] for o in _outputs(nb, tag) if "text/html" in o.get("data", {})]
    assert html, f"cell {tag!r} shows no table"
    parser = _Table()
    parser.feed(html[0])
    header = [h for h in parser.header if h]
    return header, [dict(zip(header, r)) for r in parser.rows]


def _kernel_for_this_python(tmp_path: Path, monkeypatch) -> str:
    """A kernel spec that runs ipykernel in the interpreter running the tests (the project
    venv), first on JUPYTER_PATH: a user-wide 'python3' spec for another Python must not
    be picked up."""
    spec = tmp_path / "jupyter" / "kernels" / "referat-venv"
    spec.mkdir(parents=True)
    (spec / "kernel.json").write_text(json.dumps({
        "argv": [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"],
        "display_name": "referat venv", "language": "python"}), encoding="utf-8")
    monkeypatch.setenv("JUPYTER_PATH", str(tmp_path / "jupyter"))
    return "referat-venv"


def test_notebook_builds_the_dataset_and_counts_who_spoke(tmp_path: Path, monkeypatch) -> None:
    dataset = tmp_path / "dataset"
    monkeypatch.setenv("REFERAT_DATASET", str(dataset))
    monkeypatch.setenv("MPLBACKEND", "Agg")
    nb = nbformat.read(NOTEBOOK, as_version=4)
    NotebookClient(nb, timeout=120, kernel_name=_kernel_for_this_python(tmp_path, monkeypatch),
                   resources={"metadata": {"path": str(NOTEBOOK.parent)}}).execute()

    pdfs = len(list((ROOT / "corpus").glob("*.pdf")))
    build = "".join(o.get("text", "") for o in _outputs(nb, "build"))
    assert f"extracted {pdfs} PDFs (0 failed" in build
    assert (dataset / "documents.parquet").exists()

    statements = [s for s in pq.read_table(dataset / "statements.parquet").to_pylist() if s["speaker"]]
    assert statements

    header, rows = _table(nb, "per-organisation")
    assert header == ["organisation", "statements", "speakers", "meetings"]
    expected = Counter(s["organisation"] or "(none given)" for s in statements)
    assert {r["organisation"]: int(r["statements"]) for r in rows} == dict(expected)

    header, rows = _table(nb, "per-item")
    assert header[:4] == ["meeting_date", "meeting", "item", "title"] and "speakers" in header
    per_item = Counter((s["doc_id"], s["item"]) for s in statements)
    assert len(rows) == len(per_item)
    assert sum(int(r["statements"]) for r in rows) == len(statements)
    busiest = max(per_item.values())
    assert any(int(r["statements"]) == busiest for r in rows)

    images = [o["data"]["image/png"] for o in _outputs(nb, "chart") if "image/png" in o.get("data", {})]
    assert len(images) == 1
    png = base64.b64decode(images[0])
    assert png.startswith(b"\x89PNG\r\n\x1a\n") and len(png) > 10_000

    assert _outputs(nb, "who-said"), "the who-said example shows nothing"
