package io.atrium.web.api;

import io.atrium.hub.security.HubRoles;
import io.undertow.servlet.handlers.ServletRequestContext;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * A first load's body has no size limit: it is streamed to disk, never held in memory. The HTTP listener's
 * {@code max-post-size} (10 MB) stays for every other request and caller; Undertow lets one exchange lift it before
 * its body is read (the login has been checked by then). A body declared longer than the listener's limit by its
 * {@code Content-Length} is refused by Undertow (400) before any filter runs: such a body is sent chunked.
 */
@WebFilter(urlPatterns = "/api/loads")
public class LoadBodyLimit extends HttpFilter {

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if ("POST".equals(request.getMethod()) && request.isUserInRole(HubRoles.ADMIN)) {
            ServletRequestContext.requireCurrent().getExchange().setMaxEntitySize(0);
        }
        chain.doFilter(request, response);
    }
}
