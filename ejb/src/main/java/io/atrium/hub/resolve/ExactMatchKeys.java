package io.atrium.hub.resolve;

import io.atrium.hub.customer.MatchKeyType;
import io.atrium.resolution.model.IdType;
import io.atrium.resolution.model.PartyRecord;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The exact keys the foundation links on: a resident ID number whose check character is
 * right, and a mainland mobile number. The matching engine replaces this with scored matching.
 */
public final class ExactMatchKeys {

    private static final int[] ID_WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String ID_CHECK_CODES = "10X98765432";

    private ExactMatchKeys() {
    }

    static Map<MatchKeyType, Set<String>> of(PartyRecord record) {
        Map<MatchKeyType, Set<String>> keys = new LinkedHashMap<>();
        String id = validResidentId(record);
        if (id != null) {
            keys.computeIfAbsent(MatchKeyType.ID_NUMBER, t -> new LinkedHashSet<>()).add(id);
        }
        for (String phone : record.getPhones()) {
            String mobile = mainlandMobile(phone);
            if (mobile != null) {
                keys.computeIfAbsent(MatchKeyType.PHONE, t -> new LinkedHashSet<>()).add(mobile);
            }
        }
        return keys;
    }

    static String validResidentId(PartyRecord record) {
        if (record.getIdNumber() == null || (record.getIdType() != null && record.getIdType() != IdType.CN_RESIDENT)) {
            return null;
        }
        String id = record.getIdNumber().trim().toUpperCase();
        if (!id.matches("\\d{17}[0-9X]")) {
            return null;
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (id.charAt(i) - '0') * ID_WEIGHTS[i];
        }
        return ID_CHECK_CODES.charAt(sum % 11) == id.charAt(17) ? id : null;
    }

    /** A mainland mobile number in E.164, from any of the spellings the sources use; null otherwise. */
    public static String mainlandMobile(String phone) {
        if (phone == null) {
            return null;
        }
        String digits = phone.replaceAll("\\D", "");
        if (digits.length() == 13 && digits.startsWith("86")) {
            digits = digits.substring(2);
        }
        return digits.matches("1[3-9]\\d{9}") ? "+86" + digits : null;
    }
}
