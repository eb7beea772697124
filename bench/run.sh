#!/usr/bin/env bash
# County-scale benchmark (issue 8). Generates the county data set once (database gridwork_county),
# starts Gridwork on it with a 1 GB heap, logs in as each role, warms up (a round over every page, then
# each page again before it is measured), then drives each page with wrk (16 connections) and prints
# requests/s, p50, p99, the ratio to the baseline page and SQL statements per request (asked for by one
# probe request per page). Writes bench/results.md and bench/results.json.
#
#   bash bench/run.sh                      # county preset (first run generates it: ~10 min)
#   PRESET=town DB=gridwork_town bash bench/run.sh
#   DURATION=30 bash bench/run.sh           # seconds per page (default 15)
#   PAGES="campaign-progress campaign-summary" bash bench/run.sh   # only these pages (and the baseline);
#                                             results.md and results.json are then left as they are
#   JAR=/tmp/other.jar bash bench/run.sh     # measure that jar instead of building target/
set -euo pipefail
cd "$(dirname "$0")/.."

PRESET=${PRESET:-county}
DB=${DB:-gridwork_$PRESET}
PORT=${PORT:-8090}
DURATION=${DURATION:-15}
WARMUP=${WARMUP:-8}
# the baseline again for this many seconds just before and just after each page: this machine's
# speed moves from minute to minute, so each page is compared with the baseline of its own minutes
NEAR=${NEAR:-5}
# rounds over every page before any is measured, so the JIT has compiled the shared code: after one
# round the baseline still rose from 450 to 1,170 req/s during the measurements, pages measured
# early were measured half-compiled
WARMUP_ROUND=${WARMUP_ROUND:-20}
WARMUP_ROUNDS=${WARMUP_ROUNDS:-2}
CONNECTIONS=${CONNECTIONS:-16}
BASE="http://127.0.0.1:$PORT"
OUT=bench/out
mkdir -p "$OUT"

