package io.atrium.connectors.leasing;

import io.atrium.connectors.common.ConnectorRouteTestSupport;
import io.atrium.connectors.common.InputFormat;
import io.atrium.connectors.common.RejectedInput;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The leasing route on a real export directory: GBK exports with CRLF, taken at their `.done` marker, each once. */
class LeasingFileRouteTest extends ConnectorRouteTestSupport {

    private static final String HEADER = "租户编号,租户类型,租户名称,联系人,联系电话,证件类型,证件号码,电子邮箱,合同编号,项目,单元,起租日期,到期日期,月租金,合同状态";
    private static final String FIRST = "tenants_20260301101530.csv";
    private static final String SECOND = "tenants_20260302101530.csv";

    @TempDir
    Path exports;

    private void start() throws Exception {
        start(new LeasingFileRoute(sink, quarantine, progress),
                Map.of("atrium.leasing.endpoint", "file:" + exports, "atrium.leasing.poll-delay", "100"),
                LeasingFileRoute.ROUTE_ID, route -> route.weaveAddLast().to("mock:export-done"));
    }

    static String row(String tenantId, String type) {
        return tenantId + "," + type + ",陳美玲,,138-0013-8000,身份证,440301198507150026,,LC-" + tenantId + ",翠湖花园,3栋1502,"
                + "2024/3/1,2026/2/28,\"12,500.00\",执行中";
    }

    @Test
    void goodRowsAreQueuedOnceBadOnesQuarantinedWithLineAndReasonAndAnExportDeliveredAgainIsQuarantinedUnread()
            throws Exception {
        start();
        MockEndpoint exportsDone = getMockEndpoint("mock:export-done");
        exportsDone.expectedMessageCount(3);
        NotifyBuilder threeExports = new NotifyBuilder(context).fromRoute(LeasingFileRoute.ROUTE_ID).whenDone(3).create();

        export(FIRST, row("L-1", "个人"), "L-2,个人,陳美玲", row("L-3", "个人"), row("L-4", "机构"),
                row("L-5", "个人").replace("陳美玲", "=HYPERLINK(\"\"http://evil.example\"\")"));
        export(SECOND, row("L-6", "企业"));
        threeExportsLater(threeExports, exportsDone);

        assertEquals(List.of("L-1", "L-3", "L-5", "L-6"), deliveredSourceIds().stream().sorted().toList(),
                "a formula-shaped name is a name: kept as text, never evaluated here");
        assertEquals(List.of(FIRST + " line 3", FIRST + " line 5", FIRST), quarantinedPositions());
        RejectedInput again = quarantined.get(2);
        assertEquals(InputFormat.LEASING_EXPORT, again.format());
        for (RejectedInput rejected : quarantined) {
            assertTrue(!rejected.reason().isBlank() && !rejected.reason().contains("陳美玲"), rejected.reason());
        }
        assertTrue(progressEntries.get("leasing-file:" + FIRST).startsWith("done "));
        assertEquals(List.of(), reportedFailures);
    }

    @Test
    void aFailedDeliveryIsRetriedOnceAndTheExportCompletesWithEveryRowOnce() throws Exception {
        sinkOutages.set(1);
        start();
        NotifyBuilder done = new NotifyBuilder(context).fromRoute(LeasingFileRoute.ROUTE_ID).whenCompleted(1).create();
        export(FIRST, row("L-1", "个人"), "broken");
        assertTrue(done.matches(20, TimeUnit.SECONDS));
        assertEquals(2, deliveryAttempts.get());
        assertEquals(List.of("L-1"), deliveredSourceIds());
        assertEquals(List.of(FIRST + " line 3"), quarantinedPositions());

        sinkOutages.set(Integer.MAX_VALUE);
        NotifyBuilder failed = new NotifyBuilder(context).fromRoute(LeasingFileRoute.ROUTE_ID).whenFailed(1).create();
        export(SECOND, row("L-2", "个人"));
        assertTrue(failed.matches(20, TimeUnit.SECONDS));
        assertTrue(reportedFailures.get(0).startsWith("leasing: IllegalStateException: resolver queue unavailable"));
        assertTrue(!progressEntries.getOrDefault("leasing-file:" + SECOND, "").startsWith("done "),
                "a failed export is not marked processed");

        NotifyBuilder readAgain = new NotifyBuilder(context).fromRoute(LeasingFileRoute.ROUTE_ID).whenCompleted(1).create();
        sinkOutages.set(0);
        assertTrue(readAgain.matches(20, TimeUnit.SECONDS), "the failed export is taken again on a later poll");
        assertEquals(List.of("L-1", "L-2"), deliveredSourceIds());
    }

    private void threeExportsLater(NotifyBuilder threeExports, MockEndpoint exportsDone) throws Exception {
        NotifyBuilder twoExports = new NotifyBuilder(context).fromRoute(LeasingFileRoute.ROUTE_ID).whenDone(2).create();
        assertTrue(twoExports.matches(20, TimeUnit.SECONDS), "both exports read");
        // the first export's name delivered again, with other content
        export(FIRST, row("L-9", "个人"));
        assertTrue(threeExports.matches(20, TimeUnit.SECONDS));
        exportsDone.assertIsSatisfied();
    }

    /** An export as the leasing system writes it: GBK, CRLF, a header, then its `.done` marker. */
    private void export(String name, String... rows) throws Exception {
        Files.writeString(exports.resolve(name), HEADER + "\r\n" + String.join("\r\n", rows) + "\r\n", Charset.forName("GBK"));
        Files.writeString(exports.resolve(name + ".done"), "");
    }
}
