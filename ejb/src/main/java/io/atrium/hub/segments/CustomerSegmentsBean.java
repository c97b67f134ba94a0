package io.atrium.hub.segments;

import io.atrium.client.CustomerSegments;
import io.atrium.client.InvalidQueryException;
import io.atrium.client.ScoredCustomersPage;
import io.atrium.client.SegmentHistory;
import io.atrium.client.SegmentMembersPage;
import io.atrium.client.SegmentView;
import io.atrium.hub.analytics.CustomerValue;
import io.atrium.hub.analytics.CustomerValueViews;
import io.atrium.hub.analytics.ValueModel;
import io.atrium.hub.analytics.ValueRecompute;
import io.atrium.hub.persistence.TimePeriod;
import io.atrium.hub.security.HubRoles;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Remote;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Segments for people and downstream systems: the remote {@link CustomerSegments} and the no-interface view the REST
 * layer calls. Members are ids with scores, no personal data: nothing is masked or audited.
 */
@Stateless
@Remote(CustomerSegments.class)
@LocalBean
@RolesAllowed({HubRoles.VIEWER, HubRoles.OPERATOR, HubRoles.ADMIN, HubRoles.APP})
public class CustomerSegmentsBean implements CustomerSegments {

    public static final int MAX_PAGE_SIZE = 500;
    static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    /** The API's own path under /segments that a segment's GET would share (every segment's sizes): no segment's name. */
    static final String RESERVED = "history";

    @PersistenceContext(unitName = "atrium")
    EntityManager em;

    @EJB
    SegmentWriter writer;

    @EJB
    ValueRecompute scores;

    @Resource
    SessionContext session;

    @Override
    public List<SegmentView> segments() {
        Map<String, Long> sizes = new HashMap<>();
        em.createQuery("select m.segment, count(m) from SegmentMember m group by m.segment", Object[].class)
                .getResultList().forEach(row -> sizes.put((String) row[0], ((Number) row[1]).longValue()));
        return em.createQuery("select s from Segment s order by s.name", Segment.class).getResultStream()
                .map(s -> view(s, sizes.getOrDefault(s.getName(), 0L)))
                .toList();
    }

    @Override
    public SegmentView segment(String name) {
        Segment segment = name == null ? null : em.find(Segment.class, name);
        return segment == null ? null : view(segment, size(name));
    }

    @Override
    @RolesAllowed(HubRoles.ADMIN)
    // the definition and its members commit together, under the score writer's lock: none of the caller's own
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public SegmentView define(String name, String rule) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new InvalidQueryException("a segment's name is 1 to 64 lower-case letters, digits and dashes, starting with a letter or digit");
        }
        if (RESERVED.equals(name)) {
            throw new InvalidQueryException("a segment cannot be named " + RESERVED + ": /segments/" + RESERVED + " is every segment's sizes");
        }
        SegmentRule parsed = SegmentRule.parse(rule);
        String actor = session.getCallerPrincipal().getName();
        scores.exclusively(() -> writer.save(name, parsed, Segment.Origin.API, actor, ValueModel.today()));
        return segment(name);
    }

    @Override
    @RolesAllowed(HubRoles.ADMIN)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public boolean delete(String name) {
        return name != null && scores.exclusively(() -> writer.remove(name, Segment.Origin.API));
    }

    @Override
    public SegmentMembersPage members(String name, int page, int size) {
        if (page < 0) {
            throw new InvalidQueryException("page must be 0 or more");
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw new InvalidQueryException("size must be between 1 and " + MAX_PAGE_SIZE);
        }
        if (segment(name) == null) {
            return null;
        }
        List<ScoredCustomersPage.ScoredCustomer> customers = em.createQuery(
                        "select v from CustomerValue v, SegmentMember m where m.customerId = v.customerId and m.segment = :segment"
                                + " order by v.currentValue desc, v.customerId", CustomerValue.class)
                .setParameter("segment", name)
                .setFirstResult(page * size)
                .setMaxResults(size)
                .getResultStream()
                .map(CustomerValueViews::scored)
                .toList();
        return new SegmentMembersPage(name, customers, page, size, size(name));
    }

    @Override
    public SegmentHistory history(String name, Instant from, Instant to) {
        return segment(name) == null ? null : histories(List.of(name), from, to).get(0);
    }

    @Override
    public List<SegmentHistory> histories(Instant from, Instant to) {
        return histories(segments().stream().map(SegmentView::name).toList(), from, to);
    }

    /** The named segments' sizes in the period (the newest {@value SegmentHistory#MAX_SIZES} of each), in the order named. */
    private List<SegmentHistory> histories(List<String> names, Instant from, Instant to) {
        Map<String, List<SegmentHistory.Size>> newest = new LinkedHashMap<>();
        names.forEach(name -> newest.put(name, new ArrayList<>()));
        if (!names.isEmpty()) {
            TimePeriod period = TimePeriod.of(from, to);
            em.createQuery("select s from SegmentSize s where s.segment in :segments and s.takenAt between :start and :end"
                            + " order by s.takenAt desc", SegmentSize.class)
                    .setParameter("segments", names)
                    .setParameter("start", period.start())
                    .setParameter("end", period.end())
                    .getResultStream()
                    .forEach(s -> {
                        List<SegmentHistory.Size> sizes = newest.get(s.getSegment());
                        if (sizes.size() < SegmentHistory.MAX_SIZES) {
                            sizes.add(new SegmentHistory.Size(s.getTakenAt(), s.getMembers()));
                        }
                    });
        }
        return newest.entrySet().stream().map(segment -> {
            Collections.reverse(segment.getValue());
            return new SegmentHistory(segment.getKey(), from, to, segment.getValue());
        }).toList();
    }

    @Override
    @RolesAllowed(HubRoles.ADMIN)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public List<SegmentView> recompute() {
        List<String> names = em.createQuery("select s.name from Segment s order by s.name", String.class).getResultList();
        for (String name : names) {
            scores.exclusively(() -> writer.reselect(name, ValueModel.today()));
        }
        return segments();
    }

    private long size(String name) {
        return em.createQuery("select count(m) from SegmentMember m where m.segment = :segment", Long.class)
                .setParameter("segment", name).getSingleResult();
    }

    private static SegmentView view(Segment s, long members) {
        return new SegmentView(s.getName(), s.getRule(), s.getOrigin().name(), members, s.getUpdatedAt(), s.getUpdatedBy(),
                s.getRecomputedAt());
    }
}
