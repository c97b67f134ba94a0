package io.atrium.resolution.match;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * A weight or a score written as {@code String.format(Locale.ROOT, "%.1f")} (or {@code "%+.1f"}) writes it, without
 * the formatter: every stored link carries an explanation of a dozen weights, and the formatter parsing its pattern
 * for each cost the hub's resolver about as much as scoring the pairs. Both round the shortest decimal form of the
 * double half up.
 */
final class OneDecimal {

    private OneDecimal() {
    }

    static StringBuilder append(StringBuilder line, double value, boolean signed) {
        if (!Double.isFinite(value)) {
            return line.append(String.format(Locale.ROOT, signed ? "%+.1f" : "%.1f", value));
        }
        boolean negative = value < 0 || (value == 0 && 1 / value < 0);
        if (negative) {
            line.append('-');
        } else if (signed) {
            line.append('+');
        }
        return line.append(BigDecimal.valueOf(Math.abs(value)).setScale(1, RoundingMode.HALF_UP).toPlainString());
    }
}
