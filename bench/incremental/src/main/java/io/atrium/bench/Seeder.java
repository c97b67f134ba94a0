package io.atrium.bench;

import io.atrium.resolution.blocking.Hashing;
import io.atrium.resolution.cluster.StewardConstraints;
import io.atrium.resolution.match.Decision;
import io.atrium.resolution.match.MatchResult;
import io.atrium.resolution.match.MatchSettings;
import io.atrium.resolution.match.Scorer;
import io.atrium.resolution.model.PartyRecord;
import io.atrium.resolution.model.PartyRecordJson;
import io.atrium.resolution.model.RecordKey;
import io.atrium.resolution.resolve.BulkResolver;
import io.atrium.resolution.resolve.Clustering;
import io.atrium.resolution.resolve.InMemoryFrequencies;
import io.atrium.resolution.rows.CopyText;
import io.atrium.resolution.standardize.Phones;
import io.atrium.resolution.standardize.StandardizedRecord;
import io.atrium.resolution.standardize.StandardizedRecordJson;
import io.atrium.resolution.standardize.Standardizer;
import io.atrium.resolution.survivorship.GoldenAttribute;
import io.atrium.resolution.survivorship.GoldenRecord;
import io.atrium.resolution.survivorship.GoldenValue;
import io.atrium.resolution.survivorship.Survivorship;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;

/**
 * Loads a hub database, whose tables the hub itself created (Hibernate schema update), with the state the
 * hub would hold after resolving the seed records: the engine's bulk resolution gives the customers (one per
 * cluster), the MERGE links and the pending REVIEW links (none for a pair in conflict); every record is
 * stored with its payload, content hash, standardized form and hashes exactly as RecordResolver stores them;
 * golden values come from the engine's survivorship as GoldenRecords stores them (the name as its source
 * wrote it). Rows go in with COPY; the tables' indexes and keys are dropped first and re-created from their
 * own definitions afterwards, and the id sequences are moved past the ids used. Not loaded: customer events
 * and change events of the seeded history.
 */
final class Seeder {

    /** Field names of stored golden values, as ejb/.../resolve/GoldenRecords.java names them. */
    private static final Map<GoldenAttribute, String> FIELD_NAMES = Map.of(
            GoldenAttribute.KIND, "kind", GoldenAttribute.NAME, "name", GoldenAttribute.GENDER, "gender",
            GoldenAttribute.BIRTH_DATE, "birthDate", GoldenAttribute.PHONE, "phone", GoldenAttribute.EMAIL, "email",
            GoldenAttribute.ADDRESS, "address");
    private static final List<String> TABLES = List.of("customer", "source_record", "record_hash", "match_link", "golden_value");
    private static final int CHUNK = 50_000;

    private Seeder() {
    }

    private record Loaded(PartyRecord record, StandardizedRecord standardized, byte[] payload) {
    }

