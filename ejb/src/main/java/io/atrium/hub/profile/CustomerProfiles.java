package io.atrium.hub.profile;

import io.atrium.client.CustomerRole;
import io.atrium.client.CustomerView;
import io.atrium.client.InvalidQueryException;
import io.atrium.client.ProfileSummary;
import io.atrium.client.TimelinePage;
import io.atrium.hub.customer.JpaSourceRecordRepository;
import io.atrium.hub.fact.SourceFact;
import io.atrium.resolution.model.FactType;
import io.atrium.resolution.model.PartyKind;
import io.atrium.resolution.model.PartyRecordJson;
import io.atrium.resolution.standardize.PersonNames;
import io.atrium.resolution.standardize.StandardizedRecord;
import io.atrium.resolution.standardize.StandardizedRecordJson;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The customer's facts as a profile: its timeline page by page, its roles and its per-system summary.
 * Facts are joined to the customer through their party record, so a fact that arrived before its party
 * shows once the party does. Roles and summary come from one aggregate query (counts and sums by type and
 * state), the points balances and the units from two small ones: no fact is loaded to be counted.
 */
@ApplicationScoped
public class CustomerProfiles {

    public static final int MAX_LIMIT = 200;

    /** The attribute a company's record names its contact person by (leasing's 联系人). */
    static final String CONTACT_PERSON = "contactPerson";
    /** Records of others sharing a phone read at most: a phone a whole office shares names no one contact. */
    private static final int MAX_RECORDS_SHARING_A_PHONE = 50;

    private static final String OF_CUSTOMER = " from SourceFact f, SourceRecord r where r.customerId = :customer "
            + "and f.source = r.source and f.partySourceId = r.sourceId";

    @PersistenceContext(unitName = "atrium")
    EntityManager em;

    @Inject
    JpaSourceRecordRepository sourceRecords;

