package io.atrium.hub.privacy;

import io.atrium.hub.audit.ReadChannel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A search's audit rows written as one statement in autocommit, on H2 (the hub's default database), against the table
 * and sequence Hibernate makes for {@code PersonalDataRead}.
 */
class AuditedReadsTest {

    private static final int PAGES = 24;

    private Connection connection;

    @BeforeEach
    void schema() throws SQLException {
        connection = DriverManager.getConnection("jdbc:h2:mem:audited-reads");
        try (Statement ddl = connection.createStatement()) {
            ddl.execute("create sequence personal_data_read_seq start with 1 increment by 50");
            ddl.execute("create table personal_data_read (id bigint primary key, reader varchar(128) not null,"
                    + " customer_id varchar(40) not null, channel varchar(8) not null, read_at timestamp(6) with time zone not null)");
        }
    }

    @AfterEach
    void drop() throws SQLException {
        try (Statement ddl = connection.createStatement()) {
            ddl.execute("drop all objects");
        }
        connection.close();
    }

    @Test
    void aPageIsOneRowPerCustomerWithTheReaderChannelAndTime() throws SQLException {
        Instant before = Instant.now();

        new AuditedReads().record(connection, "app", List.of("c-b", "c-a", "c-c"), ReadChannel.EJB);

        List<String> rows = new ArrayList<>();
        try (Statement query = connection.createStatement();
             ResultSet read = query.executeQuery("select customer_id, reader, channel, read_at from personal_data_read order by id")) {
            while (read.next()) {
                rows.add(read.getString(1) + " " + read.getString(2) + " " + read.getString(3));
                Instant at = read.getObject(4, OffsetDateTime.class).toInstant();
                assertTrue(!at.isBefore(before.minus(Duration.ofMillis(1))) && !at.isAfter(Instant.now()), at.toString());
            }
        }
        assertEquals(List.of("c-b app EJB", "c-a app EJB", "c-c app EJB"), rows);
    }

    @Test
    void idsComeFromTheSequencesBlocksAndNeverMeetHibernatesOwn() throws SQLException {
        AuditedReads audit = new AuditedReads();
        audit.record(connection, "app", customers(30), ReadChannel.REST);
        long hibernatesBlock = sequenceValue(); // as Hibernate's pooled optimizer draws: it owns value-49..value
        audit.record(connection, "app", customers(40), ReadChannel.REST);

        List<Long> ids = ids();
        assertEquals(70, new HashSet<>(ids).size());
        // the first value (1) is below a block and skipped: 51 reserves 2..51, then Hibernate took 101, so 151 is next
        assertEquals(2, ids.get(0));
        assertEquals(101, hibernatesBlock);
        assertTrue(ids.stream().noneMatch(id -> id > hibernatesBlock - SequenceBlocks.BLOCK && id <= hibernatesBlock), ids.toString());
        assertEquals(151 - SequenceBlocks.BLOCK + 1 + 19, ids.get(69));
    }

    @Test
    void pagesAuditedAtOnceByDifferentReadersKeepEachRowsReaderAndChannel() throws Exception {
        AuditedReads audit = new AuditedReads();
        ExecutorService searches = Executors.newFixedThreadPool(6);
        try {
            List<Future<?>> pages = new ArrayList<>();
            for (int page = 0; page < PAGES; page++) {
                String reader = page % 2 == 0 ? "app" : "admin";
                ReadChannel channel = page % 3 == 0 ? ReadChannel.EJB : ReadChannel.REST;
                List<String> customers = List.of("c-" + page + "-a", "c-" + page + "-b");
                // each search on a connection of its own, as from the pool
                pages.add(searches.submit(() -> {
                    try (Connection own = DriverManager.getConnection("jdbc:h2:mem:audited-reads")) {
                        audit.record(own, reader, customers, channel);
                    }
                    return null;
                }));
            }
            for (Future<?> page : pages) {
                page.get(30, TimeUnit.SECONDS);
            }
        } finally {
            searches.shutdownNow();
        }

        Set<String> expected = new HashSet<>();
        for (int page = 0; page < PAGES; page++) {
            for (String suffix : List.of("a", "b")) {
                expected.add("c-" + page + "-" + suffix + " " + (page % 2 == 0 ? "app" : "admin") + " "
                        + (page % 3 == 0 ? "EJB" : "REST"));
            }
        }
        Set<String> rows = new HashSet<>();
        try (Statement query = connection.createStatement();
             ResultSet read = query.executeQuery("select customer_id, reader, channel from personal_data_read")) {
            while (read.next()) {
                rows.add(read.getString(1) + " " + read.getString(2) + " " + read.getString(3));
            }
        }
        assertEquals(expected, rows);
        assertEquals(2 * PAGES, new HashSet<>(ids()).size());
    }

    private static List<String> customers(int count) {
        return IntStream.range(0, count).mapToObj(i -> "c-" + i).toList();
    }

    private long sequenceValue() throws SQLException {
        try (Statement query = connection.createStatement(); ResultSet value = query.executeQuery("select next value for personal_data_read_seq")) {
            value.next();
            return value.getLong(1);
        }
    }

    private List<Long> ids() throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (Statement query = connection.createStatement(); ResultSet read = query.executeQuery("select id from personal_data_read order by id")) {
            while (read.next()) {
                ids.add(read.getLong(1));
            }
        }
        return ids;
    }
}
