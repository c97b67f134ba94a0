package io.atrium.simulators.variation;

import io.atrium.resolution.model.PartyKind;
import io.atrium.resolution.model.PartyRecord;
import io.atrium.simulators.population.Address;
import io.atrium.simulators.population.Appearance;
import io.atrium.simulators.population.LatinNames;
import io.atrium.simulators.population.Person;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Renders Latin-script people with the variation Latin data has: nicknames, typos, given and
 * family name in the wrong fields, lost accents, initials, missing values, phones written
 * nationally or internationally.
 */
final class LatinRenderer implements Renderer {

    private static final Map<String, SourceFields> FIELDS = Map.of(
            "crm", new SourceFields(0.6, 0.8, 0.7, 0.7, 0.8),
            "webshop", new SourceFields(0.1, 0.3, 0.3, 0.95, 0.9),
            "loyalty", new SourceFields(0.2, 0.7, 0.8, 0.8, 0.3),
            "billing", new SourceFields(0.5, 0.4, 0.2, 0.6, 0.9),
            "helpdesk", new SourceFields(0, 0, 0, 0.5, 0));

    @Override
    public PartyRecord render(Appearance appearance, Instant updatedAt, Random random) {
        Person person = (Person) appearance.party();
        SourceFields fields = FIELDS.get(appearance.source());
        PartyRecord record = new PartyRecord();
        record.setSource(appearance.source());
        record.setSourceId(appearance.sourceId());
        record.setKind(PartyKind.PERSON);
        record.setUpdatedAt(updatedAt);
        names(record, person, random);
        record.setPhones(phones(person, random));
        if (random.nextDouble() < fields.id()) {
            record.setIdType(person.idType());
            double roll = random.nextDouble();
            record.setIdNumber(roll < 0.03 ? Typos.wrongLetter(person.idNumber(), random)
                    : roll < 0.06 ? person.idNumber().toLowerCase() : person.idNumber());
        }
        if (random.nextDouble() < fields.birthDate()) {
            LocalDate birth = person.birthDate();
            // day and month swapped: the American order read as the European one
            record.setBirthDate(random.nextDouble() < 0.03 && birth.getDayOfMonth() <= 12
                    ? LocalDate.of(birth.getYear(), birth.getDayOfMonth(), birth.getMonthValue()) : birth);
        }
        if (random.nextDouble() < fields.gender()) {
            record.setGender(person.gender().canonical());
        }
        if (person.email() != null && random.nextDouble() < fields.email()) {
            record.setEmails(List.of(random.nextDouble() < 0.02 ? Typos.wrongLetter(person.email(), random) : person.email()));
        }
        if (random.nextDouble() < fields.address()) {
            record.setAddress(address(person.address(), random));
        }
        return record;
    }

    private static void names(PartyRecord record, Person person, Random random) {
        String given = person.givenName();
        String family = person.familyName();
        double roll = random.nextDouble();
        if (roll < 0.08) {
            given = LatinNames.nickname(given, random);
        } else if (roll < 0.12) {
            given = Typos.wrongLetter(given, random);
        } else if (roll < 0.16) {
            family = Typos.wrongLetter(family, random);
        } else if (roll < 0.19) {
            given = given.charAt(0) + ".";
        } else if (roll < 0.22) {
            given = null;
        } else if (roll < 0.25) {
            family = family.toUpperCase();
        }
        if (random.nextDouble() < 0.3) {
            family = withoutAccents(family, random);
            given = given == null ? null : withoutAccents(given, random);
        }
        boolean swapped = random.nextDouble() < 0.04;
        record.setGivenName(swapped ? family : given);
        record.setFamilyName(swapped ? given : family);
        double nameStyle = random.nextDouble();
        if (given == null) {
            record.setName(family);
        } else if (nameStyle < 0.08) {
            record.setName(family + ", " + given);
        } else if (nameStyle < 0.12) {
            record.setName(family + " " + given);
        } else {
            record.setName(given + " " + family);
        }
    }

    /** Müller as `Muller` or `Mueller`, García as `Garcia`. */
    private static String withoutAccents(String name, Random random) {
        String transcribed = random.nextBoolean() ? name.replace("ü", "ue").replace("ö", "oe").replace("ä", "ae") : name;
        return LatinNames.ascii(transcribed);
    }

    private static List<String> phones(Person person, Random random) {
        List<String> phones = new ArrayList<>();
        for (String number : new String[] {person.householdPhone(), random.nextDouble() < 0.3 ? person.landline() : null}) {
            if (number != null && !phones.contains(number) && random.nextDouble() < 0.9) {
                phones.add(random.nextDouble() < 0.03 ? Typos.wrongDigit(number, random) : number);
            }
        }
        return phones.stream().map(number -> phone(number, random)).toList();
    }

    /** `+447700900123`, `+44 7700 900123`, `0044 7700900123` or the national `07700 900123`. */
    private static String phone(String international, Random random) {
        String countryCode = international.substring(1, 3);
        String national = international.substring(3);
        String trunk = countryCode.equals("39") || countryCode.equals("34") ? "" : "0";
        return switch (random.nextInt(5)) {
            case 0 -> international;
            case 1 -> "+" + countryCode + " " + national.substring(0, 4) + " " + national.substring(4);
            case 2 -> "00" + countryCode + " " + national;
            default -> trunk + national.substring(0, 4) + " " + national.substring(4);
        };
    }

    private static String address(Address address, Random random) {
        String written = address.street() + ", " + address.region();
        double roll = random.nextDouble();
        if (roll < 0.05) {
            return written.toUpperCase();
        } else if (roll < 0.1) {
            return Typos.wrongLetter(address.street(), random) + ", " + address.region();
        } else if (roll < 0.15) {
            return address.street();
        }
        return written;
    }
}
