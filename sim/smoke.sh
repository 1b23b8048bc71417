#!/usr/bin/env bash
# Smoke test of the simulator over HTTP: start it recording, call every endpoint with curl
# (successes and errors), then check the recording against the official Webex spec.
#
# Phase 1 records only spec-conformant traffic to $REC and must give 0 violations.
# Phase 2 records the deliberate off-spec traffic (live-org quirks, requests missing required
# fields) to $OFFSPEC and shows that its violations are exactly the expected ones.
#
# usage: sim/smoke.sh            (env: PORT=18181 REC=/tmp/sim.jsonl OFFSPEC=/tmp/sim-offspec.jsonl)
set -euo pipefail
cd "$(dirname "$0")/.."

PORT=${PORT:-18181}
REC=${REC:-/tmp/sim.jsonl}
OFFSPEC=${OFFSPEC:-/tmp/sim-offspec.jsonl}
CHECK=${CHECK:-../shared/tools/webex-spec-check}
BASE="http://127.0.0.1:$PORT"
API="$BASE/v1"
ADMIN=demo-admin-token
READONLY=demo-readonly-token
PARTNER=partner-admin-token
TRUNKS="$API/telephony/config/premisePstn/trunks"
TMP=$(mktemp -d)
SIM_PID=

cargo build --quiet -p webex-sim

start_sim() {
  rm -f "$1"
  target/debug/webex-sim --addr "127.0.0.1:$PORT" --oauth-auto --record "$1" >"$TMP/sim.log" 2>&1 &
  SIM_PID=$!
  for _ in $(seq 50); do
    curl -s -o /dev/null "$BASE/_sim/faults" && return 0
    sleep 0.1
  done
  echo "the simulator did not start:"; cat "$TMP/sim.log"; exit 1
}

stop_sim() {
  if [ -n "$SIM_PID" ]; then kill "$SIM_PID" 2>/dev/null || true; wait "$SIM_PID" 2>/dev/null || true; SIM_PID=; fi
}
trap 'stop_sim; rm -rf "$TMP"' EXIT

calls=0
# req EXPECTED METHOD URL [TOKEN] [JSON]: one call; fails the script on another status.
# The answer body is left in $TMP/body, the headers in $TMP/headers.
req() {
  local expected=$1 method=$2 url=$3 token=${4:-} body=${5:-}
  local args=(-s -o "$TMP/body" -D "$TMP/headers" -w '%{http_code}' -X "$method")
  [ -n "$token" ] && args+=(-H "Authorization: Bearer $token")
  [ -n "$body" ] && args+=(-H 'Content-Type: application/json' --data "$body")
  local status
  status=$(curl "${args[@]}" "$url")
  calls=$((calls + 1))
  printf '%-4s %-7s %s\n' "$status" "$method" "${url#"$API"}"
  if [ "$status" != "$expected" ]; then
    echo "  expected $expected, got $status: $(cat "$TMP/body")"; exit 1
  fi
}
json() { jq -r "$1" "$TMP/body"; }
header() { grep -i "^$1:" "$TMP/headers" | cut -d' ' -f2- | tr -d '\r'; }
id_of() { # id_of URL KEY NAME [TOKEN]
  req 200 GET "$1" "${4:-$ADMIN}" >/dev/null
  jq -r --arg n "$3" ".$2[] | select(.name == \$n) | .id" "$TMP/body"
}

echo "== phase 1: spec-conformant traffic -> $REC"
start_sim "$REC"

# --- who am I, auth errors
req 200 GET "$API/people/me" $ADMIN
ORG=$(json .orgId)
req 401 GET "$API/people/me"
[ "$(json '.errors[0].errorCode')" != null ] && [ "$(json .trackingId)" = "$(header trackingid)" ]
req 401 GET "$API/people/me" not-a-token
curl -s -X POST "$BASE/_sim/tokens" -d '{"token":"gone","expiresIn":0}' >/dev/null
req 401 GET "$API/people/me" gone
req 200 GET "$API/organizations" $ADMIN
req 200 GET "$API/organizations" $PARTNER
GLOBEX=$(jq -r '.items[] | select(.displayName == "Globex Retail") | .id' "$TMP/body")

