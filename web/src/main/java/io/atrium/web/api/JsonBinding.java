package io.atrium.web.api;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

/**
 * One JSON-B instance for every body the API reads or writes, configured as RESTEasy's own default. Without a
 * resolver RESTEasy builds a new one for each body: service-loader look-ups through the deployment's jars and
 * Yasson's set-up, which took half of a customer lookup's CPU in a flight recording. Jsonb is thread-safe.
 */
@Provider
public class JsonBinding implements ContextResolver<Jsonb> {

    private static final Jsonb JSONB = JsonbBuilder.create();

    @Override
    public Jsonb getContext(Class<?> type) {
        return JSONB;
    }
}
