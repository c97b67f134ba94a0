package io.atrium.hub.resolve;

import io.atrium.hub.customer.Customer;
import io.atrium.hub.customer.GoldenField;
import io.atrium.hub.customer.SourceRecord;
import io.atrium.resolution.model.PartyKind;
import io.atrium.resolution.model.PartyRecordJson;
import io.atrium.resolution.model.RecordKey;
import io.atrium.resolution.standardize.StandardizedRecord;
import io.atrium.resolution.survivorship.GoldenAttribute;
import io.atrium.resolution.survivorship.GoldenRecord;
import io.atrium.resolution.survivorship.GoldenValue;
import io.atrium.hub.persistence.IdBlocks;
import io.atrium.hub.persistence.PlainReads;
import io.atrium.hub.persistence.TableRows;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Stores a customer's golden record as the engine's survivorship builds it from the member records
 * (valid values first, then source trust, then recency), each value with the source record it came
 * from. The identifier is kept as two fields, its type and its number. The name shows as the
 * winning source record wrote it (traditional characters stay traditional): standardized forms are
 * for matching, the golden record is for people.
 */
@ApplicationScoped
public class GoldenRecords implements BatchGoldenRecords.Store {

    /** Field names of the stored golden record, per attribute. */
    private static final Map<GoldenAttribute, String> FIELD_NAMES = Map.of(
            GoldenAttribute.KIND, "kind", GoldenAttribute.NAME, "name", GoldenAttribute.GENDER, "gender",
            GoldenAttribute.BIRTH_DATE, "birthDate", GoldenAttribute.PHONE, "phone", GoldenAttribute.EMAIL, "email",
            GoldenAttribute.ADDRESS, "address");

    @Resource(lookup = "java:jboss/datasources/AtriumDS")
    DataSource dataSource;

    @Inject
    MatchEngine engine;

    /**
     * A member of a customer as its golden record is built from it: its standardized form, and its payload, which has
     * the name as its source wrote it.
     */
    public record Member(StandardizedRecord form, String payload) {
        public static Member of(SourceRecord row, StandardizedRecord form) {
            return new Member(form, row.getPayload());
        }
    }

    /** A stored golden value, read as plain values. */
    public record StoredValue(long id, String customerId, String fieldName, int rank, String value, String source,
                              String sourceId) {
        boolean sameAs(GoldenField built) {
            return value.equals(built.getValue()) && source.equals(built.getSource()) && sourceId.equals(built.getSourceId());
        }
    }

    /** A customer's golden record to store: built from all its members, by difference with all its stored values. */
    public record Rebuild(Customer customer, List<Member> members, List<StoredValue> stored) {
    }

    /**
     * Stores these golden records by difference with the stored ones (a record joining a customer usually changes a
     * value or two, and rewriting all of them would cost a delete and a dozen inserts), each value by its slot (field
     * and rank), in one write for all of them:
     * the values gone deleted, those changed updated, the new ones inserted. In plain SQL, not as entities: a batch
     * writes and reads back thousands (5.7 stored values read and 3.7 written a record), each of which Hibernate
     * would map, snapshot and dirty-check at every flush of the batch.
     */
    @Override
    public void store(List<Rebuild> rebuilds) {
        List<GoldenField> inserted = new ArrayList<>();
        Map<Long, GoldenField> updated = new LinkedHashMap<>();
        List<Long> deleted = new ArrayList<>();
        for (Rebuild rebuild : rebuilds) {
            Map<String, StoredValue> stored = new HashMap<>();
            rebuild.stored().forEach(value -> stored.put(value.fieldName() + "#" + value.rank(), value));
            Map<RecordKey, String> payloads = new HashMap<>();
            rebuild.members().forEach(member -> payloads.put(member.form().key(), member.payload()));
            for (GoldenField built : build(rebuild.customer(), rebuild.members().stream().map(Member::form).toList(),
                    key -> PartyRecordJson.read(payloads.get(key)).getName())) {
                StoredValue old = stored.remove(built.getFieldName() + "#" + built.getRank());
                if (old == null) {
                    inserted.add(built);
                } else if (!old.sameAs(built)) {
                    updated.put(old.id(), built);
                }
            }
            stored.values().forEach(value -> deleted.add(value.id()));
        }
        write(inserted, updated, deleted);
    }

    /** A customer merged into another keeps no golden record of its own: one statement, no read first. */
    public void clear(String customerId) {
        try (Connection db = dataSource.getConnection();
             PreparedStatement delete = db.prepareStatement("delete from golden_value where customer_id = ?")) {
            delete.setString(1, customerId);
            delete.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("clearing a merged customer's golden values failed", e);
        }
    }

