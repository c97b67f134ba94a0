package io.atrium.client;

import java.io.Serializable;
import java.time.LocalDate;

/**
 * A customer search: one key and its value; a name search may be narrowed by birth date and gender
 * ({@code M} or {@code F}). Build it with the factory methods.
 *
 * @param source the source system, for {@link SearchKey#SOURCE_RECORD} only (the value is then the source id)
 */
public record CustomerQuery(SearchKey key, String value, String source, LocalDate birthDate, String gender)
        implements Serializable {

    public static CustomerQuery byPhone(String phone) {
        return new CustomerQuery(SearchKey.PHONE, phone, null, null, null);
    }

    public static CustomerQuery byIdNumber(String idNumber) {
        return new CustomerQuery(SearchKey.ID_NUMBER, idNumber, null, null, null);
    }

    public static CustomerQuery byEmail(String email) {
        return new CustomerQuery(SearchKey.EMAIL, email, null, null, null);
    }

    public static CustomerQuery byMemberNo(String memberNo) {
        return new CustomerQuery(SearchKey.MEMBER_NO, memberNo, null, null, null);
    }

    public static CustomerQuery bySourceRecord(String source, String sourceId) {
        return new CustomerQuery(SearchKey.SOURCE_RECORD, sourceId, source, null, null);
    }

    /** @param birthDate null, or only customers with a record born that day */
    public static CustomerQuery byName(String name, LocalDate birthDate, String gender) {
        return new CustomerQuery(SearchKey.NAME, name, null, birthDate, gender);
    }
}
