"""The interface's own words (headings, tab names, buttons), in one table.

Content (what dry needling may help, what you may feel) comes from the content file;
these are the fixed words around it. Every one is patient-facing, so the readability
and patient-voice tests read them from here too.
"""

from __future__ import annotations

from dataclasses import dataclass

from dn_explorer.content import Phase
from dn_explorer.regions import BodyPart


@dataclass(frozen=True)
class Words:
    """The fixed words of the interface, for one language."""

    start_heading: str
    start_text: str
    no_conditions: str
    """Shown, with ``{area}`` filled in, where the documents name no problem for a region."""
    safe_care: str
    sources: str
    own_claim: str
    """With ``{name}``: marks a statement that is one clinic's own claim."""
    your_clinic: str
    tabs_label: str
    tab_help: str
    tab_feel: str
    tab_sore: str
    tab_after: str
    tab_visits: str
    phases: dict[Phase, str]
    word_explained: str
    list_heading: str
    body_parts: dict[BodyPart, str]
    clinic_call: str
    """With ``{name}`` and ``{phone}``: how to reach the deploying clinic."""
    clinic_phone_only: str
    timeline: str
    listen: str
    stop: str
    slower: str


ENGLISH = Words(
    start_heading="Touch a part of the body",
    start_text=(
        "Touch an area on the body map, or its name under the map. "
        "You will see what dry needling may help there, how it may feel, and how to look after yourself."
    ),
    no_conditions=(
        "We have no problem to show you for the {area}. "
        "That does not mean dry needling can or cannot help here. Please ask your therapist."
    ),
    safe_care="Safe care",
    sources="Sources",
    own_claim="{name}'s own claim",
    your_clinic="Your clinic",
    tabs_label="About this area",
    tab_help="Can it help?",
    tab_feel="How will it feel?",
    tab_sore="Feeling sore",
    tab_after="After your visit",
    tab_visits="How many visits?",
    phases={
        Phase.DURING: "During the treatment",
        Phase.RIGHT_AFTER: "Right after",
        Phase.FIRST_DAYS: "The first hours and days",
        Phase.OVER_VISITS: "Over several visits",
    },
    word_explained="Word explained:",
    list_heading="Or choose from this list",
    body_parts={
        BodyPart.HEAD_NECK: "Head and neck",
        BodyPart.ARMS: "Arms",
        BodyPart.TRUNK: "Trunk",
        BodyPart.LEGS: "Hips and legs",
    },
    clinic_call="Call {name} on {phone}.",
    clinic_phone_only="Call us on {phone}.",
    timeline="What to expect",
    listen="Listen",
    stop="Stop",
    slower="Slower",
)
"""The English words (the app's only language for now)."""