command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
PAGES=${PAGES:-}
JAR=${JAR:-$(ls target/gridwork-*.jar 2>/dev/null | head -n1 || true)}
if [ -z "$JAR" ] || { [[ "$JAR" == target/* ]] && [ -n "$(find src pom.xml -newer "$JAR" -print -quit)" ]; }; then
  ./mvnw -B -q package -DskipTests
  JAR=$(ls target/gridwork-*.jar | head -n1)
fi

if ! psql -h 127.0.0.1 -U postgres -d "$DB" -tAc "select 1 from app_user limit 1" 2>/dev/null | grep -q 1; then
  echo "== generating the $PRESET data set into $DB"
  psql -h 127.0.0.1 -U postgres -qc "drop database if exists $DB"
  start=$(date +%s)
  java -Xmx2g -jar "$JAR" --spring.profiles.active=datagen --gridwork.datagen.preset="$PRESET" \
    --gridwork.database.name="$DB" --gridwork.datagen.exit=true --server.port=0 > "$OUT/datagen.log" 2>&1
  echo "   generated in $(( $(date +%s) - start )) s"
fi

# Run as in production: the jar extracted (no nested-jar class loading) with a class data sharing
# archive from a training run (classes loaded once, then mapped from the archive at start-up).
APP_DIR="$OUT/app"
APP_JAR="$APP_DIR/$(basename "$JAR")"
if [ ! -f "$APP_DIR/app.jsa" ] || [ "$JAR" -nt "$APP_DIR/app.jsa" ]; then
  echo "== extracting the jar and recording its class data sharing archive"
  rm -rf "$APP_DIR"
  java -Djarmode=tools -jar "$JAR" extract --destination "$APP_DIR" > /dev/null
  java -Xms1g -Xmx1g -XX:ArchiveClassesAtExit="$APP_DIR/app.jsa" -Dspring.context.exit=onRefresh -jar "$APP_JAR" \
    --gridwork.database.name="$DB" --server.port=0 > "$OUT/training.log" 2>&1 || true
fi
CDS=()
[ -f "$APP_DIR/app.jsa" ] && CDS=(-XX:SharedArchiveFile="$APP_DIR/app.jsa")

echo "== starting Gridwork on $DB (heap 1 GB)"
start_ms=$(date +%s%3N)
java -Xms1g -Xmx1g "${CDS[@]}" -jar "$APP_JAR" --gridwork.database.name="$DB" --server.port="$PORT" \
  --gridwork.diagnostics.sql-count=true > "$OUT/app.log" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null || true' EXIT
until curl -fs "$BASE/actuator/health" >/dev/null 2>&1; do
  kill -0 $APP 2>/dev/null || { echo "Gridwork did not start, see $OUT/app.log"; exit 1; }
  sleep 0.2
done
STARTUP_MS=$(( $(date +%s%3N) - start_ms ))
echo "   started in ${STARTUP_MS} ms"

# login USER -> prints the Cookie header value of a logged-in session
login() {
  local jar="$OUT/cookies-$1"
  rm -f "$jar"
  local token
  token=$(curl -s -c "$jar" -b "$jar" "$BASE/login" | grep -o 'name="_csrf" value="[^"]*"' | sed 's/.*value="//;s/"$//')
  curl -s -c "$jar" -b "$jar" -o /dev/null -d "username=$1&password=gridwork-demo&_csrf=$token" "$BASE/login"
  # HttpOnly cookies are written as "#HttpOnly_host ..." lines
  sed 's/^#HttpOnly_//' "$jar" | awk '!/^#/ && NF >= 7 {printf "%s=%s; ", $6, $7}'

}

# Real users each have their own session: log every role in once per connection, and let the
# wrk script spread requests over those sessions (one shared session would serialise on its row).
declare -A COOKIE
for u in admin supervisor sup-130528112 staff; do
  : > "$OUT/sessions-$u.lua"
  echo "sessions = {" > "$OUT/sessions-$u.lua"
  for _ in $(seq 1 "$CONNECTIONS"); do
    c=$(login "$u")
    echo "  \"$c\"," >> "$OUT/sessions-$u.lua"
    COOKIE[$u]=$c
  done
  echo "}" >> "$OUT/sessions-$u.lua"
done

RESULTS="$OUT/results.tsv"
: > "$RESULTS"

# measure NAME USER PATH [LUA [POST-BODY-FOR-THE-SQL-PROBE]]
measure() {
  local name=$1 user=$2 path=$3 lua=${4:-} probe=${5:-}
  # PAGES: only the pages named (the baseline always, as every ratio needs it)
  if [ -n "$PAGES" ] && [ "$name" != baseline ] && [[ " $PAGES " != *" $name "* ]]; then
    return
  fi
  local cookie=${COOKIE[$user]}
  local sql probe_args=() headers
  [ -n "$probe" ] && probe_args=(--data "$probe")
  headers=$(curl -s -o /dev/null -D - -H "Cookie: $cookie" -H "X-Gridwork-SQL-Count: ask" "${probe_args[@]}" "$BASE$path" | tr -d '\r')
  # a page that answers with the login page or an error would measure nothing real
  if ! head -n1 <<<"$headers" | grep -qE ' (200|302)'; then
    echo "   $name: $path answered $(head -n1 <<<"$headers") for $user; not measured" >&2
    return
  fi
  if grep -qi '^location: .*/login' <<<"$headers"; then
    echo "   $name: $path sent $user to the login page; not measured" >&2
    return
  fi
  sql=$(awk -F': ' 'tolower($1)=="x-gridwork-sql-count"{print $2}' <<<"$headers")
  # the script: the user's sessions, then the page's own request body (if any), then the rotation
  local script="$OUT/run-$name.lua"
  cat "$OUT/sessions-$user.lua" > "$script"
  [ -n "$lua" ] && cat "$lua" >> "$script"
  cat >> "$script" <<'LUA'
local n = 0
local make = body_for or function(i) return nil end
request = function()
  n = n + 1
  local i = (n % #sessions) + 1
  local headers = { ["Cookie"] = sessions[i] }
  local body = make(i)
  if body then headers["Content-Type"] = "application/x-www-form-urlencoded" end
  return wrk.format(body and "POST" or nil, nil, headers, body)
end
LUA
  local args=(-t2 -c"$CONNECTIONS" --latency --timeout 10s -s "$script")
  if [ "${MODE:-measure}" = warm ]; then
    wrk "${args[@]}" -d"${WARMUP_ROUND}s" "$BASE$path" > /dev/null
    return
  fi
  wrk "${args[@]}" -d"${WARMUP}s" "$BASE$path" > /dev/null
  local before=""
  [ "$name" != baseline ] && before=$(baseline_rps)
  wrk "${args[@]}" -d"${DURATION}s" "$BASE$path" > "$OUT/wrk-$name.txt"
  local rps p50 p99 errors near
  rps=$(awk '/Requests\/sec/ {print $2}' "$OUT/wrk-$name.txt")
  near=$rps
  [ "$name" != baseline ] && near=$(python3 -c "print(round(($before + $(baseline_rps)) / 2, 2))")
  p50=$(awk '$1=="50%" {print $2}' "$OUT/wrk-$name.txt")
  p99=$(awk '$1=="99%" {print $2}' "$OUT/wrk-$name.txt")
  # answers other than 2xx/3xx, plus connect/read/write errors and timeouts
  errors=$(awk '/Non-2xx/ {n += $5} /Socket errors/ {gsub(",", ""); n += $4 + $6 + $8 + $10} END {print n + 0}' "$OUT/wrk-$name.txt")
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$name" "$path" "$rps" "$p50" "$p99" "${sql:-?}" "${errors:-0}" "$near" >> "$RESULTS"
  printf '   %-28s %10s req/s  p50 %8s  p99 %8s  sql %s  errors %s  baseline nearby %s req/s\n' "$name" "$rps" "$p50" "$p99" \
    "${sql:-?}" "${errors:-0}" "$near"
}

# the baseline page for NEAR seconds (its script was written when it was measured, first of all)
baseline_rps() {
  wrk -t2 -c"$CONNECTIONS" --timeout 10s -s "$OUT/run-baseline.lua" -d"${NEAR}s" "$BASE/me" \
    | awk '/Requests\/sec/ {print $2}'
}

MODE=warm
for round in $(seq 1 "$WARMUP_ROUNDS"); do
  echo "== warming up, round $round of $WARMUP_ROUNDS: every page for $WARMUP_ROUND s"
  # shellcheck source=bench/pages.sh
  source bench/pages.sh
done
: > "$RESULTS"
echo "== measuring ($DURATION s per page, $CONNECTIONS connections)"
MODE=measure
source bench/pages.sh

if [ -n "$PAGES" ]; then
  echo "== only $PAGES measured: bench/results.md left as it is; the rows are in $RESULTS"
  cat "$RESULTS"
else
  python3 bench/report.py "$RESULTS" "$STARTUP_MS" "$PRESET" "$DB"
fi
