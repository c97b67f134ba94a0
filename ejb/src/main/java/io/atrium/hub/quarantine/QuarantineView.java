package io.atrium.hub.quarantine;

import io.atrium.connectors.common.InputFormat;

import java.time.Instant;

/**
 * A quarantined item as operators see it: the payload with personal data masked; when the item
 * was too long to keep whole, its head, and {@code payloadTruncatedFrom} its length in characters;
 * once closed, when, by whom and (a discard) why: {@code closeReason}.
 */
public record QuarantineView(long id, String source, InputFormat format, String position, String reason,
                             String maskedPayload, Integer payloadTruncatedFrom, QuarantineStatus status, Instant createdAt,
                             Instant closedAt, String closedBy, String closeReason) {

    static QuarantineView of(QuarantinedItem item) {
        return new QuarantineView(item.getId(), item.getSource(), item.getFormat(), item.getPosition(), item.getReason(),
                PersonalDataMask.mask(item.getFormat(), item.getPayload()), item.getPayloadTruncatedFrom(), item.getStatus(), item.getCreatedAt(),
                item.getClosedAt(), item.getClosedBy(), item.getCloseReason());
    }
}
