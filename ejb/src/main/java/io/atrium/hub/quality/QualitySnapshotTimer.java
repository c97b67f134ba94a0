package io.atrium.hub.quality;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.ScheduleExpression;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.logging.Logger;

/**
 * Takes a data-quality snapshot on the configured calendar (daily at 03:00 UTC by default), so that the
 * trend builds up without anyone asking. A calendar timer made from configuration, since {@code @Schedule}
 * cannot read it; not persistent, so a snapshot missed while the hub was down is not made up.
 */
// Open to every caller: only the container's timer calls it, without a caller identity.
@PermitAll
@Singleton
@Startup
public class QualitySnapshotTimer {

    private static final Logger LOG = Logger.getLogger(QualitySnapshotTimer.class.getName());

    @Resource
    TimerService timers;

    @Inject
    QualitySnapshots snapshots;

    @Inject
    @ConfigProperty(name = "atrium.quality.snapshots-enabled")
    boolean enabled;

    @Inject
    @ConfigProperty(name = "atrium.quality.snapshot-hours")
    String hours;

    @PostConstruct
    void schedule() {
        if (enabled) {
            timers.createCalendarTimer(new ScheduleExpression().timezone("UTC").hour(hours).minute(0).second(0),
                    new TimerConfig(null, false));
        }
    }

    @Timeout
    void snapshot() {
        int sources = snapshots.take().sources().size();
        LOG.info(() -> "data-quality snapshot taken: " + sources + " sources");
    }
}
