package io.atrium.connectors.common;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * How far a polling connector trusts a source's clock. A stored watermark never passes now minus the
 * skew: one item dated 2099 cannot stop the connector, and every poll reads again what changed within
 * the skew, which catches a row committed late with an earlier time (downstream, a version delivered
 * again changes nothing). An item dated more than the skew ahead of now is future-dated: it is
 * delivered and reported.
 */
public record SourceClock(Clock clock, Duration skew) {

    public static SourceClock of(String skewMillis) {
        return new SourceClock(Clock.systemUTC(), Duration.ofMillis(Long.parseLong(skewMillis)));
    }

    /** The latest time a watermark may be stored at now, in whole seconds as every source writes them. */
    public Instant watermarkCap() {
        return clock.instant().minus(skew).truncatedTo(ChronoUnit.SECONDS);
    }

    public boolean isFutureDated(Instant updatedAt) {
        return updatedAt.isAfter(clock.instant().plus(skew));
    }
}
