package io.atrium.connectors.leasing;

import io.atrium.connectors.common.CanonicalSink;
import io.atrium.connectors.common.ConnectorRouteBuilder;
import io.atrium.connectors.common.InputFormat;
import io.atrium.connectors.common.LineChunkProcessor;
import io.atrium.connectors.common.ProcessedInputRepository;
import io.atrium.connectors.common.ProgressStore;
import io.atrium.connectors.common.QuarantineSink;
import io.atrium.connectors.common.RejectedInput;
import org.apache.camel.Exchange;

/**
 * The leasing system's exports: `tenants_YYYYMMDDHHMMSS.csv` in GBK with CRLF line ends,
 * taken only once its `.done` marker is there, never twice (the processed file names are
 * kept in the hub's database; an export delivered again under a processed name is
 * quarantined unread, so that operators see it), moved to `.processed/` afterwards (prefixed with the time it was done). The endpoint is an
 * operator's choice: a local directory or, in production, an SFTP URI.
 */
public class LeasingFileRoute extends ConnectorRouteBuilder {

    public static final String ROUTE_ID = "leasing-files";
    private static final int CHUNK = 500;

    private final CanonicalSink sink;
    private final QuarantineSink quarantine;

    private final ProgressStore progress;

    public LeasingFileRoute(CanonicalSink sink, QuarantineSink quarantine, ProgressStore progress) {
        this.sink = sink;
        this.quarantine = quarantine;
        this.progress = progress;
    }

    @Override
    public String source() {
        return "leasing";
    }

    @Override
    protected void configureRoutes() {
        ProcessedInputRepository processedFiles = new ProcessedInputRepository(progress, "leasing-file");
        String endpoint = setting("atrium.leasing.endpoint");
        from(withOptions(endpoint, "include=tenants_\\d{14}\\.csv&sortBy=file:name&charset=GBK&doneFileName=${file:name}.done"
                // a re-delivered name must not overwrite the export that was processed under it
                + "&move=.processed/${date:now:yyyyMMddHHmmssSSS}-${file:name}&delay={{atrium.leasing.poll-delay}}"))
                .routeId(ROUTE_ID)
                // taken when it starts, processed when it completes; a failed file is taken again on the next poll
                .idempotentConsumer(header(Exchange.FILE_NAME), processedFiles)
                    .skipDuplicate(false).eager(true).completionEager(false).removeOnFailure(true)
                .choice()
                    .when(exchangeProperty(Exchange.DUPLICATE_MESSAGE).isEqualTo(true))
                        // an export under a name already processed is never read again, but operators see it
                        .process(exchange -> quarantine.quarantine(new RejectedInput(source(), InputFormat.LEASING_EXPORT,
                                exchange.getIn().getHeader(Exchange.FILE_NAME, String.class),
                                "an export with this name was already processed; it is not read again", "")))
                    .otherwise()
                        // the header row is skipped; line numbers count it, as a person opening the file would
                        .split(body().tokenize("\n", CHUNK, true)).streaming()
                            .process(new LineChunkProcessor(source(), InputFormat.LEASING_CSV_ROW, CHUNK, 1, sink, quarantine,
                                    message -> { }))
                        .end()
                .end();
    }
}
