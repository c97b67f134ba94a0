package io.atrium.hub.polling;

import io.atrium.connectors.common.SourceClock;
import io.atrium.connectors.common.TakenVersions;
import io.atrium.connectors.sales.SalesPollingRoute;
import io.atrium.connectors.sales.SalesTable;
import io.atrium.connectors.sales.SalesTablePoller;
import io.atrium.connectors.sales.Watermark;
import io.atrium.hub.activity.ConnectorActivity;
import io.atrium.hub.ingest.RecordIngestion;
import io.atrium.hub.progress.ConnectorProgressStore;
import io.atrium.hub.quarantine.Quarantine;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Stateless;

import javax.sql.DataSource;

/**
 * One batch of the sales database in one JTA transaction: the queued messages, the
 * quarantined rows and the new watermark commit together. The sales datasource is not
 * enlisted (jta=false): it is only read.
 */
// Open to every caller: the hub's own routes, consumers and timers call it without a caller
// identity; users reach it only through role-checked beans.
@PermitAll
@Stateless
@LocalBean
public class SalesPolling implements SalesPollingRoute.BatchPoll {

    @Resource(lookup = "java:jboss/datasources/SalesDS")
    DataSource salesDatabase;

    @EJB
    ConnectorProgressStore progress;

    @EJB
    RecordIngestion ingestion;

    @EJB
    Quarantine quarantine;

    @EJB
    ConnectorActivity activity;

    @Override
    public SalesTablePoller.Batch poll(SalesTable table, Watermark after, int batchSize, SourceClock sourceClock,
                                       TakenVersions alreadyTaken) {
        return new SalesTablePoller(salesDatabase, progress, ingestion::enqueue, quarantine::record, sourceClock, activity::futureDated)
                .pollOnce(table, after, batchSize, alreadyTaken);
    }
}