    static void run(Map<String, String> options) throws Exception {
        Path input = Path.of(BenchMain.required(options, "input"));
        long started = System.nanoTime();
        List<Loaded> records = read(input);
        log(started, "read and standardized %d records", records.size());

        MatchSettings settings = MatchSettings.defaults();
        Clustering clustering = new BulkResolver(new Scorer(settings)).resolve(
                records.stream().map(Loaded::standardized).toList(), StewardConstraints.NONE);
        log(started, "resolved: %d customers, %d merge links, %d review links", clustering.clusters().size(),
                clustering.mergeLinks().size(), clustering.reviewLinks().size());

        Map<RecordKey, Integer> index = new HashMap<>(records.size() * 2);
        for (int i = 0; i < records.size(); i++) {
            index.put(records.get(i).standardized().key(), i);
        }
        int[] clusterOf = new int[records.size()];
        List<List<RecordKey>> clusters = clustering.clusters();
        for (int c = 0; c < clusters.size(); c++) {
            for (RecordKey key : clusters.get(c)) {
                clusterOf[index.get(key)] = c;
            }
        }
        Random random = new Random(20260303L);
        String[] customerIds = new String[clusters.size()];
        for (int c = 0; c < customerIds.length; c++) {
            long msb = (random.nextLong() & ~0xF000L) | 0x4000L;
            long lsb = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
            customerIds[c] = "C-" + new UUID(msb, lsb);
        }
        Instant now = Instant.now();
        String nowText = now.toString();

        try (Connection db = DriverManager.getConnection(BenchMain.required(options, "url"),
                BenchMain.required(options, "user"), BenchMain.required(options, "password"))) {
            db.setAutoCommit(false);
            List<String> recreate = dropKeysAndIndexes(db);
            db.commit();
            log(started, "dropped %d keys and indexes of the loaded tables", recreate.size());
            Survivorship survivorship = new Survivorship(settings);

            // customers and golden values (survivorship on all cores), one COPY after the other
            GoldenRecord[] built = new GoldenRecord[clusters.size()];
            IntStream.range(0, clusters.size()).parallel().forEach(c -> built[c] = survivorship.golden(
                    clusters.get(c).stream().map(k -> records.get(index.get(k)).standardized()).toList()));
            try (Copy customers = new Copy(db, "customer", Map.of("id", 0, "status", 1, "merged_into", 2, "kind", 3,
                    "created_at", 4, "updated_at", 5, "version", 6))) {
                for (int c = 0; c < clusters.size(); c++) {
                    GoldenValue kind = built[c].best(GoldenAttribute.KIND);
                    String kindName = kind != null ? kind.value()
                            : records.get(index.get(clusters.get(c).get(0))).standardized().kind().name();
                    customers.row(customerIds[c], "ACTIVE", null, kindName, nowText, nowText, "0");
                }
            }
            long[] goldenRows = {0};
            try (Copy golden = new Copy(db, "golden_value", Map.of("id", 0, "customer_id", 1, "field_name", 2,
                    "value_rank", 3, "field_value", 4, "source", 5, "source_id", 6))) {
                for (int c = 0; c < clusters.size(); c++) {
                    for (GoldenAttribute attribute : GoldenAttribute.values()) {
                        List<GoldenValue> values = built[c].all(attribute);
                        for (int rank = 0; rank < values.size(); rank++) {
                            GoldenValue value = values.get(rank);
                            if (attribute == GoldenAttribute.ID) {
                                String[] typeAndNumber = value.value().split(":", 2);
                                golden.row(Long.toString(++goldenRows[0]), customerIds[c], "idType", Integer.toString(rank),
                                        typeAndNumber[0], value.from().source(), value.from().sourceId());
                                golden.row(Long.toString(++goldenRows[0]), customerIds[c], "idNumber", Integer.toString(rank),
                                        typeAndNumber[1], value.from().source(), value.from().sourceId());
                            } else if (attribute == GoldenAttribute.NAME) {
                                // the name as the winning source wrote it, as GoldenRecords stores it
                                String written = records.get(index.get(value.from())).record().getName();
                                golden.row(Long.toString(++goldenRows[0]), customerIds[c], "name", Integer.toString(rank),
                                        written == null || written.isBlank() ? value.value() : written.strip(),
                                        value.from().source(), value.from().sourceId());
                            } else {
                                golden.row(Long.toString(++goldenRows[0]), customerIds[c], FIELD_NAMES.get(attribute),
                                        Integer.toString(rank), value.value(), value.from().source(), value.from().sourceId());
                            }
                        }
                    }
                }
            }
            db.commit();
            log(started, "copied %d customers, %d golden values", clusters.size(), goldenRows[0]);

            // source records with their standardized form; then their hashes
            // with the data-quality columns as RecordQuality.of fills them (the ejb's class, mirrored: the bench
            // does not depend on the ejb module)
            try (Copy rows = new Copy(db, "source_record", Map.ofEntries(Map.entry("id", 0), Map.entry("source", 1),
                    Map.entry("source_id", 2), Map.entry("customer_id", 3), Map.entry("record_updated_at", 4),
                    Map.entry("received_at", 5), Map.entry("content_hash", 6), Map.entry("payload", 7),
                    Map.entry("standardized", 8), Map.entry("quality_person", 9), Map.entry("quality_name_hash", 10),
                    Map.entry("quality_birth_date", 11), Map.entry("quality_gender", 12), Map.entry("quality_email", 13),
                    Map.entry("quality_valid_phones", 14), Map.entry("quality_invalid_phones", 15), Map.entry("quality_id", 16)))) {
                for (int from = 0; from < records.size(); from += CHUNK) {
                    int to = Math.min(records.size(), from + CHUNK);
                    String[] standardized = new String[to - from];
                    String[] hashes = new String[to - from];
                    int base = from;
                    IntStream.range(from, to).parallel().forEach(i -> {
                        standardized[i - base] = StandardizedRecordJson.write(records.get(i).standardized());
                        hashes[i - base] = sha256(records.get(i).payload());
                    });
                    for (int i = from; i < to; i++) {
                        PartyRecord record = records.get(i).record();
                        String[] quality = quality(record, records.get(i).standardized());
                        rows.row(Long.toString(i + 1L), record.getSource(), record.getSourceId(), customerIds[clusterOf[i]],
                                record.getUpdatedAt() == null ? null : record.getUpdatedAt().toString(), nowText,
                                hashes[i - from], new String(records.get(i).payload(), StandardCharsets.UTF_8),
                                standardized[i - from], quality[0], quality[1], quality[2], quality[3], quality[4],
                                quality[5], quality[6], quality[7]);
                    }
                }
            }
            db.commit();
            log(started, "copied %d source records", records.size());

            long[] hashRows = {0};
            try (Copy hashes = new Copy(db, "record_hash", Map.of("source_record_id", 0, "hash", 1, "field", 2))) {
                for (int i = 0; i < records.size(); i++) {
                    String id = Long.toString(i + 1L);
                    InMemoryFrequencies.hashes(records.get(i).standardized(), (field, hash) -> {
                        hashes.row(id, Long.toString(hash), field == null ? "-1" : Integer.toString(field.ordinal()));
                        hashRows[0]++;
                    });
                }
            }
            db.commit();
            log(started, "copied %d record hashes", hashRows[0]);

            long linkId = 0;
            try (Copy links = new Copy(db, "match_link", Map.ofEntries(Map.entry("id", 0), Map.entry("left_record_id", 1),
                    Map.entry("right_record_id", 2), Map.entry("score", 3), Map.entry("priority", 4), Map.entry("decision", 5),
                    Map.entry("conflict", 6), Map.entry("explanation", 7), Map.entry("review_state", 8),
                    Map.entry("suppressed_by", 9), Map.entry("scored_at", 10), Map.entry("review_reason", 11)))) {
                for (List<MatchResult> kind : List.of(clustering.mergeLinks(), clustering.reviewLinks())) {
                    for (MatchResult link : kind) {
                        if (link.conflict()) {
                            continue; // RecordResolver keeps no link for a pair in conflict
                        }
                        String explanation = link.explain();
                        links.row(Long.toString(++linkId), Long.toString(index.get(link.left()) + 1L),
                                Long.toString(index.get(link.right()) + 1L), Double.toString(link.score()),
                                Double.toString(link.score()), // the priority without review-priority settings
                                link.decision().name(), link.conflict() ? "t" : "f",
                                explanation.length() > 2000 ? explanation.substring(0, 2000) : explanation,
                                link.decision() == Decision.REVIEW ? "PENDING" : null, null, nowText,
                                null); // no held-back caller: the seeder's links are the bulk engine's decisions
                    }
                }
            }
            db.commit();
            log(started, "copied %d match links", linkId);

            try (Statement statement = db.createStatement()) {
                statement.execute("set maintenance_work_mem = '1GB'");
                for (String ddl : recreate) {
                    statement.execute(ddl);
                    db.commit();
                    log(started, "%s", ddl.length() > 110 ? ddl.substring(0, 110) + "..." : ddl);
                }
                setSequence(statement, "source_record", records.size());
                setSequence(statement, "golden_value", goldenRows[0]);
                setSequence(statement, "match_link", linkId);
            }
            db.commit();
        }
        log(started, "seeded");
    }

