package io.atrium.connectors.leasing;

import io.atrium.connectors.common.CanonicalSink;
import io.atrium.connectors.common.ConnectorRouteBuilder;
import io.atrium.connectors.common.InputFormat;
import io.atrium.connectors.common.LineChunkProcessor;
import io.atrium.connectors.common.ProcessedInputRepository;
import io.atrium.connectors.common.ProgressStore;
import io.atrium.connectors.common.QuarantineSink;

/**
 * The leasing system's exports: `tenants_YYYYMMDDHHMMSS.csv` in GBK with CRLF line ends,
 * taken only once its `.done` marker is there, never twice (the processed file names are
 * kept in the hub's database), moved to `.processed/` afterwards. The endpoint is an
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
        getContext().getRegistry().bind("leasingProcessedFiles", new ProcessedInputRepository(progress, "leasing-file"));
        String endpoint = setting("atrium.leasing.endpoint");
        from(withOptions(endpoint, "include=tenants_\\d{14}\\.csv&sortBy=file:name&charset=GBK&doneFileName=${file:name}.done"
                + "&idempotent=true&idempotentKey=${file:name}&idempotentRepository=#leasingProcessedFiles"
                + "&move=.processed/${file:name}&delay={{atrium.leasing.poll-delay}}"))
                .routeId(ROUTE_ID)
                // the header row is skipped; line numbers count it, as a person opening the file would
                .split(body().tokenize("\n", CHUNK, true)).streaming()
                    .process(new LineChunkProcessor("leasing", InputFormat.LEASING_CSV_ROW,
                            LeaseRowMapper::map, CHUNK, 1, sink, quarantine))
                .end();
    }
}
