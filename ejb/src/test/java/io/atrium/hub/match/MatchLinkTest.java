package io.atrium.hub.match;

import io.atrium.resolution.match.Decision;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class MatchLinkTest {

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

    private static MatchLink heldBackLink() {
        MatchLink link = new MatchLink(1, 2, 30.0, 30.0, Decision.MERGE, false, "NAME=SURNAME +4.0", NOW);
        link.awaitSteward(Optional.of("a caller with a surname only: which one?"), 5.0);
        return link;
    }

    @Test
    void aHeldBackCallersLinkKeepsItsPlaceInTheQueueWhenOnlyRescored() {
        MatchLink link = heldBackLink();
        // a re-scoring pass that changes no decision does not re-partition: the score moves, the queue's order stays
        link.rescore(31.0, 31.0, false, "NAME=SURNAME +5.0", NOW);
        assertEquals(31.0, link.getScore());
        assertEquals(5.0, link.getPriority());
        assertEquals(ReviewState.PENDING, link.getReviewState());
    }

    @Test
    void aHeldBackCallersLinkRedecidedTakesItsNewPriorityAndLeavesTheCallersQueue() {
        MatchLink link = heldBackLink();
        link.redecide(20.0, 20.0, Decision.REVIEW, false, "NAME=SURNAME +4.0", NOW);
        assertEquals(20.0, link.getPriority());
        assertEquals(ReviewState.PENDING, link.getReviewState());
        assertNull(link.getReviewReason());
    }

    @Test
    void aLinkNoLongerHeldBackIsQueuedByItsScoreAgain() {
        MatchLink link = heldBackLink();
        link.awaitSteward(Optional.empty(), 5.0);
        assertEquals(30.0, link.getPriority());
        assertNull(link.getReviewState());
        assertNull(link.getReviewReason());
    }
}
