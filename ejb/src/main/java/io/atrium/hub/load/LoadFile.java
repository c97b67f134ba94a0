package io.atrium.hub.load;

import io.atrium.connectors.common.InputFormat;
import io.atrium.connectors.common.IntakeBatch;
import io.atrium.connectors.common.NativeFormats;
import io.atrium.connectors.common.RejectedInput;
import io.atrium.resolution.model.CanonicalMessage;
import io.atrium.resolution.model.PartyRecord;
import io.atrium.resolution.model.PartyRecordJson;
import io.atrium.resolution.model.RecordKey;
import io.atrium.resolution.standardize.StandardizedRecord;
import io.atrium.resolution.standardize.Standardizer;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A load's records read from its spooled JSON Lines: each line mapped and checked as a line posted to
 * {@code /ingest/records} is (kind and ID type completed, values the hub could not store refused), a
 * broken one rejected with its line number and reason; the good ones standardized. A key given twice
 * keeps its later line, as {@code hub-match resolve} does.
 */
final class LoadFile {

    private static final int CHUNK = 10_000;

    /** A record to load: as stated, as the hub stores it (its canonical JSON) and as the matcher reads it. */
    record Loaded(PartyRecord record, String payload, StandardizedRecord standardized) {
    }

    private LoadFile() {
    }

    static List<Loaded> read(Path file, LoadProgress progress) throws IOException {
        Map<RecordKey, Loaded> latest = new LinkedHashMap<>();
        try (FileChannel channel = FileChannel.open(file);
             BufferedReader reader = new BufferedReader(Channels.newReader(channel, StandardCharsets.UTF_8), 1 << 16)) {
            long size = Math.max(1, channel.size());
            int lineNumber = 0;
            long read = 0;
            boolean more = true;
            while (more) {
                IntakeBatch batch = new IntakeBatch("load");
                int lines = 0;
                String line;
                while (lines < CHUNK && (line = reader.readLine()) != null) {
                    lineNumber++;
                    lines++;
                    if (line.isBlank()) {
                        continue;
                    }
                    String text = line;
                    String position = "load line " + lineNumber;
                    Optional<RejectedInput> refused = batch.add(InputFormat.CANONICAL_JSON, position, () -> text,
                            () -> NativeFormats.map(InputFormat.CANONICAL_JSON, text, position));
                    if (refused.isPresent()) {
                        progress.rejected(lineNumber, refused.get().reason());
                    } else {
                        read++;
                    }
                }
                more = lines == CHUNK;
                List<PartyRecord> parties = new ArrayList<>();
                batch.handOver(messages -> messages.stream().map(CanonicalMessage::getParty).forEach(parties::add), refusal -> { });
                // standardizing is most of a line's cost: on every core
                parties.parallelStream()
                        .map(party -> new Loaded(party, PartyRecordJson.write(party), Standardizer.standardize(party)))
                        .toList()
                        .forEach(loaded -> {
                            latest.remove(loaded.standardized().key());
                            latest.put(loaded.standardized().key(), loaded);
                        });
                progress.read(read);
                progress.phaseDone((double) channel.position() / size);
            }
        }
        return new ArrayList<>(latest.values());
    }
}
