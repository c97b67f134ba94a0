package io.atrium.simulators.population;

import io.atrium.resolution.model.IdType;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Generates Chinese households and companies from a seed: the same seed gives the same
 * population. Family members share the address, often the surname and the household's phone.
 */
final class ChinesePopulationGenerator {

    private static final Weighted<Integer> HOUSEHOLD_SIZE = new Weighted<Integer>()
            .add(1, 35).add(2, 30).add(3, 20).add(4, 10).add(5, 5);
    private static final String[] MOBILE_PREFIXES = {
            "130", "131", "132", "133", "135", "136", "137", "138", "139", "150", "151", "152", "155", "156",
            "157", "158", "159", "166", "177", "180", "181", "182", "185", "186", "187", "188", "189", "199"};
    private static final String[] EMAIL_DOMAINS = {"163.com", "126.com", "sina.com", "gmail.com", "hotmail.com"};
    /** Characters of trade names (字号), two or three of them per company. */
    private static final String TRADE_NAME_CHARACTERS = "翠华信鹏程海岸锦宏图盛世远航嘉禾同创恒通立新金桥东方银河天成永中科安达万诚明德博雅凯旋瑞丰鼎启润泰康和裕隆兴富源聚祥汇福佳利百";
    private static final String[] COMPANY_TRADES = {
            "置业", "物业管理", "贸易", "科技", "餐饮管理", "投资", "建筑工程", "文化传媒", "电子", "咨询服务"};
    private static final LocalDate OLDEST = LocalDate.of(1938, 1, 1);
    private static final LocalDate YOUNGEST_ADULT = LocalDate.of(2007, 12, 31);
    /** Resident-ID holders; the others are Hong Kong or Macau residents with a 港澳通行证. */
    private static final double RESIDENT_ID_SHARE = 0.95;

    private final Random random;
    private final long seed;
    private final Set<String> issuedIds = new HashSet<>();
    private final Set<String> issuedPhones = new HashSet<>();
    private final Set<String> companyNames = new HashSet<>();
    private final List<Person> persons = new ArrayList<>();
    private final Holdings holdings;

    ChinesePopulationGenerator(long seed) {
        this.seed = seed;
        this.random = new Random(seed);
        this.holdings = new Holdings(seed);
    }

    Population generate(int personCount) {
        int households = 0;
        while (persons.size() < personCount) {
            household("H" + String.format("%07d", ++households), personCount - persons.size());
        }
        List<Company> companies = new ArrayList<>();
        for (int i = 1; i <= Math.max(1, personCount / 25); i++) {
            companies.add(company("C" + String.format("%07d", i)));
        }
        Appearances appearances = new Appearances(random);
        List<String> sources = Script.CHINESE.sources();
        persons.forEach(person -> appearances.spread(person, sources));
        companies.forEach(company -> appearances.spread(company, sources.subList(0, 3)));
        return new Population(Script.CHINESE, seed, List.copyOf(persons), List.copyOf(companies), appearances.shuffled());
    }

    private void household(String householdId, int room) {
        int size = Math.min(HOUSEHOLD_SIZE.pick(random), room);
        Address home = ChinesePlaces.home(random);
        String landline = random.nextDouble() < 0.4 ? landline(home) : null;
        List<String> projects = holdings.chineseHousehold(home);
        Gender headGender = random.nextBoolean() ? Gender.MALE : Gender.FEMALE;
        String headSurname = ChineseNames.surname(random);
        LocalDate headBirth = birthDate(LocalDate.of(1950, 1, 1), LocalDate.of(1996, 12, 31));
        Person head = person(householdId, headSurname, headGender, headBirth, null, landline, home, projects);
        String familyPhone = head.mobile();
        for (int member = 1; member < size; member++) {
            if (member == 1) {
                LocalDate spouseBirth = birthDate(headBirth.minusYears(6), headBirth.plusYears(6));
                person(householdId, ChineseNames.surname(random), headGender.opposite(), spouseBirth, familyPhone, landline, home, projects);
            } else if (member == 4 && headBirth.getYear() > 1960) {
                LocalDate parentBirth = birthDate(headBirth.minusYears(34), headBirth.minusYears(22));
                person(householdId, headSurname, random.nextBoolean() ? Gender.MALE : Gender.FEMALE,
                        parentBirth, familyPhone, landline, home, projects);
            } else if (headBirth.plusYears(22).isBefore(YOUNGEST_ADULT)) {
                LocalDate childBirth = birthDate(headBirth.plusYears(22), min(headBirth.plusYears(36), YOUNGEST_ADULT));
                String surname = headGender == Gender.MALE || random.nextDouble() < 0.2 ? headSurname : ChineseNames.surname(random);
                person(householdId, surname, random.nextBoolean() ? Gender.MALE : Gender.FEMALE, childBirth, familyPhone, landline, home, projects);
            } else {
                // too young for adult children: a brother or sister lives with them
                LocalDate siblingBirth = birthDate(headBirth.minusYears(8), min(headBirth.plusYears(8), YOUNGEST_ADULT));
                person(householdId, headSurname, random.nextBoolean() ? Gender.MALE : Gender.FEMALE, siblingBirth, familyPhone, landline, home, projects);
            }
        }
    }

