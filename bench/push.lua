-- wrk script: single-entry Pub/Sub push deliveries (unwrapped, as a push subscription with no wrapper sends
-- them), each with an insertId never sent before.
--   wrk -t2 -c64 -d20s -s bench/push.lua --latency http://127.0.0.1:8080
local counter = 0
prefix = "" -- set per thread in setup()
local template = '{"insertId":"%s","timestamp":"2025-09-16T00:42:54.053646Z",'
  .. '"logName":"projects/p/logs/run.googleapis.com%%2Fstderr","labels":{"instanceId":"wrk-instance"},'
  .. '"resource":{"type":"cloud_run_revision","labels":{"service_name":"wrk","revision_name":"wrk-00001-abc"}},'
  .. '"textPayload":"[2025-09-16 00:42:53 +0000] [11] [ERROR] Worker (pid:12) exited with code 3"}'

local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("prefix", os.time() .. "-" .. threads)
end

function request()
  counter = counter + 1
  local id = prefix .. "-" .. counter
  return wrk.format("POST", "/api/v1/pubsub/push",
    {["Content-Type"] = "application/json", ["x-goog-pubsub-message-id"] = id}, string.format(template, id))
end
