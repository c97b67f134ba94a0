package io.atrium.simulators.population;

import java.text.Normalizer;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** European given names, the most common first, and the nicknames people give instead. */
public final class LatinNames {

    private static final Map<Gender, List<String>> GIVEN_NAMES = Map.of(
            Gender.MALE, List.of("John", "Thomas", "Michael", "David", "James", "Peter", "William", "Robert", "Daniel",
                    "Richard", "Andrew", "Paul", "Jean", "Pierre", "Hans", "Stefan", "Marco", "Luca", "Giuseppe",
                    "Carlos", "Javier", "Jan", "Pieter", "Lars", "Alexander"),
            Gender.FEMALE, List.of("Maria", "Anna", "Sarah", "Emma", "Laura", "Elizabeth", "Catherine", "Margaret",
                    "Jennifer", "Susan", "Marie", "Sophie", "Isabelle", "Julia", "Sabine", "Giulia", "Francesca",
                    "Lucía", "Carmen", "Eva", "Anne", "Katharina"));

    private static final Map<String, List<String>> NICKNAMES = Map.ofEntries(
            Map.entry("William", List.of("Bill", "Will")), Map.entry("Robert", List.of("Bob", "Rob")),
            Map.entry("Richard", List.of("Rick", "Dick")), Map.entry("Michael", List.of("Mike")),
            Map.entry("James", List.of("Jim", "Jamie")), Map.entry("Thomas", List.of("Tom")),
            Map.entry("Daniel", List.of("Dan")), Map.entry("Andrew", List.of("Andy")),
            Map.entry("Peter", List.of("Pete")), Map.entry("David", List.of("Dave")),
            Map.entry("Alexander", List.of("Alex", "Sasha")), Map.entry("Giuseppe", List.of("Beppe")),
            Map.entry("Elizabeth", List.of("Liz", "Beth")), Map.entry("Margaret", List.of("Maggie", "Peggy")),
            Map.entry("Catherine", List.of("Kate", "Cathy")), Map.entry("Jennifer", List.of("Jen", "Jenny")),
            Map.entry("Susan", List.of("Sue")), Map.entry("Katharina", List.of("Kathi")),
            Map.entry("Francesca", List.of("Franca")));

    private LatinNames() {
    }

    public static String givenName(Gender gender, Random random) {
        List<String> names = GIVEN_NAMES.get(gender);
        return names.get((int) Math.floor(Math.pow(random.nextDouble(), 1.8) * names.size()));
    }

    /** The name without accents, as people type it into an email address or a keyboard without them. */
    public static String ascii(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    }

    /** A nickname for the given name, or the name itself when it has none. */
    public static String nickname(String givenName, Random random) {
        List<String> nicknames = NICKNAMES.get(givenName);
        return nicknames == null ? givenName : nicknames.get(random.nextInt(nicknames.size()));
    }
}
