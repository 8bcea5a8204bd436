-- GET the order list (the URL given to wrk) as fast as the connections allow; only the summary is computed, so
-- the script adds nothing per request. A non-2xx answer shows in non2xx.
package.path = debug.getinfo(1, "S").source:sub(2):match("(.*/)") .. "?.lua;" .. package.path
local report = require("load-bench-report")

function done(summary, latency, requests)
   report.line(summary, latency, {})
end
