package io.atrium.hub.quality;

import io.atrium.hub.polling.ElectedNode;
import io.atrium.hub.segments.SegmentWriter;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.ScheduleExpression;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.logging.Logger;

/**
 * The figures the console charts over time, taken on their configured calendars (daily at 03:00 UTC by default) so
 * that the trends build up without anyone asking: a data-quality snapshot ({@code atrium.quality.snapshot*}) and
 * every segment's size ({@code atrium.segments.snapshot*}). Calendar timers made from configuration, since
 * {@code @Schedule} cannot read it; not persistent, so a day missed while the hub was down is not made up. On two
 * nodes only the elected one takes them: the rows are the cluster's, one per day.
 */
// Open to every caller: only the container's timers call it, without a caller identity.
@PermitAll
@Singleton
@Startup
public class DailySnapshots {

    private static final Logger LOG = Logger.getLogger(DailySnapshots.class.getName());

    /** What a timer takes (its info). */
    enum Figures { QUALITY, SEGMENT_SIZES }

    @Resource
    TimerService timers;

    @Inject
    QualitySnapshots quality;

    @EJB
    SegmentWriter segments;

    @Inject
    @ConfigProperty(name = "atrium.quality.snapshots-enabled")
    boolean qualityEnabled;

    @Inject
    @ConfigProperty(name = "atrium.quality.snapshot-hours")
    String qualityHours;

    @Inject
    @ConfigProperty(name = "atrium.segments.snapshots-enabled")
    boolean segmentsEnabled;

    @Inject
    @ConfigProperty(name = "atrium.segments.snapshot-hours")
    String segmentHours;

    @PostConstruct
    void schedule() {
        daily(qualityEnabled, qualityHours, Figures.QUALITY);
        daily(segmentsEnabled, segmentHours, Figures.SEGMENT_SIZES);
    }

    private void daily(boolean enabled, String hours, Figures figures) {
        if (enabled) {
            timers.createCalendarTimer(new ScheduleExpression().timezone("UTC").hour(hours).minute(0).second(0),
                    new TimerConfig(figures, false));
        }
    }

    @Timeout
    void take(Timer timer) {
        if (!ElectedNode.isThisOne()) {
            return;
        }
        switch ((Figures) timer.getInfo()) {
            case QUALITY -> {
                int sources = quality.take().sources().size();
                LOG.info(() -> "data-quality snapshot taken: " + sources + " sources");
            }
            case SEGMENT_SIZES -> {
                int recorded = segments.recordSizes();
                LOG.info(() -> "segment sizes recorded: " + recorded + " segments");
            }
        }
    }
}
