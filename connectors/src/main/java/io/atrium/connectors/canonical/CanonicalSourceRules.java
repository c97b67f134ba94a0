package io.atrium.connectors.canonical;

import io.atrium.connectors.leasing.LeaseRowMapper;
import io.atrium.connectors.membership.MemberEventMapper;
import io.atrium.connectors.property.PropertyItemMapper;
import io.atrium.connectors.sales.SalesRowMapper;
import io.atrium.connectors.service.TicketMapper;
import io.atrium.resolution.model.CanonicalMessage;
import io.atrium.resolution.model.InvalidRecordException;
import io.atrium.resolution.model.PartyRecord;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a canonical record may claim about where it comes from. A record is identified by
 * (source, sourceId) and a later {@code updatedAt} replaces an earlier one, so a writer that may
 * name any source may overwrite any system's records, and one dated in 2099 freezes the record it
 * replaces (every real update is older). Hence:
 * <ul>
 * <li>the five native sources' names belong to their connectors and are refused here;</li>
 * <li>configuration may bind another source name to the API users allowed to write it; a name bound
 *     to nobody stays open to every user allowed to post records;</li>
 * <li>a record dated further in the future than the allowed clock skew is refused.</li>
 * </ul>
 * The canonical file drop (and the replay of what it quarantined) is bound to no user: write access
 * to its inbox directory is its fence, so it may write any name but the native ones.
 */
public final class CanonicalSourceRules {

    public static final Set<String> NATIVE_SOURCES = Set.of(SalesRowMapper.SOURCE, LeaseRowMapper.SOURCE,
            PropertyItemMapper.SOURCE, MemberEventMapper.SOURCE, TicketMapper.SOURCE);

    private final Map<String, Set<String>> writersBySource;
    private final Duration futureSkew;
    private final Clock clock;

    public CanonicalSourceRules(Map<String, Set<String>> writersBySource, Duration futureSkew, Clock clock) {
        writersBySource.keySet().stream().filter(NATIVE_SOURCES::contains).findAny().ifPresent(source -> {
            throw new IllegalArgumentException("source '" + source + "' belongs to its connector and cannot be bound to users");
        });
        this.writersBySource = Map.copyOf(writersBySource);
        this.futureSkew = futureSkew;
        this.clock = clock;
    }

    /** A line of the file drop (or its replay from the quarantine): no user; the inbox's permissions fence it. */
    public void admitDropped(CanonicalMessage message) {
        check(message.getParty(), Optional.empty());
    }

    /**
     * @param user the API user posting the record, or empty for the file drop
     * @throws InvalidRecordException with the reason when the record may not be taken from this writer
     */
    public void check(PartyRecord record, Optional<String> user) {
        String source = record.getSource();
        if (NATIVE_SOURCES.contains(source)) {
            throw new InvalidRecordException("source '" + source + "' is reserved for its connector; name your own system's source");
        }
        Set<String> writers = writersBySource.get(source);
        if (user.isPresent() && writers != null && !writers.contains(user.get())) {
            throw new InvalidRecordException("source '" + source + "' is bound to other users (atrium.canonical.writers."
                    + source + "); this user may not write it");
        }
        Instant latest = clock.instant().plus(futureSkew);
        if (record.getUpdatedAt() != null && record.getUpdatedAt().isAfter(latest)) {
            throw new InvalidRecordException("updatedAt " + record.getUpdatedAt() + " lies more than " + futureSkew.toSeconds()
                    + " s in the future (atrium.canonical.max-future-skew-seconds); a record from the future would freeze the stored one");
        }
    }
}
