package io.atrium.simulators.population;

/** A real-world party of the simulated population; the truthId is the ground truth of matching. */
public sealed interface Party permits Person, Company {
    String truthId();
}
