package io.atrium.connectors.service;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WebhookAuthenticationTest {

    private static final String SECRET = "s3cret";
    private static final long NOW = 1_780_000_000L;
    private static final Clock CLOCK = Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC);
    private static final byte[] BODY = TicketMapperTest.TICKET.getBytes(StandardCharsets.UTF_8);
    private static final WebhookSignature SIGNATURE = new WebhookSignature(SECRET);

    private final WebhookAuthentication optional = new WebhookAuthentication(SECRET, Duration.ofSeconds(300), false, CLOCK);
    private final WebhookAuthentication required = new WebhookAuthentication(SECRET, Duration.ofSeconds(300), true, CLOCK);

    @Test
    void theCallCentersPlainSignatureIsAcceptedUnlessTimestampsAreRequired() {
        String signed = SIGNATURE.sign(null, BODY);
        assertEquals(Optional.empty(), optional.refusal(BODY, signed, null));
        assertEquals(Optional.of("missing X-Signature-Timestamp: this hub requires signed timestamps"),
                required.refusal(BODY, signed, null));
        assertTrue(optional.refusal(BODY, new WebhookSignature("other").sign(null, BODY), null).orElseThrow()
                .startsWith("missing or wrong X-Signature"));
    }

    @Test
    void aTimestampedRequestIsTakenWithinTheToleranceOnly() {
        for (long sentAt : new long[]{NOW, NOW - 300, NOW + 300}) {
            String timestamp = Long.toString(sentAt);
            assertEquals(Optional.empty(), required.refusal(BODY, SIGNATURE.sign(timestamp, BODY), timestamp));
        }
        for (long sentAt : new long[]{NOW - 301, NOW + 301, Long.MIN_VALUE, Long.MAX_VALUE}) {
            String timestamp = Long.toString(sentAt);
            assertEquals(Optional.of("X-Signature-Timestamp is more than 300 s from the hub's clock: a replayed or delayed request"),
                    optional.refusal(BODY, SIGNATURE.sign(timestamp, BODY), timestamp));
        }
    }

    @Test
    void aTimestampMustBeSignedAndNumeric() {
        String timestamp = Long.toString(NOW);
        assertTrue(optional.refusal(BODY, SIGNATURE.sign(null, BODY), timestamp).orElseThrow()
                .startsWith("missing or wrong X-Signature"), "the body alone signed, a timestamp added afterwards");
        assertTrue(optional.refusal(BODY, SIGNATURE.sign(Long.toString(NOW - 3600), BODY), timestamp).orElseThrow()
                .startsWith("missing or wrong X-Signature"), "an old request given a fresh timestamp");
        assertEquals(Optional.of("X-Signature-Timestamp is not whole seconds since 1970-01-01T00:00:00Z"),
                optional.refusal(BODY, SIGNATURE.sign("2026-03-01T10:00:00Z", BODY), "2026-03-01T10:00:00Z"));
    }
}
