package io.atrium.resolution.standardize;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PhonesTest {

    @ParameterizedTest
    @ValueSource(strings = {"13800138000", "138-0013-8000", "+86 138 0013 8000", "8613800138000", "0086 13800138000",
            "１３８００１３８０００", "138 0013 8000"})
    void mainlandMobilesInEveryWrittenFormBecomeOneE164(String raw) {
        assertEquals(new Phones.Phone("+8613800138000", Phones.Type.MOBILE), Phones.standardize(raw).orElseThrow());
    }

    @ParameterizedTest
    @ValueSource(strings = {"0755-86001234", "075586001234", "+86 755 8600 1234", "(0755)86001234"})
    void landlinesAreKeptApartFromMobiles(String raw) {
        assertEquals(new Phones.Phone("+8675586001234", Phones.Type.LANDLINE), Phones.standardize(raw).orElseThrow());
    }

    @Test
    void foreignNumbersWithCountryCodeAreParsedAndDomesticOnesMatchByTheirDigits() {
        Phones.Phone international = Phones.standardize("+44 7911 123456").orElseThrow();
        assertEquals("+447911123456", international.number());
        Phones.Phone domestic = Phones.standardize("07911 123456").orElseThrow();
        assertEquals(Phones.matchKey(international.number()), Phones.matchKey(domestic.number()));
    }

    @Test
    void numbersCompareWholeOnlyWhenBothAreOfOneCountry() {
        assertTrue(Phones.sameCountry("+8619930325235", "+8615930345235"));
        assertFalse(Phones.sameCountry("+4915134417779", "+8615134413779"), "a German mobile read in the default region");
        assertFalse(Phones.sameCountry("4915134417779", "+4915134417779"), "an unverified number has no known country");
        assertTrue(Phones.sameCountry("+35312345678", "+35312345679"), "three-digit country codes");
    }

    @Test
    void aNumberNoRegionRuleAcceptsIsKeptUnverified() {
        assertEquals(new Phones.Phone("3116056909", Phones.Type.UNVERIFIED), Phones.standardize("3116 056909").orElseThrow());
    }

    @Test
    void garbageIsNoPhone() {
        assertTrue(Phones.standardize("n/a").isEmpty());
        assertTrue(Phones.standardize("1234").isEmpty());
        assertTrue(Phones.standardize("  ").isEmpty());
    }
}
