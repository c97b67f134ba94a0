package io.atrium.web.api;

import jakarta.annotation.security.PermitAll;
import io.atrium.connectors.common.InputFormat;
import io.atrium.connectors.common.RejectedInput;
import io.atrium.connectors.service.TicketMapper;
import io.atrium.connectors.service.WebhookSignature;
import io.atrium.hub.ingest.IngestResult;
import io.atrium.hub.ingest.RecordIngestion;
import io.atrium.hub.quarantine.Quarantine;
import io.atrium.resolution.model.CanonicalMessage;
import io.atrium.resolution.model.InvalidRecordException;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The call center's ticket webhook. No login: the HMAC signature of the raw body with the
 * shared secret is the authentication. 202 only once the ticket is on the persistent
 * resolver queue; an invalid body is quarantined (so an operator sees it) and answered 400.
 */
@PermitAll
@RequestScoped
@Path("/ingest/service/tickets")
public class TicketWebhookResource {

    @EJB
    RecordIngestion ingestion;

    @EJB
    Quarantine quarantine;

    @Inject
    @ConfigProperty(name = "atrium.service.enabled", defaultValue = "true")
    boolean enabled;

    @Inject
    @ConfigProperty(name = "atrium.service.webhook-secret")
    Optional<String> secret;

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response receive(byte[] body, @HeaderParam("X-Signature") String signature) {
        if (!enabled || secret.filter(s -> !s.isBlank()).isEmpty()) {
            return Response.status(Response.Status.SERVICE_UNAVAILABLE)
                    .entity(new ApiError("the customer-service connector is switched off or has no webhook secret configured")).build();
        }
        if (!new WebhookSignature(secret.get()).verifies(body, signature)) {
            return Response.status(Response.Status.UNAUTHORIZED)
                    .entity(new ApiError("missing or wrong X-Signature: expected sha256=<hex HMAC-SHA256 of the body>")).build();
        }
        String text = new String(body, StandardCharsets.UTF_8);
        CanonicalMessage message;
        try {
            message = TicketMapper.map(text);
        } catch (InvalidRecordException e) {
            quarantine.record(new RejectedInput(TicketMapper.SOURCE, InputFormat.SERVICE_TICKET_JSON,
                    "webhook request received " + Instant.now(), e.getMessage(), text));
            return Response.status(Response.Status.BAD_REQUEST).entity(new ApiError(e.getMessage())).build();
        }
        ingestion.enqueue(List.of(message));
        return Response.status(Response.Status.ACCEPTED).entity(new IngestResult(1, 0, List.of())).build();
    }
}
