"""The processes under test: starting them, waiting for them to be ready, and reading what
the kernel knows of them (CPU time, resident memory, its peak)."""

import json
import os
import socket
import subprocess
import time
import urllib.error
import urllib.request

TICKS = os.sysconf("SC_CLK_TCK")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_ready(url, timeout=30.0, poll=0.002):
    """Seconds until `url` answers 200."""
    started = time.monotonic()
    while time.monotonic() - started < timeout:
        try:
            with urllib.request.urlopen(url, timeout=1) as response:
                if response.status == 200:
                    return time.monotonic() - started
        except (urllib.error.URLError, ConnectionError, OSError):
            pass
        time.sleep(poll)
    raise RuntimeError(f"{url} not ready after {timeout} s")


def spawn(argv, log_path, env=None):
    log = open(log_path, "ab")
    return subprocess.Popen(argv, stdout=log, stderr=log, env=env)


def stop(process):
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def cpu_seconds(pid):
    """User plus system CPU time the process has used."""
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICKS


def status_mib(pid, field):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith(field + ":"):
                return int(line.split()[1]) / 1024
    raise KeyError(field)


def reset_peak(pid):
    """Starts a new peak-RSS window (VmHWM) for the process."""
    with open(f"/proc/{pid}/clear_refs", "w") as f:
        f.write("5")


class Measured:
    """CPU time and peak RSS of one process over a stretch of load."""

    def __init__(self, pid):
        self.pid = pid
        reset_peak(pid)
        self.cpu = cpu_seconds(pid)

    def done(self, requests):
        cpu = cpu_seconds(self.pid) - self.cpu
        return {
            "cpu_us_per_request": cpu * 1e6 / requests if requests else None,
            "peak_rss_mib": status_mib(self.pid, "VmHWM"),
        }


def request(method, url, body=None, token=None, raw_token=False):
    """A JSON call that must succeed; its answer."""
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(url, data=data, method=method)
    if data is not None:
        req.add_header("Content-Type", "application/json")
    if token:
        req.add_header("Authorization", token if raw_token else f"Bearer {token}")
    try:
        with urllib.request.urlopen(req, timeout=30) as response:
            text = response.read()
            return json.loads(text) if text else {}
    except urllib.error.HTTPError as err:
        raise RuntimeError(f"{method} {url}: {err.code} {err.read()[:500]!r}") from err
