"""What the benchmarks share: starting Streamlit servers, reading their memory and CPU, statistics."""

from __future__ import annotations

import contextlib
import os
import platform
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
BENCH_DIR = PROJECT_ROOT / "bench"
RESULTS_DIR = BENCH_DIR / "results"
LOG_DIR = PROJECT_ROOT / "test-artifacts" / "bench"
EXPLORER = "explorer_server.py"
BARE = "bench/bare_app.py"
APPS = {"explorer": EXPLORER, "bare": BARE}

DEPLOY_ENV_FILE = PROJECT_ROOT / "deploy" / "replica.env"


def read_env_file(path: Path) -> dict[str, str]:
    """KEY=VALUE lines (comments and blank lines skipped), as systemd's EnvironmentFile= reads them."""
    values = {}
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if line and not line.startswith("#") and "=" in line:
            key, value = line.split("=", 1)
            values[key.strip()] = value.strip()
    return values


def config_env(config: str) -> dict[str, str]:
    """``shipped``: the repository's own settings (what ``make run`` starts); ``deploy``: deploy/replica.env."""
    return read_env_file(DEPLOY_ENV_FILE) if config == "deploy" else {}


STREAMLIT_FLAGS = (
    "--server.headless", "true",
    "--server.address", "127.0.0.1",
    "--browser.gatherUsageStats", "false",
    "--server.fileWatcherType", "none",
    "--server.runOnSave", "false",
)  # fmt: skip


def free_port() -> int:
    with contextlib.closing(socket.socket()) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class StreamlitServer:
    """``streamlit run SCRIPT`` on a free loopback port, stopped by ``stop()`` (or the context manager).

    ``launcher`` runs the server through another Python file (the profiling launcher) instead of
    ``python -m streamlit``; it receives the same arguments.
    """

    script: str
    name: str = ""
    extra_args: tuple[str, ...] = ()
    launcher: str | None = None
    env: dict[str, str] = field(default_factory=dict)
    port: int = 0
    process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def log(self) -> Path:
        return LOG_DIR / f"{self.name or Path(self.script).stem}-{self.port}.log"

    def start(self, timeout: float = 60) -> StreamlitServer:
        self.port = self.port or free_port()
        LOG_DIR.mkdir(parents=True, exist_ok=True)
        runner = [sys.executable, self.launcher] if self.launcher else [sys.executable, "-m", "streamlit"]
        command = [*runner, "run", self.script, "--server.port", str(self.port), *STREAMLIT_FLAGS, *self.extra_args]
        with self.log.open("wb") as log:
            self.process = subprocess.Popen(
                command, cwd=PROJECT_ROOT, env={**os.environ, **self.env}, stdout=log, stderr=log
            )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"{self.script} exited early; see {self.log}")
            with (
                contextlib.suppress(OSError),
                urllib.request.urlopen(f"{self.url}/_stcore/health", timeout=2) as response,
            ):
                if response.status == 200:
                    return self
            time.sleep(0.2)
        self.stop()
        raise RuntimeError(f"{self.script} did not become healthy in {timeout:.0f} s; see {self.log}")

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=5)

    def __enter__(self) -> StreamlitServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def rss_mb(self) -> float:
        """Resident memory of the server process, in MB (MiB)."""
        assert self.process
        for line in Path(f"/proc/{self.process.pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
        raise RuntimeError("no VmRSS")

    def cpu_seconds(self) -> float:
        """User plus system CPU time the server process has used so far."""
        assert self.process
        fields = Path(f"/proc/{self.process.pid}/stat").read_text().rsplit(")", 1)[1].split()
        ticks = os.sysconf("SC_CLK_TCK")
        return (int(fields[11]) + int(fields[12])) / ticks


def percentile(values: list[float], q: float) -> float:
    """The q-th percentile (0-100) with linear interpolation; NaN for no values."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    position = (len(ordered) - 1) * q / 100
    low = int(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def summary(values: list[float]) -> dict[str, float]:
    return {
        "n": len(values),
        "p50": percentile(values, 50),
        "p95": percentile(values, 95),
        "mean": statistics.fmean(values) if values else float("nan"),
        "min": min(values) if values else float("nan"),
        "max": max(values) if values else float("nan"),
    }


def ratio(a: float, b: float) -> float:
    return a / b if b else float("nan")


def _first_line(command: list[str]) -> str:
    try:
        out = subprocess.run(command, capture_output=True, text=True, timeout=10, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return "not found"
    return (out.stdout or out.stderr).strip().splitlines()[0] if (out.stdout or out.stderr).strip() else "unknown"


def machine() -> dict[str, object]:
    """A description of the machine and the software versions, for the results file."""
    import streamlit

    cpu = "unknown"
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    mem_gb = float("nan")
    with contextlib.suppress(OSError, ValueError, IndexError):
        mem_gb = int(Path("/proc/meminfo").read_text().split()[1]) / 1024 / 1024
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "memory_gb": round(mem_gb, 1),
        "os": platform.platform(),
        "python": platform.python_version(),
        "streamlit": streamlit.__version__,
        "chromium": _first_line(["/usr/bin/chromium", "--version"]),
        "load_average_at_start": os.getloadavg(),
    }
