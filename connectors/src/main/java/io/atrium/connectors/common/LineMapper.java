package io.atrium.connectors.common;

import io.atrium.resolution.model.CanonicalMessage;

/** Maps one line of a source file; throws InvalidRecordException with the reason when it cannot. */
@FunctionalInterface
public interface LineMapper {
    CanonicalMessage map(String line);
}
