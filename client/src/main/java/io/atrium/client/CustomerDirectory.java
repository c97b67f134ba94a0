package io.atrium.client;

import java.util.List;

/**
 * The unified customer view as downstream applications call it: the hub's business interface,
 * remote over {@code remote+http} (look it up as
 * {@code ejb:atrium/atrium-ejb//CustomerDirectoryBean!io.atrium.client.CustomerDirectory}) and local
 * for the hub's own REST layer. Every argument and result is serializable and free of hub classes.
 */
public interface CustomerDirectory {

    /** The customer with this id, or null; a merged-away id answers with status MERGED and its survivor. */
    CustomerView find(String customerId);

    /** Active customers with a source record carrying this phone number, in any of its spellings. */
    List<CustomerView> findByPhone(String phone);

    /**
     * The changes committed after the cursor, oldest first, at most {@code limit}: store the page's
     * {@code next} and ask with it again to get every change exactly once. Cursor 0 is the start.
     */
    ChangesPage changes(long after, int limit);
}
