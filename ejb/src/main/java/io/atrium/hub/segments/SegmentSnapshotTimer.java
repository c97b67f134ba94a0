package io.atrium.hub.segments;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
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
 * Records every segment's size on the configured calendar (daily at 03:00 UTC by default), so that sizes over time
 * build up between full recomputes. Not persistent: a day missed while the hub was down is not made up.
 */
// Open to every caller: only the container's timer calls it, without a caller identity.
@PermitAll
@Singleton
@Startup
public class SegmentSnapshotTimer {

    private static final Logger LOG = Logger.getLogger(SegmentSnapshotTimer.class.getName());

    @Resource
    TimerService timers;

    @EJB
    SegmentWriter writer;

    @Inject
    @ConfigProperty(name = "atrium.segments.snapshots-enabled")
    boolean enabled;

    @Inject
    @ConfigProperty(name = "atrium.segments.snapshot-hours")
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
        int segments = writer.recordSizes();
        LOG.info(() -> "segment sizes recorded: " + segments + " segments");
    }
}
