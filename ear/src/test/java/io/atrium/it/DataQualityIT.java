package io.atrium.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.atrium.client.DataQuality;
import io.atrium.client.InvalidQueryException;
import io.atrium.client.QualityReport;
import io.atrium.resolution.model.IdType;
import io.atrium.resolution.standardize.IdNumbers;
import jakarta.ejb.EJBAccessException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.naming.Context;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Data-quality figures on a population with known defects, in sources of the test's own (the server holds other
 * classes' data too: hub-wide figures are checked as differences), a snapshot taken and read back as history.
 */
class DataQualityIT extends DeployedHub {

    private static final String JNDI_NAME = "ejb:atrium/atrium-ejb//DataQualityBean!" + DataQuality.class.getName();

    private HubClient hub;
    private final String run = TestData.runId();
    private final String source = "it-dq-" + run;
    private final String otherSource = "it-dq2-" + run;

    @BeforeEach
    void setUp() {
        hub = hub();
    }

    @Test
    void figuresPerSourceCountTheDefectsOfAKnownPopulationAndASnapshotAppearsInHistory() {
        JsonNode before = current(HubClient.VIEWER);
        long canonicalBirthDateItems = quarantinedFor(before, "canonical", "invalid value for field 'birthDate'");

        String person = TestData.rareName(run + "a");
        LocalDate born = TestData.birthDate(run + "a");
        String idNumber = residentId(born, run);
        String phone = TestData.mobile(run + "a");
        // one person twice in the source: the second record is a duplicate
        ObjectNode first = TestData.canonicalPerson(source, "A1", person, phone).put("idNumber", idNumber).put("birthDate", born.toString());
        first.putArray("emails").add(run + "@example.com");
        ObjectNode second = TestData.canonicalPerson(source, "A2", person, phone).put("idNumber", idNumber).put("birthDate", born.toString());
        // the same person in another system with another birth date: the ID and phone still join it, a conflict
        ObjectNode elsewhere = TestData.canonicalPerson(otherSource, "X1", person, phone).put("idNumber", idNumber)
                .put("birthDate", born.minusYears(1).toString());
        // an ID number failing its check and a phone too short to be one; no birth date, gender or e-mail
        // (another person's number: one a typo away from the person's would be evidence for them)
        String otherId = residentId(TestData.birthDate(run + "b"), run + "b");
        ObjectNode broken = TestData.canonicalPerson(source, "B1", TestData.rareName(run + "b"), "12345")
                .put("idType", "CN_RESIDENT").put("idNumber", failingEveryCheck(otherId.substring(0, 17)));
        // a phone and nothing else
        ObjectNode nameless = TestData.canonicalPerson(source, "C1", null, TestData.mobile(run + "c"));
        nameless.remove("name");
        // a rare name and birth date on two phones: a pair for the stewards (as StewardIT makes one)
        String reviewName = TestData.rareName(run + "r");
        String reviewBorn = TestData.birthDate(run + "r").toString();
        ObjectNode reviewLeft = TestData.canonicalPerson(source, "R1", reviewName, TestData.mobile(run + "r1"))
                .put("birthDate", reviewBorn);
        ObjectNode reviewRight = TestData.canonicalPerson(source, "R2", reviewName, TestData.mobile(run + "r2"))
                .put("birthDate", reviewBorn);
        HubClient.Response posted = hub.postRecords(HubClient.APP, String.join("\n", first.toString(), second.toString(),
                elsewhere.toString(), broken.toString(), nameless.toString(), reviewLeft.toString(), reviewRight.toString()));
        assertEquals(202, posted.status(), posted.body());
        assertEquals(7, posted.json().get("accepted").asInt(), posted.body());
        // a line the file drop quarantines (its source is the intake's: canonical)
        String file = "it-dq-" + run + ".jsonl";
        TestData.drop(TestData.serverData().resolve("atrium/inbox/canonical"), file,
                "{\"source\":\"" + source + "\",\"sourceId\":\"Q1\",\"birthDate\":\"15/07/1985\"}\n", StandardCharsets.UTF_8);
        hub.awaitQuarantined(file + " line 1");
        hub.awaitCustomerWithPhone(phone, 3);

        JsonNode[] after = new JsonNode[1];
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300)).untilAsserted(() -> {
            after[0] = current(HubClient.VIEWER);
            JsonNode figures = sourceOf(after[0], source);
            assertEquals("records 6, review pairs 1", figures == null ? "no figures yet"
                    : "records " + figures.get("records") + ", review pairs " + figures.get("reviewPairs"));
        });
        JsonNode figures = sourceOf(after[0], source);
        assertEquals(0, figures.get("unassessed").asLong());
        assertEquals(6, figures.get("persons").asLong());
        assertEquals(5, figures.get("withName").asLong(), "all but the nameless record");
        assertEquals(5, figures.get("withValidPhone").asLong(), "all but 12345");
        assertEquals(2, figures.get("withValidIdNumber").asLong());
        assertEquals(4, figures.get("withBirthDate").asLong(), "the person twice and the review pair");
        assertEquals(2, figures.get("withGender").asLong(), "read from the valid ID");
        assertEquals(1, figures.get("withEmail").asLong());
        assertEquals(1, figures.get("invalidIdNumbers").asLong());
        assertEquals(1, figures.get("invalidPhones").asLong());
        assertEquals(5, figures.get("customers").asLong());
        assertEquals(1, figures.get("duplicateRecords").asLong());
        assertEquals(1, figures.get("birthDateConflicts").asLong());
        assertEquals(0, figures.get("nameConflicts").asLong());
        assertEquals(0, figures.get("genderConflicts").asLong());
        assertEquals(0, figures.get("quarantined").asLong());
        JsonNode shares = figures.get("shares");
        assertEquals(0.8333, shares.get("name").asDouble());
        assertEquals(0.3333, shares.get("validIdNumber").asDouble());
        assertEquals(0.1667, shares.get("invalidPhone").asDouble());
        assertEquals(0.1667, shares.get("duplicate").asDouble());

        JsonNode other = sourceOf(after[0], otherSource);
        assertEquals(1, other.get("records").asLong());
        assertEquals(1, other.get("birthDateConflicts").asLong());
        assertEquals(0, other.get("reviewPairs").asLong());

        assertTrue(after[0].get("hub").get("inSeveralSystems").asLong() >= before.get("hub").get("inSeveralSystems").asLong() + 1,
                "the person in two systems: " + after[0].get("hub"));
        assertTrue(quarantinedFor(after[0], "canonical", "invalid value for field 'birthDate'") >= canonicalBirthDateItems + 1);
        assertFalse(after[0].get("snapshot").asBoolean(), "GET computes the figures now");

        String body = hub.get("quality", HubClient.OPERATOR).body();
        for (String personal : new String[]{person, phone, idNumber, run + "@example.com", born.toString()}) {
            assertFalse(body.contains(personal), "no personal value in the figures");
        }

        assertEquals(403, hub.post("quality/snapshots", HubClient.OPERATOR).status());
        HubClient.Response taken = hub.post("quality/snapshots", HubClient.ADMIN);
        assertEquals(201, taken.status(), taken.body());
        assertTrue(taken.json().get("snapshot").asBoolean());
        String at = taken.json().get("at").asText();
        HubClient.Response history = hub.get("quality/history?source=" + source + "&from=" + LocalDate.now(java.time.ZoneOffset.UTC), HubClient.VIEWER);
        assertEquals(200, history.status(), history.body());
        JsonNode snapshots = history.json().get("snapshots");
        JsonNode last = snapshots.get(snapshots.size() - 1);
        assertEquals(java.time.Instant.parse(at), java.time.Instant.parse(last.get("at").asText()));
        assertEquals(1, last.get("sources").size(), "only the source asked for");
        JsonNode stored = last.get("sources").get(0);
        assertEquals(source, stored.get("source").asText());
        assertEquals(6, stored.get("records").asLong());
        assertEquals(1, stored.get("birthDateConflicts").asLong());
        assertEquals(0.8333, stored.get("shares").get("name").asDouble(), "shares are worked out again from the stored counts");
        assertTrue(last.get("hub").get("customers").asLong() >= 5, last.toString());
    }

    @Test
    void aDownstreamApplicationReadsTheFiguresThroughTheRemoteInterfaceButTakesNoSnapshot() throws Exception {
        String phone = TestData.mobile(run + "remote");
        assertEquals(202, hub.postRecords(HubClient.APP, TestData.canonicalPerson(source, "E1", TestData.rareName(run + "e"), phone).toString()).status());
        hub.awaitCustomerWithPhone(phone, 1);
        Context app = remoteContext("app", "app-pass1!");
        try {
            DataQuality quality = (DataQuality) app.lookup(JNDI_NAME);
            QualityReport report = quality.current();
            QualityReport.SourceQuality figures = report.sources().stream().filter(s -> s.source().equals(source)).findFirst().orElseThrow();
            assertEquals(1, figures.records());
            assertEquals(1.0, figures.shares().validPhone());
            assertThrows(EJBAccessException.class, quality::takeSnapshot, "a snapshot is for hub-admin");
            assertThrows(InvalidQueryException.class, () -> quality.history(null, Instant.parse("2026-11-02T00:00:00Z"), Instant.parse("2026-11-01T00:00:00Z")));
        } finally {
            app.close();
        }
    }

    @Test
    void aPeriodTheHubCannotReadIsABadRequestWithItsReason() {
        HubClient.Response garbled = hub.get("quality/history?from=yesterday", HubClient.VIEWER);
        assertEquals(400, garbled.status(), garbled.body());
        assertTrue(garbled.json().get("error").asText().startsWith("from must be"), garbled.body());
        HubClient.Response reversed = hub.get("quality/history?from=2026-11-02&to=2026-11-01", HubClient.VIEWER);
        assertEquals(400, reversed.status(), reversed.body());
        assertEquals("from is after to", reversed.json().get("error").asText());
        HubClient.Response empty = hub.get("quality/history?source=" + source + "-none", HubClient.VIEWER);
        assertEquals(200, empty.status(), empty.body());
        assertEquals(0, empty.json().get("snapshots").size());
    }

    private JsonNode current(String credentials) {
        HubClient.Response response = hub.get("quality", credentials);
        assertEquals(200, response.status(), response.body());
        return response.json();
    }

    private static JsonNode sourceOf(JsonNode report, String name) {
        for (JsonNode figures : report.get("sources")) {
            if (name.equals(figures.get("source").asText())) {
                return figures;
            }
        }
        return null;
    }

    private static long quarantinedFor(JsonNode report, String name, String reason) {
        JsonNode figures = sourceOf(report, name);
        if (figures == null) {
            return 0;
        }
        for (JsonNode cause : figures.get("quarantineCauses")) {
            if (reason.equals(cause.get("reason").asText())) {
                return cause.get("items").asLong();
            }
        }
        return 0;
    }

    /**
     * The 17 characters with a last one that no check accepts: one that failed the resident check alone would now and
     * then be a valid credit code (one in 31), which makes the record a company's, not a person's.
     */
    private static String failingEveryCheck(String body) {
        return "0123456789X".chars().mapToObj(c -> body + (char) c)
                .filter(id -> IdNumbers.checkedType(id, IdType.CN_RESIDENT).isEmpty())
                .findFirst().orElseThrow();
    }

    /** A valid 18-digit resident ID (GB 11643) of a man born on that day, its sequence from the seed. */
    private static String residentId(LocalDate born, String seed) {
        String body = "110105" + born.format(DateTimeFormatter.BASIC_ISO_DATE)
                + String.format("%02d", Math.floorMod(TestData.mixed(seed), 100)) + "1";
        int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (body.charAt(i) - '0') * weights[i];
        }
        return body + "10X98765432".charAt(sum % 11);
    }
}
