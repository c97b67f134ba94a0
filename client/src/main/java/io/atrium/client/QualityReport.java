package io.atrium.client;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/**
 * The data-quality figures at one time: hub-wide and per source.
 *
 * @param at       when they were computed
 * @param snapshot whether they are a stored snapshot (else computed for this answer)
 */
public record QualityReport(Instant at, boolean snapshot, HubQuality hub, List<SourceQuality> sources) implements Serializable {

    /**
     * @param customers               active customers
     * @param inSeveralSystems        active customers holding records of two or more sources
     * @param inSeveralSystemsShare   their share of the active customers
     */
    public record HubQuality(long customers, long inSeveralSystems, double inSeveralSystemsShare) implements Serializable {

        public HubQuality(long customers, long inSeveralSystems) {
            this(customers, inSeveralSystems, share(inSeveralSystems, customers));
        }
    }

    /**
     * One source's figures. Completeness counts records as the engine standardized them: a name it can compare
     * (not an honorific alone), a phone it verified, an ID number passing its type's check, a birth date and a
     * gender (stated or read from a valid resident ID; persons only), an e-mail.
     *
     * @param records           records stored
     * @param unassessed        records stored before the hub kept their quality (counted after a re-index)
     * @param persons           assessed records of persons (the base of the birth-date and gender shares)
     * @param invalidIdNumbers  records with an ID number that fails its type's check
     * @param invalidPhones     records with a phone number the engine could not verify
     * @param customers         customers holding a record of the source
     * @param duplicateRecords  records beyond the first of one customer in this source (records - customers)
     * @param nameConflicts     customers whose record of this source and a record of another source name different people
     * @param birthDateConflicts the same for birth dates
     * @param genderConflicts   the same for genders
     * @param reviewPairs       pairs waiting for a steward with a record of this source
     * @param quarantined       items of this source quarantined, whatever became of them
     * @param quarantineOpen    of them still open
     * @param quarantineCauses  per reason, commonest first (empty in a stored snapshot)
     */
    public record SourceQuality(String source, long records, long unassessed, long persons,
                                long withName, long withValidPhone, long withValidIdNumber, long withBirthDate,
                                long withGender, long withEmail, long invalidIdNumbers, long invalidPhones,
                                long customers, long duplicateRecords,
                                long nameConflicts, long birthDateConflicts, long genderConflicts,
                                long reviewPairs, long quarantined, long quarantineOpen,
                                List<QuarantineCause> quarantineCauses, Shares shares) implements Serializable {

        public SourceQuality {
            quarantineCauses = quarantineCauses == null ? List.of() : List.copyOf(quarantineCauses);
        }

        /** The figures with their shares worked out. */
        public SourceQuality(String source, long records, long unassessed, long persons,
                             long withName, long withValidPhone, long withValidIdNumber, long withBirthDate,
                             long withGender, long withEmail, long invalidIdNumbers, long invalidPhones,
                             long customers, long duplicateRecords,
                             long nameConflicts, long birthDateConflicts, long genderConflicts,
                             long reviewPairs, long quarantined, long quarantineOpen, List<QuarantineCause> quarantineCauses) {
            this(source, records, unassessed, persons, withName, withValidPhone, withValidIdNumber, withBirthDate,
                    withGender, withEmail, invalidIdNumbers, invalidPhones, customers, duplicateRecords,
                    nameConflicts, birthDateConflicts, genderConflicts, reviewPairs, quarantined, quarantineOpen,
                    quarantineCauses, new Shares(
                            share(withName, records - unassessed), share(withValidPhone, records - unassessed),
                            share(withValidIdNumber, records - unassessed), share(withBirthDate, persons),
                            share(withGender, persons), share(withEmail, records - unassessed),
                            share(invalidIdNumbers, records - unassessed), share(invalidPhones, records - unassessed),
                            share(duplicateRecords, records), share(quarantined, quarantined + records)));
        }
    }

    /**
     * Shares from 0 to 1 (0 when there is nothing to share). Completeness and invalid shares are of the assessed
     * records, birth date and gender of the persons among them, duplicates of the records, and the quarantine
     * rate of the items the source delivered as far as the hub knows them: quarantined items and records stored.
     */
    public record Shares(double name, double validPhone, double validIdNumber, double birthDate, double gender,
                         double email, double invalidIdNumber, double invalidPhone, double duplicate,
                         double quarantine) implements Serializable {
    }

    /** Items quarantined for one reason, and their share of what the source delivered (quarantined and stored). */
    public record QuarantineCause(String reason, long items, long open, double rate) implements Serializable {
    }

    /** part / whole rounded to four places, 0 when the whole is 0. */
    public static double share(long part, long whole) {
        return whole <= 0 ? 0 : Math.round(part * 10_000.0 / whole) / 10_000.0;
    }
}
