package io.atrium.client;

import java.io.Serializable;

/**
 * A customer as a search lists it: its id and the best value of each key field of its golden record
 * (null when no record states it), enough to pick the customer; {@link CustomerDirectory#find} gives the
 * whole view with lineage, records, roles, summary and timeline.
 *
 * @param kind      PERSON or COMPANY
 * @param idType    the type of {@code idNumber} as its source stated it (e.g. a resident ID or a credit code)
 * @param birthDate ISO date, as the golden record holds it
 */
public record CustomerSummary(String id, String kind, String name, String gender, String birthDate, String idType,
                              String idNumber, String phone, String email) implements Serializable {
}
