"""Streamlit building blocks for the explorer's pages: loading, the body-map component, views."""
