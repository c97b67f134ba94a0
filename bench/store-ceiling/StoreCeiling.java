/*
 * StoreCeiling: how many records a second could the hub's store take on this machine, with no hub code at all?
 *
 * Emulates what the hub's resolver asks of PostgreSQL for a batch of incoming records (issue 17, item 1), per batch
 * of N records, in one transaction committed in two phases as the hub's XA transactions are:
 *   1. lock the batch's usable blocking-key hashes and record keys (block_lock rows: missing rows created in a short
 *      transaction first, then select ... for update, as BlockingKeyLocks does; or pg_advisory_xact_lock in one statement)
 *   2. read the stored versions of the batch's records by (source, source_id)
 *   3. read the candidates under the batch's blocking keys: (record id, customer id, standardized form)
 *   4. lock the customers the records join (select ... for update, sorted) and read their golden values
 *   5. write the source records, their 12 hashes each, up to 2 links each, golden values, customer inserts and updates, one
 *      change-feed row per changed customer under the change_feed_clock row; PREPARE TRANSACTION, COMMIT PREPARED.
 * Statements are per batch (= any(?) arrays, JDBC batches that reWriteBatchedInserts=true sends as multi-row inserts,
 * or COPY). Half the records are of new persons, half join a stored customer. Nothing is resolved: the scoring,
 * standardizing and survivorship the hub's JVM does (~1.3 ms of CPU a record) is what this leaves room for.
 *
 * The store's shape is chosen by three options:
 *   --hashes=rows   record_hash rows by JDBC batch (the hub now)   --golden=rows   golden_value rows (now)
 *   --hashes=copy   record_hash rows by COPY                       --golden=jsonb  one golden_doc row a customer
 *   --hashes=array  source_record.block_keys/value_hashes arrays, candidates by the GIN index (block_keys && ?)
 *   --locks=rows    block_lock rows (now)                          --locks=advisory pg_advisory_xact_lock
 * and the load by --batch=N --sessions=1|2 --keys=disjoint|shared --seconds=S --warmup=B --run=R (new persons and
 * source ids of run R are its own) --persons=P (population.sql's persons, 640000). Sessions are threads with a
 * connection each; "disjoint" sessions never share a key or a customer, "shared" ones draw from the whole population
 * and meet now and then.
 *
 * Prints one line of figures: records/s over the timed phase, the CPU the cluster's PostgreSQL processes and this
 * JVM used per record (/proc), the machine's busy share and load average, rows and statements per batch, time per step.
 * Deterministic data (--seed, default 17); the timing is not. Run through run.sh, which starts the database:
 *   java -cp ~/.m2/repository/org/postgresql/postgresql/42.7.13/postgresql-42.7.13.jar StoreCeiling.java \
 *       --url=jdbc:postgresql://127.0.0.1:5652/atrium --pgdata=target/store-ceiling/pgdata --run=1 --hashes=rows ...
 * (run.sh measure adds the first three; BENCHMARKS.md, "What store could reach 2,000 records/s", has the figures).
 */

import java.io.StringReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.stream.Collectors;
import org.postgresql.PGConnection;

public class StoreCeiling {

    static final String[] SOURCES = {"crm", "pos", "web", "loyalty", "erp"};
    static final String[] STEPS = {"keys", "stored", "candidates", "customers", "writes", "commit"};

    record Options(String url, Path pgdata, int persons, String hashes, String golden, String locks, int batch, int sessions,
                   boolean sharedKeys, int seconds, int warmup, int run, long seed) {
        static Options parse(String[] args) {
            Map<String, String> o = new HashMap<>(Map.of("hashes", "rows", "golden", "rows", "locks", "rows", "batch", "200",
                    "sessions", "1", "keys", "disjoint", "seconds", "30", "warmup", "5", "seed", "17", "persons", "640000"));
            for (String arg : args) {
                String[] kv = arg.replaceFirst("^--", "").split("=", 2);
                o.put(kv[0], kv[1]);
            }
            return new Options(o.get("url"), Path.of(o.get("pgdata")), Integer.parseInt(o.get("persons")), o.get("hashes"), o.get("golden"), o.get("locks"),
                    Integer.parseInt(o.get("batch")), Integer.parseInt(o.get("sessions")), o.get("keys").equals("shared"),
                    Integer.parseInt(o.get("seconds")), Integer.parseInt(o.get("warmup")), Integer.parseInt(o.get("run")),
                    Long.parseLong(o.get("seed")));
        }
    }

