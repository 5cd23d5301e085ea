-- wrk reporter: one JSON line with what the benchmark needs (median, p95, throughput, errors).
-- With BENCH_UNCACHED=1 every request gets a unique `_` query parameter, so that no response
-- comes from the page cache: it measures the pages as rendered for a cache miss.
if os.getenv("BENCH_UNCACHED") == "1" then
  local threads = 0
  function setup(thread)
    threads = threads + 1
    thread:set("thread_number", threads)
  end
  function init(args)
    run = tostring(os.time()) .. "-" .. tostring(math.floor(os.clock() * 1e6))
    counter = 0
  end
  function request()
    counter = counter + 1
    local separator = string.find(wrk.path, "?", 1, true) and "&" or "?"
    return wrk.format(nil, wrk.path .. separator .. "_=" .. run .. "-" .. tostring(thread_number) .. "-" .. counter)
  end
end

done = function(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  io.write(string.format(
    '{"requests": %d, "duration_us": %d, "bytes": %d, "p50_us": %d, "p95_us": %d, "p99_us": %d, "errors": %d, "non2xx": %d}\n',
    summary.requests, summary.duration, summary.bytes, latency:percentile(50), latency:percentile(95),
    latency:percentile(99), errors, summary.errors.status))
end
