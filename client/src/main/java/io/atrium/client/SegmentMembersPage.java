package io.atrium.client;

import java.io.Serializable;
import java.util.List;

/** A page of a segment's members with their scores, highest current value first (then by id). */
public record SegmentMembersPage(String segment, List<ScoredCustomersPage.ScoredCustomer> customers, int page, int size,
                                 long total) implements Serializable {

    public SegmentMembersPage {
        customers = List.copyOf(customers);
    }
}
