package io.atrium.resolution.match;

/**
 * Levels of agreement between two values of a field, from strongest to none (Splink's ordered levels:
 * the first that applies wins). Each field uses a subset; their m/u probabilities come from the settings.
 */
public enum ComparisonLevel {
    /** Both identifiers pass their checks and are equal. */
    VALID_EXACT,
    EXACT,
    /** A Chinese name and its pinyin or Latin spelling. */
    PINYIN,
    /** Two Chinese names written differently that read the same (an input-method slip, or relatives). */
    HOMOPHONE,
    /** Company names equal once the leading region is dropped. */
    CORE_EXACT,
    /** One edit apart (a typo, two swapped characters, day and month swapped). */
    TYPO,
    FUZZY_HIGH,
    FUZZY_LOW,
    /** A surname-only (weak) name agreeing with the other's surname. */
    SURNAME,
    /** A shared mobile number. */
    MOBILE,
    /** A shared landline: households and offices share these. */
    LANDLINE,
    /** Two valid identifiers of the same type that differ. */
    VALID_CONFLICT,
    DIFFERENT,
    /**
     * Two full names one part of which agrees while the other agrees in nothing: one family name and other given
     * names (a given name replaced, or a sibling), or for Latin names one given name and other family names (a family
     * name replaced, or married). A disagreement like {@link #DIFFERENT} for the conflict rule, weighed by how common
     * the family name is when that is what agrees.
     */
    PARTIAL,
    /** Two addresses of one locality (their postcode and the part beside it) that differ before it: another street line. */
    LOCALITY
}
