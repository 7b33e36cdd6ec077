"""The word tables the tests compare against (read once, when the tests import this)."""

from __future__ import annotations

from dn_explorer.words import english, words_for

ENGLISH = english()
SPANISH = words_for("es")
PICTURES = ENGLISH.pictures
ABOUT = ENGLISH.about
EXPLAINED = ENGLISH.word_explained
