-- wrk script: POST /api/v1/entries with the real 1,000-entry export from ../shared as live services would send
-- it: every request moves the export's timestamps two minutes on (it spans 1 m 47 s) and suffixes every
-- insertId, so each batch is new and follows the one before in event time, as correlation sees a live service.
-- Each wrk thread is its own service (the export's service name, suffixed "-t1", "-t2"...): wrk threads run at
-- their own pace, so two threads taking turns at one service's minutes would drift hours apart, which no live
-- sink does. Each run starts after the runs before it (100 two-minute slots per second of wall time, more than a
-- thread sends), so a second run against the same app never lands on the minutes of the first. The slots cycle
-- every 10,000 s (2.8 hours) through the four years before the export: Rootline refuses entries timed more than a
-- day ahead, as Cloud Logging does.
--   wrk -t2 -c2 -d30s -s bench/stream.lua --latency http://127.0.0.1:8080
local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("tid", threads)
  thread:set("prefix", os.time() .. "-" .. threads)
end

local pieces, kinds = {}, {}
local EXPORT_START = os.time({year = 2025, month = 9, day = 16, hour = 0, min = 40, sec = 0, isdst = false})

function init(args)
  local f = assert(io.open("../shared/corpus/exports/dev/gcp_logs_last_hour_20250915_175001.json", "rb"))
  local export = f:read("*a")
  f:close()
  local pos = 1
  while true do
    local _, idEnd = export:find('"insertId": "[^"]+', pos)
    local _, serviceEnd = export:find('"service_name": "[^"]+', pos)
    local tsStart, tsEnd, minute = export:find('"timestamp": "2025%-09%-16T00:4(%d)', pos)
    local next = math.min(idEnd or math.huge, serviceEnd or math.huge, tsStart or math.huge)
    if next == math.huge then break end
    if next == tsStart then
      pieces[#pieces + 1] = export:sub(pos, tsStart + #'"timestamp": "' - 1)
      kinds[#kinds + 1] = tonumber(minute)
      pos = tsEnd + 1
    else
      pieces[#pieces + 1] = export:sub(pos, next)
      kinds[#kinds + 1] = next == idEnd and "id" or "service"
      pos = next + 1
    end
  end
  pieces[#pieces + 1] = export:sub(pos)
end

local counter = 0
local RUN_START = (os.time() % 10000) * 100
local FOUR_YEARS_BACK = -4 * 365 * 86400
function request()
  counter = counter + 1
  local suffix = "-" .. prefix .. "-" .. counter
  local replacements = {id = suffix, service = "-t" .. tid}
  local shift = FOUR_YEARS_BACK + (RUN_START + counter - 1) * 120
  local minutes = {}
  for m = 0, 9 do
    minutes[m] = os.date("!%Y-%m-%dT%H:%M", EXPORT_START + shift + m * 60)
  end
  local parts = {}
  for i = 1, #pieces - 1 do
    parts[#parts + 1] = pieces[i]
    parts[#parts + 1] = replacements[kinds[i]] or minutes[kinds[i]]
  end
  parts[#parts + 1] = pieces[#pieces]
  return wrk.format("POST", "/api/v1/entries", {["Content-Type"] = "application/json"}, table.concat(parts))
end
