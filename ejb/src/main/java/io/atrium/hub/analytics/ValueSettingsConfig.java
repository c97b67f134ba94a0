package io.atrium.hub.analytics;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/** The value model's settings from MicroProfile Config (defaults in microprofile-config.properties) (read where injected). */
@ApplicationScoped
public class ValueSettingsConfig {

    @Produces
    ValueSettings settings() {
        Config config = ConfigProvider.getConfig();
        return ValueSettings.from(key -> config.getValue(key, String.class));
    }
}
