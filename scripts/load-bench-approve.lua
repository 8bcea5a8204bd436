-- Approve-then-hold pairs over the orders waiting for review: request 2k approves an order and request 2k+1 holds
-- it again, so every approval does the real work (reserving stock) instead of meeting an order approved already.
-- Each wrk thread takes its own share of the ids (file $ZG_ORDER_IDS, one a line) and cycles over it. Approve is
-- allowed from pendingReview and onHold, hold from pendingReview and approved, so a pair racing on two
-- connections still succeeds; the body is empty (Content-Length: 0); an order short of stock answers 409 to each approval. Status codes are counted.
package.path = debug.getinfo(1, "S").source:sub(2):match("(.*/)") .. "?.lua;" .. package.path
local report = require("load-bench-report")

local threads = {}
local next_index = 0

function setup(thread)
   thread:set("index", next_index)
   next_index = next_index + 1
   threads[#threads + 1] = thread
end

function init(args)
   local all = {}
   for line in io.lines(os.getenv("ZG_ORDER_IDS")) do all[#all + 1] = line end
   mine = {}
   for i = 1, #all do
      if (i - 1) % thread_count() == index then mine[#mine + 1] = all[i] end
   end
   sent = 0
   statuses = {}
end

function thread_count()
   return tonumber(os.getenv("ZG_THREADS") or "2")
end

function request()
   local id = mine[(math.floor(sent / 2) % #mine) + 1]
   local action = sent % 2 == 0 and "approve" or "hold"
   sent = sent + 1
   return wrk.format("POST", "/api/v1/orders/" .. id .. "/" .. action, nil, "")
end

function response(status, headers, body)
   statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
   local total = {}
   for _, thread in ipairs(threads) do
      for code, count in pairs(thread:get("statuses")) do total[code] = (total[code] or 0) + count end
   end
   report.line(summary, latency, total)
end
