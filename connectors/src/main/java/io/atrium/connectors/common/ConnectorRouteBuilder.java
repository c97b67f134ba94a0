package io.atrium.connectors.common;

import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;

/**
 * Base of every connector's routes: one error handler (retries with exponential back-off,
 * settings from configuration), an on/off switch, and endpoint URIs that
 * an operator replaces whole (a local directory, an SFTP server, ...) without a rebuild.
 */
public abstract class ConnectorRouteBuilder extends RouteBuilder {

    /** The property that switches this connector on; its routes are added only when it is true. */
    public abstract String enabledProperty();

    @Override
    public final void configure() throws Exception {
        errorHandler(defaultErrorHandler()
                .maximumRedeliveries(getContext().getPropertiesComponent()
                        .resolveProperty("atrium.connector.redeliveries").map(Integer::parseInt).orElse(3))
                .redeliveryDelay(1000)
                .useExponentialBackOff()
                .backOffMultiplier(2)
                .maximumRedeliveryDelay(30_000)
                .retryAttemptedLogLevel(LoggingLevel.WARN)
                .logExhausted(true)
                .logExhaustedMessageHistory(false)
                .logExhaustedMessageBody(false));
        configureRoutes();
    }

    protected abstract void configureRoutes() throws Exception;

    /** A configuration value, resolved now (defaults come from the hub, overrides from system properties). */
    protected String setting(String key) {
        return getContext().resolvePropertyPlaceholders("{{" + key + "}}");
    }

    /** Appends consumer options to an operator-given endpoint URI that may already carry some. */
    protected static String withOptions(String endpointUri, String options) {
        return endpointUri + (endpointUri.contains("?") ? "&" : "?") + options;
    }
}
