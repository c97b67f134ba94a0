package io.atrium.client;

import java.io.Serializable;
import java.util.List;

/**
 * One page of a search, best match first.
 *
 * @param page     0 for the first page
 * @param total    customers found in all
 * @param complete false when the key is so common that only the first 1,000 source records carrying it
 *                 were read (narrow a name search by birth date)
 */
public record CustomerSearchPage(List<CustomerMatch> matches, int page, int size, long total, boolean complete)
        implements Serializable {
}
