# shellcheck shell=bash
# Sourced by the benchmarks that need many catalogue products. ensure_bench_products N creates products
# BENCH-00001..BENCH-N through ingest-ocr's catalogue import (POST /api/products/import, BENCH_IMPORT_CHUNK rows
# per request, default 5,000; idempotent; one write per chunk, so the default write rate limit is enough) unless
# query-api already has them, and waits until it has them all. Needs scripts/token and the running local stack.
bench_products() { # how many BENCH- products query-api has (0 when it cannot say)
  local total
  # one login per run: logins are rate limited
  [ -n "${BENCH_VIEWER_TOKEN:-}" ] || BENCH_VIEWER_TOKEN="$(scripts/token viewer)"
  total=$(curl -sf -H "Authorization: Bearer $BENCH_VIEWER_TOKEN" \
    "${ALMACEN_QUERY_URL:-http://127.0.0.1:8080}/api/products?q=bench&size=1" \
    | sed -n 's/.*"total":\([0-9]*\).*/\1/p') || total=0
  echo "${total:-0}"
}
ensure_bench_products() {
  local want="$1" admin ingest chunk started from to answer deadline
  [ "$(bench_products)" -lt "$want" ] || return 0
  admin="$(scripts/token admin)"
  ingest="${ALMACEN_INGEST_URL:-http://127.0.0.1:8081}"
  chunk="${BENCH_IMPORT_CHUNK:-5000}"
  echo "importing $want products, $chunk per request..." >&2
  started=$(date +%s%N)
  for ((from = 1; from <= want; from += chunk)); do
    to=$((from + chunk - 1))
    [ "$to" -gt "$want" ] && to=$want
    answer=$(awk -v from="$from" -v to="$to" -f scripts/lib/products.awk \
      | curl -sS --fail-with-body -X POST -H "Authorization: Bearer $admin" -H "Content-Type: text/csv" \
          --data-binary @- "$ingest/api/products/import") || { echo "import of BENCH-$from..$to failed: $answer" >&2; return 1; }
    if [ "$(sed -n 's/^{"accepted":\([0-9]*\),.*/\1/p' <<<"$answer")" != "$((to - from + 1))" ]; then
      echo "import of BENCH-$from..$to refused rows: ${answer:0:500}" >&2
      return 1
    fi
  done
  echo "imported in $(( ($(date +%s%N) - started) / 1000000 )) ms; waiting for query-api..." >&2
  deadline=$((SECONDS + 120))
  until [ "$(bench_products)" -ge "$want" ]; do
    [ "$SECONDS" -lt "$deadline" ] || { echo "query-api has $(bench_products) of $want after 120 s" >&2; return 1; }
    sleep 1
  done
}
