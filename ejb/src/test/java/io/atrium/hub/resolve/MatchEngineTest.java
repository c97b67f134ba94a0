package io.atrium.hub.resolve;

import io.atrium.resolution.match.MatchSettings;
import io.atrium.resolution.match.ReviewPriority;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which order the hub gives its review queue, as the review-priority settings file comes, goes and breaks. */
class MatchEngineTest {

    @TempDir
    Path dir;

    private MatchEngine engine(Path prioritySettings) {
        MatchEngine engine = new MatchEngine();
        engine.settingsFile = Optional.empty();
        engine.prioritySettingsFile = Optional.of(prioritySettings.toString());
        engine.build();
        return engine;
    }

    private static void recount(MatchEngine engine) {
        engine.recounted(new FrequencySnapshot.Recounted(1));
    }

    @Test
    void withoutTheFileTheQueueIsByScoreAndAFileGivenLaterIsReadAtTheNextRecount() throws Exception {
        Path file = dir.resolve("learned.json");
        MatchEngine engine = engine(file);
        assertFalse(engine.reviewPriority().hasOwnSettings());

        Files.writeString(file, MatchSettings.defaults().toJson());
        assertFalse(engine.reviewPriority().hasOwnSettings(), "read at a recount, not at every pair");
        recount(engine);
        assertTrue(engine.reviewPriority().hasOwnSettings());

        Files.delete(file);
        recount(engine);
        assertFalse(engine.reviewPriority().hasOwnSettings());
    }

    @Test
    void aFileBrokenWhileTheHubRunsLeavesTheOrderAsItWas() throws Exception {
        Path file = Files.writeString(dir.resolve("learned.json"), MatchSettings.defaults().toJson());
        MatchEngine engine = engine(file);
        ReviewPriority ordered = engine.reviewPriority();

        Files.writeString(file, "{\"mergeThreshold\": ");
        recount(engine);

        assertSame(ordered, engine.reviewPriority());
    }
}
