package io.atrium.hub.ingest;

import java.util.List;

/** The answer to a JSON Lines ingest: how many lines were queued, and why the others were not. */
public record IngestResult(int accepted, int rejected, List<RejectedLine> rejections) {

    public record RejectedLine(int line, String reason) {
    }
}
