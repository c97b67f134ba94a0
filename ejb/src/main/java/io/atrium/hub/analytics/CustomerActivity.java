package io.atrium.hub.analytics;

import io.atrium.hub.profile.FactTally;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What the value model reads of one customer: its facts' tallies and its points balance (the newest
 * movement's per membership, summed; null when it has none).
 */
public record CustomerActivity(String customerId, List<ActivityTally> tallies, Long pointsBalance) {

    /** The profile's tallies, for its roles and summary. */
    public List<FactTally> factTallies() {
        return tallies.stream().map(ActivityTally::tally).toList();
    }

    /** When the first of its facts happened (null when none states a time). */
    public Instant firstAt() {
        return tallies.stream().map(ActivityTally::firstAt).filter(Objects::nonNull).min(Instant::compareTo).orElse(null);
    }

    /** The newest version among its facts: how current the inputs of its scores are (null when it has none). */
    public Instant inputsAt() {
        return tallies.stream().map(ActivityTally::lastVersionAt).filter(Objects::nonNull).max(Instant::compareTo).orElse(null);
    }
}
