#!/usr/bin/env python3
"""Score a dataset against the real dev set and print one row per document plus the mean.

    python eval/real/table.py DATASET_DIR GOLD_DIR [--scorer ../shared/eval/score.py]

Runs the project's scorer (kept outside this repository) with --json and prints the
figures `make real` reports: per document the six F1 that make up `overall`, the
meeting-body and meeting-date checks, then the mean and the worst document.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
COLUMNS = ("overall", "items", "attendance", "statements", "decisions", "dates", "orgs")


def figures(res: dict) -> dict[str, float]:
    return {
        "overall": res["overall"],
        "items": res["items"]["f1"],
        "attendance": res["attendance"]["f1"],
        "statements": res["statements"].get("explicit", {}).get("f1", 0.0),
        "decisions": res["decisions"]["f1"],
        "dates": res["dates"]["f1"],
        "orgs": res["organisations"]["f1"],
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("dataset", type=Path)
    ap.add_argument("gold", type=Path)
    ap.add_argument("--scorer", type=Path, default=ROOT.parent / "shared" / "eval" / "score.py")
    a = ap.parse_args(argv)
    if not a.scorer.is_file():
        sys.exit(f"no scorer at {a.scorer} (it lives beside the repository, in shared/eval)")
    proc = subprocess.run([sys.executable, str(a.scorer), "--out", str(a.dataset), "--gold", str(a.gold), "--json"],
                          capture_output=True, text=True)
    if proc.returncode:
        sys.exit(proc.stdout + proc.stderr)
    docs = json.loads(proc.stdout)["documents"]
    width = max(len(s) for s in docs) if docs else 10
    print(f"{'document':<{width}}  " + "  ".join(f"{c:>10}" for c in COLUMNS) + "  body  date")
    rows = {}
    for stem, res in sorted(docs.items()):
        if res.get("missing"):
            rows[stem] = {c: 0.0 for c in COLUMNS}
            print(f"{stem:<{width}}  NOT IN DATASET")
            continue
        rows[stem] = f = figures(res)
        meta = res["document"]
        mark = {True: "ok", False: "--", None: " ."}
        print(f"{stem:<{width}}  " + "  ".join(f"{f[c]:>10.3f}" for c in COLUMNS)
              + f"  {mark[meta['body']]:>4}  {mark[meta['meeting_date']]:>4}")
    if rows:
        mean = {c: sum(r[c] for r in rows.values()) / len(rows) for c in COLUMNS}
        print(f"{'mean':<{width}}  " + "  ".join(f"{mean[c]:>10.3f}" for c in COLUMNS))
        worst = min(rows, key=lambda s: rows[s]["overall"])
        print(f"worst: {worst} {rows[worst]['overall']:.3f}; documents: {len(rows)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
