package io.atrium.resolution.standardize;

import io.atrium.resolution.model.IdType;
import io.atrium.resolution.model.PartyKind;
import io.atrium.resolution.model.PartyRecord;

import java.util.Optional;

/**
 * Kind and identity document type of a record whose source does not state them, or states them
 * against the evidence: a number's check character tells a resident ID from a credit code, and a
 * name with a company suffix (有限公司, 事务所, Ltd, GmbH ...) tells a company from a person. Every
 * connector completes its records here, so that a company never arrives as a person.
 */
public final class PartyTypes {

    /** The source's own word for an ID type its number contradicted (身份证 on a credit code). */
    public static final String SOURCE_ID_TYPE_ATTRIBUTE = "sourceIdType";
    /** The kind the source stated when a credit code contradicted it. */
    public static final String SOURCE_KIND_ATTRIBUTE = "sourceKind";

    private PartyTypes() {
    }

    /** {@link #complete(PartyRecord, String)} with the declared type's canonical name as the source's word. */
    public static PartyRecord complete(PartyRecord record) {
        return complete(record, null);
    }

    /**
     * Sets the ID type the number's check character proves (keeping the source's word for a type it
     * contradicted), a type for a number without one (OTHER when no check passes), and the kind when the
     * source stated none; a stated PERSON with a valid credit code becomes ORGANIZATION.
     *
     * @param sourceIdTypeWord the source's word for the declared ID type; null to keep the canonical name
     * @return the same record
     */
    public static PartyRecord complete(PartyRecord record, String sourceIdTypeWord) {
        boolean namedLikeOrganization = OrganizationNames.looksLikeOrganization(record.getName());
        IdType declared = record.getIdType();
        boolean validCreditCode = false;
        if (record.getIdNumber() != null && !record.getIdNumber().isBlank()) {
            IdType preferred = declared != null ? declared : namedLikeOrganization ? IdType.USCC : IdType.CN_RESIDENT;
            Optional<IdType> checked = IdNumbers.checkedType(record.getIdNumber(), preferred);
            IdType type = checked.orElse(declared != null ? declared : IdType.OTHER);
            if (declared != null && type != declared) {
                record.putAttribute(SOURCE_ID_TYPE_ATTRIBUTE, sourceIdTypeWord != null ? sourceIdTypeWord : declared.name());
            }
            record.setIdType(type);
            validCreditCode = checked.filter(t -> t == IdType.USCC).isPresent();
        }
        if (record.getKind() == null) {
            record.setKind(kindOf(record.getIdType(), record.getName()));
        } else if (record.getKind() == PartyKind.PERSON && validCreditCode) {
            record.putAttribute(SOURCE_KIND_ATTRIBUTE, record.getKind().name());
            record.setKind(PartyKind.ORGANIZATION);
        }
        return record;
    }

    /** The kind a record that does not state it has: a company's when its ID is a credit code or its name a company's. */
    public static PartyKind kindOf(IdType idType, String name) {
        return idType == IdType.USCC || OrganizationNames.looksLikeOrganization(name) ? PartyKind.ORGANIZATION : PartyKind.PERSON;
    }
}
