package io.atrium.client;

import java.util.List;

/**
 * The unified customer view as downstream applications call it: the hub's business interface,
 * remote over {@code remote+http} (look it up as
 * {@code ejb:atrium/atrium-ejb//CustomerDirectoryBean!io.atrium.client.CustomerDirectory}) and local
 * for the hub's own REST layer. Every argument and result is serializable and free of hub classes.
 * Personal data comes whole to callers with role {@code hub-app} or {@code hub-admin} (each such read
 * is audited), masked to everyone else.
 */
public interface CustomerDirectory {

    /** The customer with this id, or null; a merged-away id answers with status MERGED and its survivor. */
    CustomerView find(String customerId);

    /**
     * Active customers with a source record matching the query, best match first, one page of them, each as a
     * {@link CustomerSummary}.
     *
     * @param page 0 for the first
     * @param size 1 to 100 customers a page
     * @throws InvalidQueryException a missing or unreadable value, or a page out of range
     */
    CustomerSearchPage search(CustomerQuery query, int page, int size) throws InvalidQueryException;

    /**
     * A page of the customer's facts, newest first, or null when there is no such customer; a merged-away id
     * answers with its survivor's.
     *
     * @param cursor  null for the first page, else the {@code next} of the previous page
     * @param limit   1 to 200
     * @param sources only facts from these sources (empty: all)
     * @param types   only facts of these types (CONTRACT, LEASE, UNIT, ARREARS, WORK_ORDER, MEMBERSHIP, POINTS, TICKET; empty: all)
     * @throws InvalidQueryException for a cursor the hub did not issue, a limit out of range, an unknown type
     */
    TimelinePage timeline(String customerId, String cursor, int limit, List<String> sources, List<String> types);

    /** Why each record of the customer belongs to it, or null when there is no such customer (a merged-away id: its survivor). */
    Explanation.Customer why(String customerId);

    /**
     * Two records compared now, with what keeps them apart, or null when either record is unknown.
     *
     * @throws InvalidQueryException when both name the same record
     */
    Explanation.Pair explain(SourceKey a, SourceKey b);

    /**
     * The changes committed after the cursor, oldest first, at most {@code limit}: store the page's
     * {@code next} and ask with it again to get every change exactly once. Cursor 0 is the start.
     */
    ChangesPage changes(long after, int limit);
}
