package io.atrium.hub.search;

import io.atrium.client.CustomerQuery;
import io.atrium.client.InvalidQueryException;
import io.atrium.client.SearchKey;
import io.atrium.hub.customer.JpaSourceRecordRepository;
import io.atrium.hub.resolve.CurrentFrequencies;
import io.atrium.hub.resolve.MatchEngine;
import io.atrium.resolution.match.ValueFrequencies;
import io.atrium.resolution.standardize.StandardizedRecord;
import io.atrium.resolution.standardize.StandardizedRecordJson;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Finds customers by a search key: the source records stored under the probe's hashes, each scored
 * against the probe by the engine's scorer (the weights of the fields the search gives), a customer
 * ranked by its best record. Merged customers hold no records, so only active ones are found.
 */
@ApplicationScoped
public class CustomerSearch {

    /** Source records read per search at most: a common name must not read a hundred thousand rows. */
    static final int CANDIDATE_LIMIT = 1_000;
    public static final int MAX_PAGE_SIZE = 100;
    private static final String MEMBERSHIP_SOURCE = "membership";

    /** A customer found, with its score (null for a lookup by record key). */
    public record Hit(String customerId, Double score) {
    }

    /** One page of hits, best first; complete is false when the candidates were cut at {@link #CANDIDATE_LIMIT}. */
    public record Ranking(List<Hit> hits, long total, boolean complete) {
    }

    @Inject
    MatchEngine engine;

    @Inject
    CurrentFrequencies frequencies;

    @Inject
    JpaSourceRecordRepository sourceRecords;

    /** Reads its candidates on the connection given, which the caller also reads the page's summaries on. */
    public Ranking search(Connection connection, CustomerQuery query, int page, int size) throws InvalidQueryException, SQLException {
        if (query == null || query.key() == null) {
            throw new InvalidQueryException("give a search key");
        }
        if (page < 0) {
            throw new InvalidQueryException("page must be 0 or more");
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw new InvalidQueryException("size must be between 1 and " + MAX_PAGE_SIZE);
        }
        if (query.value() == null || query.value().isBlank()) {
            throw new InvalidQueryException(parameterOf(query.key()) + " is empty");
        }
        if (query.key() == SearchKey.MEMBER_NO || query.key() == SearchKey.SOURCE_RECORD) {
            return byRecordKey(query, page);
        }
        return byProbe(connection, SearchProbe.of(query), page, size);
    }

    /** A record key names one record, so one customer at most: page 0 holds it. */
    private Ranking byRecordKey(CustomerQuery query, int page) throws InvalidQueryException {
        String source = query.key() == SearchKey.MEMBER_NO ? MEMBERSHIP_SOURCE : query.source();
        if (source == null || source.isBlank()) {
            throw new InvalidQueryException("source is empty");
        }
        // member numbers are written M00012345; a caller's m00012345 means the same member
        String sourceId = query.key() == SearchKey.MEMBER_NO ? query.value().strip().toUpperCase(Locale.ROOT) : query.value().strip();
        List<Hit> found = sourceRecords.find(source.strip(), sourceId)
                .map(record -> new Hit(record.getCustomerId(), null)).stream().toList();
        return new Ranking(page == 0 ? found : List.of(), found.size(), true);
    }

    /**
     * The candidates under the probe's hashes, in one statement whatever their number: the hashes are one array
     * parameter ({@code = any(?)}), so every probe runs the same prepared statement.
     */
    private static final String CANDIDATES = "select r.customer_id, r.standardized from source_record r where r.id in "
            + "(select h.source_record_id from record_hash h where h.hash = any(?) and h.field = ?) order by r.id"
            + " fetch first " + (CANDIDATE_LIMIT + 1) + " rows only";

    private Ranking byProbe(Connection connection, SearchProbe probe, int page, int size) throws SQLException {
        List<Candidate> candidates = candidates(connection, probe.hashes(), probe.field());
        boolean complete = candidates.size() <= CANDIDATE_LIMIT;
        ValueFrequencies weights = frequencies.get();
        Map<String, Double> best = new HashMap<>();
        for (Candidate row : candidates.subList(0, Math.min(candidates.size(), CANDIDATE_LIMIT))) {
            StandardizedRecord candidate = StandardizedRecordJson.read(row.standardized());
            if (probe.accepts().test(candidate)) {
                double score = engine.scorer().score(probe.record(), candidate, weights).score();
                best.merge(row.customerId(), score, Math::max);
            }
        }
        List<Hit> ranked = best.entrySet().stream()
                .map(e -> new Hit(e.getKey(), e.getValue()))
                .sorted(Comparator.comparing(Hit::score).reversed().thenComparing(Hit::customerId))
                .toList();
        int from = (int) Math.min((long) page * size, ranked.size());
        return new Ranking(ranked.subList(from, Math.min(ranked.size(), from + size)), ranked.size(), complete);
    }

    /** A stored record under a probe's hashes: its customer and its standardized form (JSON). */
    record Candidate(String customerId, String standardized) {
    }

    /** The records stored under any of these hashes of this field, by id, {@link #CANDIDATE_LIMIT} and one more at most. */
    static List<Candidate> candidates(Connection connection, List<Long> hashes, short field) throws SQLException {
        List<Candidate> candidates = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(CANDIDATES)) {
            statement.setArray(1, connection.createArrayOf("bigint", hashes.toArray()));
            statement.setShort(2, field);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    candidates.add(new Candidate(rows.getString(1), rows.getString(2)));
                }
            }
        }
        return candidates;
    }

    /** The REST parameter a key is given by, for reasons that name it. */
    static String parameterOf(SearchKey key) {
        return switch (key) {
            case PHONE -> "phone";
            case ID_NUMBER -> "idNumber";
            case EMAIL -> "email";
            case MEMBER_NO -> "memberNo";
            case SOURCE_RECORD -> "sourceId";
            case NAME -> "name";
        };
    }
}
