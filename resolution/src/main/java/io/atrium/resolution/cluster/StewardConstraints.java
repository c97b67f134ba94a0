package io.atrium.resolution.cluster;

import io.atrium.resolution.model.RecordKey;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/**
 * What data stewards decided: pairs of source records that must never end in one customer. Splitting a
 * record out of its customer is recorded as a cannot-link with every former member, so re-merging is
 * blocked for those and only those. Immutable; each change returns a new instance.
 */
public final class StewardConstraints {

    public static final StewardConstraints NONE = new StewardConstraints(Set.of());

    private record Pair(RecordKey low, RecordKey high) {
        static Pair of(RecordKey a, RecordKey b) {
            return a.compareTo(b) <= 0 ? new Pair(a, b) : new Pair(b, a);
        }
    }

    private final Set<Pair> cannotLink;

    private StewardConstraints(Set<Pair> cannotLink) {
        this.cannotLink = cannotLink;
    }

    public StewardConstraints withCannotLink(RecordKey a, RecordKey b) {
        Set<Pair> next = new HashSet<>(cannotLink);
        next.add(Pair.of(a, b));
        return new StewardConstraints(Set.copyOf(next));
    }

    /** The steward split {@code record} out of the customer whose other members are {@code formerMembers}. */
    public StewardConstraints withSplitOut(RecordKey record, Collection<RecordKey> formerMembers) {
        Set<Pair> next = new HashSet<>(cannotLink);
        for (RecordKey member : formerMembers) {
            if (!member.equals(record)) {
                next.add(Pair.of(record, member));
            }
        }
        return new StewardConstraints(Set.copyOf(next));
    }

    public boolean cannotLink(RecordKey a, RecordKey b) {
        return !cannotLink.isEmpty() && cannotLink.contains(Pair.of(a, b));
    }
}