    private static List<Loaded> read(Path input) throws IOException {
        Map<RecordKey, Loaded> latest = new LinkedHashMap<>();
        int duplicates = 0;
        try (BufferedReader reader = Files.newBufferedReader(input, StandardCharsets.UTF_8)) {
            List<String> chunk = new ArrayList<>(CHUNK);
            boolean more = true;
            while (more) {
                chunk.clear();
                String line;
                while (chunk.size() < CHUNK && (line = reader.readLine()) != null) {
                    if (!line.isBlank()) {
                        chunk.add(line);
                    }
                }
                more = chunk.size() == CHUNK;
                Loaded[] parsed = new Loaded[chunk.size()];
                IntStream.range(0, chunk.size()).parallel().forEach(i -> {
                    PartyRecord record = PartyRecordJson.read(chunk.get(i));
                    String payload = PartyRecordJson.write(record);
                    parsed[i] = new Loaded(record, Standardizer.standardize(record), payload.getBytes(StandardCharsets.UTF_8));
                });
                for (Loaded loaded : parsed) {
                    if (latest.remove(loaded.standardized().key()) != null) {
                        duplicates++;
                    }
                    latest.put(loaded.standardized().key(), loaded);
                }
            }
        }
        if (duplicates > 0) {
            System.out.printf("%d records repeated a key; the later one is kept%n", duplicates);
        }
        return new ArrayList<>(latest.values());
    }

