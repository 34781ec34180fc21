#!/usr/bin/env bash
# CI: the committed client is what the committed document generates, and it type-checks.
# (A Rust test holds openapi.json to the server's own document.) With --e2e, runs the
# end-to-end scenario instead, against the live server at $PALISADE_URL.
set -euo pipefail
cd "$(dirname "$0")"
if [ "${1:-}" = --e2e ]; then
  exec node dist/e2e.js "${PALISADE_URL:?the server to test}"
fi
npm ci --no-audit --no-fund --loglevel=error
fresh=$(mktemp -d)
trap 'rm -rf "$fresh"' EXIT
node generate-types.mjs "$fresh/schema.ts"
if ! diff -u src/schema.ts "$fresh/schema.ts" >"$fresh/diff"; then
  head -n 40 "$fresh/diff" >&2
  echo "clients/typescript/src/schema.ts is stale: run clients/typescript/generate.sh" >&2
  exit 1
fi
npm run --silent build
echo "typescript client: up to date with openapi.json, type-checks"
