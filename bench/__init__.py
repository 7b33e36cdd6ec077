"""Benchmarks of the explorer against a bare Streamlit page, measured in the same run.

Run them with ``make bench``; results go to ``bench/RESULTS.md``. These are figures,
not pass/fail tests: the machines are shared and noisy, so every figure is a ratio
against the bare page (``bench/bare_app.py``) started and measured alongside.
"""
