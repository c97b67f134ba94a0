package io.atrium.hub.campaigns;

import io.atrium.client.CampaignMembersPage;
import io.atrium.client.CampaignRequest;
import io.atrium.client.CampaignResults;
import io.atrium.client.CampaignReturns;
import io.atrium.client.CampaignView;
import io.atrium.client.InvalidQueryException;
import io.atrium.hub.analytics.ValueModel;
import io.atrium.hub.analytics.ValueSettings;
import io.atrium.hub.security.HubRoles;
import io.atrium.hub.segments.Segment;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Remote;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;

import javax.sql.DataSource;
import java.math.RoundingMode;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;

/**
 * Campaigns and their return for people and downstream systems: the remote {@link CampaignReturns} and the no-interface
 * view the REST layer calls. Members are customer ids; figures are counts and amounts: no personal data.
 */
@Stateless
@Remote(CampaignReturns.class)
@LocalBean
@RolesAllowed({HubRoles.VIEWER, HubRoles.OPERATOR, HubRoles.ADMIN, HubRoles.APP})
public class CampaignReturnsBean implements CampaignReturns {

    public static final int MAX_PAGE_SIZE = 500;
    static final int MAX_RESPONSE_DAYS = 3650;

    @PersistenceContext(unitName = "atrium")
    EntityManager em;

    @Resource(lookup = "java:jboss/datasources/AtriumDS")
    DataSource dataSource;

    @Inject
    ValueSettings settings;

    @Resource
    SessionContext session;

    @Override
    public List<CampaignView> campaigns() {
        return em.createQuery("select c from Campaign c order by c.createdAt desc, c.id desc", Campaign.class)
                .getResultStream().map(CampaignReturnsBean::view).toList();
    }

    @Override
    public CampaignView campaign(long id) {
        Campaign campaign = em.find(Campaign.class, id);
        return campaign == null ? null : view(campaign);
    }

    @Override
    @RolesAllowed(HubRoles.ADMIN)
    public CampaignView record(CampaignRequest request) {
        Campaign campaign = validated(request);
        em.persist(campaign);
        em.flush();
        try (Connection connection = dataSource.getConnection()) {
            List<String> members = CampaignTables.segmentMembers(connection, campaign.getSegment());
            Set<String> heldOut = Holdout.draw(members, campaign.getHoldoutShare(), campaign.getSeed());
            if (heldOut.isEmpty() || heldOut.size() == members.size()) {
                // a refused query does not roll back by itself (ejb-jar.xml): the campaign persisted above must go
                session.setRollbackOnly();
                throw new InvalidQueryException("segment " + campaign.getSegment() + " has " + members.size()
                        + " members: too few to hold out a share of " + campaign.getHoldoutShare() + " and target the rest");
            }
            CampaignTables.store(connection, campaign.getId(), members, heldOut);
            campaign.drawn(members.size() - heldOut.size(), heldOut.size());
        } catch (SQLException e) {
            throw new IllegalStateException("drawing a campaign's holdout failed", e);
        }
        return view(campaign);
    }

    @Override
    public CampaignMembersPage members(long id, Boolean heldOut, int page, int size) {
        if (page < 0) {
            throw new InvalidQueryException("page must be 0 or more");
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw new InvalidQueryException("size must be between 1 and " + MAX_PAGE_SIZE);
        }
        if (em.find(Campaign.class, id) == null) {
            return null;
        }
        String where = " from CampaignMember m where m.campaignId = :id" + (heldOut == null ? "" : " and m.heldOut = :heldOut");
        long total = part(em.createQuery("select count(m)" + where, Long.class), id, heldOut).getSingleResult();
        List<CampaignMembersPage.Member> members = part(em.createQuery("select m" + where + " order by m.customerId",
                CampaignMember.class), id, heldOut)
                .setFirstResult(page * size)
                .setMaxResults(size)
                .getResultStream()
                .map(m -> new CampaignMembersPage.Member(m.getCustomerId(), m.isHeldOut()))
                .toList();
        return new CampaignMembersPage(id, members, page, size, total);
    }

    @Override
    public List<CampaignResults> allResults() {
        return campaigns().stream().map(campaign -> results(campaign.id())).toList();
    }

    @Override
    public CampaignResults results(long id) {
        Campaign campaign = em.find(Campaign.class, id);
        if (campaign == null) {
            return null;
        }
        LocalDate end = campaign.getDate().plusDays(campaign.getResponseDays());
        Instant from = campaign.getDate().atStartOfDay(ValueModel.GROUP_ZONE).toInstant();
        Instant to = end.atStartOfDay(ValueModel.GROUP_ZONE).toInstant();
        try (Connection connection = dataSource.getConnection()) {
            ResponseTally[] parts = CampaignTables.tally(connection, id, campaign.getTargeted(), campaign.getHeldOut(), from, to);
            return CampaignReturn.of(id, from, to, !ValueModel.today().isBefore(end), parts[0], parts[1], campaign.getCost(),
                    settings.leaseMonthsCounted());
        } catch (SQLException e) {
            throw new IllegalStateException("tallying a campaign's responses failed", e);
        }
    }

    private Campaign validated(CampaignRequest request) {
        if (request == null) {
            throw new InvalidQueryException("a campaign is {\"name\", \"segment\", \"date\", \"cost\", \"holdoutShare\", \"responseDays\"}");
        }
        if (request.name() == null || request.name().isBlank() || request.name().strip().length() > 200) {
            throw new InvalidQueryException("name is required, at most 200 characters");
        }
        if (request.segment() == null || em.find(Segment.class, request.segment()) == null) {
            throw new InvalidQueryException("segment must name an existing segment");
        }
        if (request.date() == null) {
            throw new InvalidQueryException("date is required (YYYY-MM-DD)");
        }
        if (request.cost() == null || request.cost().signum() < 0) {
            throw new InvalidQueryException("cost is required, 0 or more");
        }
        if (request.holdoutShare() == null || !(request.holdoutShare() > 0 && request.holdoutShare() < 1)) {
            throw new InvalidQueryException("holdoutShare is required, between 0 and 1 (both excluded)");
        }
        if (request.responseDays() == null || request.responseDays() < 1 || request.responseDays() > MAX_RESPONSE_DAYS) {
            throw new InvalidQueryException("responseDays is required, 1 to " + MAX_RESPONSE_DAYS);
        }
        long seed = request.seed() == null ? new SecureRandom().nextLong() : request.seed();
        return new Campaign(request.name().strip(), request.segment(), request.date(), request.cost().setScale(2, RoundingMode.HALF_UP),
                request.holdoutShare(), request.responseDays(), seed, Instant.now().truncatedTo(ChronoUnit.MICROS),
                session.getCallerPrincipal().getName());
    }

    private static <T> TypedQuery<T> part(TypedQuery<T> query, long id, Boolean heldOut) {
        query.setParameter("id", id);
        if (heldOut != null) {
            query.setParameter("heldOut", heldOut);
        }
        return query;
    }

    private static CampaignView view(Campaign c) {
        return new CampaignView(c.getId(), c.getName(), c.getSegment(), c.getDate(), c.getCost(), c.getHoldoutShare(),
                c.getResponseDays(), c.getSeed(), c.getTargeted(), c.getHeldOut(), c.getCreatedAt(), c.getCreatedBy());
    }
}
