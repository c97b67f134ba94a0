package io.atrium.hub.customer;

import io.atrium.client.ChangesPage;
import io.atrium.client.CustomerDirectory;
import io.atrium.client.CustomerMatch;
import io.atrium.client.CustomerQuery;
import io.atrium.client.CustomerSearchPage;
import io.atrium.client.CustomerSummary;
import io.atrium.client.CustomerView;
import io.atrium.client.Explanation;
import io.atrium.client.InvalidQueryException;
import io.atrium.client.SourceKey;
import io.atrium.client.TimelinePage;
import io.atrium.hub.changes.ChangeFeed;
import io.atrium.hub.explain.Explanations;
import io.atrium.hub.privacy.Disclosure;
import io.atrium.hub.privacy.PersonalDataMasks;
import io.atrium.hub.profile.CustomerProfiles;
import io.atrium.hub.profile.Survivors;
import io.atrium.hub.search.CustomerSearch;
import io.atrium.hub.security.HubRoles;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Remote;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Read side of the unified customer view: the {@link CustomerDirectory} downstream applications call
 * remotely, and the no-interface view the hub's REST layer calls locally. Every view passes through
 * {@link Disclosure}: whole and audited, or masked, by the caller's roles. A search answers with summaries read
 * for the whole page in one query, so a lookup costs a few statements whatever the page holds.
 */
@Stateless
@Remote(CustomerDirectory.class)
@LocalBean
@RolesAllowed({HubRoles.VIEWER, HubRoles.OPERATOR, HubRoles.ADMIN, HubRoles.APP})
public class CustomerDirectoryBean implements CustomerDirectory {

    @PersistenceContext(unitName = "atrium")
    EntityManager em;

    @Resource
    SessionContext session;

    @Resource(lookup = "java:jboss/datasources/AtriumDS")
    DataSource dataSource;

    @Inject
    CustomerViewAssembler assembler;

    @Inject
    CustomerSearch customerSearch;

    @Inject
    Disclosure disclosure;

    @Inject
    Survivors survivors;

    @Inject
    CustomerProfiles profiles;

    @Inject
    Explanations explanations;

    @Inject
    ChangeFeed changeFeed;

    @Override
    public CustomerView find(String customerId) {
        Customer customer = em.find(Customer.class, customerId);
        return customer == null ? null : disclosed(customer);
    }

    /**
     * Outside a transaction: a search only reads (in autocommit, no XA enlistment and commit), on one connection for
     * its candidates and its summaries, and on the same connection writes the audit of a whole page as one statement,
     * committed before the page is returned ({@link Disclosure#disclosePage}).
     */
    @Override
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public CustomerSearchPage search(CustomerQuery query, int page, int size) throws InvalidQueryException {
        CustomerSearch.Ranking ranking;
        Map<String, CustomerSummary> disclosed;
        try (Connection connection = dataSource.getConnection()) {
            ranking = customerSearch.search(connection, query, page, size);
            Map<String, CustomerSummary> summaries = assembler.toSummaries(connection,
                    ranking.hits().stream().map(CustomerSearch.Hit::customerId).toList());
            Map<String, CustomerSummary> whole = new LinkedHashMap<>();
            ranking.hits().forEach(hit -> whole.put(hit.customerId(), summaries.get(hit.customerId())));
            disclosed = disclosure.disclosePage(session, connection, whole, PersonalDataMasks::customerSummary);
        } catch (SQLException e) {
            throw new IllegalStateException("reading a search's candidates or summaries, or auditing them, failed", e);
        }
        return new CustomerSearchPage(ranking.hits().stream()
                .map(hit -> new CustomerMatch(disclosed.get(hit.customerId()), hit.score()))
                .toList(), page, size, ranking.total(), ranking.complete());
    }

    @Override
    public TimelinePage timeline(String customerId, String cursor, int limit, List<String> sources, List<String> types) {
        return survivors.of(customerId)
                .map(c -> disclosure.disclose(session, c.getId(), profiles.timeline(c.getId(), cursor, limit, sources, types),
                        PersonalDataMasks::timeline))
                .orElse(null);
    }

    @Override
    @RolesAllowed({HubRoles.APP, HubRoles.ADMIN})
    public ChangesPage changes(long after, int limit) {
        return changeFeed.after(after, limit);
    }

    @Override
    public Explanation.Customer why(String customerId) {
        return survivors.of(customerId).map(c -> explanations.why(c.getId())).orElse(null);
    }

    @Override
    public Explanation.Pair explain(SourceKey a, SourceKey b) {
        return explanations.explain(a, b);
    }

    private CustomerView disclosed(Customer customer) {
        return disclosure.disclose(session, customer.getId(), assembler.toView(customer), PersonalDataMasks::customerView);
    }
}
