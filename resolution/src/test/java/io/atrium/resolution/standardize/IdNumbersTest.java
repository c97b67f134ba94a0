package io.atrium.resolution.standardize;

import io.atrium.resolution.model.IdType;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IdNumbersTest {

    @Test
    void residentIdCheckCharacterBirthDateAndGender() {
        assertTrue(ResidentIds.isValid("110105198507150016"));
        assertEquals(LocalDate.of(1985, 7, 15), ResidentIds.birthDate("110105198507150016").orElseThrow());
        assertEquals("M", ResidentIds.gender("110105198507150016"));
        assertEquals("F", ResidentIds.gender("440301198703020026"));
        assertFalse(ResidentIds.isValid("110105198507150017"), "wrong check character");
        assertFalse(ResidentIds.isValid("110105198513150019"), "month 13");
    }

    @Test
    void lowercaseXIsAcceptedAsTheCheckCharacter() {
        String upper = ResidentIds.normalize("36070219951224875x");
        assertEquals("36070219951224875X", upper);
        assertTrue(ResidentIds.isValid(upper));
    }

    @Test
    void fifteenDigitNumbersAreUpgradedToEighteen() {
        String upgraded = ResidentIds.normalize("440301850715002");
        assertEquals("440301198507150026", upgraded);
        assertTrue(ResidentIds.isValid(upgraded));
    }

    @Test
    void creditCodeCheckCharacter() {
        assertTrue(CreditCodes.isValid("91440300MA5DC12341"));
        assertTrue(CreditCodes.isValid("91350100M000100Y43"));
        assertFalse(CreditCodes.isValid("91440300MA5DC12342"));
        assertFalse(CreditCodes.isValid("91440300MA5DC1234I"), "I is not in the alphabet");
    }

    @Test
    void typeIsInferredFromANumberThatPassesACheck() {
        assertEquals(IdType.CN_RESIDENT, IdNumbers.standardize(null, " 110105 19850715 0016 ").orElseThrow().type());
        assertEquals(IdType.USCC, IdNumbers.standardize(null, "91440300MA5DC12341").orElseThrow().type());
        IdNumbers.StandardId unknown = IdNumbers.standardize(null, "abc-123").orElseThrow();
        assertEquals(IdType.OTHER, unknown.type());
        assertFalse(unknown.valid());
    }

    @Test
    void passportsAreCompactedAndFormatChecked() {
        IdNumbers.StandardId passport = IdNumbers.standardize(IdType.PASSPORT, "e 1234 5678").orElseThrow();
        assertEquals("E12345678", passport.number());
        assertTrue(passport.valid());
    }
}