# --- locations
req 200 GET "$API/locations?max=5" $ADMIN
header link | grep -q 'rel="next"'
req 200 GET "$API/locations?name=office" $ADMIN
req 200 GET "$API/locations?orgId=$GLOBEX" $PARTNER
req 403 GET "$API/locations?orgId=$GLOBEX" $ADMIN
req 200 GET "$API/telephony/config/locations?max=5&order=desc" $ADMIN
NEXT=$(header link | sed -E 's/^<([^>]*)>.*/\1/')
req 200 GET "$NEXT" $ADMIN
req 200 GET "$API/telephony/config/locations?name=London" $READONLY
LON=$(json '.locations[0].id')
req 200 GET "$API/telephony/config/locations?orgId=$ORG&start=0&max=100&order=asc" $PARTNER
SJC=$(jq -r '.locations[] | select(.name == "San Jose HQ") | .id' "$TMP/body")
NYC=$(jq -r '.locations[] | select(.name == "New York Office") | .id' "$TMP/body")
MAN=$(jq -r '.locations[] | select(.name == "Manchester Support") | .id' "$TMP/body")
TOR=$(jq -r '.locations[] | select(.name == "Toronto Office") | .id' "$TMP/body")
CHI=$(jq -r '.locations[] | select(.name == "Chicago Sales") | .id' "$TMP/body")
PAR=$(jq -r '.locations[] | select(.name == "Paris Office") | .id' "$TMP/body")
curl -s -X POST "$BASE/_sim/tokens" -d '{"token":"people-only","scopes":["spark:people_read"]}' >/dev/null
req 403 GET "$API/telephony/config/locations" people-only
grep -q telephony_config_read "$TMP/body"
req 200 GET "$API/telephony/config/locations/$SJC" $ADMIN
[ "$(json .connection.type)" = TRUNK ]
req 200 GET "$API/telephony/config/locations/$NYC?orgId=$ORG" $PARTNER
req 404 GET "$API/telephony/config/locations/Y2lzY29zcGFyazovL3VzL0xPQ0FUSU9OL25vbmU" $ADMIN
req 200 POST "$API/telephony/config/locations/$TOR/actions/generatePassword/invoke" $ADMIN '{"generate":["sip"]}'
PASSWORD=$(json .exampleSipPassword)
req 200 POST "$API/telephony/config/locations/$TOR/actions/generatePassword/invoke" $ADMIN
req 403 POST "$API/telephony/config/locations/$TOR/actions/generatePassword/invoke" $READONLY '{"generate":["sip"]}'
req 404 POST "$API/telephony/config/locations/unknown/actions/generatePassword/invoke" $ADMIN '{"generate":["sip"]}'

# --- trunk types, FQDN validation
req 200 GET "$TRUNKS/trunkTypes" $ADMIN
req 204 POST "$TRUNKS/actions/fqdnValidation/invoke" $ADMIN '{"address":"sbc-tor1.example.com","domain":"example.com","port":5061}'
req 400 POST "$TRUNKS/actions/fqdnValidation/invoke" $ADMIN '{"address":"sbc.contoso.com","domain":"contoso.com","port":5061}'
[ "$(json '.errors[0].errorCode')" = 25024 ]
req 409 POST "$TRUNKS/actions/fqdnValidation/invoke" $ADMIN '{"address":"sbc-lon1.example.com","domain":"example.com","port":5061}'
[ "$(json '.errors[0].errorCode')" = 27571 ]
req 400 POST "$TRUNKS/actions/fqdnValidation/invoke" $ADMIN '{"address":"sbc-tor1.example.com","domain":"example.com","port":70000}'
req 403 POST "$TRUNKS/actions/fqdnValidation/invoke" $READONLY '{"address":"sbc-tor1.example.com","domain":"example.com","port":5061}'

