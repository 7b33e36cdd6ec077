"""The visit summary: one PDF for every chosen area (what to expect, aftercare with tick boxes,
Safe care, sources, a QR code of the same choice), as bytes (fpdf2, with a segno QR code).

Easy to read: body text 12 pt, left-aligned, short lists, a box to tick where the patient acts.
One page where it fits, two at most. The therapist's note is printed and nowhere kept.
The QR code is drawn as vector squares from segno's matrix, so the PDF needs no
image handling and prints sharply.
"""

from __future__ import annotations

import datetime
import math
import unicodedata
from collections.abc import Collection
from urllib.parse import urlencode

import segno
from fpdf import FPDF
from fpdf.enums import XPos, YPos
from fpdf.fonts import TTFFont

from dn_explorer.clinic import Clinic
from dn_explorer.content import ContentIndex, Statement
from dn_explorer.paths import FONT_DIR
from dn_explorer.records import Picture
from dn_explorer.region_panel import Sourced, timeline
from dn_explorer.selection import Selection, area_label, tokens
from dn_explorer.view_text import source_numbers
from dn_explorer.words import DEFAULT_LANGUAGE, Words, english

FONT = "DejaVu"
"""DejaVu Sans Condensed, embedded (``assets/fonts``): every language's letters, not only Latin-1's."""

BODY_PT = 12
SMALL_PT = 10
"""Only the sources and the link: the reference, not what the patient reads to act."""
LINE_MM = 5.3
MAX_NOTE = 300
"""The therapist's note: a few sentences (the box on screen takes no more)."""


def tickable_steps(index: ContentIndex) -> tuple[Statement, ...]:
    """The aftercare steps the patient does (heat or ice, stretches, water...), which get a tick box;
    not the lines about talking with the therapist (their picture is the speech bubble)."""
    return tuple(step for step in index.content.aftercare if Picture.TALK not in step.pictures)


def printable(note: str, cmap: Collection[int]) -> str:
    """The therapist's note as it can be printed: one line of spaces, no control characters, and only
    letters the font has (fpdf2 would log the others, letter by letter; the note must go nowhere but
    the sheet), cut to ``MAX_NOTE``."""
    kept = (c if ord(c) in cmap and unicodedata.category(c)[0] != "C" else " " for c in note)
    return " ".join("".join(kept).split())[:MAX_NOTE]


def _glyphs(pdf: FPDF) -> Collection[int]:
    font = pdf.fonts[FONT.lower()]
    return font.cmap if isinstance(font, TTFFont) else range(32, 256)


def selection_link(base_url: str, areas: Selection, language: str = DEFAULT_LANGUAGE) -> str:
    """The address of the same choice of areas; a language other than English is kept (``lang=``)."""
    query = [("region", token) for token in tokens(areas)]
    if language != DEFAULT_LANGUAGE:
        query.append(("lang", language))
    return f"{base_url}/?{urlencode(query)}"


class _Sheet(FPDF):
    def heading(self, title: str) -> None:
        if self.get_y() + 9 + 4 * LINE_MM > self.page_break_trigger:
            self.add_page()  # a heading stays with its first line, never alone at the foot of a page
        self.ln(2)
        self.set_font(FONT, "B", 14)
        self.multi_cell(0, 7, title, new_x=XPos.LMARGIN, new_y=YPos.NEXT)

    def item(self, text: str, refs: str = "", *, bold: str = "", box: bool | None = None) -> None:
        """One item: an optional tick box (``True``: ticked), a bold lead-in, the text, its sources;
        never split across two pages."""
        words = f"{bold} {text} [{refs}]"
        self.set_font(FONT, "B" if bold else "", BODY_PT)
        width = self.w - self.l_margin - self.r_margin - (6.5 if box is not None else 0)
        lines = math.ceil(self.get_string_width(words) / width) + 1  # +1: wrapping at words can add one
        if self.get_y() + lines * LINE_MM > self.page_break_trigger:
            self.add_page()
        margin = self.l_margin
        if box is not None:
            x, y = margin, self.get_y() + 0.7
            self.set_line_width(0.4)
            self.rect(x, y, 4.2, 4.2)
            if box:
                self.line(x + 0.8, y + 2.2, x + 1.8, y + 3.4)
                self.line(x + 1.8, y + 3.4, x + 3.6, y + 0.7)
            self.set_left_margin(margin + 6.5)
        self.set_x(self.l_margin)
        if bold:
            self.set_font(FONT, "B", BODY_PT)
            self.write(LINE_MM, f"{bold} ")
        self.set_font(FONT, "", BODY_PT)
        self.write(LINE_MM, f"{text} [{refs}]" if refs else text)
        self.ln(LINE_MM + 0.7)
        self.set_left_margin(margin)

    def qr(self, link: str, x: float, y: float, size: float) -> None:
        code = segno.make(link, error="m")
        matrix = code.matrix
        cell = size / (len(matrix) + 8)
        self.set_fill_color(0, 0, 0)
        for row, line in enumerate(matrix):
            for col, dark in enumerate(line):
                if dark:
                    self.rect(x + (col + 4) * cell, y + (row + 4) * cell, cell, cell, style="F")


