# Pages measured by bench/run.sh (sourced; uses its measure function, COOKIE array and BASE).
# measure NAME USER PATH [LUA-SCRIPT]

psql_value() { psql -h 127.0.0.1 -U postgres -d "$DB" -tAc "$1"; }

STAFF_RESIDENT=$(psql_value "select r.id from resident r join grid_staff gs on gs.grid_id = r.grid_id
  join app_user u on u.id = gs.user_id where u.username = 'staff' and r.status = 'LIVING' order by r.id limit 1")
ISSUE=$(psql_value "select max(id) / 2 from issue")
DEEP_ISSUE=$(psql_value "select max(id) / 5 from issue")
# a valid ID number (checksum right) that is not registered: the lookup goes through the keyed-hash index
ID_NUMBER=$(python3 -c "
w=[7,9,10,5,8,4,2,1,6,3,7,9,10,5,8,4,2]; c='10X98765432'; s='13052819560412123'
print(s + c[sum(int(a)*b for a,b in zip(s,w)) % 11])")

measure baseline          staff       "/me"
measure staff-today       staff       "/today"
measure resident-search-name supervisor "/residents?q=%E7%8E%8B%E5%BB%BA"
measure resident-search-id   supervisor "/residents?q=$ID_NUMBER"
measure resident-list-deep   supervisor "/residents?afterName=%E5%BC%A0&afterId=400000"
measure issue-list-filtered  supervisor "/issues?status=CLOSED&categoryId=$(psql_value "select min(id) from issue_category where parent_id is not null")"
measure issue-list-deep      supervisor "/issues?before=$DEEP_ISSUE"
measure issue-page           admin      "/issues/$ISSUE"
measure dashboard-county     supervisor "/dashboard"
measure dashboard-town       sup-130528112 "/dashboard?node=130528112"
measure open311-requests     staff      "/open311/v2/requests.json"
# Up the chain (issue 21): the county desk's queue and the monthly burden of work given to grid staff
measure issue-list-escalated supervisor "/issues?view=ESCALATED"
measure task-burden          supervisor "/tasks/burden"
# Campaigns (issue 20): the generated county-wide campaign, half done
CAMPAIGN=$(psql_value "select max(id) from campaign where status = 'LAUNCHED'")
measure campaign-staff-list  staff      "/campaigns"
measure campaign-progress    supervisor "/campaigns/$CAMPAIGN"
measure campaign-summary     supervisor "/campaigns/$CAMPAIGN/summary"
# Residents' pages (issue 19), no login needed: the report form, and the tracking page of a code
# planted on the newest Open311 request (the generator makes no residents' reports).
psql_value "insert into public_report(issue_id, tracking_code, address_hash, device_id, created_at)
  select id, 'BENCH23456', 'bench', 'bench', now() from issue where source = 'OPEN311' order by id desc limit 1
  on conflict do nothing" > /dev/null
measure public-report        staff      "/public/report"
measure public-track         staff      "/public/track/BENCH23456"

# Visit logging: a POST per request, each with a fresh idempotency token, as the phone form sends it
# (issued with the form: time-ordered, see shared.id.TimeOrderedUuid).
# CSRF tokens belong to sessions: fetch one for each of staff's sessions, in the same order.
CSRF_LIST=$(sed -n 's/^  "\(.*\)",$/\1/p' "$OUT/sessions-staff.lua" | while read -r c; do
  curl -s -H "Cookie: $c" "$BASE/visits/new?residentId=$STAFF_RESIDENT" \
    | grep -o 'name="_csrf" value="[^"]*"' | head -n1 | sed 's/.*value="//;s/"$//'
done)
{
  echo "csrfs = {"
  for t in $CSRF_LIST; do echo "  \"$t\","; done
  echo "}"
  cat <<LUA
math.randomseed(os.time() + math.floor(os.clock() * 100000))
-- the form's token as the server issues it: a version 7 UUID, milliseconds first (TimeOrderedUuid)
local sent = 0
body_for = function(i)
  sent = sent + 1
  local ms = os.time() * 1000 + sent % 1000
  local token = string.format("%08x-%04x-7%03x-a%03x-%012x", math.floor(ms / 65536), ms % 65536,
    math.random(0, 0xfff), math.random(0, 0xfff), math.random(0, 0x7fffffff) * 8192 + math.random(0, 8191))
  return "_csrf=" .. csrfs[i] .. "&token=" .. token .. "&residentId=$STAFF_RESIDENT&kind=CARE&condition=GOOD"
    .. "&findings=%E8%BA%AB%E4%BD%93%E8%89%AF%E5%A5%BD&needs="
end
LUA
} > "$OUT/visit-post.lua"
CSRF=$(echo "$CSRF_LIST" | tail -n1)
PROBE_TOKEN=$(python3 -c "import uuid; print(uuid.uuid4())")
measure visit-logging staff "/visits" "$OUT/visit-post.lua" \
  "_csrf=$CSRF&token=$PROBE_TOKEN&residentId=$STAFF_RESIDENT&kind=CARE&condition=GOOD&findings=ok&needs="
