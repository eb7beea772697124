#!/usr/bin/env bash
# Restarts PostgreSQL in the middle of a load run against a running Gridwork and reports what
# users saw: errors during the outage and how long the app took to recover by itself once the
# database was back. It restarts the whole PostgreSQL cluster: every database on it goes down.
#   scripts/db-restart-under-load.sh [BASE_URL] [SECONDS] [RESTART_AFTER]
# Needs wrk, curl and pg_ctlcluster (run as root or postgres). Defaults: localhost:8104, 30 s, 10 s.
set -euo pipefail
cd "$(dirname "$0")/.."
base="${1:-http://localhost:8104}"; base="${base%/}"
duration="${2:-30}"
restart_after="${3:-10}"
user="${LOAD_USER:-staff}"; password="${LOAD_PASSWORD:-gridwork-demo}"
cluster="${PG_CLUSTER:-15 main}"
work="$(mktemp -d)"
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT

now_ms() { date +%s%3N; }

session="$(security/login-session.sh "$base" "$user" "$password")"
echo "Logged in as $user; load: ${duration}s of wrk (2 threads, 20 connections) on $base/ with a database-backed session."

# Probe: one request every 100 ms, time and status, to measure the outage precisely.
( end=$(( $(now_ms) + duration * 1000 )); while [ "$(now_ms)" -lt "$end" ]; do
    code="$(curl -s -o /dev/null -m 5 -w '%{http_code}' -H "Cookie: SESSION=$session" "$base/" || echo 000)"
    echo "$(now_ms) $code" >> "$work/probe"
    sleep 0.1
  done ) &
wrk -t2 -c20 -d"${duration}s" --timeout 10s -H "Cookie: SESSION=$session" "$base/" > "$work/wrk" 2>&1 &
wrk_pid=$!

sleep "$restart_after"
restart_start=$(now_ms)
pg_ctlcluster --skip-systemctl-redirect $cluster restart
until pg_isready -q -h 127.0.0.1 -p 5432; do sleep 0.05; done
db_back=$(now_ms)
echo "PostgreSQL restarted: down and back in $(( db_back - restart_start )) ms"

wait "$wrk_pid" || true
wait || true

python3 - "$work/probe" "$restart_start" "$db_back" <<'PY'
import sys
probe = [tuple(map(int, l.split())) for l in open(sys.argv[1]) if l.strip()]
restart, back = int(sys.argv[2]), int(sys.argv[3])
statuses = {}
for _, c in probe:
    statuses[c] = statuses.get(c, 0) + 1
failed = [(t, c) for t, c in probe if c != 200]
print(f"probe: {len(probe)} requests, status counts {dict(sorted(statuses.items()))}")
after = [(t, c) for t, c in probe if t >= restart]
first_fail = next((t for t, c in after if c != 200), None)
last_fail = max((t for t, c in failed if t >= restart), default=None)
recovered = next((t for t, c in after if c == 200 and (last_fail is None or t > last_fail)), None)
if first_fail is None:
    print("no failed request seen by the probe during the restart")
else:
    print(f"first failure {first_fail - restart} ms after the restart began; errors answered as {sorted({c for t, c in failed})}")
    if recovered:
        print(f"recovered: first success {recovered - back} ms after PostgreSQL accepted connections again "
              f"(outage seen by users: {recovered - first_fail} ms)")
        print("RECOVERY " + ("OK (< 10 s)" if recovered - back < 10_000 else "TOO SLOW (>= 10 s)"))
    else:
        print("NOT RECOVERED before the end of the run")
slow = [t for t, c in failed]
PY
echo "--- wrk"
cat "$work/wrk"
