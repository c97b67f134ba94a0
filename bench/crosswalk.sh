#!/usr/bin/env bash
# The crosswalk export (GET /hub/api/crosswalk) at scale: its own PostgreSQL 15 (port 5642, target/bench-crosswalk) and
# its own WildFly (port offset 300, HTTP 8380, heap HEAP, default 512m); N synthetic source records of the hub's
# shape inserted by SQL (the export reads only source, sourceId and customerId), then three timed exports.
# Usage: bench/crosswalk.sh [records, default 1000000]; needs a build first: ./mvnw -q -DskipTests package
BENCH=bench-crosswalk PGPORT=5642 OFFSET=300
N=${1:-1000000}
source "$(dirname "$0")/lib/hub-postgres.sh"
stamp "inserting $N source records"
# records shaped like the hub's: a payload and a standardized form of a few hundred characters each,
# customers of one to three records, sources as the five systems
psql_ -U atrium -d atrium -c "insert into source_record (id, content_hash, customer_id, payload, received_at, record_updated_at, source, source_id, standardized)
  select i, md5(i::text) || md5(i::text), 'C-' || md5((i / 2)::text), repeat('p', 380), now(), now(),
         (array['sales','leasing','property','membership','service'])[1 + i % 5], 'S-' || i, repeat('s', 420)
  from generate_series(1, $N) i" -c "vacuum analyze source_record"
psql_ -U atrium -d atrium -A -t -c "select count(*) || ' records, table ' || pg_size_pretty(pg_total_relation_size('source_record')) from source_record"
stamp "exporting (heap -Xmx${HEAP:-512m})"
for run in 1 2 3; do
  flock /tmp/atrium-heavy.lock curl -s -u 'app:app-pass1!' -o "$WORK/crosswalk.csv" -w "run $run: HTTP %{http_code}, %{size_download} bytes in %{time_total} s (first byte after %{time_starttransfer} s)\n" "$API/crosswalk"
done
wc -l < "$WORK/crosswalk.csv" | xargs -I{} echo "{} lines (header included)"
head -3 "$WORK/crosswalk.csv"
grep -c "OutOfMemoryError" "$WORK/server.out" || true
