package io.atrium.hub.quality;

import io.atrium.client.DataQuality;
import io.atrium.client.InvalidQueryException;
import io.atrium.client.QualityHistory;
import io.atrium.client.QualityReport;
import io.atrium.hub.security.HubRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Remote;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import java.time.Instant;

/**
 * The {@link DataQuality} service: remote for downstream applications, no-interface for the hub's REST layer.
 * The figures are counts and shares, no personal value, so every hub role may read them.
 */
@Stateless
@Remote(DataQuality.class)
@LocalBean
@RolesAllowed({HubRoles.VIEWER, HubRoles.OPERATOR, HubRoles.ADMIN, HubRoles.APP})
public class DataQualityBean implements DataQuality {

    @Inject
    QualityFigures figures;

    @Inject
    QualitySnapshots snapshots;

    @Override
    public QualityReport current() {
        return figures.compute(Instant.now());
    }

    @Override
    @RolesAllowed(HubRoles.ADMIN)
    public QualityReport takeSnapshot() {
        return snapshots.take();
    }

    @Override
    public QualityHistory history(String source, Instant from, Instant to) throws InvalidQueryException {
        if (from != null && to != null && from.isAfter(to)) {
            throw new InvalidQueryException("from is after to");
        }
        return snapshots.history(source, from, to);
    }
}
