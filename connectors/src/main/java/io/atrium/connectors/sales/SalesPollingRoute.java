package io.atrium.connectors.sales;

import io.atrium.connectors.common.ConnectorRouteBuilder;

/**
 * Polls the sales database on a timer. Each table is read in batches until it is drained;
 * each batch runs through a {@link BatchPoll}, which the hub wraps in one transaction.
 */
public class SalesPollingRoute extends ConnectorRouteBuilder {

    public static final String ROUTE_ID = "sales-poll";

    /** One batch of one table, in one transaction; returns how many rows it took. */
    @FunctionalInterface
    public interface BatchPoll {
        int poll(SalesTable table, int batchSize);
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
        from("timer:sales-poll?delay=1000&period={{atrium.sales.poll-period}}")
                .routeId(ROUTE_ID)
                .process(exchange -> {
                    // customers first: a contract's party is then usually known when its fact arrives
                    for (SalesTable table : SalesTable.values()) {
                        int taken;
                        do {
                            taken = pollBatch.poll(table, batchSize);
                        } while (taken >= batchSize);
                    }
                });
    }
}
