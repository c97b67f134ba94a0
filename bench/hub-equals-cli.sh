#!/usr/bin/env bash
# The hub decides as the command line does (issue 19, item 5), at scale: a labeled population of the simulators is
# fed through POST /hub/api/ingest/records in arrival order (requests of LINES lines) into a hub of its own on a
# fresh database, and the hub's crosswalk is scored against the truth next to `hub-match evaluate` on the same file.
# The hub is scored twice:
#   first pass: each record weighed against the frequency snapshot in force when it arrived (empty at a fresh start,
#     recounted by the hub's own check as the population grows), which is what a hub fed from scratch holds;
#   after the refresh: POST /resolver/frequencies/refresh, then every record delivered again as a changed version
#     (an attribute the matcher does not read), which re-scores every pair against a snapshot of the whole population,
#     bulk's. Its partition is also compared record by record with `hub-match resolve`'s.
# Sources are renamed `bench-<source>` (the native names belong to their connectors).
# Work dir target/hub-equals-cli: PostgreSQL on port 5641, WildFly port offset 410 (HTTP 8490); holds
# /tmp/atrium-drill.lock while it runs. Shared parts: bench/lib/drill.sh (server and database), bench/febrl/febrl.py score.
# Usage: bench/hub-equals-cli.sh [persons, default 8000: about 20,000 records]
# Env: SEED (default 19019), SCRIPT (chinese or latin, default chinese), LINES (per request, default 200),
#      DRAIN_TIMEOUT (seconds per pass, default 3600)
# Builds nothing: needs ./mvnw -o -q -DskipTests package first (the EAR, the simulators' jar, hub-match.jar, WildFly).
PERSONS=${1:-8000}
SEED=${SEED:-19019}
SCRIPT=${SCRIPT:-chinese}
LINES=${LINES:-200}
DRAIN_TIMEOUT=${DRAIN_TIMEOUT:-3600}
DRILL=hub-equals-cli OFFSET=410 PGPORT=5641 PROPERTY_PORT=18410
source "$(dirname "$0")/lib/drill.sh"
[ -e resolution/target/hub-match.jar ] || { echo "resolution/target/hub-match.jar is missing: build first" >&2; exit 2; }

exec 9> /tmp/atrium-drill.lock
stamp "waiting for /tmp/atrium-drill.lock"
flock 9
# no polled source: the population is the hub's only input
prepare <<PROPS
atrium.sales.enabled=false
atrium.property.enabled=false
PROPS
java -jar simulators/target/atrium-simulators.jar population --seed "$SEED" --persons "$PERSONS" --script "$SCRIPT" \
  --output "$WORK/population.jsonl"
python3 - "$WORK" <<'PY'
import json, sys
work = sys.argv[1]
with open(f"{work}/population.jsonl", encoding="utf-8") as population, \
        open(f"{work}/first.jsonl", "w", encoding="utf-8") as first, \
        open(f"{work}/second.jsonl", "w", encoding="utf-8") as second:
    for line in population:
        record = json.loads(line)
        record["source"] = "bench-" + record["source"]
        first.write(json.dumps(record, ensure_ascii=False) + "\n")
        record["delivery"] = 2
        second.write(json.dumps(record, ensure_ascii=False) + "\n")
PY
RECORDS=$(python3 -c "import json,sys; print(len({(r['source'], r['sourceId']) for r in map(json.loads, open(sys.argv[1], encoding='utf-8'))}))" "$WORK/first.jsonl")

stamp "starting the hub"
start_server "$WORK/server.out"

# Posts a file in arrival order, LINES lines a request; stops the bench at a refused line.
post() {
  local chunk answer
  split -l "$LINES" -d -a 5 "$1" "$WORK/request-"
  for chunk in "$WORK"/request-*; do
    answer=$(curl -s -u app:'app-pass1!' -H 'Content-Type: application/x-ndjson' --data-binary @"$chunk" "$API/ingest/records")
    python3 -c 'import json, sys; sys.exit(json.loads(sys.argv[1])["rejected"])' "$answer" \
      || { echo "refused lines in $chunk: $answer" >&2; exit 1; }
    rm "$chunk"
  done
}
# Waits until every record is stored and AtriumRecords is empty (a message leaves it once its records committed).
wait_resolved() {
  local start=$SECONDS depths stored
  while true; do
    depths=$(queue_depths)
    stored=$(value "select count(*) from source_record")
    set -- $depths
    if [ "${1:-1}" = 0 ] && [ "$stored" = "$RECORDS" ]; then break; fi
    (( SECONDS - start > DRAIN_TIMEOUT )) && { echo "the hub did not drain in $DRAIN_TIMEOUT s" >&2; exit 1; }
    sleep 5
  done
}
# One pass: post, wait, export the crosswalk, score it.
pass() { # name, file
  local start=$SECONDS
  stamp "$1: posting $RECORDS records in requests of $LINES"
  post "$2"
  wait_resolved
  stamp "$1: resolved in $((SECONDS - start)) s ($(python3 -c "print(round($RECORDS / max($SECONDS - $start, 1)))") records/s end to end)"
  curl -s -u app:'app-pass1!' -o "$WORK/hub-$1.csv" "$API/crosswalk"
  echo "hub, $1: $(python3 bench/febrl/febrl.py score --input "$2" --crosswalk "$WORK/hub-$1.csv" | paste -sd' ')"
}

pass first "$WORK/first.jsonl"
stamp "frequency snapshot refreshed: $(curl -s -X POST -u admin:'admin-pass1!' "$API/resolver/frequencies/refresh" \
  | python3 -c 'import json, sys; print(json.load(sys.stdin)["frequencyPopulation"], "records")')"
pass refreshed "$WORK/second.jsonl"

stamp "hub-match on the same file"
java -jar resolution/target/hub-match.jar evaluate --input "$WORK/second.jsonl" --truth-field truthId | paste -sd' '
java -jar resolution/target/hub-match.jar resolve --input "$WORK/second.jsonl" --output "$WORK/bulk.csv"
python3 - "$WORK/hub-refreshed.csv" "$WORK/bulk.csv" <<'PY'
import csv, sys
def partition(path):
    clusters = {}
    with open(path, encoding="utf-8", newline="") as rows:
        for row in csv.DictReader(rows):
            clusters.setdefault(row["customerId"], set()).add((row["source"], row["sourceId"]))
    return {record: frozenset(cluster) for cluster in clusters.values() for record in cluster}
hub, bulk = partition(sys.argv[1]), partition(sys.argv[2])
differing = sum(1 for record in bulk if hub.get(record) != bulk[record])
print(f"partition after the refresh against hub-match resolve: {differing} of {len(bulk)} records in a different cluster")
PY