    /** A person; the household phone is the head's mobile, or their own number for the head. */
    private Person person(String householdId, String surname, Gender gender, LocalDate birthDate,
                          String householdPhone, String landline, Address home, List<String> householdProjects) {
        String given = ChineseNames.givenName(gender, random);
        String mobile = mobile();
        boolean resident = random.nextDouble() < RESIDENT_ID_SHARE;
        Person person = new Person(
                String.format("P%07d", persons.size() + 1), surname, given,
                ChineseNames.pinyin(surname), ChineseNames.pinyin(given), gender, birthDate,
                resident ? IdType.CN_RESIDENT : IdType.HK_MACAU_PERMIT,
                resident ? residentId(birthDate, gender) : permitNumber(),
                mobile, householdPhone == null ? mobile : householdPhone, landline,
                random.nextDouble() < 0.5 ? email(surname, given, birthDate) : null, home, householdId,
                holdings.member(householdProjects));
        persons.add(person);
        return person;
    }

    private Company company(String truthId) {
        List<Project> offices = ChinesePlaces.commercialProjects();
        Project office = offices.get(random.nextInt(offices.size()));
        String city = office.region().substring(office.region().indexOf('省') + 1);
        String shortName;
        String name;
        do {
            int length = random.nextDouble() < 0.7 ? 2 : 3;
            StringBuilder tradeName = new StringBuilder();
            while (tradeName.length() < length) {
                tradeName.append(TRADE_NAME_CHARACTERS.charAt(random.nextInt(TRADE_NAME_CHARACTERS.length())));
            }
            shortName = tradeName + COMPANY_TRADES[random.nextInt(COMPANY_TRADES.length)];
            name = city + shortName + "有限公司";
        } while (!companyNames.add(name));
        Address address = office.address(office.building(1 + random.nextInt(4)), ChinesePlaces.room(random));
        String code;
        do {
            code = CreditCodes.of(office.cityCode(), random);
        } while (!issuedIds.add(code));
        return new Company(truthId, name, shortName, code, landline(address), address, persons.get(random.nextInt(persons.size())));
    }

    /** A day in the range, kept between the oldest living customers and the youngest adults. */
    private LocalDate birthDate(LocalDate from, LocalDate to) {
        LocalDate earliest = from.isBefore(OLDEST) ? OLDEST : from;
        LocalDate latest = min(to, YOUNGEST_ADULT);
        long days = latest.toEpochDay() - earliest.toEpochDay();
        return earliest.plusDays(days <= 0 ? 0 : (long) (random.nextDouble() * days));
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    private String residentId(LocalDate birthDate, Gender gender) {
        String id;
        do {
            id = ResidentIds.of(ChinesePlaces.birthRegion(random), birthDate, gender, random.nextInt(500));
        } while (!issuedIds.add(id));
        return id;
    }

    private String permitNumber() {
        String number;
        do {
            number = (random.nextDouble() < 0.8 ? "H" : "M") + String.format("%08d", random.nextInt(100_000_000));
        } while (!issuedIds.add(number));
        return number;
    }

    private String mobile() {
        String mobile;
        do {
            mobile = MOBILE_PREFIXES[random.nextInt(MOBILE_PREFIXES.length)] + String.format("%08d", random.nextInt(100_000_000));
        } while (!issuedPhones.add(mobile));
        return mobile;
    }

    private String landline(Address address) {
        String area = address.region().contains("广州") ? "020" : address.region().contains("东莞") ? "0769"
                : address.region().contains("珠海") ? "0756" : "0755";
        String landline;
        do {
            landline = area + "-" + (2 + random.nextInt(7)) + String.format("%07d", random.nextInt(10_000_000));
        } while (!issuedPhones.add(landline));
        return landline;
    }

    private String email(String surname, String given, LocalDate birthDate) {
        if (random.nextDouble() < 0.3) {
            return (10_000_000L + random.nextInt(1_900_000_000)) + "@qq.com";
        }
        String local = (ChineseNames.pinyin(surname) + ChineseNames.pinyin(given)).toLowerCase()
                + (random.nextBoolean() ? String.valueOf(birthDate.getYear() % 100) : String.valueOf(random.nextInt(1000)));
        return local + "@" + EMAIL_DOMAINS[random.nextInt(EMAIL_DOMAINS.length)];
    }
}
