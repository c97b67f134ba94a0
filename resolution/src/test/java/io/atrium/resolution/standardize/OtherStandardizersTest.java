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
    void genderSpellings() {
        assertEquals("M", Standardizer.genderOf("男"));
        assertEquals("F", Standardizer.genderOf(" female "));
        assertNull(Standardizer.genderOf("?"));
    }
}