    /**
     * The stored golden values of these customers, by customer id, in one statement (the ids one array parameter), on
     * the transaction's connection: it sees what the transaction wrote here before, and nothing else of the
     * transaction writes golden values.
     */
    @Override
    public Map<String, List<StoredValue>> storedOf(Collection<String> customerIds) {
        Map<String, List<StoredValue>> byCustomer = new HashMap<>();
        PlainReads.read(dataSource, "select id, customer_id, field_name, value_rank, field_value, source, source_id "
                        + "from golden_value where customer_id = any(?)",
                (db, query) -> query.setArray(1, db.createArrayOf("varchar", customerIds.toArray(String[]::new))),
                row -> {
                    StoredValue value = new StoredValue(row.getLong(1), row.getString(2), row.getString(3), row.getInt(4),
                            row.getString(5), row.getString(6), row.getString(7));
                    byCustomer.computeIfAbsent(value.customerId(), id -> new ArrayList<>()).add(value);
                }, "the golden values of " + customerIds.size() + " customers");
        return byCustomer;
    }

    /** Deletes first, then updates, then inserts: a slot is never both deleted and inserted, so no step meets another's. */
    private void write(List<GoldenField> inserted, Map<Long, GoldenField> updated, List<Long> deleted) {
        if (inserted.isEmpty() && updated.isEmpty() && deleted.isEmpty()) {
            return;
        }
        try (Connection db = dataSource.getConnection()) {
            if (!deleted.isEmpty()) {
                try (PreparedStatement delete = db.prepareStatement("delete from golden_value where id = any(?)")) {
                    delete.setArray(1, db.createArrayOf("bigint", deleted.toArray(Long[]::new)));
                    delete.executeUpdate();
                }
            }
            if (!updated.isEmpty()) {
                try (PreparedStatement update = db.prepareStatement(
                        "update golden_value set field_value = ?, source = ?, source_id = ? where id = ?")) {
                    for (Map.Entry<Long, GoldenField> change : updated.entrySet()) {
                        update.setString(1, change.getValue().getValue());
                        update.setString(2, change.getValue().getSource());
                        update.setString(3, change.getValue().getSourceId());
                        update.setLong(4, change.getKey());
                        update.addBatch();
                    }
                    update.executeBatch();
                }
            }
            if (!inserted.isEmpty()) {
                insert(db, new IdBlocks(db, "golden_value_seq", IdBlocks.blocksFor(inserted.size())).take(inserted.size()), inserted);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("writing golden values failed (" + inserted.size() + " new, " + updated.size()
                    + " changed, " + deleted.size() + " gone)", e);
        }
    }

    /** Writes new golden values in bulk ({@link TableRows}), each with its id (drawn by {@link IdBlocks}). */
    public static void insert(Connection db, long[] ids, List<GoldenField> fields) throws SQLException {
        try (TableRows rows = TableRows.of(db, "golden_value", "id", "customer_id", "field_name", "value_rank",
                "field_value", "source", "source_id")) {
            for (int i = 0; i < ids.length; i++) {
                GoldenField field = fields.get(i);
                rows.row(ids[i], field.getCustomerId(), field.getFieldName(), field.getRank(), field.getValue(),
                        field.getSource(), field.getSourceId());
            }
        }
    }

    /**
     * The customer's golden values as survivorship picks them from its members (and its kind set from them),
     * unstored: {@link #rebuild} stores them by difference, a first load writes them in bulk.
     *
     * @param writtenName the name as a member's source wrote it, by the member's key
     */
    public List<GoldenField> build(Customer customer, Collection<StandardizedRecord> members,
                                   Function<RecordKey, String> writtenName) {
        List<GoldenField> fields = new ArrayList<>();
        GoldenRecord golden = engine.survivorship().golden(members);
        for (GoldenAttribute attribute : GoldenAttribute.values()) {
            List<GoldenValue> values = golden.all(attribute);
            for (int rank = 0; rank < values.size(); rank++) {
                GoldenValue value = values.get(rank);
                if (attribute == GoldenAttribute.ID) {
                    String[] typeAndNumber = value.value().split(":", 2);
                    fields.add(field(customer, "idType", rank, typeAndNumber[0], value));
                    fields.add(field(customer, "idNumber", rank, typeAndNumber[1], value));
                } else if (attribute == GoldenAttribute.NAME) {
                    String written = writtenName.apply(value.from());
                    fields.add(field(customer, "name", rank, written == null || written.isBlank() ? value.value() : written.strip(), value));
                } else {
                    fields.add(field(customer, FIELD_NAMES.get(attribute), rank, value.value(), value));
                }
            }
        }
        GoldenValue kind = golden.best(GoldenAttribute.KIND);
        if (kind != null) {
            customer.setKind(PartyKind.valueOf(kind.value()));
        }
        return fields;
    }

    private static GoldenField field(Customer customer, String field, int rank, String value, GoldenValue lineage) {
        return new GoldenField(customer.getId(), field, rank, value, lineage.from().source(), lineage.from().sourceId());
    }
}
