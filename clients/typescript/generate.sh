#!/usr/bin/env bash
# Regenerates the committed client from the server's code: openapi.json (from `palisade
# openapi`), then src/schema.ts (openapi-typescript). Run after changing any route or schema.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
(cd "$here/../.." && cargo run --quiet -p palisade -- openapi) >"$here/openapi.json"
cd "$here"
npm ci --no-audit --no-fund --loglevel=error
npm run --silent generate >/dev/null
echo "regenerated clients/typescript/openapi.json and src/schema.ts"
