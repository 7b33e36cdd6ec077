"""Render the nginx configuration for the explorer's replicas from ``deploy/nginx/explorer.conf.template``.

The Content-Security-Policy allows Streamlit's one inline script by its hash, which changes with the
Streamlit version: this script reads it from the ``index.html`` the replicas serve (``--index-from``
a running replica's URL, or the installed Streamlit's file by default), so render again after an
upgrade.

Production (an ``http {}`` include, e.g. /etc/nginx/conf.d/dn-explorer.conf)::

    .venv/bin/python deploy/render_nginx.py --server-name explorer.clinic.lan \\
        --public-origin https://explorer.clinic.lan --listen "443 ssl" \\
        --ssl-certificate /etc/ssl/certs/explorer.pem --ssl-certificate-key /etc/ssl/private/explorer.key \\
        --replica 127.0.0.1:8501 --replica 127.0.0.1:8502 > /etc/nginx/conf.d/dn-explorer.conf

``--standalone RUN_DIR`` wraps it in a complete nginx.conf that runs from RUN_DIR without root
(what ``make serve-cluster`` uses).
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import os
import re
import sys
import urllib.request
from pathlib import Path
from urllib.parse import urlparse

TEMPLATE = Path(__file__).resolve().parent / "nginx" / "explorer.conf.template"
INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>(.*?)</script>", re.DOTALL | re.IGNORECASE)


def index_html(source: str | None) -> str:
    if source and source.startswith(("http://", "https://")):
        with urllib.request.urlopen(source, timeout=10) as response:  # noqa: S310 - our own replica
            return response.read().decode("utf-8")
    if source:
        return Path(source).read_text(encoding="utf-8")
    import streamlit

    return (Path(streamlit.__file__).parent / "static" / "index.html").read_text(encoding="utf-8")


def inline_script_hashes(html: str) -> list[str]:
    hashes = []
    for body in INLINE_SCRIPT.findall(html):
        digest = base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode("ascii")
        hashes.append(f"'sha256-{digest}'")
    return hashes


def content_security_policy(public_origins: list[str], script_hashes: list[str]) -> str:
    websocket_origins = []
    for origin in public_origins:
        parsed = urlparse(origin)
        scheme = "wss" if parsed.scheme == "https" else "ws"
        websocket_origins.append(f"{scheme}://{parsed.netloc}")
    directives = [
        "default-src 'self'",
        # 'wasm-unsafe-eval' lets WebAssembly compile (protobuf.js's long.js probes for it on load)
        # and nothing else: JavaScript eval stays blocked.
        "script-src 'self' blob: 'wasm-unsafe-eval' " + " ".join(script_hashes),
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data: blob:",
        "font-src 'self' data:",
        "connect-src 'self' " + " ".join(websocket_origins),
        "worker-src 'self' blob:",
        "manifest-src 'self'",
        "frame-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
    return "; ".join(d.strip() for d in directives)


def render(args: argparse.Namespace) -> str:
    hashes = inline_script_hashes(index_html(args.index_from))
    if not hashes:
        raise SystemExit("no inline script found in Streamlit's index.html: check --index-from")
    secure = any(urlparse(o).scheme == "https" for o in args.public_origin)
    replicas = "\n".join(f"    server {r} max_fails=1 fail_timeout=10s;" for r in args.replica)
    listens = "\n".join(f"    listen {listen};" for listen in args.listen)
    extra = '    add_header Strict-Transport-Security "max-age=31536000" always;' if secure else ""
    tls = ""
    if args.ssl_certificate:
        tls = (
            f"    ssl_certificate {args.ssl_certificate};\n"
            f"    ssl_certificate_key {args.ssl_certificate_key};\n"
            "    ssl_protocols TLSv1.2 TLSv1.3;\n"
            "    ssl_session_cache shared:dn_explorer_tls:1m;"
        )
    values = {
        "UPSTREAM_SERVERS": replicas,
        "LISTEN": listens,
        "SERVER_NAME": args.server_name,
        "TLS": tls,
        "CSP": content_security_policy(args.public_origin, hashes),
        "EXTRA_HEADERS": extra,
        "COOKIE_SECURE": "; Secure" if secure else "",
    }
    text = TEMPLATE.read_text(encoding="utf-8")
    for key, value in values.items():
        text = text.replace(f"@@{key}@@", value)
    leftover = re.findall(r"@@[A-Z_]+@@", text)
    if leftover:
        raise SystemExit(f"template placeholders left: {leftover}")
    return standalone(text, Path(args.standalone)) if args.standalone else text


def standalone(server_conf: str, run_dir: Path) -> str:
    """A complete nginx.conf that keeps everything (pid, logs, temp files) in run_dir."""
    run_dir = run_dir.resolve()
    temp = run_dir / "temp"
    for name in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"):
        (temp / name).mkdir(parents=True, exist_ok=True)
    user = ""
    if os.geteuid() == 0:
        # Workers drop to nobody; they only need to write their temp files.
        user = "user nobody nogroup;" if _group_exists("nogroup") else "user nobody;"
        for path in [temp, *temp.iterdir()]:
            path.chmod(0o1777)
    indented = "\n".join(f"    {line}" if line else "" for line in server_conf.splitlines())
    return f"""# Local cluster: rendered by deploy/render_nginx.py --standalone. Not for production.
{user}
worker_processes 1;
pid {run_dir}/nginx.pid;
error_log {run_dir}/nginx-error.log warn;
events {{
    worker_connections 1024;
}}
http {{
    default_type application/octet-stream;
    types {{
        text/html html;
        text/css css;
        application/javascript js mjs;
        application/json json;
        image/png png;
        image/svg+xml svg;
        font/woff2 woff2;
    }}
    log_format dn '$remote_addr [$time_local] "$request" $status $body_bytes_sent '
                  'upstream=$upstream_addr route=$dn_route';
    access_log {run_dir}/nginx-access.log dn;
    client_body_temp_path {temp}/client_body;
    proxy_temp_path {temp}/proxy;
    fastcgi_temp_path {temp}/fastcgi;
    uwsgi_temp_path {temp}/uwsgi;
    scgi_temp_path {temp}/scgi;
    sendfile on;
    tcp_nodelay on;
    keepalive_timeout 65;

{indented}
}}
"""


def _group_exists(name: str) -> bool:
    try:
        import grp

        grp.getgrnam(name)
    except (ImportError, KeyError):
        return False
    return True


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--replica", action="append", required=True, help="host:port of a replica (repeat)")
    parser.add_argument("--listen", action="append", default=None, help='nginx listen value, e.g. "443 ssl"')
    parser.add_argument("--server-name", default="_")
    parser.add_argument(
        "--public-origin",
        action="append",
        default=None,
        help="origin browsers use, e.g. https://explorer.clinic.lan (repeat); sets the websocket in connect-src",
    )
    parser.add_argument("--index-from", default=None, help="URL of a replica, or a path to Streamlit's index.html")
    parser.add_argument("--ssl-certificate", default=None, help="certificate (chain) file, for a TLS listen")
    parser.add_argument("--ssl-certificate-key", default=None, help="its private key")
    parser.add_argument("--standalone", default=None, metavar="RUN_DIR", help="write a complete nginx.conf")
    args = parser.parse_args(argv)
    if bool(args.ssl_certificate) != bool(args.ssl_certificate_key):
        parser.error("--ssl-certificate and --ssl-certificate-key go together")
    args.listen = args.listen or ["80"]
    args.public_origin = args.public_origin or [f"http://{args.server_name}"]
    sys.stdout.write(render(args))


if __name__ == "__main__":
    main()
