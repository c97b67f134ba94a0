package io.atrium.connectors.canonical;

import io.atrium.connectors.common.CanonicalSink;
import io.atrium.connectors.common.ConnectorRouteBuilder;
import io.atrium.connectors.common.InputFormat;
import io.atrium.connectors.common.LineChunkProcessor;
import io.atrium.connectors.common.QuarantineSink;

/**
 * Canonical party records from any other system, dropped as JSON Lines files (`*.jsonl`,
 * UTF-8) into the inbox. Each file is read once, in chunks; processed files move to `.done/`. A line
 * that breaks the {@link CanonicalSourceRules} is quarantined with the reason, like a malformed one.
 */
public class CanonicalFileDropRoute extends ConnectorRouteBuilder {

    public static final String ROUTE_ID = "canonical-file-drop";
    private static final int CHUNK = 500;

    private final CanonicalSink sink;
    private final QuarantineSink quarantine;
    private final CanonicalSourceRules rules;

    public CanonicalFileDropRoute(CanonicalSink sink, QuarantineSink quarantine, CanonicalSourceRules rules) {
        this.sink = sink;
        this.quarantine = quarantine;
        this.rules = rules;
    }

    @Override
    public String source() {
        return "canonical";
    }

    @Override
    protected void configureRoutes() {
        from("file:{{atrium.canonical.inbox}}?include=.*\\.jsonl&charset=UTF-8&readLock=changed"
                + "&delay={{atrium.canonical.poll-delay}}&move=.done/${file:name}")
                .routeId(ROUTE_ID)
                .split(body().tokenize("\n", CHUNK, false)).streaming()
                    .process(new LineChunkProcessor("canonical", InputFormat.CANONICAL_JSON, CHUNK, 0, sink, quarantine,
                            rules::admitDropped))
                .end();
    }
}
