#!/usr/bin/env bash
# Crash recovery under the run-local supervisor (called by scripts/fault-suite with the stack running):
# SIGKILLs each service once and measures the seconds until it runs again (a new JVM in its pid file,
# must be <= 10 s), until it is healthy, and for stream-inventory and ingest-ocr until a new sale shows
# in GET /api/stock/{sku} on query-api (from healthy; must be <= 15 s).
#   scripts/lib/supervision-check.sh ADMIN_TOKEN SKU      (ALMACEN_HOME set)
set -euo pipefail
TOKEN="$1"
SKU="$2"
PIDS="$ALMACEN_HOME/pids"
declare -A PORT=([query-api]=8080 [ingest-ocr]=8081 [stream-inventory]=8082 [stream-pricing]=8083)
FAILED=0

now() { date +%s.%N; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }
longer_than() { awk -v s="$(since "$1")" -v max="$2" 'BEGIN { exit !(s + 0 > max) }'; } # start seconds
alive() { [ -n "$1" ] && kill -0 "$1" 2>/dev/null; }
healthy() { [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "http://127.0.0.1:${PORT[$1]}/actuator/health")" = 200 ]; }
on_hand() {
  curl -sf --max-time 2 -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:8080/api/stock/$SKU?branch=central" \
    | grep -o '"onHand":-\?[0-9.]*' | cut -d: -f2
}
sell_one() {
  curl -sf -o /dev/null --max-time 10 -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
    -d "{\"saleId\":\"SUP-$1-$(date +%s%N)\",\"branch\":\"central\",\"soldAt\":\"$(date -Iseconds)\",\"lines\":[{\"sku\":\"$SKU\",\"qty\":1,\"unitPrice\":100.00}]}" \
    http://127.0.0.1:8081/api/sales
}

# seconds until a sale posted now shows in query-api, or "never" after 60 s
sale_reflected() {
  local start before after
  start="$(now)"
  before="$(on_hand || true)"
  until sell_one "$1"; do
    longer_than "$start" 60 && { echo never; return; }
    sleep 0.2
  done
  while :; do
    after="$(on_hand || true)"
    if [ -n "$after" ] && awk -v a="$after" -v b="$before" 'BEGIN { exit !(a == b - 1) }'; then since "$start"; return; fi
    longer_than "$start" 60 && { echo never; return; }
    sleep 0.1
  done
}

over() { awk -v v="$1" -v max="$2" 'BEGIN { exit !(v == "never" || v + 0 > max) }'; }

for name in ingest-ocr stream-inventory stream-pricing query-api; do
  old="$(cat "$PIDS/$name.pid")"
  killed_at="$(now)"
  kill -KILL "$old"
  while alive "$old"; do sleep 0.05; done
  running=never
  until longer_than "$killed_at" 60; do
    pid="$(cat "$PIDS/$name.pid" 2>/dev/null || true)"
    if [ "$pid" != "$old" ] && alive "$pid"; then running="$(since "$killed_at")"; break; fi
    sleep 0.1
  done
  started_at="$(now)"
  healthy_s=never
  until longer_than "$killed_at" 180; do
    if healthy "$name"; then healthy_s="$(since "$killed_at")"; break; fi
    sleep 0.2
  done
  line="  $name: SIGKILL -> running again in ${running} s, healthy in ${healthy_s} s"
  if [ "$name" = stream-inventory ] || [ "$name" = ingest-ocr ]; then
    reflected="$(sale_reflected "$name")"
    line="$line, a new sale in query-api ${reflected} s after healthy ($(since "$started_at") s after its start)"
    if over "$reflected" 15; then echo "$name: a new sale took more than 15 s to show" >&2; FAILED=1; fi
  fi
  echo "$line"
  if over "$running" 10; then echo "$name was not running again within 10 s" >&2; FAILED=1; fi
  if [ "$healthy_s" = never ]; then echo "$name never became healthy again" >&2; FAILED=1; fi
done
exit "$FAILED"
