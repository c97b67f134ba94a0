package io.atrium.connectors.common;

import java.util.Optional;

/** Durable progress of a connector (watermarks, processed input keys), shared by all nodes. */
public interface ProgressStore {

    Optional<String> load(String key);

    void save(String key, String value);

    /** @return true when the key was there */
    boolean remove(String key);
}
