package io.atrium.resolution.match;

/**
 * One field's contribution to a pair's score.
 *
 * @param weight      log2 match weight (Fellegi-Sunter), positive for, negative against
 * @param tfAdjusted  the weight was adjusted for how common the shared value is
 */
public record Evidence(FieldKind field, ComparisonLevel level, double weight, boolean tfAdjusted) {

    @Override
    public String toString() {
        StringBuilder line = new StringBuilder(32).append(field).append('=').append(level).append('(');
        return OneDecimal.append(line, weight, true).append(tfAdjusted ? ",tf" : "").append(')').toString();
    }
}
