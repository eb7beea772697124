#!/usr/bin/env bash
# Logs in to a running Gridwork through the real login form (CSRF token included) and prints the
# SESSION cookie value. Used by security/scan.sh and scripts/db-restart-under-load.sh.
#   security/login-session.sh BASE_URL USER PASSWORD
set -euo pipefail
base="${1:?base URL}" user="${2:?user}" password="${3:?password}"
jar="$(mktemp)"
trap 'rm -f "$jar"' EXIT
page="$(curl -fsS -c "$jar" -b "$jar" "$base/login")"
csrf="$(printf '%s' "$page" | grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//')"
[ -n "$csrf" ] || { echo "no CSRF token on $base/login" >&2; exit 1; }
location="$(curl -sS -o /dev/null -w '%{redirect_url}' -c "$jar" -b "$jar" \
    --data-urlencode "username=$user" --data-urlencode "password=$password" --data-urlencode "_csrf=$csrf" \
    "$base/login")"
case "$location" in
  *error*|"") echo "login as $user failed (redirected to '$location')" >&2; exit 1 ;;
  *login/totp*|*account/password*|*account/totp*)
    echo "login as $user needs a second step ($location): use a user without 2FA or forced password change" >&2; exit 1 ;;
esac
awk '$6 == "SESSION" { print $7 }' "$jar" | tail -1