def build_summary(
    index: ContentIndex,
    areas: Selection,
    base_url: str,
    clinic: Clinic | None = None,
    words: Words | None = None,
    *,
    ticked: Collection[str] | None = None,
    note: str = "",
    today: datetime.date | None = None,
) -> bytes:
    """The visit summary for ``areas`` (at least one), in the language of ``index`` and ``words``.

    ``ticked``: the aftercare steps (ids) the therapist ticked, printed with a tick in their box.
    ``note``: the therapist's own words, printed as they are (cut to ``MAX_NOTE``); never kept.
    Its QR code opens the same areas in the same language.
    """
    if not areas:
        raise ValueError("a visit summary needs at least one area")
    words = words or english()
    sheet = words.handout
    link = selection_link(base_url, areas, words.language.code)
    numbers = source_numbers(index)
    names = [area_label(index, area, words) for area in areas]

    def sources_of(item: Sourced) -> str:
        line = ", ".join(str(numbers[i]) for i in item.sources)
        if item.said_by:
            line = words.own_claim.format(name=index.sources_by_id[item.said_by].short) + "; " + line
        return line

    pdf = _Sheet(format="A4")
    pdf.add_font(FONT, "", FONT_DIR / "DejaVuSansCondensed.ttf")
    pdf.add_font(FONT, "B", FONT_DIR / "DejaVuSansCondensed-Bold.ttf")
    pdf.set_title(sheet.pdf_title.format(areas=", ".join(names)))
    pdf.set_auto_page_break(auto=True, margin=14)
    pdf.set_margins(16, 14, 16)
    pdf.add_page()
    pdf.set_font(FONT, "B", 20)
    pdf.multi_cell(130, 10, sheet.title, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_font(FONT, "", BODY_PT)
    day = today or datetime.date.today()
    written = sheet.date_format.format(day=day.day, month=sheet.months[day.month - 1], year=day.year)
    pdf.multi_cell(130, LINE_MM, sheet.date.format(date=written), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.multi_cell(130, LINE_MM, sheet.intro, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.qr(link, x=pdf.w - 16 - 36, y=10, size=36)
    pdf.set_y(max(pdf.get_y(), 48))

    pdf.heading(sheet.your_areas)
    for area, name in zip(areas, names, strict=True):
        entry = index.regions_by_id[area.region]
        said = entry.message or entry.note
        if said is not None:
            pdf.item(said.text, sources_of(said), bold=f"{name}:")
        else:
            pdf.item(words.no_conditions.format(area=name.lower()), bold=f"{name}:")

    pdf.heading(words.timeline)
    for phase in timeline(index, words):
        refs = ", ".join(str(position + 1) for position in phase.cite.refs)  # refs: places in the sources
        pdf.item(". ".join(phase.labels) + ".", refs, bold=f"{phase.phase}:")

    pdf.heading(words.tab_after)
    chosen = set(ticked or ())
    if chosen:
        pdf.item(sheet.ticked)
    boxed = tickable_steps(index)
    for step in boxed:
        pdf.item(step.text, sources_of(step), box=step.id in chosen)
    for step in index.content.aftercare:
        if step not in boxed:
            pdf.item(step.text, sources_of(step))

    note = printable(note, _glyphs(pdf))
    if note:
        pdf.heading(sheet.note)
        pdf.item(note)

    pdf.heading(words.safe_care)
    for safety in index.content.safety:
        pdf.item(safety.text, sources_of(safety))
    for own in clinic.lines(words) if clinic else ():
        pdf.item(own, words.your_clinic)

    pdf.heading(sheet.sources_key)
    pdf.set_font(FONT, "", SMALL_PT)
    for source in index.content.sources:
        line = f"[{numbers[source.id]}] {source.short}: {source.title} ({source.publisher})"
        pdf.multi_cell(0, 4.6, line, align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.multi_cell(0, 4.6, f"{sheet.link}: {link}", align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    return bytes(pdf.output())
