package io.atrium.resolution.blocking;

import io.atrium.resolution.Fixtures;
import io.atrium.resolution.match.FieldKind;
import io.atrium.resolution.match.MatchSettings;
import io.atrium.resolution.match.Scorer;
import io.atrium.resolution.match.ValueFrequencies;
import io.atrium.resolution.resolve.IncrementalResolver;
import io.atrium.resolution.standardize.Addresses;
import io.atrium.resolution.standardize.StandardizedRecord;
import org.junit.jupiter.api.Test;

import java.util.Collections;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BlockerTest {

    private final StandardizedRecord buyer = Fixtures.standardized("""
            {"source":"sales","sourceId":"S1","name":"张伟","idNumber":"110105198507150016","phones":["138-0013-8000"]}""");
    private final StandardizedRecord latin = Fixtures.standardized("""
            {"source":"crm","sourceId":"C1","name":"WEI ZHANG","birthDate":"1985-07-15","phones":["+86 138 0013 8000"]}""");
    private final StandardizedRecord caller = Fixtures.standardized("""
            {"source":"service","sourceId":"T1","name":"张先生","phones":["8613800138000"]}""");

    @Test
    void recordsOfOnePersonShareKeysAcrossScriptsAndPhoneFormats() {
        Set<BlockingKey> shared = Blocker.keys(buyer);
        shared.retainAll(Blocker.keys(latin));
        assertTrue(shared.contains(new BlockingKey(BlockingRule.PHONE, "P|800138000")), "phones block on their last nine digits");
        assertTrue(shared.contains(new BlockingKey(BlockingRule.NAME_YEAR, "wei zhang|1985")), "birth year from the ID");
        BlockingKey surnamePhone = new BlockingKey(BlockingRule.SURNAME_PHONE, "P|zhang|800138000");
        assertTrue(Blocker.keys(buyer).contains(surnamePhone) && Blocker.keys(caller).contains(surnamePhone),
                "an honorific caller meets the full name by surname and phone");
    }

    @Test
    void aNameMeetsItsMistypedMobileInEitherHalfOfTheNumber() {
        StandardizedRecord tail = Fixtures.standardized("""
                {"source":"property","sourceId":"P1","name":"张伟","phones":["13800138001"]}""");
        StandardizedRecord head = Fixtures.standardized("""
                {"source":"property","sourceId":"P2","name":"Zhang Wei","phones":["13900138000"]}""");
        Set<BlockingKey> withTail = Blocker.keys(buyer);
        withTail.retainAll(Blocker.keys(tail));
        assertTrue(withTail.stream().anyMatch(k -> k.rule() == BlockingRule.NAME_PHONE_PART), "last digit mistyped");
        Set<BlockingKey> withHead = Blocker.keys(buyer);
        withHead.retainAll(Blocker.keys(head));
        assertTrue(withHead.stream().anyMatch(k -> k.rule() == BlockingRule.NAME_PHONE_PART), "a digit of the first half mistyped");
        StandardizedRecord otherName = Fixtures.standardized("""
                {"source":"property","sourceId":"P3","name":"李明","phones":["13800138001"]}""");
        Set<BlockingKey> none = Blocker.keys(buyer);
        none.retainAll(Blocker.keys(otherName));
        assertEquals(Collections.emptySet(), none, "another surname on a neighbouring number is not paired");
    }

    @Test
    void aSurnameOnlyCallerMeetsTheFullNameOnAMistypedMobile() {
        StandardizedRecord mistyped = Fixtures.standardized("""
                {"source":"service","sourceId":"T2","name":"张先生","phones":["138 0013 8700"]}""");
        Set<BlockingKey> shared = Blocker.keys(buyer);
        shared.retainAll(Blocker.keys(mistyped));
        assertEquals(Set.of(new BlockingKey(BlockingRule.SURNAME_PHONE_PART, "zhang|<80013")), shared,
                "the surname beside the half of the number he did not mistype");
    }

    @Test
    void aNameMeetsItsIdNumberMistypedInOneHalf() {
        StandardizedRecord typo = Fixtures.standardized("""
                {"source":"property","sourceId":"P1","name":"张伟","idType":"CN_RESIDENT","idNumber":"110105198507150061"}""");
        Set<BlockingKey> shared = Blocker.keys(buyer);
        shared.retainAll(Blocker.keys(typo));
        assertTrue(shared.stream().anyMatch(k -> k.rule() == BlockingRule.NAME_ID_PART));
    }

    @Test
    void aNameMistypedInEveryTokenMeetsByBirthDateOrByHalfItsIdentifier() {
        StandardizedRecord written = Fixtures.standardized("""
                {"source":"crm","sourceId":"C1","givenName":"Katharina","familyName":"Schneider","name":"Katharina Schneider",
                 "birthDate":"1958-03-14","idType":"OTHER","idNumber":"4715302"}""");
        StandardizedRecord sameDay = Fixtures.standardized("""
                {"source":"crm","sourceId":"C2","givenName":"Katharnia","familyName":"Schnieder","name":"Katharnia Schnieder",
                 "birthDate":"1958-03-14"}""");
        StandardizedRecord idMistyped = Fixtures.standardized("""
                {"source":"crm","sourceId":"C3","givenName":"Kathrina","familyName":"Schnieder","name":"Kathrina Schnieder",
                 "idType":"OTHER","idNumber":"4715320"}""");
        StandardizedRecord otherFamily = Fixtures.standardized("""
                {"source":"crm","sourceId":"C4","givenName":"Karl","familyName":"Becker","name":"Karl Becker",
                 "birthDate":"1958-03-14","idType":"OTHER","idNumber":"4715302"}""");

        Set<BlockingKey> byDate = Blocker.keys(written);
        byDate.retainAll(Blocker.keys(sameDay));
        assertEquals(Set.of(new BlockingKey(BlockingRule.DATE_TOKEN, "1958-03-14|kat"),
                new BlockingKey(BlockingRule.DATE_TOKEN, "1958-03-14|sch")), byDate);
        Set<BlockingKey> byId = Blocker.keys(written);
        byId.retainAll(Blocker.keys(idMistyped));
        assertTrue(byId.stream().anyMatch(k -> k.rule() == BlockingRule.NAME_ID_PART), byId.toString());
        Set<BlockingKey> namesake = Blocker.keys(written);
        namesake.retainAll(Blocker.keys(otherFamily));
        assertTrue(namesake.stream().noneMatch(k -> k.rule() == BlockingRule.DATE_TOKEN || k.rule() == BlockingRule.NAME_ID_PART),
                "another name on the same day or beside the same digits is not paired by name parts");
    }

    @Test
    void aSurnameOnlyNameMeetsItsFullNameByHalfAnArbitraryIdentifierButNotByHalfAResidentId() {
        StandardizedRecord surnameOnly = Fixtures.standardized("""
                {"source":"webshop","sourceId":"W1","name":"Wilde","familyName":"Wilde","birthDate":"1927-04-28","idType":"OTHER","idNumber":"6646723"}""");
        StandardizedRecord full = Fixtures.standardized("""
                {"source":"crm","sourceId":"C1","name":"Sebastian Wilde","givenName":"Sebastian","familyName":"Wilde","birthDate":"1927-07-28","idType":"OTHER","idNumber":"6646273"}""");
        assertEquals(Set.of(new BlockingKey(BlockingRule.NAME_ID_PART, "wil|<664")), sharedKeys(surnameOnly, full),
                "birth date and identifier each mistyped: the surname beside the half of the identifier left whole");
        StandardizedRecord clan = Fixtures.standardized("""
                {"source":"service","sourceId":"T1","name":"张","weakName":true,"idType":"CN_RESIDENT","idNumber":"110105198507150061"}""");
        assertTrue(Blocker.keys(clan).stream().noneMatch(k -> k.rule() == BlockingRule.NAME_ID_PART),
                "a resident ID's half is a region and a decade of birth: beside a surname alone it pairs the clan");
    }

    @Test
    void anIdentifierWithTwoNeighboursSwappedAcrossItsMiddleStillMeets() {
        StandardizedRecord written = Fixtures.standardized("""
                {"source":"crm","sourceId":"C1","name":"Domenique Paterson","givenName":"Domenique","familyName":"Paterson","idType":"OTHER","idNumber":"4975843"}""");
        StandardizedRecord swapped = Fixtures.standardized("""
                {"source":"crm","sourceId":"C2","name":"Domenique Paterson","givenName":"Domenique","familyName":"Paterson","idType":"OTHER","idNumber":"4957843"}""");
        Set<BlockingKey> shared = sharedKeys(written, swapped);
        assertTrue(shared.stream().anyMatch(k -> k.rule() == BlockingRule.NAME_ID_PART), shared.toString());
    }

    @Test
    void anIdentifierMistypedBesideANameMistypedAtTheStartOfEveryTokenMeetsByItsOtherHalfAndThePostcode() {
        StandardizedRecord written = Fixtures.standardized("""
                {"source":"crm","sourceId":"C1","name":"Michael Drechsler","givenName":"Michael","familyName":"Drechsler","idType":"OTHER","idNumber":"3902049","address":"5 hone place newcomb 3032 qld"}""");
        StandardizedRecord mistyped = Fixtures.standardized("""
                {"source":"web","sourceId":"W1","name":"Nichael Srechsler","givenName":"Nichael","familyName":"Srechsler","idType":"OTHER","idNumber":"3902079","address":"5 hone palce newcomb 3032 qld"}""");
        assertEquals(Set.of(new BlockingKey(BlockingRule.ID_PART_POSTCODE, "P|OTHER|3032|<390")), sharedKeys(written, mistyped),
                "the half of the identifier left whole beside the postcode, whatever the name");
        StandardizedRecord noPostcode = Fixtures.standardized("""
                {"source":"web","sourceId":"W2","name":"Nichael Srechsler","idType":"OTHER","idNumber":"3902079","address":"5 hone palce newcomb"}""");
        assertTrue(Blocker.keys(noPostcode).stream().noneMatch(k -> k.rule() == BlockingRule.ID_PART_POSTCODE));
        StandardizedRecord resident = Fixtures.standardized("""
                {"source":"property","sourceId":"P1","name":"Zhang Wei","idType":"CN_RESIDENT","idNumber":"110105198507150061","address":"12 chaoyang road beijing 100020"}""");
        assertTrue(Blocker.keys(resident).stream().noneMatch(k -> k.rule() == BlockingRule.ID_PART_POSTCODE),
                "a resident ID's first half is a region and a decade: beside a postcode, a clan of one area");
        assertEquals("12761", Addresses.postcode("bahnhofstrasse 42 12761 berlin"));
        assertEquals("3032", Addresses.postcode("5 hone place newcomb 3032"));
        assertNull(Addresses.postcode("molenweg 143 3567 zk den haag"), "a postcode not among the last two parts is not read as one");
        assertNull(Addresses.postcode("am alten markt 112"), "three digits: a house or flat");
        assertNull(Addresses.postcode("广东省深圳市福田区香梅北路2号金地花园3栋1304"));
    }

    private static Set<BlockingKey> sharedKeys(StandardizedRecord a, StandardizedRecord b) {
        Set<BlockingKey> shared = Blocker.keys(a);
        shared.retainAll(Blocker.keys(b));
        return shared;
    }

    @Test
    void aResidentIdsHalvesPairOnlyBesideTheWholeName() {
        // same district and decade of birth, same surname: the first half of the number says nothing more
        StandardizedRecord cousin = Fixtures.standardized("""
                {"source":"property","sourceId":"P2","name":"张敏","idType":"CN_RESIDENT","idNumber":"11010519850303002X"}""");
        Set<BlockingKey> shared = Blocker.keys(buyer);
        shared.retainAll(Blocker.keys(cousin));
        assertTrue(shared.stream().noneMatch(k -> k.rule() == BlockingRule.NAME_ID_PART), shared.toString());
    }

    @Test
    void weakNamesBlockOnlyOnContactsAndCompaniesNeverMeetPersons() {
        assertTrue(Blocker.keys(caller).stream().allMatch(k -> k.rule() == BlockingRule.PHONE || k.rule() == BlockingRule.SURNAME_PHONE
                || k.rule() == BlockingRule.SURNAME_PHONE_PART));
        StandardizedRecord company = Fixtures.standardized("""
                {"source":"leasing","sourceId":"L1","kind":"ORGANIZATION","name":"翠湖置业有限公司","phones":["13800138000"]}""");
        Set<BlockingKey> shared = Blocker.keys(company);
        shared.retainAll(Blocker.keys(buyer));
        assertEquals(Collections.emptySet(), shared);
    }

    @Test
    void aSurnameOnlyNameMeetsItsFullNameByBirthDateButNotTheHouseholdByAddress() {
        StandardizedRecord surnameOnly = Fixtures.standardized("""
                {"source":"webshop","sourceId":"W1","name":"Dubois","familyName":"Dubois","birthDate":"1971-08-26","address":"12 rue Victor Hugo, Lyon"}""");
        StandardizedRecord full = Fixtures.standardized("""
                {"source":"crm","sourceId":"C2","name":"Thomas Dubois","givenName":"Thomas","familyName":"Dubois","birthDate":"1971-08-26"}""");
        StandardizedRecord wife = Fixtures.standardized("""
                {"source":"crm","sourceId":"C3","name":"Marie Dubois","givenName":"Marie","familyName":"Dubois","address":"12 rue Victor Hugo, Lyon"}""");
        Set<BlockingKey> shared = Blocker.keys(surnameOnly);
        shared.retainAll(Blocker.keys(full));
        assertEquals(Set.of(new BlockingKey(BlockingRule.DATE_TOKEN, "1971-08-26|dub")), shared);
        Set<BlockingKey> household = Blocker.keys(surnameOnly);
        household.retainAll(Blocker.keys(wife));
        assertEquals(Collections.emptySet(), household);
    }

    @Test
    void aChineseHomeMeetsItsOtherWritingButNotTheNeighboursFlat() {
        StandardizedRecord owner = Fixtures.standardized("""
                {"source":"property","sourceId":"P1","name":"于思涵","address":"广东省深圳市福田区百花二路8号百花园7栋3001"}""");
        StandardizedRecord tenant = Fixtures.standardized("""
                {"source":"leasing","sourceId":"L1","name":"于思涵","address":"福田区百花园7栋3001室"}""");
        StandardizedRecord neighbour = Fixtures.standardized("""
                {"source":"leasing","sourceId":"L2","name":"于思涵","address":"福田区百花园7栋3002室"}""");
        Set<BlockingKey> shared = Blocker.keys(owner);
        shared.retainAll(Blocker.keys(tenant));
        assertEquals(Set.of(new BlockingKey(BlockingRule.ADDRESS_TOKEN, "百花园|7|3001|sihan"),
                new BlockingKey(BlockingRule.ADDRESS_TOKEN, "百花园|7|3001|yu")), shared);
        Set<BlockingKey> neighbours = Blocker.keys(owner);
        neighbours.retainAll(Blocker.keys(neighbour));
        assertEquals(Collections.emptySet(), neighbours);
    }

    @Test
    void keysWhoseBlockIsTooLargeAreNotUsed() {
        int limit = MatchSettings.defaults().maxBlockSize();
        ValueFrequencies phoneIsEverywhere = new ValueFrequencies() {
            @Override
            public double frequency(FieldKind field, String value) {
                return 0;
            }

            @Override
            public double typicalFrequency(FieldKind field) {
                return 0;
            }

            @Override
            public long blockSize(BlockingKey key) {
                return key.rule() == BlockingRule.PHONE ? limit + 1 : limit;
            }
        };
        Set<BlockingKey> usable = new IncrementalResolver(new Scorer(MatchSettings.defaults())).usableKeys(buyer, phoneIsEverywhere);
        assertFalse(usable.isEmpty());
        assertTrue(usable.stream().noneMatch(k -> k.rule() == BlockingRule.PHONE));
        assertTrue(usable.stream().anyMatch(k -> k.rule() == BlockingRule.SURNAME_PHONE));
    }
}
