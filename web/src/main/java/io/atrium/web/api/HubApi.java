package io.atrium.web.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The hub's REST API, under /hub/api. */
@ApplicationPath("/api")
public class HubApi extends Application {
}
