package io.atrium.simulators.variation;

/** How often a source system has each optional field of a party filled in (0..1). */
record SourceFields(double id, double birthDate, double gender, double email, double address) {
}
