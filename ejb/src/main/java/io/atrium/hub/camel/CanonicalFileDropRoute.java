package io.atrium.hub.camel;

import io.atrium.hub.ingest.ResolverQueue;
import io.atrium.resolution.model.InvalidRecordException;
import io.atrium.resolution.model.PartyRecordJson;
import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;

/**
 * Canonical party records dropped as JSON Lines files (`*.jsonl`) into the inbox: each valid
 * line goes to the resolver queue, each invalid line is reported with file, line and reason,
 * and the file is moved to `.done` (or `.failed` if it cannot be read at all).
 */
class CanonicalFileDropRoute extends RouteBuilder {

    static final String ROUTE_ID = "canonical-file-drop";
    private static final String REJECTED = "atriumRejected";

    @Override
    public void configure() {
        from("file:{{atrium.canonical.inbox}}?include=.*\\.jsonl&charset=UTF-8&readLock=changed"
                + "&delay={{atrium.canonical.poll-delay}}&move=.done/${file:name}&moveFailed=.failed/${file:name}")
                .routeId(ROUTE_ID)
                .split(body().tokenize("\n")).streaming()
                    .filter(simple("${body.trim()} != ''"))
                    .process(CanonicalFileDropRoute::parse)
                    .choice()
                        .when(exchangeProperty(REJECTED).isNotNull())
                            .log(LoggingLevel.WARN, "rejected ${header.CamelFileName} line ${exchangeProperty.atriumLine}: ${exchangeProperty.atriumRejected}")
                        .otherwise()
                            .to("jms:queue:" + ResolverQueue.NAME)
                    .end()
                .end();
    }

    private static void parse(Exchange exchange) {
        int line = exchange.getProperty(Exchange.SPLIT_INDEX, Integer.class) + 1;
        exchange.setProperty("atriumLine", line);
        try {
            exchange.getIn().setBody(PartyRecordJson.write(PartyRecordJson.read(exchange.getIn().getBody(String.class))));
        } catch (InvalidRecordException e) {
            exchange.setProperty(REJECTED, e.getMessage());
        }
    }
}
