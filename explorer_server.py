"""What ``make run`` and every deployment start: ``streamlit run explorer_server.py``.

The app itself is ``explorer_app.py`` (with ``pages/``); this wraps it as Streamlit's ASGI app with
two pieces of middleware:

- ``FirstPaint`` serves each page with our style sheet and its mode already in it, so the first
  paint does not move (``dn_explorer/first_paint.py``);
- ``CompressedStatic`` sends Streamlit's JavaScript and CSS gzipped, compressed once per process
  (``dn_explorer/static_compression.py``).
"""

from pathlib import Path

import streamlit as st
from starlette.middleware import Middleware

from dn_explorer.first_paint import FirstPaint
from dn_explorer.static_compression import CompressedStatic

STREAMLIT_JS = Path(st.__file__).parent / "static" / "static" / "js"

app = st.App("explorer_app.py", middleware=[Middleware(CompressedStatic), Middleware(FirstPaint, js_dir=STREAMLIT_JS)])
