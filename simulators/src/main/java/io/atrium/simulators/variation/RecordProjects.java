package io.atrium.simulators.variation;

import io.atrium.resolution.model.PartyRecord;
import io.atrium.simulators.population.Appearance;
import io.atrium.simulators.population.ChinesePlaces;
import io.atrium.simulators.population.Person;

import java.util.List;
import java.util.Random;

/**
 * The group's projects a person's record names, as the connectors fill {@link PartyRecord#PROJECTS} from the
 * record's own facts: a property record its units, a lease its unit, a ticket the project the caller called
 * about (mostly where they hold a unit, sometimes another, often none). Sales customer rows carry none (their
 * contracts arrive apart), nor do members' records; companies are left out.
 */
public final class RecordProjects {

    /** A holder's ticket names a project they hold. */
    private static final double TICKET_ON_A_HOLDING = 0.7;
    /** A holder's ticket names a project they do not hold (a parent's flat, a sales inquiry). */
    private static final double TICKET_ON_ANOTHER = 0.1;
    /** A ticket of someone holding nothing names a project (inquiries about flats for sale, visits). */
    private static final double NON_HOLDER_TICKET_ON_A_PROJECT = 0.3;

    private RecordProjects() {
    }

    public static List<String> of(Appearance appearance, Random random) {
        if (!(appearance.party() instanceof Person person)) {
            return List.of();
        }
        List<String> held = person.projects();
        return switch (appearance.source()) {
            case "property" -> held;
            case "leasing" -> held.isEmpty() ? List.of() : List.of(pick(held, random));
            case "service" -> ticket(held, random);
            default -> List.of();
        };
    }

    private static List<String> ticket(List<String> held, Random random) {
        double roll = random.nextDouble();
        if (held.isEmpty()) {
            return roll < NON_HOLDER_TICKET_ON_A_PROJECT ? List.of(anyProject(random)) : List.of();
        }
        return roll < TICKET_ON_A_HOLDING ? List.of(pick(held, random))
                : roll < TICKET_ON_A_HOLDING + TICKET_ON_ANOTHER ? List.of(anyProject(random)) : List.of();
    }

    private static String anyProject(Random random) {
        return ChinesePlaces.PROJECTS.get(random.nextInt(ChinesePlaces.PROJECTS.size())).name();
    }

    private static String pick(List<String> projects, Random random) {
        return projects.get(random.nextInt(projects.size()));
    }
}
