package io.atrium.simulators.feed;

import io.atrium.resolution.model.PartyRecord;
import io.atrium.simulators.population.Appearance;
import io.atrium.simulators.population.Population;
import io.atrium.simulators.variation.Renderer;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.Random;

/**
 * What one source system knows of the population, one party record at a time: each of the
 * source's parties once as new, then the same parties again as updates (rendered afresh, so a
 * phone format or a typo can change as it does when a clerk edits a record).
 */
public final class SourceFeed {

    private final List<Appearance> appearances;
    private final Map<String, Appearance> bySourceId;
    private final Renderer renderer;
    private final Random random;
    private int next;

    public SourceFeed(Population population, String source, Random random) {
        this.appearances = population.appearancesIn(source);
        if (appearances.isEmpty()) {
            throw new IllegalArgumentException("the population has nobody in source " + source);
        }
        this.bySourceId = appearances.stream().collect(Collectors.toMap(Appearance::sourceId, Function.identity()));
        this.renderer = Renderer.forScript(population.script());
        this.random = random;
    }

    /** The next party of the source with its version time; new ones first, then updates of random ones. */
    public PartyRecord next(Instant updatedAt) {
        Appearance appearance = next < appearances.size() ? appearances.get(next++)
                : appearances.get(random.nextInt(appearances.size()));
        return renderer.render(appearance, updatedAt, random);
    }

    /** The given party of the source again, as edited at updatedAt. */
    public PartyRecord update(String sourceId, Instant updatedAt) {
        Appearance appearance = bySourceId.get(sourceId);
        if (appearance == null) {
            throw new IllegalArgumentException("source has no party " + sourceId);
        }
        return renderer.render(appearance, updatedAt, random);
    }

    /** Whether every party of the source has been given once. */
    public boolean exhausted() {
        return next >= appearances.size();
    }
}
