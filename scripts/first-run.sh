#!/usr/bin/env bash
# Runs the README's run command exactly as written, as a newcomer would on a fresh clone, in a
# temporary data directory: waits for /healthz, checks the generated key is private, sends
# SIGTERM and expects a clean exit. A scenario, if given, runs against it first with
# PALISADE_URL set. Usage: scripts/first-run.sh "<command>" ["<scenario command>"]
set -euo pipefail
command=${1:?usage: first-run.sh "<the README's run command>" ["<scenario>"]}
scenario=${2:-}
cd "$(dirname "$0")/.."

data=$(mktemp -d)
log="$data/server.log"
cleanup() { [ -n "${pid:-}" ] && kill -KILL "$pid" 2>/dev/null; rm -rf "$data"; }
trap cleanup EXIT

echo "+ $command   (data dir $data/palisade-data, free port)"
# `exec` so that $pid is the command itself; cargo run in turn execs the binary on Unix.
PALISADE_DATA_DIR="$data/palisade-data" PALISADE_BIND=127.0.0.1:0 \
  bash -c "exec $command" >"$log" 2>&1 </dev/null &
pid=$!

# The first run compiles in release mode: allow for it, but stop as soon as the process dies.
url=""
for _ in $(seq 1 2400); do
  url=$(grep -o 'palisade listening on http://[^ ]*' "$log" | head -n1 | sed 's/.* on //') || true
  [ -n "$url" ] && break
  if ! kill -0 "$pid" 2>/dev/null; then
    echo "the run command exited before listening:" >&2; tail -n 40 "$log" >&2; exit 1
  fi
  sleep 1
done
[ -n "$url" ] || { echo "no listening line within 40 minutes" >&2; tail -n 40 "$log" >&2; exit 1; }

healthy=""
for _ in $(seq 1 50); do
  if curl -fsS "$url/healthz" >/dev/null 2>&1; then healthy=yes; break; fi
  sleep 0.2
done
[ -n "$healthy" ] || { echo "$url/healthz never answered 200" >&2; tail -n 40 "$log" >&2; exit 1; }

key_mode=$(stat -c '%a' "$data/palisade-data/master.key")
[ "$key_mode" = 600 ] || { echo "master.key has mode $key_mode, expected 600" >&2; exit 1; }

if [ -n "$scenario" ]; then
  echo "+ $scenario   (PALISADE_URL=$url)"
  if ! PALISADE_URL=$url bash -c "$scenario"; then
    echo "the scenario failed; the server said:" >&2; tail -n 40 "$log" >&2; exit 1
  fi
fi

kill -TERM "$pid"
status=0
wait "$pid" || status=$?
pid=""
[ "$status" = 0 ] || { echo "exit status $status after SIGTERM, expected 0" >&2; tail -n 40 "$log" >&2; exit 1; }
echo "first run: $url/healthz answered, master.key 0600, clean exit on SIGTERM"
