package io.atrium.simulators;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * A ledger as a JSON Lines file, one line per item:
 * `{"source":"sales","kind":"fact","type":"CONTRACT","id":"HT00000001"}`. Shared by the
 * simulators' threads; each line is flushed at once, so the file is complete whenever the
 * process stops.
 */
public final class LedgerFile implements Ledger, AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final BufferedWriter out;

    public LedgerFile(Path file) throws IOException {
        this.out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
    }

    @Override
    public synchronized void add(String source, Kind kind, String type, String id) {
        ObjectNode line = JSON.createObjectNode().put("source", source).put("kind", kind.name().toLowerCase(Locale.ROOT));
        if (type != null) {
            line.put("type", type);
        }
        line.put("id", id);
        try {
            out.write(JSON.writeValueAsString(line));
            out.newLine();
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the ledger", e);
        }
    }

    @Override
    public synchronized void close() throws IOException {
        out.close();
    }
}
