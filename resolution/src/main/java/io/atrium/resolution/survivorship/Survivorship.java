package io.atrium.resolution.survivorship;

import io.atrium.resolution.match.MatchSettings;
import io.atrium.resolution.standardize.StandardizedRecord;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the golden record of a customer from its member records. Per attribute: valid values before
 * invalid ones (a checked identifier, a full name rather than a surname with an honorific, a number
 * some region rule accepts), then the more trusted source (order from the settings), then the more
 * recent record, then the record key so that the choice is deterministic. Empty values never survive.
 */
public final class Survivorship {

    private final MatchSettings settings;

    public Survivorship(MatchSettings settings) {
        this.settings = settings;
    }

    private record Candidate(String value, boolean valid, StandardizedRecord from) {
    }

    public GoldenRecord golden(Collection<StandardizedRecord> members) {
        Map<GoldenAttribute, List<Candidate>> candidates = new EnumMap<>(GoldenAttribute.class);
        for (StandardizedRecord r : members) {
            offer(candidates, GoldenAttribute.KIND, r.kind().name(), true, r);
            offer(candidates, GoldenAttribute.NAME, r.displayName(), !r.weakName(), r);
            offer(candidates, GoldenAttribute.GENDER, r.gender(), true, r);
            offer(candidates, GoldenAttribute.BIRTH_DATE, r.birthDate() == null ? null : r.birthDate().toString(), true, r);
            offer(candidates, GoldenAttribute.ID, r.idNumber() == null ? null : r.idType() + ":" + r.idNumber(), r.idValid(), r);
            r.mobiles().forEach(p -> offer(candidates, GoldenAttribute.PHONE, p, true, r));
            r.landlines().forEach(p -> offer(candidates, GoldenAttribute.PHONE, p, true, r));
            r.unverifiedPhones().forEach(p -> offer(candidates, GoldenAttribute.PHONE, p, false, r));
            r.emails().forEach(e -> offer(candidates, GoldenAttribute.EMAIL, e, true, r));
            offer(candidates, GoldenAttribute.ADDRESS, r.address(), true, r);
        }
        Comparator<Candidate> best = Comparator.comparing((Candidate c) -> !c.valid())
                .thenComparingInt(c -> settings.trustRank(c.from().key().source()))
                .thenComparing(c -> c.from().updatedAt(), Comparator.nullsLast(Comparator.<Instant>reverseOrder()))
                .thenComparing(c -> c.from().key());
        Map<GoldenAttribute, List<GoldenValue>> golden = new EnumMap<>(GoldenAttribute.class);
        candidates.forEach((attribute, offered) -> {
            offered.sort(best);
            Map<String, GoldenValue> distinct = new LinkedHashMap<>();
            for (Candidate c : offered) {
                distinct.putIfAbsent(c.value(), new GoldenValue(c.value(), c.from().key()));
            }
            List<GoldenValue> values = new ArrayList<>(distinct.values());
            golden.put(attribute, List.copyOf(attribute.multiValued() ? values : values.subList(0, 1)));
        });
        return new GoldenRecord(golden);
    }

    private static void offer(Map<GoldenAttribute, List<Candidate>> candidates, GoldenAttribute attribute,
                              String value, boolean valid, StandardizedRecord from) {
        if (value != null && !value.isBlank()) {
            candidates.computeIfAbsent(attribute, a -> new ArrayList<>()).add(new Candidate(value, valid, from));
        }
    }
}
