#!/usr/bin/env bash
# Make sure nginx exists for `make serve-cluster` and the cluster browser test.
# Debian's nginx package where apt works, the same way ensure_chromium.sh gets
# chromium. Prints the choice so CI logs show it. Never starts the system service.
set -euo pipefail

find_nginx() {
  for candidate in "${NGINX:-}" /usr/sbin/nginx /usr/local/sbin/nginx /usr/local/nginx/sbin/nginx "$(command -v nginx 2>/dev/null || true)"; do
    if [ -n "$candidate" ] && [ -x "$candidate" ]; then
      echo "$candidate"
      return 0
    fi
  done
  return 1
}

if found=$(find_nginx); then
  echo "nginx: using $found ($("$found" -v 2>&1 | sed 's/^nginx version: //'))"
  exit 0
fi
if command -v apt-get >/dev/null 2>&1; then
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  echo "nginx: installing Debian's nginx package"
  # policy-rc.d keeps the package from starting a system-wide nginx on port 80.
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    printf '#!/bin/sh\nexit 101\n' | $SUDO tee /usr/sbin/policy-rc.d >/dev/null
    $SUDO chmod +x /usr/sbin/policy-rc.d
    trap '$SUDO rm -f /usr/sbin/policy-rc.d' EXIT
  fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends nginx >/dev/null
  found=$(find_nginx) || { echo "nginx: the package installed but no nginx binary was found" >&2; exit 1; }
  echo "nginx: installed $found"
  exit 0
fi
echo "nginx: not found and no apt-get here; install nginx with your package manager (brew install nginx, dnf install nginx)" >&2
exit 1
