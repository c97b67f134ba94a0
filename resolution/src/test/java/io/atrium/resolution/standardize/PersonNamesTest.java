package io.atrium.resolution.standardize;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PersonNamesTest {

    @Test
    void foldsTraditionalFullWidthAndInnerSpaces() {
        PersonNames.PersonName traditional = PersonNames.standardize("張 偉", null, null, false);
        PersonNames.PersonName fullWidth = PersonNames.standardize("张\u3000伟", null, null, false);
        assertEquals("张伟", traditional.han());
        assertEquals("张伟", fullWidth.han());
        assertEquals("zhang", traditional.surname());
        assertEquals("wei zhang", traditional.key());
        assertFalse(traditional.weak());
    }

    @Test
    void pinyinKeyMatchesLatinSpellingsInAnyOrderAndCase() {
        String han = PersonNames.standardize("张伟", null, null, false).key();
        assertEquals(han, PersonNames.standardize("Zhang Wei", null, null, false).key());
        assertEquals(han, PersonNames.standardize("WEI ZHANG", null, null, false).key());
        assertEquals(han, PersonNames.standardize(null, "Wei", "Zhang", false).key());
    }

    @Test
    void aTranscribedNameReadsAlikeWhateverDotSeparatesItsParts() {
        String middleDot = PersonNames.standardize("买买提\u00B7艾力", null, null, false).han();
        assertEquals("买买提艾力", middleDot);
        for (String dot : List.of("\u30FB", "\uFF65", "\u2022", "\u2027", "\u2219", "\u22C5", "\uFF0E", " ")) {
            assertEquals(middleDot, PersonNames.standardize("买买提" + dot + "艾力", null, null, false).han(), dot);
        }
    }

    @Test
    void compoundSurnameStaysTogether() {
        PersonNames.PersonName name = PersonNames.standardize("欧阳娜", null, null, false);
        assertEquals("ouyang", name.surname());
        assertEquals("na ouyang", name.key());
    }

    @Test
    void honorificOnlyNamesAreWeakWithSurnameAndGender() {
        PersonNames.PersonName mister = PersonNames.standardize("陈先生", null, null, false);
        assertTrue(mister.weak());
        assertEquals("chen", mister.surname());
        assertEquals("M", mister.gender());
        assertEquals("F", PersonNames.standardize("王女士", null, null, false).gender());
        assertEquals("F", PersonNames.standardize("李小姐", null, null, false).gender());
        assertEquals("F", PersonNames.standardize("刘太太", null, null, false).gender());
        PersonNames.PersonName teacher = PersonNames.standardize("张老师", null, null, false);
        assertTrue(teacher.weak());
        assertNull(teacher.gender());
        assertTrue(PersonNames.standardize("王总", null, null, false).weak());
        PersonNames.PersonName latin = PersonNames.standardize("Mr. Chen", null, null, false);
        assertTrue(latin.weak());
        assertEquals("chen", latin.surname());
        assertEquals("M", latin.gender());
    }

    @Test
    void aFullNameEndingLikeAnHonorificIsNotWeak() {
        assertFalse(PersonNames.standardize("王总理明", null, null, false).weak());
        assertFalse(PersonNames.standardize("李先生明", null, null, false).weak());
    }

    @Test
    void connectorMarkReducesTheNameToItsSurname() {
        PersonNames.PersonName marked = PersonNames.standardize("陈", null, null, true);
        assertTrue(marked.weak());
        assertEquals("chen", marked.surname());
    }

    @Test
    void latinNamesLoseAccentsAndKeepDeclaredOrder() {
        PersonNames.PersonName name = PersonNames.standardize("Laura LEFÈVRE", "Laura", "LEFÈVRE", false);
        assertEquals("laura lefevre", name.key());
        assertEquals("laura lefevre", name.ordered());
        assertEquals("lefevre", name.surname());
    }
}
