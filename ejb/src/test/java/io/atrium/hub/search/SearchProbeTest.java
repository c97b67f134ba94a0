package io.atrium.hub.search;

import io.atrium.client.CustomerQuery;
import io.atrium.client.InvalidQueryException;
import io.atrium.resolution.model.PartyRecord;
import io.atrium.resolution.resolve.InMemoryFrequencies;
import io.atrium.resolution.standardize.PartyTypes;
import io.atrium.resolution.standardize.Standardizer;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every spelling of a value finds the hashes a stored record of it has; nonsense is refused with its reason. */
class SearchProbeTest {

    @Test
    void phoneSpellingsShareTheStoredRecordsHash() throws Exception {
        Set<Long> stored = storedHashes(r -> r.getPhones().add("13800138000"));
        for (String spelling : List.of("138-0013-8000", "+86 138 0013 8000", "１３８００１３８０００", "0086 13800138000")) {
            assertTrue(stored.containsAll(SearchProbe.of(CustomerQuery.byPhone(spelling)).hashes()), spelling);
        }
    }

    @Test
    void idNumberSpellingsShareTheStoredRecordsKey() throws Exception {
        // the 15-digit 440301840506002 is the 18-digit 44030119840506002X
        Set<Long> stored = storedHashes(r -> r.setIdNumber("44030119840506002X"));
        for (String spelling : List.of("44030119840506002x", "４４０３０１１９８４０５０６００２ｘ", "440301840506002", "4403 0119 8405 0600 2X")) {
            assertTrue(SearchProbe.of(CustomerQuery.byIdNumber(spelling)).hashes().stream().anyMatch(stored::contains), spelling);
        }
    }

    @Test
    void nameSpellingsShareTheStoredRecordsNameHash() throws Exception {
        Set<Long> stored = storedHashes(r -> r.setName("张伟"));
        for (String spelling : List.of("張偉", "zhang wei", "Wei Zhang", "WEI ZHANG")) {
            SearchProbe probe = SearchProbe.of(CustomerQuery.byName(spelling, null, null));
            assertTrue(stored.containsAll(probe.hashes()), spelling);
        }
    }

    @Test
    void aNameWithBirthDateUsesTheNarrowerKeysAndTheDateNarrows() throws Exception {
        LocalDate born = LocalDate.of(1984, 5, 6);
        Set<Long> stored = storedHashes(r -> {
            r.setName("张伟");
            r.setBirthDate(born);
        });
        SearchProbe probe = SearchProbe.of(CustomerQuery.byName("Zhang Wei", born, "男"));
        assertTrue(probe.hashes().stream().anyMatch(stored::contains));
        PartyRecord other = record(r -> {
            r.setName("张伟");
            r.setBirthDate(born.plusDays(1));
        });
        assertFalse(probe.accepts().test(Standardizer.standardize(other)), "another birth date is not asked for");
        PartyRecord woman = record(r -> {
            r.setName("张伟");
            r.setBirthDate(born);
            r.setGender("F");
        });
        assertFalse(probe.accepts().test(Standardizer.standardize(woman)), "another gender is not asked for");
    }

    @Test
    void unreadableValuesAreRefusedWithoutQuotingThem() {
        assertEquals("phone is not a phone number",
                assertThrows(InvalidQueryException.class, () -> SearchProbe.of(CustomerQuery.byPhone("12ab"))).getMessage());
        assertEquals("email is not an e-mail address",
                assertThrows(InvalidQueryException.class, () -> SearchProbe.of(CustomerQuery.byEmail("zhang.example.com"))).getMessage());
        assertEquals("idNumber is not an ID number",
                assertThrows(InvalidQueryException.class, () -> SearchProbe.of(CustomerQuery.byIdNumber("4-4"))).getMessage());
        assertEquals("gender is not M or F",
                assertThrows(InvalidQueryException.class, () -> SearchProbe.of(CustomerQuery.byName("张伟", null, "X"))).getMessage());
    }

    private static Set<Long> storedHashes(Consumer<PartyRecord> values) {
        Set<Long> hashes = new HashSet<>();
        InMemoryFrequencies.hashes(Standardizer.standardize(PartyTypes.complete(record(values))), (field, hash) -> hashes.add(hash));
        return hashes;
    }

    private static PartyRecord record(Consumer<PartyRecord> values) {
        PartyRecord record = new PartyRecord();
        record.setSource("sales");
        record.setSourceId("S-1");
        values.accept(record);
        return record;
    }
}