    /**
     * Primary and unique keys and plain indexes of the loaded tables, dropped; returns the statements that
     * re-create them as they were (their definitions as PostgreSQL reports them), primary keys first.
     */
    private static List<String> dropKeysAndIndexes(Connection db) throws SQLException {
        List<String> recreate = new ArrayList<>();
        List<String> drop = new ArrayList<>();
        try (Statement statement = db.createStatement()) {
            for (String table : TABLES) {
                try (ResultSet keys = statement.executeQuery("select conname, pg_get_constraintdef(oid), contype from pg_constraint "
                        + "where conrelid = '" + table + "'::regclass and contype in ('p', 'u', 'f') order by contype, conname")) {
                    while (keys.next()) {
                        if (keys.getString(3).equals("f")) {
                            throw new IllegalStateException("foreign key " + keys.getString(1) + " on " + table + ": not expected");
                        }
                        drop.add("alter table " + table + " drop constraint " + keys.getString(1));
                        recreate.add("alter table " + table + " add constraint " + keys.getString(1) + " " + keys.getString(2));
                    }
                }
                try (ResultSet indexes = statement.executeQuery("select i.relname, pg_get_indexdef(i.oid) from pg_index x "
                        + "join pg_class i on i.oid = x.indexrelid where x.indrelid = '" + table + "'::regclass "
                        + "and not exists (select 1 from pg_constraint c where c.conindid = i.oid) order by i.relname")) {
                    while (indexes.next()) {
                        drop.add("drop index " + indexes.getString(1));
                        recreate.add(indexes.getString(2));
                    }
                }
                try (ResultSet count = statement.executeQuery("select count(*) from " + table)) {
                    count.next();
                    if (count.getLong(1) != 0) {
                        throw new IllegalStateException("table " + table + " is not empty: seed a fresh database");
                    }
                }
            }
            for (String ddl : drop) {
                statement.execute(ddl);
            }
        }
        return recreate;
    }

    private static void setSequence(Statement statement, String table, long maxId) throws SQLException {
        try (ResultSet exists = statement.executeQuery("select 1 from pg_class where relkind = 'S' and relname = '" + table + "_seq'")) {
            if (!exists.next()) {
                throw new IllegalStateException("no sequence " + table + "_seq: the id generation changed");
            }
        }
        // past every id used, with room for a whole allocation block of Hibernate's pooled optimizer
        statement.execute("select setval('" + table + "_seq', " + (maxId + 100) + ")");
    }

