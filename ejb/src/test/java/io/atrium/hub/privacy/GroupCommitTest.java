package io.atrium.hub.privacy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Concurrent callers' rows written together, each caller back only once a write holding its rows succeeded. */
class GroupCommitTest {

    private final GroupCommit<String> group = new GroupCommit<>();
    private final List<List<String>> writes = Collections.synchronizedList(new ArrayList<>());
    private final Set<String> committed = Collections.synchronizedSet(new HashSet<>());
    private final CountDownLatch firstWriteMayEnd = new CountDownLatch(1);
    private final ExecutorService callers = Executors.newCachedThreadPool();

    @AfterEach
    void stop() {
        callers.shutdownNow();
    }

    /** Records the write; the first one waits until the test lets it end, so that others queue behind it. */
    private void write(List<String> rows) throws SQLException {
        writes.add(List.copyOf(rows));
        if (writes.size() == 1) {
            await(firstWriteMayEnd);
        }
        if (rows.contains("bad")) {
            throw new SQLException("refused");
        }
        if (rows.contains("error")) {
            throw new AssertionError("the JVM's own failure, not the database's");
        }
        committed.addAll(rows);
    }

    /** A caller that checks, once back, that its rows were committed before it returned. */
    private Future<?> caller(String... rows) {
        return callers.submit(() -> {
            group.commit(List.of(rows), this::write);
            assertTrue(committed.containsAll(List.of(rows)), "returned before its rows were written");
            return null;
        });
    }

    @Test
    void aLoneCallerWritesItsOwnRows() throws Exception {
        firstWriteMayEnd.countDown();

        group.commit(List.of("a1", "a2"), this::write);

        assertEquals(List.of(List.of("a1", "a2")), writes);
        assertEquals(Set.of("a1", "a2"), committed);
    }

    @Test
    void callersArrivingDuringAWriteShareTheNextOne() throws Exception {
        Future<?> first = caller("a");
        awaitWrites(1);
        List<Future<?>> queued = List.of(caller("b1", "b2"), caller("c"), caller("d"));
        awaitWaiting(3);
        assertFalse(queued.stream().anyMatch(Future::isDone), "a caller returned before its rows were written");

        firstWriteMayEnd.countDown();
        first.get(5, TimeUnit.SECONDS);
        for (Future<?> caller : queued) {
            caller.get(5, TimeUnit.SECONDS);
        }

        assertEquals(2, writes.size(), writes.toString());
        assertEquals(Set.of("b1", "b2", "c", "d"), new HashSet<>(writes.get(1)));
        assertEquals(4, writes.get(1).size());
        assertTrue(writes.get(1).indexOf("b2") == writes.get(1).indexOf("b1") + 1, "a caller's rows stay together");
    }

    /** The database's refusal ("bad": an SQLException) or the JVM's own ("error": an Error, never taken for success). */
    @ParameterizedTest
    @ValueSource(strings = {"bad", "error"})
    void aFailedWriteFailsEveryCallerInItAndNoOther(String failing) throws Exception {
        Future<?> first = caller("a");
        awaitWrites(1);
        Future<?> failingCaller = caller(failing);
        Future<?> besideIt = caller("c");
        awaitWaiting(2);
        firstWriteMayEnd.countDown();

        first.get(5, TimeUnit.SECONDS);
        for (Future<?> failed : List.of(failingCaller, besideIt)) {
            ExecutionException e = assertThrows(ExecutionException.class, () -> failed.get(5, TimeUnit.SECONDS));
            if (failing.equals("bad")) {
                assertTrue(e.getCause() instanceof SQLException, e.toString());
            }
        }
        assertFalse(committed.contains("c"));

        group.commit(List.of("e"), this::write); // the next write is not affected
        assertTrue(committed.contains("e"));
    }

    private void awaitWrites(int count) throws InterruptedException {
        for (int i = 0; writes.size() < count; i++) {
            assertTrue(i < 500, "no write began");
            Thread.sleep(10);
        }
    }

    private void awaitWaiting(int count) throws InterruptedException {
        for (int i = 0; group.waiting() < count; i++) {
            assertTrue(i < 500, "the callers did not queue");
            Thread.sleep(10);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            assertTrue(latch.await(10, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
