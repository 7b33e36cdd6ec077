"""A real, private speech engine for the read-aloud tests, and a recorder of what the page speaks.

``speech_engine`` starts Debian's speech-dispatcher with espeak-ng on its own socket, its sound sent
to libao's null driver. Without an audio device the system's engine gets stuck after its first
utterance (later browsers then list no voices); with the null driver every utterance really is
synthesized, fires ``start`` and ``end``, and nothing is played. Chromium finds it through
``SPEECHD_ADDRESS`` when started with ``--enable-speech-dispatcher``.

``RECORDER`` is an init script that wraps ``speechSynthesis.speak`` and ``cancel``: what was queued
(text, language, rate, the voice and whether it is on-device), which utterances started, and how
often speech was cancelled. The real engine still speaks.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

SYSTEM_CONFIG = Path("/etc/speech-dispatcher")
SPEECH_ARGS = ["--enable-speech-dispatcher"]


@contextmanager
def speech_engine(folder: Path) -> Iterator[dict[str, str]]:
    """Run speech-dispatcher in ``folder``; yields the environment Chromium needs to reach it."""
    if shutil.which("speech-dispatcher") is None or not SYSTEM_CONFIG.is_dir():
        raise RuntimeError("speech-dispatcher is not installed: run `make browser` (scripts/ensure_speech.sh)")
    config = folder / "config"
    shutil.copytree(SYSTEM_CONFIG, config)
    settings = config / "speechd.conf"
    text = re.sub(r"(?m)^#?\s*AudioOutputMethod\b.*$", 'AudioOutputMethod "libao"', settings.read_text())
    settings.write_text(text)
    home = folder / "home"
    home.mkdir()
    (home / ".libao").write_text("default_driver=null\n")
    socket = folder / "speechd.sock"
    command = ["speech-dispatcher", "--run-single", "--config-dir", str(config), "--communication-method",
               "unix_socket", "--socket-path", str(socket), "--timeout", "0", "--log-dir", str(folder),
               "--pid-file", str(folder / "speechd.pid")]  # fmt: skip
    process = subprocess.Popen(command, env={**os.environ, "HOME": str(home)}, start_new_session=True)
    try:
        deadline = time.monotonic() + 15
        while not socket.exists():
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"speech-dispatcher did not start; see {folder}")
            time.sleep(0.1)
        yield {"SPEECHD_ADDRESS": f"unix_socket:{socket}"}
    finally:
        # Its own session: the espeak-ng module it started goes with it.
        os.killpg(process.pid, 15)
        process.wait(timeout=10)


RECORDER = """
(() => {
  window.__speech = { queued: [], started: [], cancels: 0 };
  const synth = window.speechSynthesis;
  const speak = synth.speak.bind(synth);
  const cancel = synth.cancel.bind(synth);
  synth.speak = (utterance) => {
    const voice = utterance.voice;
    const n = window.__speech.queued.push({
      text: utterance.text, lang: utterance.lang, rate: utterance.rate,
      voice: voice ? voice.name : null, local: voice ? voice.localService : null,
    }) - 1;
    utterance.addEventListener("start", () => window.__speech.started.push(n));
    speak(utterance);
  };
  synth.cancel = () => { window.__speech.cancels += 1; cancel(); };
})();
"""

NETWORK_VOICES_ONLY = """
(() => {
  // A browser whose only voices are network ones (they would send the text off the machine).
  const fake = [{ name: "Cloud English", lang: "en-US", localService: false, default: true, voiceURI: "cloud" }];
  Object.defineProperty(window.speechSynthesis, "getVoices", { value: () => fake });
})();
"""
