package io.atrium.it;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.math.BigDecimal;

import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Leasing exports as the leasing system writes them (GBK, CRLF, quoted rents) in the
 * directory the hub polls: a file waits for its `.done` marker, a broken row is quarantined
 * with file and line while the rows around it go through, a file is never read twice, and an
 * older export read after a newer one changes nothing.
 */
class LeasingFileIT extends DeployedHub {

    private static final Charset GBK = Charset.forName("GBK");
    static final String HEADER = "租户编号,租户类型,租户名称,联系人,联系电话,证件类型,证件号码,电子邮箱,合同编号,项目,单元,起租日期,到期日期,月租金,合同状态";

    @Test
    void exportIsTakenAfterItsMarkerWithBrokenRowsQuarantinedAndNeverTwice() throws IOException {
        HubClient hub = hub();
        String run = TestData.runId();
        String tenantPhone = TestData.mobile(run);
        String companyPhone = TestData.mobile(run + "c");
        String latePhone = TestData.mobile(run + "late");
        Path inbox = TestData.serverData().resolve("atrium/inbox/leasing");
        LocalDateTime now = LocalDateTime.now();
        String file = exportName(now);

        TestData.drop(inbox, file, csv(
                "L-" + run + "-1,个人,陳美玲,,\"" + tenantPhone + "\",身份证,,,LC-" + run + "-1,翠湖花园,3栋1502,2024/3/1,2026/2/28,\"12,500.00\",执行中",
                "L-" + run + "-2,个人,张伟,,13800138000,身份证,,,LC-" + run + "-2,翠湖花园,3栋1503,2024/13/1,2026/2/28,3000,执行中",
                "L-" + run + "-3,企业,深圳市翠湖置业有限公司,王芳," + companyPhone + ",统一社会信用代码,91440300MA5DC12341,,LC-" + run + "-3,海岸城,A座2001,2024/4/1,2027/3/31,\"88,000.00\",执行中"), GBK);
        assertNotTakenFor(Duration.ofSeconds(3), inbox.resolve(file));
        Files.createFile(inbox.resolve(file + ".done"));

        JsonNode tenant = hub.awaitCustomerWithPhone(tenantPhone, c -> HubClient.facts(c, "LEASE").size() == 1);
        JsonNode lease = HubClient.facts(tenant, "LEASE").get(0).get("data");
        assertEquals(0, new BigDecimal("12500").compareTo(lease.get("monthlyRent").decimalValue()), "thousands separator read");
        assertEquals("ACTIVE", lease.get("status").asText());
        assertEquals("陳美玲", tenant.get("golden").get("name").get("value").asText(), "GBK decoded, traditional characters intact");
        // the credit code is the same in every run, so the company is one customer across runs
        hub.awaitCustomerWithPhone(companyPhone, c -> "ORGANIZATION".equals(c.get("kind").asText()));
        JsonNode broken = hub.awaitQuarantined(file + " line 3");
        assertEquals("leasing", broken.get("source").asText());
        assertEquals("起租日期 (start date) is not a date in the source's format", broken.get("reason").asText());
        await().until(() -> TestData.processed(inbox, file));

        // the same export delivered again is skipped; a later export is still taken
        TestData.drop(inbox, file, csv("L-" + run + "-9,个人,李娜,," + latePhone + ",身份证,,,LC-" + run + "-9,翠湖花园,1单元,2024/3/1,,3000,执行中"), GBK);
        Files.createFile(inbox.resolve(file + ".done"));
        String later = exportName(now.plusSeconds(1));
        TestData.drop(inbox, later, csv("L-" + run + "-1,个人,陳美玲,,\"" + tenantPhone + "\",身份证,,,LC-" + run + "-1,翠湖花园,3栋1502,2024/3/1,2026/2/28,\"12,500.00\",已退租"), GBK);
        Files.createFile(inbox.resolve(later + ".done"));
        hub.awaitCustomerWithPhone(tenantPhone, c -> "TERMINATED".equals(HubClient.facts(c, "LEASE").get(0).get("data").get("status").asText()));
        assertEquals(0, hub.customersWithPhone(latePhone).size(), "a file name already processed is not read again");
        JsonNode duplicate = hub.awaitQuarantinedAt(file::equals);
        assertEquals("an export with this name was already processed; it is not read again", duplicate.get("reason").asText());
        assertEquals(422, hub.post("quarantine/" + duplicate.get("id").asLong() + "/replay", HubClient.OPERATOR).status());

        // an older export delivered after the newer one rolls nothing back; a new tenant in it shows it was read
        String olderPhone = TestData.mobile(run + "older");
        String older = exportName(now.minusHours(1));
        TestData.drop(inbox, older, csv(
                "L-" + run + "-1,个人,陳美玲,,\"" + tenantPhone + "\",身份证,,,LC-" + run + "-1,翠湖花园,3栋1502,2024/3/1,2026/2/28,\"12,500.00\",执行中",
                "L-" + run + "-8,个人,赵敏,," + olderPhone + ",身份证,,,LC-" + run + "-8,翠湖花园,2栋301,2024/3/1,,3000,执行中"), GBK);
        Files.createFile(inbox.resolve(older + ".done"));
        hub.awaitCustomerWithPhone(olderPhone, c -> HubClient.facts(c, "LEASE").size() == 1);
        JsonNode kept = hub.customersWithPhone(tenantPhone).get(0);
        assertEquals("TERMINATED", HubClient.facts(kept, "LEASE").get(0).get("data").get("status").asText(),
                "the lease keeps the state of the newer export");
    }

