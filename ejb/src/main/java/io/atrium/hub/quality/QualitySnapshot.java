package io.atrium.hub.quality;

import io.atrium.client.QualityReport.SourceQuality;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.List;

/**
 * One source's data-quality figures at one snapshot (every source of a snapshot shares its time), with the
 * hub-wide figures of that time. Counts only: shares are worked out again when read, the quarantine's causes
 * are not kept.
 */
@Entity
@Table(name = "quality_snapshot", indexes = {
        @Index(name = "ix_quality_snapshot_time", columnList = "taken_at"),
        @Index(name = "ix_quality_snapshot_source", columnList = "source, taken_at")})
public class QualitySnapshot {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE)
    private Long id;

    @Column(name = "taken_at", nullable = false)
    private Instant takenAt;

    @Column(nullable = false, length = 64)
    private String source;

    @Column(name = "hub_customers", nullable = false)
    private long hubCustomers;
    @Column(name = "hub_in_several_systems", nullable = false)
    private long hubInSeveralSystems;

    private long records;
    private long unassessed;
    private long persons;
    @Column(name = "with_name")
    private long withName;
    @Column(name = "with_valid_phone")
    private long withValidPhone;
    @Column(name = "with_valid_id_number")
    private long withValidIdNumber;
    @Column(name = "with_birth_date")
    private long withBirthDate;
    @Column(name = "with_gender")
    private long withGender;
    @Column(name = "with_email")
    private long withEmail;
    @Column(name = "invalid_id_numbers")
    private long invalidIdNumbers;
    @Column(name = "invalid_phones")
    private long invalidPhones;
    private long customers;
    @Column(name = "duplicate_records")
    private long duplicateRecords;
    @Column(name = "name_conflicts")
    private long nameConflicts;
    @Column(name = "birth_date_conflicts")
    private long birthDateConflicts;
    @Column(name = "gender_conflicts")
    private long genderConflicts;
    @Column(name = "review_pairs")
    private long reviewPairs;
    private long quarantined;
    @Column(name = "quarantine_open")
    private long quarantineOpen;

    protected QualitySnapshot() {
    }

    QualitySnapshot(Instant takenAt, long hubCustomers, long hubInSeveralSystems, SourceQuality figures) {
        this.takenAt = takenAt;
        this.hubCustomers = hubCustomers;
        this.hubInSeveralSystems = hubInSeveralSystems;
        this.source = figures.source();
        this.records = figures.records();
        this.unassessed = figures.unassessed();
        this.persons = figures.persons();
        this.withName = figures.withName();
        this.withValidPhone = figures.withValidPhone();
        this.withValidIdNumber = figures.withValidIdNumber();
        this.withBirthDate = figures.withBirthDate();
        this.withGender = figures.withGender();
        this.withEmail = figures.withEmail();
        this.invalidIdNumbers = figures.invalidIdNumbers();
        this.invalidPhones = figures.invalidPhones();
        this.customers = figures.customers();
        this.duplicateRecords = figures.duplicateRecords();
        this.nameConflicts = figures.nameConflicts();
        this.birthDateConflicts = figures.birthDateConflicts();
        this.genderConflicts = figures.genderConflicts();
        this.reviewPairs = figures.reviewPairs();
        this.quarantined = figures.quarantined();
        this.quarantineOpen = figures.quarantineOpen();
    }

    SourceQuality figures() {
        return new SourceQuality(source, records, unassessed, persons, withName, withValidPhone, withValidIdNumber,
                withBirthDate, withGender, withEmail, invalidIdNumbers, invalidPhones, customers, duplicateRecords,
                nameConflicts, birthDateConflicts, genderConflicts, reviewPairs, quarantined, quarantineOpen, List.of());
    }

    Instant takenAt() { return takenAt; }
    String source() { return source; }
    long hubCustomers() { return hubCustomers; }
    long hubInSeveralSystems() { return hubInSeveralSystems; }
}
