#!/usr/bin/env bash
# Two (or more) replicas of the app behind nginx on 127.0.0.1:8080, to try the deployment locally.
# Everything runs from RUN_DIR (pid files, logs, the rendered nginx.conf); Ctrl-C or SIGTERM stops
# nginx and every replica. A replica that dies is left dead (to try failover); nginx keeps serving
# from the others.
#
#   LISTEN_PORT=8080 REPLICA_PORTS="8511 8512" RUN_DIR=test-artifacts/cluster scripts/serve_cluster.sh
# APP_SCRIPT serves another script the same way (the benchmarks' bare page: bench/bare_app.py).
set -euo pipefail
cd "$(dirname "$0")/.."

PY=${PY:-.venv/bin/python}
LISTEN_HOST=${LISTEN_HOST:-127.0.0.1}
LISTEN_PORT=${LISTEN_PORT:-8080}
REPLICA_PORTS=${REPLICA_PORTS:-"8511 8512"}
RUN_DIR=${RUN_DIR:-test-artifacts/cluster}
APP_SCRIPT=${APP_SCRIPT:-explorer_server.py}

[ "${NGINX_ENSURED:-}" = 1 ] || scripts/ensure_nginx.sh >&2  # make serve-cluster has run it already
NGINX=${NGINX:-$(command -v nginx || echo /usr/sbin/nginx)}

mkdir -p "$RUN_DIR"
RUN_DIR=$(cd "$RUN_DIR" && pwd)
rm -f "$RUN_DIR"/ready "$RUN_DIR"/*.pid

pids=()
cleanup() {
  trap - EXIT INT TERM
  for pid in "${pids[@]}"; do
    kill -TERM "$pid" 2>/dev/null || true
  done
  for pid in "${pids[@]}"; do
    wait "$pid" 2>/dev/null || true
  done
  rm -f "$RUN_DIR"/ready
}
trap cleanup EXIT
trap 'exit 0' INT TERM

# The replicas share the settings in deploy/replica.env and one cookie secret.
set -a
# shellcheck source=../deploy/replica.env
source deploy/replica.env
STREAMLIT_SERVER_COOKIE_SECRET=${STREAMLIT_SERVER_COOKIE_SECRET:-$("$PY" -c 'import secrets; print(secrets.token_hex(32))')}
set +a

upstreams=()
for port in $REPLICA_PORTS; do
  "$PY" -m streamlit run "$APP_SCRIPT" --server.address 127.0.0.1 --server.port "$port" \
    >"$RUN_DIR/replica-$port.log" 2>&1 &
  pids+=($!)
  echo $! >"$RUN_DIR/replica-$port.pid"
  upstreams+=(--replica "127.0.0.1:$port")
done

wait_healthy() {  # URL, seconds
  local deadline=$((SECONDS + $2))
  until [ "$(curl -fsS --max-time 2 "$1" 2>/dev/null || true)" = "ok" ]; do
    if [ $SECONDS -ge $deadline ]; then
      echo "serve-cluster: $1 not healthy after $2 s (logs in $RUN_DIR)" >&2
      return 1
    fi
    sleep 0.3
  done
}
first_port=${REPLICA_PORTS%% *}
for port in $REPLICA_PORTS; do
  wait_healthy "http://127.0.0.1:$port/_stcore/health" 90
done

"$PY" deploy/render_nginx.py --standalone "$RUN_DIR" --listen "$LISTEN_HOST:$LISTEN_PORT" \
  --server-name "$LISTEN_HOST" --public-origin "http://$LISTEN_HOST:$LISTEN_PORT" \
  --public-origin "http://localhost:$LISTEN_PORT" --index-from "http://127.0.0.1:$first_port/" \
  "${upstreams[@]}" >"$RUN_DIR/nginx.conf"
"$NGINX" -t -q -p "$RUN_DIR" -e "$RUN_DIR/nginx-error.log" -c "$RUN_DIR/nginx.conf"
"$NGINX" -p "$RUN_DIR" -e "$RUN_DIR/nginx-error.log" -c "$RUN_DIR/nginx.conf" -g "daemon off;" &
nginx_pid=$!
pids+=("$nginx_pid")
echo "$nginx_pid" >"$RUN_DIR/nginx.master.pid"
wait_healthy "http://$LISTEN_HOST:$LISTEN_PORT/healthz" 30

touch "$RUN_DIR/ready"
echo "serve-cluster: http://$LISTEN_HOST:$LISTEN_PORT -> replicas on ports $REPLICA_PORTS (logs in $RUN_DIR; Ctrl-C stops)"
wait "$nginx_pid"
