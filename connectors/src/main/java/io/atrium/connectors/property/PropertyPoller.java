package io.atrium.connectors.property;

import com.fasterxml.jackson.databind.JsonNode;
import io.atrium.connectors.common.CanonicalSink;
import io.atrium.connectors.common.FutureDatedSink;
import io.atrium.connectors.common.IntakeBatch;
import io.atrium.connectors.common.ProgressStore;
import io.atrium.connectors.common.QuarantineSink;
import io.atrium.connectors.common.SourceClock;
import io.atrium.connectors.common.TakenVersions;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads everything changed since the watermark from one paged collection. Records can move
 * between pages while the hub pages through them (an update moves an item, and the items
 * behind it shift), so a pass that saw fewer distinct items than the API's total is
 * repeated. A version already taken, the same (id, updatedAt), is skipped, in this pass and
 * in later polls ({@link TakenVersions}); an item that changed during the pass is taken again
 * in its newer version. The watermark advances only after a complete pass, and never past now
 * minus the clock skew ({@link SourceClock}), so each poll reads the skew again; until then
 * the next poll starts from the old one, and re-delivery is harmless.
 */
public class PropertyPoller {

    static final String EPOCH = "1970-01-01T00:00:00Z";

    private final PropertyApiClient api;
    private final ProgressStore progress;
    private final CanonicalSink sink;
    private final QuarantineSink quarantine;
    private final int pageSize;
    private final int maxPasses;
    private final SourceClock sourceClock;
    private final FutureDatedSink futureDated;
    private final Map<PropertyEndpoint, TakenVersions> taken = new EnumMap<>(PropertyEndpoint.class);

    public PropertyPoller(PropertyApiClient api, ProgressStore progress, CanonicalSink sink, QuarantineSink quarantine,
                          int pageSize, int maxPasses, SourceClock sourceClock, FutureDatedSink futureDated) {
        this.api = api;
        this.progress = progress;
        this.sink = sink;
        this.quarantine = quarantine;
        this.pageSize = pageSize;
        this.maxPasses = maxPasses;
        this.sourceClock = sourceClock;
        this.futureDated = futureDated;
    }

    /** @return the number of distinct items seen */
    public int poll(PropertyEndpoint endpoint) {
        String progressKey = "property:" + endpoint.name().toLowerCase(java.util.Locale.ROOT);
        String since = progress.load(progressKey).orElse(EPOCH);
        Set<String> seenItems = new HashSet<>();
        TakenVersions versions = taken.computeIfAbsent(endpoint, e -> new TakenVersions());
        // the API serves only items changed after the watermark: older versions are never read again
        versions.forgetBefore(OffsetDateTime.parse(since).toInstant());
        OffsetDateTime newest = OffsetDateTime.parse(since);
        long total = 0;
        for (int pass = 1; pass <= maxPasses; pass++) {
            int page = 0;
            while (true) {
                JsonNode body = api.page(endpoint, since, page, pageSize);
                total = body.get("total").asLong();
                JsonNode items = body.get("items");
                IntakeBatch batch = new IntakeBatch("property");
                List<TakenVersions.Taken> pageTaken = new ArrayList<>();
                for (int i = 0; i < items.size(); i++) {
                    JsonNode item = items.get(i);
                    String id = item.path(endpoint.idField()).asText("");
                    // an item without its id is known by its content, so that it is counted once
                    String itemKey = id.isEmpty() ? item.toString() : id;
                    seenItems.add(itemKey);
                    String updatedAt = item.path("updatedAt").asText("");
                    OffsetDateTime time = parsed(updatedAt);
                    // a version taken by an earlier poll moves the watermark all the same
                    newest = time != null && time.isAfter(newest) ? time : newest;
                    if (versions.contains(itemKey, updatedAt)) {
                        continue;
                    }
                    pageTaken.add(new TakenVersions.Taken(itemKey, updatedAt, time == null ? null : time.toInstant()));
                    if (time != null && sourceClock.isFutureDated(time.toInstant())) {
                        futureDated.futureDated("property",
                                endpoint.path() + " " + endpoint.idField() + "=" + id + " updatedAt=" + updatedAt);
                    }
                    batch.add(endpoint.format(), endpoint.path() + " updatedSince=" + since + " page " + page + " item " + i,
                            item::toString, () -> PropertyItemMapper.map(endpoint, item));
                }
                batch.handOver(sink, quarantine);
                versions.addAll(pageTaken);
                // the API may serve fewer items per page than asked for; its own page size counts
                int served = body.path("size").asInt(pageSize);
                if (items.isEmpty() || (long) (page + 1) * served >= total) {
                    break;
                }
                page++;
            }
            if (seenItems.size() >= total) {
                OffsetDateTime cap = sourceClock.watermarkCap().atOffset(ZoneOffset.UTC);
                progress.save(progressKey, (newest.isAfter(cap) ? cap : newest).toString());
                return seenItems.size();
            }
        }
        throw new PropertyApiClient.PropertyApiException("property API " + endpoint.path() + ": " + seenItems.size()
                + " distinct items seen of " + total + " after " + maxPasses + " passes; watermark kept");
    }

    /** Null when absent or not a date-time: such an item is quarantined by its mapper and moves no watermark. */
    private static OffsetDateTime parsed(String time) {
        if (time == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(time);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
