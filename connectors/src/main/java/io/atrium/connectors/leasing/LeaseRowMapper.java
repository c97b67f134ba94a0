package io.atrium.connectors.leasing;

import io.atrium.connectors.common.CertificateTypes;
import io.atrium.connectors.common.SourceValues;
import io.atrium.resolution.model.CanonicalMessage;
import io.atrium.resolution.model.FactType;
import io.atrium.resolution.model.InvalidRecordException;
import io.atrium.resolution.model.PartyFact;
import io.atrium.resolution.model.PartyKind;
import io.atrium.resolution.model.PartyRecord;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.StringReader;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import static io.atrium.connectors.common.SourceValues.text;

/**
 * One data row of a leasing export (`tenants_*.csv`): the tenant as a party record and the
 * lease as its fact. A company tenant keeps its contact person as an attribute; the phone
 * of such a row is the contact's, which the matcher weighs accordingly.
 */
public final class LeaseRowMapper {

    public static final String SOURCE = "leasing";
    static final int COLUMNS = 15;

    private static final CSVFormat ROW = CSVFormat.DEFAULT.builder().setQuote('"').get();
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy/M/d");
    private static final Map<String, PartyKind> TENANT_TYPES = Map.of("个人", PartyKind.PERSON, "企业", PartyKind.ORGANIZATION);
    private static final Map<String, String> LEASE_STATUS = Map.of("执行中", "ACTIVE", "已到期", "EXPIRED", "已退租", "TERMINATED");

    private LeaseRowMapper() {
    }

    public static CanonicalMessage map(String line) {
        List<String> fields = parse(line);
        PartyRecord tenant = new PartyRecord();
        tenant.setSource(SOURCE);
        tenant.setSourceId(SourceValues.required(fields.get(0), "租户编号 (tenant id)"));
        PartyKind kind = SourceValues.coded(SourceValues.required(fields.get(1), "租户类型 (tenant type)"), TENANT_TYPES, "租户类型 (tenant type)");
        tenant.setKind(kind);
        tenant.setName(SourceValues.required(fields.get(2), "租户名称 (tenant name)"));
        if (kind == PartyKind.ORGANIZATION) {
            String contact = text(fields.get(3));
            if (contact != null) {
                tenant.putAttribute("contactPerson", contact);
            }
        }
        SourceValues.addIfPresent(tenant.getPhones(), text(fields.get(4)));
        String idNumber = text(fields.get(6));
        tenant.setIdType(idNumber == null ? null : CertificateTypes.of(text(fields.get(5))));
        tenant.setIdNumber(idNumber);
        SourceValues.addIfPresent(tenant.getEmails(), text(fields.get(7)));

        PartyFact lease = new PartyFact(SOURCE, FactType.LEASE, SourceValues.required(fields.get(8), "合同编号 (lease number)"), tenant.getSourceId());
        LocalDate start = SourceValues.date(SourceValues.required(fields.get(11), "起租日期 (start date)"), DATE, "起租日期 (start date)");
        LocalDate end = SourceValues.date(fields.get(12), DATE, "到期日期 (end date)");
        if (end != null && end.isBefore(start)) {
            throw new InvalidRecordException("到期日期 (end date) is before 起租日期 (start date)");
        }
        lease.with("project", SourceValues.required(fields.get(9), "项目 (project)"))
                .with("unit", SourceValues.required(fields.get(10), "单元 (unit)"))
                .with("startDate", start.toString())
                .with("endDate", end == null ? null : end.toString())
                .with("monthlyRent", SourceValues.decimal(SourceValues.required(fields.get(13), "月租金 (monthly rent)"), "月租金 (monthly rent)"))
                .with("currency", "CNY")
                .with("status", SourceValues.coded(SourceValues.required(fields.get(14), "合同状态 (lease status)"), LEASE_STATUS, "合同状态 (lease status)"));
        lease.setOccurredAt(start.atStartOfDay(SourceValues.SOURCE_ZONE).toInstant());
        return new CanonicalMessage(tenant, List.of(lease));
    }

    private static List<String> parse(String line) {
        try (var parser = ROW.parse(new StringReader(line))) {
            List<CSVRecord> records = parser.getRecords();
            if (records.size() != 1) {
                throw new InvalidRecordException("not one CSV row");
            }
            List<String> fields = records.get(0).toList();
            if (fields.size() != COLUMNS) {
                throw new InvalidRecordException("expected " + COLUMNS + " columns, found " + fields.size());
            }
            return fields;
        } catch (IOException | java.io.UncheckedIOException | IllegalStateException e) {
            throw new InvalidRecordException("not a valid CSV row (unbalanced quotes?)");
        }
    }
}
