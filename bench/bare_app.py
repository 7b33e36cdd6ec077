"""The bare page every benchmark compares against: one button, one line of text."""

from __future__ import annotations

import streamlit as st

if "taps" not in st.session_state:
    st.session_state.taps = 0


def _tap() -> None:
    st.session_state.taps += 1


st.button("Tap", key="tap", on_click=_tap)
st.write(f"Tapped {st.session_state.taps} times")
