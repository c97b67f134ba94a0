package io.atrium.connectors.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.atrium.connectors.leasing.LeaseRowMapper;
import io.atrium.connectors.membership.MemberEventMapper;
import io.atrium.connectors.property.PropertyEndpoint;
import io.atrium.connectors.property.PropertyItemMapper;
import io.atrium.connectors.sales.SalesRowMapper;
import io.atrium.connectors.sales.SalesTable;
import io.atrium.connectors.service.TicketMapper;
import io.atrium.resolution.model.CanonicalMessage;
import io.atrium.resolution.model.InvalidRecordException;
import io.atrium.resolution.model.PartyRecordJson;
import io.atrium.resolution.standardize.PartyTypes;

import java.util.Map;

/**
 * Maps one item in its native format, as it was quarantined, to the canonical message:
 * the same mapping the connector applies (the file connectors call this very method), so
 * that a replay after a fix behaves like a first delivery.
 */
public final class NativeFormats {

    private static final ObjectMapper JSON = new ObjectMapper();

    private NativeFormats() {
    }

    /**
     * @param position where the item was (a leasing row's export file and line: the export's time is the row's version)
     * @throws InvalidRecordException with the reason, when the item is not acceptable
     */
    public static CanonicalMessage map(InputFormat format, String payload, String position) {
        RawItems.check(payload);
        return switch (format) {
            case CANONICAL_JSON -> CanonicalMessage.of(PartyTypes.complete(PartyRecordJson.read(payload)));
            case SALES_CUSTOMER_ROW -> SalesRowMapper.map(SalesTable.CUSTOMER, row(payload));
            case SALES_CONTRACT_ROW -> SalesRowMapper.map(SalesTable.CONTRACT, row(payload));
            case LEASING_CSV_ROW -> LeaseRowMapper.map(payload, position);
            case LEASING_EXPORT -> throw new InvalidRecordException(
                    "an export is not replayed from the quarantine: deliver it again under a new name, or discard this item");
            case PROPERTY_OWNER -> PropertyItemMapper.map(PropertyEndpoint.OWNERS, tree(payload));
            case PROPERTY_WORK_ORDER -> PropertyItemMapper.map(PropertyEndpoint.WORK_ORDERS, tree(payload));
            case MEMBERSHIP_XML -> MemberEventMapper.map(payload);
            case SERVICE_TICKET_JSON -> TicketMapper.map(payload);
        };
    }

    /** A sales row as kept in the quarantine, typed values written as ISO text. */
    public static String rowAsJson(Map<String, Object> row) {
        return PartyRecordJson.write(row);
    }

    private static Map<String, Object> row(String json) {
        try {
            return JSON.readValue(json, new TypeReference<>() { });
        } catch (JsonProcessingException e) {
            throw new InvalidRecordException("quarantined row is not a JSON object");
        }
    }

    private static JsonNode tree(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new InvalidRecordException("item is not valid JSON");
        }
    }
}
