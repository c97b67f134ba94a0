package io.atrium.connectors.sales;

import io.atrium.connectors.common.ConnectorRouteBuilder;
import io.atrium.connectors.common.SourceClock;
import io.atrium.connectors.common.TakenVersions;

import java.util.EnumMap;
import java.util.Map;

/**
 * Polls the sales database on a timer. Each table is read in batches until it is drained;
 * each batch runs through a {@link BatchPoll}, which the hub wraps in one transaction.
 */
public class SalesPollingRoute extends ConnectorRouteBuilder {

    public static final String ROUTE_ID = "sales-poll";

    /** One batch of one table after the given position (null: the stored watermark), in one transaction. */
    @FunctionalInterface
    public interface BatchPoll {
        SalesTablePoller.Batch poll(SalesTable table, Watermark after, int batchSize, SourceClock sourceClock,
                                    TakenVersions alreadyTaken);
    }

    private final BatchPoll pollBatch;

    public SalesPollingRoute(BatchPoll pollBatch) {
        this.pollBatch = pollBatch;
    }

    @Override
    public String source() {
        return "sales";
    }

    @Override
    protected void configureRoutes() {
        int batchSize = Integer.parseInt(setting("atrium.sales.batch-size"));
        SourceClock sourceClock = SourceClock.of(setting("atrium.sales.clock-skew"));
        Map<SalesTable, TakenVersions> taken = new EnumMap<>(SalesTable.class);
        for (SalesTable table : SalesTable.values()) {
            taken.put(table, new TakenVersions());
        }
        from("timer:sales-poll?delay=1000&period={{atrium.sales.poll-period}}")
                .routeId(ROUTE_ID)
                .process(exchange -> {
                    // customers first: a contract's party is then usually known when its fact arrives
                    for (SalesTable table : SalesTable.values()) {
                        TakenVersions versions = taken.get(table);
                        // what a poll reads again lies after now minus the skew, give or take the skew itself
                        versions.forgetBefore(sourceClock.watermarkCap().minus(sourceClock.skew()));
                        SalesTablePoller.Batch batch = null;
                        do {
                            batch = pollBatch.poll(table, batch == null ? null : batch.last(), batchSize, sourceClock, versions);
                            // the batch's transaction has committed: its rows are queued or quarantined for good
                            versions.addAll(batch.taken());
                        } while (batch.read() >= batchSize);
                    }
                });
    }
}