# --- create trunks
req 201 POST "$TRUNKS" $ADMIN "{\"name\":\"TOR-CUBE-01\",\"locationId\":\"$TOR\",\"password\":\"$PASSWORD\",\"trunkType\":\"REGISTERING\",\"deviceType\":\"Cisco Unified Border Element\",\"dualIdentitySupportEnabled\":false}"
TOR_TRUNK=$(json .id)
req 201 POST "$TRUNKS" $ADMIN "{\"name\":\"TOR-SBC-01\",\"locationId\":\"$TOR\",\"password\":\"$PASSWORD\",\"trunkType\":\"CERTIFICATE_BASED\",\"deviceType\":\"AudioCodes Mediant SBC\",\"address\":\"sbc-tor1.example.com\",\"domain\":\"example.com\",\"port\":5061,\"maxConcurrentCalls\":1500,\"pChargeInfoSupportPolicy\":\"ASSERTED_IDENTITY\"}"
TOR_SBC=$(json .id)
req 409 POST "$TRUNKS" $ADMIN "{\"name\":\"TOR-CUBE-01\",\"locationId\":\"$TOR\",\"password\":\"x\",\"trunkType\":\"REGISTERING\"}"
req 404 POST "$TRUNKS" $ADMIN "{\"name\":\"NOWHERE\",\"locationId\":\"Y2lzY29zcGFyazovL3VzL0xPQ0FUSU9OL25vbmU\",\"password\":\"x\",\"trunkType\":\"REGISTERING\"}"
req 400 POST "$TRUNKS" $ADMIN "{\"name\":\"TOR-SBC-02\",\"locationId\":\"$TOR\",\"password\":\"x\",\"trunkType\":\"CERTIFICATE_BASED\"}"
grep -q address "$TMP/body"
req 400 POST "$TRUNKS" $ADMIN "{\"name\":\"TOR-SBC-02\",\"locationId\":\"$TOR\",\"password\":\"x\",\"trunkType\":\"CERTIFICATE_BASED\",\"address\":\"sbc-tor2.example.com\",\"domain\":\"example.com\",\"port\":0,\"maxConcurrentCalls\":300}"
req 400 POST "$TRUNKS" $ADMIN "{\"name\":\"TOR-SBC-02\",\"locationId\":\"$TOR\",\"password\":\"x\",\"trunkType\":\"CERTIFICATE_BASED\",\"address\":\"sbc-tor2.example.com\",\"domain\":\"example.com\",\"port\":5061,\"maxConcurrentCalls\":5000}"
req 400 POST "$TRUNKS" $ADMIN "{\"name\":\"TOR-SBC-02\",\"locationId\":\"$TOR\",\"password\":\"x\",\"trunkType\":\"CERTIFICATE_BASED\",\"deviceType\":\"Fax Machine\",\"address\":\"sbc-tor2.example.com\",\"domain\":\"example.com\",\"port\":5061,\"maxConcurrentCalls\":300}"
req 400 POST "$TRUNKS" $ADMIN "{\"name\":\"TOR-SBC-02\",\"locationId\":\"$TOR\",\"password\":\"x\",\"trunkType\":\"CERTIFICATE_BASED\",\"address\":\"sbc.contoso.com\",\"domain\":\"contoso.com\",\"port\":5061,\"maxConcurrentCalls\":300}"
req 403 POST "$TRUNKS" $READONLY "{\"name\":\"RO\",\"locationId\":\"$TOR\",\"password\":\"x\",\"trunkType\":\"REGISTERING\"}"

