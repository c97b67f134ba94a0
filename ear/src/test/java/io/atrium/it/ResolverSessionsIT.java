package io.atrium.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.RepeatedTest;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
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

    /** A person's record: the same name, phone and birth date in both, under two source ids. */
    private static String record(String source, String sourceId, String seed) {
        ObjectNode record = TestData.canonicalPerson(source, sourceId, TestData.rareName(seed), TestData.mobile(seed));
        record.put("birthDate", TestData.birthDate(seed).toString());
        return record.toString();
    }

    /** Waits until the record is resolved and answers its customer's id. */
    private static String customerOf(HubClient hub, String source, String sourceId) {
        String query = "customers?source=" + URLEncoder.encode(source, StandardCharsets.UTF_8) + "&sourceId=" + sourceId;
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
}