    private static String sha256(byte[] payload) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(payload));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void log(long started, String format, Object... args) {
        System.out.printf(Locale.ROOT, "[%6.1f s] %s%n", (System.nanoTime() - started) / 1e9, String.format(Locale.ROOT, format, args));
    }

    private static final long QUALITY_NAME_SEED = Hashing.seed("quality:name");

    /**
     * The data-quality columns of a record as the hub's {@code RecordQuality.of} fills them: person, name hash,
     * birth date, gender, e-mail, valid phones, invalid phones, ID state (COPY text values).
     */
    static String[] quality(PartyRecord stated, StandardizedRecord standardized) {
        String name = standardized.isPerson()
                ? (standardized.weakName() ? null : standardized.nameKey())
                : standardized.orgName();
        long invalidPhones = stated.getPhones().stream()
                .filter(raw -> raw != null && !raw.isBlank())
                .filter(raw -> Phones.standardize(raw).map(p -> p.type() == Phones.Type.UNVERIFIED).orElse(true))
                .count();
        return new String[] {
                standardized.isPerson() ? "t" : "f",
                name == null ? null : Long.toString(Hashing.hash64(QUALITY_NAME_SEED, name)),
                standardized.birthDate() == null ? null : standardized.birthDate().toString(),
                standardized.gender(),
                standardized.emails().isEmpty() ? "f" : "t",
                Integer.toString(Math.min(Short.MAX_VALUE, standardized.mobiles().size() + standardized.landlines().size())),
                Long.toString(Math.min(Short.MAX_VALUE, invalidPhones)),
                standardized.idNumber() == null ? "NONE" : standardized.idValid() ? "VALID" : "INVALID"};
    }

    /**
     * A COPY in PostgreSQL's text format. The columns given must be exactly the table's columns (in any order),
     * so that a changed entity fails the seeding instead of leaving a column empty.
     */
    static final class Copy implements AutoCloseable {
        private static final int FLUSH = 1 << 20;
        private final CopyIn copy;
        private final int[] order;
        private final StringBuilder buffer = new StringBuilder(FLUSH + 65536);

        Copy(Connection db, String table, Map<String, Integer> columns) throws SQLException {
            Set<String> actual = new LinkedHashSet<>();
            try (Statement statement = db.createStatement();
                 ResultSet rs = statement.executeQuery("select column_name from information_schema.columns where table_name = '"
                         + table + "' and table_schema = current_schema() order by ordinal_position")) {
                while (rs.next()) {
                    actual.add(rs.getString(1));
                }
            }
            if (!actual.equals(columns.keySet())) {
                throw new IllegalStateException("table " + table + " has columns " + actual + ", the seeder writes "
                        + columns.keySet() + ": update bench/incremental to the entity");
            }
            List<String> names = new ArrayList<>(actual);
            order = names.stream().mapToInt(columns::get).toArray();
            copy = db.unwrap(PGConnection.class).getCopyAPI().copyIn("copy " + table + " (" + String.join(", ", names)
                    + ") from stdin");
        }

        /** One row, values in the order of the column map's positions; null is SQL NULL. */
        void row(String... values) {
            Object[] inTableOrder = new Object[order.length];
            for (int c = 0; c < order.length; c++) {
                inTableOrder[c] = values[order[c]];
            }
            CopyText.appendRow(buffer, inTableOrder);
            if (buffer.length() >= FLUSH) {
                flush();
            }
        }

        private void flush() {
            try {
                byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
                copy.writeToCopy(bytes, 0, bytes.length);
                buffer.setLength(0);
            } catch (SQLException e) {
                throw new IllegalStateException("COPY failed", e);
            }
        }

        @Override
        public void close() throws SQLException {
            flush();
            copy.endCopy();
        }
    }

}