# --- list and read trunks
req 200 GET "$TRUNKS" $ADMIN
SJC_TRUNK=$(jq -r '.trunks[] | select(.name == "SJC-CUBE-01") | .id' "$TMP/body")
req 200 GET "$TRUNKS?name=CUBE&locationName=New%20York&trunkType=REGISTERING&order=name-desc&start=0&max=1" $READONLY
header link | grep -q 'start=1'
req 200 GET "$TRUNKS?order=locationName&max=3" $ADMIN
req 200 GET "$TRUNKS?orgId=$GLOBEX" $PARTNER
DEN_TRUNK=$(jq -r '.trunks[] | select(.name == "DEN-CUBE-01") | .id' "$TMP/body")
req 200 GET "$TRUNKS/$TOR_TRUNK" $ADMIN
json .linePort | grep -q '_LGU@64941297.int10.bcld.webex.com'
req 200 GET "$TRUNKS/$TOR_SBC" $ADMIN
req 200 GET "$TRUNKS/$SJC_TRUNK" $READONLY
req 200 GET "$TRUNKS/$DEN_TRUNK?orgId=$GLOBEX" $PARTNER
req 404 GET "$TRUNKS/$DEN_TRUNK" $ADMIN
req 404 GET "$TRUNKS/Y2lzY29zcGFyazovL3VzL1RSVU5LL25vbmU" $ADMIN

# --- modify, usage, delete
req 204 PUT "$TRUNKS/$TOR_TRUNK" $ADMIN "{\"name\":\"TOR-CUBE-1A\",\"password\":\"$PASSWORD\",\"dualIdentitySupportEnabled\":true,\"pChargeInfoSupportPolicy\":\"DISABLED\"}"
req 204 PUT "$TRUNKS/$TOR_SBC" $ADMIN "{\"name\":\"TOR-SBC-01\",\"password\":\"$PASSWORD\",\"maxConcurrentCalls\":800}"
req 400 PUT "$TRUNKS/$TOR_SBC" $ADMIN "{\"name\":\"TOR-SBC-01\",\"password\":\"$PASSWORD\",\"maxConcurrentCalls\":9000}"
req 409 PUT "$TRUNKS/$TOR_TRUNK" $ADMIN "{\"name\":\"SJC-CUBE-01\",\"password\":\"x\"}"
req 404 PUT "$TRUNKS/Y2lzY29zcGFyazovL3VzL1RSVU5LL25vbmU" $ADMIN '{"name":"x","password":"x"}'
req 403 PUT "$TRUNKS/$TOR_TRUNK" $READONLY '{"name":"x","password":"x"}'
req 200 GET "$TRUNKS/$SJC_TRUNK/usage" $ADMIN
req 200 GET "$TRUNKS/$TOR_TRUNK/usage" $ADMIN
req 404 GET "$TRUNKS/Y2lzY29zcGFyazovL3VzL1RSVU5LL25vbmU/usage" $ADMIN
req 409 DELETE "$TRUNKS/$SJC_TRUNK" $ADMIN
req 403 DELETE "$TRUNKS/$TOR_SBC" $READONLY
req 204 DELETE "$TRUNKS/$TOR_SBC" $ADMIN
req 404 DELETE "$TRUNKS/$TOR_SBC" $ADMIN

# --- route groups
RG="$API/telephony/config/premisePstn/routeGroups"
req 200 GET "$RG" $ADMIN
RG_US=$(jq -r '.routeGroups[] | select(.name == "RG-US-East") | .id' "$TMP/body")
req 200 GET "$RG?name=EMEA&order=desc&start=0&max=10" $READONLY
RG_EMEA=$(json '.routeGroups[0].id')
req 200 GET "$RG/$RG_US" $ADMIN
req 200 GET "$RG?orgId=$GLOBEX" $PARTNER
req 404 GET "$RG/Y2lzY29zcGFyazovL3VzL1JPVVRFX0dST1VQL25vbmU" $ADMIN

