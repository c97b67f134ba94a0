package io.atrium.simulators.population;

/** A person's gender with the spellings the source systems use for it. */
public enum Gender {
    MALE("M", "男", "先生"),
    FEMALE("F", "女", "女士");

    private final String canonical;
    private final String chinese;
    private final String honorific;

    Gender(String canonical, String chinese, String honorific) {
        this.canonical = canonical;
        this.chinese = chinese;
        this.honorific = honorific;
    }

    /** `M` or `F`, as the canonical record and the membership system write it. */
    public String canonical() { return canonical; }

    /** `男` or `女`, as the sales system writes it. */
    public String chinese() { return chinese; }

    /** `先生` or `女士`, what a call-center agent writes after the surname. */
    public String honorific() { return honorific; }

    public Gender opposite() { return this == MALE ? FEMALE : MALE; }
}
