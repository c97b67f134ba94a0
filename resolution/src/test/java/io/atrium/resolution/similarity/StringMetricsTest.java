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

    @Test
    void withinOneAgreesWithTheDistanceOnEveryPairOfShortWords() {
        java.util.Random random = new java.util.Random(7);
        int near = 0;
        for (int k = 0; k < 200_000; k++) {
            String a = word(random);
            String b = random.nextBoolean() ? word(random) : slip(a, random);
            boolean expected = DamerauLevenshtein.distance(a, b) <= 1;
            near += expected ? 1 : 0;
            assertEquals(expected, DamerauLevenshtein.withinOne(a, b), a + " / " + b);
        }
        assertTrue(near > 50_000, "the slips are near: " + near);
    }

    private static String word(java.util.Random random) {
        StringBuilder word = new StringBuilder();
        for (int i = random.nextInt(6); i > 0; i--) {
            word.append((char) ('a' + random.nextInt(3)));
        }
        return word.toString();
    }

    /** One edit, one swap of neighbours, or two of them. */
    private static String slip(String a, java.util.Random random) {
        StringBuilder word = new StringBuilder(a);
        for (int edits = 1 + random.nextInt(2); edits > 0; edits--) {
            int at = word.length() == 0 ? 0 : random.nextInt(word.length());
            switch (random.nextInt(4)) {
                case 0 -> word.insert(at, (char) ('a' + random.nextInt(3)));
                case 1 -> { if (word.length() > 0) word.deleteCharAt(at); }
                case 2 -> { if (word.length() > 0) word.setCharAt(at, (char) ('a' + random.nextInt(3))); }
                default -> {
                    if (at + 1 < word.length()) {
                        char c = word.charAt(at);
                        word.setCharAt(at, word.charAt(at + 1));
                        word.setCharAt(at + 1, c);
                    }
                }
            }
        }
        return word.toString();
    }
}
