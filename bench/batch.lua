-- wrk script: POST /api/v1/entries with the real 1,000-entry export from ../shared, every insertId suffixed
-- per request so that each batch is new.
--   wrk -t2 -c4 -d30s -s bench/batch.lua --latency http://127.0.0.1:8080
local export
local counter = 0
prefix = "" -- set per thread in setup()

local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("prefix", os.time() .. "-" .. threads)
end

function init(args)
  local f = assert(io.open("../shared/corpus/exports/dev/gcp_logs_last_hour_20250915_175001.json", "rb"))
  export = f:read("*a")
  f:close()
end

function request()
  counter = counter + 1
  local suffix = prefix .. "-" .. counter
  local body = export:gsub('"insertId": "([^"]+)"', '"insertId": "%1-' .. suffix .. '"')
  return wrk.format("POST", "/api/v1/entries", {["Content-Type"] = "application/json"}, body)
end

function done(summary, latency, requests)
  io.write(string.format("entries/s: %.0f (1000 per request)\n", summary.requests / (summary.duration / 1e6) * 1000))
end
