package io.atrium.connectors.property;

import com.fasterxml.jackson.databind.JsonNode;
import io.atrium.connectors.common.CanonicalSink;
import io.atrium.connectors.common.ProgressStore;
import io.atrium.connectors.common.QuarantineSink;
import io.atrium.connectors.common.RejectedInput;
import io.atrium.resolution.model.CanonicalMessage;
import io.atrium.resolution.model.InvalidRecordException;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads everything changed since the watermark from one paged collection. Records can move
 * between pages while the hub pages through them (an update moves an item, and the items
 * behind it shift), so a pass that saw fewer distinct items than the API's total is
 * repeated; items already seen are skipped. The watermark advances only after a complete
 * pass; until then the next poll starts from the old one, and re-delivery is harmless.
 */
public class PropertyPoller {

    static final String EPOCH = "1970-01-01T00:00:00Z";

    private final PropertyApiClient api;
    private final ProgressStore progress;
    private final CanonicalSink sink;
    private final QuarantineSink quarantine;
    private final int pageSize;
    private final int maxPasses;

    public PropertyPoller(PropertyApiClient api, ProgressStore progress, CanonicalSink sink, QuarantineSink quarantine,
                          int pageSize, int maxPasses) {
        this.api = api;
        this.progress = progress;
        this.sink = sink;
        this.quarantine = quarantine;
        this.pageSize = pageSize;
        this.maxPasses = maxPasses;
    }

    /** @return the number of distinct items taken */
    public int poll(PropertyEndpoint endpoint) {
        String progressKey = "property:" + endpoint.name().toLowerCase(java.util.Locale.ROOT);
        String since = progress.load(progressKey).orElse(EPOCH);
        Set<String> seen = new HashSet<>();
        OffsetDateTime newest = OffsetDateTime.parse(since);
        long total = 0;
        for (int pass = 1; pass <= maxPasses; pass++) {
            int page = 0;
            while (true) {
                JsonNode body = api.page(endpoint, since, page, pageSize);
                total = body.get("total").asLong();
                JsonNode items = body.get("items");
                List<CanonicalMessage> good = new ArrayList<>();
                for (int i = 0; i < items.size(); i++) {
                    JsonNode item = items.get(i);
                    String id = item.path(endpoint.idField()).asText("");
                    // an item without its id is known by its content, so that it is counted once
                    if (!seen.add(id.isEmpty() ? item.toString() : id)) {
                        continue;
                    }
                    newest = later(newest, item.path("updatedAt").asText(null));
                    try {
                        good.add(PropertyItemMapper.map(endpoint, item));
                    } catch (InvalidRecordException e) {
                        quarantine.quarantine(new RejectedInput("property", endpoint.format(),
                                endpoint.path() + " updatedSince=" + since + " page " + page + " item " + i,
                                e.getMessage(), item.toString()));
                    }
                }
                if (!good.isEmpty()) {
                    sink.deliver(good);
                }
                // the API may serve fewer items per page than asked for; its own page size counts
                int served = body.path("size").asInt(pageSize);
                if (items.isEmpty() || (long) (page + 1) * served >= total) {
                    break;
                }
                page++;
            }
            if (seen.size() >= total) {
                progress.save(progressKey, newest.toString());
                return seen.size();
            }
        }
        throw new PropertyApiClient.PropertyApiException("property API " + endpoint.path() + ": " + seen.size()
                + " distinct items seen of " + total + " after " + maxPasses + " passes; watermark kept");
    }

    private static OffsetDateTime later(OffsetDateTime current, String candidate) {
        if (candidate == null) {
            return current;
        }
        try {
            OffsetDateTime parsed = OffsetDateTime.parse(candidate);
            return parsed.isAfter(current) ? parsed : current;
        } catch (DateTimeParseException e) {
            return current;
        }
    }
}
