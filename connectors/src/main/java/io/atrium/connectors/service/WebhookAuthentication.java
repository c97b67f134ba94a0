package io.atrium.connectors.service;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Decides whether a webhook request comes from the call center and is fresh: signed with the
 * shared secret, and, when it carries `X-Signature-Timestamp` (whole seconds since the epoch,
 * covered by the signature), sent within the tolerance of the hub's clock. A captured
 * timestamped request replayed later is refused; one without a timestamp is refused only
 * where timestamps are required.
 */
public final class WebhookAuthentication {

    private final WebhookSignature signature;
    private final Duration tolerance;
    private final boolean timestampRequired;
    private final Clock clock;

    public WebhookAuthentication(String secret, Duration tolerance, boolean timestampRequired, Clock clock) {
        this.signature = new WebhookSignature(secret);
        this.tolerance = tolerance;
        this.timestampRequired = timestampRequired;
        this.clock = clock;
    }

    /** @return why the request is refused, or empty when it is authentic and fresh */
    public Optional<String> refusal(byte[] body, String signatureHeader, String timestampHeader) {
        if (timestampHeader == null) {
            if (timestampRequired) {
                return Optional.of("missing X-Signature-Timestamp: this hub requires signed timestamps");
            }
            return signature.verifies(null, body, signatureHeader) ? Optional.empty()
                    : Optional.of("missing or wrong X-Signature: expected sha256=<hex HMAC-SHA256 of the body>");
        }
        long sentAt;
        try {
            sentAt = Long.parseLong(timestampHeader.strip());
        } catch (NumberFormatException e) {
            return Optional.of("X-Signature-Timestamp is not whole seconds since 1970-01-01T00:00:00Z");
        }
        if (!signature.verifies(timestampHeader, body, signatureHeader)) {
            return Optional.of("missing or wrong X-Signature: expected sha256=<hex HMAC-SHA256 of timestamp + \".\" + body>");
        }
        long now = clock.instant().getEpochSecond();
        if (sentAt < now - tolerance.toSeconds() || sentAt > now + tolerance.toSeconds()) {
            return Optional.of("X-Signature-Timestamp is more than " + tolerance.toSeconds()
                    + " s from the hub's clock: a replayed or delayed request");
        }
        return Optional.empty();
    }
}
