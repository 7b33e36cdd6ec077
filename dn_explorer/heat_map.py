"""The body heat map's data: how many problems dry needling may help in each region, in shades.

Pure data for the Pictures page's shaded body figure and its table: counts per region, the
shade each count falls in, and the legend. The palette is ColorBrewer's YlGnBu (sequential,
colour-blind safe), with a light grey for "none named here". The figure shows the same
numbers on tap and on focus, and the table beside it holds them too.
"""

from __future__ import annotations

from dataclasses import dataclass

from dn_explorer.content import ContentIndex
from dn_explorer.regions import REGION_ORDER
from dn_explorer.words import Words, english


@dataclass(frozen=True)
class Shade:
    """One step of the legend: counts from ``low`` to ``high`` (None: no upper end) in one colour."""

    low: int
    high: int | None
    colour: str

    def holds(self, count: int) -> bool:
        return count >= self.low and (self.high is None or count <= self.high)

    def label(self, words: Words | None = None) -> str:
        pictures = (words or english()).pictures
        if self.high == self.low:
            return str(self.low)
        if self.high is None:
            return pictures.legend_from.format(low=self.low)
        return pictures.legend_range.format(low=self.low, high=self.high)


SHADES = (
    Shade(0, 0, "#eceff1"),
    Shade(1, 1, "#c7e9b4"),
    Shade(2, 3, "#41b6c4"),
    Shade(4, None, "#253494"),
)
"""ColorBrewer YlGnBu steps (colour-blind safe), lightest for the fewest; grey for none."""


def shade_of(count: int) -> Shade:
    return next(shade for shade in SHADES if shade.holds(count))


def region_counts(index: ContentIndex) -> dict[str, int]:
    """Problems shown under each region's "Can it help?" tab, by region id, in body order."""
    return {region.value: len(index.conditions_for(region)) for region in REGION_ORDER}


def heat_rows(index: ContentIndex, words: Words | None = None) -> list[dict[str, str]]:
    """The table beside the figure: every region, its count and the problems, in body order."""
    columns = (words or english()).pictures
    return [
        {
            columns.col_area: index.region_label(region),
            columns.col_count: str(len(index.conditions_for(region))),
            columns.col_which: ", ".join(c.name for c in index.conditions_for(region)) or columns.none_here,
        }
        for region in REGION_ORDER
    ]


def heat_data(index: ContentIndex, words: Words | None = None) -> dict[str, object]:
    """The figure's ``data``: each region's label, count and colour, and the legend."""
    counts = region_counts(index)
    return {
        "regions": {
            region.value: {
                "label": index.region_label(region),
                "count": counts[region.value],
                "colour": shade_of(counts[region.value]).colour,
            }
            for region in REGION_ORDER
        },
        "legend": [{"label": shade.label(words), "colour": shade.colour} for shade in SHADES],
    }
