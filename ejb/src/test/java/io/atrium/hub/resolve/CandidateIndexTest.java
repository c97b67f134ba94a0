package io.atrium.hub.resolve;

import io.atrium.resolution.model.PartyKind;
import io.atrium.resolution.model.PartyRecord;
import io.atrium.resolution.standardize.StandardizedRecord;
import io.atrium.resolution.standardize.Standardizer;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class CandidateIndexTest {

    private static StandardizedRecord form(String sourceId, String name) {
        PartyRecord record = new PartyRecord();
        record.setSource("sales");
        record.setSourceId(sourceId);
        record.setKind(PartyKind.PERSON);
        record.setName(name);
        return Standardizer.standardize(record);
    }

    private static final StandardizedRecord WANG = form("C1", "王芳");
    private static final StandardizedRecord LI = form("C2", "李娜");

    private static List<Long> ids(List<CandidateIndex.Entry> entries) {
        return entries.stream().map(CandidateIndex.Entry::id).toList();
    }

    @Test
    void onlyKeysNotReadYetAreReadAgain() {
        CandidateIndex index = new CandidateIndex();
        index.loaded(List.of(10L, 20L));
        assertEquals(Set.of(30L), index.notLoaded(List.of(30L, 20L, 10L)));
    }

    @Test
    void aRecordUnderSeveralKeysIsACandidateOnce() {
        CandidateIndex index = new CandidateIndex();
        index.add(10L, 1, "A", WANG);
        index.add(20L, 1, "A", WANG);
        index.add(20L, 2, "B", LI);
        index.loaded(List.of(10L, 20L));
        assertEquals(List.of(1L, 2L), ids(index.under(List.of(20L, 10L), 100)));
    }

    @Test
    void theCandidatesAreCapped() {
        CandidateIndex index = new CandidateIndex();
        index.add(10L, 1, "A", WANG);
        index.add(10L, 2, "B", LI);
        index.loaded(List.of(10L));
        assertEquals(List.of(1L), ids(index.under(List.of(10L), 1)));
    }

    @Test
    void aRecordStoredInTheBatchJoinsTheKeysReadAndLeavesThoseItLost() {
        CandidateIndex index = new CandidateIndex();
        index.add(10L, 1, "A", WANG);
        index.loaded(List.of(10L, 20L));
        // its new version has keys 20 (read) and 30 (never read: the database answers for it later)
        index.stored(1, "A", LI, List.of(20L, 30L));
        assertEquals(List.of(), ids(index.under(List.of(10L), 100)));
        assertEquals(List.of(1L), ids(index.under(List.of(20L), 100)));
        assertEquals(LI, index.under(List.of(20L), 100).get(0).form());
        assertEquals(Set.of(30L), index.notLoaded(List.of(30L)));
    }

    @Test
    void aRecordRemovedIsNoLongerACandidate() {
        CandidateIndex index = new CandidateIndex();
        index.add(10L, 1, "A", WANG);
        index.add(20L, 1, "A", WANG);
        index.loaded(List.of(10L, 20L));
        index.removed(1);
        assertEquals(List.of(), ids(index.under(List.of(10L, 20L), 100)));
    }

    @Test
    void customersForgottenAfterARepartitionAreLearnedRecordByRecord() {
        CandidateIndex index = new CandidateIndex();
        index.add(10L, 1, "A", WANG);
        index.add(10L, 2, "B", LI);
        index.loaded(List.of(10L));
        index.customersChanged();
        assertNull(index.under(List.of(10L), 100).get(0).customerId());
        index.customerIs(1, "C");
        List<CandidateIndex.Entry> entries = index.under(List.of(10L), 100);
        assertEquals("C", entries.get(0).customerId());
        assertEquals(WANG, entries.get(0).form());
        assertNull(entries.get(1).customerId());
    }
}
