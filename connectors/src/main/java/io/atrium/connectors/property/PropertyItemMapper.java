package io.atrium.connectors.property;

import com.fasterxml.jackson.databind.JsonNode;
import io.atrium.connectors.common.JsonFields;
import io.atrium.connectors.common.SourceValues;
import io.atrium.resolution.model.CanonicalMessage;
import io.atrium.resolution.model.FactType;
import io.atrium.resolution.model.IdType;
import io.atrium.resolution.model.InvalidRecordException;
import io.atrium.resolution.model.PartyFact;
import io.atrium.resolution.model.PartyRecord;
import io.atrium.resolution.standardize.PartyTypes;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.atrium.connectors.common.JsonFields.array;
import static io.atrium.connectors.common.JsonFields.text;

/**
 * Items of the property-management API: an owner is a party record with a fact per unit
 * (its relation to the unit) and one for its arrears; a work order is a fact of the owner
 * it names.
 */
public final class PropertyItemMapper {

    public static final String SOURCE = "property";

    private static final Map<String, String> RELATIONS = Map.of("业主", "OWNER", "家属", "FAMILY", "租户", "TENANT");
    private static final Map<String, String> ORDER_TYPES = Map.of("维修", "REPAIR", "投诉", "COMPLAINT", "咨询", "INQUIRY");

    private PropertyItemMapper() {
    }

    public static CanonicalMessage map(PropertyEndpoint endpoint, JsonNode item) {
        if (item == null || !item.isObject()) {
            throw new InvalidRecordException("item is not a JSON object");
        }
        return switch (endpoint) {
            case OWNERS -> owner(item);
            case WORK_ORDERS -> new CanonicalMessage(null, List.of(workOrder(item)));
        };
    }

    static CanonicalMessage owner(JsonNode item) {
        PartyRecord owner = new PartyRecord();
        owner.setSource(SOURCE);
        owner.setSourceId(SourceValues.required(text(item, "ownerId"), "ownerId"));
        owner.setName(SourceValues.required(text(item, "fullName"), "fullName"));
        for (JsonNode phone : array(item, "phones")) {
            SourceValues.addIfPresent(owner.getPhones(), phone.asText(null));
        }
        String idCard = SourceValues.text(text(item, "idCard"));
        owner.setIdNumber(idCard);
        owner.setIdType(idCard == null ? null : IdType.CN_RESIDENT);
        SourceValues.addIfPresent(owner.getEmails(), SourceValues.text(text(item, "email")));
        Instant updatedAt = SourceValues.offsetTime(SourceValues.required(text(item, "updatedAt"), "updatedAt"), "updatedAt");
        owner.setUpdatedAt(updatedAt);
        // idCard holds a company's credit code for a company owner: the number and the name decide
        PartyTypes.complete(owner);

        List<PartyFact> facts = new ArrayList<>();
        for (JsonNode unit : array(item, "units")) {
            String project = SourceValues.required(text(unit, "project"), "units.project");
            String building = SourceValues.text(text(unit, "building"));
            String unitNo = SourceValues.required(text(unit, "unit"), "units.unit");
            LocalDate since = SourceValues.date(text(unit, "since"), DateTimeFormatter.ISO_LOCAL_DATE, "units.since");
            PartyFact fact = new PartyFact(SOURCE, FactType.UNIT,
                    owner.getSourceId() + "/" + project + "/" + (building == null ? "" : building) + "/" + unitNo, owner.getSourceId())
                    .with("project", project)
                    .with("building", building)
                    .with("unit", unitNo)
                    .with("relation", SourceValues.coded(SourceValues.required(text(unit, "relation"), "units.relation"), RELATIONS, "units.relation"))
                    .with("since", since == null ? null : since.toString());
            fact.setOccurredAt(since == null ? null : since.atStartOfDay(SourceValues.SOURCE_ZONE).toInstant());
            fact.setUpdatedAt(updatedAt);
            facts.add(fact);
        }
        JsonNode arrearsValue = item.get("arrears");
        if (arrearsValue != null && !arrearsValue.isNull() && !arrearsValue.isNumber()) {
            throw new InvalidRecordException("arrears is not a number");
        }
        BigDecimal arrears = arrearsValue == null || arrearsValue.isNull() ? BigDecimal.ZERO : arrearsValue.decimalValue();
        PartyFact arrearsFact = new PartyFact(SOURCE, FactType.ARREARS, owner.getSourceId(), owner.getSourceId())
                .with("amount", arrears)
                .with("currency", "CNY");
        arrearsFact.setOccurredAt(updatedAt);
        arrearsFact.setUpdatedAt(updatedAt);
        facts.add(arrearsFact);
        return CanonicalMessage.withRelations(owner, facts);
    }

    static PartyFact workOrder(JsonNode item) {
        PartyFact order = new PartyFact(SOURCE, FactType.WORK_ORDER,
                SourceValues.required(text(item, "orderId"), "orderId"),
                SourceValues.required(text(item, "ownerId"), "ownerId"));
        Instant createdAt = SourceValues.offsetTime(SourceValues.required(text(item, "createdAt"), "createdAt"), "createdAt");
        Instant closedAt = SourceValues.offsetTime(text(item, "closedAt"), "closedAt");
        order.with("type", SourceValues.coded(SourceValues.required(text(item, "type"), "type"), ORDER_TYPES, "type"))
                .with("description", SourceValues.text(text(item, "description")))
                .with("createdAt", createdAt.toString())
                .with("closedAt", closedAt == null ? null : closedAt.toString())
                .with("rating", JsonFields.score(item, "rating"));
        order.setOccurredAt(createdAt);
        order.setUpdatedAt(SourceValues.offsetTime(SourceValues.required(text(item, "updatedAt"), "updatedAt"), "updatedAt"));
        return order;
    }


}
