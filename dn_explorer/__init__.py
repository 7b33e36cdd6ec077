"""Content model, validation and body-map logic for the dry-needling explorer.

Nothing in this package imports streamlit: it can be used and tested on its own.
"""
