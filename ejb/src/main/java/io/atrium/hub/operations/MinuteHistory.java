package io.atrium.hub.operations;

import java.util.ArrayList;
import java.util.List;

/**
 * How many exchanges one route finished in each of the last {@value #MINUTES} minutes. Camel keeps only
 * running totals, so the totals are sampled at each minute's start: the difference between two samples is
 * the minute between them. The current minute is the total now less the last sample.
 */
final class MinuteHistory {

    static final int MINUTES = 60;

    /** Finished exchanges per closed minute, at index minute % MINUTES; {@link #minuteAt} says which minute a slot holds. */
    private final long[] counts = new long[MINUTES];
    private final long[] minuteAt = new long[MINUTES];
    /** Camel's totals start at zero with the route. */
    private long sampledTotal;
    private long sampledMinute = Long.MIN_VALUE;

    MinuteHistory() {
        java.util.Arrays.fill(minuteAt, Long.MIN_VALUE);
    }

    /**
     * The route's total at the start of {@code minute} (minutes since the epoch): closes the minute before.
     * After missed samples (the sampler stopped), everything since the last sample counts for that minute.
     */
    synchronized void sample(long minute, long total) {
        if (minute <= sampledMinute) {
            return; // a second sample within one minute: the next minute's closes it
        }
        // the first sample, early in the first whole minute of the route, closes the minute it started in
        int slot = slot(minute - 1);
        counts[slot] = finishedSince(total);
        minuteAt[slot] = minute - 1;
        sampledTotal = total;
        sampledMinute = minute;
    }

    /** Oldest first: the {@value #MINUTES} minutes up to and with {@code currentMinute}, the last one so far. */
    synchronized List<Integer> perMinute(long currentMinute, long total) {
        List<Integer> minutes = new ArrayList<>(MINUTES);
        for (long minute = currentMinute - MINUTES + 1; minute < currentMinute; minute++) {
            int slot = slot(minute);
            minutes.add(minuteAt[slot] == minute ? (int) counts[slot] : 0);
        }
        minutes.add((int) finishedSince(total));
        return minutes;
    }

    /** Camel's totals restart at zero when its statistics are reset: then the whole total is new. */
    private long finishedSince(long total) {
        return total >= sampledTotal ? total - sampledTotal : total;
    }

    private static int slot(long minute) {
        return (int) Math.floorMod(minute, (long) MINUTES);
    }
}
