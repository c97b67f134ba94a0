package io.atrium.simulators.variation;

import io.atrium.resolution.model.IdType;
import io.atrium.resolution.model.PartyKind;
import io.atrium.resolution.model.PartyRecord;
import io.atrium.simulators.population.Address;
import io.atrium.simulators.population.Appearance;
import io.atrium.simulators.population.ChineseNames;
import io.atrium.simulators.population.Company;
import io.atrium.simulators.population.Person;
import io.atrium.simulators.population.ResidentIds;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Renders Chinese people and companies as the group's five systems hold them. Each system has
 * its own fields (the call center knows a name and a phone, sales knows the ID and birthday);
 * every system makes the same kinds of mistakes.
 */
final class ChineseRenderer implements Renderer {

    private static final Map<String, SourceFields> FIELDS = Map.of(
            "sales", new SourceFields(0.9, 0.7, 0.9, 0.3, 0.6),
            "leasing", new SourceFields(0.9, 0, 0, 0.2, 0),
            "property", new SourceFields(0.7, 0, 0, 0.15, 1),
            "membership", new SourceFields(0, 0.85, 0.9, 0.4, 0),
            "service", new SourceFields(0, 0, 0, 0, 0));
    /** Share of call-center tickets where the caller gave only surname and honorific. */
    private static final double HONORIFIC_ONLY = 0.6;

    @Override
    public PartyRecord render(Appearance appearance, Instant updatedAt, Random random) {
        PartyRecord record = new PartyRecord();
        record.setSource(appearance.source());
        record.setSourceId(appearance.sourceId());
        record.setUpdatedAt(updatedAt);
        SourceFields fields = FIELDS.get(appearance.source());
        if (appearance.party() instanceof Person person) {
            person(record, person, fields, random);
        } else {
            company(record, (Company) appearance.party(), fields, random);
        }
        return record;
    }

    private void person(PartyRecord record, Person person, SourceFields fields, Random random) {
        record.setKind(PartyKind.PERSON);
        boolean service = record.getSource().equals("service");
        record.setName(service && random.nextDouble() < HONORIFIC_ONLY
                ? person.familyName() + person.gender().honorific() : name(person, random));
        record.setPhones(phones(person, record.getSource(), random));
        if (random.nextDouble() < fields.id()) {
            record.setIdType(person.idType());
            record.setIdNumber(person.idType() == IdType.CN_RESIDENT ? residentId(person, random) : person.idNumber());
        }
        if (random.nextDouble() < fields.birthDate()) {
            record.setBirthDate(random.nextDouble() < 0.02 ? wrongBirthDate(person.birthDate(), random) : person.birthDate());
        }
        if (random.nextDouble() < fields.gender()) {
            record.setGender(person.gender().canonical());
        }
        if (person.email() != null && random.nextDouble() < fields.email()) {
            record.setEmails(List.of(random.nextDouble() < 0.05 ? person.email().toUpperCase() : person.email()));
        }
        if (random.nextDouble() < fields.address()) {
            record.setAddress(address(person.address(), random));
        }
    }

    private void company(PartyRecord record, Company company, SourceFields fields, Random random) {
        record.setKind(PartyKind.ORGANIZATION);
        record.setName(companyName(company, random));
        if (random.nextDouble() < fields.id()) {
            record.setIdType(IdType.USCC);
            String code = company.creditCode();
            record.setIdNumber(random.nextDouble() < 0.03 ? Typos.wrongDigit(code, random)
                    : random.nextDouble() < 0.02 ? code.toLowerCase() : code);
        }
        String phone = random.nextDouble() < 0.6 ? company.landline() : company.contact().mobile();
        record.setPhones(List.of(ChinesePhones.format(phone, random)));
        if (record.getSource().equals("leasing")) {
            record.putAttribute("contactName", name(company.contact(), random));
        }
        if (random.nextDouble() < fields.address()) {
            record.setAddress(address(company.address(), random));
        }
    }

