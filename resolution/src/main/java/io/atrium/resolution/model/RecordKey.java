package io.atrium.resolution.model;

import java.util.Comparator;

/** A source record's identity in the hub: (source, sourceId). Ordered so that every tie is broken the same way. */
public record RecordKey(String source, String sourceId) implements Comparable<RecordKey> {

    private static final Comparator<RecordKey> ORDER =
            Comparator.comparing(RecordKey::source).thenComparing(RecordKey::sourceId);

    public static RecordKey of(PartyRecord record) {
        return new RecordKey(record.getSource(), record.getSourceId());
    }

    @Override
    public int compareTo(RecordKey other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return source + "/" + sourceId;
    }
}