    /** One incoming record: its person decides its keys and the customer it belongs to. */
    record Incoming(long person, String source, String sourceId, long[] hashes, long recordKey, String payload, String standardized) {
        String customerId() {
            return "C" + person;
        }

        long[] blockingKeys() {
            return Arrays.copyOfRange(hashes, 5, 12);
        }
    }

    /** A stored record met under a blocking key. */
    record Candidate(long id, String customerId, String standardized) {
    }

    // what the timed phase did, over all sessions
    static final AtomicLong records = new AtomicLong(), batches = new AtomicLong(), rows = new AtomicLong(),
            statements = new AtomicLong(), candidatesRead = new AtomicLong(), keysLocked = new AtomicLong(), retries = new AtomicLong();
    static final AtomicLongArray stepNanos = new AtomicLongArray(STEPS.length);
    static volatile boolean timing;

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        CyclicBarrier warmedUp = new CyclicBarrier(options.sessions() + 1);
        long[] deadline = new long[1];
        CyclicBarrier started = new CyclicBarrier(options.sessions() + 1);
        List<Thread> threads = new ArrayList<>();
        List<Session> sessions = new ArrayList<>();
        List<Throwable> failures = new ArrayList<>();
        for (int s = 0; s < options.sessions(); s++) {
            Session session = new Session(options, s);
            sessions.add(session);
            Thread thread = new Thread(() -> {
                try {
                    session.run(warmedUp, started, deadline);
                } catch (Throwable e) {
                    synchronized (failures) {
                        failures.add(e);
                    }
                    warmedUp.reset();
                    started.reset();
                }
            });
            thread.start();
            threads.add(thread);
        }
        Cpu before = null;
        try {
            warmedUp.await();
            before = Cpu.now(options.pgdata());
            deadline[0] = before.wallNanos + options.seconds() * 1_000_000_000L;
            timing = true;
            started.await();
        } catch (BrokenBarrierException sessionFailed) {
            // reported below
        }
        for (Thread thread : threads) {
            thread.join();
        }
        Cpu after = Cpu.now(options.pgdata());
        for (Session session : sessions) {
            session.db.close(); // after the reading: a backend that exits may not have been added to the postmaster's children yet
        }
        if (!failures.isEmpty()) {
            failures.get(0).printStackTrace();
            System.exit(1);
        }
        report(options, before, after);
    }

    static void report(Options o, Cpu before, Cpu after) {
        double seconds = (after.wallNanos - before.wallNanos) / 1e9;
        long n = records.get();
        double perBatch = batches.get();
        String steps = Arrays.stream(new int[]{0, 1, 2, 3, 4, 5})
                .mapToObj(i -> STEPS[i] + " " + String.format("%.1f", stepNanos.get(i) / 1e6 / perBatch))
                .collect(Collectors.joining(", "));
        System.out.printf("hashes=%s golden=%s locks=%s batch=%d sessions=%d keys=%s | %,d records in %.1f s: %.0f records/s"
                        + " | CPU a record: PostgreSQL %.3f ms, client %.3f ms | machine busy %.0f %% of 2 cores, load %s -> %s"
                        + " | a batch: %.0f keys locked, %.0f rows written, %.0f statements, %.0f candidates read, %d retried | ms a batch: %s%n",
                o.hashes(), o.golden(), o.locks(), o.batch(), o.sessions(), o.sharedKeys() ? "shared" : "disjoint",
                n, seconds, n / seconds,
                (after.postgresTicks - before.postgresTicks) * 10.0 / n, (after.clientNanos - before.clientNanos) / 1e6 / n,
                100.0 * (after.machineBusy - before.machineBusy) / Math.max(1, after.machineAll - before.machineAll),
                before.load, after.load, keysLocked.get() / perBatch, rows.get() / perBatch, statements.get() / perBatch, candidatesRead.get() / perBatch,
                retries.get(), steps);
    }

    /** CPU used so far: the PostgreSQL cluster's processes (reaped children included), this JVM, the whole machine. */
    record Cpu(long wallNanos, long postgresTicks, long clientNanos, long machineBusy, long machineAll, String load) {
        static Cpu now(Path pgdata) throws Exception {
            long postmaster = Long.parseLong(Files.readAllLines(pgdata.resolve("postmaster.pid")).get(0).trim());
            long ticks = 0;
            try (var procs = Files.list(Path.of("/proc"))) {
                for (Path proc : procs.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                    String[] stat = stat(proc);
                    if (stat == null) {
                        continue;
                    }
                    long pid = Long.parseLong(proc.getFileName().toString());
                    // fields after the command: [1] ppid, [11] utime, [12] stime, [13] cutime, [14] cstime
                    if (pid == postmaster) {
                        ticks += Long.parseLong(stat[11]) + Long.parseLong(stat[12]) + Long.parseLong(stat[13]) + Long.parseLong(stat[14]);
                    } else if (Long.parseLong(stat[1]) == postmaster) {
                        ticks += Long.parseLong(stat[11]) + Long.parseLong(stat[12]);
                    }
                }
            }
            long[] cpu = Arrays.stream(Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+"))
                    .skip(1).mapToLong(Long::parseLong).toArray();
            long all = Arrays.stream(cpu).sum();
            long idle = cpu[3] + cpu[4];
            long client = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
            String load = Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
            return new Cpu(System.nanoTime(), ticks, client, all - idle, all, load);
        }

        static String[] stat(Path proc) {
            try {
                String line = Files.readString(proc.resolve("stat"));
                return line.substring(line.lastIndexOf(')') + 2).split(" ");
            } catch (Exception gone) {
                return null;
            }
        }
    }

    /** The hash of a key (kind, group), as population.sql's kh: the first 8 bytes of md5("kind:group"). */
    static long keyHash(int kind, long group) {
        try {
            byte[] md5 = MessageDigest.getInstance("MD5").digest((kind + ":" + group).getBytes(StandardCharsets.US_ASCII));
            long hash = 0;
            for (int i = 0; i < 8; i++) {
                hash = hash << 8 | (md5[i] & 0xff);
            }
            return hash;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** population.sql's key_group: which records share a key of this kind with this person. */
    static long keyGroup(int kind, long person) {
        return switch (kind) {
            case 0 -> person % 2500;
            case 1 -> person % 30000;
            case 9 -> person / 2;
            case 10 -> person / 4;
            case 11 -> person % 125000;
            default -> person;
        };
    }

    /** Disjoint sessions split persons by this: persons sharing a key of kind 9, 10 or 11 fall on one side. */
    static int side(long person) {
        return (int) ((person % 125000) / 4 % 2);
    }

    static final class Session {
        final Options o;
        final int index;
        final Random random;
        final Connection db;
        long nextNewPerson;
        long sequence;
        long nextId, idsLeft;
        int transaction;

        Session(Options o, int index) throws SQLException {
            this.o = o;
            this.index = index;
            this.random = new Random(o.seed() * 31 + index);
            this.db = DriverManager.getConnection(o.url() + "?user=atrium&password=bench&reWriteBatchedInserts=true");
            db.setAutoCommit(false);
            if (o.hashes().equals("array")) {
                // with the keys' values in view the planner takes "block_keys && <1,400 keys>" for most of the table and
                // scans all of it (14 s); the generic plan uses the GIN index
                try (Statement statement = db.createStatement()) {
                    statement.execute("set plan_cache_mode = force_generic_plan");
                }
                db.commit();
            }
            this.nextNewPerson = 1_000_000L * o.run() + index;
        }

        void run(CyclicBarrier warmedUp, CyclicBarrier started, long[] deadline) throws Exception {
            for (int b = 0; b < o.warmup(); b++) {
                resolve(nextBatch());
            }
            warmedUp.await();
            started.await();
            while (System.nanoTime() < deadline[0]) {
                resolve(nextBatch());
            }
        }

        List<Incoming> nextBatch() {
            List<Incoming> batch = new ArrayList<>(o.batch());
            for (int i = 0; i < o.batch(); i++) {
                batch.add(record(i % 2 == 0 ? newPerson() : storedPerson()));
            }
            return batch;
        }

        long newPerson() {
            long person;
            do {
                person = nextNewPerson;
                nextNewPerson += o.sessions();
            } while (!o.sharedKeys() && o.sessions() > 1 && side(person) != index);
            return person;
        }

        long storedPerson() {
            long person;
            do {
                person = 1 + random.nextInt(o.persons());
            } while (!o.sharedKeys() && o.sessions() > 1 && side(person) != index);
            return person;
        }

        Incoming record(long person) {
            String source = SOURCES[random.nextInt(SOURCES.length)];
            String sourceId = "r" + o.run() + "-" + index + "-" + sequence++;
            long[] hashes = new long[12];
            for (int kind = 0; kind < 12; kind++) {
                hashes[kind] = keyHash(kind, keyGroup(kind, person));
            }
            long recordKey = keyHash(99, (source + ":" + sourceId).hashCode());
            String payload = pad("{\"source\":\"" + source + "\",\"id\":\"" + sourceId + "\",\"name\":\"N" + person
                    + "\",\"phone\":\"1" + person + "\",\"email\":\"e" + person + "@example.com\",\"note\":\"", 400) + "\"}";
            String standardized = pad("{\"key\":{\"source\":\"" + source + "\",\"sourceId\":\"" + sourceId + "\"},\"names\":[\"n"
                    + person + "\"],\"phones\":[\"+861" + person + "\"],\"emails\":[\"e" + person + "@example.com\"],\"rest\":\"", 600) + "\"}";
            return new Incoming(person, source, sourceId, hashes, recordKey, payload, standardized);
        }

        String pad(String text, int length) {
            StringBuilder padded = new StringBuilder(text);
            while (padded.length() < length) {
                padded.append((char) ('a' + random.nextInt(26)));
            }
            return padded.toString();
        }

        /** One batch in one transaction, retried when PostgreSQL breaks a deadlock. */
        void resolve(List<Incoming> batch) throws Exception {
            while (true) {
                try {
                    Counts counts = new Counts();
                    resolveOnce(batch, counts);
                    if (timing) {
                        records.addAndGet(batch.size());
                        batches.incrementAndGet();
                        rows.addAndGet(counts.rows);
                        statements.addAndGet(counts.statements);
                        candidatesRead.addAndGet(counts.candidates);
                        keysLocked.addAndGet(counts.keys);
                        for (int i = 0; i < STEPS.length; i++) {
                            stepNanos.addAndGet(i, counts.nanos[i]);
                        }
                    }
                    return;
                } catch (SQLException e) {
                    if (!"40P01".equals(e.getSQLState()) && !"40001".equals(e.getSQLState())) {
                        throw e;
                    }
                    db.rollback();
                    retries.incrementAndGet();
                }
            }
        }

        /** What one batch did: rows written, statements sent (a JDBC batch or a COPY counts one), time per step. */
        static final class Counts {
            long rows, statements, candidates, keys;
            final long[] nanos = new long[STEPS.length];
            long last = System.nanoTime();

            void step(int i) {
                long now = System.nanoTime();
                nanos[i] += now - last;
                last = now;
            }
        }

        void resolveOnce(List<Incoming> batch, Counts c) throws Exception {
            Timestamp now = new Timestamp(System.currentTimeMillis());
            // 1. the keys: every usable blocking key and every record key of the batch, sorted
            TreeSet<Long> lockKeys = new TreeSet<>();
            Set<Long> blockingKeys = new LinkedHashSet<>();
            for (Incoming r : batch) {
                lockKeys.add(r.recordKey());
                for (long key : r.blockingKeys()) {
                    lockKeys.add(key);
                    blockingKeys.add(key);
                }
            }
            Array keys = longs(lockKeys);
            c.keys = lockKeys.size();
            if (o.locks().equals("rows")) {
                // the missing rows in a short transaction of their own, as BlockLockRows.createMissing does
                c.rows += update("insert into block_lock (hash) select unnest(?::bigint[]) on conflict do nothing", c, keys);
                db.commit();
                query("select hash from block_lock where hash = any(?) order by hash for update", c, keys).close();
            } else {
                query("select count(pg_advisory_xact_lock(h)) from unnest(?::bigint[]) h", c, keys).close();
            }
            c.step(0);

            // 2. the stored versions of the batch's records
            try (ResultSet stored = query("select s.id, s.content_hash from source_record s join unnest(?::text[], ?::text[]) k(source, source_id)"
                    + " on s.source = k.source and s.source_id = k.source_id", c,
                    texts(batch.stream().map(Incoming::source).toList()), texts(batch.stream().map(Incoming::sourceId).toList()))) {
                while (stored.next()) {
                    throw new IllegalStateException("a new record was found stored: source ids must be new in each run");
                }
            }
            c.step(1);

            // 3. the candidates under the blocking keys, and which key met which
            Map<Long, List<Candidate>> byKey = new HashMap<>();
            String candidateQuery = o.hashes().equals("array")
                    ? "select id, customer_id, standardized, block_keys from source_record where block_keys && ?::bigint[]"
                    : "select r.id, r.customer_id, r.standardized, array_agg(h.hash) from record_hash h join source_record r"
                      + " on r.id = h.source_record_id where h.hash = any(?) and h.field = -1 group by r.id";
            try (ResultSet rs = query(candidateQuery, c, longs(blockingKeys))) {
                while (rs.next()) {
                    Candidate candidate = new Candidate(rs.getLong(1), rs.getString(2), rs.getString(3));
                    c.candidates++;
                    for (Long key : (Long[]) rs.getArray(4).getArray()) {
                        if (blockingKeys.contains(key)) {
                            byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(candidate);
                        }
                    }
                }
            }
            c.step(2);

            // 4. the customers the records join, locked, and their golden values
            TreeSet<String> targets = batch.stream().map(Incoming::customerId).collect(Collectors.toCollection(TreeSet::new));
            Set<String> stored = new HashSet<>();
            try (ResultSet rs = query("select id from customer where id = any(?) order by id for update", c, texts(targets))) {
                while (rs.next()) {
                    stored.add(rs.getString(1));
                }
            }
            Map<String, Integer> goldenCount = new HashMap<>();
            Map<String, String> goldenDocs = new HashMap<>();
            Array storedIds = texts(stored);
            if (o.golden().equals("rows")) {
                try (ResultSet rs = query("select customer_id, field_name, value_rank, field_value from golden_value where customer_id = any(?)", c, storedIds)) {
                    while (rs.next()) {
                        goldenCount.merge(rs.getString(1), 1, Integer::sum);
                    }
                }
            } else {
                try (ResultSet rs = query("select customer_id, doc from golden_doc where customer_id = any(?)", c, storedIds)) {
                    while (rs.next()) {
                        goldenDocs.put(rs.getString(1), rs.getString(2));
                    }
                }
            }
            c.step(3);

            // 5. the writes
            long[] recordIds = writeRecords(batch, now, c);
            writeLinks(batch, recordIds, byKey, now, c);
            Map<String, Incoming> changed = new LinkedHashMap<>();
            batch.forEach(r -> changed.putIfAbsent(r.customerId(), r));
            List<String> created = changed.keySet().stream().filter(id -> !stored.contains(id)).toList();
            try (PreparedStatement insert = db.prepareStatement("insert into customer (id, status, kind, created_at, updated_at, version)"
                    + " values (?, 'ACTIVE', 'PERSON', ?, ?, 0)")) {
                for (String id : created) {
                    insert.setString(1, id);
                    insert.setTimestamp(2, now);
                    insert.setTimestamp(3, now);
                    insert.addBatch();
                }
                c.rows += execute(insert, c);
            }
            c.rows += update("update customer set version = version + 1, updated_at = now() where id = any(?)", c, storedIds);
            writeGolden(batch, stored, goldenCount, goldenDocs, c);
            writeChanges(changed, now, c);
            c.step(4);

            String gid = "store-ceiling-" + o.run() + "-" + index + "-" + transaction++;
            try (Statement statement = db.createStatement()) {
                statement.execute("prepare transaction '" + gid + "'");
                db.setAutoCommit(true);
                statement.execute("commit prepared '" + gid + "'");
                db.setAutoCommit(false);
            }
            c.statements += 2;
            c.step(5);
        }

        /** The batch's source records and their hashes; returns the records' ids. */
        long[] writeRecords(List<Incoming> batch, Timestamp now, Counts c) throws Exception {
            boolean arrays = o.hashes().equals("array");
            long[] ids = ids(batch.size(), c);
            try (PreparedStatement insert = db.prepareStatement("insert into source_record (id, source, source_id, customer_id,"
                    + " record_updated_at, received_at, content_hash, payload, standardized, quality_person, quality_name_hash,"
                    + " quality_birth_date, quality_gender, quality_email, quality_valid_phones, quality_invalid_phones, quality_id,"
                    + " block_keys, value_hashes) values (?, ?, ?, ?, ?, ?, ?, ?, ?, true, ?, date '1980-01-01', 'F', true, 1, 0, 'VALID', ?, ?)")) {
                for (int i = 0; i < batch.size(); i++) {
                    Incoming r = batch.get(i);
                    insert.setLong(1, ids[i]);
                    insert.setString(2, r.source());
                    insert.setString(3, r.sourceId());
                    insert.setString(4, r.customerId());
                    insert.setTimestamp(5, now);
                    insert.setTimestamp(6, now);
                    insert.setString(7, Long.toHexString(r.recordKey()).repeat(4));
                    insert.setString(8, r.payload());
                    insert.setString(9, r.standardized());
                    insert.setLong(10, r.hashes()[0]);
                    insert.setArray(11, arrays ? longs(Arrays.stream(r.blockingKeys()).boxed().toList()) : null);
                    insert.setArray(12, arrays ? longs(Arrays.stream(r.hashes(), 0, 5).boxed().toList()) : null);
                    insert.addBatch();
                }
                c.rows += execute(insert, c);
            }
            if (o.hashes().equals("rows")) {
                try (PreparedStatement insert = db.prepareStatement("insert into record_hash (source_record_id, hash, field) values (?, ?, ?)")) {
                    for (int i = 0; i < batch.size(); i++) {
                        for (int kind = 0; kind < 12; kind++) {
                            insert.setLong(1, ids[i]);
                            insert.setLong(2, batch.get(i).hashes()[kind]);
                            insert.setShort(3, (short) (kind < 5 ? kind : -1));
                            insert.addBatch();
                        }
                    }
                    c.rows += execute(insert, c);
                }
            } else if (o.hashes().equals("copy")) {
                StringBuilder text = new StringBuilder(batch.size() * 12 * 30);
                for (int i = 0; i < batch.size(); i++) {
                    for (int kind = 0; kind < 12; kind++) {
                        text.append(ids[i]).append('\t').append(batch.get(i).hashes()[kind]).append('\t').append(kind < 5 ? kind : -1).append('\n');
                    }
                }
                c.rows += db.unwrap(PGConnection.class).getCopyAPI()
                        .copyIn("copy record_hash (source_record_id, hash, field) from stdin", new StringReader(text.toString()));
                c.statements++;
            }
            return ids;
        }

        /** Two links a record, to the first candidates met under its own keys (same person first). */
        void writeLinks(List<Incoming> batch, long[] recordIds, Map<Long, List<Candidate>> byKey, Timestamp now, Counts c) throws Exception {
            try (PreparedStatement insert = db.prepareStatement("insert into match_link (id, left_record_id, right_record_id, score, priority,"
                    + " decision, conflict, explanation, review_state, scored_at) values (?, ?, ?, 0.95, 0.5, 'MERGE', false, ?, null, ?)")) {
                List<long[]> pairs = new ArrayList<>();
                for (int r = 0; r < batch.size(); r++) {
                    Set<Long> linked = new LinkedHashSet<>();
                    for (long key : batch.get(r).blockingKeys()) {
                        for (Candidate candidate : byKey.getOrDefault(key, List.of())) {
                            if (linked.size() < 2) {
                                linked.add(candidate.id());
                            }
                        }
                    }
                    long self = recordIds[r];
                    linked.forEach(id -> pairs.add(new long[]{id, self}));
                }
                long[] ids = ids(pairs.size(), c);
                for (int i = 0; i < pairs.size(); i++) {
                    insert.setLong(1, ids[i]);
                    insert.setLong(2, pairs.get(i)[0]);
                    insert.setLong(3, pairs.get(i)[1]);
                    insert.setString(4, "phone, e-mail and name agree; ID number agrees ........................................................................");
                    insert.setTimestamp(5, now);
                    insert.addBatch();
                }
                c.rows += execute(insert, c);
            }
        }

        /** Golden values: rows (three inserted for a new customer; two updated and one added for a stored one) or one jsonb document. */
        void writeGolden(List<Incoming> batch, Set<String> stored, Map<String, Integer> goldenCount, Map<String, String> goldenDocs,
                         Counts c) throws Exception {
            Map<String, Incoming> byCustomer = new LinkedHashMap<>();
            batch.forEach(r -> byCustomer.put(r.customerId(), r));
            if (o.golden().equals("jsonb")) {
                try (PreparedStatement upsert = db.prepareStatement("insert into golden_doc (customer_id, doc) values (?, ?::jsonb)"
                        + " on conflict (customer_id) do update set doc = excluded.doc")) {
                    for (Incoming r : byCustomer.values()) {
                        upsert.setString(1, r.customerId());
                        upsert.setString(2, "{\"name\":[{\"v\":\"n" + r.person() + "\",\"s\":\"" + r.source() + "\",\"i\":\"" + r.sourceId()
                                + "\"}],\"phone\":[{\"v\":\"+861" + r.person() + "\",\"s\":\"" + r.source() + "\",\"i\":\"" + r.sourceId()
                                + "\"}],\"email\":[{\"v\":\"e" + r.person() + "@example.com\"}],\"previous\":" + goldenDocs.getOrDefault(r.customerId(), "null") + "}");
                        upsert.addBatch();
                    }
                    c.rows += execute(upsert, c);
                }
                return;
            }
            try (PreparedStatement insert = db.prepareStatement("insert into golden_value (id, customer_id, field_name, value_rank, field_value,"
                    + " source, source_id) values (?, ?, ?, ?, ?, ?, ?)");
                 PreparedStatement update = db.prepareStatement("update golden_value set field_value = ?, source = ?, source_id = ?"
                         + " where customer_id = ? and field_name = ? and value_rank = 0")) {
                long[] ids = ids(byCustomer.size() * 3, c);
                int next = 0;
                for (Incoming r : byCustomer.values()) {
                    List<String> added = stored.contains(r.customerId()) ? List.of("phone") : List.of("name", "phone", "email");
                    for (String field : added) {
                        insert.setLong(1, ids[next++]);
                        insert.setString(2, r.customerId());
                        insert.setString(3, field);
                        insert.setInt(4, goldenCount.getOrDefault(r.customerId(), 0) + 1);
                        insert.setString(5, field + ":" + r.person() + ":" + r.sourceId());
                        insert.setString(6, r.source());
                        insert.setString(7, r.sourceId());
                        insert.addBatch();
                    }
                    if (stored.contains(r.customerId())) {
                        for (String field : List.of("name", "address")) {
                            update.setString(1, field + ":" + r.person() + ":" + r.sourceId());
                            update.setString(2, r.source());
                            update.setString(3, r.sourceId());
                            update.setString(4, r.customerId());
                            update.setString(5, field);
                            update.addBatch();
                        }
                    }
                }
                c.rows += execute(insert, c) + execute(update, c);
            }
        }

        /** One change-feed row per changed customer, positioned under the clock row held until the commit (ChangeEvents.announce). */
        void writeChanges(Map<String, Incoming> changed, Timestamp now, Counts c) throws Exception {
            long position;
            try (ResultSet rs = query("select last_position from change_feed_clock where id = 1 for update", c)) {
                rs.next();
                position = rs.getLong(1);
            }
            long[] ids = ids(changed.size(), c);
            try (PreparedStatement insert = db.prepareStatement("insert into customer_event (id, customer_id, type, occurred_at, feed_position,"
                    + " source, source_id) values (?, ?, 'UPDATED', ?, ?, ?, ?)")) {
                int i = 0;
                for (Incoming r : changed.values()) {
                    insert.setLong(1, ids[i++]);
                    insert.setString(2, r.customerId());
                    insert.setTimestamp(3, now);
                    insert.setLong(4, position + i);
                    insert.setString(5, r.source());
                    insert.setString(6, r.sourceId());
                    insert.addBatch();
                }
                c.rows += execute(insert, c);
            }
            c.rows += update("update change_feed_clock set last_position = ? where id = 1", c, position + changed.size());
        }

        /** Ids from the shared sequence, a thousand per round trip (the sequence's increment). */
        long[] ids(int count, Counts c) throws SQLException {
            long[] ids = new long[count];
            for (int i = 0; i < count; i++) {
                if (idsLeft == 0) {
                    try (ResultSet rs = query("select nextval('ids')", c)) {
                        rs.next();
                        nextId = rs.getLong(1);
                        idsLeft = 1000;
                    }
                }
                ids[i] = nextId++;
                idsLeft--;
            }
            return ids;
        }

        ResultSet query(String sql, Counts c, Object... parameters) throws SQLException {
            PreparedStatement statement = db.prepareStatement(sql);
            statement.closeOnCompletion();
            bind(statement, parameters);
            c.statements++;
            return statement.executeQuery();
        }

        int update(String sql, Counts c, Object... parameters) throws SQLException {
            try (PreparedStatement statement = db.prepareStatement(sql)) {
                bind(statement, parameters);
                c.statements++;
                return statement.executeUpdate();
            }
        }

        /** A JDBC batch: one statement as counted here; rows as the database reports them (rewritten inserts report none). */
        int execute(PreparedStatement batch, Counts c) throws SQLException {
            int[] counts = batch.executeBatch();
            if (counts.length == 0) {
                return 0;
            }
            c.statements++;
            int total = 0;
            for (int n : counts) {
                total += n == Statement.SUCCESS_NO_INFO ? 1 : n;
            }
            return total;
        }

        void bind(PreparedStatement statement, Object... parameters) throws SQLException {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
        }

        Array longs(java.util.Collection<Long> values) throws SQLException {
            return db.createArrayOf("bigint", values.toArray());
        }

        Array texts(java.util.Collection<String> values) throws SQLException {
            return db.createArrayOf("text", values.toArray());
        }
    }
}
