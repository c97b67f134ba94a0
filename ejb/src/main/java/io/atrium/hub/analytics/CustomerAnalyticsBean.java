package io.atrium.hub.analytics;

import io.atrium.client.CustomerAnalytics;
import io.atrium.client.CustomerValueView;
import io.atrium.client.InvalidQueryException;
import io.atrium.client.RecomputeProgress;
import io.atrium.client.ScoredCustomersPage;
import io.atrium.client.ValueMatrix;
import io.atrium.hub.customer.Customer;
import io.atrium.hub.profile.Survivors;
import io.atrium.hub.security.HubRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Remote;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The stored scores for people and downstream systems: the remote {@link CustomerAnalytics} and the
 * no-interface view the REST layer calls. Scores are no personal data, so nothing is masked or audited.
 */
@Stateless
@Remote(CustomerAnalytics.class)
@LocalBean
@RolesAllowed({HubRoles.VIEWER, HubRoles.OPERATOR, HubRoles.ADMIN, HubRoles.APP})
public class CustomerAnalyticsBean implements CustomerAnalytics {

    public static final int MAX_PAGE_SIZE = 500;

    @PersistenceContext(unitName = "atrium")
    EntityManager em;

    @Inject
    Survivors survivors;

    @EJB
    ValueRecompute recompute;

    @Override
    public CustomerValueView value(String customerId) {
        Customer customer = survivors.of(customerId).orElse(null);
        if (customer == null) {
            return null;
        }
        CustomerValue value = em.find(CustomerValue.class, customer.getId());
        if (value == null) {
            // not scored yet (created since the last recompute, its drain still to come): scored now
            recompute.scoreNow(customer.getId());
            value = em.find(CustomerValue.class, customer.getId());
        }
        return value == null ? null : CustomerValueViews.view(value);
    }

    @Override
    public ValueMatrix valueMatrix() {
        Map<ValueCell, long[]> counts = new EnumMap<>(ValueCell.class);
        Arrays.stream(ValueCell.values()).forEach(cell -> counts.put(cell, new long[2]));
        em.createQuery("select v.cell, count(v), sum(case when v.atRisk = true then 1 else 0 end) from CustomerValue v group by v.cell",
                        Object[].class)
                .getResultList()
                .forEach(row -> counts.put(ValueCell.valueOf((String) row[0]),
                        new long[]{((Number) row[1]).longValue(), row[2] == null ? 0 : ((Number) row[2]).longValue()}));
        List<ValueMatrix.Cell> cells = counts.entrySet().stream()
                .map(e -> new ValueMatrix.Cell(e.getKey().name(), e.getValue()[0], e.getValue()[1]))
                .toList();
        return new ValueMatrix(cells, cells.stream().mapToLong(ValueMatrix.Cell::customers).sum(),
                cells.stream().mapToLong(ValueMatrix.Cell::atRisk).sum());
    }

    @Override
    public ScoredCustomersPage customers(String cell, Boolean atRisk, int page, int size) throws InvalidQueryException {
        ValueCell wanted = cell(cell);
        if (page < 0) {
            throw new InvalidQueryException("page must be 0 or more");
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw new InvalidQueryException("size must be between 1 and " + MAX_PAGE_SIZE);
        }
        String where = " from CustomerValue v where 1 = 1" + (wanted == null ? "" : " and v.cell = :cell")
                + (atRisk == null ? "" : " and v.atRisk = :atRisk");
        long total = filtered(em.createQuery("select count(v)" + where, Long.class), wanted, atRisk).getSingleResult();
        List<ScoredCustomersPage.ScoredCustomer> customers = filtered(em.createQuery("select v" + where
                        + " order by v.currentValue desc, v.customerId", CustomerValue.class), wanted, atRisk)
                .setFirstResult(page * size)
                .setMaxResults(size)
                .getResultStream()
                .map(CustomerValueViews::scored)
                .toList();
        return new ScoredCustomersPage(customers, page, size, total);
    }

    @Override
    @RolesAllowed(HubRoles.ADMIN)
    public RecomputeProgress recompute() {
        return recompute.start();
    }

    @Override
    public RecomputeProgress recomputeProgress() {
        return recompute.progress();
    }

    private static <T> TypedQuery<T> filtered(TypedQuery<T> query, ValueCell cell, Boolean atRisk) {
        if (cell != null) {
            query.setParameter("cell", cell.name());
        }
        if (atRisk != null) {
            query.setParameter("atRisk", atRisk);
        }
        return query;
    }

    private static ValueCell cell(String cell) throws InvalidQueryException {
        if (cell == null || cell.isBlank()) {
            return null;
        }
        try {
            return ValueCell.valueOf(cell.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidQueryException("cell must be one of " + Arrays.toString(ValueCell.values()));
        }
    }
}
