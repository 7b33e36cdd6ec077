"""The deploying clinic's own words: its name, phone number and "call us if ..." lines (``data/clinic.yaml``).

They are shown on the Safe care panel, the kiosk start screen and the handout, cited as the
clinic's own. The shipped file names no clinic and says to ask at the front desk. It is read
and checked like the content file: a problem is one line naming the file, the line and the field.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

from pydantic import BaseModel, ConfigDict, StringConstraints

from dn_explorer.words import Words
from dn_explorer.yaml_guard import read_bounded, read_model

MAX_CLINIC_BYTES = 16 * 1024
"""A clinic file is a few lines; anything far larger is a mistake."""

Name = Annotated[str, StringConstraints(strip_whitespace=True, max_length=80)]
Phone = Annotated[str, StringConstraints(strip_whitespace=True, max_length=30, pattern=r"^[0-9+() .\-]*$")]
Line = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]


class Clinic(BaseModel):
    """The clinic's name and phone (both may be empty) and its own short lines for patients."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    name: Name = ""
    phone: Phone = ""
    call_us_if: tuple[Line, ...] = ()

    def lines(self, words: Words) -> tuple[str, ...]:
        """What the patient reads: how to reach the clinic (when it gave a phone), then its own lines."""
        reach: tuple[str, ...] = ()
        if self.phone and self.name:
            reach = (words.clinic_call.format(name=self.name, phone=self.phone),)
        elif self.phone:
            reach = (words.clinic_phone_only.format(phone=self.phone),)
        return reach + self.call_us_if


def parse_clinic(raw: bytes, name: str = "clinic.yaml") -> Clinic:
    clinic, _ = read_model(raw, name, Clinic, MAX_CLINIC_BYTES, empty="at least one call_us_if line")
    return clinic


def load_clinic(path: Path) -> Clinic:
    """Read and check a clinic file; raise ContentError naming every problem."""
    return parse_clinic(read_bounded(path, MAX_CLINIC_BYTES), path.name or str(path))
