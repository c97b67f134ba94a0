package io.atrium.hub.analytics;

import io.atrium.hub.profile.FactTally;

import java.time.Instant;

/**
 * A customer's facts of one type, state and category as the database counts them: the profile's tally
 * (counts, amounts, ends, ratings) with what the value model needs beside it: when the first and last of
 * them happened, and how many happened within the frequency window and within the complaint window.
 *
 * @param category      a ticket's category or a work order's type (COMPLAINT, REPAIR, ...), else null
 * @param lastVersionAt the newest of their versions (the source's time of its latest change)
 */
public record ActivityTally(FactTally tally, String category, Instant firstAt, Instant lastAt,
                            long inFrequencyWindow, long inComplaintWindow, Instant lastVersionAt) {
}
