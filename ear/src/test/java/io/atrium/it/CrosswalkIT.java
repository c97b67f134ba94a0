package io.atrium.it;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * `GET /crosswalk`: every stored source record with its customer, as the CSV `hub-match resolve`
 * writes (header, RFC 4180 quoting), for hub-app and hub-admin only.
 */
class CrosswalkIT extends DeployedHub {

    @Test
    void everyStoredRecordIsARowWithItsCustomerQuotedAsCsv() {
        HubClient hub = hub();
        String run = TestData.runId();
        String source = "crosswalk-" + run;
        String awkwardId = "K-1,\"2\"";
        String phoneA = TestData.mobile(run + "a");
        String phoneB = TestData.mobile(run + "b");
        HubClient.Response posted = hub.postRecords(HubClient.APP,
                TestData.canonicalPerson(source, "plain", "Crosswalk Plain", phoneA) + "\n"
                        + TestData.canonicalPerson(source, awkwardId, "Crosswalk Awkward", phoneB));
        assertEquals(202, posted.status(), posted.body());
        String customerA = hub.awaitCustomerWithPhone(phoneA, 1).get("id").asText();
        String customerB = hub.awaitCustomerWithPhone(phoneB, 1).get("id").asText();

        HubClient.Response csv = hub.get("crosswalk", HubClient.APP);
        assertEquals(200, csv.status(), csv.body());
        List<String> lines = csv.body().lines().toList();
        assertEquals("source,sourceId,customerId", lines.get(0));
        assertTrue(lines.contains(source + ",plain," + customerA), "the plain record's row");
        assertTrue(lines.contains(source + ",\"K-1,\"\"2\"\"\"," + customerB), "a sourceId with a comma and quotes, quoted");

        assertEquals(200, hub.get("crosswalk", HubClient.ADMIN).status());
        assertEquals(403, hub.get("crosswalk", HubClient.VIEWER).status());
        assertEquals(403, hub.get("crosswalk", HubClient.OPERATOR).status());
    }
}
