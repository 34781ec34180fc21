#!/usr/bin/env bash
# Contract check: a fresh server, a real workspace with a collection and a record, and
# schemathesis (in a local virtual environment) running every check against /openapi.json.
# Operations that destroy what the others need (logout, deleting the workspace, a record, a
# key, a session, a member) get throwaway targets of their own. Exits non-zero on any failure.
# Usage: scripts/contract-check.sh [extra schemathesis options]
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
venv="$root/target/contract-venv"
if [ ! -x "$venv/bin/st" ]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet 'schemathesis>=4.32,<5'
fi
cargo build --quiet -p palisade
work=$(mktemp -d)
cleanup() { [ -n "${pid:-}" ] && kill "$pid" 2>/dev/null; wait 2>/dev/null; cp "$work/err.log" "$root/target/contract-server.log" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

# Thousands of generated requests from one address: the rate limits are raised so that the
# operations themselves, not 429s, are what the run exercises (429 is still in every contract).
limits=""
for class in READ WRITE AUTH; do
  limits="$limits PALISADE_RATE_LIMITS__${class}__PER_MINUTE=1000000 PALISADE_RATE_LIMITS__${class}__BURST=1000000"
done
(cd "$work" && env $limits PALISADE_BIND=127.0.0.1:0 PALISADE_LOG_LEVEL=${PALISADE_LOG_LEVEL:-warn} exec "$root/target/debug/palisade" serve \
  >"$work/out.log" 2>"$work/err.log") &
pid=$!
url=""
for _ in $(seq 1 100); do
  url=$(grep -o 'http://[^ ]*' "$work/out.log" 2>/dev/null | head -n1) || true
  [ -n "$url" ] && break
  sleep 0.1
done
[ -n "$url" ] || { cat "$work/err.log" >&2; exit 1; }

json() { python3 -c "import json,sys; print(json.load(sys.stdin)$1)"; }
call() { # method path token [body]
  curl -fsS -X "$1" "$url$2" -H "Authorization: Bearer $3" -H 'Content-Type: application/json' ${4:+-d "$4"}
}
password='contract check passphrase 7f3a'
signup() { curl -fsS "$url/v1/auth/signup" -H 'Content-Type: application/json' -d "{\"email\":\"$1\",\"password\":\"$password\"}"; }
login() { curl -fsS "$url/v1/auth/login" -H 'Content-Type: application/json' -d "{\"email\":\"$1\",\"password\":\"$password\"}" | json "['access_token']"; }

signup owner@example.com >/dev/null
signup member@example.com >/dev/null
token=$(login owner@example.com)
logout_token=$(login owner@example.com)
doomed_session=$(call GET /v1/me/sessions "$(login owner@example.com)" |
  python3 -c "import json,sys; print([s['id'] for s in json.load(sys.stdin) if s['current']][0])")
ws=contract
call POST /v1/workspaces "$token" '{"slug":"contract","name":"Contract"}' >/dev/null
call POST /v1/workspaces "$token" '{"slug":"doomed","name":"Doomed"}' >/dev/null
call POST /v1/workspaces/$ws/collections "$token" '{"name":"notes"}' >/dev/null
call POST /v1/workspaces/$ws/collections "$token" '{"name":"shapes"}' >/dev/null
call POST /v1/workspaces/$ws/collections "$token" '{"name":"doomed"}' >/dev/null
record=$(call POST /v1/workspaces/$ws/collections/notes/records "$token" '{"title":"kept"}' | json "['id']")
doomed_record=$(call POST /v1/workspaces/$ws/collections/notes/records "$token" '{"title":"doomed"}' | json "['id']")
doomed_key=$(call POST /v1/workspaces/$ws/api-keys "$token" '{"name":"doomed","scopes":["records:read"]}' | json "['id']")
# The member joins by the invitation mailed to them (the mailbox is a directory by default).
call POST /v1/workspaces/$ws/invitations "$token" '{"email":"member@example.com","role":"member"}' >/dev/null
member_token=$(login member@example.com)
member=$(call GET /v1/me "$member_token" | json "['id']")
invite_token=""
for _ in $(seq 1 50); do
  invite_token=$(cat "$work"/palisade-data/mailbox/*.eml 2>/dev/null | tr -d '=\r\n' | grep -o 'palinv_[A-Za-z0-9_-]\{43\}' | head -n1) || true
  [ -n "$invite_token" ] && break
  sleep 0.1
done
[ -n "$invite_token" ] || { echo "the invitation mail never arrived" >&2; exit 1; }
call POST /v1/invitations/accept "$member_token" "{\"token\":\"$invite_token\"}" >/dev/null
call POST /v1/workspaces/$ws/invitations "$token" '{"email":"joiner@example.com","role":"viewer"}' >/dev/null
invitation=$(call GET /v1/workspaces/$ws/invitations "$token" | json "[0]['id']")

cat >"$work/schemathesis.toml" <<TOML
headers = { Authorization = "Bearer $token" }
workers = 1
request-timeout = 10.0

[generation]
max-examples = ${MAX_EXAMPLES:-25}

[parameters]
"path.ws" = "$ws"
"path.name" = "notes"
"path.id" = "$record"
"path.user_id" = "$member"

[[operations]]
include-operation-id = "auth_logout"
headers = { Authorization = "Bearer $logout_token" }

[[operations]]
include-operation-id = "me_revoke_session"
parameters = { "path.id" = "$doomed_session" }

[[operations]]
include-operation-id = "workspaces_delete"
parameters = { "path.ws" = "doomed" }

[[operations]]
include-operation-id = "collections_delete"
parameters = { "path.name" = "doomed" }

[[operations]]
include-operation-id = "collections_update"
parameters = { "path.name" = "shapes" }

[[operations]]
include-operation-id = "records_delete"
parameters = { "path.id" = "$doomed_record" }

[[operations]]
include-operation-id = "api_keys_revoke"
parameters = { "path.id" = "$doomed_key" }

[[operations]]
include-operation-id = "invitations_revoke"
parameters = { "path.id" = "$invitation" }
TOML

# Rules about the data's meaning or the server's state, which no JSON Schema can state; each
# is answered with its documented code: a guessable password (zxcvbn, 422 `weak_password`), an
# expiry in the past (422 `invalid_expiry`), a cursor this API did not issue (400
# `invalid_cursor`), an If-Match naming another version (412 `precondition_failed`).
allow() { # operation-id extra-status
  printf '\n[[operations]]\ninclude-operation-id = "%s"\n' "$1"
  printf 'checks.positive_data_acceptance.expected-statuses = [%s, "%s"]\n' "$accepted" "$2"
}
accepted='"2xx", "3xx", "401", "403", "404", "409", "429"'
{
  allow auth_signup 422
  allow api_keys_create 422
  allow records_list 400
  allow records_replace 412
  allow records_patch 412
  allow records_delete 412
} >>"$work/schemathesis.toml"

echo "contract check against $url (workspace $ws, record $record)"
"$venv/bin/st" --config-file "$work/schemathesis.toml" run "$url/openapi.json" --checks all "$@"
