package io.atrium.hub.privacy;

import io.atrium.client.CustomerSummary;
import io.atrium.client.CustomerView;
import io.atrium.client.TimelinePage;
import io.atrium.hub.quarantine.PersonalDataMask;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The masked form of the customer view's personal data, for callers who may not see it whole
 * ({@link Disclosure}): the one place that decides how each kind of value is masked. A value is
 * masked by the name of its field ({@link #value}), so every view built of golden fields, facts or
 * new summaries masks alike.
 * <ul>
 * <li>phone: country code, the first three and the last four digits ({@code +86 138****8000});</li>
 * <li>ID number: the first four and the last four characters ({@code 4403**********0026});</li>
 * <li>name: the surname, the given name hidden ({@code 张*}, {@code W. Zhang}); company names whole;</li>
 * <li>e-mail: the first character of the local part and the domain ({@code z***@example.com});</li>
 * <li>address: its first characters (at most six, at most half) ({@code 广东省深圳市***});</li>
 * <li>birth date: the year ({@code 1984-**-**});</li>
 * <li>anything else in free text (fact data): phones, ID numbers and e-mails, as operators see raw items.</li>
 * </ul>
 */
public final class PersonalDataMasks {

    private static final String MAINLAND = "+86";
    private static final int PHONE_HEAD = 3;
    private static final int KEPT_TAIL = 4;
    private static final int ID_HEAD = 4;
    private static final int ADDRESS_HEAD = 6;

    private PersonalDataMasks() {
    }

    /** The customer view with every personal value masked; ids, lineage, statuses and times unchanged. */
    public static CustomerView customerView(CustomerView view) {
        Map<String, CustomerView.GoldenValue> golden = new LinkedHashMap<>();
        view.golden().forEach((field, value) -> golden.put(field, goldenValue(field, value)));
        return new CustomerView(view.id(), view.status(), view.mergedInto(), view.kind(), golden,
                goldenValues("phone", view.phones()), goldenValues("email", view.emails()), view.sourceRecords(),
                facts(view.timeline()), view.createdAt(), view.updatedAt(), view.timelineNext(), view.roles(), view.summary());
    }

    /** A search's summary of a customer with each personal value masked as in the view; id and kind unchanged. */
    public static CustomerSummary customerSummary(CustomerSummary summary) {
        return new CustomerSummary(summary.id(), summary.kind(), value("name", summary.name()), value("gender", summary.gender()),
                value("birthDate", summary.birthDate()), value("idType", summary.idType()), value("idNumber", summary.idNumber()),
                value("phone", summary.phone()), value("email", summary.email()));
    }

    /** A timeline page with each fact's data masked. */
    public static TimelinePage timeline(TimelinePage page) {
        return new TimelinePage(page.customerId(), facts(page.facts()), page.next());
    }

    private static List<CustomerView.FactView> facts(List<CustomerView.FactView> facts) {
        return facts.stream().map(PersonalDataMasks::fact).toList();
    }

    public static CustomerView.FactView fact(CustomerView.FactView fact) {
        return new CustomerView.FactView(fact.type(), fact.source(), fact.factId(), fact.sourceId(), fact.occurredAt(),
                fact.updatedAt(), factData(fact.data()));
    }

    /** Fact data: each text masked by its key, or else by what it holds (phones, ID numbers, e-mails anywhere). */
    public static Map<String, Object> factData(Map<String, Object> data) {
        if (data == null) {
            return null;
        }
        Map<String, Object> masked = new LinkedHashMap<>();
        data.forEach((key, value) -> masked.put(key, value instanceof String text ? value(key, text) : value));
        return masked;
    }

    /** The masked value of a field named as the golden record and the facts name them. */
    public static String value(String field, String value) {
        if (value == null) {
            return null;
        }
        return switch (field) {
            case "phone", "mobile", "landline" -> phone(value);
            case "idNumber" -> idNumber(value);
            case "name", "contact" -> name(value);
            case "email" -> email(value);
            case "address" -> address(value);
            case "birthDate" -> birthDate(value);
            default -> PersonalDataMask.mask(value);
        };
    }

    public static String phone(String phone) {
        String national = phone.startsWith(MAINLAND) ? phone.substring(MAINLAND.length()) : phone;
        String prefix = national.length() == phone.length() ? "" : MAINLAND + " ";
        if (national.length() <= PHONE_HEAD + KEPT_TAIL) {
            return prefix + "*".repeat(national.length());
        }
        return prefix + national.substring(0, PHONE_HEAD) + "*".repeat(national.length() - PHONE_HEAD - KEPT_TAIL)
                + national.substring(national.length() - KEPT_TAIL);
    }

    public static String idNumber(String idNumber) {
        if (idNumber.length() <= ID_HEAD + KEPT_TAIL) {
            return "*".repeat(idNumber.length());
        }
        return idNumber.substring(0, ID_HEAD) + "*".repeat(idNumber.length() - ID_HEAD - KEPT_TAIL)
                + idNumber.substring(idNumber.length() - KEPT_TAIL);
    }

    public static String name(String name) {
        return PersonalDataMask.maskName(name, Set.of());
    }

    public static String email(String email) {
        int at = email.lastIndexOf('@');
        return at <= 0 ? "***" : email.charAt(0) + "***" + email.substring(at);
    }

    public static String address(String address) {
        int kept = Math.min(ADDRESS_HEAD, address.codePointCount(0, address.length()) / 2);
        return address.substring(0, address.offsetByCodePoints(0, kept)) + "***";
    }

    public static String birthDate(String date) {
        return date.length() < 4 ? "****" : date.substring(0, 4) + date.substring(4).replaceAll("\\d", "*");
    }

    private static CustomerView.GoldenValue goldenValue(String field, CustomerView.GoldenValue value) {
        return new CustomerView.GoldenValue(value(field, value.value()), value.source(), value.sourceId());
    }

    private static List<CustomerView.GoldenValue> goldenValues(String field, List<CustomerView.GoldenValue> values) {
        return values.stream().map(v -> goldenValue(field, v)).toList();
    }
}
