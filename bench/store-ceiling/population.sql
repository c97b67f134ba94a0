-- The population StoreCeiling.java streams against: 1,000,000 source records of 640,000 persons (about 506,000
-- customers: a person's record count is Poisson with mean 1.56, persons without a record have no customer), with
-- the hub's tables as its JPA entities define them (ejb/src/main/java/io/atrium/hub: SourceRecord, RecordHash,
-- BlockLock, MatchLink, GoldenField, Customer, CustomerEvent, FeedClock) and the redesigned store's tables beside
-- them: a record's hashes as arrays on source_record (block_keys, GIN-indexed by StoreCeiling's array runs) and a
-- customer's golden values as one jsonb row (golden_doc). Deterministic: no random(), every value derives from the
-- record id. Run by run.sh populate as the user atrium (psql variables records and persons: 1000000 and 640000).
--
-- Twelve hashes a record, as InMemoryFrequencies.hashes gives the hub's (kinds 0-4 are value hashes, field 0-4;
-- kinds 5-11 are blocking keys, field -1, all under the engine's maxBlockSize of 100, so all usable):
--   0 name value        person % 2,500     ~400 records (a common name: counted for frequencies, never read as a block)
--   1 birth date value  person % 30,000    ~33 records
--   2-4 phone, e-mail, ID number values    the person's records only
--   5-8 phone, ID, e-mail, name+birth keys the person's records only
--   9 surname + half a phone key  person / 2        ~3 records (2 persons)
--  10 address key                 person / 4        ~6 records (4 persons)
--  11 name + birth year key       person % 125,000  ~8 records (5 persons)
-- StoreCeiling.java computes the same hashes for new records (keyHash there = kh here).

set maintenance_work_mem = '1GB';
set max_parallel_maintenance_workers = 2;

create function kh(kind int, grp bigint) returns bigint immutable parallel safe language sql
    as $$ select ('x' || substr(md5(kind || ':' || grp), 1, 16))::bit(64)::bigint $$;
create function key_group(kind int, person bigint) returns bigint immutable parallel safe language sql
    as $$ select case when kind = 0 then person % 2500 when kind = 1 then person % 30000 when kind = 9 then person / 2
                      when kind = 10 then person / 4 when kind = 11 then person % 125000 else person end $$;

create table customer (id varchar(40) not null, status varchar(12) not null, merged_into varchar(40), kind varchar(12),
    created_at timestamp(6) with time zone not null, updated_at timestamp(6) with time zone not null, version bigint not null);
create table source_record (id bigint not null, source varchar(64) not null, source_id varchar(128) not null,
    customer_id varchar(40) not null, record_updated_at timestamp(6) with time zone, received_at timestamp(6) with time zone not null,
    content_hash varchar(64) not null, payload varchar(1000000) not null, standardized varchar(1000000),
    quality_person boolean, quality_name_hash bigint, quality_birth_date date, quality_gender varchar(1), quality_email boolean,
    quality_valid_phones smallint, quality_invalid_phones smallint, quality_id varchar(8),
    block_keys bigint[], value_hashes bigint[]);
create table record_hash (source_record_id bigint not null, hash bigint not null, field smallint not null);
create table block_lock (hash bigint not null);
create table match_link (id bigint not null, left_record_id bigint not null, right_record_id bigint not null, score float8 not null,
    priority float8, decision varchar(12) not null, conflict boolean not null, explanation varchar(2000) not null,
    review_state varchar(12), suppressed_by bigint, scored_at timestamp(6) with time zone not null);
create table golden_value (id bigint not null, customer_id varchar(40) not null, field_name varchar(32) not null, value_rank int not null,
    field_value varchar(2000) not null, source varchar(64) not null, source_id varchar(128) not null);
create table golden_doc (customer_id varchar(40) not null, doc jsonb not null);
create table customer_event (id bigint not null, customer_id varchar(40) not null, type varchar(24) not null,
    occurred_at timestamp(6) with time zone not null, related_customer_id varchar(40), related_customer_ids varchar(100000),
    feed_position bigint, source varchar(64), source_id varchar(128));
create table change_feed_clock (id bigint primary key, last_position bigint not null);
insert into change_feed_clock values (1, 0);

