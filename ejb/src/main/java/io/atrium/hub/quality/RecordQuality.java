package io.atrium.hub.quality;

import io.atrium.resolution.blocking.Hashing;
import io.atrium.resolution.model.PartyRecord;
import io.atrium.resolution.standardize.Phones;
import io.atrium.resolution.standardize.StandardizedRecord;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

import java.time.LocalDate;

/**
 * What a stored record offers the matcher, as the engine standardized it, kept in narrow columns of its
 * {@code source_record} row so that the data-quality figures are group-bys over columns, never a parse of
 * a million JSON documents. Written with the standardized form (the resolver, a re-index); rows stored
 * before it was kept have none ({@code quality_id} null) until their next update or a re-index.
 * <p>
 * The name is kept as a hash of its comparison key and the birth date as a date, only to tell whether two
 * records of one customer disagree; the same row already holds both in its standardized form.
 */
@Embeddable
public class RecordQuality {

    private static final long NAME_SEED = Hashing.seed("quality:name");

    /** Whether the record carries an identity document number, and whether it passes its type's checks. */
    public enum IdState { NONE, VALID, INVALID }

    @Column(name = "quality_person")
    private Boolean person;

    /** Hash of the name the matcher compares (a person's name key unless honorific-only, a company's name); null without one. */
    @Column(name = "quality_name_hash")
    private Long nameHash;

    /** Stated, or read from a valid resident ID. */
    @Column(name = "quality_birth_date")
    private LocalDate birthDate;

    /** M or F: stated, from an honorific, or from a valid resident ID. */
    @Column(name = "quality_gender", length = 1)
    private String gender;

    @Column(name = "quality_email")
    private Boolean email;

    /** Distinct numbers the engine verified (mobiles and landlines). */
    @Column(name = "quality_valid_phones")
    private Short validPhones;

    /** Numbers stated that no region rule accepts or that could not be read as a phone at all. */
    @Column(name = "quality_invalid_phones")
    private Short invalidPhones;

    @Enumerated(EnumType.STRING)
    @Column(name = "quality_id", length = 8)
    private IdState idNumber;

    protected RecordQuality() {
    }

    /** The quality of a record from what it stated and what the engine made of it. */
    public static RecordQuality of(PartyRecord stated, StandardizedRecord standardized) {
        RecordQuality quality = new RecordQuality();
        quality.person = standardized.isPerson();
        String name = standardized.isPerson()
                ? (standardized.weakName() ? null : standardized.nameKey())
                : standardized.orgName();
        quality.nameHash = name == null ? null : Hashing.hash64(NAME_SEED, name);
        quality.birthDate = standardized.birthDate();
        quality.gender = standardized.gender();
        quality.email = !standardized.emails().isEmpty();
        quality.validPhones = (short) Math.min(Short.MAX_VALUE, standardized.mobiles().size() + standardized.landlines().size());
        quality.invalidPhones = (short) Math.min(Short.MAX_VALUE, stated.getPhones().stream()
                .filter(raw -> raw != null && !raw.isBlank())
                .filter(raw -> Phones.standardize(raw).map(p -> p.type() == Phones.Type.UNVERIFIED).orElse(true))
                .count());
        quality.idNumber = standardized.idNumber() == null ? IdState.NONE
                : standardized.idValid() ? IdState.VALID : IdState.INVALID;
        return quality;
    }

    public boolean person() { return Boolean.TRUE.equals(person); }
    public Long nameHash() { return nameHash; }
    public LocalDate birthDate() { return birthDate; }
    public String gender() { return gender; }
    public boolean email() { return Boolean.TRUE.equals(email); }
    public int validPhones() { return validPhones == null ? 0 : validPhones; }
    public int invalidPhones() { return invalidPhones == null ? 0 : invalidPhones; }
    public IdState idNumber() { return idNumber; }
}
