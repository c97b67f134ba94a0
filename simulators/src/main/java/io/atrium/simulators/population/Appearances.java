package io.atrium.simulators.population;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Decides in which sources each party appears. Most people are known to one or two systems,
 * a few to all five; now and then a system holds the same party twice under two ids.
 */
final class Appearances {

    private static final Weighted<Integer> SOURCE_COUNT = new Weighted<Integer>()
            .add(1, 30).add(2, 30).add(3, 20).add(4, 12).add(5, 8);
    private static final double DUPLICATE_IN_SOURCE = 0.04;
    /** Ticket ids carry a day; at most 10,000 tickets a day keep them unique. */
    private static final LocalDate FIRST_TICKET_DAY = LocalDate.of(2026, 1, 1);

    private final Random random;
    private final Map<String, Integer> issued = new HashMap<>();
    private final List<Appearance> appearances = new ArrayList<>();

    Appearances(Random random) {
        this.random = random;
    }

    /** The party appears in some of the given sources, at least one. */
    void spread(Party party, List<String> sources) {
        List<String> shuffled = new ArrayList<>(sources);
        Collections.shuffle(shuffled, random);
        int count = Math.min(SOURCE_COUNT.pick(random), shuffled.size());
        for (String source : shuffled.subList(0, count)) {
            appearances.add(new Appearance(source, nextId(source), party));
            if (random.nextDouble() < DUPLICATE_IN_SOURCE) {
                appearances.add(new Appearance(source, nextId(source), party));
            }
        }
    }

    /** All appearances in an order that does not group a party's records together. */
    List<Appearance> shuffled() {
        List<Appearance> all = new ArrayList<>(appearances);
        Collections.shuffle(all, random);
        return all;
    }

    private String nextId(String source) {
        int number = issued.merge(source, 1, Integer::sum);
        return switch (source) {
            case "sales" -> String.format("C%08d", number);
            case "leasing" -> String.format("L-%05d", number);
            case "property" -> String.format("PM-%06d", number);
            case "membership" -> String.format("M%08d", number);
            case "service" -> "T" + FIRST_TICKET_DAY.plusDays(number / 10_000).format(DateTimeFormatter.BASIC_ISO_DATE)
                    + String.format("-%04d", number % 10_000);
            default -> String.format("%s-%06d", source.toUpperCase(), number);
        };
    }
}
