package io.atrium.connectors.common;

import io.atrium.resolution.model.CanonicalMessage;
import io.atrium.resolution.model.InvalidRecordException;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

import java.util.ArrayList;
import java.util.List;

/**
 * Handles one chunk of a line-oriented file (the lines a Camel split grouped together):
 * maps every line through its format's mapping (the one a replay from the quarantine uses),
 * delivers the good ones in one call, quarantines each bad one with file name, line number and
 * reason (a line too long or holding a control character among them, see {@link RawItems}).
 * Chunks keep memory flat however large the file.
 */
public class LineChunkProcessor implements Processor {

    private final String source;
    private final InputFormat format;
    private final int chunkSize;
    /** Lines before the first data line (a header), for line numbers as a person counts them. */
    private final int linesBefore;
    private final CanonicalSink sink;
    private final QuarantineSink quarantine;

    public LineChunkProcessor(String source, InputFormat format, int chunkSize, int linesBefore,
                              CanonicalSink sink, QuarantineSink quarantine) {
        this.source = source;
        this.format = format;
        this.chunkSize = chunkSize;
        this.linesBefore = linesBefore;
        this.sink = sink;
        this.quarantine = quarantine;
    }

    @Override
    public void process(Exchange exchange) {
        String file = exchange.getIn().getHeader(Exchange.FILE_NAME, String.class);
        int firstLine = exchange.getProperty(Exchange.SPLIT_INDEX, Integer.class) * chunkSize + linesBefore + 1;
        String[] lines = exchange.getIn().getBody(String.class).split("\r?\n", -1);
        List<CanonicalMessage> good = new ArrayList<>(lines.length);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            String position = file + " line " + (firstLine + i);
            try {
                good.add(NativeFormats.map(format, lines[i], position));
            } catch (InvalidRecordException e) {
                quarantine.quarantine(new RejectedInput(source, format, position, e.getMessage(), lines[i]));
            }
        }
        if (!good.isEmpty()) {
            sink.deliver(good);
        }
    }
}
