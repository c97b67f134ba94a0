package io.atrium.hub.resolve;

import io.atrium.resolution.match.FieldKind;
import io.atrium.resolution.match.MatchSettings;
import io.atrium.resolution.match.ReviewPriority;
import io.atrium.resolution.match.Scorer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;

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
        engine.recounted(new FrequencySnapshot.Recounted(1, false));
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

    @Test
    void theShippedSettingsWeighTheConflictsLearnedAndASettingsFileThatListsThemKeepsItsOwn() throws Exception {
        MatchEngine engine = engine(dir.resolve("absent.json"));
        assertTrue(engine.learnsConflicts());
        assertFalse(engine.scorer().settings().weighs(FieldKind.NAME), "nothing weighed before the first count learned");
        Scorer before = engine.scorer();
        assertFalse(engine.weigh(Set.of()), "a count that learns none changes nothing: none is weighed yet");
        assertSame(before, engine.scorer(), "and builds nothing anew");

        assertTrue(engine.weigh(Set.of(FieldKind.NAME)));
        assertTrue(engine.scorer().settings().weighs(FieldKind.NAME));
        assertTrue(engine.settings().weighs(FieldKind.NAME));
        assertFalse(engine.weigh(Set.of(FieldKind.NAME)), "the same set again builds nothing anew");
        assertTrue(engine.weigh(Set.of()), "a grown population that shows none any more: the veto again");
        assertFalse(engine.scorer().settings().weighs(FieldKind.NAME));
        assertFalse(engine.weigh(Set.of()), "and the next count that learns none changes nothing");

        Path pinned = Files.writeString(dir.resolve("pinned.json"), MatchSettings.defaults().withWeighedConflicts(Set.of()).toJson());
        MatchEngine pinnedEngine = new MatchEngine();
        pinnedEngine.settingsFile = Optional.of(pinned.toString());
        pinnedEngine.prioritySettingsFile = Optional.empty();
        pinnedEngine.build();
        assertFalse(pinnedEngine.learnsConflicts());
        assertFalse(pinnedEngine.weigh(Set.of(FieldKind.NAME)));
        assertFalse(pinnedEngine.scorer().settings().weighs(FieldKind.NAME), "the file's empty list pins the veto");
    }
}
