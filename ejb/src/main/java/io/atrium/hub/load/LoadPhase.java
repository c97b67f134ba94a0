package io.atrium.hub.load;

/**
 * The steps of a first load, in order, each with its share of a load's time (as measured at 1,000,000 records on
 * PostgreSQL: reading 34 s, resolving 41 s, writing 256 s, counting 12 s; BENCHMARKS.md), from which the estimate of
 * the time left is worked out.
 */
public enum LoadPhase {
    /** The body taken and spooled to disk, before the answer. */
    RECEIVED(0.0),
    /** Lines read, checked and standardized; broken ones rejected. */
    READING(0.10),
    /** The engine's bulk resolution of every record read. */
    RESOLVING(0.12),
    /** The hub's tables written in one transaction. */
    WRITING(0.75),
    /** The frequency snapshot recounted from the loaded records. */
    COUNTING(0.03),
    FINISHED(0.0);

    final double share;

    LoadPhase(double share) {
        this.share = share;
    }

    /** The share of a whole load done before this phase starts. */
    double doneBefore() {
        double done = 0;
        for (LoadPhase phase : values()) {
            if (phase == this) {
                return done;
            }
            done += phase.share;
        }
        return done;
    }
}
