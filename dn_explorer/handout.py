"""The one-page handout for a region (what to expect, Safe care, aftercare), as PDF bytes (fpdf2, with a segno QR code).

The QR code is drawn as vector squares from segno's matrix, so the PDF needs no
image handling and prints sharply.
"""

from __future__ import annotations

from urllib.parse import urlencode

import segno
from fpdf import FPDF
from fpdf.enums import XPos, YPos

from dn_explorer.clinic import Clinic
from dn_explorer.content import Condition, ContentIndex, Statement
from dn_explorer.paths import FONT_DIR
from dn_explorer.regions import RegionId
from dn_explorer.view_text import source_numbers
from dn_explorer.words import DEFAULT_LANGUAGE, Words, english

FONT = "DejaVu"
"""DejaVu Sans Condensed, embedded (``assets/fonts``): every language's letters, not only Latin-1's."""


def region_link(base_url: str, region: RegionId, language: str = DEFAULT_LANGUAGE) -> str:
    """The address of a region's view; a language other than English is kept (``lang=``)."""
    query = {"region": region.value} | ({} if language == DEFAULT_LANGUAGE else {"lang": language})
    return f"{base_url}/?{urlencode(query)}"


class _Handout(FPDF):
    def section(self, title: str) -> None:
        self.ln(1)
        self.set_font(FONT, "B", 11.5)
        self.cell(0, 6, title, new_x=XPos.LMARGIN, new_y=YPos.NEXT)

    def item(self, text: str, refs: str) -> None:
        self.set_font(FONT, "", 9)
        cite = f"  [{refs}]" if refs else ""
        self.multi_cell(0, 4.05, f"- {text}{cite}", new_x=XPos.LMARGIN, new_y=YPos.NEXT)

    def qr(self, link: str, x: float, y: float, size: float) -> None:
        code = segno.make(link, error="m")
        matrix = code.matrix
        cell = size / (len(matrix) + 8)
        self.set_fill_color(0, 0, 0)
        for row, line in enumerate(matrix):
            for col, dark in enumerate(line):
                if dark:
                    self.rect(x + (col + 4) * cell, y + (row + 4) * cell, cell, cell, style="F")


def build_handout(
    index: ContentIndex,
    region: RegionId,
    base_url: str,
    clinic: Clinic | None = None,
    words: Words | None = None,
) -> bytes:
    """A one-page PDF: region, main message, Safe care, problems, what to expect, aftercare, sources, QR link.

    In the language of ``index`` and ``words``; its QR code opens the same region in the same language."""
    words = words or english()
    sheet = words.handout
    label = index.region_label(region)
    link = region_link(base_url, region, words.language.code)
    numbers = source_numbers(index)

    def sources_of(item: Statement | Condition) -> str:
        line = ", ".join(str(numbers[i]) for i in item.sources)
        if item.said_by:
            line = words.own_claim.format(name=index.sources_by_id[item.said_by].short) + "; " + line
        return line

    pdf = _Handout(format="A4")
    pdf.add_font(FONT, "", FONT_DIR / "DejaVuSansCondensed.ttf")
    pdf.add_font(FONT, "B", FONT_DIR / "DejaVuSansCondensed-Bold.ttf")
    pdf.set_title(sheet.pdf_title.format(area=label))
    pdf.set_auto_page_break(auto=True, margin=12)
    pdf.set_margins(15, 12, 15)
    pdf.add_page()
    pdf.set_font(FONT, "B", 20)
    pdf.cell(0, 11, sheet.title.format(area=label), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_font(FONT, "", 10)
    pdf.multi_cell(140, 5, sheet.intro)
    pdf.qr(link, x=pdf.w - 16 - 34, y=12, size=34)
    pdf.set_y(max(pdf.get_y(), 44))

    entry = index.regions_by_id[region]
    conditions = index.conditions_for(region)
    pdf.section(sheet.in_short)
    if not conditions:
        pdf.item(words.no_conditions.format(area=label.lower()), "")
    for statement in ([entry.message] if entry.message else []) + list(index.content.key_points):
        pdf.item(statement.text, sources_of(statement))
    pdf.section(words.safe_care)
    for safety in index.content.safety:
        pdf.item(safety.text, sources_of(safety))
    for own in clinic.lines(words) if clinic else ():
        pdf.item(own, words.your_clinic)
    if conditions or entry.note:
        pdf.section(words.tab_help)
    for condition in conditions:
        pdf.item(f"{condition.name}: {condition.text}", sources_of(condition))
    if entry.note is not None:
        pdf.item(entry.note.text, sources_of(entry.note))
    pdf.section(words.tab_feel)
    for sensation in index.content.sensations:
        pdf.item(sensation.text, sources_of(sensation))
    pdf.section(words.tab_after)
    for step in index.content.aftercare:
        pdf.item(step.text, sources_of(step))
    pdf.section(sheet.sources_key)
    pdf.set_font(FONT, "", 8.5)
    for source in index.content.sources:
        line = f"[{numbers[source.id]}] {source.short}: {source.title} ({source.publisher})"
        pdf.multi_cell(0, 4, line, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_font(FONT, "", 8)
    pdf.multi_cell(0, 4, f"{sheet.link}: {link}", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    return bytes(pdf.output())
