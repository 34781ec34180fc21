"""Writes what a run measured: results.json, RESULTS.md (every Palisade figure as a ratio to
the baseline and to PocketBase) and SVG plots of latency against load."""

import datetime
import json
import os
import platform
import subprocess

import plot

# Which measurement each Palisade scenario is compared with: (scenario, system).
BASELINE = {"1 record read, API key": ("1 record read, API key", "baseline")}
POCKETBASE = {
    "1 record read, API key": ("2 record read, user token", "pocketbase"),
    "2 record read, user token": ("2 record read, user token", "pocketbase"),
    "health route": ("health route", "pocketbase"),
    "3 record create": ("3 record create", "pocketbase"),
    "4 login": ("4 login", "pocketbase"),
    "5 refresh": ("5 refresh", "pocketbase"),
    "8 read during login flood": ("8 read during login flood", "pocketbase"),
}


def machine():
    def first(path, prefix):
        with open(path) as f:
            for line in f:
                if line.startswith(prefix):
                    return line.split(":", 1)[1].strip()
        return "unknown"

    def command(*argv):
        try:
            return subprocess.run(argv, capture_output=True, text=True).stdout.strip()
        except OSError:
            return "unknown"

    return {
        "cpu": first("/proc/cpuinfo", "model name"),
        "cores": os.cpu_count(),
        "memory": first("/proc/meminfo", "MemTotal"),
        "kernel": platform.release(),
        "rustc": command("rustc", "--version"),
        "wrk": command("wrk", "--version").splitlines()[0] if command("wrk", "--version") else "",
        "commit": command("git", "rev-parse", "--short", "HEAD"),
        "date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
    }


def ratio(figures, other):
    if not other or not other.get("rps"):
        return ""
    return f"{figures['rps'] / other['rps']:.2f}×"


def lookup(results, key):
    scenario, system = key
    return results["scenarios"].get(scenario, {}).get(system)


def ms(microseconds):
    return f"{microseconds / 1000:.2f}"


def scenario_rows(results):
    rows = []
    for name in sorted(results["scenarios"]):
        for system, f in results["scenarios"][name].items():
            cpu = f.get("cpu_us_per_request")
            base = ratio(f, lookup(results, BASELINE[name])) if system == "palisade" and name in BASELINE else ""
            peer = ratio(f, lookup(results, POCKETBASE[name])) if system == "palisade" and name in POCKETBASE else ""
            rows.append(
                f"| {name} | {system} | {f['rps']:,.0f} | {ms(f['p50'])} | {ms(f['p99'])} | "
                f"{ms(f['p999'])} | {cpu:,.0f} | {f['peak_rss_mib']:.0f} | {f['errors']} | {base} | {peer} |"
                if cpu is not None else
                f"| {name} | {system} | {f['rps']:,.0f} | {ms(f['p50'])} | {ms(f['p99'])} | "
                f"{ms(f['p999'])} | – | {f['peak_rss_mib']:.0f} | {f['errors']} | {base} | {peer} |")
    return rows


def targets(results):
    """The issue's targets, each with what was measured and whether it was met."""
    s, proc = results["scenarios"], results["process"]["palisade"]
    key = s["1 record read, API key"]["palisade"]
    token = s["2 record read, user token"]["palisade"]
    base = s["1 record read, API key"]["baseline"]
    pb_token = s["2 record read, user token"]["pocketbase"]
    login, pb_login = s["4 login"]["palisade"], s["4 login"]["pocketbase"]
    hashes = results["bare_hash"]["per_second"]
    hash_bound = 30 + 2 * 19
    checks = [
        ("user-token read ≥ 3× PocketBase's", token["rps"] / pb_token["rps"], 3.0, "×"),
        ("user-token read ≥ 0.8× our API-key read", token["rps"] / key["rps"], 0.8, "×"),
        ("API-key read ≥ 3× PocketBase's token read", key["rps"] / pb_token["rps"], 3.0, "×"),
        ("API-key read ≥ 0.6× the bare baseline", key["rps"] / base["rps"], 0.6, "×"),
        ("API-key read p99 < 2 ms at 64 connections", key["p99"] / 1000, 2.0, "ms<"),
        ("token read p99 < a tenth of PocketBase's", token["p99"] / pb_token["p99"], 0.1, "<"),
        ("login ≥ 2× PocketBase", login["rps"] / pb_login["rps"], 2.0, "×"),
        ("login ≥ 1/1.1 of a bare hash rate", login["rps"] / hashes, 1 / 1.1, "×"),
        ("idle RSS < 30 MB", proc["idle_rss_mib"], 30, "MiB<"),
        ("cold start < 200 ms", proc["cold_start_s"] * 1000, 200, "ms<"),
        (f"RSS after 100 logins < {hash_bound} MiB", proc["rss_after_100_logins_mib"], hash_bound, "MiB<"),
        ("peak RSS in the login flood < 120 MB", s["8 read during login flood"]["palisade"]["peak_rss_mib"], 120, "MiB<"),
        (f"RSS after the flood < {hash_bound} MiB", proc.get("rss_after_flood_mib", 0), hash_bound, "MiB<"),
    ]
    rows = []
    for label, value, goal, kind in checks:
        met = value < goal if kind.endswith("<") else value >= goal
        unit = kind.rstrip("<")
        rows.append(f"| {label} | {value:.2f} {unit} | {'met' if met else '**not met**'} |")
    return rows