create unlogged table pop as
    select r as id, 1 + (hashint4(r::int) & 2147483647) % :persons as person from generate_series(1, :records) r;

insert into source_record
select id, (array['crm', 'pos', 'web', 'loyalty', 'erp'])[1 + id % 5], 'p' || id, 'C' || person,
       timestamptz '2026-01-01' + id * interval '1 second', timestamptz '2026-06-01' + id * interval '1 second',
       md5(id::text) || md5(person::text),
       rpad('{"source":"' || id % 5 || '","id":"p' || id || '","name":"N' || person || '","phone":"1' || lpad(person::text, 10, '0')
            || '","email":"e' || person || '@example.com","address":"street ' || person / 4 || '","note":"', 400, md5(id::text)) || '"}',
       rpad('{"key":{"source":"' || id % 5 || '","sourceId":"p' || id || '"},"names":["n' || person || '"],"phones":["+861'
            || lpad(person::text, 10, '0') || '"],"emails":["e' || person || '@example.com"],"birthDate":"19' || lpad((person % 100)::text, 2, '0')
            || '-01-01","address":"street ' || person / 4 || '","rest":"', 600, md5(person::text)) || '"}',
       true, kh(0, key_group(0, person)), date '1900-01-01' + (person % 30000)::int, 'F', true, 1, 0, 'VALID',
       array(select kh(k, key_group(k, person)) from generate_series(5, 11) k),
       array(select kh(k, key_group(k, person)) from generate_series(0, 4) k)
from pop;

insert into record_hash
select p.id, kh(k, key_group(k, p.person)), case when k < 5 then k else -1 end
from pop p cross join generate_series(0, 11) k;

insert into customer
select 'C' || person, 'ACTIVE', null, 'PERSON', timestamptz '2026-06-01', timestamptz '2026-06-01', 0
from pop group by person;

-- a long-running hub has a key-lock row for nearly every usable key it has met
insert into block_lock select distinct hash from record_hash where field = -1;

-- each record linked to the person's previous record (a MERGE), as the hub's seeded populations hold ~0.9 links a record
insert into match_link
select row_number() over (order by id), prev, id, 0.97, 0.9, 'MERGE', false,
       rpad('phone, e-mail and name agree; ID number agrees', 160, '.'), null, null, timestamptz '2026-06-01'
from (select id, lag(id) over (partition by person order by id) prev from pop) l where prev is not null;

-- seven golden values a customer (the hub's seeded populations: ~6.9 a customer), as rows and as one jsonb document
insert into golden_value
select row_number() over (), 'C' || person, f.name, 0, f.name || ':' || person || ':' || md5(person::text || f.name), 'crm', 'p' || person
from (select distinct person from pop) c
cross join (values ('name'), ('birthDate'), ('gender'), ('phone'), ('email'), ('idNumber'), ('address')) f(name);
insert into golden_doc
select customer_id, jsonb_object_agg(field_name, jsonb_build_array(jsonb_build_object('v', field_value, 's', source, 'i', source_id)))
from golden_value group by customer_id;

drop table pop;

alter table customer add primary key (id);
alter table source_record add primary key (id);
alter table source_record add constraint uk_source_record_key unique (source, source_id);
create index ix_source_record_customer on source_record (customer_id);
alter table record_hash add primary key (hash, source_record_id);
create index ix_record_hash_candidates on record_hash (hash, field, source_record_id);
create index ix_record_hash_record on record_hash (source_record_id);
alter table block_lock add primary key (hash);
alter table match_link add primary key (id);
alter table match_link add constraint uk_match_link_pair unique (left_record_id, right_record_id);
create index ix_match_link_left on match_link (left_record_id);
create index ix_match_link_right on match_link (right_record_id);
create index ix_match_link_priority on match_link (review_state, priority desc, id);
alter table golden_value add primary key (id);
alter table golden_value add constraint uk_golden_value unique (customer_id, field_name, value_rank);
alter table golden_doc add primary key (customer_id);
alter table customer_event add primary key (id);
create index ix_customer_event_customer on customer_event (customer_id, occurred_at);
create unique index ux_customer_event_feed_position on customer_event (feed_position);

-- ids for every table, handed out a thousand at a time (Hibernate's pooled sequences hand out 50)
create sequence ids start with 10000000 increment by 1000;
