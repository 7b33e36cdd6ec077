"""The fixed words of the About, Pictures and Sources pages (the region view's are in ``dn_explorer.words``).

Kept out of the page scripts so the pages only lay things out, and so the readability and
patient-voice tests read the About page's words from here.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class AboutWords:
    title: str = "About dry needling"
    questions: str = "Questions and answers"
    whole_body: str = "Problems not tied to one area"
    whole_body_intro: str = "Dry needling may also help these problems. They are not tied to one part of the body."
    glossary: str = "Words explained"
    claims: str = "What some clinics say"
    claims_intro: str = (
        "These are some clinics' own claims about their results. We show them as each clinic's words, not as facts."
    )


@dataclass(frozen=True)
class SourcesWords:
    title: str = "Sources"
    intro: str = (
        "This app is written in our own plain words from the five documents below. "
        "Under each one is what it backs. In the app, a small Sources button beside each statement names them."
    )
    shared_text: str = (
        "The Bourne FAQ and the Crossing Rivers Health page share about half of their text: "
        "they are largely two copies of one text. When both back a statement, that is one voice, "
        "not two separate confirmations."
    )
    placed: str = "Placed on the body by their names"
    placed_intro: str = (
        "The documents name these problems but do not say where in the body they are felt. "
        "The app puts each under the areas its name points to:"
    )
    grouped: str = (
        "Where a document names several problems together (for example buttock pain and leg pain, with sciatica, "
        "hamstring strains and calf tightness as examples), each of them is shown under every area of the group."
    )
    clinic: str = (
        "Lines marked \u201cYour clinic\u201d come from the clinic that runs this app (data/clinic.yaml), "
        "not from the documents."
    )
    draws: str = "What the app draws from {short}"


@dataclass(frozen=True)
class PicturesWords:
    title: str = "Pictures"
    heat_heading: str = "Where dry needling may help"
    heat_intro: str = (
        "The darker an area, the more problems dry needling may help there. "
        "Touch an area to see its number. Touch it again to open it on the body map."
    )
    legend: str = "Problems dry needling may help"
    count_none: str = "{area}: we have no problem to show here. Ask your therapist."
    count_one: str = "{area}: dry needling may help 1 problem here."
    count_many: str = "{area}: dry needling may help {count} problems here."
    open_region: str = "Open {area} on the body map"
    open_hint: str = "Press Enter to open it on the body map."
    table: str = "The same as a table"
    expect_heading: str = "What to expect over time"
    expect_intro: str = "From the moment of treatment to several visits later."


ABOUT = AboutWords()
PICTURES = PicturesWords()
SOURCES = SourcesWords()
