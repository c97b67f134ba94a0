package io.atrium.resolution.match;

import org.junit.jupiter.api.Test;

import java.util.Locale;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Explanations are stored and read by stewards: the faster writing must give the formatter's text to the character. */
class OneDecimalTest {

    private static void same(double value) {
        assertEquals(String.format(Locale.ROOT, "%+.1f", value), OneDecimal.append(new StringBuilder(), value, true).toString(),
                "signed " + value);
        assertEquals(String.format(Locale.ROOT, "%.1f", value), OneDecimal.append(new StringBuilder(), value, false).toString(),
                "unsigned " + value);
    }

    @Test
    void writesWhatTheFormatterWrites() {
        for (double value : new double[]{0.0, -0.0, 0.05, -0.05, 0.04, -0.04, 0.15, 0.25, 0.35, 1.45, 2.5, -2.55, 9.95,
                -9.95, 99.95, 1e-9, -1e-9, 123456.789, 0.1 + 0.2, 1.0 / 3, Double.MIN_VALUE, Double.NaN,
                Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
            same(value);
        }
        SplittableRandom random = new SplittableRandom(17);
        for (int i = 0; i < 200_000; i++) {
            same((random.nextDouble() - 0.5) * 80);
            // values on a rounding boundary in their decimal form, as weights of tenths and twentieths give
            same(random.nextInt(-4000, 4000) / 20.0);
        }
    }

    @Test
    void explanationsReadAsBefore() {
        Evidence evidence = new Evidence(FieldKind.values()[0], ComparisonLevel.values()[0], -3.25, true);
        assertEquals(String.format(Locale.ROOT, "%s=%s(%+.1f%s)", evidence.field(), evidence.level(), -3.25, ",tf"), evidence.toString());
    }
}
