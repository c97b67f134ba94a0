package io.atrium.resolution.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The canonical party record: what every connector produces and the resolver consumes
 * (section 6 of the source formats). Mutable bean so that Jackson can keep unknown
 * fields as attributes instead of rejecting them.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonIgnoreProperties(ignoreUnknown = false)
public class PartyRecord {

    /**
     * The attribute naming the group's projects the record ties the party to (the units and leases it holds, a
     * ticket's project), as the connectors fill it from the record's own facts: relations the matcher weighs.
     */
    public static final String PROJECTS = "projects";

    private String source;
    private String sourceId;
    private PartyKind kind;
    private String name;
    private String givenName;
    private String familyName;
    private List<String> phones = new ArrayList<>();
    private List<String> emails = new ArrayList<>();
    private IdType idType;
    private String idNumber;
    @JsonDeserialize(using = LenientDateDeserializer.class)
    private LocalDate birthDate;
    private String gender;
    private String address;
    private Instant updatedAt;
    private final Map<String, Object> attributes = new LinkedHashMap<>();

    public String getSource() { return source; }
    public void setSource(String source) { this.source = source; }
    public String getSourceId() { return sourceId; }
    public void setSourceId(String sourceId) { this.sourceId = sourceId; }
    public PartyKind getKind() { return kind; }
    public void setKind(PartyKind kind) { this.kind = kind; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getGivenName() { return givenName; }
    public void setGivenName(String givenName) { this.givenName = givenName; }
    public String getFamilyName() { return familyName; }
    public void setFamilyName(String familyName) { this.familyName = familyName; }
    public List<String> getPhones() { return phones; }
    public void setPhones(List<String> phones) { this.phones = phones == null ? new ArrayList<>() : new ArrayList<>(phones); }
    public List<String> getEmails() { return emails; }
    public void setEmails(List<String> emails) { this.emails = emails == null ? new ArrayList<>() : new ArrayList<>(emails); }
    public IdType getIdType() { return idType; }
    public void setIdType(IdType idType) { this.idType = idType; }
    public String getIdNumber() { return idNumber; }
    public void setIdNumber(String idNumber) { this.idNumber = idNumber; }
    public LocalDate getBirthDate() { return birthDate; }
    public void setBirthDate(LocalDate birthDate) { this.birthDate = birthDate; }
    public String getGender() { return gender; }
    public void setGender(String gender) { this.gender = gender; }
    public String getAddress() { return address; }
    public void setAddress(String address) { this.address = address; }
    public Instant getUpdatedAt() { return updatedAt; }
    public void setUpdatedAt(Instant updatedAt) { this.updatedAt = updatedAt; }

    /** Fields the canonical model does not name; kept, never rejected. */
    @JsonAnyGetter
    public Map<String, Object> getAttributes() { return attributes; }

    @JsonAnySetter
    public void putAttribute(String key, Object value) { attributes.put(key, value); }

    /** The {@link #PROJECTS} attribute's names: a list, or one name as a string; none when absent. */
    public List<String> projects() {
        Object value = attributes.get(PROJECTS);
        if (value instanceof Collection<?> names) {
            return names.stream().filter(Objects::nonNull).map(String::valueOf).toList();
        }
        return value == null ? List.of() : List.of(String.valueOf(value));
    }

    /** The record's identity in the hub: (source, sourceId). */
    public String key() { return source + "/" + sourceId; }
}
