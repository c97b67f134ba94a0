package io.atrium.resolution.blocking;

/** The kinds of blocking keys; each pairs records that agree on something cheap to look up. */
public enum BlockingRule {
    ID_NUMBER,
    PHONE,
    EMAIL,
    /** Name key and birth year: same person with no shared contact. */
    NAME_YEAR,
    /**
     * Birth date and the first letters of one romanized name token: catches typos in the other tokens or later in
     * this one, a missing given name, and swapped fields.
     */
    DATE_TOKEN,
    /** Romanized surname and phone: still narrow when a phone is shared by too many to block on alone. */
    SURNAME_PHONE,
    /** Address and one romanized name token: for records without birth date or contact. */
    ADDRESS_TOKEN,
    ORG_NAME,
    /**
     * Name key and one half of a phone's match key (first five or last four digits): the same person whose
     * number was mistyped in one digit, or two adjacent digits swapped, in one of the halves.
     */
    NAME_PHONE_PART,
    /**
     * Romanized surname and one half of a phone's match key: a surname-only caller (陈先生) whose mobile was keyed
     * one digit off, or with two neighbouring digits swapped, meets the full name; the name key of
     * {@link #NAME_PHONE_PART} is only his surname.
     */
    SURNAME_PHONE_PART,
    /**
     * One half of an identifier beside the name key (resident IDs, credit codes) or beside the first letters of
     * one name token (other identifiers): the same person whose ID number was mistyped in one half, for other
     * identifiers even with a typo in the other name tokens or a given name missing.
     */
    NAME_ID_PART,
    /**
     * Romanized surname and one of the group's projects the record ties the person to: a surname-only caller
     * (李女士) on a phone nobody else uses meets the customers of that surname holding a unit in the ticket's
     * project. The block-size limit skips a common surname in a large project.
     */
    SURNAME_PROJECT,
    /**
     * One half of an identifier other than a resident ID or credit code beside the address's postcode: the same
     * person whose identifier was mistyped in one half and whose name was mistyped at the start of every token, or
     * replaced, which {@link #NAME_ID_PART} needs; the scorer weighs an identifier one keystroke off beside the
     * address, the name decides nothing here.
     */
    ID_PART_POSTCODE
}