    @Test
    void aRowWithANulByteAndA5MegabyteLineAreQuarantinedOnceWhileTheirNeighboursArrive() throws IOException {
        HubClient hub = hub();
        String run = TestData.runId();
        String firstPhone = TestData.mobile(run + "first");
        String lastPhone = TestData.mobile(run + "last");
        Path inbox = TestData.serverData().resolve("atrium/inbox/leasing");
        // a day earlier than the other test's exports, so that the names never meet
        String file = exportName(LocalDateTime.now().minusDays(1));
        String hugeLine = "L-" + run + "-3,个人,张伟,,13800138000,身份证,,,LC-" + run + "-3,翠湖花园," + "x".repeat(5 * 1024 * 1024)
                + ",2024/3/1,,3000,执行中";

        TestData.drop(inbox, file, csv(
                "L-" + run + "-1,个人,陳美玲,," + firstPhone + ",身份证,,,LC-" + run + "-1,翠湖花园,3栋1502,2024/3/1,2026/2/28,3000,执行中",
                "L-" + run + "-2,个人,李\0娜,,13900139000,身份证,,,LC-" + run + "-2,翠湖花园,3栋1503,2024/3/1,2026/2/28,3000,执行中",
                hugeLine,
                "L-" + run + "-4,个人,王芳,," + lastPhone + ",身份证,,,LC-" + run + "-4,翠湖花园,3栋1505,2024/3/1,2026/2/28,3000,执行中"), GBK);
        Files.createFile(inbox.resolve(file + ".done"));

        hub.awaitCustomerWithPhone(firstPhone, c -> HubClient.facts(c, "LEASE").size() == 1);
        hub.awaitCustomerWithPhone(lastPhone, c -> HubClient.facts(c, "LEASE").size() == 1);
        await().until(() -> TestData.processed(inbox, file));
        JsonNode nul = hub.awaitQuarantined(file + " line 3");
        assertEquals("holds the control character U+0000 at character " + (("L-" + run + "-2,个人,李").length() + 1),
                nul.get("reason").asText());
        String shown = nul.get("maskedPayload").asText();
        assertTrue(shown.contains(",李*") && shown.endsWith("执行中") && shown.indexOf('\0') < 0, "stored escaped, shown masked");
        assertTrue(nul.path("payloadTruncatedFrom").isMissingNode() || nul.get("payloadTruncatedFrom").isNull(), "kept whole");
        JsonNode huge = hub.awaitQuarantined(file + " line 4");
        assertEquals("item has " + hugeLine.length() + " characters, more than the 100000 a source item may have",
                huge.get("reason").asText());
        assertEquals(hugeLine.length(), huge.get("payloadTruncatedFrom").asInt());
        assertEquals(1_000_000, huge.get("maskedPayload").asText().length());

        // the file was taken once: a later poll neither re-reads it nor quarantines its rows again
        await().pollDelay(Duration.ofSeconds(5)).until(() -> true);
        assertEquals(2, hub.get("quarantine?limit=1000", HubClient.OPERATOR).json().findValuesAsText("position").stream()
                .filter(position -> position.startsWith(file + " line")).count());
        // replay answers why each still fails; the item with the NUL is whole, the huge one is not
        HubClient.Response replayNul = hub.post("quarantine/" + nul.get("id").asLong() + "/replay", HubClient.OPERATOR);
        assertEquals(422, replayNul.status());
        assertEquals(nul.get("reason").asText(), replayNul.json().get("reason").asText());
        HubClient.Response replayHuge = hub.post("quarantine/" + huge.get("id").asLong() + "/replay", HubClient.OPERATOR);
        assertEquals(422, replayHuge.status());
        assertEquals("only the first characters of this item were kept; deliver it again from the source, or discard it",
                replayHuge.json().get("reason").asText());
    }

    private static String exportName(LocalDateTime time) {
        return "tenants_" + time.format(DateTimeFormatter.ofPattern("yyyyMMddHHmmss")) + ".csv";
    }

    private static String csv(String... rows) {
        return HEADER + "\r\n" + String.join("\r\n", rows) + "\r\n";
    }

    private static void assertNotTakenFor(Duration wait, Path file) {
        await().pollDelay(wait).atMost(wait.plusSeconds(1)).until(() -> true);
        assertTrue(Files.exists(file), "an export without its .done marker is left alone");
    }
}
