"""Palisade and the bare baseline as the harness runs them: Palisade's release binary with a
configuration file (rate limits raised through configuration, as an operator would), and
the bare axum handler reading the same SQLite file."""

import os
import time

import procs

PASSWORD = "violet-tundra-42-harbor"
LIMIT_CLASSES = ("read", "write", "auth")


def config_text(port, data_dir):
    lines = [
        f'bind = "127.0.0.1:{port}"',
        f'data_dir = "{data_dir}"',
        'log_level = "warn"',
        "[auth]",
        # Logins may queue for a hashing slot rather than be told to come back later.
        "hash_queue = 256",
        "access_token_ttl_secs = 3600",
    ]
    for limit in LIMIT_CLASSES:
        lines += [f"[rate_limits.{limit}]", "per_minute = 1000000", "burst = 1000000"]
    return "\n".join(lines) + "\n"


class Palisade:
    def __init__(self, binary, work_dir):
        self.binary = binary
        self.dir = work_dir
        self.data_dir = os.path.join(work_dir, "data")
        self.port = procs.free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        os.makedirs(work_dir, exist_ok=True)
        self.config = os.path.join(work_dir, "palisade.toml")
        with open(self.config, "w") as f:
            f.write(config_text(self.port, self.data_dir))
        self.process = None

    def start(self):
        """Starts the server; seconds from exec to a 200 from /healthz."""
        started = time.monotonic()
        self.process = procs.spawn(
            [self.binary, "--config", self.config, "serve"], os.path.join(self.dir, "log"))
        procs.wait_ready(self.base + "/healthz")
        return time.monotonic() - started

    def stop(self):
        procs.stop(self.process)

    @property
    def pid(self):
        return self.process.pid

    @property
    def db(self):
        return os.path.join(self.data_dir, "palisade.db")

    def call(self, method, path, body=None, token=None):
        return procs.request(method, self.base + path, body, token)

    def login(self, email):
        answer = self.call("POST", "/v1/auth/login", {"email": email, "password": PASSWORD})
        return answer["access_token"], answer["refresh_token"]

    def setup(self):
        """One owner with a workspace, a collection, a record and a read key."""
        email = "bench@example.com"
        self.call("POST", "/v1/auth/signup", {"email": email, "password": PASSWORD})
        access, _ = self.login(email)
        self.call("POST", "/v1/workspaces", {"slug": "bench", "name": "Bench"}, access)
        ws = "/v1/workspaces/bench"
        self.call("POST", f"{ws}/collections", {"name": "notes"}, access)
        record = self.call("POST", f"{ws}/collections/notes/records",
                           {"title": "hello", "n": 42}, access)
        key = self.call("POST", f"{ws}/api-keys",
                        {"name": "load", "scopes": ["records:read", "records:write"]}, access)
        return {
            "email": email,
            "record_id": record["id"],
            "record_path": f"{ws}/collections/notes/records/{record['id']}",
            "create_path": f"{ws}/collections/notes/records",
            "key": key["secret"],
            "login_body": f'{{"email":"{email}","password":"{PASSWORD}"}}',
        }


class Baseline:
    """The bare handler over Palisade's database file (read only, WAL readers)."""

    def __init__(self, binary, db, work_dir):
        self.binary, self.db = binary, db
        self.port = procs.free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.log = os.path.join(work_dir, "baseline.log")
        self.process = None

    def start(self):
        self.process = procs.spawn(
            [self.binary, "serve", "--db", self.db, "--port", str(self.port)], self.log)
        procs.wait_ready(self.base + "/healthz")

    def stop(self):
        procs.stop(self.process)

    @property
    def pid(self):
        return self.process.pid
