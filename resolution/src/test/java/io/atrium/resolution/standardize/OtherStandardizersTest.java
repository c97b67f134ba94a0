package io.atrium.resolution.standardize;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OtherStandardizersTest {

    @Test
    void datesInTheSourceFormats() {
        LocalDate expected = LocalDate.of(2024, 3, 1);
        assertEquals(Optional.of(expected), SourceDates.parse("2024-03-01"));
        assertEquals(Optional.of(expected), SourceDates.parse("2024/3/1"));
        assertEquals(Optional.of(expected), SourceDates.parse("2024-03-01T10:15:30+08:00"));
        assertEquals(Optional.of(expected), SourceDates.parse("2024-03-01T02:15:30Z"));
        assertEquals(Optional.empty(), SourceDates.parse("2024/2/30"));
        assertEquals(Optional.empty(), SourceDates.parse("13800138000"));
    }

    @Test
    void emailsAreTrimmedAndLowerCased() {
        assertEquals("zw@example.com", Emails.standardize("  ZW@Example.COM "));
        assertNull(Emails.standardize("not an email"));
    }

    @Test
    void companyNamesLoseLegalFormsRegionsAndScript() {
        OrganizationNames.OrganizationName full = OrganizationNames.standardize("深圳市翠湖置业有限公司");
        OrganizationNames.OrganizationName traditional = OrganizationNames.standardize("深圳市翠湖置業有限公司");
        OrganizationNames.OrganizationName bracketed = OrganizationNames.standardize("翠湖置业（深圳）股份有限公司");
        assertEquals("深圳市翠湖置业", full.normalized());
        assertEquals(full.normalized(), traditional.normalized());
        assertEquals("翠湖置业", full.core());
        assertEquals(full.core(), bracketed.core());
        assertEquals("acmetrading", OrganizationNames.standardize("ACME Trading Co., Ltd.").normalized());
        assertTrue(OrganizationNames.looksLikeOrganization("Acme Holdings Limited"));
        assertFalse(OrganizationNames.looksLikeOrganization("张伟"));
    }

    @Test
    void addressesAreFoldedForComparison() {
        assertEquals(Addresses.standardize("12 Baker Street, London"), Addresses.standardize("12  BAKER street london"));
        assertEquals("3栋1502", Addresses.standardize("３栋１５０２"));
    }

    @Test
    void aChineseHomeIsTheSameWithOrWithoutItsProvinceCityStreetOrRoomSuffix() {
        Addresses.Home full = home("广东省深圳市福田区香梅北路2号金地花园4栋3305");
        assertEquals(new Addresses.Home("广东省", "深圳市", "福田区", "香梅北路2号", "金地花园4栋3305"), full);
        assertTrue(full.sameHome(home("深圳市福田区香梅北路2号金地花园4栋3305")), "province left out");
        assertTrue(full.sameHome(home("福田区金地花园4栋3305室")), "city and street left out, 室 written");
        assertEquals(full.key(), home("福田区金地花园4栋3305室").key(), "one term frequency for every way of writing it");
        assertFalse(full.sameHome(home("福田区金地花园4栋3306")), "the neighbour's room");
        assertFalse(full.sameHome(home("广州市福田区香梅北路2号金地花园4栋3305")), "another city");
        assertFalse(full.sameHome(home("深圳市福田区深南大道1号金地花园4栋3305")), "another street");
        assertNull(home("12 baker street london"), "a Latin address has parts of its own");
        assertNull(home("深圳市福田区香梅北路"), "no building or room: not a home");
    }

    private static Addresses.Home home(String raw) {
        return Addresses.home(Addresses.standardize(raw));
    }

    @Test
    void genderSpellings() {
        assertEquals("M", Standardizer.genderOf("男"));
        assertEquals("F", Standardizer.genderOf(" female "));
        assertNull(Standardizer.genderOf("?"));
    }
}
