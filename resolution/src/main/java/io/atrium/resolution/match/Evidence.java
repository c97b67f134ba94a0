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
        return String.format(java.util.Locale.ROOT, "%s=%s(%+.1f%s)", field, level, weight, tfAdjusted ? ",tf" : "");
    }
}
