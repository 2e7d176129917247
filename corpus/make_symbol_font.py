#!/usr/bin/env python3
"""Regenerate corpus/fonts/RefSymbol.ttf, the tiny bullet font of the corpus.

Word processors that set bullets in the Symbol font produce PDFs whose bullet
character extracts as U+F0B7 (a private-use code point: Symbol's 0xB7 in the
Microsoft "symbol" cmap range).  No font shipped with reportlab has a glyph at
U+F0B7, so this script draws one: a filled circle mapped to U+F0B7 (and to
U+2022 BULLET), plus .notdef and space.  The outline is our own work, so the
font carries no third-party licence.

The output is deterministic (fixed timestamps).  build.py only reads the
committed TTF; run this script (needs fontTools, which matplotlib pulls in)
only if you want to change the glyph:

    python corpus/make_symbol_font.py
"""
from __future__ import annotations

import math
from pathlib import Path

OUT = Path(__file__).resolve().parent / "fonts" / "RefSymbol.ttf"
FIXED_TIME = 3_000_000_000  # seconds since 1904-01-01 (~2019), never "now"


def build() -> bytes:
    import io

    from fontTools.fontBuilder import FontBuilder
    from fontTools.pens.ttGlyphPen import TTGlyphPen

    upm = 1000
    fb = FontBuilder(upm, isTTF=True)
    fb.font.recalcTimestamp = False
    order = [".notdef", "space", "bullet"]
    fb.setupGlyphOrder(order)
    fb.setupCharacterMap({0x20: "space", 0xF0B7: "bullet", 0x2022: "bullet"})

    def empty():
        return TTGlyphPen(None).glyph()

    # .notdef: a hollow box
    pen = TTGlyphPen(None)
    for box, clockwise in (((50, 0, 450, 700), True), ((100, 50, 400, 650), False)):
        x0, y0, x1, y1 = box
        pts = [(x0, y0), (x0, y1), (x1, y1), (x1, y0)]
        if not clockwise:
            pts.reverse()
        pen.moveTo(pts[0])
        for p in pts[1:]:
            pen.lineTo(p)
        pen.closePath()
    notdef = pen.glyph()

    # bullet: a circle made of 8 off-curve points (clockwise = outer contour)
    pen = TTGlyphPen(None)
    cx, cy, r = 230, 330, 118
    k = r / math.cos(math.pi / 8)
    pts = []
    for i in range(8):
        a = math.pi / 2 - i * math.pi / 4  # clockwise from the top
        pts.append((round(cx + k * math.cos(a + math.pi / 8)), round(cy + k * math.sin(a + math.pi / 8))))
    pen.qCurveTo(*pts, None)
    pen.closePath()
    bullet = pen.glyph()

    fb.setupGlyf({".notdef": notdef, "space": empty(), "bullet": bullet})
    fb.setupHorizontalMetrics({".notdef": (500, 50), "space": (250, 0), "bullet": (460, cx - r)})
    fb.setupHorizontalHeader(ascent=800, descent=-200)
    fb.setupNameTable(
        {
            "familyName": "RefSymbol",
            "styleName": "Regular",
            "uniqueFontIdentifier": "RefSymbol-Regular-1.0",
            "fullName": "RefSymbol",
            "psName": "RefSymbol",
            "version": "Version 1.000",
            "copyright": "Public domain (CC0): drawn for the referat test corpus",
        }
    )
    fb.setupOS2(
        fsType=0,
        sTypoAscender=800,
        sTypoDescender=-200,
        sTypoLineGap=0,
        usWinAscent=800,
        usWinDescent=200,
        sxHeight=500,
        sCapHeight=700,
        achVendID="NONE",
    )
    fb.setupPost()
    fb.setupHead(unitsPerEm=upm, created=FIXED_TIME, modified=FIXED_TIME, fontRevision=1.0)
    fb.font["head"].created = FIXED_TIME
    fb.font["head"].modified = FIXED_TIME
    buf = io.BytesIO()
    fb.save(buf)
    return buf.getvalue()


def main() -> None:
    OUT.parent.mkdir(parents=True, exist_ok=True)
    data = build()
    OUT.write_bytes(data)
    print(f"wrote {OUT} ({len(data)} bytes)")


if __name__ == "__main__":
    main()