# --- PSTN
PSTN="$API/telephony/pstn/locations"
req 200 GET "$PSTN/$MAN/connectionOptions" $ADMIN
LGW_OPTION=$(jq -r '.items[] | select(.pstnConnectionType == "LOCAL_GATEWAY") | .id' "$TMP/body")
CLOUD_OPTION=$(jq -r '[.items[] | select(.pstnConnectionType == "NON_INTEGRATED_CCP")][0].id' "$TMP/body")
INTEGRATED_OPTION=$(jq -r '.items[] | select(.pstnConnectionType == "INTEGRATED_CCP") | .id' "$TMP/body")
req 200 GET "$PSTN/$CHI/connectionOptions?serviceTypes=TOLLFREE_NUMBERS" $READONLY
CISCO_OPTION=$(jq -r '.items[] | select(.pstnConnectionType == "CISCO_PSTN") | .id' "$TMP/body")
req 404 GET "$PSTN/unknown/connectionOptions" $ADMIN
req 404 GET "$PSTN/$MAN/connection" $ADMIN
json .message | grep -q 'PSTN for the location is not configured'
req 200 GET "$PSTN/$CHI/connection" $ADMIN
req 200 GET "$PSTN/$PAR/connection" $ADMIN
req 200 GET "$PSTN/$NYC/connection" $READONLY
req 400 PUT "$PSTN/$MAN/connection" $ADMIN '{}'
req 400 PUT "$PSTN/$MAN/connection" $ADMIN '{"premiseRouteType":"TRUNK"}'
req 400 PUT "$PSTN/$MAN/connection" $ADMIN '{"premiseRouteType":"TRUNK","premiseRouteId":"Y2lzY29zcGFyazovL3VzL1RSVU5LL25vbmU"}'
req 400 PUT "$PSTN/$MAN/connection" $ADMIN "{\"premiseRouteType\":\"ROUTE_GROUP\",\"premiseRouteId\":\"$SJC_TRUNK\"}"
req 400 PUT "$PSTN/$MAN/connection" $ADMIN "{\"id\":\"$LGW_OPTION\"}"
req 400 PUT "$PSTN/$MAN/connection" $ADMIN "{\"id\":\"$INTEGRATED_OPTION\"}"
req 400 PUT "$PSTN/$CHI/connection" $ADMIN "{\"id\":\"$CISCO_OPTION\"}"
req 400 PUT "$PSTN/$MAN/connection" $ADMIN '{"id":"nope"}'
req 403 PUT "$PSTN/$MAN/connection" $READONLY "{\"id\":\"$CLOUD_OPTION\"}"
req 204 PUT "$PSTN/$MAN/connection" $ADMIN "{\"id\":\"$LGW_OPTION\",\"premiseRouteType\":\"TRUNK\",\"premiseRouteId\":\"$TOR_TRUNK\"}"
req 200 GET "$PSTN/$MAN/connection" $ADMIN
[ "$(json .routeId)" = "$TOR_TRUNK" ]
req 200 GET "$API/telephony/config/locations/$MAN" $ADMIN
req 200 GET "$TRUNKS/$TOR_TRUNK/usage" $ADMIN
[ "$(json .pstnConnectionCount)" = 1 ]
req 409 DELETE "$TRUNKS/$TOR_TRUNK" $ADMIN
req 204 PUT "$PSTN/$MAN/connection" $ADMIN "{\"premiseRouteType\":\"ROUTE_GROUP\",\"premiseRouteId\":\"$RG_EMEA\"}"
req 200 GET "$PSTN/$MAN/connection" $ADMIN
req 204 PUT "$PSTN/$MAN/connection" $ADMIN "{\"id\":\"$CLOUD_OPTION\"}"
req 200 GET "$PSTN/$MAN/connection" $ADMIN
DUB=$(id_of "$API/telephony/config/locations?orgId=$GLOBEX" locations "Globex Dublin" $PARTNER)
req 200 GET "$PSTN/$DUB/connection?orgId=$GLOBEX" $PARTNER
req 403 GET "$PSTN/$DUB/connection?orgId=$GLOBEX" $ADMIN

