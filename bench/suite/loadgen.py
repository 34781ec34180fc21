"""The load generator: wrk (2 threads, loopback) with a Lua script per scenario, whose
`done` hook prints the figures as one JSON line (latencies in microseconds)."""

import json
import os
import subprocess
import tempfile

DONE = r"""
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    '\n{"requests":%d,"duration_us":%d,"socket_errors":%d,"non2xx":%d,' ..
    '"p50":%.1f,"p90":%.1f,"p99":%.1f,"p999":%.1f,"max":%.1f}\n',
    summary.requests, summary.duration, e.connect + e.read + e.write + e.timeout, e.status,
    latency:percentile(50), latency:percentile(90), latency:percentile(99),
    latency:percentile(99.9), latency.max))
end
"""


def lua_string(value):
    return json.dumps(value)  # a JSON string literal is a valid Lua string literal here


def fixed(method, headers=None, body=None):
    """Every request the same."""
    lines = [f"wrk.method = {lua_string(method)}"]
    for name, value in (headers or {}).items():
        lines.append(f"wrk.headers[{lua_string(name)}] = {lua_string(value)}")
    if body is not None:
        lines.append(f"wrk.body = {lua_string(body)}")
    return "\n".join(lines) + DONE


def chained_refresh(path, tokens, body_key, token_pattern, header=None):
    """One refresh chain per thread: each answer's new token is sent next (rotation makes
    every refresh token single-use). Run with as many connections as threads."""
    token_list = ", ".join(lua_string(t) for t in tokens)
    set_header = f"headers[{lua_string(header)}] = token" if header else ""
    if body_key:
        body = "'{" + lua_string(body_key) + ":\"' .. token .. '\"}'"
    else:
        body = "'{}'"
    return f"""
local tokens = {{{token_list}}}
local counter = 0
setup = function(thread)
  counter = counter + 1
  thread:set("token", tokens[counter])
end
request = function()
  local headers = {{["Content-Type"] = "application/json"}}
  {set_header}
  local body = {body}
  return wrk.format("POST", {lua_string(path)}, headers, body)
end
response = function(status, headers, body)
  local fresh = body:match({lua_string(token_pattern)})
  if fresh then token = fresh end
end
""" + DONE


def mixed(lines_file, write_percent):
    """Reads and writes spread over workspaces and keys: each request takes a random line
    `slug<TAB>key<TAB>record` of the seeded set."""
    return f"""
local entries = {{}}
local seed = 0
setup = function(thread)
  seed = seed + 1
  thread:set("seed", seed)
end
init = function(args)
  for line in io.lines({lua_string(lines_file)}) do
    local slug, key, record = line:match("([^\\t]+)\\t([^\\t]+)\\t([^\\t]+)")
    if slug then entries[#entries + 1] = {{slug, key, record}} end
  end
  math.randomseed(os.time() * 7919 + (seed or 0))
end
request = function()
  local e = entries[math.random(#entries)]
  local headers = {{["Authorization"] = "Bearer " .. e[2]}}
  local base = "/v1/workspaces/" .. e[1] .. "/collections/notes/records"
  if math.random(100) <= {write_percent} then
    headers["Content-Type"] = "application/json"
    return wrk.format("POST", base, headers, '{{"title":"mixed","n":1}}')
  end
  return wrk.format("GET", base .. "/" .. e[3], headers)
end
""" + DONE


def every_key(lines_file):
    """Reads one record per distinct key of the seeded set, walking the keys in order (each
    wrk thread from its own offset), so each key has been used once afterwards."""
    return f"""
local entries = {{}}
local seed = 0
local next_entry = 1
setup = function(thread)
  seed = seed + 1
  thread:set("seed", seed)
end
init = function(args)
  local seen = {{}}
  for line in io.lines({lua_string(lines_file)}) do
    local slug, key, record = line:match("([^\\t]+)\\t([^\\t]+)\\t([^\\t]+)")
    if slug and not seen[key] then
      seen[key] = true
      entries[#entries + 1] = {{slug, key, record}}
    end
  end
  next_entry = (seed or 0) + 1
end
request = function()
  local e = entries[(next_entry - 1) % #entries + 1]
  next_entry = next_entry + 2
  local headers = {{["Authorization"] = "Bearer " .. e[2]}}
  return wrk.format("GET", "/v1/workspaces/" .. e[1] .. "/collections/notes/records/" .. e[3], headers)
end
""" + DONE


def start(url, script, connections, seconds, threads=2):
    """Starts wrk; `finish` on the result waits and parses it."""
    handle, path = tempfile.mkstemp(suffix=".lua")
    with os.fdopen(handle, "w") as f:
        f.write(script)
    threads = min(threads, connections)
    process = subprocess.Popen(
        ["wrk", f"-t{threads}", f"-c{connections}", f"-d{seconds}s", "--timeout", "10s",
         "-s", path, url],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    return process, path


def finish(started):
    process, path = started
    output, _ = process.communicate()
    os.unlink(path)
    for line in reversed(output.splitlines()):
        if line.startswith('{"requests"'):
            figures = json.loads(line)
            seconds = figures["duration_us"] / 1e6
            figures["rps"] = figures["requests"] / seconds if seconds else 0.0
            figures["errors"] = figures["socket_errors"] + figures["non2xx"]
            return figures
    raise RuntimeError(f"wrk printed no figures:\n{output}")


def run(url, script, connections, seconds, threads=2):
    return finish(start(url, script, connections, seconds, threads))
