package io.atrium.hub.segments;

import io.atrium.hub.analytics.ValueModel;
import io.atrium.hub.analytics.ValueRecompute;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Brings the segments of configuration ({@code atrium.segments.<name>.rule}) into the table at startup: a new or
 * changed one is saved and its members selected, one no longer configured is removed. A rule configuration cannot
 * read stops the deployment with the reason, as any bad setting does.
 */
// Open to every caller: only the container calls it, at startup.
@PermitAll
@Singleton
@Startup
// after the bean whose settings also list the configuration's names (the canonical sources' writers): MicroProfile
// Config's name listing is not safe for two callers at once (a ConcurrentModificationException failed a deployment)
@DependsOn("CamelBootstrap")
public class SegmentDefinitions {

    private static final Logger LOG = Logger.getLogger(SegmentDefinitions.class.getName());
    private static final String PREFIX = "atrium.segments.";
    private static final Pattern KEY = Pattern.compile(Pattern.quote(PREFIX) + "([^.]+)\\.rule");
    static final String ACTOR = "configuration";

    @PersistenceContext(unitName = "atrium")
    EntityManager em;

    @EJB
    SegmentWriter writer;

    @EJB
    ValueRecompute scores;

    @PostConstruct
    void synchronize() {
        Config config = ConfigProvider.getConfig();
        Map<String, SegmentRule> configured = configured(config.getPropertyNames(), key -> config.getValue(key, String.class));
        Map<String, String> stored = new TreeMap<>();
        em.createQuery("select s from Segment s where s.origin = :origin", Segment.class)
                .setParameter("origin", Segment.Origin.CONFIG)
                .getResultStream().forEach(s -> stored.put(s.getName(), s.getRule()));
        configured.forEach((name, rule) -> {
            if (!rule.text().equals(stored.get(name))) {
                scores.exclusively(() -> writer.save(name, rule, Segment.Origin.CONFIG, ACTOR, ValueModel.today()));
                LOG.info(() -> "segment " + name + " saved from configuration");
            }
        });
        stored.keySet().stream().filter(name -> !configured.containsKey(name)).forEach(name -> {
            scores.exclusively(() -> writer.remove(name, Segment.Origin.CONFIG));
            LOG.info(() -> "segment " + name + " removed: no longer configured");
        });
    }

    /** The segments configuration defines, by name, from its property names and values. */
    static Map<String, SegmentRule> configured(Iterable<String> propertyNames, Function<String, String> value) {
        Map<String, SegmentRule> segments = new TreeMap<>();
        for (String key : propertyNames) {
            Matcher segment = KEY.matcher(key);
            if (segment.matches()) {
                String name = segment.group(1);
                if (!CustomerSegmentsBean.NAME.matcher(name).matches() || CustomerSegmentsBean.RESERVED.equals(name)) {
                    throw new IllegalArgumentException(key + ": a segment's name is lower-case letters, digits and dashes, and not "
                            + CustomerSegmentsBean.RESERVED);
                }
                try {
                    segments.put(name, SegmentRule.parse(value.apply(key)));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(key + ": " + e.getMessage(), e);
                }
            }
        }
        return segments;
    }
}
