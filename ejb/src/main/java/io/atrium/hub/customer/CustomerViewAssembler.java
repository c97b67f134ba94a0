package io.atrium.hub.customer;

import io.atrium.client.CustomerSummary;
import io.atrium.client.CustomerView;
import io.atrium.client.TimelinePage;
import io.atrium.hub.profile.CustomerProfiles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Builds the {@link CustomerView} of a customer entity (its golden record with lineage, its records, the first
 * page of its timeline, its roles and summary), and the {@link CustomerSummary} a search lists.
 */
@ApplicationScoped
public class CustomerViewAssembler {

    @PersistenceContext(unitName = "atrium")
    EntityManager em;

    @Inject
    JpaSourceRecordRepository sourceRecords;

    @Inject
    CustomerProfiles profiles;

    public CustomerView toView(Customer customer) {
        Map<String, CustomerView.GoldenValue> golden = new LinkedHashMap<>();
        Map<String, List<CustomerView.GoldenValue>> contacts = new LinkedHashMap<>();
        em.createQuery("select g from GoldenField g where g.customerId = :id order by g.id", GoldenField.class)
                .setParameter("id", customer.getId())
                .getResultList()
                .forEach(g -> {
                    CustomerView.GoldenValue value = new CustomerView.GoldenValue(g.getValue(), g.getSource(), g.getSourceId());
                    if (g.getRank() == 0) {
                        golden.put(g.getFieldName(), value);
                    }
                    contacts.computeIfAbsent(g.getFieldName(), f -> new ArrayList<>()).add(value);
                });
        TimelinePage timeline = profiles.timeline(customer.getId(), null, CustomerView.TIMELINE_FIRST_PAGE, List.of(), List.of());
        CustomerProfiles.Profile profile = profiles.profile(customer.getId());
        List<CustomerView.SourceRecordRef> records = sourceRecords.ofCustomer(customer.getId()).stream()
                .map(r -> new CustomerView.SourceRecordRef(r.getSource(), r.getSourceId(), r.getRecordUpdatedAt()))
                .toList();
        return new CustomerView(customer.getId(), customer.getStatus(), customer.getMergedInto(),
                customer.getKind() == null ? null : customer.getKind().name(), golden,
                contacts.getOrDefault("phone", List.of()), contacts.getOrDefault("email", List.of()), records, timeline.facts(),
                customer.getCreatedAt(), customer.getUpdatedAt(), timeline.next(), profile.roles(), profile.summary());
    }

    /** The golden fields a search result shows: the ones a caller tells customers apart by. */
    private static final List<String> SUMMARY_FIELDS = List.of("name", "gender", "birthDate", "idType", "idNumber", "phone", "email");

    /** The best golden values of a page of customers, the ids one array parameter: one prepared statement for every page. */
    private static final String SUMMARIES = "select c.id, c.kind, g.field_name, g.field_value from customer c left join golden_value g"
            + " on g.customer_id = c.id and g.value_rank = 0 and g.field_name in ("
            + SUMMARY_FIELDS.stream().map(f -> "'" + f + "'").collect(Collectors.joining(", ")) + ") where c.id = any(?)";

    /**
     * The summaries of these customers in one query (their best golden values), by id, read on the connection
     * given (the one a search read its candidates on); ids of no stored customer are left out.
     */
    public Map<String, CustomerSummary> toSummaries(Connection connection, Collection<String> customerIds) throws SQLException {
        if (customerIds.isEmpty()) {
            return Map.of();
        }
        Map<String, String> kinds = new HashMap<>();
        Map<String, Map<String, String>> fields = new HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(SUMMARIES)) {
            statement.setArray(1, connection.createArrayOf("varchar", customerIds.toArray()));
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    String id = rows.getString(1);
                    kinds.put(id, rows.getString(2));
                    Map<String, String> values = fields.computeIfAbsent(id, k -> new HashMap<>());
                    if (rows.getString(3) != null) {
                        values.put(rows.getString(3), rows.getString(4));
                    }
                }
            }
        }
        Map<String, CustomerSummary> summaries = new HashMap<>();
        fields.forEach((id, values) -> summaries.put(id, new CustomerSummary(id, kinds.get(id), values.get("name"),
                values.get("gender"), values.get("birthDate"), values.get("idType"), values.get("idNumber"),
                values.get("phone"), values.get("email"))));
        return summaries;
    }
}
