package io.atrium.resolution.standardize;

import io.atrium.resolution.model.IdType;
import io.atrium.resolution.model.PartyKind;
import io.atrium.resolution.model.PartyRecord;
import io.atrium.resolution.model.RecordKey;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Turns a canonical party record into a {@link StandardizedRecord}. Thread-safe. */
public final class Standardizer {

    /** Attribute a connector sets when it knows the name is only a surname (e.g. a caller's). */
    public static final String WEAK_NAME_ATTRIBUTE = "weakName";

    private Standardizer() {
    }

    public static StandardizedRecord standardize(PartyRecord record) {
        Optional<IdNumbers.StandardId> id = IdNumbers.standardize(record.getIdType(), record.getIdNumber());
        PartyKind kind = kindOf(record, id);
        List<String> mobiles = new ArrayList<>();
        List<String> landlines = new ArrayList<>();
        List<String> unverifiedPhones = new ArrayList<>();
        for (String raw : record.getPhones()) {
            Phones.standardize(raw).ifPresent(p -> addDistinct(switch (p.type()) {
                case MOBILE -> mobiles;
                case LANDLINE -> landlines;
                case UNVERIFIED -> unverifiedPhones;
            }, p.number()));
        }
        List<String> emails = new ArrayList<>();
        for (String raw : record.getEmails()) {
            String email = Emails.standardize(raw);
            if (email != null) {
                addDistinct(emails, email);
            }
        }
        boolean validResidentId = id.filter(i -> i.valid() && i.type() == IdType.CN_RESIDENT).isPresent();
        LocalDate birthDate = record.getBirthDate() != null || !validResidentId ? record.getBirthDate()
                : ResidentIds.birthDate(id.get().number()).orElse(null);
        String gender = genderOf(record.getGender());
        String address = Addresses.standardize(record.getAddress());
        RecordKey key = RecordKey.of(record);
        IdType idType = id.map(IdNumbers.StandardId::type).orElse(null);
        String idNumber = id.map(IdNumbers.StandardId::number).orElse(null);
        boolean idValid = id.map(IdNumbers.StandardId::valid).orElse(false);

        if (kind == PartyKind.ORGANIZATION) {
            OrganizationNames.OrganizationName org = OrganizationNames.standardize(record.getName());
            return new StandardizedRecord(key, kind, org == null ? null : org.display(), null, null, null, null, false,
                    org == null ? null : org.normalized(), org == null ? null : org.core(), null, null,
                    idType, idNumber, idValid, mobiles, landlines, unverifiedPhones, emails, address, record.getUpdatedAt(),
                    projectsOf(record));
        }
        PersonNames.PersonName name = PersonNames.standardize(record.getName(), record.getGivenName(),
                record.getFamilyName(), isMarkedWeak(record));
        if (gender == null && name != null) {
            gender = name.gender();
        }
        if (gender == null && validResidentId) {
            gender = ResidentIds.gender(idNumber);
        }
        return new StandardizedRecord(key, kind,
                name == null ? null : name.display(), name == null ? null : name.han(),
                name == null ? null : name.surname(), name == null ? null : name.key(),
                name == null ? null : name.ordered(), name != null && name.weak(), null, null,
                gender, birthDate, idType, idNumber, idValid, mobiles, landlines, unverifiedPhones, emails, address, record.getUpdatedAt(),
                projectsOf(record));
    }

    private static PartyKind kindOf(PartyRecord record, Optional<IdNumbers.StandardId> id) {
        if (record.getKind() != null) {
            return record.getKind();
        }
        return PartyTypes.kindOf(id.map(IdNumbers.StandardId::type).orElse(null), record.getName());
    }

    private static boolean isMarkedWeak(PartyRecord record) {
        Object flag = record.getAttributes().get(WEAK_NAME_ATTRIBUTE);
        return Boolean.TRUE.equals(flag) || "true".equalsIgnoreCase(String.valueOf(flag));
    }

    /** M/F from the spellings the sources use (M, F, 男, 女, male, female); anything else is unknown. */
    static String genderOf(String raw) {
        if (raw == null) {
            return null;
        }
        return switch (ChineseText.toHalfWidth(raw).trim().toLowerCase(Locale.ROOT)) {
            case "m", "male", "男", "1" -> "M";
            case "f", "female", "女", "2" -> "F";
            default -> null;
        };
    }

    /** The record's {@link PartyRecord#PROJECTS} folded (half-width, simplified, lower case, no spaces), each once, sorted. */
    static List<String> projectsOf(PartyRecord record) {
        return record.projects().stream()
                .map(project -> ChineseText.simplified(ChineseText.cleaned(project)).replace(" ", "").toLowerCase(Locale.ROOT))
                .filter(project -> !project.isEmpty())
                .distinct().sorted().toList();
    }

    private static void addDistinct(List<String> values, String value) {
        if (!values.contains(value)) {
            values.add(value);
        }
    }
}
