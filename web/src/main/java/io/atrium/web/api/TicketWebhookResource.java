package io.atrium.web.api;

import io.atrium.connectors.service.TicketOutcome;
import io.atrium.connectors.service.WebhookAuthentication;
import io.atrium.hub.ingest.TicketWebhook;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The call center's ticket webhook. No login: the HMAC signature with the shared secret is
 * the authentication (with a signed timestamp, also the proof that the request is fresh).
 * This resource only checks (size, signature, freshness) and hands the raw body to the
 * customer-service connector, whose answer it returns: 202 once queued or when the same
 * request was already taken, 400 with the reason when the ticket is invalid (quarantined).
 */
@RequestScoped
@Path("/ingest/service/tickets")
@PermitAll
public class TicketWebhookResource {

    private static final Logger LOG = Logger.getLogger(TicketWebhookResource.class.getName());

    @EJB
    TicketWebhook connector;

    @Inject
    @ConfigProperty(name = "atrium.service.webhook-secret")
    Optional<String> secret;

    @Inject
    @ConfigProperty(name = "atrium.service.timestamp-tolerance-seconds")
    long timestampToleranceSeconds;

    @Inject
    @ConfigProperty(name = "atrium.service.require-timestamp")
    boolean timestampRequired;

    @Inject
    @ConfigProperty(name = "atrium.service.max-body-bytes")
    int maxBodyBytes;

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response receive(InputStream body, @HeaderParam(HttpHeaders.CONTENT_LENGTH) Long contentLength,
                            @HeaderParam("X-Signature") String signature,
                            @HeaderParam("X-Signature-Timestamp") String timestamp) throws IOException {
        if (secret.filter(s -> !s.isBlank()).isEmpty() || !connector.isOn()) {
            return ApiError.answer(Response.Status.SERVICE_UNAVAILABLE,
                    "the customer-service connector is switched off or has no webhook secret configured").build();
        }
        // refused before a byte is read when announced, and reading stops at the limit when not (chunked)
        if (contentLength != null && contentLength > maxBodyBytes) {
            return tooLarge();
        }
        byte[] raw = body.readNBytes(maxBodyBytes + 1);
        if (raw.length > maxBodyBytes) {
            return tooLarge();
        }
        Optional<String> refusal = new WebhookAuthentication(secret.get(), Duration.ofSeconds(timestampToleranceSeconds),
                timestampRequired, Clock.systemUTC()).refusal(raw, signature, timestamp);
        if (refusal.isPresent()) {
            return ApiError.answer(Response.Status.UNAUTHORIZED, refusal.get()).build();
        }
        TicketOutcome outcome;
        try {
            outcome = connector.receive(raw);
        } catch (EJBException e) {
            // nothing was kept (the transaction rolled back): the call center sends it again.
            // The failure's type only: a database's message may quote the ticket.
            LOG.log(Level.WARNING, "a ticket could not be queued: {0}", rootCause(e).getClass().getName());
            return ApiError.answer(Response.Status.SERVICE_UNAVAILABLE, "the ticket could not be queued now; send it again").build();
        }
        if (outcome.status() == TicketOutcome.Status.REJECTED) {
            return ApiError.answer(Response.Status.BAD_REQUEST, outcome.reason()).build();
        }
        return Response.status(Response.Status.ACCEPTED)
                .entity(new TicketReceipt(outcome.status().name().toLowerCase(Locale.ROOT))).build();
    }

    private static Throwable rootCause(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }

    private Response tooLarge() {
        return ApiError.answer(Response.Status.REQUEST_ENTITY_TOO_LARGE, "the body is larger than " + maxBodyBytes + " bytes").build();
    }

    /** `queued`, or `duplicate` when this very request was already taken (nothing changed). */
    public record TicketReceipt(String outcome) {
    }
}
