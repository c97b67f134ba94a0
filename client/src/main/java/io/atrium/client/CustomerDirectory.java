package io.atrium.client;

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
     * Active customers with a source record matching the query, best match first, one page of them.
     *
     * @param page 0 for the first
     * @param size 1 to 100 customers a page
     * @throws InvalidQueryException a missing or unreadable value, or a page out of range
     */
    CustomerSearchPage search(CustomerQuery query, int page, int size) throws InvalidQueryException;
}
