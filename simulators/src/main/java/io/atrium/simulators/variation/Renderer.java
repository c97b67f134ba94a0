package io.atrium.simulators.variation;

import io.atrium.resolution.model.PartyRecord;
import io.atrium.simulators.population.Appearance;
import io.atrium.simulators.population.Script;

import java.time.Instant;
import java.util.Random;

/**
 * Writes a party as one source system holds it: with that system's fields, spellings, formats,
 * typos and gaps. The result carries the raw values, as a connector would read them, not
 * standardized ones.
 */
public interface Renderer {

    PartyRecord render(Appearance appearance, Instant updatedAt, Random random);

    static Renderer forScript(Script script) {
        return script == Script.CHINESE ? new ChineseRenderer() : new LatinRenderer();
    }
}
