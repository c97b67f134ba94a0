package io.atrium.simulators.population;

import java.util.List;

/** A generated population with its ground truth: who exists, and where each one appears. */
public record Population(Script script, long seed, List<Person> persons, List<Company> companies, List<Appearance> appearances) {

    public List<Appearance> appearancesIn(String source) {
        return appearances.stream().filter(appearance -> appearance.source().equals(source)).toList();
    }
}
