package io.atrium.resolution.similarity;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StringMetricsTest {

    @Test
    void jaroWinklerKnownValues() {
        assertEquals(0.961, JaroWinkler.similarity("martha", "marhta"), 0.001);
        assertEquals(0.840, JaroWinkler.similarity("dwayne", "duane"), 0.001);
        assertEquals(1.0, JaroWinkler.similarity("zhang", "zhang"));
        assertEquals(0.0, JaroWinkler.similarity("abc", "xyz"));
        assertEquals(0.0, JaroWinkler.similarity("", "abc"));
    }

    @Test
    void damerauLevenshteinCountsATranspositionAsOneEdit() {
        assertEquals(1, DamerauLevenshtein.distance("sophie", "sohpie"));
        assertEquals(1, DamerauLevenshtein.distance("emma", "emmma"));
        assertEquals(3, DamerauLevenshtein.distance("kitten", "sitting"));
        assertEquals(0, DamerauLevenshtein.distance("", ""));
        assertTrue(DamerauLevenshtein.distance("110105198507150016", "110105198507150061") == 1);
    }
}
