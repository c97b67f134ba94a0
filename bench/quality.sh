#!/usr/bin/env bash
# The data-quality figures (GET /hub/api/quality) at scale: its own PostgreSQL (port 5644, target/bench-quality) and
# its own WildFly (port offset 420, HTTP 8500), both from bench/lib/drill.sh; N synthetic source records of the
# hub's row size with their quality columns, their customers, review pairs and quarantined items inserted by SQL,
# then three timed computations and a snapshot.
# Usage: bench/quality.sh [records, default 1000000]; needs a build first: ./mvnw -o -q -DskipTests package
DRILL=bench-quality OFFSET=420 PGPORT=5644 PROPERTY_PORT=1
source "$(dirname "$0")/lib/drill.sh"
N=${1:-1000000}

prepare <<PROPS
atrium.sales.enabled=false
atrium.property.enabled=false
atrium.quality.snapshots-enabled=false
PROPS
stamp "starting the hub (schema)"
start_server "$WORK/server.out"
stamp "inserting $N source records with their customers, review pairs and quarantined items"
# Customers of two records (i / 2), sources in runs of three (i / 3): two thirds of the customers hold both records
# in one source, a third in two sources. Defects at fixed rates: no name 1/20, a name differing 1/97, a birth date
# differing 1/89, no gender 1/13, an invalid phone 1/17, no ID 1/7, an invalid ID 1/31; a review pair per 100.
psql_ -U atrium -d atrium \
  -c "insert into source_record (id, content_hash, customer_id, payload, received_at, record_updated_at, source, source_id, standardized,
        quality_person, quality_name_hash, quality_birth_date, quality_gender, quality_email, quality_valid_phones, quality_invalid_phones, quality_id)
      select i, md5(i::text) || md5(i::text), 'C-' || (i / 2), repeat('p', 380), now(), now(),
             (array['sales','leasing','property','membership','service'])[1 + (i / 3) % 5], 'S-' || i, repeat('s', 420),
             i % 10 <> 0, case when i % 20 = 0 then null else (i / 2) * 7 + (i % 97 = 0)::int end,
             date '1950-01-01' + ((i / 2) % 20000) + (i % 89 = 0)::int,
             case when i % 13 = 0 then null when (i / 2) % 2 = 0 then 'M' else 'F' end, i % 3 = 0,
             (i % 17 <> 0)::int, (i % 17 = 0)::int,
             case when i % 7 = 0 then 'NONE' when i % 31 = 0 then 'INVALID' else 'VALID' end
      from generate_series(1, $N) i" \
  -c "insert into customer (id, status, kind, created_at, updated_at, version)
      select distinct 'C-' || (i / 2), 'ACTIVE', 'PERSON', now(), now(), 0 from generate_series(1, $N) i" \
  -c "insert into match_link (id, left_record_id, right_record_id, score, decision, conflict, explanation, review_state, scored_at)
      select i, i, i + 2, 15, 'REVIEW', false, 'NAME=EXACT', 'PENDING', now() from generate_series(1, $N - 2, 100) i" \
  -c "insert into quarantined_item (id, source, format, position, reason, payload, status, created_at)
      select i, (array['sales','leasing','property','membership','service'])[1 + i % 5], 'CANONICAL_JSON', 'line ' || i,
             'invalid value for field ''f' || (i % 10) || '''', repeat('q', 200), 'OPEN', now() from generate_series(1, $N / 50) i" \
  -c "vacuum analyze source_record, customer, match_link, quarantined_item"
value "select count(*) || ' records, table ' || pg_size_pretty(pg_total_relation_size('source_record')) from source_record"
for run in 1 2 3; do
  flock /tmp/atrium-heavy.lock curl -s -u 'viewer:viewer-pass1!' -o "$WORK/quality.json" \
    -w "GET /quality run $run: HTTP %{http_code} in %{time_total} s\n" "$API/quality"
done
flock /tmp/atrium-heavy.lock curl -s -u 'admin:admin-pass1!' -X POST -o /dev/null \
  -w "POST /quality/snapshots: HTTP %{http_code} in %{time_total} s\n" "$API/quality/snapshots"
python3 -c "import json,sys; r=json.load(open(sys.argv[1])); print('hub', r['hub']); s=r['sources'][0]; print({k: v for k, v in s.items() if k != 'quarantineCauses'})" "$WORK/quality.json"
