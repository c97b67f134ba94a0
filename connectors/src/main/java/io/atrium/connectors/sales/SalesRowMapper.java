package io.atrium.connectors.sales;

import io.atrium.connectors.common.CertificateTypes;
import io.atrium.connectors.common.SourceValues;
import io.atrium.resolution.model.CanonicalMessage;
import io.atrium.resolution.model.FactType;
import io.atrium.resolution.model.PartyFact;
import io.atrium.resolution.model.PartyRecord;
import io.atrium.resolution.standardize.PartyTypes;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import static io.atrium.connectors.common.SourceValues.text;

/**
 * Rows of the sales database as canonical messages: a `sales_customer` row is a party
 * record, a `sales_contract` row is a contract fact of the customer it names. Rows come
 * from JDBC (typed values) or, on a replay, from their quarantined JSON (text values).
 */
public final class SalesRowMapper {

    public static final String SOURCE = "sales";

    private static final Map<String, String> GENDERS = Map.of("男", "M", "女", "F");
    private static final Map<String, String> CONTRACT_STATUS = Map.of("认购", "RESERVED", "签约", "SIGNED", "退房", "CANCELLED");

    private SalesRowMapper() {
    }

    public static CanonicalMessage map(SalesTable table, Map<String, Object> row) {
        return switch (table) {
            case CUSTOMER -> CanonicalMessage.of(customer(row));
            case CONTRACT -> new CanonicalMessage(null, List.of(contract(row)));
        };
    }

    static PartyRecord customer(Map<String, Object> row) {
        PartyRecord party = new PartyRecord();
        party.setSource(SOURCE);
        party.setSourceId(SourceValues.required(row.get("cust_no"), "cust_no"));
        party.setName(SourceValues.required(row.get("cust_name"), "cust_name"));
        String certificateType = text(row.get("cert_type"));
        party.setIdType(text(row.get("cert_no")) == null ? null : CertificateTypes.of(certificateType));
        party.setIdNumber(text(row.get("cert_no")));
        SourceValues.addIfPresent(party.getPhones(), text(row.get("mobile")));
        SourceValues.addIfPresent(party.getEmails(), text(row.get("email")));
        party.setGender(SourceValues.coded(row.get("gender"), GENDERS, "gender"));
        party.setBirthDate(SourceValues.date(row.get("birthday"), DateTimeFormatter.ISO_LOCAL_DATE, "birthday"));
        party.setAddress(text(row.get("address")));
        party.setUpdatedAt(SourceValues.localTime(required(row, "updated_at"), "updated_at"));
        return PartyTypes.complete(party, certificateType);
    }

    static PartyFact contract(Map<String, Object> row) {
        PartyFact fact = new PartyFact(SOURCE, FactType.CONTRACT,
                SourceValues.required(row.get("contract_no"), "contract_no"),
                SourceValues.required(row.get("cust_no"), "cust_no"));
        LocalDate signDate = SourceValues.date(row.get("sign_date"), DateTimeFormatter.ISO_LOCAL_DATE, "sign_date");
        fact.with("project", SourceValues.required(row.get("project_name"), "project_name"))
                .with("unit", SourceValues.required(row.get("unit_code"), "unit_code"))
                .with("areaSqm", SourceValues.decimal(row.get("area_sqm"), "area_sqm"))
                .with("totalPrice", SourceValues.decimal(required(row, "total_price"), "total_price"))
                .with("currency", "CNY")
                .with("status", SourceValues.coded(required(row, "status"), CONTRACT_STATUS, "status"))
                .with("signDate", signDate == null ? null : signDate.toString());
        fact.setOccurredAt(signDate == null ? null : signDate.atStartOfDay(SourceValues.SOURCE_ZONE).toInstant());
        fact.setUpdatedAt(SourceValues.localTime(required(row, "updated_at"), "updated_at"));
        return fact;
    }

    private static Object required(Map<String, Object> row, String column) {
        Object value = row.get(column);
        SourceValues.required(value, column);
        return value;
    }
}
