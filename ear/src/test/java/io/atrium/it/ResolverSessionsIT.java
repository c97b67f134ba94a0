package io.atrium.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.atrium.resolution.blocking.Hashing;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * More than one resolver session (the suite's server runs two, {@code atrium.resolver.sessions=2}): two
 * records of one person arriving together in different messages must still meet and end in one customer.
 * Each round posts the first records of many persons in one request and their second records in another,
 * at the same time: two messages, which the two sessions resolve in parallel unless they share a blocking
 * key. Without the blocking-key locks each of the second records could be resolved before its partner
 * is committed, miss it, and stay a customer of its own.
 */
class ResolverSessionsIT extends DeployedHub {

    private static final int PERSONS = 20;

    @RepeatedTest(5)
    void twoRecordsOfOnePersonArrivingTogetherEndInOneCustomer() {
        HubClient hub = hub();
        String run = TestData.runId();
        String source = "it-sessions-" + run;
        StringBuilder firsts = new StringBuilder();
        StringBuilder seconds = new StringBuilder();
        for (int person = 0; person < PERSONS; person++) {
            String seed = run + "-" + person;
            firsts.append(record(source, "A-" + person, seed)).append('\n');
            seconds.append(record(source, "B-" + person, seed)).append('\n');
        }
        List<CompletableFuture<HubClient.Response>> posts = new ArrayList<>();
        for (StringBuilder body : List.of(firsts, seconds)) {
            posts.add(CompletableFuture.supplyAsync(() -> hub.postRecords(HubClient.APP, body.toString())));
        }
        posts.forEach(post -> assertEquals(202, post.join().status(), post.join().body()));

        for (int person = 0; person < PERSONS; person++) {
            String first = customerOf(hub, source, "A-" + person);
            String second = customerOf(hub, source, "B-" + person);
            assertEquals(first, second, "person " + person + " of round " + run + " became two customers");
        }
    }

    /**
     * On PostgreSQL the key locks are advisory locks, not rows: a transaction holding the advisory lock of a
     * record's own key (its source and source id, hashed as {@code BlockingKeyLocks} hashes them) holds back the
     * batch bringing the record until it ends, and no {@code block_lock} row is written for the key.
     */
    @Test
    @EnabledIfSystemProperty(named = "arquillian.launch", matches = "wildfly-postgresql")
    void onPostgreSqlABatchWaitsForWhoeverHoldsTheAdvisoryLockOfOneOfItsKeys() throws SQLException, InterruptedException {
        HubClient hub = hub();
        String run = TestData.runId();
        String source = "it-advisory-" + run;
        long recordKey = Hashing.hash64(Hashing.seed("RECORD"), source + "|A-0");
        try (Connection db = DriverManager.getConnection(System.getProperty("atrium.test.db.url"),
                System.getProperty("atrium.test.db.user"), System.getProperty("atrium.test.db.password"))) {
            db.setAutoCommit(false);
            try (PreparedStatement lock = db.prepareStatement("select pg_advisory_xact_lock(?)")) {
                lock.setLong(1, recordKey);
                lock.execute();
            }
            HubClient.Response posted = hub.postRecords(HubClient.APP, record(source, "A-0", run));
            assertEquals(202, posted.status(), posted.body());
            Thread.sleep(3_000); // a record nothing holds back is resolved well within this
            assertEquals(0, hub.get(query(source, "A-0"), HubClient.APP).json().path("matches").size(),
                    "resolved while another transaction held its key");
            db.rollback();
            customerOf(hub, source, "A-0");
            try (PreparedStatement rows = db.prepareStatement("select count(*) from block_lock where hash = ?")) {
                rows.setLong(1, recordKey);
                try (ResultSet count = rows.executeQuery()) {
                    count.next();
                    assertEquals(0, count.getLong(1));
                }
            }
            db.rollback();
        }
    }

    /** A person's record: the same name, phone and birth date in both, under two source ids. */
    private static String record(String source, String sourceId, String seed) {
        ObjectNode record = TestData.canonicalPerson(source, sourceId, TestData.rareName(seed), TestData.mobile(seed));
        record.put("birthDate", TestData.birthDate(seed).toString());
        return record.toString();
    }

    /** Waits until the record is resolved and answers its customer's id. */
    private static String customerOf(HubClient hub, String source, String sourceId) {
        String query = query(source, sourceId);
        String[] customer = new String[1];
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
            JsonNode matches = hub.get(query, HubClient.APP).json().path("matches");
            if (matches.size() != 1) {
                return false;
            }
            customer[0] = matches.get(0).path("customer").path("id").asText();
            return true;
        });
        return customer[0];
    }

    private static String query(String source, String sourceId) {
        return "customers?source=" + URLEncoder.encode(source, StandardCharsets.UTF_8) + "&sourceId=" + sourceId;
    }
}
