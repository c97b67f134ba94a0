package io.atrium.client;

/** What a {@link CustomerQuery} looks customers up by. */
public enum SearchKey {
    /** A phone number in any spelling: {@code 138-0013-8000}, {@code +86 138 0013 8000}, full-width digits. */
    PHONE,
    /** An ID number in any spelling: 15 or 18 digits, lowercase x, full-width, spaces or dashes. */
    ID_NUMBER,
    EMAIL,
    /** The membership system's member number ({@code M00012345}): its records' source id. */
    MEMBER_NO,
    /** One source record by (source, sourceId). */
    SOURCE_RECORD,
    /** A person's name: Chinese in simplified or traditional script, pinyin or Latin in any order; or a company's name. */
    NAME
}
