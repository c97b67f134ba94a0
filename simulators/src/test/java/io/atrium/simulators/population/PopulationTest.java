package io.atrium.simulators.population;

import io.atrium.resolution.model.IdType;
import org.junit.jupiter.api.Test;

import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PopulationTest {

    private static final Population CHINESE = Script.CHINESE.generate(7, 3000);

    @Test
    void residentIdsAreValidAndAgreeWithBirthDateAndGender() {
        for (Person person : CHINESE.persons()) {
            if (person.idType() == IdType.CN_RESIDENT) {
                String id = person.idNumber();
                assertTrue(ResidentIds.isValid(id), person.truthId());
                assertEquals(DateTimeFormatter.BASIC_ISO_DATE.format(person.birthDate()), id.substring(6, 14));
                assertEquals(person.gender() == Gender.MALE ? 1 : 0, (id.charAt(16) - '0') % 2);
            }
        }
        assertTrue(CHINESE.persons().stream().anyMatch(person -> person.idType() == IdType.HK_MACAU_PERMIT));
    }

    @Test
    void companiesHaveValidCreditCodesAndContacts() {
        assertEquals(120, CHINESE.companies().size());
        for (Company company : CHINESE.companies()) {
            assertTrue(CreditCodes.isValid(company.creditCode()), company.truthId());
            assertTrue(CHINESE.persons().contains(company.contact()));
        }
    }

    @Test
    void commonNamesAreSharedByDifferentPeopleSomeBornTheSameYear() {
        Map<String, Long> byName = CHINESE.persons().stream()
                .collect(Collectors.groupingBy(person -> person.familyName() + person.givenName(), Collectors.counting()));
        long sharedNames = byName.values().stream().filter(count -> count > 1).count();
        assertTrue(sharedNames > 50, "names shared by several people: " + sharedNames);
        long sameNameSameYear = CHINESE.persons().stream()
                .collect(Collectors.groupingBy(person -> person.familyName() + person.givenName() + person.birthDate().getYear(),
                        Collectors.counting()))
                .values().stream().filter(count -> count > 1).count();
        assertTrue(sameNameSameYear > 0);
    }

    @Test
    void householdsShareAddressAndPhone() {
        Map<String, Set<Object>> addresses = CHINESE.persons().stream().collect(
                Collectors.groupingBy(Person::householdId, Collectors.mapping(Person::address, Collectors.toSet())));
        assertTrue(addresses.values().stream().allMatch(set -> set.size() == 1));
        long sharingPhone = CHINESE.persons().stream().filter(person -> !person.householdPhone().equals(person.mobile())).count();
        assertTrue(sharingPhone > 300, "members using the family phone: " + sharingPhone);
    }

    @Test
    void everyPartyAppearsAndSomeInAllSources() {
        Map<String, Long> appearancesPerParty = CHINESE.appearances().stream()
                .collect(Collectors.groupingBy(appearance -> appearance.party().truthId(), Collectors.counting()));
        assertEquals(CHINESE.persons().size() + CHINESE.companies().size(), appearancesPerParty.size());
        Map<String, Set<String>> sources = CHINESE.appearances().stream().collect(Collectors.groupingBy(
                appearance -> appearance.party().truthId(), Collectors.mapping(Appearance::source, Collectors.toSet())));
        assertTrue(sources.values().stream().anyMatch(set -> set.size() == 5));
        Set<String> ids = CHINESE.appearances().stream().map(appearance -> appearance.source() + appearance.sourceId())
                .collect(Collectors.toSet());
        assertEquals(CHINESE.appearances().size(), ids.size(), "source ids are unique per source");
    }

    @Test
    void sameSeedSamePopulation() {
        Population again = Script.CHINESE.generate(7, 3000);
        assertEquals(CHINESE, again);
        Population other = Script.CHINESE.generate(8, 3000);
        assertTrue(!CHINESE.persons().equals(other.persons()));
    }

    @Test
    void latinPopulationHasPassportsAndCommonSurnames() {
        Population latin = Script.LATIN.generate(7, 2000);
        assertEquals(2000, latin.persons().size());
        assertTrue(latin.persons().stream().allMatch(person -> person.idType() == IdType.PASSPORT));
        Map<String, Long> bySurname = latin.persons().stream()
                .collect(Collectors.groupingBy(Person::familyName, Collectors.counting()));
        assertTrue(bySurname.getOrDefault("Smith", 0L) > 20);
        Map<String, Person> byPassport = latin.persons().stream()
                .collect(Collectors.toMap(Person::idNumber, Function.identity()));
        assertEquals(latin.persons().size(), byPassport.size());
    }
}
