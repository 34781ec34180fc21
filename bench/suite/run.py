"""Palisade against a bare baseline and PocketBase, measured in one run on this machine.
Run through `bench/run.sh` (it installs wrk and PocketBase and builds the binaries).

Every figure comes from wrk (2 threads, loopback) and from /proc for the process under
test: throughput, p50/p99/p99.9, CPU time per request, peak RSS in the scenario."""

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time

import loadgen
import palisade as pal
import pocketbase as pb
import procs
import report

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
RELEASE = os.path.join(ROOT, "target", "release")


def measured(target_pid, url, script, connections, seconds, threads=2, warm_up=None):
    # A short unrecorded run first: caches, connection pools and page cache warm, so the
    # order in which scenarios run does not decide their figures. A script that spends what
    # it sends (a refresh chain) warms up with a script of its own.
    loadgen.run(url, warm_up or script, connections, 2, threads)
    window = procs.Measured(target_pid)
    figures = loadgen.run(url, script, connections, seconds, threads)
    figures.update(window.done(figures["requests"]))
    return figures


def bearer(token):
    return {"Authorization": f"Bearer {token}"}


def json_post(headers=None):
    return {"Content-Type": "application/json", **(headers or {})}


class Run:
    def __init__(self, args, work):
        self.args, self.work = args, work
        self.seconds = 3 if args.quick else 10
        self.results = {"quick": args.quick, "scenarios": {}, "curves": {}, "process": {}}

    def scenario(self, name, system, figures):
        self.results["scenarios"].setdefault(name, {})[system] = figures
        rps, p99 = figures["rps"], figures["p99"] / 1000
        print(f"  {name:<28} {system:<12} {rps:>9.0f} req/s  p99 {p99:>8.2f} ms  "
              f"errors {figures['errors']}", flush=True)

    def start_palisade(self):
        self.pal = pal.Palisade(os.path.join(RELEASE, "palisade"), os.path.join(self.work, "pal"))
        first = self.pal.start()
        self.pal.stop()
        colds = []
        for _ in range(5):
            colds.append(self.pal.start())
            self.pal.stop()
        self.pal.start()
        time.sleep(2)
        self.results["process"]["palisade"] = {
            "first_start_s": first,
            "cold_start_s": sorted(colds)[len(colds) // 2],
            "idle_rss_mib": procs.status_mib(self.pal.pid, "VmRSS"),
            "binary_mib": os.path.getsize(self.pal.binary) / 2**20,
        }
        self.fixture = self.pal.setup()

    def start_pocketbase(self):
        binary = os.path.join(ROOT, "target", "bench-venv", "bin", "pocketbase")
        port = procs.free_port()
        self.pb_base = f"http://127.0.0.1:{port}"
        started = time.monotonic()
        self.pb = pb.start(binary, os.path.join(self.work, "pb"), port)
        ready = time.monotonic() - started
        time.sleep(2)
        self.results["process"]["pocketbase"] = {
            "cold_start_s": ready,
            "idle_rss_mib": procs.status_mib(self.pb.pid, "VmRSS"),
            "binary_mib": os.path.getsize(binary) / 2**20,
        }
        self.pb_fixture = pb.setup(self.pb_base, users=1)

    def memory_after_logins(self):
        """The issue's bound: RSS after start plus 100 logins."""
        for _ in range(100):
            self.pal.login(self.fixture["email"])
        self.results["process"]["palisade"]["rss_after_100_logins_mib"] = procs.status_mib(
            self.pal.pid, "VmRSS")

    def reads(self):
        f, p = self.fixture, self.pb_fixture
        access, _ = self.pal.login(f["email"])
        s = self.seconds
        self.scenario("1 record read, API key", "palisade", measured(
            self.pal.pid, self.pal.base + f["record_path"], loadgen.fixed("GET", bearer(f["key"])), 64, s))
        self.scenario("1 record read, API key", "baseline", measured(
            self.base.pid, f"{self.base.base}/rows/{f['record_id']}", loadgen.fixed("GET"), 64, s))
        self.scenario("2 record read, user token", "palisade", measured(
            self.pal.pid, self.pal.base + f["record_path"], loadgen.fixed("GET", bearer(access)), 64, s))
        self.scenario("2 record read, user token", "pocketbase", measured(
            self.pb.pid, self.pb_base + p["record_path"],
            loadgen.fixed("GET", {"Authorization": p["token"]}), 64, s))
        self.scenario("health route", "palisade", measured(
            self.pal.pid, self.pal.base + "/healthz", loadgen.fixed("GET"), 64, s))
        self.scenario("health route", "pocketbase", measured(
            self.pb.pid, self.pb_base + "/api/health", loadgen.fixed("GET"), 64, s))

    def writes_and_auth(self):
        f, p = self.fixture, self.pb_fixture
        access, _ = self.pal.login(f["email"])
        s = self.seconds
        self.scenario("3 record create", "palisade", measured(
            self.pal.pid, self.pal.base + f["create_path"],
            loadgen.fixed("POST", json_post(bearer(access)), '{"title":"bench","n":1}'), 64, s))
        self.scenario("3 record create", "pocketbase", measured(
            self.pb.pid, self.pb_base + p["create_path"],
            loadgen.fixed("POST", json_post({"Authorization": p["token"]}), p["create_body"]), 64, s))
        self.scenario("4 login", "palisade", measured(
            self.pal.pid, self.pal.base + "/v1/auth/login",
            loadgen.fixed("POST", json_post(), f["login_body"]), 16, s))
        self.scenario("4 login", "pocketbase", measured(
            self.pb.pid, self.pb_base + p["login_path"],
            loadgen.fixed("POST", json_post(), p["login_body"]), 16, s))
        rate = subprocess.run(
            [os.path.join(RELEASE, "bare-baseline"), "hash-rate", "--threads", str(os.cpu_count()),
             "--seconds", str(s)], capture_output=True, text=True, check=True)
        self.results["bare_hash"] = json.loads(rate.stdout)
        # Refresh tokens are single-use: one chain per wrk thread, one connection each.
        def refresh_chains():
            tokens = [self.pal.login(f["email"])[1] for _ in range(2)]
            return loadgen.chained_refresh("/v1/auth/refresh", tokens, "refresh_token",
                                           '"refresh_token":"([^"]+)"')
        self.scenario("5 refresh", "palisade", measured(
            self.pal.pid, self.pal.base + "/v1/auth/refresh", refresh_chains(), 2, s,
            warm_up=refresh_chains()))
        self.scenario("5 refresh", "pocketbase", measured(
            self.pb.pid, self.pb_base + p["refresh_path"],
            loadgen.chained_refresh(p["refresh_path"], [p["token"], p["token"]], None,
                                    '"token":"([^"]+)"', header="Authorization"), 2, s))

    def audit_cost(self):
        """What recording an audit event in the change's own transaction costs a write: a
        record create (not audited) against an API-key create (audited, chained, same
        transaction), both single-row inserts in a workspace transaction."""
        f = self.fixture
        access, _ = self.pal.login(f["email"])
        keys_path = f["create_path"].split("/collections/")[0] + "/api-keys"
        self.scenario("9 write, no audit event", "palisade", measured(
            self.pal.pid, self.pal.base + f["create_path"],
            loadgen.fixed("POST", json_post(bearer(access)), '{"title":"bench","n":1}'), 16,
            self.seconds))
        self.scenario("9 write with its audit event", "palisade", measured(
            self.pal.pid, self.pal.base + keys_path,
            loadgen.fixed("POST", json_post(bearer(access)),
                          '{"name":"bench","scopes":["records:read"]}'), 16, self.seconds))

    def seed(self, workspaces, keys, records, lines):
        access, _ = self.pal.login(self.fixture["email"])
        out = subprocess.run(
            [os.path.join(RELEASE, "seed"), "--base", self.pal.base, "--token", access,
             "--workspaces", str(workspaces), "--keys", str(keys), "--records", str(records),
             "--out", lines], capture_output=True, text=True, check=True)
        print(f"  seeded {out.stdout.strip()}", flush=True)
        return json.loads(out.stdout)

    def mixed(self):
        lines = os.path.join(self.work, "keys.tsv")
        small = self.seed(100, 1000, 1000, lines)
        script = loadgen.mixed(lines, 10)
        self.scenario("6 mixed 90/10, 1k keys", "palisade", measured(
            self.pal.pid, self.pal.base, script, 64, self.seconds))
        self.curve("6 mixed 90/10, 1k keys", "palisade", self.pal.pid, self.pal.base, script)
        more_keys, more_records = (4_000, 19_000) if self.args.quick else (99_000, 999_000)
        self.results["seeding"] = [small, self.seed(100, more_keys, more_records, lines)]
        total_keys = 1000 + more_keys
        name = f"7 mixed 90/10, {total_keys // 1000}k keys"
        # First as a fresh node meets them: in a 10 s run most keys are used for the first time.
        self.scenario(name + ", first use", "palisade", measured(
            self.pal.pid, self.pal.base, loadgen.mixed(lines, 10), 64, self.seconds))
        # Then in steady state: every key used once (about 2 threads × 64 connections walking
        # the distinct keys), so what is measured is the per-request cost at this size.
        warm = loadgen.run(self.pal.base, loadgen.every_key(lines), 64, 20 if self.args.quick else 60)
        print(f"  warmed keys: {warm['requests']} requests", flush=True)
        self.scenario(name + ", keys warm", "palisade", measured(
            self.pal.pid, self.pal.base, loadgen.mixed(lines, 10), 64, self.seconds))

    def curves(self):
        f, p = self.fixture, self.pb_fixture
        access, _ = self.pal.login(f["email"])
        self.curve("1 record read", "palisade (API key)", self.pal.pid,
                   self.pal.base + f["record_path"], loadgen.fixed("GET", bearer(f["key"])))
        self.curve("1 record read", "palisade (user token)", self.pal.pid,
                   self.pal.base + f["record_path"], loadgen.fixed("GET", bearer(access)))
        self.curve("1 record read", "baseline", self.base.pid,
                   f"{self.base.base}/rows/{f['record_id']}", loadgen.fixed("GET"))
        self.curve("1 record read", "pocketbase (user token)", self.pb.pid,
                   self.pb_base + p["record_path"],
                   loadgen.fixed("GET", {"Authorization": p["token"]}))

    def curve(self, name, system, pid, url, script):
        seconds = 2 if self.args.quick else 5
        points = []
        for connections in (1, 4, 16, 64, 128):
            figures = measured(pid, url, script, connections, seconds)
            points.append({"connections": connections, "rps": figures["rps"],
                           "p50": figures["p50"], "p99": figures["p99"]})
        self.results["curves"].setdefault(name, {})[system] = points

    def flood(self):
        """Reads at 16 connections while 32 connections sign in; the flood's peak RSS."""
        f, p = self.fixture, self.pb_fixture
        seconds = 10 if self.args.quick else 60
        for system, pid, read_url, read_script, login_url, login_body in (
            ("palisade", self.pal.pid, self.pal.base + f["record_path"],
             loadgen.fixed("GET", bearer(f["key"])), self.pal.base + "/v1/auth/login",
             f["login_body"]),
            ("pocketbase", self.pb.pid, self.pb_base + p["record_path"],
             loadgen.fixed("GET", {"Authorization": p["token"]}), self.pb_base + p["login_path"],
             p["login_body"]),
        ):
            if system == "palisade":
                # What the earlier scenarios left resident, so the flood's own share shows.
                self.results["process"]["palisade"]["rss_before_flood_mib"] = procs.status_mib(
                    pid, "VmRSS")
            window = procs.Measured(pid)
            logins = loadgen.start(login_url, loadgen.fixed("POST", json_post(), login_body),
                                   32, seconds)
            reads = loadgen.run(read_url, read_script, 16, seconds)
            login_figures = loadgen.finish(logins)
            reads.update(window.done(reads["requests"] + login_figures["requests"]))
            reads["logins_per_s"] = login_figures["rps"]
            reads["login_errors"] = login_figures["errors"]
            self.scenario("8 read during login flood", system, reads)
            if system == "palisade":
                time.sleep(2)
                self.results["process"]["palisade"]["rss_after_flood_mib"] = procs.status_mib(
                    pid, "VmRSS")


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true",
                        help="short runs and a small data set (a smoke run, not for figures)")
    parser.add_argument("--out", default=os.path.join(ROOT, "bench"))
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="palisade-bench-") as work:
        run = Run(args, work)
        try:
            print("starting Palisade, the baseline and PocketBase", flush=True)
            run.start_palisade()
            run.base = pal.Baseline(os.path.join(RELEASE, "bare-baseline"), run.pal.db, work)
            run.base.start()
            run.start_pocketbase()
            run.memory_after_logins()
            run.reads()
            run.writes_and_auth()
            run.audit_cost()
            run.curves()
            run.flood()
            run.mixed()
        finally:
            for process in ("pal", "base"):
                if hasattr(run, process):
                    getattr(run, process).stop()
            if hasattr(run, "pb"):
                pb.stop(run.pb)
    run.results["machine"] = report.machine()
    report.write(run.results, args.out)
    print(f"wrote {args.out}/RESULTS.md, results.json and the latency plots", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
