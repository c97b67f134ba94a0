package io.atrium.hub.analytics;

import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.event.Event;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.text.MessageFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The live refresh's drain against a second writer of the same customer (the other node's full recompute or first
 * read), on H2 as the hub's datasource: the other writer's row is not committed yet when the drain inserts its own,
 * so the drain's insert waits for it and then meets it (a duplicate key); the drain is retried and replaces it.
 */
class ValueRecomputeTest {

    private static final String URL = "jdbc:h2:mem:recompute;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000";
    private static final LocalDate AS_OF = LocalDate.of(2026, 6, 30);
    /** When the other node scored C-a: the drain's own row has the time it scores. */
    private static final Instant OTHER_NODE_SCORED = Instant.parse("2026-06-30T02:00:00Z");

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final List<String> warnings = new CopyOnWriteArrayList<>();
    private final Logger log = Logger.getLogger(ValueRecompute.class.getName());
    private final Handler warningsKept = new Handler() {
        @Override
        public void publish(LogRecord record) {
            warnings.add(MessageFormat.format(record.getMessage(), record.getParameters()));
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private final ValueRecompute recompute = new ValueRecompute();
    private Connection db;

    @BeforeEach
    void hub() throws SQLException {
        db = hubDataSource().getConnection();
        ValueTablesSql.execute(db, "runscript from 'classpath:io/atrium/hub/analytics/value-tables.sql'");
        ValueChunk chunks = new ValueChunk();
        chunks.dataSource = hubDataSource();
        chunks.settings = ValueModelTest.defaults();
        chunks.written = eventsNobodyObserves();
        recompute.chunks = chunks;
        recompute.liveRefresh = true;
        recompute.refreshDelayMillis = 20;
        recompute.refreshes = scheduledOn(scheduler);
        log.addHandler(warningsKept);
    }

    @AfterEach
    void drop() throws SQLException {
        log.removeHandler(warningsKept);
        scheduler.shutdownNow();
        ValueTablesSql.execute(db, "drop all objects");
        db.close();
    }

    @Test
    void aDrainThatMeetsAnotherWritersRowOfTheSameCustomerIsRetriedAndReplacesIt() throws Exception {
        try (Connection otherNode = hubDataSource().getConnection()) {
            otherNode.setAutoCommit(false);
            new ValueTables(ValueModelTest.defaults()).rescore(otherNode, List.of("C-a"), AS_OF, OTHER_NODE_SCORED);

            recompute.customersChanged(List.of("C-a"));
            awaitTrue(() -> !column("select session_id from information_schema.sessions"
                    + " where executing_statement like 'insert into customer_value%'").isEmpty(), "the drain's insert waits for the other writer's row");
            otherNode.commit();
        }

        awaitTrue(() -> !column("select customer_id from customer_value where customer_id = 'C-a' and computed_at > timestamp with"
                + " time zone '2026-06-30 02:00:00Z'").isEmpty(), "the drain's retry replaced the other writer's row");
        // the drain scores as of today, the other writer as of its date
        assertEquals(List.of(ValueRecompute.today() + " GOLD 3400"), column(
                "select as_of || ' ' || tier || ' ' || points_balance from customer_value where customer_id = 'C-a'"));
        assertEquals(1, warnings.size(), () -> "one failed attempt, then the retry: " + warnings);
        assertTrue(warnings.get(0).startsWith("scoring 1 changed customers failed (java.lang.IllegalStateException), retried in 40 ms"),
                warnings.get(0));
    }

    private static JdbcDataSource hubDataSource() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL(URL);
        return dataSource;
    }

    private interface Check {
        boolean holds() throws SQLException;
    }

    private static void awaitTrue(Check check, String what) throws SQLException, InterruptedException {
        for (long deadline = System.nanoTime() + 20_000_000_000L; !check.holds(); Thread.sleep(20)) {
            assertTrue(System.nanoTime() < deadline, "not within 20 s: " + what);
        }
    }

    private List<String> column(String sql) throws SQLException {
        return ValueTablesSql.column(db, sql);
    }


    /** The container's scheduler stands for a plain one: the drain schedules, nothing else. */
    private static ManagedScheduledExecutorService scheduledOn(ScheduledExecutorService scheduler) {
        return (ManagedScheduledExecutorService) Proxy.newProxyInstance(ValueRecomputeTest.class.getClassLoader(),
                new Class<?>[]{ManagedScheduledExecutorService.class}, (proxy, method, args) -> {
                    try {
                        return method.invoke(scheduler, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    /** Segment membership (the observer of the scores written) is not part of this test. */
    @SuppressWarnings("unchecked")
    private static Event<ScoresWritten> eventsNobodyObserves() {
        return (Event<ScoresWritten>) Proxy.newProxyInstance(ValueRecomputeTest.class.getClassLoader(),
                new Class<?>[]{Event.class}, (proxy, method, args) -> null);
    }
}
