package io.atrium.simulators.population;

/** The truth about one company: its registered name, unified social credit code and contact person. */
public record Company(
        String truthId,
        String name,
        String shortName,
        String creditCode,
        String landline,
        Address address,
        Person contact) implements Party {
}
