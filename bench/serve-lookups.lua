-- wrk script: each request looks up one real cicid, chosen at random from bench/out/cicids.txt, with a token.
local ids = {}
local token = os.getenv("I94LAKE_BENCH_TOKEN")

for line in io.lines(os.getenv("I94LAKE_BENCH_IDS")) do
  ids[#ids + 1] = line
end

math.randomseed(os.time())

request = function()
  local id = ids[math.random(#ids)]
  return wrk.format("GET", "/api/regulator/arrivals/" .. id, {["Authorization"] = "Bearer " .. token})
end

done = function(summary, latency, requests)
  io.write(string.format("RESULT requests=%d errors=%d non2xx=%d seconds=%.1f rps=%.0f p50=%.2f p95=%.2f p99=%.2f\n",
    summary.requests, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.errors.status, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000))
end
