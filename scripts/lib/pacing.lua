-- wrk pacing: each connection waits WRK_DELAY_MS between requests, so CONNECTIONS / (delay + latency)
-- sets the offered rate (wrk has no fixed-rate mode; wrk2 is not in Debian). wrk reports the rate it got.
local pause = tonumber(os.getenv("WRK_DELAY_MS") or "10")
function delay()
  return pause
end
