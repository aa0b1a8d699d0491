-- wrk script of run-load.sh: POSTs one signed pull_request delivery again and again, each request with its own
-- X-GitHub-Delivery id (the signature covers only the body, so body and signature are reused).
--
--   LOAD_DIR=DIR LOAD_ACTIVE_SECONDS=S wrk -t2 -c32 -d(S+2)s -s delivery.lua URL -- TAG THREADS [RATE]
--
-- LOAD_DIR holds body.json, signature256 and signature1 (gen-payload.py writes them).
-- LOAD_ACTIVE_SECONDS: requests are sent for this long; after it each connection only waits for its last answer,
--          so when wrk stops at -d nothing is in flight and every request sent has been answered and counted
--          (the server's stored count can then be compared exactly). Run wrk with -d a little longer.
-- TAG      a number (0-4294967295) that makes this run's delivery ids differ from every other run's.
-- THREADS  wrk's -t again (the script cannot see it).
-- RATE     if given, total requests per second to hold. wrk itself has no constant-rate mode (and Debian has no
--          wrk2): each thread keeps a fixed schedule through wrk's delay() hook, so requests go out on time
--          whatever the latency, as long as a connection is free. Latency is measured by wrk from the moment a
--          request is written.
-- At the end one line is printed for run-load.sh:
--   RESULT requests=N active_seconds=S rps=R p50_us=.. p99_us=.. max_us=.. status_2xx=.. status_other=.. socket_errors=..

local ffi = require("ffi")
ffi.cdef [[
  typedef struct { long tv_sec; long tv_nsec; } load_timespec;
  int clock_gettime(int clock, load_timespec *ts);
]]
local CLOCK_MONOTONIC = 1
local ts = ffi.new("load_timespec")
local function now_us()
  ffi.C.clock_gettime(CLOCK_MONOTONIC, ts)
  return tonumber(ts.tv_sec) * 1000000 + tonumber(ts.tv_nsec) / 1000
end

local function read_file(path)
  local f = assert(io.open(path, "rb"), "cannot read " .. path)
  local s = f:read("*a")
  f:close()
  return s
end

-- setup() and done() run in the main Lua state: setup once per thread, done once at the end.
local threads = {}
local next_thread = 0
local active_seconds = tonumber(os.getenv("LOAD_ACTIVE_SECONDS") or "") or error("LOAD_ACTIVE_SECONDS is not set")
function setup(thread)
  thread:set("thread_no", next_thread)
  next_thread = next_thread + 1
  table.insert(threads, thread)
end

-- Per-thread state from here on (each wrk thread has its own Lua state).
local head, tail         -- the request before and after the delivery id
local tag, counter = 0, 0
local interval_us        -- constant-rate schedule of this thread (nil: as fast as possible)
local next_at, stop_at
ok, other = 0, 0         -- globals, so that done() can read them with thread:get

function init(args)
  local dir = os.getenv("LOAD_DIR") or error("LOAD_DIR is not set")
  local body = read_file(dir .. "/body.json")
  local sig256 = read_file(dir .. "/signature256")
  local sig1 = read_file(dir .. "/signature1")
  tag = tonumber(args[1]) or error("TAG missing")
  local thread_count = tonumber(args[2]) or error("THREADS missing")
  stop_at = now_us() + 1000000 * active_seconds
  local rate = tonumber(args[3] or "0")
  if rate > 0 then
    interval_us = 1000000 * thread_count / rate
  end
  -- What GitHub sends (header names as GitHub spells them), less the varying delivery id.
  head = "POST " .. wrk.path .. " HTTP/1.1\r\n"
    .. "Host: " .. wrk.host .. ":" .. wrk.port .. "\r\n"
    .. "Accept: */*\r\n"
    .. "User-Agent: GitHub-Hookshot/7a1c2b3\r\n"
    .. "Content-Type: application/json\r\n"
    .. "Content-Length: " .. #body .. "\r\n"
    .. "X-GitHub-Event: pull_request\r\n"
    .. "X-GitHub-Hook-ID: 512345678\r\n"
    .. "X-GitHub-Hook-Installation-Target-ID: 375512098\r\n"
    .. "X-GitHub-Hook-Installation-Target-Type: repository\r\n"
    .. "X-Hub-Signature: " .. sig1 .. "\r\n"
    .. "X-Hub-Signature-256: " .. sig256 .. "\r\n"
    .. "X-GitHub-Delivery: "
  tail = "\r\n\r\n" .. body
end

function request()
  counter = counter + 1
  -- Shaped like GitHub's ids (a UUID): run tag, thread, counter.
  return head .. string.format("%08x-%04x-4000-8000-%012x", tag, thread_no, counter) .. tail
end

-- Called before every request (wrk calls it only because the script defines it): milliseconds to wait.
function delay()
  local now = now_us()
  if now >= stop_at then
    return 3600000 -- past the active window: send nothing more, let wrk's -d end the run
  end
  if interval_us == nil then
    return 0
  end
  next_at = (next_at or now) + interval_us
  local wait = next_at - now
  if wait <= 0 then
    return 0
  end
  return math.floor(wait / 1000 + 0.5)
end

function response(status, headers, body)
  if status >= 200 and status < 300 then
    ok = ok + 1
  else
    other = other + 1
  end
end

function done(summary, latency, requests)
  local ok_total, other_total = 0, 0
  for _, t in ipairs(threads) do
    ok_total = ok_total + t:get("ok")
    other_total = other_total + t:get("other")
  end
  local e = summary.errors
  local active = math.min(active_seconds, summary.duration / 1000000)
  io.write(string.format(
    "RESULT requests=%d active_seconds=%.1f rps=%.0f p50_us=%d p99_us=%d max_us=%d status_2xx=%d status_other=%d socket_errors=%d\n",
    summary.requests, active, summary.requests / active, latency:percentile(50), latency:percentile(99), latency.max,
    ok_total, other_total, e.connect + e.read + e.write + e.timeout))
end
