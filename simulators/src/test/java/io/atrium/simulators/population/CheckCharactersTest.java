package io.atrium.simulators.population;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CheckCharactersTest {

    @Test
    void residentIdCheckCharacterMatchesPublishedExamples() {
        // the example of GB 11643 and a widely published valid number
        assertEquals('X', ResidentIds.checkChar("11010519491231002"));
        assertEquals('4', ResidentIds.checkChar("44052418800101001"));
        assertTrue(ResidentIds.isValid("11010519491231002x"));
        assertFalse(ResidentIds.isValid("110105194912310021"));
    }

    @Test
    void residentIdEncodesBirthDateAndGender() {
        String male = ResidentIds.of("440305", LocalDate.of(1985, 7, 15), Gender.MALE, 17);
        String female = ResidentIds.of("440305", LocalDate.of(1985, 7, 15), Gender.FEMALE, 17);
        assertEquals("44030519850715", male.substring(0, 14));
        assertEquals(1, (male.charAt(16) - '0') % 2);
        assertEquals(0, (female.charAt(16) - '0') % 2);
        assertTrue(ResidentIds.isValid(male));
        assertEquals("440305850715" + male.substring(14, 17), ResidentIds.oldForm(male));
    }

    @Test
    void creditCodeCheckCharacterMatchesPublishedExample() {
        assertTrue(CreditCodes.isValid("91350100M000100Y43"));
        assertFalse(CreditCodes.isValid("91350100M000100Y44"));
        assertEquals('X', CreditCodes.organizationCheckChar("D2143569"));
    }

    @Test
    void generatedCreditCodesAreValidWithValidOrganizationCode() {
        Random random = new Random(3);
        for (int i = 0; i < 500; i++) {
            String code = CreditCodes.of("440300", random);
            assertTrue(CreditCodes.isValid(code), code);
            assertEquals(CreditCodes.organizationCheckChar(code.substring(8, 16)), code.charAt(16));
        }
    }
}
