"""Load through the deployment: the same sessions against nginx and two replicas (scripts/serve_cluster.sh).

Shows what a second process buys at the highest load. Memory and CPU are the replicas' together.
Skipped (with the reason in the results) when nginx cannot be had.
"""

from __future__ import annotations

import asyncio
import os
import shutil
import signal
import subprocess
import time
from pathlib import Path

from bench.common import LOG_DIR, PROJECT_ROOT, free_port
from bench.load_bench import _stage, region_labels


class ClusterServer:
    """Enough of ``StreamlitServer`` for ``load_bench._stage``: a URL, memory and CPU of the replicas."""

    def __init__(self, replicas: int = 2, script: str = "explorer_server.py") -> None:
        self.script = script
        self.port = free_port()
        self.replica_ports = [free_port() for _ in range(replicas)]
        self.run_dir = LOG_DIR / f"cluster-{self.port}"
        self.process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def warm_urls(self) -> list[str]:
        """Each replica directly, so every process has loaded the app before memory is read."""
        return [f"http://127.0.0.1:{port}" for port in self.replica_ports]

    def start(self, timeout: float = 120) -> ClusterServer:
        self.run_dir.mkdir(parents=True, exist_ok=True)
        env = {
            **os.environ,
            "PY": str(PROJECT_ROOT / ".venv" / "bin" / "python"),
            "LISTEN_PORT": str(self.port),
            "REPLICA_PORTS": " ".join(map(str, self.replica_ports)),
            "RUN_DIR": str(self.run_dir),
            "APP_SCRIPT": self.script,
        }
        if not Path(env["PY"]).exists():
            env["PY"] = shutil.which("python3") or "python3"
        with (self.run_dir / "serve-cluster.log").open("wb") as log:
            self.process = subprocess.Popen(
                [str(PROJECT_ROOT / "scripts" / "serve_cluster.sh")],
                cwd=PROJECT_ROOT,
                env=env,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        deadline = time.monotonic() + timeout
        while not (self.run_dir / "ready").exists():
            if self.process.poll() is not None or time.monotonic() > deadline:
                self.stop()
                raise RuntimeError(f"serve_cluster.sh did not come up; see {self.run_dir}")
            time.sleep(0.3)
        return self

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(timeout=10)

    def _pids(self) -> list[int]:
        return [int((self.run_dir / f"replica-{port}.pid").read_text()) for port in self.replica_ports]

    def rss_mb(self) -> float:
        total = 0.0
        for pid in self._pids():
            for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1]) / 1024
        return total

    def cpu_seconds(self) -> float:
        total = 0.0
        for pid in self._pids():
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            total += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
        return total


def run(sessions: int = 200, log=print) -> dict[str, object]:
    try:
        subprocess.run([str(PROJECT_ROOT / "scripts" / "ensure_nginx.sh")], check=True, capture_output=True)
    except (OSError, subprocess.CalledProcessError) as exc:
        log(f"  cluster stage skipped: no nginx ({exc})")
        return {"skipped": f"no nginx: {exc}"}
    cluster = ClusterServer().start()
    try:
        result = asyncio.run(_stage("explorer", cluster, sessions, region_labels(), "deploy"))  # type: ignore[arg-type]
    finally:
        cluster.stop()
    row = result.figures()
    row["config"] = "deploy, nginx + 2 replicas"
    change = row["change_ms"]
    log(
        f"  load cluster explorer {sessions:4d} sessions: change p50 {change['p50']:.0f} ms, "
        f"p95 {change['p95']:.0f} ms, failed {result.failed_sessions}, {row['mb_per_session']} MB/session"
    )
    return row
