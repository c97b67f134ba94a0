package io.atrium.connectors.canonical;

import io.atrium.resolution.model.InvalidRecordException;
import io.atrium.resolution.model.PartyRecord;
import io.atrium.resolution.model.PartyRecordJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CanonicalSourceRulesTest {

    static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");
    static final CanonicalSourceRules RULES = new CanonicalSourceRules(
            Map.of("crm-legacy", Set.of("crm-writer")), Duration.ofMinutes(5), Clock.fixed(NOW, ZoneOffset.UTC));

    static PartyRecord record(String source, Instant updatedAt) {
        return PartyRecordJson.read("{\"source\":\"" + source + "\",\"sourceId\":\"C-1\",\"name\":\"Zhang Wei\",\"updatedAt\":\""
                + updatedAt + "\"}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"sales", "leasing", "property", "membership", "service"})
    void nativeSourcesAreRefusedToUsersAndToTheFileDrop(String source) {
        InvalidRecordException byUser = assertThrows(InvalidRecordException.class,
                () -> RULES.check(record(source, NOW), Optional.of("app")));
        assertTrue(byUser.getMessage().contains("reserved for its connector"), byUser.getMessage());
        assertThrows(InvalidRecordException.class, () -> RULES.check(record(source, NOW), Optional.empty()));
    }

    @Test
    void aBoundSourceTakesOnlyItsWriters() {
        assertDoesNotThrow(() -> RULES.check(record("crm-legacy", NOW), Optional.of("crm-writer")));
        InvalidRecordException other = assertThrows(InvalidRecordException.class,
                () -> RULES.check(record("crm-legacy", NOW), Optional.of("app")));
        assertTrue(other.getMessage().contains("atrium.canonical.writers.crm-legacy"), other.getMessage());
    }

    @Test
    void anUnboundSourceIsOpenToEveryWriterAndTheFileDropMayWriteBoundOnes() {
        assertDoesNotThrow(() -> RULES.check(record("erp", NOW), Optional.of("app")));
        assertDoesNotThrow(() -> RULES.check(record("crm-legacy", NOW), Optional.empty()));
    }

    @Test
    void aRecordFromTheFutureIsRefusedBeyondTheSkewOnly() {
        assertDoesNotThrow(() -> RULES.check(record("erp", NOW.plus(Duration.ofMinutes(5))), Optional.of("app")));
        InvalidRecordException future = assertThrows(InvalidRecordException.class,
                () -> RULES.check(record("erp", Instant.parse("2099-01-01T00:00:00Z")), Optional.of("app")));
        assertTrue(future.getMessage().contains("in the future"), future.getMessage());
        assertThrows(InvalidRecordException.class,
                () -> RULES.check(record("erp", NOW.plus(Duration.ofMinutes(6))), Optional.empty()));
    }

    @Test
    void aNativeSourceCannotBeBoundToUsers() {
        assertThrows(IllegalArgumentException.class, () -> new CanonicalSourceRules(
                Map.of("sales", Set.of("app")), Duration.ZERO, Clock.systemUTC()));
    }
}
