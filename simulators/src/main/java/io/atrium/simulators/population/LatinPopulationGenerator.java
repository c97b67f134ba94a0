package io.atrium.simulators.population;

import io.atrium.resolution.model.IdType;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Generates Latin-script households (European names, addresses, passports) from a seed.
 * Couples mostly share the family name and the landline; children share both.
 */
final class LatinPopulationGenerator {

    private static final Weighted<Integer> HOUSEHOLD_SIZE = new Weighted<Integer>()
            .add(1, 35).add(2, 32).add(3, 17).add(4, 12).add(5, 4);
    private static final Weighted<LatinCountry> COUNTRIES = new Weighted<LatinCountry>()
            .add(LatinCountry.GB, 25).add(LatinCountry.DE, 22).add(LatinCountry.FR, 18)
            .add(LatinCountry.IT, 14).add(LatinCountry.ES, 12).add(LatinCountry.NL, 9);
    private static final LocalDate YOUNGEST_ADULT = LocalDate.of(2007, 12, 31);
    private static final String[] EMAIL_DOMAINS = {"gmail.com", "outlook.com", "yahoo.com", "gmx.de", "orange.fr", "libero.it"};

    private final Random random;
    private final long seed;
    private final Set<String> issued = new HashSet<>();
    private final List<Person> persons = new ArrayList<>();

    LatinPopulationGenerator(long seed) {
        this.seed = seed;
        this.random = new Random(seed);
    }

    Population generate(int personCount) {
        int households = 0;
        while (persons.size() < personCount) {
            household("H" + String.format("%07d", ++households), personCount - persons.size());
        }
        Appearances appearances = new Appearances(random);
        persons.forEach(person -> appearances.spread(person, Script.LATIN.sources()));
        return new Population(Script.LATIN, seed, List.copyOf(persons), List.of(), appearances.shuffled());
    }

    private void household(String householdId, int room) {
        int size = Math.min(HOUSEHOLD_SIZE.pick(random), room);
        LatinCountry country = COUNTRIES.pick(random);
        Address home = country.address(random);
        String landline = random.nextDouble() < 0.5 ? unique(() -> country.landline(random)) : null;
        String familyName = country.surname(random);
        Gender headGender = random.nextBoolean() ? Gender.MALE : Gender.FEMALE;
        LocalDate headBirth = birthDate(LocalDate.of(1945, 1, 1), LocalDate.of(1998, 12, 31));
        person(householdId, country, familyName, headGender, headBirth, landline, home);
        for (int member = 1; member < size; member++) {
            boolean spouse = member == 1;
            String surname = spouse && random.nextDouble() < 0.3 ? country.surname(random) : familyName;
            Gender gender = spouse ? headGender.opposite() : random.nextBoolean() ? Gender.MALE : Gender.FEMALE;
            // a head too young for adult children lives with a brother or sister instead
            LocalDate birth = spouse ? birthDate(headBirth.minusYears(5), headBirth.plusYears(5))
                    : headBirth.plusYears(22).isBefore(YOUNGEST_ADULT) ? birthDate(headBirth.plusYears(22), headBirth.plusYears(38))
                    : birthDate(headBirth.minusYears(8), headBirth.plusYears(8));
            person(householdId, country, surname, gender, birth, landline, home);
        }
    }

    private void person(String householdId, LatinCountry country, String familyName, Gender gender, LocalDate birthDate,
                        String landline, Address home) {
        String given = LatinNames.givenName(gender, random);
        String mobile = random.nextDouble() < 0.9 ? unique(() -> country.mobile(random)) : null;
        persons.add(new Person(String.format("P%07d", persons.size() + 1), familyName, given, familyName, given, gender, birthDate,
                IdType.PASSPORT, unique(() -> country.passport(random)),
                mobile, mobile != null ? mobile : landline, landline,
                random.nextDouble() < 0.6 ? email(given, familyName) : null, home, householdId,
                List.of())); // a European business's customers: no units in the group's projects
    }

    private String email(String given, String familyName) {
        String first = LatinNames.ascii(given).toLowerCase();
        String last = LatinNames.ascii(familyName).toLowerCase().replace(" ", "").replace("'", "");
        String local = switch (random.nextInt(3)) {
            case 0 -> first + "." + last;
            case 1 -> first.charAt(0) + last + random.nextInt(100);
            default -> last + "." + first + (1950 + random.nextInt(60));
        };
        return local + "@" + EMAIL_DOMAINS[random.nextInt(EMAIL_DOMAINS.length)];
    }

    /** A day in the range, no later than the youngest adults' birthdays. */
    private LocalDate birthDate(LocalDate from, LocalDate to) {
        LocalDate latest = to.isAfter(YOUNGEST_ADULT) ? YOUNGEST_ADULT : to;
        return from.plusDays((long) (random.nextDouble() * (latest.toEpochDay() - from.toEpochDay())));
    }

    private String unique(Supplier<String> draw) {
        String value;
        do {
            value = draw.get();
        } while (!issued.add(value));
        return value;
    }
}
