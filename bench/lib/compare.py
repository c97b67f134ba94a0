"""Expected (the simulators' ledger) against found (what the hub stored, exported by bench/lib/drill.sh), check by check.

Prints one line per check, `ok` or `FAIL`, with what was expected and what was found; exits 1 when a check fails.
"""
import argparse
import csv
import json
import re
import sys
from collections import Counter
from datetime import datetime

SOURCES = ['sales', 'leasing', 'property', 'membership', 'service']
# the change events one version of a record may cause on the customer it joins; a split or merge adds others
RECORD_CHANGES = {'CUSTOMER_CREATED', 'RECORD_LINKED', 'RECORD_UPDATED'}

parser = argparse.ArgumentParser()
parser.add_argument('--work', required=True)
parser.add_argument('--canonical', required=True, help='the canonical drop file dropped once')
parser.add_argument('--dlq', required=True)
parser.add_argument('--sales-watermarks', required=True)
parser.add_argument('--sales-last', required=True)
parser.add_argument('--events', action='store_true', help='check that no record caused more change events than versions delivered')
args = parser.parse_args()
work = args.work
failures = []


def row(check, expected, found, ok):
    print(f"  {'ok  ' if ok else 'FAIL'} {check:<58} expected {expected:<24} found {found}")
    if not ok:
        failures.append(check)


records, facts, broken, last = set(), set(), [], {}
versions, again = Counter(), Counter()
for line in open(f"{work}/ledger.jsonl", encoding='utf-8'):
    item = json.loads(line)
    if item['kind'] == 'record':
        records.add((item['source'], item['id']))
        versions[(item['source'], item['id'])] += 1
    elif item['kind'] == 'fact':
        facts.add((item['source'], item['type'], item['id']))
    elif item['kind'] == 'broken':
        broken.append((item['source'], item['type'], item['id']))
    elif item['kind'] == 'duplicate':
        again[(item['source'], item['type'])] += 1
    elif item['kind'] == 'last_change':
        last[item['type']] = item['id']
canonical = [json.loads(line) for line in open(args.canonical, encoding='utf-8') if line.strip()]
records |= {(r['source'], r['sourceId']) for r in canonical}

found_records = Counter(tuple(r) for r in csv.reader(open(f"{work}/found-records.csv", encoding='utf-8')))
found_facts = Counter(tuple(r) for r in csv.reader(open(f"{work}/found-facts.csv", encoding='utf-8')))
quarantine = list(csv.reader(open(f"{work}/found-quarantine.csv", encoding='utf-8')))
progress = dict(csv.reader(open(f"{work}/found-progress.csv", encoding='utf-8')))

if again:
    print("delivered again with the content it had (the ledger's duplicates)")
    for source in SOURCES:
        kinds = {what: n for (s, what), n in again.items() if s == source}
        if kinds:
            print(f"       {source}: " + ", ".join(f"{n:,} {what}" for what, n in sorted(kinds.items())))

print("source records: every (source, sourceId) delivered, exactly once")
for source in SOURCES + ['canonical drop']:
    mine = {r for r in records if r[0] == source} if source != 'canonical drop' else {r for r in records if r[0] not in SOURCES}
    stored = {r: n for r, n in found_records.items() if (r[0] == source if source != 'canonical drop' else r[0] not in SOURCES)}
    missing, extra = mine - set(stored), set(stored) - mine
    doubled = sum(n - 1 for n in stored.values())
    row(f"{source}: records", f"{len(mine):,}", f"{len(stored):,} (missing {len(missing)}, unexpected {len(extra)}, doubled {doubled})",
        not missing and not extra and not doubled)
    for r in sorted(missing)[:10]:
        print(f"       missing {r[0]} {r[1]}")
    for r in sorted(extra)[:10]:
        print(f"       unexpected {r[0]} {r[1]}")

print("facts: every (source, type, factId) delivered, none doubled")
for source in SOURCES:
    for kind in sorted({f[1] for f in facts if f[0] == source}):
        mine = {f for f in facts if f[0] == source and f[1] == kind}
        stored = {f: n for f, n in found_facts.items() if f[0] == source and f[1] == kind}
        missing, extra = mine - set(stored), set(stored) - mine
        doubled = sum(n - 1 for n in stored.values())
        row(f"{source}: {kind} facts", f"{len(mine):,}", f"{len(stored):,} (missing {len(missing)}, unexpected {len(extra)}, doubled {doubled})",
            not missing and not extra and not doubled)
        for f in sorted(missing)[:10]:
            print(f"       missing {' '.join(f)}")

