package io.atrium.hub.resolve;

import io.atrium.resolution.match.FieldKind;
import io.atrium.resolution.match.ValueFrequencies;
import io.atrium.resolution.resolve.InMemoryFrequencies;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The frequencies {@link FrequencySnapshot} counted last, for the search and the resolver to read as a plain
 * field: through the singleton each read was an EJB invocation (its proxy and interceptors), which cost a search
 * more than anything but its query and its parse. The singleton alone counts and publishes; this node's only.
 */
@ApplicationScoped
public class CurrentFrequencies {

    /** Before the first count: the name prior alone, so the first records decide as the bulk tool would. */
    private static final ValueFrequencies BEFORE_FIRST_COUNT = InMemoryFrequencies.fromCounts(
            new long[0], new int[0], 0, new double[FieldKind.values().length]).withNamePrior();

    private volatile ValueFrequencies current = BEFORE_FIRST_COUNT;

    public ValueFrequencies get() {
        return current;
    }

    /** Called by {@link FrequencySnapshot} only, with each count it takes. */
    public void publish(ValueFrequencies counted) {
        current = counted;
    }
}
