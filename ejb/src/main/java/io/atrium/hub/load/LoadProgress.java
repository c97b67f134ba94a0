package io.atrium.hub.load;

import io.atrium.hub.ingest.IngestResult;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** A load's figures as it runs, written by the load's thread and read by anyone asking its status. */
final class LoadProgress {

    private final String id;
    private final long bytes;
    private final Instant startedAt = Instant.now();
    private final List<IngestResult.RejectedLine> rejections = new ArrayList<>();
    private volatile LoadState state = LoadState.RUNNING;
    private volatile LoadPhase phase = LoadPhase.RECEIVED;
    /** The share of the current phase done, 0 to 1. */
    private volatile double phaseDone;
    private volatile long recordsRead;
    private volatile long rejected;
    private volatile long records;
    private volatile long customers;
    private volatile Instant finishedAt;
    private volatile Instant phaseStartedAt = startedAt;
    private final Map<LoadPhase, Duration> phaseTimes = new EnumMap<>(LoadPhase.class);
    private volatile String failure;

    LoadProgress(String id, long bytes) {
        this.id = id;
        this.bytes = bytes;
    }

    String id() {
        return id;
    }

    long bytes() {
        return bytes;
    }

    boolean running() {
        return state == LoadState.RUNNING;
    }

    synchronized void phase(LoadPhase next) {
        Instant now = Instant.now();
        phaseTimes.put(phase, Duration.between(phaseStartedAt, now));
        phaseStartedAt = now;
        phase = next;
        phaseDone = 0;
    }

    /** How long each phase took so far, for the log (where a load's time goes). */
    synchronized String phaseTimes() {
        StringBuilder times = new StringBuilder();
        phaseTimes.forEach((p, took) -> times.append(times.isEmpty() ? "" : ", ").append(p).append(' ')
                .append(String.format(java.util.Locale.ROOT, "%.1f s", took.toMillis() / 1000.0)));
        return times.toString();
    }

    void phaseDone(double share) {
        phaseDone = Math.max(0, Math.min(1, share));
    }

    void read(long lines) {
        recordsRead = lines;
    }

    synchronized void rejected(int line, String reason) {
        if (rejections.size() < FirstLoads.REJECTIONS_KEPT) {
            rejections.add(new IngestResult.RejectedLine(line, reason));
        }
        rejected++;
    }

    void resolved(long distinctRecords, long customerCount) {
        records = distinctRecords;
        customers = customerCount;
    }

    void done() {
        phase(LoadPhase.FINISHED);
        finishedAt = Instant.now();
        state = LoadState.DONE;
    }

    void failed(String reason) {
        failure = reason;
        finishedAt = Instant.now();
        state = LoadState.FAILED;
    }

    synchronized LoadStatus status() {
        double progress = state == LoadState.DONE ? 1 : phase.doneBefore() + phase.share * phaseDone;
        Long secondsLeft = null;
        if (state == LoadState.RUNNING && progress >= 0.01) {
            double elapsed = Duration.between(startedAt, Instant.now()).toMillis() / 1000.0;
            secondsLeft = Math.round(elapsed * (1 - progress) / progress);
        } else if (state != LoadState.RUNNING) {
            secondsLeft = 0L;
        }
        return new LoadStatus(id, state, phase, bytes, recordsRead, rejected, List.copyOf(rejections), records, customers,
                progress, secondsLeft, startedAt, finishedAt, failure);
    }
}
