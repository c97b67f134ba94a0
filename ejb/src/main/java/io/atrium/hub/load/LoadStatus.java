package io.atrium.hub.load;

import io.atrium.hub.ingest.IngestResult;

import java.time.Instant;
import java.util.List;

/**
 * A first load as operators see it.
 *
 * @param recordsRead    lines read as records (a key repeated counts each time; the later line wins)
 * @param rejected       lines rejected; {@code rejections} holds the first {@value FirstLoads#REJECTIONS_KEPT}
 * @param records        distinct records loaded (once written)
 * @param customers      customers the records resolved to (once resolved)
 * @param progress       share of the whole load done, 0 to 1
 * @param secondsLeft    estimate of the time left, from the pace so far; null until there is a pace to go by
 * @param failure        why a failed load stopped (exception classes and the database's reason, no record values)
 */
public record LoadStatus(String id, LoadState state, LoadPhase phase, long bytes, long recordsRead, long rejected,
                         List<IngestResult.RejectedLine> rejections, long records, long customers, double progress,
                         Long secondsLeft, Instant startedAt, Instant finishedAt, String failure) {
}
