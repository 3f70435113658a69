-- wrk: every request a new one-line sale (unique saleId per thread and request) of one of the demo skus of
-- `central`, for scripts/bench-write. WRK_SALE_RUN keeps ids unique across runs.
local run = os.getenv("WRK_SALE_RUN") or tostring(os.time())
local counter = 0
local thread_id = 0
local threads = {}
-- merged with the -H headers (the token): a table passed to wrk.format would replace them
wrk.headers["Content-Type"] = "application/json"

function setup(thread)
  thread:set("thread_id", #threads + 1)
  table.insert(threads, thread)
end

function request()
  counter = counter + 1
  local sku = string.format("ALM%06d", (counter % 100) + 1)
  local body = string.format(
    '{"saleId":"W%s-%d-%d","branch":"central","soldAt":"%s","lines":[{"sku":"%s","qty":"1","unitPrice":"100.00"}]}',
    run, thread_id, counter, os.date("!%Y-%m-%dT%H:%M:%SZ"), sku)
  return wrk.format("POST", "/api/sales", nil, body)
end
