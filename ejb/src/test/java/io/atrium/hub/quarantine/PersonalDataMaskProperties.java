package io.atrium.hub.quarantine;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Phones and ID numbers in any spelling, anywhere in any text, keep only their last four characters. */
class PersonalDataMaskProperties {

    @Property(tries = 2000)
    void anIdentifierBetweenDelimitersKeepsOnlyItsLastFourCharacters(@ForAll("identifiers") String identifier,
                                                                    @ForAll String before, @ForAll String after,
                                                                    @ForAll("delimiters") char open,
                                                                    @ForAll("delimiters") char close) {
        String masked = PersonalDataMask.mask(before + open + identifier + close + after);

        String digits = identifier.replaceAll("\\D", "");
        assertFalse(masked.replaceAll("[^0-9]", "").contains(digits),
                () -> "the digits of " + identifier + " survive in " + masked);
        String lastFour = identifier.substring(identifier.length() - 4);
        assertTrue(masked.contains("*" + lastFour + close), () -> "the last four of " + identifier + " are lost in " + masked);
    }

    @Provide
    Arbitrary<String> identifiers() {
        Arbitrary<String> mobile = Combinators.combine(Arbitraries.of("13", "15", "17", "18", "19"),
                Arbitraries.strings().numeric().ofLength(9)).as(String::concat);
        Arbitrary<String> spelledMobile = mobile.flatMap(m -> Arbitraries.of(
                m, "+86 " + m.substring(0, 3) + " " + m.substring(3, 7) + " " + m.substring(7),
                m.substring(0, 3) + "-" + m.substring(3, 7) + "-" + m.substring(7), "86" + m));
        Arbitrary<String> landline = Combinators.combine(Arbitraries.strings().numeric().ofLength(3),
                Arbitraries.strings().numeric().ofLength(8)).as((area, number) -> "0" + area + "-" + number);
        Arbitrary<String> residentId = Combinators.combine(Arbitraries.strings().numeric().ofLength(17),
                Arbitraries.of("0", "7", "X", "x")).as(String::concat);
        Arbitrary<String> oldResidentId = Arbitraries.strings().numeric().ofLength(15);
        return Arbitraries.oneOf(spelledMobile, landline, residentId, oldResidentId);
    }

    /** What separates a value from its surroundings in the native formats: CSV, JSON, XML, prose. */
    @Provide
    Arbitrary<Character> delimiters() {
        return Arbitraries.of(',', '"', '<', '>', ':', '，', '：', '（', '）', '\n', '\t');
    }
}
