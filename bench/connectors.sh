#!/usr/bin/env bash
# Connector throughput into the resolver queue: starts the server in target/bench (port offset 350: HTTP 8430,
# management 10340), fills the membership queue, deploys the hub and lets it drain the queue, then drops leasing
# exports with N rows; prints records/s for each connector, measured by the hub itself (GET /hub/api/connectors: first
# and last time a batch of the source was queued), while the resolver works through the queue on the same two cores.
# Usage: bench/connectors.sh [records per connector, default 100000]; a short run: bench/connectors.sh 2000
# Needs a build first: ./mvnw -o -q -DskipTests package
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-100000}
ROOT=$PWD
WILDFLY=$ROOT/target/wildfly-39.0.1.Final
BASE=$ROOT/target/bench
OFFSET=350
SIM="java -jar $ROOT/simulators/target/atrium-simulators.jar"
API=http://127.0.0.1:$((8080 + OFFSET))/hub/api
BROKER="tcp://127.0.0.1:$((8080 + OFFSET))?httpUpgradeEnabled=true&httpUpgradeEndpoint=http-acceptor"
AUTH='operator:operator-pass1!'
source "$ROOT/bench/lib/server.sh"

rm -rf "$BASE" && mkdir -p "$BASE/deployments" "$BASE/staging"
cp -r "$WILDFLY/standalone/configuration" "$BASE/"
JBOSS_HOME=$WILDFLY bash "$ROOT/config/cli/add-demo-users.sh" "$BASE/configuration" > /dev/null
SERVER=
trap stop_server EXIT
launch_server "$BASE/server.out" -Djboss.socket.binding.port-offset=$OFFSET -P "$ROOT/config/atrium.properties" \
  -Datrium.leasing.poll-delay=200 -Datrium.canonical.poll-delay=200
until grep -q WFLYSRV0025 "$BASE/server.out"; do sleep 1; kill -0 "$SERVER"; done

activity() { # source field
  curl -s -u "$AUTH" "$API/connectors" | python3 -c "
import json, sys
from datetime import datetime
a = next((x for x in json.load(sys.stdin)['sources'] if x['source'] == '$1'), None)
if a is None: print(0); sys.exit()
if '$2' == 'rate':
    t = lambda s: datetime.fromisoformat(s.replace('Z', '+00:00')).timestamp()
    span = t(a['lastQueuedAt']) - t(a['firstQueuedAt'])
    print(f\"{a['queued']} records queued, {a['quarantined']} quarantined, in {span:.1f} s: {a['queued'] / span:.0f} records/s\")
else: print(a['queued'] + a['quarantined'])"
}
await_count() { # source expected
  local start=$SECONDS
  until [ "$(activity "$1" count)" -ge "$2" ]; do
    sleep 1
    if (( SECONDS - start > 900 )); then echo "timed out waiting for $1" >&2; exit 1; fi
  done
}

echo "== membership: $N XML events on hub.in.membership, sent before the hub is deployed, then drained"
$SIM membership-flood --count "$N" --membership-url "$BROKER" 2>/dev/null
cp ear/target/atrium.ear "$BASE/deployments/"
await_hub "$API" "$BASE/server.out"
SENT=$(JBOSS_HOME=$WILDFLY "$WILDFLY/bin/jboss-cli.sh" -c --controller=127.0.0.1:$((9990 + OFFSET)) --command="/subsystem=messaging-activemq/server=default/jms-queue=hub.in.membership:read-attribute(name=messages-added)" | sed -n 's/.*"result" => \([0-9]*\)L.*/\1/p')
await_count membership "$SENT"
echo "membership: $(activity membership rate)"

echo "== leasing: $N rows in GBK CSV exports, taken after their .done markers"
$SIM leasing-files --rows "$N" --rows-per-file 10000 --broken-row-rate 0.01 --dir "$BASE/staging/leasing"
mkdir -p "$BASE/data/atrium/inbox/leasing"
for csv in "$BASE"/staging/leasing/*.csv; do mv "$csv" "$BASE/data/atrium/inbox/leasing/"; done
for done in "$BASE"/staging/leasing/*.done; do mv "$done" "$BASE/data/atrium/inbox/leasing/"; done
await_count leasing "$N"
echo "leasing: $(activity leasing rate)"
