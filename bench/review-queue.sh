#!/usr/bin/env bash
# The stewards' review queue query (Stewardship.pendingReviews) on PostgreSQL: its plan and time with the index the
# hub creates for it (ix_match_link_priority) and with the index it replaced (ix_match_link_review). Its own PostgreSQL 15
# (port 5646, target/bench-review-queue) and WildFly (port offset 460), the hub started only to create its schema;
# then synthetic rows by SQL: 60,000 source records (three to a customer) and 120,000 match links, 100,000 of them
# pending review pairs (a third within one customer already, which the queue skips). Fewer than 200,000 rows.
# Usage: bench/review-queue.sh; needs a build first: ./mvnw -q -DskipTests package
BENCH=bench-review-queue PGPORT=5646 OFFSET=460
source "$(dirname "$0")/lib/hub-postgres.sh"
stamp "match_link's indexes as the hub created them"
psql_ -U atrium -d atrium -A -t -c "select indexdef from pg_indexes where tablename = 'match_link' order by indexname"
stamp "inserting 60,000 source records and 120,000 match links"
psql_ -U atrium -d atrium \
  -c "insert into source_record (id, content_hash, customer_id, payload, received_at, source, source_id)
      select i, md5(i::text), 'C-' || (i / 3), '{}', now(), 'sales', 'S-' || i from generate_series(1, 60000) i" \
  -c "insert into match_link (id, left_record_id, right_record_id, score, priority, decision, conflict, explanation, review_state, scored_at)
      select i, l, case when i % 3 = 0 then (l / 3) * 3 + (l + 1) % 3 else 1 + (l * 7919 + i) % 60000 end,
             12 + 10 * random(), 30 * random(), 'REVIEW', false, 'NAME=EXACT(+8.6) BIRTH_DATE=EXACT(+14.1) total 22.7 -> REVIEW', 'PENDING', now()
      from (select i, 1 + (i * 31337) % 59999 as l from generate_series(1::bigint, 100000) i) s
      on conflict do nothing" \
  -c "insert into match_link (id, left_record_id, right_record_id, score, priority, decision, conflict, explanation, scored_at)
      select 100000 + i, 1 + (i * 13) % 59999, 1 + (i * 17 + 5) % 59999, 22 + 10 * random(), 25, 'MERGE', false, 'x', now()
      from generate_series(1::bigint, 20000) i on conflict do nothing" \
  -c "vacuum analyze source_record, match_link"
psql_ -U atrium -d atrium -A -t -c "select count(*) filter (where review_state = 'PENDING') || ' pending of ' || count(*) || ' links' from match_link"
# the query Hibernate sends for pendingReviews (limit 100: the console's page)
QUERY="explain (analyze, buffers, costs off) select l.id from match_link l join source_record a on a.id = l.left_record_id
  join source_record b on b.id = l.right_record_id where l.review_state = 'PENDING' and l.suppressed_by is null
  and a.customer_id <> b.customer_id order by l.priority desc, l.id limit 100"
plans() {
  for run in 1 2 3; do psql_ -U atrium -d atrium -c "$QUERY" > "$WORK/plan-$1-$run.txt"; done
  cat "$WORK/plan-$1-3.txt"
  grep -h "Execution Time" "$WORK"/plan-"$1"-*.txt
}
stamp "with ix_match_link_priority; $(uptime)"
plans priority
stamp "with ix_match_link_review (review_state) instead, as before; $(uptime)"
psql_ -U atrium -d atrium -c "drop index ix_match_link_priority" -c "create index ix_match_link_review on match_link (review_state)" \
  -c "analyze match_link"
plans review
