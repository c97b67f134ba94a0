package io.atrium.resolution.resolve;

import io.atrium.resolution.Fixtures;
import io.atrium.resolution.cluster.StewardConstraints;
import io.atrium.resolution.match.Decision;
import io.atrium.resolution.match.FieldKind;
import io.atrium.resolution.match.MatchResult;
import io.atrium.resolution.match.MatchSettings;
import io.atrium.resolution.match.NamePrior;
import io.atrium.resolution.match.Scorer;
import io.atrium.resolution.match.ValueFrequencies;
import io.atrium.resolution.model.RecordKey;
import io.atrium.resolution.standardize.StandardizedRecord;
import io.atrium.resolution.standardize.Standardizer;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A fresh engine (empty frequency snapshot) decides pairs sharing a name and a birth date as the bulk tool does
 * on a load that shows which names are common: the name prior stands in for the counts it does not have yet.
 */
class ColdStartPriorTest {

    private static final Scorer SCORER = new Scorer(MatchSettings.defaults());
    private static final InMemoryFrequencies NOTHING_COUNTED = InMemoryFrequencies.of(List.of());

    private static StandardizedRecord person(String source, String id, String name, String birthDate) {
        return Fixtures.standardized(String.format(Locale.ROOT, """
                {"source":"%s","sourceId":"%s","kind":"PERSON","name":"%s","birthDate":"%s"}""", source, id, name, birthDate));
    }

    private static final StandardizedRecord WANG_FANG_SALES = person("sales", "S-WF", "王芳", "1985-03-02");
    private static final StandardizedRecord WANG_FANG_SERVICE = person("service", "T-WF", "王芳", "1985-03-02");
    private static final StandardizedRecord RARE_SALES = person("sales", "S-RN", "欧阳翠翎", "1979-11-23");
    private static final StandardizedRecord RARE_SERVICE = person("service", "T-RN", "欧阳翠翎", "1979-11-23");

    private static Decision freshEngineDecides(StandardizedRecord first, StandardizedRecord second, ValueFrequencies frequencies) {
        InMemoryResolver fresh = new InMemoryResolver(SCORER, frequencies);
        fresh.add(first);
        List<MatchResult> results = fresh.add(second);
        assertEquals(1, results.size(), "the pair meets under a blocking key");
        return results.get(0).decision();
    }

    @Test
    void aFreshEngineKeepsTwoWangFangSharingOnlyABirthDateApart() {
        assertEquals(Decision.REVIEW, freshEngineDecides(WANG_FANG_SALES, WANG_FANG_SERVICE, NOTHING_COUNTED.withNamePrior()));
        // without the prior nothing says 王芳 is common: the same pair merges
        assertEquals(Decision.MERGE, freshEngineDecides(WANG_FANG_SALES, WANG_FANG_SERVICE, NOTHING_COUNTED));
    }

    @Test
    void aFreshEngineMergesARareNameWithTheSameEvidence() {
        assertEquals(Decision.MERGE, freshEngineDecides(RARE_SALES, RARE_SERVICE, NOTHING_COUNTED.withNamePrior()));
    }

    @Test
    void theNameThePriorLacksIsWeighedAsTypicalNotBoosted() {
        StandardizedRecord withPhone = Fixtures.standardized("""
                {"source":"sales","sourceId":"S-RP","kind":"PERSON","name":"欧阳翠翎","birthDate":"1979-11-23","phones":["13911112222"]}""");
        StandardizedRecord otherPhone = Fixtures.standardized("""
                {"source":"service","sourceId":"T-RP","kind":"PERSON","name":"欧阳翠翎","birthDate":"1979-11-23","phones":["13733334444"]}""");
        MatchResult withPrior = SCORER.score(withPhone, otherPhone, NOTHING_COUNTED.withNamePrior());
        MatchResult without = SCORER.score(withPhone, otherPhone, NOTHING_COUNTED);
        assertEquals(without.score(), withPrior.score(), 1e-9);
        assertEquals(Decision.REVIEW, withPrior.decision());
    }

    @Test
    void theBulkToolDecidesBothPairsAsTheFreshEngineDoes() {
        List<StandardizedRecord> load = new ArrayList<>(List.of(WANG_FANG_SALES, WANG_FANG_SERVICE, RARE_SALES, RARE_SERVICE));
        // other people called 王芳 (as a population of this size holds), so the load's own counts know the name is common
        for (int i = 1; i <= 12; i++) {
            load.add(person("leasing", "L-WF" + i, "王芳", String.format(Locale.ROOT, "19%02d-06-%02d", 60 + i, i)));
        }
        Fixtures.population().forEach(r -> load.add(Standardizer.standardize(r)));

        Clustering bulk = new BulkResolver(SCORER).resolve(load, StewardConstraints.NONE);

        assertFalse(sameCluster(bulk, WANG_FANG_SALES.key(), WANG_FANG_SERVICE.key()));
        assertTrue(bulk.reviewLinks().stream().anyMatch(r -> r.left().equals(WANG_FANG_SALES.key())
                && r.right().equals(WANG_FANG_SERVICE.key()) || r.right().equals(WANG_FANG_SALES.key())
                && r.left().equals(WANG_FANG_SERVICE.key())), "the 王芳 pair goes to a steward");
        assertTrue(sameCluster(bulk, RARE_SALES.key(), RARE_SERVICE.key()));
    }

    @Test
    void thePriorFadesAsTheSnapshotGrows() {
        List<StandardizedRecord> counted = new ArrayList<>();
        Fixtures.population().forEach(r -> counted.add(Standardizer.standardize(r)));
        InMemoryFrequencies small = InMemoryFrequencies.of(counted);
        ValueFrequencies blended = small.withNamePrior();
        String zhangWei = counted.get(0).nameKey();
        double priorOnly = ratio(NOTHING_COUNTED.withNamePrior(), zhangWei);
        double snapshotOnly = ratio(small, zhangWei);
        double weight = (double) small.population() / (small.population() + NamePrior.PRIOR_RECORDS);
        // the log ratio (the adjustment before its cap) is the two weighted N : K
        assertEquals(weight * Math.log(snapshotOnly) + (1 - weight) * Math.log(priorOnly), Math.log(ratio(blended, zhangWei)), 1e-9);
        assertTrue(priorOnly < 1, "张伟 is commoner than the typical name");
    }

    private static double ratio(ValueFrequencies frequencies, String nameKey) {
        return frequencies.typicalFrequency(FieldKind.NAME) / frequencies.frequency(FieldKind.NAME, nameKey);
    }

    private static boolean sameCluster(Clustering clustering, RecordKey a, RecordKey b) {
        return clustering.clusters().stream().anyMatch(c -> c.contains(a) && c.contains(b));
    }
}
