package io.atrium.simulators.population;

import java.util.List;
import java.util.Random;

/** How people of one European country are named, addressed, phoned and issued passports. */
enum LatinCountry {
    GB("44", "7", 10, "20", 8, List.of("Smith", "Jones", "Williams", "Taylor", "Brown", "Davies", "Evans", "Wilson", "Thomas", "Johnson", "Roberts", "Walker", "Wright", "Robinson", "O'Brien"),
            List.of("High Street", "Station Road", "Church Lane", "Victoria Road", "Park Avenue"),
            List.of("London", "Manchester", "Leeds", "Bristol")),
    DE("49", "15", 11, "30", 8, List.of("Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Schulz", "Hoffmann"),
            List.of("Hauptstraße", "Bahnhofstraße", "Gartenweg", "Schillerstraße", "Lindenallee"),
            List.of("Berlin", "München", "Hamburg", "Köln")),
    FR("33", "6", 9, "1", 8, List.of("Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand", "Leroy", "Moreau", "Lefèvre"),
            List.of("rue de la Paix", "avenue Victor Hugo", "boulevard Voltaire", "rue Pasteur"),
            List.of("Paris", "Lyon", "Marseille", "Toulouse")),
    IT("39", "3", 10, "02", 8, List.of("Rossi", "Russo", "Ferrari", "Esposito", "Bianchi", "Romano", "Colombo", "Ricci", "De Luca"),
            List.of("Via Roma", "Via Garibaldi", "Corso Italia", "Via Dante"),
            List.of("Milano", "Roma", "Torino", "Napoli")),
    ES("34", "6", 9, "91", 7, List.of("García", "Fernández", "González", "Rodríguez", "López", "Martínez", "Sánchez", "Pérez"),
            List.of("Calle Mayor", "Calle de Alcalá", "Avenida de la Constitución", "Calle Real"),
            List.of("Madrid", "Barcelona", "Valencia", "Sevilla")),
    NL("31", "6", 9, "20", 7, List.of("de Jong", "Jansen", "de Vries", "van den Berg", "van Dijk", "Bakker", "Visser"),
            List.of("Kerkstraat", "Dorpsstraat", "Stationsweg", "Molenweg"),
            List.of("Amsterdam", "Utrecht", "Rotterdam", "Den Haag"));

    private final String countryCode;
    private final String mobilePrefix;
    private final int mobileLength;
    private final String landlinePrefix;
    private final int landlineSubscriberDigits;
    private final List<String> surnames;
    private final List<String> streets;
    private final List<String> cities;

    LatinCountry(String countryCode, String mobilePrefix, int mobileLength, String landlinePrefix,
                 int landlineSubscriberDigits, List<String> surnames, List<String> streets, List<String> cities) {
        this.countryCode = countryCode;
        this.mobilePrefix = mobilePrefix;
        this.mobileLength = mobileLength;
        this.landlinePrefix = landlinePrefix;
        this.landlineSubscriberDigits = landlineSubscriberDigits;
        this.surnames = surnames;
        this.streets = streets;
        this.cities = cities;
    }

    String surname(Random random) {
        // earlier names in each list are the more common ones
        int index = (int) Math.floor(Math.pow(random.nextDouble(), 1.6) * surnames.size());
        return surnames.get(index);
    }

    /** An international number: `+`, country code, then the national significant number. */
    String mobile(Random random) {
        return "+" + countryCode + mobilePrefix + digits(random, mobileLength - mobilePrefix.length());
    }

    String landline(Random random) {
        return "+" + countryCode + landlinePrefix + digits(random, landlineSubscriberDigits);
    }

    Address address(Random random) {
        int number = 1 + random.nextInt(180);
        String street = streets.get(random.nextInt(streets.size()));
        String city = cities.get(random.nextInt(cities.size()));
        return switch (this) {
            case GB -> new Address(city + " " + postcodeGb(random), "", number + " " + street, "");
            case FR -> new Address(digits(random, 5) + " " + city, "", number + " " + street, "");
            default -> new Address(digits(random, this == NL ? 4 : 5) + (this == NL ? " " + letters(random, 2) : "") + " " + city,
                    "", street + " " + number, "");
        };
    }

    String passport(Random random) {
        return switch (this) {
            case GB -> digits(random, 9);
            case DE -> "C" + pick(random, "CFGHJKLMNPRTVWXYZ0123456789", 8);
            case FR -> digits(random, 2) + letters(random, 2) + digits(random, 5);
            case IT -> letters(random, 2) + digits(random, 7);
            case ES -> letters(random, 3) + digits(random, 6);
            case NL -> letters(random, 2) + pick(random, "ABCDEFGHJKLMNPRSTUVWXYZ0123456789", 6) + digits(random, 1);
        };
    }

    private static String postcodeGb(Random random) {
        return letters(random, 2) + (1 + random.nextInt(20)) + " " + digits(random, 1) + letters(random, 2);
    }

    private static String digits(Random random, int count) {
        return pick(random, "0123456789", count);
    }

    private static String letters(Random random, int count) {
        return pick(random, "ABCDEFGHIJKLMNOPQRSTUVWXYZ", count);
    }

    private static String pick(Random random, String alphabet, int count) {
        StringBuilder text = new StringBuilder(count);
        for (int i = 0; i < count; i++) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }
}
