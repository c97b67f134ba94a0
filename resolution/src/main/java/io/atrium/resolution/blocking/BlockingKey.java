package io.atrium.resolution.blocking;

/**
 * A cheap key under which records are paired for scoring, e.g. (PHONE, +8613800138000). The hub may
 * index records by {@link #text()} or by {@link #hash()}.
 */
public record BlockingKey(BlockingRule rule, String value) {

    public String text() {
        return rule.name() + ':' + value;
    }

    private static final long[] SEEDS = java.util.Arrays.stream(BlockingRule.values())
            .mapToLong(rule -> Hashing.seed(rule.name())).toArray();

    /** A well-mixed 64-bit hash of the rule and value, stable across runs and machines. */
    public long hash() {
        return Hashing.hash64(SEEDS[rule.ordinal()], value);
    }
}
