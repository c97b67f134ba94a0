package io.atrium.connectors.sales;

import io.atrium.connectors.common.ProgressStore;
import io.atrium.connectors.common.RejectedInput;
import io.atrium.connectors.common.SourceClock;
import io.atrium.connectors.common.TakenVersions;
import io.atrium.resolution.model.CanonicalMessage;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The sales poller against a real (in-memory H2) sales table, with the hub's clock fixed. */
class SalesTablePollerTest {

    /** 2026-03-01 12:00 in China Standard Time, the sales system's clock. */
    private static final LocalDateTime NOW = LocalDateTime.of(2026, 3, 1, 12, 0);
    private static final Duration SKEW = Duration.ofMinutes(2);

    private final Map<String, String> progress = new HashMap<>();
    private final List<CanonicalMessage> delivered = new ArrayList<>();
    private final List<RejectedInput> quarantined = new ArrayList<>();
    private final List<String> futureDated = new ArrayList<>();
    private final TakenVersions taken = new TakenVersions();
    private Connection keepAlive;
    private SalesTablePoller poller;

    @BeforeEach
    void createSalesDatabase() throws SQLException {
        JdbcDataSource database = new JdbcDataSource();
        database.setURL("jdbc:h2:mem:sales-" + System.nanoTime());
        keepAlive = database.getConnection();
        try (Statement ddl = keepAlive.createStatement()) {
            ddl.execute("""
                    CREATE TABLE sales_customer (
                      cust_no VARCHAR(32) PRIMARY KEY, cust_name VARCHAR(100) NOT NULL, mobile VARCHAR(40),
                      cert_type VARCHAR(20), cert_no VARCHAR(40), gender VARCHAR(4), birthday DATE,
                      email VARCHAR(100), address VARCHAR(200), updated_at TIMESTAMP NOT NULL)""");
        }
        ProgressStore store = new ProgressStore() {
            public Optional<String> load(String key) { return Optional.ofNullable(progress.get(key)); }
            public void save(String key, String value) { progress.put(key, value); }
            public boolean remove(String key) { return progress.remove(key) != null; }
        };
        Instant now = NOW.atZone(java.time.ZoneId.of("Asia/Shanghai")).toInstant();
        poller = new SalesTablePoller(database, store, delivered::addAll, quarantined::add,
                new SourceClock(Clock.fixed(now, ZoneOffset.UTC), SKEW), (source, position) -> futureDated.add(position));
    }

    @AfterEach
    void dropSalesDatabase() throws SQLException {
        keepAlive.close();
    }

    @Test
    void aRowDatedFarAheadIsDeliveredAndReportedAndTheRowsAfterItStillArrive() throws SQLException {
        customer("C-2099", "赵磊", LocalDateTime.of(2099, 1, 1, 0, 0));
        poll();
        assertEquals(List.of("C-2099"), deliveredIds());
        assertEquals(List.of("sales_customer cust_no=C-2099 updated_at=2099-01-01T00:00"), futureDated);
        assertEquals(NOW.minus(SKEW) + "|", progress.get("sales:sales_customer"), "the watermark stays behind the hub's clock");

        customer("C-1", "孙丽", NOW.minusSeconds(30));
        customer("C-2", "周杰", NOW.minusSeconds(20));
        poll();
        assertEquals(List.of("C-2099", "C-1", "C-2"), deliveredIds(), "the 2099 row read again is not delivered twice");
        assertEquals(1, futureDated.size());
    }

    @Test
    void aRowCommittedLateWithAnOlderUpdatedAtInsideTheSkewArrives() throws SQLException {
        customer("C-1", "孙丽", NOW.minusSeconds(10));
        poll();
        customer("C-late", "周杰", NOW.minusSeconds(60));
        customer("C-broken", "", NOW.minusSeconds(50));
        poll();
        poll();

        assertEquals(List.of("C-1", "C-late"), deliveredIds());
        assertEquals(1, quarantined.size(), "a broken row read again is not quarantined again");
    }

    @Test
    void aRowOlderThanTheSkewBehindTheWatermarkIsNotReadAgain() throws SQLException {
        customer("C-1", "孙丽", NOW.minusSeconds(600));
        poll();
        assertEquals(NOW.minusSeconds(600) + "|C-1", progress.get("sales:sales_customer"), "an old row sets the watermark exactly");
    }

    @Test
    void aWatermarkStoredInTheFutureIsPulledBack() throws SQLException {
        progress.put("sales:sales_customer", "2099-01-01T00:00|C-2099");
        customer("C-1", "孙丽", NOW.minusSeconds(30));
        poll();
        assertEquals(List.of("C-1"), deliveredIds());
    }

    @Test
    void theBatchesOfOnePollFollowEachOtherPastTheSkewWindow() throws SQLException {
        for (int i = 0; i < 5; i++) {
            customer("C-" + i, "孙丽", NOW.minusSeconds(50 - i));
        }
        SalesTablePoller.Batch first = poller.pollOnce(SalesTable.CUSTOMER, null, 2, taken);
        SalesTablePoller.Batch second = poller.pollOnce(SalesTable.CUSTOMER, first.last(), 2, taken);
        SalesTablePoller.Batch third = poller.pollOnce(SalesTable.CUSTOMER, second.last(), 2, taken);

        assertEquals(List.of(2, 2, 1), List.of(first.read(), second.read(), third.read()));
        assertEquals(List.of("C-0", "C-1", "C-2", "C-3", "C-4"), deliveredIds());
        assertTrue(progress.get("sales:sales_customer").startsWith(NOW.minus(SKEW).toString()));
    }

    /** One poll as the route runs it: batches until one is not full, each batch's versions noted after it. */
    private void poll() {
        SalesTablePoller.Batch batch = null;
        do {
            batch = poller.pollOnce(SalesTable.CUSTOMER, batch == null ? null : batch.last(), 100, taken);
            taken.addAll(batch.taken());
        } while (batch.read() >= 100);
    }

    private List<String> deliveredIds() {
        return delivered.stream().map(m -> m.getParty().getSourceId()).toList();
    }

    private void customer(String custNo, String name, LocalDateTime updatedAt) throws SQLException {
        try (PreparedStatement insert = keepAlive.prepareStatement(
                "INSERT INTO sales_customer (cust_no, cust_name, mobile, updated_at) VALUES (?, ?, '13800138000', ?)")) {
            insert.setString(1, custNo);
            insert.setString(2, name);
            insert.setObject(3, updatedAt);
            insert.executeUpdate();
        }
    }
}
