#!/usr/bin/env bash
# Make sure an on-device speech engine is there for the read-aloud tests: Debian's
# speech-dispatcher with espeak-ng (Chromium speaks through it with --enable-speech-dispatcher).
# The tests never skip: with no engine they fail, so this installs one where apt works.
set -euo pipefail
if command -v speech-dispatcher >/dev/null 2>&1 && [ -x /usr/lib/speech-dispatcher-modules/sd_espeak-ng ]; then
  echo "speech: using $(speech-dispatcher --version 2>/dev/null | head -1) with espeak-ng"
  exit 0
fi
if command -v apt-get >/dev/null 2>&1; then
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  echo "speech: installing Debian's speech-dispatcher and espeak-ng"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq speech-dispatcher speech-dispatcher-espeak-ng espeak-ng >/dev/null
  exit 0
fi
echo "speech: no apt here; install speech-dispatcher and espeak-ng (the read-aloud tests need them)" >&2
exit 1
