package io.atrium.hub.operations;

import io.atrium.hub.persistence.EnumColumns;
import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** The audit trail of route control: who did what to which route, when, why, and what came of it. */
@Entity
@Table(name = "route_action")
public class RouteAction {

    static final int MAX_REASON = 2000;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE)
    private Long id;

    @Column(nullable = false, length = 128)
    private String actor;

    @Column(name = "acted_at", nullable = false)
    private Instant actedAt;

    @Column(name = "route_id", nullable = false, length = 128)
    private String routeId;

    @Convert(converter = EnumColumns.RouteCommands.class)
    @Column(nullable = false, length = 12)
    private RouteCommand action;

    @Column(length = MAX_REASON)
    private String reason;

    /** The route's state afterwards, or why the action was refused or failed. */
    @Column(nullable = false, length = 500)
    private String outcome;

    protected RouteAction() {
    }

    RouteAction(String actor, Instant actedAt, String routeId, RouteCommand action, String reason, String outcome) {
        this.actor = actor;
        this.actedAt = actedAt;
        this.routeId = routeId;
        this.action = action;
        this.reason = reason;
        this.outcome = outcome.length() > 500 ? outcome.substring(0, 500) : outcome;
    }

    View view() {
        return new View(id, actor, actedAt, routeId, action.verb(), reason, outcome);
    }

    /** @param action stop, start, suspend or resume; reason null when none was given */
    @JsonbNillable
    public record View(long id, String actor, Instant actedAt, String routeId, String action, String reason, String outcome) {
    }
}
