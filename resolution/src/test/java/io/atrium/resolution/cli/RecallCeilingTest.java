package io.atrium.resolution.cli;

import io.atrium.resolution.Fixtures;
import io.atrium.resolution.match.MatchSettings;
import io.atrium.resolution.match.Scorer;
import io.atrium.resolution.model.RecordKey;
import io.atrium.resolution.resolve.InMemoryFrequencies;
import io.atrium.resolution.standardize.StandardizedRecord;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RecallCeilingTest {

    private static StandardizedRecord record(String id, String contact) {
        return Fixtures.standardized("{\"source\":\"s\",\"sourceId\":\"" + id + "\",\"name\":\"张伟\"" + contact + "}");
    }

    @Test
    void truePairsCountWhenAChainOfNonNameEvidenceJoinsThem() {
        StandardizedRecord a = record("a", ",\"phones\":[\"13800138000\"]");
        StandardizedRecord b = record("b", ",\"phones\":[\"13800138000\"],\"emails\":[\"zw@example.com\"]");
        StandardizedRecord c = record("c", ",\"emails\":[\"zw@example.com\"]");
        StandardizedRecord d = record("d", "");
        StandardizedRecord x = record("x", "");
        StandardizedRecord y = record("y", "");
        StandardizedRecord unlabeled = record("u", ",\"phones\":[\"13800138000\"]");
        List<StandardizedRecord> records = List.of(a, b, c, d, x, y, unlabeled);
        Map<RecordKey, String> truth = Map.of(a.key(), "p", b.key(), "p", c.key(), "p", d.key(), "p",
                x.key(), "q", y.key(), "q");

        RecallCeiling ceiling = RecallCeiling.of(records, truth, new Scorer(MatchSettings.defaults()),
                InMemoryFrequencies.of(records));

        // p: a-b (phone), b-c (e-mail), so a-c too; d shares only the name; q's two records share only the name
        assertEquals(3, ceiling.pairsWithEvidence());
        assertEquals(6 + 1, ceiling.truePairs());
        assertEquals(3.0 / 7, ceiling.ceiling(), 1e-9);
    }
}
