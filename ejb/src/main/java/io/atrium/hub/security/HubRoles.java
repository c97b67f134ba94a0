package io.atrium.hub.security;

/**
 * The application realm's roles, as the API table in README names them. Constants so that
 * {@code @RolesAllowed} on resources and beans can't drift from one another by a typo.
 */
public final class HubRoles {

    public static final String ADMIN = "hub-admin";
    public static final String OPERATOR = "hub-operator";
    public static final String VIEWER = "hub-viewer";
    /** Downstream applications and systems that post canonical records. */
    public static final String APP = "hub-app";
    /** Monitoring systems that scrape the hub's metrics, and nothing else. */
    public static final String METRICS = "hub-metrics";

    private HubRoles() {
    }
}
