package io.atrium.connectors.canonical;

import io.atrium.connectors.common.ConnectorRouteTestSupport;
import io.atrium.connectors.common.InputFormat;
import io.atrium.connectors.common.RejectedInput;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The canonical file drop on a real inbox directory: good lines queued once, bad ones quarantined once with line and reason. */
class CanonicalFileDropRouteTest extends ConnectorRouteTestSupport {

    @TempDir
    Path inbox;

    private void start() throws Exception {
        start(new CanonicalFileDropRoute(sink, quarantine, new CanonicalSourceRules(Map.of(), Duration.ofMinutes(5), Clock.systemUTC())),
                Map.of("atrium.canonical.inbox", inbox.toString(), "atrium.canonical.poll-delay", "100"),
                CanonicalFileDropRoute.ROUTE_ID, route -> route.weaveAddLast().to("mock:file-done"));
    }

    static String line(String sourceId) {
        return "{\"source\":\"crm-legacy\",\"sourceId\":\"" + sourceId + "\",\"name\":\"Zhang Wei\",\"updatedAt\":\"2026-03-01T02:15:30Z\"}";
    }

    @Test
    void goodLinesAreQueuedOnceAndBadOnesQuarantinedWithLineAndReasonAndTheNextFileIsRead() throws Exception {
        start();
        MockEndpoint filesDone = getMockEndpoint("mock:file-done");
        filesDone.expectedMessageCount(2);
        NotifyBuilder bothFiles = new NotifyBuilder(context).fromRoute(CanonicalFileDropRoute.ROUTE_ID).whenDone(2).create();

        drop("a.jsonl", String.join("\n", line("C-1"), "{\"source\":\"crm-legacy\",", line("C-2"),
                line("C-3").replace("crm-legacy", "sales"), line("C-4").replace("Zhang", "Zhang\u0000"), "",
                // an escaped NUL and a name longer than a golden value's column pass the raw line's checks
                line("C-7").replace("Zhang", "Zhang\\u0000"), line("C-8").replace("Zhang Wei", "张".repeat(2001)), line("C-5")));
        drop("b.jsonl", line("C-6") + "\n");

        assertTrue(bothFiles.matches(20, TimeUnit.SECONDS), "both files read");
        filesDone.assertIsSatisfied();
        assertEquals(List.of("C-1", "C-2", "C-5", "C-6"), deliveredSourceIds().stream().sorted().toList());
        assertEquals(List.of("a.jsonl line 2", "a.jsonl line 4", "a.jsonl line 5", "a.jsonl line 7", "a.jsonl line 8"),
                quarantinedPositions());
        assertEquals("name holds the control character U+0000 at character 6", quarantined.get(3).reason());
        assertEquals("name has 2001 characters, more than the 2000 the hub stores", quarantined.get(4).reason());
        for (RejectedInput rejected : quarantined) {
            assertEquals(InputFormat.CANONICAL_JSON, rejected.format());
            assertTrue(!rejected.reason().isBlank() && !rejected.reason().contains("Zhang"), rejected.reason());
        }
        assertEquals(List.of(), reportedFailures);
        // moved once the exchange has completed, just after the notification
        await().atMost(Duration.ofSeconds(5)).until(() -> Files.exists(inbox.resolve(".done/a.jsonl"))
                && Files.exists(inbox.resolve(".done/b.jsonl")));
    }

    @Test
    void aFailedDeliveryIsRetriedAndThenReportedAndTheFileIsReadAgainOnceTheQueueIsBack() throws Exception {
        sinkOutages.set(1);
        start();
        NotifyBuilder first = new NotifyBuilder(context).fromRoute(CanonicalFileDropRoute.ROUTE_ID).whenDone(1).create();
        drop("a.jsonl", line("C-1") + "\nnot json\n");
        assertTrue(first.matches(20, TimeUnit.SECONDS));
        assertEquals(2, deliveryAttempts.get(), "delivered on the error handler's retry");
        assertEquals(List.of("C-1"), deliveredSourceIds());
        assertEquals(List.of("a.jsonl line 2"), quarantinedPositions(), "the retry quarantines nothing twice");

        sinkOutages.set(Integer.MAX_VALUE);
        NotifyBuilder failed = new NotifyBuilder(context).fromRoute(CanonicalFileDropRoute.ROUTE_ID).whenFailed(1).create();
        drop("b.jsonl", line("C-2") + "\n");
        assertTrue(failed.matches(20, TimeUnit.SECONDS), "the delivery failed after its retry");
        assertTrue(reportedFailures.get(0).startsWith("canonical: IllegalStateException: resolver queue unavailable"),
                reportedFailures.get(0));
        assertTrue(Files.exists(inbox.resolve("b.jsonl")), "a file whose delivery failed stays in the inbox");

        NotifyBuilder readAgain = new NotifyBuilder(context).fromRoute(CanonicalFileDropRoute.ROUTE_ID).whenCompleted(1).create();
        sinkOutages.set(0);
        assertTrue(readAgain.matches(20, TimeUnit.SECONDS), "read again on a later poll");
        await().atMost(Duration.ofSeconds(5)).until(() -> Files.exists(inbox.resolve(".done/b.jsonl")));
        assertEquals(List.of("C-1", "C-2"), deliveredSourceIds());
    }

    private void drop(String name, String content) throws Exception {
        // written aside and moved in, as a well-behaved producer does
        Path written = Files.writeString(inbox.resolve(name + ".part"), content, StandardCharsets.UTF_8);
        Files.move(written, inbox.resolve(name));
    }
}
