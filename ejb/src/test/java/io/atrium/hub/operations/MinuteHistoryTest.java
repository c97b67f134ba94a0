package io.atrium.hub.operations;

import org.junit.jupiter.api.Test;

import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class MinuteHistoryTest {

    private static final long NOW = 29_000_000L;

    @Test
    void beforeAnySampleTheCurrentMinuteHoldsTheWholeTotal() {
        List<Integer> minutes = new MinuteHistory().perMinute(NOW, 7);
        assertEquals(60, minutes.size());
        assertEquals(7, minutes.get(59));
        assertEquals(0, minutes.subList(0, 59).stream().mapToInt(Integer::intValue).sum());
    }

    @Test
    void eachSampleClosesTheMinuteBeforeItOldestFirst() {
        MinuteHistory history = new MinuteHistory();
        history.sample(NOW - 3, 10);
        history.sample(NOW - 2, 14);
        history.sample(NOW - 1, 14);
        history.sample(NOW, 20);
        List<Integer> minutes = history.perMinute(NOW, 25);
        assertEquals(List.of(4, 0, 6, 5), minutes.subList(56, 60));
        assertEquals(10, minutes.get(55), "the first sample closes the minute the route started in");
        assertEquals(0, minutes.get(54));
    }

    @Test
    void aSecondSampleInOneMinuteLosesNothing() {
        MinuteHistory history = new MinuteHistory();
        history.sample(NOW - 1, 10);
        history.sample(NOW - 1, 13);
        history.sample(NOW, 15);
        assertEquals(List.of(10, 5, 1), history.perMinute(NOW, 16).subList(57, 60));
    }

    @Test
    void minutesOlderThanAnHourDropOutAndMissedSamplesCountForTheLastMinute() {
        MinuteHistory history = new MinuteHistory();
        history.sample(NOW - 100, 0);
        history.sample(NOW - 99, 50);
        history.sample(NOW - 5, 80);
        List<Integer> minutes = history.perMinute(NOW, 80);
        assertEquals(30, minutes.get(53), "everything since the last sample, in the minute before this one");
        assertEquals(30, minutes.stream().mapToInt(Integer::intValue).sum(), "the minutes 100 and 101 minutes ago are gone");
    }

    @Test
    void aTotalThatRestartedCountsWhole() {
        MinuteHistory history = new MinuteHistory();
        history.sample(NOW - 1, 40);
        history.sample(NOW, 3);
        assertEquals(List.of(40, 3, 2), history.perMinute(NOW, 2).subList(57, 60));
        assertEquals(Collections.nCopies(57, 0), history.perMinute(NOW, 2).subList(0, 57));
    }
}