def audit_cost(results):
    """Scenario 9 in words: a write with its audit event against one without."""
    s = results["scenarios"]
    plain = s.get("9 write, no audit event", {}).get("palisade")
    audited = s.get("9 write with its audit event", {}).get("palisade")
    if not plain or not audited:
        return []
    return [
        "Auditing a write in its own transaction (scenario 9, 16 connections): "
        f"{audited['rps']:,.0f} req/s, p99 {ms(audited['p99'])} ms with the event against "
        f"{plain['rps']:,.0f} req/s, p99 {ms(plain['p99'])} ms without "
        f"({audited['rps'] / plain['rps']:.2f}× the throughput).",
        "",
    ]


def write(results, out):
    os.makedirs(out, exist_ok=True)
    with open(os.path.join(out, "results.json"), "w") as f:
        json.dump(results, f, indent=2)
    plots = []
    for name, series in results["curves"].items():
        file = "latency-" + name.split()[0] + ".svg"
        with open(os.path.join(out, file), "w") as f:
            f.write(plot.svg(f"Scenario {name}: p99 latency against throughput", series))
        plots.append((name, file))
    m = results["machine"]
    proc = results["process"]
    lines = [
        "# Benchmark results",
        "",
        "Measured in one run by `bash bench/run.sh`" + (" **--quick (smoke run; not figures to quote)**" if results["quick"] else "") + ".",
        f"Machine: {m['cpu']}, {m['cores']} cores, {m['memory']} RAM, Linux {m['kernel']}; "
        f"{m['rustc']}; {m['wrk']}; commit {m['commit']}; {m['date']}.",
        "Load: wrk, 2 threads, loopback, on the same 2 cores as the server under test. "
        "Latencies in ms; CPU is user+system time of the server per request; peak RSS is "
        "the server's high-water mark within the scenario (VmHWM, reset before each).",
        "",
        "## Targets",
        "",
        "| target | measured | |",
        "| --- | --- | --- |",
        *targets(results),
        "",
        "## Scenarios",
        "",
        "| scenario | system | req/s | p50 | p99 | p99.9 | CPU µs/req | peak RSS MiB | errors | × baseline | × PocketBase |",
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
        *scenario_rows(results),
        "",
        f"Bare argon2id hash rate at the same cost on {results['bare_hash']['threads']} threads: "
        f"{results['bare_hash']['per_second']:.1f}/s.",
        "",
        *audit_cost(results),
        "## Processes",
        "",
        "| | Palisade | PocketBase |",
        "| --- | --- | --- |",
        f"| idle RSS (MiB) | {proc['palisade']['idle_rss_mib']:.1f} | {proc['pocketbase']['idle_rss_mib']:.1f} |",
        f"| cold start to ready (ms) | {proc['palisade']['cold_start_s'] * 1000:.0f} | {proc['pocketbase']['cold_start_s'] * 1000:.0f} |",
        f"| binary size (MiB) | {proc['palisade']['binary_mib']:.1f} | {proc['pocketbase']['binary_mib']:.1f} |",
        f"| RSS after start and 100 logins (MiB) | {proc['palisade']['rss_after_100_logins_mib']:.1f} | |",
        f"| RSS before the login flood, after scenarios 1–5, 9 and the curves (MiB) | {proc['palisade'].get('rss_before_flood_mib', 0):.1f} | |",
        f"| RSS 2 s after the login flood (MiB) | {proc['palisade'].get('rss_after_flood_mib', 0):.1f} | |",
        "",
        "## Latency against load",
        "",
        *[f"![{name}]({file})" for name, file in plots],
        "",
        "Each point is one closed-loop wrk run at 1, 4, 16, 64 and 128 connections.",
        "",
    ]
    if "seeding" in results:
        lines += ["## Data sets", "", "```", *[json.dumps(s) for s in results["seeding"]], "```", ""]
    with open(os.path.join(out, "RESULTS.md"), "w") as f:
        f.write("\n".join(lines))
