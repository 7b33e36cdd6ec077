#!/bin/sh
# Wait until a replica answers its health check: healthcheck.sh URL [SECONDS]
# Exit 0 when http://HOST:PORT/_stcore/health says "ok" within SECONDS (default 60), else 1.
# Used by the systemd units (ExecStartPost= and the health timer). Needs curl or python3.
url=${1:?usage: healthcheck.sh http://127.0.0.1:8501 [seconds]}
seconds=${2:-60}
health="${url%/}/_stcore/health"
probe() {
  if command -v curl >/dev/null 2>&1; then
    [ "$(curl -fsS --max-time 3 "$health" 2>/dev/null)" = "ok" ]
  else
    python3 -c 'import sys, urllib.request as u; sys.exit(u.urlopen(sys.argv[1], timeout=3).read() != b"ok")' "$health" 2>/dev/null
  fi
}
end=$(( $(date +%s) + seconds ))
while :; do
  probe && exit 0
  [ "$(date +%s)" -ge "$end" ] && { echo "healthcheck: $health not ok after ${seconds}s" >&2; exit 1; }
  sleep 1
done
