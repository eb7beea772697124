#!/usr/bin/env bash
# Scans a running Gridwork with Debian's wapiti (web vulnerabilities) and sqlmap (SQL injection),
# logged in as an administrator so the scanners reach every screen. Fails (exit 1) on any finding
# above informational. It changes data (forms are submitted): scan a throw-away instance, e.g.
#   GRIDWORK_DATABASE_NAME=gridwork_scan ./mvnw spring-boot:run -Dspring-boot.run.arguments=--server.port=8104
#   security/scan.sh http://localhost:8104
# Settings: SCAN_USER / SCAN_PASSWORD (default: demo admin), SCAN_MAX_TIME seconds for wapiti
# (default 900), SCAN_OUT report folder (default target/security-scan).
set -euo pipefail
cd "$(dirname "$0")/.."
base="${1:-http://localhost:8104}"
base="${base%/}"
user="${SCAN_USER:-admin}"
password="${SCAN_PASSWORD:-gridwork-demo}"
max_time="${SCAN_MAX_TIME:-900}"
out="${SCAN_OUT:-target/security-scan}"
mkdir -p "$out"

missing=()
command -v wapiti >/dev/null || missing+=(wapiti)
command -v sqlmap >/dev/null || missing+=(sqlmap)
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing ${missing[*]} (Debian packages)..."
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}"
fi

curl -fsS -o /dev/null "$base/login" || { echo "Gridwork is not answering at $base" >&2; exit 2; }
session="$(security/login-session.sh "$base" "$user" "$password")"
echo "Logged in as $user (session cookie obtained)."

findings=0

echo "== wapiti (max ${max_time}s)"
# Logout, disabling a user or resetting a password (the scanner's own included) would end the
# scanner's session or lock it out; _csrf is a token, not an input worth attacking.
# Debian's wapiti 3.0.4 fails on Python 3.11 as soon as -x is given (its wildcard regex puts the
# (?ms) flags at the end); run it with that one function fixed.
run_wapiti() {
  local python
  python="$(head -1 "$(command -v wapiti)" | sed 's/^#! *//; s/ .*//')"
  "$python" - "$@" <<'PY'
import re, sys
import wapitiCore.net.crawler as crawler
def wildcard_translate(pattern):
    return re.compile(r"(?ms)" + "".join(".*" if c == "*" else re.escape(c) for c in pattern) + r"\Z")
crawler.wildcard_translate = wildcard_translate
from importlib.metadata import distribution
entry = next(e for e in distribution("wapiti3").entry_points if e.group == "console_scripts" and e.name == "wapiti")
sys.argv[0] = "wapiti"
sys.exit(entry.load()())
PY
}
run_wapiti -u "$base/" --scope folder -H "Cookie: SESSION=$session" \
    -x "$base/logout" -x "$base/login" -x "$base/account/totp*" -x "$base/admin/users/*/disable" \
    -x "$base/admin/users/*/reset-password" \
    --skip _csrf --flush-session --max-scan-time "$max_time" --max-attack-time 120 \
    -f json -o "$out/wapiti.json" --no-bugreport -v 1 || true
if [ -f "$out/wapiti.json" ]; then
  wapiti_findings="$(python3 - "$out/wapiti.json" "$base" <<'PY'
import json, sys
report = json.load(open(sys.argv[1]))
plain_http = sys.argv[2].startswith("http://")
count = 0
for section in ("vulnerabilities", "anomalies"):
    for category, items in (report.get(section) or {}).items():
        if plain_http and category == "Secure Flag cookie":
            # the prod profile sets Secure (served over HTTPS); a plain-HTTP test instance cannot
            print(f"  ({len(items)} '{category}' item(s) ignored: scanning over plain HTTP)", file=sys.stderr)
            continue
        kept = []
        for item in items:
            info = item.get("info", "")
            if plain_http and "Strict-Transport-Security" in info:
                # HSTS is sent on HTTPS requests only (browsers ignore it over HTTP)
                print("  (HSTS over plain HTTP ignored: it is sent on HTTPS)", file=sys.stderr)
            elif "X-XSS-Protection" in info:
                # by design: Spring Security sends "X-XSS-Protection: 0" as OWASP advises; the
                # browsers' XSS auditor is gone or harmful and the strict CSP does the job
                print("  (X-XSS-Protection: 0 is deliberate, see OWASP Secure Headers)", file=sys.stderr)
            else:
                kept.append(item)
        items = kept
        for item in items:
            level = item.get("level", 1)
            if level >= 1:  # 0 is informational
                count += 1
                print(f"  {section}: {category}: {item.get('method')} {item.get('path')} {item.get('parameter', '')} "
                      f"level {level}: {item.get('info', '')}", file=sys.stderr)
print(count)
PY
)"
  echo "wapiti: $wapiti_findings finding(s) above informational (report $out/wapiti.json)"
  findings=$((findings + wapiti_findings))
else
  echo "wapiti wrote no report: counted as a failure"
  findings=$((findings + 1))
fi

echo "== sqlmap"
sqlmap_targets=(
  "$base/admin/users?q=wang&role=GRID_STAFF&enabled=true"
  "$base/admin/audit?actor=admin&action=LOGIN&targetType=USER&targetId=1&address=127.0.0.1"
)
for target in "${sqlmap_targets[@]}"; do
  sqlmap -u "$target" --cookie="SESSION=$session" --batch --level 2 --risk 1 \
      --output-dir "$out/sqlmap" --flush-session >"$out/sqlmap-last.log" 2>&1 || true
  if grep -qE "sqlmap identified the following injection point|is vulnerable" "$out/sqlmap-last.log"; then
    echo "  INJECTION: $target"; findings=$((findings + 1))
  else
    echo "  clean: $target"
  fi
done
# A POST form with its CSRF token fetched afresh for every request.
sqlmap -u "$base/admin/departments" --data "code=SCAN1&name=scan&active=true&_csrf=x" --csrf-token=_csrf \
    --csrf-url="$base/admin/departments/new" --cookie="SESSION=$session" --batch --level 1 --risk 1 \
    --skip=_csrf --output-dir "$out/sqlmap" --flush-session >"$out/sqlmap-last.log" 2>&1 || true
if grep -qE "sqlmap identified the following injection point|is vulnerable" "$out/sqlmap-last.log"; then
  echo "  INJECTION: POST /admin/departments"; findings=$((findings + 1))
else
  echo "  clean: POST /admin/departments"
fi

echo "== $findings finding(s) above informational"
[ "$findings" -eq 0 ]
