package io.atrium.simulators.population;

import java.util.List;

/** The writing system of a population, with the source systems that see it. */
public enum Script {
    /** The group's own five systems, Chinese people and companies. */
    CHINESE(List.of("sales", "leasing", "property", "membership", "service")),
    /** Latin-script people in five systems of a European business, for testing the matcher on Latin data. */
    LATIN(List.of("crm", "webshop", "loyalty", "billing", "helpdesk"));

    private final List<String> sources;

    Script(List<String> sources) {
        this.sources = sources;
    }

    public List<String> sources() { return sources; }

    public Population generate(long seed, int persons) {
        return this == CHINESE ? new ChinesePopulationGenerator(seed).generate(persons)
                : new LatinPopulationGenerator(seed).generate(persons);
    }
}
