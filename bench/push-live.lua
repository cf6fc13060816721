-- wrk script: single-entry Pub/Sub push deliveries as a live service sends them: event time moving on 1 ms per
-- delivery (per thread), and one line in 100 a worker exit, the rest request logs. Every insertId is new.
--   wrk -t2 -c64 -d20s -s bench/push-live.lua --latency http://127.0.0.1:8080
local counter = 0
prefix = "" -- set per thread in setup()
start = 0
local template = '{"insertId":"%s","timestamp":"%s",'
  .. '"logName":"projects/p/logs/run.googleapis.com%%2Fstderr","labels":{"instanceId":"wrk-instance-%s"},'
  .. '"resource":{"type":"cloud_run_revision","labels":{"service_name":"wrk-live","revision_name":"wrk-live-00001-abc"}},'
  .. '"textPayload":"%s"}'

local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("prefix", os.time() .. "-" .. threads)
  thread:set("start", os.time())
end

function request()
  counter = counter + 1
  local id = prefix .. "-" .. counter
  local t = start + math.floor(counter / 1000)
  local timestamp = os.date("!%Y-%m-%dT%H:%M:%S", t) .. string.format(".%03dZ", counter % 1000)
  local text = counter % 100 == 0 and "[2025-09-16 00:42:53 +0000] [11] [ERROR] Worker (pid:12) exited with code 3"
    or ("GET /api/orders/" .. counter .. " 200 in 12 ms")
  return wrk.format("POST", "/api/v1/pubsub/push",
    {["Content-Type"] = "application/json", ["x-goog-pubsub-message-id"] = id},
    string.format(template, id, timestamp, prefix, text))
end
