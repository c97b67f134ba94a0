package io.atrium.simulators.population;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The group's projects where people hold units (own, rent, live as family): a household living in one of the
 * group's residential projects holds it, every member alike, so that surname and project leave household
 * members as candidates as they do in the sources; others hold one now and then (an investment flat, a
 * shop). Only the group's Chinese population holds units (the Latin one is a European business's customers).
 * Drawn from a random of its own so that the rest of a seed's population stays as it was.
 */
final class Holdings {

    /** Households outside the group's projects that hold a unit in one all the same. */
    private static final double INVESTOR_HOUSEHOLD = 0.1;
    /** A person holding one more unit than the household (a shop, an office lease, a flat for a parent). */
    private static final double SECOND_UNIT = 0.08;

    private final Random random;

    Holdings(long seed) {
        this.random = new Random(seed * 131 + 17);
    }

    /** A Chinese household's projects: its home's when the home is in one of the group's projects. */
    List<String> chineseHousehold(Address home) {
        return ChinesePlaces.residentialProjects().stream().map(Project::name)
                .filter(name -> home.place().startsWith(name)).findFirst()
                .map(List::of).orElseGet(this::investment);
    }

    /** One member's projects: the household's, now and then with one more. */
    List<String> member(List<String> household) {
        if (random.nextDouble() >= SECOND_UNIT) {
            return household;
        }
        List<String> projects = new ArrayList<>(household);
        String another = pick(ChinesePlaces.PROJECTS);
        if (!projects.contains(another)) {
            projects.add(another);
        }
        return List.copyOf(projects);
    }

    private List<String> investment() {
        return random.nextDouble() < INVESTOR_HOUSEHOLD ? List.of(pick(ChinesePlaces.PROJECTS)) : List.of();
    }

    private String pick(List<Project> projects) {
        return projects.get(random.nextInt(projects.size())).name();
    }
}
