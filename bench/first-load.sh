#!/usr/bin/env bash
# First load at scale: generates the simulators' population of N records (default 1,000,000; the population
# BENCHMARKS.md's matcher figures use, seed 20260303), starts a fresh hub on its own PostgreSQL (port 5651) and
# WildFly base dir (port offset 430: HTTP 8510), posts the file to POST /hub/api/loads as one streamed body and
# polls GET /hub/api/loads/{id} until it ends; then prints the wall time (post to a queryable view), records/s,
# the hub's peak memory (the JVM's peak resident set, VmHWM), the database's size, the tables' counts and a
# lookup of a loaded customer. Everything runs in target/bench-first-load/ (bench/lib/hub-postgres.sh).
# Runs under /tmp/atrium-heavy.lock, held for the whole run (HEAVY_LOCK_HELD=1: the caller holds it already).
# Env: HUB_HEAP (the hub's -Xmx, default 8g).
# Needs a build first: ./mvnw -q -DskipTests package (the hub's EAR and the simulators)
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -z "${HEAVY_LOCK_HELD:-}" ]; then
  exec flock /tmp/atrium-heavy.lock env HEAVY_LOCK_HELD=1 "$0" "$@"
fi
SECONDS=0
RECORDS=${1:-1000000}
# generated once, outside the work dir (which the shared part empties)
POPULATION=$PWD/target/first-load-population-$RECORDS.jsonl
if [ ! -s "$POPULATION" ]; then
  echo "[$(date +%T)] simulating a population of $RECORDS records"
  java -jar simulators/target/atrium-simulators.jar population --seed 20260303 --persons $((RECORDS * 39 / 100)) \
    --records "$RECORDS" --output "$POPULATION.tmp" 2>&1 | tail -1
  mv "$POPULATION.tmp" "$POPULATION"
fi
BENCH=bench-first-load PGPORT=5651 OFFSET=430 HEAP=${HUB_HEAP:-8g}
source "$(dirname "$0")/lib/hub-postgres.sh"
JVM=$(pgrep -P "$SERVER" java)

stamp "posting $(du -h "$POPULATION" | cut -f1) to POST /loads; uptime: $(uptime)"
T0=$(date +%s.%N)
# streamed from the file (-T), without waiting for a 100 Continue
ANSWER=$(curl -s -w '\n%{http_code}' -u 'admin:admin-pass1!' -H 'Content-Type: application/x-ndjson' -H 'Expect:' -H 'Transfer-Encoding: chunked' -X POST \
  -T "$POPULATION" "$API/loads")
[ "$(echo "$ANSWER" | tail -1)" = 202 ] || { echo "the load was refused: $ANSWER" >&2; exit 1; }
ID=$(echo "$ANSWER" | head -1 | python3 -c 'import json, sys; print(json.load(sys.stdin)["id"])')
T1=$(date +%s.%N)
stamp "load $ID accepted after $(echo "$T1 - $T0" | bc) s (the body on the hub's disk)"
while true; do
  STATUS=$(curl -sf -u 'operator:operator-pass1!' "$API/loads/$ID")
  STATE=$(echo "$STATUS" | python3 -c 'import json, sys; s = json.load(sys.stdin); print(s["state"], s["phase"], "%.2f" % s["progress"], s.get("secondsLeft"), s["recordsRead"], s["customers"])')
  echo "  [$(date +%T)] state phase progress secondsLeft recordsRead customers: $STATE"
  case "$STATE" in RUNNING*) sleep 5 ;; *) break ;; esac
  # every run under the heavy lock ends within 20 minutes
  if (( SECONDS > 1140 )); then echo "the load still runs after 19 minutes: stopped unfinished" >&2; exit 1; fi
done
T2=$(date +%s.%N)
echo "$STATUS" | python3 -c 'import json, sys; s = json.load(sys.stdin); s.pop("rejections"); print(json.dumps(s))'
[[ "$STATE" == DONE* ]] || { echo "the load did not finish: see $WORK/server.out" >&2; exit 1; }
WALL=$(echo "$T2 - $T0" | bc)
PHONE=$(python3 -c 'import json, sys
for line in open(sys.argv[1], encoding="utf-8"):
    phones = json.loads(line).get("phones")
    if phones:
        print(phones[0]); break' "$POPULATION")
stamp "a loaded customer by phone: HTTP $(curl -s -o /dev/null -w '%{http_code} in %{time_total} s' -u 'viewer:viewer-pass1!' --get --data-urlencode "phone=$PHONE" "$API/customers")"
echo "wall time (post to a queryable view, within 5 s of polling): $WALL s; $(echo "$RECORDS / $WALL" | bc) records/s"
echo "$STATUS" | python3 -c 'import json, sys; from datetime import datetime
s = json.load(sys.stdin); took = datetime.fromisoformat(s["finishedAt"].rstrip("Z")[:26]) - datetime.fromisoformat(s["startedAt"].rstrip("Z")[:26])
print("the load itself (its startedAt to finishedAt, the upload not counted): %.1f s" % took.total_seconds())'
echo "hub peak memory (JVM resident set, VmHWM): $(grep VmHWM /proc/"$JVM"/status | tr -s ' ' | cut -d' ' -f2-)"
psql_ -U atrium -d atrium -A -t -c "select 'database ' || pg_size_pretty(pg_database_size('atrium')) || ': '
  || (select count(*) from source_record) || ' source records, ' || (select count(*) from customer) || ' customers, '
  || (select count(*) from record_hash) || ' record hashes, ' || (select count(*) from match_link) || ' match links, '
  || (select count(*) from golden_value) || ' golden values, ' || (select count(*) from customer_event) || ' changes'"
stamp "done; uptime: $(uptime)"