if args.events:
    print("change events: no record announced more often than it changed (events on the customer history, by cause)")
    events = Counter()
    for source, source_id, kind, n in csv.reader(open(f"{work}/found-events.csv", encoding='utf-8')):
        if kind in RECORD_CHANGES:
            events[(source, source_id)] += int(n)
    for source in SOURCES:
        keys = {k for k in versions if k[0] == source}
        over = sorted(k for k in keys if events[k] > versions[k])
        row(f"{source}: record events (created, linked, updated)", f"<= {sum(versions[k] for k in keys):,} versions",
            f"{sum(events[k] for k in keys):,} ({len(over)} records with more events than versions)", not over)
        for k in over[:5]:
            print(f"       {k[0]} {k[1]}: {versions[k]} version(s), {events[k]} events")

print("watermarks and files resumed")
for table, mark, due in zip(['sales_customer', 'sales_contract'], args.sales_watermarks.split(), args.sales_last.split()):
    row(f"sales {table}: watermark at the last row", due, mark.split('|')[0],
        datetime.fromisoformat(mark.split('|')[0]) >= datetime.fromisoformat(due))
for collection, due in sorted(last.items()):
    mark = progress.get('property:' + collection, '')
    ok = bool(mark) and datetime.fromisoformat(mark.replace('Z', '+00:00')) >= datetime.fromisoformat(due)
    row(f"property {collection}: watermark at the last change", due, mark or 'none', ok)
processed = {k.split(':', 1)[1]: v for k, v in progress.items() if k.startswith('leasing-file:')}
exports = sorted(set(open(f"{work}/found-leasing-files.txt").read().split()))
names = Counter(re.sub(r'^\.processed/\d{17}-', '', e) for e in exports)
left = [e for e in exports if not e.startswith('.processed/')]
done = {name for name, state in processed.items() if state.startswith('done')}
row("leasing: export files processed exactly once", f"{len(names):,} files written",
    f"{len(done):,} marked done, {sum(n for n in names.values() if n > 1)} read twice, {len(left)} left in the inbox",
    bool(names) and done == set(names) and not left and all(n == 1 for n in names.values()))

print("quarantine: the broken inputs, each once")
by_source = Counter(q[0] for q in quarantine)
for source in SOURCES:
    mine = [b for b in broken if b[0] == source]
    stored = [q for q in quarantine if q[0] == source]
    if source == 'leasing':
        expected = Counter(b[2] for b in mine)
        found = Counter(q[1].rsplit('/', 1)[-1] for q in stored)
        row("leasing: broken rows quarantined", f"{len(mine):,}", f"{len(stored):,} (missing {sum((expected - found).values())}, "
            f"twice or more {sum((found - expected).values())})", expected == found)
        for position, n in sorted((found - expected).items())[:10]:
            print(f"       quarantined again: {position}")
    elif source == 'property':
        # an item the API changes again is read and quarantined again: identity is the item without what changes
        identity = lambda payload: json.dumps({k: v for k, v in json.loads(payload).items()
                                               if k not in ('updatedAt', 'arrears', 'closedAt', 'rating')}, sort_keys=True)
        distinct = {identity(q[3]) for q in stored}
        row("property: broken items quarantined (distinct items)", f"{len(mine):,}",
            f"{len(distinct):,} ({len(stored):,} quarantine rows: a broken item changed again is read again)", len(distinct) == len(mine))
    else:
        row(f"{source}: broken inputs quarantined", f"{len(mine):,}", f"{len(stored):,}", len(stored) == len(mine))
others = {s: n for s, n in by_source.items() if s not in SOURCES}
row("canonical drop and others: quarantined", "0", str(sum(others.values())), not others)
for q in quarantine:
    if q[0] in SOURCES and q[0] not in ('leasing', 'property', 'service'):
        print(f"       {q[0]} quarantined: {q[2]}")
reasons = Counter((q[0], re.sub(r'\d+', 'N', q[2])) for q in quarantine)
for (source, reason), n in sorted(reasons.items()):
    print(f"       {n:>6} {source}: {reason}")

print("dead letters")
row("AtriumDLQ: messages parked", "0", args.dlq or 'unknown', args.dlq == '0')
print(f"{len(failures)} check(s) failed" + (": " + "; ".join(failures) if failures else ""))
sys.exit(1 if failures else 0)
