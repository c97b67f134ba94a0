package io.atrium.connectors.common;

import io.atrium.resolution.model.CanonicalMessage;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

import java.util.function.Consumer;

/**
 * Handles one chunk of a line-oriented file (the lines a Camel split grouped together):
 * maps every line through its format's mapping (the one a replay from the quarantine uses) in
 * one {@link IntakeBatch}: the good ones are delivered in one call, each bad one quarantined with
 * file name, line number and reason (a line too long or holding a control character among them,
 * see {@link RawItems}, or one its connector's admission refuses). Chunks keep memory flat however
 * large the file.
 */
public class LineChunkProcessor implements Processor {

    private final String source;
    private final InputFormat format;
    private final int chunkSize;
    /** Lines before the first data line (a header), for line numbers as a person counts them. */
    private final int linesBefore;
    private final CanonicalSink sink;
    private final QuarantineSink quarantine;
    /** What the connector checks beyond the format, on the mapped message; throws InvalidRecordException. */
    private final Consumer<CanonicalMessage> admission;

    public LineChunkProcessor(String source, InputFormat format, int chunkSize, int linesBefore,
                              CanonicalSink sink, QuarantineSink quarantine, Consumer<CanonicalMessage> admission) {
        this.source = source;
        this.format = format;
        this.chunkSize = chunkSize;
        this.linesBefore = linesBefore;
        this.sink = sink;
        this.quarantine = quarantine;
        this.admission = admission;
    }

    @Override
    public void process(Exchange exchange) {
        String file = exchange.getIn().getHeader(Exchange.FILE_NAME, String.class);
        int firstLine = exchange.getProperty(Exchange.SPLIT_INDEX, Integer.class) * chunkSize + linesBefore + 1;
        String[] lines = exchange.getIn().getBody(String.class).split("\r?\n", -1);
        IntakeBatch batch = new IntakeBatch(source);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.isBlank()) {
                continue;
            }
            String position = file + " line " + (firstLine + i);
            batch.add(format, position, () -> line, () -> {
                CanonicalMessage message = NativeFormats.map(format, line, position);
                admission.accept(message);
                return message;
            });
        }
        batch.handOver(sink, quarantine);
    }
}
