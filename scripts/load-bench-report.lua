-- Shared by the load-bench scripts: one `result` line from wrk's summary, latencies in milliseconds.
-- Failures are socket errors (connect, read, write, timeout) and 5xx answers; 4xx answers are counted apart.
local report = {}

function report.line(summary, latency, statuses)
   local seconds = summary.duration / 1e6
   local socket = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
   local mix, failed5xx = {}, 0
   local codes = {}
   for code in pairs(statuses) do codes[#codes + 1] = code end
   table.sort(codes)
   for _, code in ipairs(codes) do
      mix[#mix + 1] = code .. ":" .. statuses[code]
      if code >= 500 then failed5xx = failed5xx + statuses[code] end
   end
   io.write(string.format(
      "result requests=%d rps=%.0f p50_ms=%.2f p99_ms=%.2f max_ms=%.2f socket_errors=%d non2xx=%d failed_5xx=%s status=%s\n",
      summary.requests, summary.requests / seconds, latency:percentile(50) / 1000, latency:percentile(99) / 1000,
      latency.max / 1000, socket, summary.errors.status, #codes > 0 and tostring(failed5xx) or "n/a",
      #mix > 0 and table.concat(mix, ",") or "not-tracked"))
end

return report