    /** The person's name as a clerk typed it. */
    static String name(Person person, Random random) {
        String name = person.familyName() + person.givenName();
        // Hong Kong and Macau residents write traditional characters
        double traditional = person.idType() == IdType.HK_MACAU_PERMIT ? 0.5 : 0.07;
        double roll = random.nextDouble();
        if (roll < traditional) {
            return ChineseNames.traditional(name);
        }
        roll = random.nextDouble();
        if (roll < 0.03) {
            return person.familyName() + " " + person.givenName();
        } else if (roll < 0.04) {
            return person.familyName() + "\u3000" + person.givenName();
        } else if (roll < 0.08) {
            return person.romanFamilyName() + " " + person.romanGivenName();
        } else if (roll < 0.11) {
            return person.romanGivenName().toUpperCase() + " " + person.romanFamilyName().toUpperCase();
        } else if (roll < 0.12) {
            return Typos.fullWidth(person.romanFamilyName() + " " + person.romanGivenName());
        } else if (roll < 0.16) {
            return sameSoundTypo(name, random);
        } else if (roll < 0.17) {
            return " " + name + " ";
        }
        return name;
    }

    private static String sameSoundTypo(String name, Random random) {
        List<Integer> positions = new ArrayList<>();
        for (int i = 0; i < name.length(); i++) {
            if (ChineseNames.hasSameSound(name.charAt(i))) {
                positions.add(i);
            }
        }
        if (positions.isEmpty()) {
            return name;
        }
        int at = positions.get(random.nextInt(positions.size()));
        return name.substring(0, at) + ChineseNames.sameSound(name.charAt(at), random) + name.substring(at + 1);
    }

    /**
     * Own mobile mostly; the family's shared phone or the landline sometimes; none now and then,
     * except in the call center, which always has the calling number. Property keeps several.
     */
    private static List<String> phones(Person person, String source, Random random) {
        double roll = random.nextDouble();
        String first = roll < 0.72 ? person.mobile() : roll < 0.9 ? person.householdPhone()
                : roll < 0.96 ? person.landline() : null;
        if (first == null && !source.equals("service")) {
            return List.of();
        }
        List<String> numbers = new ArrayList<>(List.of(first == null ? person.mobile() : first));
        if (source.equals("property") && person.landline() != null && !numbers.contains(person.landline())) {
            numbers.add(person.landline());
        }
        return numbers.stream()
                .map(number -> random.nextDouble() < 0.03 ? Typos.wrongDigit(number, random) : number)
                .map(number -> ChinesePhones.format(number, random))
                .toList();
    }

    private static String residentId(Person person, Random random) {
        String id = person.idNumber();
        if (person.birthDate().getYear() < 1984 && random.nextDouble() < 0.15) {
            return ResidentIds.oldForm(id);
        }
        double roll = random.nextDouble();
        if (roll < 0.025) {
            return Typos.wrongDigit(id, random);
        } else if (roll < 0.035) {
            return Typos.fullWidth(id);
        } else if (id.endsWith("X") && roll < 0.5) {
            return id.toLowerCase();
        }
        return id;
    }

    private static LocalDate wrongBirthDate(LocalDate truth, Random random) {
        return random.nextBoolean() && truth.getDayOfMonth() <= 12
                ? LocalDate.of(truth.getYear(), truth.getDayOfMonth(), truth.getMonthValue())
                : truth.plusYears(random.nextBoolean() ? 1 : -1);
    }

    private static String companyName(Company company, Random random) {
        double roll = random.nextDouble();
        if (roll < 0.08) {
            return company.shortName() + "有限公司";
        } else if (roll < 0.13) {
            String city = company.name().substring(0, company.name().indexOf('市'));
            return company.shortName() + "（" + city + "）有限公司";
        } else if (roll < 0.16) {
            return ChineseNames.traditional(company.name());
        } else if (roll < 0.18) {
            return company.name() + " ";
        } else if (roll < 0.20) {
            return company.name().replace("有限公司", "");
        }
        return company.name();
    }

    private static String address(Address address, Random random) {
        double roll = random.nextDouble();
        String region = address.region();
        String written;
        if (roll < 0.6) {
            written = region + address.district() + address.street() + address.place();
        } else if (roll < 0.85) {
            written = region.substring(region.indexOf('省') + 1) + address.district() + address.street() + address.place();
        } else {
            written = address.district() + address.place() + "室";
        }
        return random.nextDouble() < 0.05 ? Typos.fullWidth(written) : written;
    }
}
