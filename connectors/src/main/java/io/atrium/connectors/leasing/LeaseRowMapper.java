package io.atrium.connectors.leasing;

import io.atrium.connectors.common.CertificateTypes;
import io.atrium.connectors.common.SourceValues;
import io.atrium.resolution.model.CanonicalMessage;
import io.atrium.resolution.model.FactType;
import io.atrium.resolution.model.InvalidRecordException;
import io.atrium.resolution.model.PartyFact;
import io.atrium.resolution.model.PartyKind;
import io.atrium.resolution.model.PartyRecord;
import io.atrium.resolution.standardize.PartyTypes;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.atrium.connectors.common.SourceValues.text;

/**
 * One data row of a leasing export (`tenants_*.csv`): the tenant as a party record and the
 * lease as its fact. A company tenant keeps its contact person as an attribute; the phone
 * of such a row is the contact's, which the matcher weighs accordingly.
 */
public final class LeaseRowMapper {

    public static final String SOURCE = "leasing";

    private static final CSVFormat ROW = CSVFormat.DEFAULT.builder().setQuote('"').get();
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy/M/d");
    private static final Pattern EXPORT_NAME = Pattern.compile("tenants_(\\d{14})\\.csv");
    private static final DateTimeFormatter EXPORT_TIME = DateTimeFormatter.ofPattern("uuuuMMddHHmmss")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final Map<String, PartyKind> TENANT_TYPES = Map.of("个人", PartyKind.PERSON, "企业", PartyKind.ORGANIZATION);
    private static final Map<String, String> LEASE_STATUS = Map.of("执行中", "ACTIVE", "已到期", "EXPIRED", "已退租", "TERMINATED");

    private LeaseRowMapper() {
    }

    /** The export's columns in their order, each with the label its reasons use. */
    private enum Column {
        TENANT_ID("租户编号 (tenant id)"), TENANT_TYPE("租户类型 (tenant type)"), TENANT_NAME("租户名称 (tenant name)"),
        CONTACT("联系人 (contact person)"), PHONE("联系电话 (phone)"), ID_TYPE("证件类型 (id type)"),
        ID_NUMBER("证件号码 (id number)"), EMAIL("电子邮箱 (email)"), LEASE_NUMBER("合同编号 (lease number)"),
        PROJECT("项目 (project)"), UNIT("单元 (unit)"), START_DATE("起租日期 (start date)"), END_DATE("到期日期 (end date)"),
        MONTHLY_RENT("月租金 (monthly rent)"), STATUS("合同状态 (lease status)");

        private final String label;

        Column(String label) {
            this.label = label;
        }

        String in(List<String> fields) {
            return text(fields.get(ordinal()));
        }

        String requiredIn(List<String> fields) {
            return SourceValues.required(fields.get(ordinal()), label);
        }
    }

    private static final int COLUMN_COUNT = Column.values().length;

    /**
     * @param origin where the row comes from: its export's name (`tenants_YYYYMMDDHHMMSS.csv`), with or
     *               without the line; the export's time, in China Standard Time, is the row's version, so
     *               that an older export delivered after a newer one rolls nothing back
     */
    public static CanonicalMessage map(String line, String origin) {
        Instant exportedAt = exportTime(origin);
        List<String> fields = parse(line);
        PartyRecord tenant = new PartyRecord();
        tenant.setSource(SOURCE);
        tenant.setSourceId(Column.TENANT_ID.requiredIn(fields));
        tenant.setKind(SourceValues.coded(Column.TENANT_TYPE.requiredIn(fields), TENANT_TYPES, Column.TENANT_TYPE.label));
        tenant.setName(Column.TENANT_NAME.requiredIn(fields));
        String idNumber = Column.ID_NUMBER.in(fields);
        String certificateType = Column.ID_TYPE.in(fields);
        tenant.setIdType(idNumber == null ? null : CertificateTypes.of(certificateType));
        tenant.setIdNumber(idNumber);
        PartyTypes.complete(tenant, certificateType);
        String contact = Column.CONTACT.in(fields);
        if (tenant.getKind() == PartyKind.ORGANIZATION && contact != null) {
            tenant.putAttribute("contactPerson", contact);
        }
        SourceValues.addIfPresent(tenant.getPhones(), Column.PHONE.in(fields));
        SourceValues.addIfPresent(tenant.getEmails(), Column.EMAIL.in(fields));

        PartyFact lease = new PartyFact(SOURCE, FactType.LEASE, Column.LEASE_NUMBER.requiredIn(fields), tenant.getSourceId());
        LocalDate start = SourceValues.date(Column.START_DATE.requiredIn(fields), DATE, Column.START_DATE.label);
        LocalDate end = SourceValues.date(Column.END_DATE.in(fields), DATE, Column.END_DATE.label);
        if (end != null && end.isBefore(start)) {
            throw new InvalidRecordException(Column.END_DATE.label + " is before " + Column.START_DATE.label);
        }
        lease.with("project", Column.PROJECT.requiredIn(fields))
                .with("unit", Column.UNIT.requiredIn(fields))
                .with("startDate", start.toString())
                .with("endDate", end == null ? null : end.toString())
                .with("monthlyRent", SourceValues.decimal(Column.MONTHLY_RENT.requiredIn(fields), Column.MONTHLY_RENT.label))
                .with("currency", "CNY")
                .with("status", SourceValues.coded(Column.STATUS.requiredIn(fields), LEASE_STATUS, Column.STATUS.label));
        lease.setOccurredAt(start.atStartOfDay(SourceValues.SOURCE_ZONE).toInstant());
        lease.setUpdatedAt(exportedAt);
        tenant.setUpdatedAt(exportedAt);
        return CanonicalMessage.withRelations(tenant, List.of(lease));
    }

    private static Instant exportTime(String origin) {
        Matcher export = EXPORT_NAME.matcher(origin == null ? "" : origin);
        if (!export.find()) {
            throw new InvalidRecordException("the row's export is not named tenants_YYYYMMDDHHMMSS.csv, so its version is unknown");
        }
        try {
            return LocalDateTime.parse(export.group(1), EXPORT_TIME).atZone(SourceValues.SOURCE_ZONE).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidRecordException("the time in the export's name is not a valid date and time");
        }
    }

    private static List<String> parse(String line) {
        try (var parser = ROW.parse(new StringReader(line))) {
            List<CSVRecord> records = parser.getRecords();
            if (records.size() != 1) {
                throw new InvalidRecordException("not one CSV row");
            }
            List<String> fields = records.get(0).toList();
            if (fields.size() != COLUMN_COUNT) {
                throw new InvalidRecordException("expected " + COLUMN_COUNT + " columns, found " + fields.size());
            }
            return fields;
        } catch (IOException | java.io.UncheckedIOException | IllegalStateException e) {
            throw new InvalidRecordException("not a valid CSV row (unbalanced quotes?)");
        }
    }
}
