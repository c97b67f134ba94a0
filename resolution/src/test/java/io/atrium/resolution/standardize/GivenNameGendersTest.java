package io.atrium.resolution.standardize;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class GivenNameGendersTest {

    @Test
    void aGivenNameOfOneSexTellsIt() {
        assertEquals("F", GivenNameGenders.of("王秀英"));
        assertEquals("F", GivenNameGenders.of("李娜"));
        assertEquals("M", GivenNameGenders.of("陈鹏杰"));
        assertEquals("M", GivenNameGenders.of("张强"));
    }

    @Test
    void onlyTheGivenNameCountsNotTheSurname() {
        assertEquals("F", GivenNameGenders.of("欧阳娜"), "欧阳 is the surname");
        assertNull(GivenNameGenders.of("龙明"), "龙 is the surname here, not a man's given name");
        assertNull(GivenNameGenders.of("龙"));
    }

    @Test
    void aCharacterGivenToBothOrCharactersOfBothTellNothing() {
        assertNull(GivenNameGenders.of("张伟"));
        assertNull(GivenNameGenders.of("刘明华"));
        assertNull(GivenNameGenders.of("李丽军"));
        assertNull(GivenNameGenders.of(null));
    }
}
