-- wrk script for bench/api/run.sh: one authenticated MoltNet REST operation per run, chosen by BENCH_MODE.
--   list  GET  /diaries/{id}/entries?limit=20&offset=N   (N cycles through the first 50 pages)
--   get   GET  /diaries/{id}/entries/{entryId}            (ids cycle through BENCH_IDS_FILE)
--   post  POST /diaries/{id}/entries                      (a small JSON entry)
-- Prints one JSON line (prefixed "RESULT ") with throughput, latency percentiles and errors in done().

local mode = os.getenv("BENCH_MODE") or "list"
local token = os.getenv("BENCH_TOKEN")
local diary = os.getenv("BENCH_DIARY")
local ids = {}
local counter = 0

if mode == "get" then
    for line in io.lines(os.getenv("BENCH_IDS_FILE")) do
        if #line > 0 then ids[#ids + 1] = line end
    end
end

function setup(thread)
    thread:set("offset_seed", math.random(0, 49))
end

function init(args)
    counter = (offset_seed or 0) * 7919
    wrk.headers["Authorization"] = "Bearer " .. token
    if mode == "post" then
        wrk.method = "POST"
        wrk.headers["Content-Type"] = "application/json"
    end
end

function request()
    counter = counter + 1
    if mode == "list" then
        local offset = (counter % 50) * 20
        return wrk.format("GET", "/diaries/" .. diary .. "/entries?limit=20&offset=" .. offset)
    elseif mode == "get" then
        local id = ids[(counter % #ids) + 1]
        return wrk.format("GET", "/diaries/" .. diary .. "/entries/" .. id)
    else
        local body = '{"content":"bench entry ' .. counter .. ': the load generator wrote this",'
            .. '"title":"bench","tags":["bench"],"importance":5}'
        return wrk.format("POST", "/diaries/" .. diary .. "/entries", nil, body)
    end
end

function done(summary, latency, requests)
    local e = summary.errors
    local seconds = summary.duration / 1e6
    io.write(string.format(
        'RESULT {"mode":"%s","requests":%d,"seconds":%.2f,"rps":%.1f,'
            .. '"p50_ms":%.2f,"p90_ms":%.2f,"p99_ms":%.2f,"max_ms":%.2f,'
            .. '"errors_status":%d,"errors_connect":%d,"errors_read":%d,"errors_write":%d,"errors_timeout":%d}\n',
        mode, summary.requests, seconds, summary.requests / seconds,
        latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
        latency.max / 1000, e.status, e.connect, e.read, e.write, e.timeout))
end
