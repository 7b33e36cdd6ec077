"""The one-page aftercare handout for a region, as PDF bytes (fpdf2, with a segno QR code).

The QR code is drawn as vector squares from segno's matrix, so the PDF needs no
image handling and prints sharply.
"""

from __future__ import annotations

from urllib.parse import urlencode

import segno
from fpdf import FPDF
from fpdf.enums import XPos, YPos

from dn_explorer.content import ContentIndex, Statement
from dn_explorer.regions import RegionId

# The PDF core fonts speak Latin-1; map the few typographic characters we use.
_PLAIN = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "–": "-", "—": "-", "…": "...", "•": "-"})


def _latin1(text: str) -> str:
    return text.translate(_PLAIN).encode("latin-1", "replace").decode("latin-1")


def region_link(base_url: str, region: RegionId) -> str:
    return f"{base_url}/?{urlencode({'region': region.value})}"


class _Handout(FPDF):
    def section(self, title: str) -> None:
        self.ln(1.5)
        self.set_font("Helvetica", "B", 12)
        self.cell(0, 7, _latin1(title), new_x=XPos.LMARGIN, new_y=YPos.NEXT)

    def item(self, text: str, refs: str) -> None:
        self.set_font("Helvetica", "", 9.5)
        self.multi_cell(0, 4.4, _latin1(f"- {text}  [{refs}]"), new_x=XPos.LMARGIN, new_y=YPos.NEXT)

    def qr(self, link: str, x: float, y: float, size: float) -> None:
        code = segno.make(link, error="m")
        matrix = code.matrix
        cell = size / (len(matrix) + 8)
        self.set_fill_color(0, 0, 0)
        for row, line in enumerate(matrix):
            for col, dark in enumerate(line):
                if dark:
                    self.rect(x + (col + 4) * cell, y + (row + 4) * cell, cell, cell, style="F")


def build_handout(index: ContentIndex, region: RegionId, base_url: str) -> bytes:
    """A one-page PDF: region, conditions, what to expect, aftercare, safety, sources, QR link."""
    label = index.region_label(region)
    link = region_link(base_url, region)

    numbers = {source.id: n for n, source in enumerate(index.content.sources, start=1)}

    def refs(ids: tuple[str, ...]) -> str:
        return ", ".join(str(numbers[i]) for i in ids)

    def sources_of(item: Statement) -> str:
        line = refs(item.sources)
        if item.said_by:
            line += f"; {index.sources_by_id[item.said_by].short}'s own claim"
        return line

    pdf = _Handout(format="A4")
    pdf.set_title(f"Dry needling aftercare: {label}")
    pdf.set_auto_page_break(auto=True, margin=12)
    pdf.set_margins(15, 12, 15)
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 20)
    pdf.cell(0, 11, _latin1(f"Dry needling: {label}"), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_font("Helvetica", "", 10)
    pdf.multi_cell(140, 5, _latin1("Aftercare and what to expect. Scan the code to see this page again."))
    pdf.qr(link, x=pdf.w - 16 - 34, y=12, size=34)
    pdf.set_y(max(pdf.get_y(), 44))

    pdf.section(f"What dry needling may help in the {label.lower()} area")
    conditions = index.conditions_for(region)
    if not conditions:
        pdf.item(
            "The clinic documents do not name a problem in this area. Please ask your therapist.",
            "none of the documents covers this area",
        )
    for condition in conditions:
        pdf.item(f"{condition.name}: {condition.text}", refs(condition.sources))
    note = index.regions_by_id[region].note
    if note is not None:
        pdf.item(note.text, sources_of(note))
    pdf.section("What you may feel")
    for sensation in index.content.sensations:
        pdf.item(sensation.text, sources_of(sensation))
    pdf.section("Looking after yourself afterwards")
    for step in index.content.aftercare:
        pdf.item(step.text, sources_of(step))
    pdf.section("Staying safe")
    for line in index.content.safety:
        pdf.item(line.text, sources_of(line))
    pdf.section("Sources (the numbers in brackets)")
    pdf.set_font("Helvetica", "", 8.5)
    for source in index.content.sources:
        line = f"[{numbers[source.id]}] {source.short}: {source.title} ({source.publisher})"
        pdf.multi_cell(0, 4, _latin1(line), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_font("Helvetica", "", 8)
    pdf.multi_cell(0, 4, _latin1(f"Link: {link}"), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    return bytes(pdf.output())
