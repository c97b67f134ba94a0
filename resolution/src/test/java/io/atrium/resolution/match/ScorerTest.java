package io.atrium.resolution.match;

import io.atrium.resolution.Fixtures;
import io.atrium.resolution.blocking.BlockingKey;
import io.atrium.resolution.standardize.StandardizedRecord;
import io.atrium.resolution.similarity.JaroWinkler;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScorerTest {

    /** No frequency information: every weight is the level's own. */
    private static final ValueFrequencies UNKNOWN = Fixtures.NO_FREQUENCIES;

    private final MatchSettings settings = MatchSettings.defaults();
    private final Scorer scorer = new Scorer(settings);

    private MatchResult score(String a, String b) {
        return scorer.score(Fixtures.standardized(a), Fixtures.standardized(b), UNKNOWN);
    }

    private double weight(FieldKind field, ComparisonLevel level) {
        return settings.level(field, level).weight();
    }

    @Test
    void sameValidResidentIdAcrossScriptsMergesAndSaysWhy() {
        MatchResult result = score("""
                {"source":"sales","sourceId":"S1","name":"张伟","idNumber":"110105198507150016","phones":["13800138000"]}""", """
                {"source":"property","sourceId":"P1","name":"張 偉","idNumber":"110105198507150016","phones":["+86 138 0013 8000"]}""");
        assertEquals(Decision.MERGE, result.decision());
        assertEquals(List.of(
                new Evidence(FieldKind.ID_NUMBER, ComparisonLevel.VALID_EXACT, weight(FieldKind.ID_NUMBER, ComparisonLevel.VALID_EXACT), false),
                new Evidence(FieldKind.NAME, ComparisonLevel.EXACT, weight(FieldKind.NAME, ComparisonLevel.EXACT), false),
                new Evidence(FieldKind.BIRTH_DATE, ComparisonLevel.EXACT, weight(FieldKind.BIRTH_DATE, ComparisonLevel.EXACT), false),
                new Evidence(FieldKind.GENDER, ComparisonLevel.EXACT, weight(FieldKind.GENDER, ComparisonLevel.EXACT), false),
                new Evidence(FieldKind.PHONE, ComparisonLevel.MOBILE, weight(FieldKind.PHONE, ComparisonLevel.MOBILE), false)),
                result.evidence());
        assertEquals(result.evidence().stream().mapToDouble(Evidence::weight).sum(), result.score(), 1e-9);
        assertTrue(result.explain().contains("ID_NUMBER=VALID_EXACT"));
        assertFalse(result.explain().contains("110105198507150016"), "explanations carry no personal values");
    }

    @Test
    void twoDifferentValidIdsBlockAMergeWhateverElseAgrees() {
        MatchResult result = score("""
                {"source":"a","sourceId":"1","name":"张伟","idNumber":"110105198507150016","phones":["13800138000"],"emails":["zw@example.com"]}""", """
                {"source":"b","sourceId":"2","name":"张伟","idNumber":"440304199001011233","phones":["13800138000"],"emails":["zw@example.com"]}""");
        assertTrue(result.conflict());
        assertTrue(result.evidence().contains(new Evidence(FieldKind.ID_NUMBER, ComparisonLevel.VALID_CONFLICT,
                weight(FieldKind.ID_NUMBER, ComparisonLevel.VALID_CONFLICT), false)));
        assertEquals(Decision.REVIEW, result.decision());
    }

    @Test
    void commonNameAndBirthDateAloneGoToReviewNotMerge() {
        StandardizedRecord a = Fixtures.standardized("""
                {"source":"membership","sourceId":"M3","name":"王芳","birthDate":"1962-08-08","gender":"F","phones":["15000150000"]}""");
        StandardizedRecord b = Fixtures.standardized("""
                {"source":"membership","sourceId":"M4","name":"王芳","birthDate":"1962-08-08","gender":"F","phones":["15100151000"]}""");
        // 王芳 ten times as common as a typical name
        assertEquals(Decision.REVIEW, scorer.score(a, b, frequencies(0.01, 0.001)).decision());
    }

    @Test
    void typicalNameBirthDateAndGenderMergeDespiteAnotherPhone() {
        MatchResult result = score("""
                {"source":"sales","sourceId":"C1","name":"任红桂","idNumber":"11010519460512792X","phones":["15127235585"]}""", """
                {"source":"membership","sourceId":"M1","name":"任红桂","birthDate":"1946-05-12","gender":"F","phones":["15118699602"]}""");
        assertFalse(result.conflict());
        assertEquals(Decision.MERGE, result.decision());
    }

    @Test
    void honorificCallerOfTheOtherGenderIsSomeoneElseOnASharedPhone() {
        MatchResult result = score("""
                {"source":"leasing","sourceId":"L1","name":"陈丽","gender":"F","phones":["13800138000"]}""", """
                {"source":"service","sourceId":"T1","name":"陈先生","phones":["138 0013 8000"]}""");
        assertEquals(ComparisonLevel.DIFFERENT, result.evidence().get(0).level());
        assertTrue(result.conflict(), "Mr Chen is not Chen Li, whoever holds the phone");
        assertFalse(result.decision() == Decision.MERGE);
        MatchResult womansGivenName = score("""
                {"source":"property","sourceId":"P1","name":"陈丽","phones":["13800138000"]}""", """
                {"source":"service","sourceId":"T1","name":"陈先生","phones":["138 0013 8000"]}""");
        assertEquals(ComparisonLevel.DIFFERENT, womansGivenName.evidence().get(0).level(), "no gender stated, but 丽 is a woman's");
        MatchResult unknownGender = score("""
                {"source":"property","sourceId":"P1","name":"陈明","phones":["13800138000"]}""", """
                {"source":"service","sourceId":"T1","name":"陈先生","phones":["138 0013 8000"]}""");
        assertEquals(ComparisonLevel.SURNAME, unknownGender.evidence().get(0).level(), "明 is given to both");
        MatchResult statedOverName = score("""
                {"source":"property","sourceId":"P1","name":"陈丽","gender":"M","phones":["13800138000"]}""", """
                {"source":"service","sourceId":"T1","name":"陈先生","phones":["138 0013 8000"]}""");
        assertEquals(ComparisonLevel.SURNAME, statedOverName.evidence().get(0).level(), "a stated gender outweighs the name's");
    }

    @Test
    void chineseNamesOneSoundAlikeCharacterApartAgreeButUnrelatedCharactersDoNot() {
        MatchResult surnameSlip = score("""
                {"source":"property","sourceId":"P1","name":"周海博","birthDate":"1994-11-22","gender":"M","phones":["13396345545"]}""", """
                {"source":"membership","sourceId":"M1","name":"邹海博","birthDate":"1994-11-22","gender":"M","phones":["13396345545"]}""");
        assertEquals(ComparisonLevel.FUZZY_HIGH, surnameSlip.evidence().get(0).level(), "zhou and zou: a fuzzy-pinyin slip");
        assertFalse(surnameSlip.conflict());
        assertEquals(Decision.MERGE, surnameSlip.decision());
        MatchResult givenSlip = score("""
                {"source":"sales","sourceId":"S1","name":"王玲","phones":["15288522687"]}""", """
                {"source":"membership","sourceId":"M2","name":"王琳","phones":["15288522687"]}""");
        assertEquals(ComparisonLevel.FUZZY_HIGH, givenSlip.evidence().get(0).level(), "ling and lin");
        MatchResult siblings = score("""
                {"source":"property","sourceId":"P1","name":"张建华","phones":["0755-76163042"],"address":"罗湖区丽水佳园7栋1006室"}""", """
                {"source":"property","sourceId":"P2","name":"张建晨","phones":["0755-76163042"],"address":"罗湖区丽水佳园7栋1006室"}""");
        assertEquals(ComparisonLevel.PARTIAL, siblings.evidence().get(0).level(),
                "siblings share all but one character: one family name, given names that agree in nothing");
        assertTrue(siblings.conflict());
        assertFalse(siblings.decision() == Decision.MERGE);
    }

    @Test
    void latinHouseholdMembersWithOneFamilyNameDoNotMerge() {
        MatchResult household = score("""
                {"source":"billing","sourceId":"1","name":"Anne Jansen","phones":["020 851 5415"],"address":"Kerkstraat 173, 5916 GZ Utrecht"}""", """
                {"source":"billing","sourceId":"2","name":"Jansen Hans","phones":["020 851 5415"],"address":"Kerkstraat 173, 5916 GZ Utrecht"}""");
        assertEquals(ComparisonLevel.DIFFERENT, household.evidence().get(0).level());
        assertFalse(household.decision() == Decision.MERGE);
        MatchResult repeatedToken = score("""
                {"source":"helpdesk","sourceId":"1","name":"Thomas Thomas","phones":["+44 7937 535948"]}""", """
                {"source":"helpdesk","sourceId":"2","name":"John Thomas","phones":["+44 7937 535948"]}""");
        assertEquals(ComparisonLevel.DIFFERENT, repeatedToken.evidence().get(0).level(), "one Thomas cannot answer for two");
        assertFalse(repeatedToken.decision() == Decision.MERGE);
    }

    @Test
    void latinNicknamesAgreeLikeATypo() {
        MatchResult result = score("""
                {"source":"billing","sourceId":"1","name":"Mike Becker","phones":["+49 152 67102108"]}""", """
                {"source":"loyalty","sourceId":"2","name":"Michael Becker","birthDate":"1984-10-29","phones":["015267102108"]}""");
        assertEquals(ComparisonLevel.FUZZY_HIGH, result.evidence().get(0).level());
        assertEquals(Decision.MERGE, result.decision(), "Mike is Michael, and the mobile is his");
        assertFalse(result.conflict());
        MatchResult notANickname = score("""
                {"source":"billing","sourceId":"1","name":"Carlos Robinson","phones":["+44 20 1016 6861"]}""", """
                {"source":"loyalty","sourceId":"2","name":"Carmen Robinson","phones":["+44 20 1016 6861"]}""");
        assertEquals(ComparisonLevel.DIFFERENT, notANickname.evidence().get(0).level());
    }

    @Test
    void aCallersSurnameMayBeMisheardUnderFuzzyPinyinButNotSwappedForAnother() {
        MatchResult misheard = score("""
                {"source":"sales","sourceId":"C1","name":"周俊杰","gender":"M","phones":["13700092468"]}""", """
                {"source":"service","sourceId":"T1","name":"邹先生","phones":["137 0009 2468"]}""");
        assertEquals(ComparisonLevel.SURNAME, misheard.evidence().get(0).level(), "zou for zhou");
        assertFalse(misheard.conflict());
        MatchResult other = score("""
                {"source":"sales","sourceId":"C1","name":"周俊杰","gender":"M","phones":["13700092468"]}""", """
                {"source":"service","sourceId":"T2","name":"吴先生","phones":["137 0009 2468"]}""");
        assertEquals(ComparisonLevel.DIFFERENT, other.evidence().get(0).level());
    }

    @Test
    void polyphonicSurnamesAndUmlautSpellingsMeetTheirLatinForms() {
        MatchResult zeng = score("""
                {"source":"membership","sourceId":"M1","name":"曾斌浩","birthDate":"1992-06-03"}""", """
                {"source":"sales","sourceId":"C1","name":"Zeng Binhao","birthDate":"1992-06-03"}""");
        assertEquals(ComparisonLevel.PINYIN, zeng.evidence().get(0).level(), "曾 as a surname reads zeng");
        assertFalse(zeng.conflict());
        MatchResult lv = score("""
                {"source":"leasing","sourceId":"L1","name":"吕刚","phones":["13625744082"]}""", """
                {"source":"sales","sourceId":"C2","name":"GANG LV","phones":["13625744082"]}""");
        assertEquals(ComparisonLevel.PINYIN, lv.evidence().get(0).level(), "lv and lyu are how ü is written");
        assertEquals(Decision.MERGE, lv.decision());
    }

    @Test
    void latinNicknamesOfMistypedNamesAndMistypedSurnamesOfCallersStillAgree() {
        MatchResult nickname = score("""
                {"source":"loyalty","sourceId":"1","name":"Jaems Fernández","phones":["677850376"]}""", """
                {"source":"crm","sourceId":"2","name":"Jim Fernández","phones":["677850376"]}""");
        assertEquals(ComparisonLevel.FUZZY_HIGH, nickname.evidence().get(0).level());
        assertFalse(nickname.conflict());
        MatchResult weakTypo = score("""
                {"source":"billing","sourceId":"1","name":"Thomas Duobis","givenName":"Thomas","familyName":"Duobis","phones":["+33 6 85 97 29 13"]}""", """
                {"source":"webshop","sourceId":"2","name":"Dubois","familyName":"Dubois","phones":["06 85 97 29 13"]}""");
        assertEquals(ComparisonLevel.SURNAME, weakTypo.evidence().get(0).level());
        MatchResult swappedFields = score("""
                {"source":"helpdesk","sourceId":"1","name":"Pieter O'Brien","givenName":"O'Brien","familyName":"Pieter","phones":["+44 7814 346732"]}""", """
                {"source":"webshop","sourceId":"2","name":"O'Brien","familyName":"O'Brien","phones":["07814 346732"]}""");
        assertEquals(ComparisonLevel.SURNAME, swappedFields.evidence().get(0).level(), "the family name sat in the given-name field");
        MatchResult otherFamily = score("""
                {"source":"billing","sourceId":"1","name":"Thomas Duobis","givenName":"Thomas","familyName":"Duobis","phones":["+33 6 85 97 29 13"]}""", """
                {"source":"webshop","sourceId":"3","name":"Martin","familyName":"Martin","phones":["06 85 97 29 13"]}""");
        assertEquals(ComparisonLevel.DIFFERENT, otherFamily.evidence().get(0).level());
    }

    @Test
    void anInitialAgreesWithTheGivenNameWhicheverRecordHasTheSmallerKey() {
        String initial = """
                {"source":"%s","sourceId":"1","name":"S. Sanders","phones":["677850376"]}""";
        String full = """
                {"source":"%s","sourceId":"2","name":"Sven Sanders","phones":["677850376"]}""";
        for (String[] sources : new String[][] {{"a", "b"}, {"b", "a"}}) {
            MatchResult result = score(initial.formatted(sources[0]), full.formatted(sources[1]));
            assertEquals(ComparisonLevel.FUZZY_HIGH, result.evidence().get(0).level(), "the family name pairs with the family name");
            assertEquals(Decision.MERGE, result.decision());
        }
    }

    @Test
    void aCallersSurnameWithALetterAddedStillAgreesButNotWithAnotherFamily() {
        MatchResult added = score("""
                {"source":"billing","sourceId":"1","name":"Anna Wagner","givenName":"Anna","familyName":"Wagner","phones":["+49 170 3382190"]}""", """
                {"source":"webshop","sourceId":"2","name":"Wangner","familyName":"Wangner","phones":["0170 3382190"]}""");
        assertEquals(ComparisonLevel.SURNAME, added.evidence().get(0).level());
        assertEquals(Decision.MERGE, added.decision());
        MatchResult otherFamily = score("""
                {"source":"billing","sourceId":"1","name":"Peter Jansen","givenName":"Peter","familyName":"Jansen","phones":["+49 170 3382190"]}""", """
                {"source":"webshop","sourceId":"2","name":"Hansen","familyName":"Hansen","phones":["0170 3382190"]}""");
        assertEquals(ComparisonLevel.DIFFERENT, otherFamily.evidence().get(0).level(), "one letter replaced: another family");
        assertTrue(otherFamily.conflict());
    }

    @Test
    void aLandlineAndAMobileDoNotDisagree() {
        MatchResult mixed = score("""
                {"source":"sales","sourceId":"C1","name":"王伟","birthDate":"1951-08-04","phones":["13800138000"]}""", """
                {"source":"membership","sourceId":"M1","name":"王伟","birthDate":"1951-08-04","phones":["020-50091189"]}""");
        assertTrue(mixed.evidence().stream().noneMatch(e -> e.field() == FieldKind.PHONE), "home number against a mobile says nothing");
        MatchResult mobiles = score("""
                {"source":"sales","sourceId":"C1","name":"王伟","phones":["13800138000"]}""", """
                {"source":"membership","sourceId":"M1","name":"王伟","phones":["13912345678"]}""");
        assertEquals(ComparisonLevel.DIFFERENT, mobiles.evidence().get(1).level(), "two different mobiles do disagree");
    }

    @Test
    void aMobileMistypedInOneDigitIsATypoNotADifferentNumber() {
        MatchResult typo = score("""
                {"source":"sales","sourceId":"C1","name":"郑云","gender":"F","birthDate":"1989-09-20","phones":["13012957964"]}""", """
                {"source":"property","sourceId":"P1","name":"郑云","phones":["130-1292-7964"]}""");
        assertTrue(typo.evidence().contains(new Evidence(FieldKind.PHONE, ComparisonLevel.TYPO,
                weight(FieldKind.PHONE, ComparisonLevel.TYPO), false)));
        assertEquals(Decision.MERGE, typo.decision());
        MatchResult swapped = score("""
                {"source":"sales","sourceId":"C1","name":"郑云","phones":["13012957964"]}""", """
                {"source":"property","sourceId":"P1","name":"郑云","phones":["13012959764"]}""");
        assertEquals(ComparisonLevel.TYPO, swapped.evidence().get(1).level(), "two neighbours swapped");
        MatchResult twoApart = score("""
                {"source":"sales","sourceId":"C1","name":"郑云","phones":["13012957964"]}""", """
                {"source":"property","sourceId":"P1","name":"郑云","phones":["13012927961"]}""");
        assertEquals(ComparisonLevel.DIFFERENT, twoApart.evidence().get(1).level());
        MatchResult apartBeforeTheMatchKey = score("""
                {"source":"sales","sourceId":"C1","name":"郑云","phones":["19930325235"]}""", """
                {"source":"property","sourceId":"P1","name":"郑云","phones":["+86 159 3034 5235"]}""");
        assertEquals(ComparisonLevel.DIFFERENT, apartBeforeTheMatchKey.evidence().get(1).level(),
                "one digit apart in the last nine, another in the carrier prefix");
        MatchResult readInTheDefaultRegion = score("""
                {"source":"sales","sourceId":"C1","name":"Anna Weber","phones":["+49 151 34417779"]}""", """
                {"source":"crm","sourceId":"K1","name":"Anna Weber","phones":["015134413779"]}""");
        assertEquals(ComparisonLevel.TYPO, readInTheDefaultRegion.evidence().get(1).level(),
                "a German mobile written domestically is read as Chinese: only its last nine digits compare");
        MatchResult household = score("""
                {"source":"sales","sourceId":"C1","name":"郑云","phones":["13012957964"]}""", """
                {"source":"property","sourceId":"P2","name":"郑明","phones":["13012957965"]}""");
        assertFalse(household.decision() == Decision.MERGE, "consecutive family numbers and another given name");
    }

    @Test
    void aSurnameOnlyCallerOnHerMobileMistypedMergesYetANearNumberCountsLessThanTheNumber() {
        MatchResult caller = score("""
                {"source":"sales","sourceId":"C1","name":"郑云","gender":"F","phones":["13012957964"]}""", """
                {"source":"service","sourceId":"T1","name":"郑女士","phones":["130-1295-7864"]}""");
        assertTrue(caller.evidence().stream().anyMatch(e -> e.field() == FieldKind.PHONE && e.level() == ComparisonLevel.TYPO));
        assertEquals(Decision.MERGE, caller.decision(), "surname, gender and her number but for one keystroke");
        MatchResult mister = score("""
                {"source":"sales","sourceId":"C1","name":"郑云","gender":"F","phones":["13012957964"]}""", """
                {"source":"service","sourceId":"T1","name":"郑先生","phones":["130-1295-7864"]}""");
        assertNotEquals(Decision.MERGE, mister.decision(), "the honorific's gender contradicts hers");
        // households share a number, keying errors do not copy one: near agreement is rarer among other
        // people, yet a typo is far rarer among one person's records than the number itself
        assertTrue(weight(FieldKind.PHONE, ComparisonLevel.TYPO) < weight(FieldKind.PHONE, ComparisonLevel.MOBILE));
    }

    @Test
    void familyMembersSharingAPhoneDoNotMerge() {
        MatchResult result = score("""
                {"source":"sales","sourceId":"S1","name":"张伟","gender":"M","birthDate":"1985-07-15","phones":["13800138000"]}""", """
                {"source":"sales","sourceId":"S3","name":"张薇","gender":"F","birthDate":"1987-03-02","phones":["138-0013-8000"]}""");
        assertEquals(ComparisonLevel.HOMOPHONE, result.evidence().get(0).level());
        assertTrue(result.conflict(), "different birth dates");
        assertFalse(result.decision() == Decision.MERGE);
    }

    @Test
    void honorificCallerWithTheSameMobileMerges() {
        MatchResult result = score("""
                {"source":"sales","sourceId":"S1","name":"陈伟","gender":"男","phones":["13800138000"]}""", """
                {"source":"service","sourceId":"T1","name":"陈先生","phones":["8613800138000"]}""");
        assertEquals(ComparisonLevel.SURNAME, result.evidence().get(0).level());
        assertEquals(Decision.MERGE, result.decision());
        MatchResult otherSurname = score("""
                {"source":"sales","sourceId":"S1","name":"陈伟","gender":"男","phones":["13800138000"]}""", """
                {"source":"service","sourceId":"T2","name":"王先生","phones":["8613800138000"]}""");
        assertEquals(ComparisonLevel.DIFFERENT, otherSurname.evidence().get(0).level());
        assertTrue(otherSurname.conflict(), "a caller of another surname is someone else");
        assertFalse(otherSurname.decision() == Decision.MERGE);
    }

    @Test
    void latinNamesWithSwappedFieldsAndTyposAgree() {
        MatchResult swapped = score("""
                {"source":"crm","sourceId":"1","name":"Emma Walker","givenName":"Emma","familyName":"Walker","birthDate":"1971-08-26","address":"178 Church Lane, London"}""", """
                {"source":"billing","sourceId":"2","name":"Walker Emma","givenName":"Walker","familyName":"Emma","birthDate":"1971-08-26","address":"178 CHURCH LANE LONDON"}""");
        assertEquals(ComparisonLevel.EXACT, swapped.evidence().get(0).level());
        assertEquals(Decision.MERGE, swapped.decision());
        MatchResult typo = score("""
                {"source":"crm","sourceId":"1","name":"Emma Walker","birthDate":"1971-08-26","address":"178 Church Lane, London"}""", """
                {"source":"billing","sourceId":"3","name":"Walker Emmma","birthDate":"1971-08-26","address":"178 Church Lane, London"}""");
        assertEquals(ComparisonLevel.FUZZY_HIGH, typo.evidence().get(0).level());
        assertEquals(Decision.MERGE, typo.decision());
    }

    @Test
    void anIdentifierOneTypoApartOutweighsOneDisagreementButNotTwo() {
        String original = """
                {"source":"a","sourceId":"1","name":"ashleigh quilliam","idType":"OTHER","idNumber":"6408479","birthDate":"1946-07-30","address":"57 bedford street rosall surrey hills 6525 nsw"}""";
        MatchResult nameReplaced = score(original, """
                {"source":"b","sourceId":"2","name":"maddison quilliam","idType":"OTHER","idNumber":"6408579","birthDate":"1946-07-30","address":"57 bedford street rosall surrey hills 6525 nsw"}""");
        assertEquals(ComparisonLevel.TYPO, nameReplaced.evidence().get(0).level());
        assertEquals(ComparisonLevel.DIFFERENT, nameReplaced.evidence().get(1).level());
        assertFalse(nameReplaced.conflict(), "one disagreement is weighed against the identifier");
        assertEquals(Decision.MERGE, nameReplaced.decision());

        MatchResult nameAndBirthDate = score(original, """
                {"source":"b","sourceId":"3","name":"maddison quilliam","idType":"OTHER","idNumber":"6408579","birthDate":"1971-02-11","address":"57 bedford street rosall surrey hills 6525 nsw"}""");
        assertTrue(nameAndBirthDate.conflict(), "another name and another birth date: someone else of the household");

        MatchResult noIdentifier = score("""
                {"source":"a","sourceId":"1","name":"ashleigh quilliam","birthDate":"1946-07-30","address":"57 bedford street rosall surrey hills 6525 nsw"}""", """
                {"source":"b","sourceId":"2","name":"maddison quilliam","birthDate":"1946-07-30","address":"57 bedford street rosall surrey hills 6525 nsw"}""");
        assertTrue(noIdentifier.conflict(), "twins of one address stay apart");
    }

    /**
     * A given name replaced beside another identifier, at one birth date and address, is twins or a copy with two
     * fields replaced: a veto by default, weighed where settings learned from the population say such pairs are slips
     * ({@link ConflictEvidence}); without identifiers, with another family name, or with a second disagreement the
     * veto stays whatever the population.
     */
    @Test
    void aGivenNameReplacedBesideAnotherIdentifierIsWeighedOnlyWhereThePopulationShowsSuchSlips() {
        String original = """
                {"source":"a","sourceId":"1","name":"emalcene ryan","givenName":"emalcene","familyName":"ryan","idType":"OTHER","idNumber":"5185238","birthDate":"1961-03-14","address":"26 lance hill avenue cameroo forest hill 3070 nsw"}""";
        String copy = """
                {"source":"b","sourceId":"2","name":"joel ryan","givenName":"joel","familyName":"ryan","idType":"OTHER","idNumber":"7563426","birthDate":"1961-03-14","address":"26 lance hill avenue cameroo forest hill 3070 nsw"}""";
        MatchResult vetoed = score(original, copy);
        assertEquals(ComparisonLevel.PARTIAL, vetoed.evidence().get(1).level());
        assertTrue(vetoed.conflict(), "by default: twins of one address with their own identifiers");

        Scorer learned = new Scorer(settings.withWeighedConflicts(Set.of(FieldKind.NAME)));
        MatchResult weighed = learned.score(Fixtures.standardized(original), Fixtures.standardized(copy), UNKNOWN);
        assertFalse(weighed.conflict(), weighed.explain());
        assertEquals(Decision.MERGE, weighed.decision(), weighed.explain());

        MatchResult otherFamily = learned.score(Fixtures.standardized(original), Fixtures.standardized(
                copy.replace("joel ryan", "joel smith").replace("\"ryan\"", "\"smith\"")), UNKNOWN);
        assertEquals(ComparisonLevel.DIFFERENT, otherFamily.evidence().get(1).level());
        assertTrue(otherFamily.conflict(), "another family name is someone else");
        for (String sameFamily : List.of(copy.replace("joel ryan", "joel rayn").replace("\"ryan\"", "\"rayn\""),
                copy.replace("joel ryan", "ryan joel").replace("\"givenName\":\"joel\",\"familyName\":\"ryan\"",
                        "\"givenName\":\"ryan\",\"familyName\":\"joel\""),
                copy.replace("joel ryan", "rayn joel").replace("\"givenName\":\"joel\",\"familyName\":\"ryan\"",
                        "\"givenName\":\"rayn\",\"familyName\":\"joel\""))) {
            MatchResult typoOrSwapped = learned.score(Fixtures.standardized(original), Fixtures.standardized(sameFamily), UNKNOWN);
            assertEquals(ComparisonLevel.PARTIAL, typoOrSwapped.evidence().get(1).level(),
                    "the family name mistyped, written as the given name, or both: " + typoOrSwapped.explain());
        }
        MatchResult familyReplaced = learned.score(Fixtures.standardized(original), Fixtures.standardized(
                copy.replace("joel ryan", "emalcene smith").replace("\"joel\"", "\"emalcene\"").replace("\"ryan\"", "\"smith\"")),
                UNKNOWN);
        assertEquals(ComparisonLevel.PARTIAL, familyReplaced.evidence().get(1).level(), familyReplaced.explain());
        assertFalse(familyReplaced.conflict(), "the other part replaced, the given name kept (married): weighed where learned");
        assertTrue(score(original, copy.replace("joel ryan", "emalcene smith").replace("\"joel\"", "\"emalcene\"")
                .replace("\"ryan\"", "\"smith\"")).conflict(), "a veto by default");
        MatchResult noIdentifiers = learned.score(Fixtures.standardized(original.replace("\"idNumber\":\"5185238\"", "\"x\":\"\"")),
                Fixtures.standardized(copy.replace("\"idNumber\":\"7563426\"", "\"x\":\"\"")), UNKNOWN);
        assertTrue(noIdentifiers.conflict(), "without identifiers that differ twins of one address stay apart");
        MatchResult anotherBirthDateToo = learned.score(Fixtures.standardized(original),
                Fixtures.standardized(copy.replace("1961-03-14", "1988-07-02")), UNKNOWN);
        assertTrue(anotherBirthDateToo.conflict(), "two disagreements beside another identifier: someone else of the household");
    }

    /**
     * Each identifier level's m is conditional on its regime: among matching pairs whose identifiers are not both
     * validated, an exact agreement is as common as a typo and more common than a disagreement, whatever share of
     * a population carries validated ones. The same name and identifier outweigh another birth date and address.
     */
    @Test
    void anUnvalidatedIdentifierThatAgreesOutweighsAnotherBirthDateAndAddress() {
        MatchResult moved = score("""
                {"source":"a","sourceId":"1","name":"jack stubbs","idType":"OTHER","idNumber":"1690126","birthDate":"1989-05-26","address":"12 banks street yarralumla 2600 act"}""", """
                {"source":"b","sourceId":"2","name":"jack stubbs","idType":"OTHER","idNumber":"1690126","birthDate":"1983-02-23","address":"4 cook place turner 2612 act"}""");
        assertEquals(ComparisonLevel.EXACT, moved.evidence().get(0).level());
        assertEquals(Decision.MERGE, moved.decision(), moved.explain());
        // the levels' m of each regime sum to one: both validated, or not
        assertEquals(1.0, settings.level(FieldKind.ID_NUMBER, ComparisonLevel.VALID_EXACT).m()
                + settings.level(FieldKind.ID_NUMBER, ComparisonLevel.VALID_CONFLICT).m(), 1e-9);
        assertEquals(1.0, settings.level(FieldKind.ID_NUMBER, ComparisonLevel.EXACT).m()
                + settings.level(FieldKind.ID_NUMBER, ComparisonLevel.TYPO).m()
                + settings.level(FieldKind.ID_NUMBER, ComparisonLevel.DIFFERENT).m(), 1e-9);
        // without the identifier the same records are strangers who share a name
        MatchResult withoutId = score("""
                {"source":"a","sourceId":"1","name":"jack stubbs","birthDate":"1989-05-26","address":"12 banks street yarralumla 2600 act"}""", """
                {"source":"b","sourceId":"2","name":"jack stubbs","birthDate":"1983-02-23","address":"4 cook place turner 2612 act"}""");
        assertTrue(withoutId.conflict());
    }

    @Test
    void addressWordsSplitOrRunTogetherAgreeAsOneWordButNumbersAreNeverJoined() {
        String joined = """
                {"source":"a","sourceId":"1","name":"Jackson Alderman","address":"12 mcmahonstreet wood lands 2250 nsw"}""";
        String asWritten = """
                {"source":"b","sourceId":"2","name":"Jackson Alderman","address":"12 McMahon Street, The Pines, Woodlands 2250 NSW"}""";
        assertTrue(JaroWinkler.similarity("12 mcmahonstreet wood lands 2250 nsw", "12 mcmahon street the pines woodlands 2250 nsw") < 0.92,
                "to Jaro-Winkler the whole addresses are not alike");
        assertEquals(ComparisonLevel.FUZZY_LOW, addressLevel(joined, asWritten),
                "a street run together with its type, a suburb split in two, a line dropped: one home");
        assertEquals(List.of("12", "mcmahonstreet", "woodlands", "2250", "nsw"),
                FieldComparisons.joinSplitWords(FieldComparisons.tokens("12 mcmahonstreet wood lands 2250 nsw"),
                        FieldComparisons.tokens("12 mcmahon street the pines woodlands 2250 nsw")));
        assertEquals(List.of("12", "mcmahonstreet", "the", "pines", "woodlands", "2250", "nsw"),
                FieldComparisons.joinSplitWords(FieldComparisons.tokens("12 mcmahon street the pines woodlands 2250 nsw"),
                        FieldComparisons.tokens("12 mcmahonstreet wood lands 2250 nsw")), "either address may be the one split");
        assertEquals(List.of("ascotpark", "4107", "wa"), FieldComparisons.joinSplitWords(
                FieldComparisons.tokens("ascotp ark 4107 wa"), FieldComparisons.tokens("ascot park 4107 wa")), "the space moved");
        assertEquals(List.of("ascotpark", "4107", "wa"), FieldComparisons.joinSplitWords(
                FieldComparisons.tokens("ascot park 4107 wa"), FieldComparisons.tokens("ascotp ark 4107 wa")), "the space moved");
        assertEquals(List.of("1", "2", "mcmahon", "street"), FieldComparisons.joinSplitWords(
                FieldComparisons.tokens("1 2 mcmahon street"), FieldComparisons.tokens("12 mcmahon street")), "12 is not 1 2");
        assertEquals(ComparisonLevel.LOCALITY, addressLevel(joined, """
                {"source":"b","sourceId":"2","name":"Jackson Alderman","address":"14 McMahon Street, The Pines, Woodlands 2250 NSW"}"""),
                "the neighbours' house, however its words are spaced");
    }

    @Test
    void aPostcodeMistypedInOneDigitBesideItsTownIsASlipButAHouseNumberOrAnotherTownIsNot() {
        String address = """
                {"source":"a","sourceId":"1","name":"Jackson Alderman","address":"84 MacCallum Circuit, Penshurst 3192 VIC"}""";
        assertEquals(ComparisonLevel.FUZZY_LOW, addressLevel(address, """
                {"source":"b","sourceId":"2","name":"Jackson Alderman","address":"84 maccallum circuit, the elms, penshurst 3197 vic"}"""),
                "one home, its postcode one keystroke off beside the same town");
        assertEquals(ComparisonLevel.FUZZY_LOW, addressLevel(address, """
                {"source":"b","sourceId":"2","name":"Jackson Alderman","address":"84 penshurst 3193"}"""),
                "the postcode last, the state left out");
        assertEquals(ComparisonLevel.DIFFERENT, addressLevel(address, """
                {"source":"b","sourceId":"2","name":"Jackson Alderman","address":"84 maccallum circuit, the elms, penshurst east 3193 vic"}"""),
                "a neighbouring postcode of another town, whatever the state beside it");
        assertEquals(ComparisonLevel.DIFFERENT, addressLevel(address, """
                {"source":"b","sourceId":"2","name":"Jackson Alderman","address":"85 maccallum circuit, the elms, penshurst 3197 vic"}"""),
                "another house number stays another home");
        assertEquals(ComparisonLevel.DIFFERENT, addressLevel(address, """
                {"source":"b","sourceId":"2","name":"Jackson Alderman","address":"84 maccallum circuit, the elms, penshurst 3987 vic"}"""),
                "two digits of the postcode: another area");
        assertTrue(JaroWinkler.similarity("12 lindenweg hinterhaus nord 317", "12 lindenweg nord 318") < 0.92);
        assertEquals(ComparisonLevel.DIFFERENT, addressLevel("""
                {"source":"a","sourceId":"1","name":"Anna Schmidt","address":"12 lindenweg hinterhaus nord 317"}""", """
                {"source":"b","sourceId":"2","name":"Anna Schmidt","address":"12 lindenweg nord 318"}"""),
                "a number of three digits last is no postcode: maybe a flat");
    }

    @Test
    void addressesAgreeOnTheirPartsDespiteTyposAndDroppedWordsButNotOnAnotherHouseNumber() {
        String address = """
                {"source":"a","sourceId":"1","name":"Jackson Alderman","address":"84 MacCallum Circuit, Penshurst 3192 VIC"}""";
        assertEquals(ComparisonLevel.FUZZY_LOW, addressLevel(address, """
                {"source":"b","sourceId":"2","name":"Jackson Alderman","address":"84 penshjrst 3129 vic"}"""),
                "street dropped, suburb mistyped, postcode digits swapped");
        assertEquals(ComparisonLevel.FUZZY_LOW, addressLevel("""
                {"source":"a","sourceId":"1","name":"Blakeston Lock","address":"59 bonnor close redlands mentone 7140 wa"}""", """
                {"source":"b","sourceId":"2","name":"Blakeston Lock","address":"59 bonnor clsoe mentone 7140 wa"}"""),
                "a locality dropped and a word mistyped");
        assertEquals(ComparisonLevel.LOCALITY, addressLevel(address, """
                {"source":"b","sourceId":"2","name":"Jackson Alderman","address":"86 penshurst 3192 vic"}"""),
                "the neighbours' house: not one address, one locality");
        assertEquals(ComparisonLevel.LOCALITY, addressLevel(address, """
                {"source":"b","sourceId":"2","name":"Jackson Alderman","address":"84 Kingsmill Street, Ulverstone 3192 VIC"}"""),
                "another street of one postcode");
        assertEquals(ComparisonLevel.DIFFERENT, addressLevel(address, """
                {"source":"b","sourceId":"2","name":"Jackson Alderman","address":"12 Kingsmill Street, Ulverstone 7315 TAS"}"""),
                "another locality");
        assertEquals(ComparisonLevel.DIFFERENT, addressLevel("""
                {"source":"a","sourceId":"1","name":"Marie Dubois","address":"12 rue de la paix victor hugo"}""", """
                {"source":"b","sourceId":"2","name":"Marie Dubois","address":"5 place du marche victor hugo"}"""),
                "two words alike at the end, no postcode among them: maybe a street's name, not a locality");
        assertEquals(ComparisonLevel.DIFFERENT, addressLevel("""
                {"source":"a","sourceId":"1","name":"张伟","address":"北京市朝阳区建国路88号"}""", """
                {"source":"b","sourceId":"2","name":"张伟","address":"上海市浦东新区世纪大道100号"}"""),
                "two Chinese addresses of other cities and roads");
        assertTrue(weight(FieldKind.ADDRESS, ComparisonLevel.FUZZY_LOW) < weight(FieldKind.ADDRESS, ComparisonLevel.FUZZY_HIGH));
        assertTrue(weight(FieldKind.ADDRESS, ComparisonLevel.LOCALITY) < weight(FieldKind.ADDRESS, ComparisonLevel.FUZZY_LOW)
                && weight(FieldKind.ADDRESS, ComparisonLevel.LOCALITY) > 0, "a locality is shared by many people, a home by few");
    }

    @Test
    void aChineseHomeWrittenTwoWaysAgreesWhileAnotherFlatOfTheCompoundDiffers() {
        String home = """
                {"source":"property","sourceId":"P1","name":"王丹","address":"广东省深圳市福田区香梅北路2号金地花园3栋1304"}""";
        assertEquals(ComparisonLevel.FUZZY_HIGH, addressLevel(home, """
                {"source":"leasing","sourceId":"L1","name":"王丹","address":"福田区金地花园3栋1304室"}"""),
                "without province, city and road, with 室: the same home");
        String neighbours = """
                {"source":"sales","sourceId":"S1","name":"王丹","address":"广东省深圳市福田区香梅北路2号金地花园5栋1104"}""";
        assertTrue(JaroWinkler.similarity("广东省深圳市福田区香梅北路2号金地花园3栋1304", "广东省深圳市福田区香梅北路2号金地花园5栋1104") >= 0.92,
                "to Jaro-Winkler two flats of one compound look alike");
        assertEquals(ComparisonLevel.DIFFERENT, addressLevel(home, neighbours), "another building and flat: another home");
    }

    @Test
    void aHomeWrittenTwoWaysNeverOutweighsAnotherGivenName() {
        MatchResult siblings = score("""
                {"source":"property","sourceId":"P1","name":"张建华","phones":["0755-76163042"],"address":"广东省深圳市罗湖区东湖路79号丽水佳园7栋1006"}""", """
                {"source":"leasing","sourceId":"L2","name":"张建晨","phones":["0755-76163042"],"address":"罗湖区丽水佳园7栋1006室"}""");
        assertEquals(ComparisonLevel.FUZZY_HIGH, addressLevel(siblings));
        assertTrue(siblings.conflict(), "one home and one landline, two given names: a household");
        assertFalse(siblings.decision() == Decision.MERGE);
    }

    private ComparisonLevel addressLevel(String a, String b) {
        return addressLevel(score(a, b));
    }

    private static ComparisonLevel addressLevel(MatchResult result) {
        return result.evidence().stream().filter(e -> e.field() == FieldKind.ADDRESS).findFirst().orElseThrow().level();
    }

    @Test
    void differentBirthDateAndGenderCountAgainst() {
        MatchResult result = score("""
                {"source":"a","sourceId":"1","name":"Zhang Wei","birthDate":"1985-07-15","gender":"M"}""", """
                {"source":"b","sourceId":"2","name":"张伟","birthDate":"1991-01-01","gender":"F"}""");
        assertTrue(result.score() < 0);
        assertTrue(result.conflict());
        assertEquals(Decision.NO_MATCH, result.decision());
    }

    @Test
    void companiesMatchOnCreditCodeOrNameAndPhone() {
        MatchResult byName = score("""
                {"source":"leasing","sourceId":"L3","kind":"ORGANIZATION","name":"深圳市翠湖置业有限公司","phones":["0755-86005678"]}""", """
                {"source":"sales","sourceId":"S5","kind":"ORGANIZATION","name":"翠湖置業有限公司","phones":["075586005678"]}""");
        assertEquals(Decision.MERGE, byName.decision());
        MatchResult sister = score("""
                {"source":"leasing","sourceId":"L3","kind":"ORGANIZATION","name":"深圳市翠湖置业有限公司","idNumber":"91440300MA5DC12341","phones":["0755-86005678"]}""", """
                {"source":"leasing","sourceId":"L4","kind":"ORGANIZATION","name":"深圳市翠湖物业有限公司","idNumber":"91440300MA5DC99998","phones":["0755-86005678"]}""");
        assertTrue(sister.conflict());
        assertEquals(Decision.NO_MATCH, sister.decision());
    }

    @Test
    void commonValuesWeighLessThanRareOnes() {
        StandardizedRecord a = Fixtures.standardized("{\"source\":\"a\",\"sourceId\":\"1\",\"name\":\"张伟\"}");
        StandardizedRecord b = Fixtures.standardized("{\"source\":\"b\",\"sourceId\":\"2\",\"name\":\"张伟\"}");
        double common = scorer.score(a, b, frequencies(0.01, 0.001)).score();
        double rare = scorer.score(a, b, frequencies(0.0001, 0.001)).score();
        double base = weight(FieldKind.NAME, ComparisonLevel.EXACT);
        double cap = settings.fields().get(FieldKind.NAME).tfCap();
        assertEquals(base - Math.min(cap, Math.log(10) / Math.log(2)), common, 1e-9);
        assertEquals(base + Math.min(cap, Math.log(10) / Math.log(2)), rare, 1e-9);
    }

    @Test
    void settingsCanBeOverriddenFromAFile(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path file = dir.resolve("strict.json");
        Files.writeString(file, settings.toJson().replace("\"mergeThreshold\" : 22.0", "\"mergeThreshold\" : 99.0"));
        MatchSettings strict = MatchSettings.load(file);
        assertEquals(99.0, strict.mergeThreshold());
        Files.writeString(file, settings.toJson().replace("\"reviewThreshold\" : 12.0", "\"reviewThreshold\" : 199.0"));
        assertThrows(RuntimeException.class, () -> MatchSettings.load(file));
    }

    @Test
    void aSettingsFileWrittenBeforeAFieldExistedKeepsThatFieldsShippedLevels(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path file = dir.resolve("older.json");
        Map<FieldKind, MatchSettings.FieldSettings> withoutProject = new EnumMap<>(settings.fields());
        withoutProject.remove(FieldKind.PROJECT);
        Files.writeString(file, settings.withFields(withoutProject).toJson().replace("\"mergeThreshold\" : 22.0", "\"mergeThreshold\" : 30.0"));
        MatchSettings older = MatchSettings.load(file);
        assertEquals(30.0, older.mergeThreshold());
        assertEquals(settings.level(FieldKind.PROJECT, ComparisonLevel.EXACT), older.level(FieldKind.PROJECT, ComparisonLevel.EXACT));
    }

    @Test
    void aSettingsFileWrittenBeforeALevelExistedKeepsThatLevelsShippedSettingsAndLearnsTheConflicts(@org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        Path file = dir.resolve("older.json");
        Map<FieldKind, MatchSettings.FieldSettings> withoutPartial = new EnumMap<>(settings.fields());
        Map<ComparisonLevel, MatchSettings.LevelSettings> nameLevels = new EnumMap<>(settings.fields().get(FieldKind.NAME).levels());
        nameLevels.remove(ComparisonLevel.PARTIAL);
        nameLevels.put(ComparisonLevel.EXACT, new MatchSettings.LevelSettings(0.7, 0.002, true));
        withoutPartial.put(FieldKind.NAME, new MatchSettings.FieldSettings(4, nameLevels));
        String json = settings.withFields(withoutPartial).withWeighedConflicts(Set.of(FieldKind.NAME)).toJson();
        Files.writeString(file, json.replaceAll(",\\s*\"weighedConflicts\" : \\[[^]]*]", ""));
        assertFalse(Files.readString(file).contains("weighedConflicts"));
        MatchSettings older = MatchSettings.load(file);
        assertTrue(older.learnsConflicts(), "left out, as in the shipped settings: learned from the population");
        assertFalse(older.weighs(FieldKind.NAME), "nothing weighed until learned");
        assertEquals(0.7, older.level(FieldKind.NAME, ComparisonLevel.EXACT).m(), "the file's own levels");
        assertEquals(settings.level(FieldKind.NAME, ComparisonLevel.PARTIAL), older.level(FieldKind.NAME, ComparisonLevel.PARTIAL));
    }

    private static ValueFrequencies frequencies(double value, double typical) {
        return new ValueFrequencies() {
            @Override
            public double frequency(FieldKind field, String v) {
                return value;
            }

            @Override
            public double typicalFrequency(FieldKind field) {
                return typical;
            }

            @Override
            public long blockSize(BlockingKey key) {
                return 1;
            }
        };
    }
}
