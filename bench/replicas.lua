-- wrk script: bench/stream.lua's load spread over two replicas, one wrk thread each: odd threads go to the URL's
-- replica, even ones to SECOND_PORT's on the same host. Same services, same batches, same connections as the
-- stream sent to one replica.
--   SECOND_PORT=8082 wrk -t2 -c2 -d30s -s bench/replicas.lua http://127.0.0.1:8081
dofile("bench/stream.lua")
local streamSetup = setup
local started = 0
function setup(thread)
  streamSetup(thread)
  started = started + 1
  if started % 2 == 0 then
    thread.addr = wrk.lookup("127.0.0.1", os.getenv("SECOND_PORT"))[1]
  end
end
