package io.atrium.resolution.model;

/** A source record's identity in the hub: (source, sourceId). Ordered so that every tie is broken the same way. */
public record RecordKey(String source, String sourceId) implements Comparable<RecordKey> {

    public static RecordKey of(PartyRecord record) {
        return new RecordKey(record.getSource(), record.getSourceId());
    }

    @Override
    public int compareTo(RecordKey other) {
        int bySource = source.compareTo(other.source);
        return bySource != 0 ? bySource : sourceId.compareTo(other.sourceId);
    }

    @Override
    public String toString() {
        return source + "/" + sourceId;
    }
}
