package io.atrium.hub.resolve;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import java.time.Instant;

/** What operators see of the resolver, and the two things administrators may do to it. */
@Stateless
@RolesAllowed({"hub-operator", "hub-admin"})
public class ResolverStatus {

    /** @param frequencyPopulation records counted by the frequency snapshot the matcher uses now */
    public record View(ResolverTimings.Summary timings, long frequencyPopulation, Instant frequenciesTakenAt) {
    }

    @Inject
    ResolverTimings timings;

    @Inject
    FrequencySnapshot frequencies;

    public View view() {
        return new View(timings.summary(), frequencies.population(), frequencies.takenAt());
    }

    @RolesAllowed("hub-admin")
    public View refreshFrequencies() {
        frequencies.refresh();
        return view();
    }

    @RolesAllowed("hub-admin")
    public View resetTimings() {
        timings.reset();
        return view();
    }
}
