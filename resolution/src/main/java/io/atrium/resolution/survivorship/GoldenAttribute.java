package io.atrium.resolution.survivorship;

/** Attributes of the golden record; multi-valued ones keep all distinct values. */
public enum GoldenAttribute {
    KIND(false), NAME(false), GENDER(false), BIRTH_DATE(false), ID(false),
    PHONE(true), EMAIL(true), ADDRESS(false);

    private final boolean multiValued;

    GoldenAttribute(boolean multiValued) {
        this.multiValued = multiValued;
    }

    public boolean multiValued() {
        return multiValued;
    }
}