# --- faults (429 with Retry-After, 503, delay only)
curl -s -X POST "$BASE/_sim/faults" -d "{\"method\":\"GET\",\"path\":\"/v1/telephony/config/premisePstn/trunks\",\"status\":429,\"retryAfter\":2}" >/dev/null
req 429 GET "$TRUNKS" $ADMIN
[ "$(header retry-after)" = 2 ]
req 200 GET "$TRUNKS" $ADMIN
curl -s -X POST "$BASE/_sim/faults" -d "{\"method\":\"PUT\",\"path\":\"/v1/telephony/pstn/locations/$MAN/connection\",\"status\":503,\"count\":1}" >/dev/null
req 503 PUT "$PSTN/$MAN/connection" $ADMIN "{\"id\":\"$CLOUD_OPTION\"}"
curl -s -X POST "$BASE/_sim/faults" -d '{"method":"GET","path":"/v1/people/me","delayMs":200}' >/dev/null
req 200 GET "$API/people/me" $ADMIN

# --- CORS preflight and sign-in (not recorded: OPTIONS and OAuth are not spec operations)
curl -s -o /dev/null -D "$TMP/headers" -X OPTIONS "$TRUNKS" -H 'Origin: http://127.0.0.1:8080' \
  -H 'Access-Control-Request-Method: POST' -H 'Access-Control-Request-Headers: authorization,content-type'
header access-control-allow-origin | grep -q '\*'
header access-control-allow-headers | grep -qi authorization
echo "     OPTIONS preflight ok"
LOCATION=$(curl -s -o /dev/null -w '%{redirect_url}' "$API/authorize?client_id=console&response_type=token&redirect_uri=http%3A%2F%2F127.0.0.1%3A8080%2F&scope=spark%3Apeople_read&state=abc")
echo "$LOCATION" | grep -q '#access_token=.*state=abc'
echo "     implicit sign-in ok"

EXCHANGES=$(curl -s "$BASE/_sim/exchanges" | jq length)
echo "calls: $calls, exchanges in memory: $EXCHANGES, lines recorded: $(wc -l <"$REC")"
[ "$EXCHANGES" = "$(wc -l <"$REC")" ]
stop_sim

echo "== spec check of $REC"
python3 "$CHECK" "$REC"

echo
echo "== phase 2: deliberate off-spec traffic -> $OFFSPEC"
start_sim "$OFFSPEC"
BER_TRUNK=$(id_of "$TRUNKS" trunks BER-SBC-01)
LON_TRUNK=$(id_of "$TRUNKS" trunks LON-SBC-01)
NYC2_TRUNK=$(id_of "$TRUNKS" trunks NYC-CUBE-02)
MAN=$(id_of "$API/telephony/config/locations" locations "Manchester Support")
req 206 GET "$TRUNKS/$BER_TRUNK" $ADMIN   # 206 with responseStatus warnings
req 200 GET "$TRUNKS/$LON_TRUNK" $ADMIN   # organization instead of customer
req 200 GET "$TRUNKS/$NYC2_TRUNK" $ADMIN  # status in lower case
req 200 GET "$API/telephony/config/locations/$MAN" $ADMIN  # no PSTN: no connection
req 400 POST "$TRUNKS" $ADMIN '{"name":"only-a-name"}'     # required fields missing
req 400 POST "$TRUNKS" $ADMIN "{\"name\":\"x\",\"locationId\":\"$MAN\",\"password\":\"x\",\"trunkType\":\"SIP\"}"
req 400 PUT "$API/telephony/pstn/locations/$MAN/connection" $ADMIN '{"premiseRouteType":"GATEWAY","premiseRouteId":"x"}'
req 200 GET "$API/locations?max=5&start=5" $ADMIN          # /locations has no start in the spec
stop_sim
echo "== spec check of $OFFSPEC (violations expected, one family per line above)"
python3 "$CHECK" "$OFFSPEC" | tee "$TMP/offspec.txt" || true
unexpected=$(grep -v '^checked' "$TMP/offspec.txt" | grep -Ev \
  "status 206 is not documented|'customer' is a required property|'online' is not one of|'connection' is a required property|is a required property|'SIP' is not one of|'GATEWAY' is not one of|query parameter 'start' is not in the spec" || true)
if [ -n "$unexpected" ]; then echo "unexpected violations:"; echo "$unexpected"; exit 1; fi
echo "smoke: ok"
