package io.atrium.connectors.common;

import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;

import java.util.Optional;

/**
 * Base of every connector's routes: one error handler (retries with exponential back-off,
 * settings from configuration, the final failure reported for operators), an on/off switch,
 * and endpoint URIs that
 * an operator replaces whole (a local directory, an SFTP server, ...) without a rebuild.
 */
public abstract class ConnectorRouteBuilder extends RouteBuilder {

    private FailureSink failures = (source, reason) -> { };

    /** The source system this connector reads, as named in settings (`atrium.<source>.*`) and on the API. */
    public abstract String source();

    /** The property that switches this connector on; its routes are added only when it is true. */
    public final String enabledProperty() {
        return "atrium." + source() + ".enabled";
    }

    /** Where failures that outlasted the retries are reported, for operators. */
    public void reportFailuresTo(FailureSink failures) {
        this.failures = failures;
    }

    @Override
    public final void configure() throws Exception {
        errorHandler(defaultErrorHandler()
                .maximumRedeliveries(Integer.parseInt(setting("atrium.connector.redeliveries")))
                .redeliveryDelay(1000)
                .useExponentialBackOff()
                .backOffMultiplier(2)
                .maximumRedeliveryDelay(30_000)
                .retryAttemptedLogLevel(LoggingLevel.WARN)
                .logExhausted(true)
                .logExhaustedMessageHistory(false)
                .logExhaustedMessageBody(false)
                .onPrepareFailure(exchange -> failures.failed(source(), reason(exchange.getException() != null
                        ? exchange.getException() : exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class)))));
        configureRoutes();
        // operators see the routes by source (Camel's route group)
        getRouteCollection().getRoutes().forEach(route -> route.setGroup(source()));
    }

    protected abstract void configureRoutes() throws Exception;

    /**
     * The first message in the cause chain that says more than its cause, with the type of the
     * root cause. Deeper messages are left out: a parser's message may quote the source's data.
     */
    private static String reason(Throwable failure) {
        if (failure == null) {
            return "unknown failure";
        }
        Throwable telling = failure;
        while (telling.getCause() != null && telling.getCause() != telling
                && (telling.getMessage() == null || telling.getMessage().equals(telling.getCause().toString()))) {
            telling = telling.getCause();
        }
        Throwable root = telling;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String reason = telling.getClass().getSimpleName() + ": " + telling.getMessage()
                + (root == telling ? "" : " (cause: " + root.getClass().getSimpleName() + ")");
        return reason.length() > 300 ? reason.substring(0, 300) : reason;
    }

    /** A configuration value, resolved now (defaults come from the hub, overrides from system properties). */
    protected String setting(String key) {
        return getContext().resolvePropertyPlaceholders("{{" + key + "}}");
    }

    /** A configuration value that has no default (a credential, say): empty until an operator sets it. */
    protected Optional<String> optionalSetting(String key) {
        return getContext().getPropertiesComponent().resolveProperty(key);
    }

    /** Appends consumer options to an operator-given endpoint URI that may already carry some. */
    protected static String withOptions(String endpointUri, String options) {
        return endpointUri + (endpointUri.contains("?") ? "&" : "?") + options;
    }
}
