package io.atrium.hub.search;

import io.atrium.client.CustomerQuery;
import io.atrium.client.InvalidQueryException;
import io.atrium.hub.match.RecordHash;
import io.atrium.resolution.blocking.Blocker;
import io.atrium.resolution.blocking.BlockingKey;
import io.atrium.resolution.blocking.BlockingRule;
import io.atrium.resolution.match.FieldKind;
import io.atrium.resolution.model.IdType;
import io.atrium.resolution.model.PartyKind;
import io.atrium.resolution.model.PartyRecord;
import io.atrium.resolution.resolve.InMemoryFrequencies;
import io.atrium.resolution.standardize.PartyTypes;
import io.atrium.resolution.standardize.StandardizedRecord;
import io.atrium.resolution.standardize.Standardizer;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A search value standardized as the engine standardizes a stored record, and the hashes under which
 * the records carrying it are stored ({@code record_hash}): the standardized value itself for phones,
 * e-mails and names, the blocking keys for ID numbers and for a name with its birth date. So every
 * spelling the engine reads as one value finds the same records, and nothing is matched by text.
 *
 * @param record    the search values as a standardized record, to be scored against each candidate
 * @param field     the {@code record_hash.field} of the hashes
 * @param accepts   what a candidate must also satisfy (the same name, the birth date and gender asked for)
 */
record SearchProbe(StandardizedRecord record, short field, List<Long> hashes, Predicate<StandardizedRecord> accepts) {

    /** The source and id of the probe record: it is never stored, but the scorer orders pairs by key. */
    private static final String PROBE_SOURCE = "search";
    /** ID numbers are kept in a compact form of letters and digits; a value with fewer is no number. */
    private static final int SHORTEST_ID = 5;

    static SearchProbe of(CustomerQuery query) throws InvalidQueryException {
        return switch (query.key()) {
            case PHONE -> byValue(probe(r -> r.getPhones().add(query.value())), FieldKind.PHONE, "phone is not a phone number");
            case EMAIL -> byValue(probe(r -> r.getEmails().add(query.value())), FieldKind.EMAIL, "email is not an e-mail address");
            case ID_NUMBER -> byIdNumber(query.value());
            case NAME -> byName(query);
            case MEMBER_NO, SOURCE_RECORD -> throw new IllegalArgumentException(query.key() + " names a record, not a value");
        };
    }

    private static SearchProbe byValue(StandardizedRecord probe, FieldKind field, String invalid) throws InvalidQueryException {
        List<Long> hashes = valueHashes(probe, field);
        if (hashes.isEmpty()) {
            throw new InvalidQueryException(invalid);
        }
        return new SearchProbe(probe, (short) field.ordinal(), hashes, candidate -> true);
    }

    /**
     * A record's ID_NUMBER key carries its kind and ID type, which the source may have stated wrongly
     * (a credit code filed as a resident ID): the number is looked up under every kind and type.
     */
    private static SearchProbe byIdNumber(String idNumber) throws InvalidQueryException {
        StandardizedRecord probe = probe(r -> {
            r.setIdNumber(idNumber);
            PartyTypes.complete(r);
        });
        if (probe.idNumber() == null || probe.idNumber().length() < SHORTEST_ID || !probe.idNumber().chars().allMatch(Character::isLetterOrDigit)) {
            throw new InvalidQueryException("idNumber is not an ID number");
        }
        Set<Long> hashes = new LinkedHashSet<>();
        for (PartyKind kind : PartyKind.values()) {
            for (IdType type : IdType.values()) {
                StandardizedRecord typed = probe(r -> {
                    r.setKind(kind);
                    r.setIdType(type);
                    r.setIdNumber(idNumber);
                });
                blockingHashes(typed, BlockingRule.ID_NUMBER).forEach(hashes::add);
            }
        }
        return new SearchProbe(probe, RecordHash.BLOCKING_KEY, List.copyOf(hashes), candidate -> true);
    }

    /**
     * A person's name by its name key (sorted pinyin or Latin tokens: 张伟, 張偉, Zhang Wei and WEI ZHANG
     * share it), a company's by its standardized name. With a birth date, the narrower blocking keys of
     * date and name token are read instead, and they also find surname-only names (陈先生).
     */
    private static SearchProbe byName(CustomerQuery query) throws InvalidQueryException {
        String gender = gender(query.gender());
        StandardizedRecord probe = probe(r -> {
            r.setName(query.value());
            r.setBirthDate(query.birthDate());
            PartyTypes.complete(r);
        });
        LocalDate birthDate = query.birthDate();
        Predicate<StandardizedRecord> narrowed = candidate -> (birthDate == null || birthDate.equals(candidate.birthDate()))
                && (gender == null || gender.equals(candidate.gender()));
        if (!probe.isPerson()) {
            if (probe.orgName() == null) {
                throw new InvalidQueryException("name is not a name");
            }
            return new SearchProbe(probe, (short) FieldKind.ORG_NAME.ordinal(), valueHashes(probe, FieldKind.ORG_NAME),
                    candidate -> probe.orgName().equals(candidate.orgName()));
        }
        if (probe.nameKey() == null) {
            throw new InvalidQueryException("name is not a name");
        }
        Predicate<StandardizedRecord> sameName = candidate -> probe.nameKey().equals(candidate.nameKey());
        if (birthDate != null) {
            return new SearchProbe(probe, RecordHash.BLOCKING_KEY, blockingHashes(probe, BlockingRule.DATE_TOKEN), sameName.and(narrowed));
        }
        if (probe.weakName()) {
            throw new InvalidQueryException("name is a surname only: give the full name, or a birthDate with it");
        }
        return new SearchProbe(probe, (short) FieldKind.NAME.ordinal(), valueHashes(probe, FieldKind.NAME), sameName.and(narrowed));
    }

    /** M or F in any spelling the sources use (M, F, 男, 女, male, female); null when not asked for. */
    private static String gender(String raw) throws InvalidQueryException {
        if (raw == null) {
            return null;
        }
        String gender = probe(r -> r.setGender(raw)).gender();
        if (gender == null) {
            throw new InvalidQueryException("gender is not M or F");
        }
        return gender;
    }

    private static List<Long> valueHashes(StandardizedRecord probe, FieldKind field) {
        List<Long> hashes = new ArrayList<>();
        InMemoryFrequencies.hashes(probe, (kind, hash) -> {
            if (kind == field) {
                hashes.add(hash);
            }
        });
        return hashes;
    }

    private static List<Long> blockingHashes(StandardizedRecord probe, BlockingRule rule) {
        return Blocker.keys(probe).stream().filter(key -> key.rule() == rule).map(BlockingKey::hash).toList();
    }

    private static StandardizedRecord probe(java.util.function.Consumer<PartyRecord> values) {
        PartyRecord record = new PartyRecord();
        record.setSource(PROBE_SOURCE);
        record.setSourceId("query");
        values.accept(record);
        return Standardizer.standardize(record);
    }
}
