"""Render the held-out minutes (eval/heldout/round*/sources/*.ref) to PDFs with the corpus builder.

Usage: python eval/render.py OUT_DIR   → OUT_DIR/round1/*.pdf, OUT_DIR/round2/*.pdf, ...
"""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "corpus"))
import build  # noqa: E402  (corpus/build.py)


def main(out: Path) -> None:
    for round_dir in sorted((ROOT / "eval" / "heldout").glob("round*")):
        dest = out / round_dir.name
        dest.mkdir(parents=True, exist_ok=True)
        for src in sorted((round_dir / "sources").glob("*.ref")):
            build.render(build.markup_spec(src.stem, src.read_text("utf-8")), dest / f"{src.stem}.pdf")


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/referat-heldout"))
