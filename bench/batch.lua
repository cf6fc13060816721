-- wrk script: POST /api/v1/entries with the real 1,000-entry export from ../shared, every insertId suffixed
-- per request so that each batch is new.
--   wrk -t2 -c4 -d30s -s bench/batch.lua --latency http://127.0.0.1:8080
local counter = 0
prefix = "" -- set per thread in setup()

local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("prefix", os.time() .. "-" .. threads)
end

-- the export cut after each insertId value, so a request is a cheap concatenation rather than a regex pass
local pieces = {}

function init(args)
  local f = assert(io.open("../shared/corpus/exports/dev/gcp_logs_last_hour_20250915_175001.json", "rb"))
  local export = f:read("*a")
  f:close()
  local pos = 1
  while true do
    local _, e = export:find('"insertId": "[^"]+', pos)
    if not e then break end
    pieces[#pieces + 1] = export:sub(pos, e)
    pos = e + 1
  end
  pieces[#pieces + 1] = export:sub(pos)
end

function request()
  counter = counter + 1
  local suffix = "-" .. prefix .. "-" .. counter
  local parts = {}
  for i = 1, #pieces - 1 do
    parts[#parts + 1] = pieces[i]
    parts[#parts + 1] = suffix
  end
  parts[#parts + 1] = pieces[#pieces]
  return wrk.format("POST", "/api/v1/entries", {["Content-Type"] = "application/json"}, table.concat(parts))
end

function done(summary, latency, requests)
  io.write(string.format("entries/s: %.0f (1000 per request)\n", summary.requests / (summary.duration / 1e6) * 1000))
end
