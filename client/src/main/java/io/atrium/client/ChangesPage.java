package io.atrium.client;

import java.io.Serializable;
import java.util.List;

/**
 * A page of the changes feed, oldest first.
 *
 * @param next the cursor to ask with next time: the position of the last change on the page, or the
 *             cursor asked with when there was none yet
 */
public record ChangesPage(List<ChangeEvent> changes, long next) implements Serializable {
}
