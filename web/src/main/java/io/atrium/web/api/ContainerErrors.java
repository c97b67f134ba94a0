package io.atrium.web.api;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * The error page for answers the container gives before JAX-RS is reached (a login challenge,
 * a refused role in web.xml, an unknown path, an uncaught exception): the same JSON shape with
 * a reason as the API's own errors, never the server's HTML page. The status stays as the
 * container set it, and so does a login challenge's WWW-Authenticate header.
 */
@WebServlet(ContainerErrors.PATH)
public class ContainerErrors extends HttpServlet {

    static final String PATH = "/error";

    private static final Jsonb JSON = JsonbBuilder.create();

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        write(response, code instanceof Integer value ? value : HttpServletResponse.SC_NOT_FOUND);
    }

    /** Answers with the status and its reason in the API's JSON shape. */
    public static void write(HttpServletResponse response, int status) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(JSON.toJson(new ApiError(reason(status))));
    }

    static String reason(int status) {
        return switch (status) {
            case HttpServletResponse.SC_UNAUTHORIZED -> "log in: HTTP Basic authentication with a user of the hub's application realm";
            case HttpServletResponse.SC_FORBIDDEN -> "your role may not do this";
            case HttpServletResponse.SC_NOT_FOUND -> "no such resource";
            case HttpServletResponse.SC_METHOD_NOT_ALLOWED -> "this resource does not take that HTTP method (the Allow header lists those it takes)";
            case HttpServletResponse.SC_NOT_ACCEPTABLE -> "this resource cannot answer in a media type the Accept header allows";
            case HttpServletResponse.SC_UNSUPPORTED_MEDIA_TYPE -> "this resource does not take a body of that Content-Type";
            case HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE -> "the request body is too large";
            default -> status >= 500 ? "the hub failed to answer; operators find the cause in the server log" : "the request was refused";
        };
    }
}
