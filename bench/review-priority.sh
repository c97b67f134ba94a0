#!/usr/bin/env bash
# The review queue as the hub orders it, against `hub-match evaluate --priority-settings` on the same file: a fresh
# hub on its own PostgreSQL (port 5679) and WildFly base dir (port offset 530: HTTP 8610) given the learned settings
# as atrium.match.review-priority-settings-file, a first load of the labeled population, then its queue
# (GET /hub/api/steward/reviews, its first 1,000 pairs) scored against the population's truthId as evaluate scores
# its own: true pairs in the first 10 / 50 / 100 / 500, and true pairs a steward accepting exactly the true ones
# accepts in the first 10 / 50 / 100 / 500 decisions. Re-scoring after the load's recount is off, so the links are
# the first load's. A population of 20,000 records loads in seconds: no heavy lock.
# Usage: bench/review-priority.sh population.jsonl learned-settings.json
# Needs a build first: ./mvnw -q -DskipTests package (the hub's EAR)
set -euo pipefail
POPULATION=$(realpath "$1")
LEARNED=$(realpath "$2")
BENCH=bench-review-priority PGPORT=5679 OFFSET=530
HUB_PROPERTIES="atrium.match.review-priority-settings-file=$LEARNED
atrium.resolver.rescore-after-recount=false"
source "$(dirname "$0")/lib/hub-postgres.sh"

stamp "first load of $POPULATION; uptime: $(uptime)"
ANSWER=$(curl -s -w '\n%{http_code}' -u 'admin:admin-pass1!' -H 'Content-Type: application/x-ndjson' -H 'Expect:' \
  -H 'Transfer-Encoding: chunked' -X POST -T "$POPULATION" "$API/loads")
[ "$(echo "$ANSWER" | tail -1)" = 202 ] || { echo "the load was refused: $ANSWER" >&2; exit 1; }
ID=$(echo "$ANSWER" | head -1 | python3 -c 'import json, sys; print(json.load(sys.stdin)["id"])')
until curl -sf -u 'operator:operator-pass1!' "$API/loads/$ID" | python3 -c 'import json, sys
s = json.load(sys.stdin)
if s["state"] == "FAILED": sys.exit("the load failed: %s" % s.get("failure"))
sys.exit(0 if s["state"] == "DONE" else 1)'; do sleep 2; done
stamp "loaded; the queue:"
curl -sf -u 'admin:admin-pass1!' "$API/steward/reviews?limit=1000" > "$WORK/queue.json"
python3 - "$POPULATION" "$WORK/queue.json" <<'PY'
import json, sys
truth = {}
for line in open(sys.argv[1], encoding="utf-8"):
    record = json.loads(line)
    truth[(record["source"], record["sourceId"])] = record.get("truthId")
queue = json.load(open(sys.argv[2]))
ranks = [10, 50, 100, 500]
true_in_first = [0] * len(ranks)
accepted_in = [0] * len(ranks)
joined = {}
def root(c):
    while joined.get(c, c) != c:
        c = joined[c]
    return c
decisions = 0
for position, pair in enumerate(queue):
    left, right = pair["left"], pair["right"]
    label = truth.get((left["source"], left["sourceId"]))
    match = label is not None and label == truth.get((right["source"], right["sourceId"]))
    for r, rank in enumerate(ranks):
        if position < rank and match:
            true_in_first[r] += 1
    a, b = root(left["customerId"]), root(right["customerId"])
    if a != b:
        if match:
            joined[a] = b
        for r, rank in enumerate(ranks):
            if decisions < rank and match:
                accepted_in[r] += 1
        decisions += 1
ordered_by_priority = sum(1 for p in queue if p["priority"] != p["score"])
print("queue pairs read: %d (of at most 1,000), %d with a priority other than their score" % (len(queue), ordered_by_priority))
print("true matches in the first 10 / 50 / 100 / 500 pairs: " + " / ".join(map(str, true_in_first)))
print("true matches accepted in the first 10 / 50 / 100 / 500 decisions: " + " / ".join(map(str, accepted_in))
      + " (%d decisions in the pairs read)" % decisions)
PY
