package io.atrium.hub.profile;

import io.atrium.client.InvalidQueryException;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Base64;

/**
 * A position on a timeline ordered by time, newest first (facts without a time last), then by id: the
 * last fact of a page. The next page starts after it, so facts stored meanwhile neither repeat nor shift
 * the pages still to read. Opaque to callers: URL-safe Base64 of {@code <epoch second>.<nano>/<id>}
 * ({@code -/<id>} for a fact without a time).
 *
 * @param occurredAt null for a fact without a time
 */
public record TimelineCursor(Instant occurredAt, long id) {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final String NO_TIME = "-";

    public String encode() {
        String time = occurredAt == null ? NO_TIME : occurredAt.getEpochSecond() + "." + occurredAt.getNano();
        return ENCODER.encodeToString((time + "/" + id).getBytes(StandardCharsets.US_ASCII));
    }

    /** @throws InvalidQueryException when the text is not a cursor the hub issued */
    public static TimelineCursor decode(String cursor) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII);
            int slash = text.indexOf('/');
            String time = text.substring(0, slash);
            long id = Long.parseLong(text.substring(slash + 1));
            if (NO_TIME.equals(time)) {
                return new TimelineCursor(null, id);
            }
            int dot = time.indexOf('.');
            return new TimelineCursor(Instant.ofEpochSecond(Long.parseLong(time.substring(0, dot)),
                    Long.parseLong(time.substring(dot + 1))), id);
        } catch (IllegalArgumentException | IndexOutOfBoundsException | DateTimeException e) {
            throw new InvalidQueryException("cursor is not one the hub issued: pass a page's next as it came");
        }
    }
}
