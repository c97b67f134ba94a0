package io.atrium.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Duration;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * Canonical records of one test run for the stewards' tests (through the API, as a downstream system posts them),
 * and the review pairs they make. Names are unique per run, so the frequency snapshot taken at server start does not
 * know them and the scores are the settings' plain weights.
 */
final class StewardRecords {

    final HubClient hub;
    final String run = TestData.runId();
    final String source = "it-" + run;

    StewardRecords(HubClient hub) {
        this.hub = hub;
    }

    void post(ObjectNode record) {
        HubClient.Response posted = hub.postRecords(HubClient.APP, record.toString());
        assertEquals(202, posted.status(), posted.body());
    }

    ObjectNode person(String sourceId, String name, String phone) {
        return TestData.canonicalPerson(source, sourceId, name, phone);
    }

    /** A three-character Chinese name no other run uses, so it is rare (no term-frequency shift). */
    String uniqueName(int salt) {
        String given = "安柏澄德恩芳格瀚嘉婧珂岚玫楠琦瑞珊婷薇昕雅毓臻翰墨骁骏宸钧锐锋桐梓榆樾瑾瑜璇琬璟琅沅湘澜漪溪汐灏煜烨炜晗晔曦昀朗睿彦弈";
        int h = (int) Math.floorMod(TestData.mixed(run + salt), (long) given.length() * given.length());
        return "欧阳" + given.charAt(h / given.length()) + given.charAt(h % given.length());
    }

    /** Records A and B agreeing on a rare name and birth date but with different phones: the review band. */
    JsonNode reviewPair(String phoneA, String phoneB) {
        post(person("A", uniqueName(1), phoneA).put("birthDate", "1990-01-02"));
        post(person("B", uniqueName(1), phoneB).put("birthDate", "1990-01-02"));
        hub.awaitCustomerWithPhone(phoneA, 1);
        hub.awaitCustomerWithPhone(phoneB, 1);
        JsonNode[] pair = new JsonNode[1];
        await().atMost(Duration.ofSeconds(30)).until(() -> (pair[0] = pendingPair(phoneA)) != null);
        assertNotEquals(hub.awaitCustomerWithPhone(phoneA, 1).get("id"), hub.awaitCustomerWithPhone(phoneB, 1).get("id"));
        return pair[0];
    }

    /** The pending review pair whose left record has this phone, or null. */
    JsonNode pendingPair(String phoneA) {
        HubClient.Response reviews = hub.get("steward/reviews?limit=1000", HubClient.ADMIN);
        assertEquals(200, reviews.status(), reviews.body());
        for (JsonNode pair : reviews.json()) {
            if (source.equals(pair.get("left").get("source").asText()) && pair.get("left").get("phones").toString().contains(phoneA)) {
                return pair;
            }
        }
        return null;
    }
}
