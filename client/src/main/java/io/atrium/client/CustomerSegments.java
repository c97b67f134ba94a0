package io.atrium.client;

import java.time.Instant;
import java.util.List;

/**
 * Named rule-based segments of the scored customers (the hub's docs/ANALYTICS.md, Segments): remote over
 * {@code remote+http} (look it up as {@code ejb:atrium/atrium-ejb//CustomerSegmentsBean!io.atrium.client.CustomerSegments})
 * and local for the hub's REST layer. Members are kept current as scores change. Every hub role reads; defining,
 * deleting and recomputing segments is for {@code hub-admin}. Members are customer ids with scores, no personal data.
 */
public interface CustomerSegments {

    /** Every segment, by name, with its size now. */
    List<SegmentView> segments();

    /** The segment, or null when there is none of that name. */
    SegmentView segment(String name);

    /**
     * Creates the segment or changes its rule, and selects its members at once (hub-admin).
     *
     * @param name lower-case letters, digits and dashes, 1 to 64, starting with a letter or digit
     * @throws InvalidQueryException a name or rule it cannot read (the reason says where), or a segment defined in
     *                               configuration
     */
    SegmentView define(String name, String rule) throws InvalidQueryException;

    /**
     * Deletes the segment with its members and sizes (hub-admin).
     *
     * @return false when there was none of that name
     * @throws InvalidQueryException a segment defined in configuration
     */
    boolean delete(String name) throws InvalidQueryException;

    /**
     * A page of the segment's members, highest current value first, or null when there is no such segment.
     *
     * @throws InvalidQueryException a page or size out of range (size 1 to 500)
     */
    SegmentMembersPage members(String name, int page, int size) throws InvalidQueryException;

    /** The segment's sizes between {@code from} and {@code to} (null: open), or null when there is no such segment. */
    SegmentHistory history(String name, Instant from, Instant to);

    /** Every segment's sizes between {@code from} and {@code to} (null: open), by name. */
    List<SegmentHistory> histories(Instant from, Instant to);

    /** Selects every segment's members again from the stored scores, each in a transaction, and stores their sizes (hub-admin). */
    List<SegmentView> recompute();
}