    /**
     * A page of the customer's facts, newest first (facts without a time last), after the cursor's position.
     *
     * @throws InvalidQueryException for a limit out of range, an unknown type or a cursor the hub did not issue
     */
    public TimelinePage timeline(String customerId, String cursor, int limit, List<String> sources, List<String> types) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidQueryException("limit must be between 1 and " + MAX_LIMIT);
        }
        List<FactType> factTypes = factTypes(types);
        List<String> factSources = sources == null ? List.of() : sources.stream().filter(Objects::nonNull).toList();
        TimelineCursor after = cursor == null || cursor.isBlank() ? null : TimelineCursor.decode(cursor);
        StringBuilder jpql = new StringBuilder("select f").append(OF_CUSTOMER);
        if (!factSources.isEmpty()) {
            jpql.append(" and f.source in :sources");
        }
        if (!factTypes.isEmpty()) {
            jpql.append(" and f.type in :types");
        }
        if (after != null) {
            jpql.append(after.occurredAt() == null ? " and f.occurredAt is null and f.id < :id"
                    : " and (f.occurredAt < :time or (f.occurredAt = :time and f.id < :id) or f.occurredAt is null)");
        }
        jpql.append(" order by f.occurredAt desc nulls last, f.id desc");
        TypedQuery<SourceFact> query = em.createQuery(jpql.toString(), SourceFact.class).setParameter("customer", customerId);
        if (!factSources.isEmpty()) {
            query.setParameter("sources", factSources);
        }
        if (!factTypes.isEmpty()) {
            query.setParameter("types", factTypes);
        }
        if (after != null) {
            query.setParameter("id", after.id());
            if (after.occurredAt() != null) {
                query.setParameter("time", after.occurredAt());
            }
        }
        // one more than the page: whether a next page exists without counting them all
        List<SourceFact> facts = query.setMaxResults(limit + 1).getResultList();
        List<SourceFact> page = facts.subList(0, Math.min(limit, facts.size()));
        String next = facts.size() > limit
                ? new TimelineCursor(page.get(limit - 1).getOccurredAt(), page.get(limit - 1).getId()).encode() : null;
        return new TimelinePage(customerId, page.stream().map(CustomerProfiles::view).toList(), next);
    }

    /** The customer's roles and per-system summary. */
    public Profile profile(String customerId) {
        List<FactTally> tallies = tallies(customerId);
        Set<CustomerRole> roles = ProfileFigures.roles(tallies);
        if (isCompanyContact(customerId)) {
            roles.add(CustomerRole.COMPANY_CONTACT);
        }
        return new Profile(List.copyOf(roles), ProfileFigures.summary(tallies, units(customerId), pointsBalance(customerId)));
    }

    /**
     * Whether a company's record (a company tenant's lease) names this customer as its contact person: the
     * contact's name reads as one of the customer's names, and the company's record shares one of its phones.
     * Found through the stored phone hashes, so only the few records sharing a phone are read.
     */
    private boolean isCompanyContact(String customerId) {
        Set<String> nameKeys = new TreeSet<>();
        sourceRecords.standardizedOfCustomer(customerId).stream()
                .map(StandardizedRecordJson::read)
                .filter(StandardizedRecord::isPerson)
                .map(StandardizedRecord::nameKey)
                .filter(Objects::nonNull)
                .forEach(nameKeys::add);
        if (nameKeys.isEmpty()) {
            return false;
        }
        return sourceRecords.payloadsSharingAPhoneWith(customerId, MAX_RECORDS_SHARING_A_PHONE).stream()
                .map(PartyRecordJson::read)
                .filter(other -> other.getKind() == PartyKind.ORGANIZATION && other.getAttributes().get(CONTACT_PERSON) != null)
                .map(company -> PersonNames.standardize(company.getAttributes().get(CONTACT_PERSON).toString(), null, null, false))
                .anyMatch(contact -> contact != null && nameKeys.contains(contact.key()));
    }

    public record Profile(List<CustomerRole> roles, ProfileSummary summary) {
    }

    private List<FactTally> tallies(String customerId) {
        return em.createQuery("select new io.atrium.hub.profile.FactTally(f.type, f.state, count(f), sum(f.amount), "
                        + "min(f.endsOn), max(f.endsOn), sum(f.rating), count(f.rating))" + OF_CUSTOMER
                        + " group by f.type, f.state", FactTally.class)
                .setParameter("customer", customerId)
                .getResultList();
    }

    private List<ProfileSummary.Unit> units(String customerId) {
        return em.createQuery("select f.data" + OF_CUSTOMER + " and f.type = :unit order by f.id", String.class)
                .setParameter("customer", customerId)
                .setParameter("unit", FactType.UNIT)
                .getResultStream()
                .map(PartyRecordJson::readMap)
                .map(unit -> new ProfileSummary.Unit(text(unit, "project"), text(unit, "building"), text(unit, "unit"), text(unit, "relation")))
                .toList();
    }

    /** The latest balance of each of the customer's memberships (its newest points movement), summed. */
    private Long pointsBalance(String customerId) {
        List<BigDecimal> balances = em.createQuery("select f.amount" + OF_CUSTOMER + " and f.type = :points and f.amount is not null "
                        + "and not exists (select g.id from SourceFact g where g.source = f.source and g.partySourceId = f.partySourceId "
                        + "and g.type = f.type and (g.occurredAt > f.occurredAt or (g.occurredAt = f.occurredAt and g.id > f.id)))",
                        BigDecimal.class)
                .setParameter("customer", customerId)
                .setParameter("points", FactType.POINTS)
                .getResultList();
        return balances.isEmpty() ? null : balances.stream().reduce(BigDecimal.ZERO, BigDecimal::add).longValue();
    }

    private static List<FactType> factTypes(List<String> types) {
        Set<FactType> parsed = new TreeSet<>();
        for (String type : types == null ? List.<String>of() : types) {
            if (type == null || type.isBlank()) {
                continue;
            }
            try {
                parsed.add(FactType.valueOf(type.strip()));
            } catch (IllegalArgumentException e) {
                throw new InvalidQueryException("type must be one of " + Arrays.toString(FactType.values()));
            }
        }
        return List.copyOf(parsed);
    }

    private static CustomerView.FactView view(SourceFact f) {
        return new CustomerView.FactView(f.getType().name(), f.getSource(), f.getFactId(), f.getPartySourceId(),
                f.getOccurredAt(), f.getUpdatedAt(), PartyRecordJson.readMap(f.getData()));
    }

    private static String text(Map<String, Object> data, String key) {
        Object value = data.get(key);
        return value == null ? null : value.toString();
    }
}
