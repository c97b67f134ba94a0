package io.atrium.hub.resolve;

import io.atrium.hub.customer.MatchKeyType;
import io.atrium.resolution.model.IdType;
import io.atrium.resolution.model.PartyRecord;
import io.atrium.resolution.standardize.IdNumbers;
import io.atrium.resolution.standardize.Phones;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The exact keys the hub links on until the scored matching of the resolution engine runs
 * in it: a resident ID number or a unified social credit code that passes its checks (old
 * 15-digit IDs upgraded to 18), and a mobile number in E.164, each standardized by the
 * engine's standardizers so that every spelling the sources use gives the same key.
 */
public final class ExactMatchKeys {

    private ExactMatchKeys() {
    }

    static Map<MatchKeyType, Set<String>> of(PartyRecord record) {
        Map<MatchKeyType, Set<String>> keys = new LinkedHashMap<>();
        IdNumbers.standardize(record.getIdType(), record.getIdNumber())
                .filter(id -> id.valid() && (id.type() == IdType.CN_RESIDENT || id.type() == IdType.USCC))
                .ifPresent(id -> keys.computeIfAbsent(MatchKeyType.ID_NUMBER, t -> new LinkedHashSet<>())
                        .add(id.type() + ":" + id.number()));
        for (String phone : record.getPhones()) {
            String mobile = mobile(phone);
            if (mobile != null) {
                keys.computeIfAbsent(MatchKeyType.PHONE, t -> new LinkedHashSet<>()).add(mobile);
            }
        }
        return keys;
    }

    /** A mobile number in E.164, from any of the spellings the sources use; null for landlines and unreadable numbers. */
    public static String mobile(String phone) {
        return Phones.standardize(phone)
                .filter(standard -> standard.type() == Phones.Type.MOBILE)
                .map(Phones.Phone::number)
                .orElse(null);
    }
}
