package io.atrium.web.api;

import io.atrium.hub.deadletter.DeadLetters;
import io.atrium.hub.deadletter.DiscardedMessage;
import io.atrium.hub.deadletter.ParkedMessage;
import io.atrium.hub.security.HubRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.util.List;

/**
 * Messages parked in the dead-letter queue: listed with their origin, reason and masked
 * content; replayed to the queue they came from (all, or one by `messageId`); discarded one
 * by one with a reason ({@link ActionReasons#required}), each discard kept and listed. 404 when
 * no parked message has the `messageId` given (replay: none that names its original queue).
 */
@RequestScoped
@Path("/dlq")
@Produces(MediaType.APPLICATION_JSON)
public class DeadLetterResource {

    private static final int MAX_LIMIT = 1000;

    @EJB
    DeadLetters deadLetters;

    @GET
    @RolesAllowed({HubRoles.OPERATOR, HubRoles.ADMIN})
    public List<ParkedMessage> list(@QueryParam("limit") @DefaultValue("100") int limit) {
        return deadLetters.list(Math.max(1, Math.min(limit, MAX_LIMIT)));
    }

    @POST
    @Path("/replay")
    @RolesAllowed({HubRoles.OPERATOR, HubRoles.ADMIN})
    public DeadLetters.ReplayResult replay(@QueryParam("messageId") String messageId) {
        DeadLetters.ReplayResult result = deadLetters.replay(messageId);
        if (messageId != null && result.replayed() == 0) {
            throw notFound(messageId);
        }
        return result;
    }

    @POST
    @Path("/discard")
    @RolesAllowed({HubRoles.OPERATOR, HubRoles.ADMIN})
    public DiscardedMessage.View discard(@QueryParam("messageId") String messageId, String body) {
        if (messageId == null) {
            throw new BadRequestException("messageId is required");
        }
        return deadLetters.discard(messageId, ActionReasons.required(body)).orElseThrow(() -> notFound(messageId));
    }

    @GET
    @Path("/discards")
    @RolesAllowed({HubRoles.OPERATOR, HubRoles.ADMIN})
    public List<DiscardedMessage.View> discards(@QueryParam("limit") @DefaultValue("100") int limit) {
        return deadLetters.discards(Math.max(1, Math.min(limit, MAX_LIMIT)));
    }

    private static NotFoundException notFound(String messageId) {
        return new NotFoundException("no parked message " + messageId);
    }
}
