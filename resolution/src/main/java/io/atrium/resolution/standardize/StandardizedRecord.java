package io.atrium.resolution.standardize;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.atrium.resolution.model.IdType;
import io.atrium.resolution.model.PartyKind;
import io.atrium.resolution.model.RecordKey;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A party record with every field standardized once, the only form the matcher reads. The hub stores it
 * next to the source record ({@link StandardizedRecordJson}) so that candidates need no second pass.
 *
 * @param hanName     folded Chinese name (simplified, no spaces), null for Latin names
 * @param surname     romanized surname (pinyin or Latin family name), null when not known
 * @param nameKey     sorted pinyin or Latin tokens: compares 张伟, Zhang Wei and WEI ZHANG
 * @param weakName    the name is only a surname (陈先生): weak evidence
 * @param orderedName Latin "given family" when the source said which is which
 * @param orgName     company name without legal forms; orgCore also without the leading region
 * @param mobiles     E.164 mobile numbers; landlines are kept apart because households and offices share them
 * @param unverifiedPhones digits of numbers no region rule accepts (foreign numbers written domestically)
 * @param projects    the group's projects the record ties the party to (a unit held, a lease, a ticket's project),
 *                    folded; relations as evidence beyond the party's own fields
 */
@JsonInclude(JsonInclude.Include.NON_DEFAULT)
public record StandardizedRecord(
        RecordKey key,
        PartyKind kind,
        String displayName,
        String hanName,
        String surname,
        String nameKey,
        String orderedName,
        boolean weakName,
        String orgName,
        String orgCore,
        String gender,
        LocalDate birthDate,
        IdType idType,
        String idNumber,
        boolean idValid,
        List<String> mobiles,
        List<String> landlines,
        List<String> unverifiedPhones,
        List<String> emails,
        String address,
        Instant updatedAt,
        List<String> projects) {

    public StandardizedRecord {
        mobiles = mobiles == null ? List.of() : List.copyOf(mobiles);
        landlines = landlines == null ? List.of() : List.copyOf(landlines);
        unverifiedPhones = unverifiedPhones == null ? List.of() : List.copyOf(unverifiedPhones);
        emails = emails == null ? List.of() : List.copyOf(emails);
        projects = projects == null ? List.of() : List.copyOf(projects);
    }

    @JsonIgnore
    public boolean isPerson() {
        return kind == PartyKind.PERSON;
    }

    /** Whether the record has any phone number at all. */
    @JsonIgnore
    public boolean hasPhone() {
        return !mobiles.isEmpty() || !landlines.isEmpty() || !unverifiedPhones.isEmpty();
    }

    /**
     * Surname and project, one key per project of a person with a known surname: what blocking pairs a
     * surname-only caller with the customers holding a unit in the ticket's project on, and whose frequency
     * says how many candidates the relation leaves.
     */
    @JsonIgnore
    public List<String> surnameProjectKeys() {
        if (!isPerson() || surname == null) {
            return List.of();
        }
        return projects.stream().map(project -> surnameProjectKey(surname, project)).toList();
    }

    /** The value {@link #surnameProjectKeys()} holds for one surname and project. */
    public static String surnameProjectKey(String surname, String project) {
        return surname + '|' + project;
    }

}
