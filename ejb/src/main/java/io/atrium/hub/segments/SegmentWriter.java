package io.atrium.hub.segments;

import io.atrium.client.InvalidQueryException;
import io.atrium.hub.analytics.ValueModel;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * One transaction of segment writing each: a definition saved with its members selected, a segment removed, a segment's
 * members selected again, every size recorded. Callers hold the score writer's lock ({@code ValueRecompute.exclusively}),
 * so no drain updates a customer's memberships meanwhile.
 */
// Open to every caller: the hub's startup and timer call it without a caller identity;
// users reach it only through role-checked beans.
@PermitAll
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class SegmentWriter {

    @PersistenceContext(unitName = "atrium")
    EntityManager em;

    @Resource(lookup = "java:jboss/datasources/AtriumDS")
    DataSource dataSource;

    /**
     * Creates or changes the segment and selects its members as of {@code today}.
     *
     * @throws InvalidQueryException the API changing a segment of configuration
     */
    public Segment save(String name, SegmentRule rule, Segment.Origin origin, String actor, LocalDate today) {
        Segment segment = em.find(Segment.class, name);
        if (segment == null) {
            // defined before it is persisted: the insert takes the state at persist
            segment = new Segment(name, origin);
            segment.define(rule.text(), actor, now());
            em.persist(segment);
        } else if (segment.getOrigin() != origin) {
            throw new InvalidQueryException("segment " + name + " is defined in " + segment.getOrigin().name().toLowerCase()
                    + (segment.getOrigin() == Segment.Origin.CONFIG ? " (atrium.segments." + name + ".rule): change it there" : ""));
        } else {
            segment.define(rule.text(), actor, now());
        }
        select(segment, rule, today);
        return segment;
    }

    /** @return false when there was none */
    public boolean remove(String name, Segment.Origin origin) {
        Segment segment = em.find(Segment.class, name);
        if (segment == null) {
            return false;
        }
        if (segment.getOrigin() != origin) {
            throw new InvalidQueryException("segment " + name + " is defined in " + segment.getOrigin().name().toLowerCase()
                    + ": remove it there");
        }
        em.remove(segment);
        em.createQuery("delete from SegmentSize s where s.segment = :name").setParameter("name", name).executeUpdate();
        try (Connection connection = dataSource.getConnection()) {
            new SegmentTables(ValueModel.GROUP_ZONE).clear(connection, name);
        } catch (SQLException e) {
            throw new IllegalStateException("removing a segment's members failed", e);
        }
        return true;
    }

    /** Selects the segment's members again as of {@code today}; false when it is gone. */
    public boolean reselect(String name, LocalDate today) {
        Segment segment = em.find(Segment.class, name);
        if (segment == null) {
            return false;
        }
        select(segment, SegmentRule.parse(segment.getRule()), today);
        return true;
    }

    /** Records every segment's size now (the daily snapshot). */
    public int recordSizes() {
        Instant at = now();
        List<Object[]> sizes = em.createQuery("select s.name, (select count(m) from SegmentMember m where m.segment = s.name)"
                + " from Segment s", Object[].class).getResultList();
        sizes.forEach(size -> em.persist(new SegmentSize((String) size[0], at, ((Number) size[1]).longValue())));
        return sizes.size();
    }

    private void select(Segment segment, SegmentRule rule, LocalDate today) {
        em.flush();
        int members;
        try (Connection connection = dataSource.getConnection()) {
            members = new SegmentTables(ValueModel.GROUP_ZONE).select(connection, segment.getName(), rule, today);
        } catch (SQLException e) {
            throw new IllegalStateException("selecting a segment's members failed", e);
        }
        Instant at = now();
        segment.recomputed(at);
        em.persist(new SegmentSize(segment.getName(), at, members));
    }

    /** To the microsecond, as the databases keep it: the time answered is the time history gives back. */
    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
