package io.atrium.simulators;

/**
 * What a simulator delivered to the hub, item by item, for a drill to compare with what the
 * hub stored: a party record by (source, sourceId), a fact by (source, type, factId), an item
 * made broken on purpose (the hub must quarantine it), an item delivered again with the content
 * it had (the hub must not count it twice nor announce a change for it), and the time of a
 * source's last change (the hub's watermark must reach it). Only items the hub took or refused are written: one
 * that failed on the way (the hub down) was not delivered. Ids only, never personal data.
 */
public interface Ledger {

    enum Kind { RECORD, FACT, BROKEN, DUPLICATE, LAST_CHANGE }

    /** No ledger: the simulators' ordinary runs. */
    Ledger NONE = (source, kind, type, id) -> { };

    /**
     * type: the fact type for FACT, what was broken for BROKEN, "record" or the fact type for DUPLICATE, the collection for
     * LAST_CHANGE, null for RECORD.
     */
    void add(String source, Kind kind, String type, String id);

    default void record(String source, String sourceId) {
        add(source, Kind.RECORD, null, sourceId);
    }

    default void fact(String source, String type, String factId) {
        add(source, Kind.FACT, type, factId);
    }

    default void broken(String source, String what, String id) {
        add(source, Kind.BROKEN, what, id);
    }

    /** A party record or fact sent again with the content it had: what = "record" or the fact type. */
    default void duplicate(String source, String what, String id) {
        add(source, Kind.DUPLICATE, what, id);
    }
}
