package io.atrium.hub.operations;

import io.atrium.hub.camel.CamelBootstrap;
import io.atrium.hub.resolve.ResolverStatus;
import io.atrium.hub.security.HubRoles;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.apache.camel.CamelContext;
import org.apache.camel.ServiceStatus;

import java.time.Instant;
import java.util.List;

/**
 * The hub's Camel routes for operators: each with its state and statistics, beside the resolver's timings; stop,
 * start, suspend and resume through Camel's route controller, each action audited (`route_action`), refused ones
 * included.
 */
@Stateless
@RolesAllowed({HubRoles.OPERATOR, HubRoles.ADMIN})
public class RouteControl {

    @EJB
    CamelBootstrap camel;

    @EJB
    ResolverStatus resolver;

    @PersistenceContext
    EntityManager em;

    @Resource
    SessionContext session;

    /** @param sampledAt when the figures were read */
    public record Routes(List<RouteView> routes, ResolverStatus.View resolver, Instant sampledAt) {
    }

    public Routes routes() {
        Instant sampledAt = Instant.now();
        return new Routes(camel.routeMonitor().routes(), resolver.view(), sampledAt);
    }

    /**
     * Carries the command out and answers the route as it is then. Refused (audited, nothing done) when the route
     * is unknown (not audited: there is no route), the command does not apply to its state, or the reason is too long.
     */
    public RouteView control(String routeId, RouteCommand command, String reason) {
        CamelContext context = camel.context();
        ServiceStatus before = context.getRouteController().getRouteStatus(routeId);
        if (before == null) {
            throw new RouteControlException(RouteControlException.Kind.NOT_FOUND, "no route " + routeId);
        }
        String given = reason == null || reason.isBlank() ? null : reason.strip();
        if (given != null && given.length() > RouteAction.MAX_REASON) {
            throw new RouteControlException(RouteControlException.Kind.INVALID,
                    "reason is longer than " + RouteAction.MAX_REASON + " characters");
        }
        if (!command.appliesTo(before)) {
            String refusal = "cannot " + command.verb() + " route " + routeId + ": it is " + before;
            audit(routeId, command, given, "refused: it is " + before);
            throw new RouteControlException(RouteControlException.Kind.CONFLICT, refusal);
        }
        try {
            command.apply(context.getRouteController(), routeId);
        } catch (Exception e) {
            String failure = "failed: " + RouteMonitor.describe(e);
            audit(routeId, command, given, failure);
            throw new RouteControlException(RouteControlException.Kind.FAILED, command.verb() + " " + routeId + " " + failure);
        }
        RouteView after = camel.routeMonitor().route(routeId).orElseThrow();
        audit(routeId, command, given, after.state());
        return after;
    }

    /** The audit trail, newest first. */
    public List<RouteAction.View> actions(int limit) {
        return em.createQuery("select a from RouteAction a order by a.actedAt desc, a.id desc", RouteAction.class)
                .setMaxResults(limit)
                .getResultStream()
                .map(RouteAction::view)
                .toList();
    }

    private void audit(String routeId, RouteCommand command, String reason, String outcome) {
        em.persist(new RouteAction(session.getCallerPrincipal().getName(), Instant.now(), routeId, command, reason, outcome));
    }
}
