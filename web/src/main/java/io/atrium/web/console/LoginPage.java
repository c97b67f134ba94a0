package io.atrium.web.console;

import io.atrium.web.api.ContainerErrors;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * The form login's page (web.xml's form-login-page and form-error-page). The FORM mechanism forwards here
 * every request that needs a login and has none, the API's included: those keep the API's answer for
 * machine clients, 401 with a Basic challenge and a JSON reason, so only the console's pages show the form.
 */
@WebServlet(LoginPage.PATH)
public class LoginPage extends HttpServlet {

    static final String PATH = "/login";
    private static final String API_PATH = "/api";

    private static final String PAGE = """
            <!doctype html>
            <html lang="en">
            <head>
              <meta charset="utf-8">
              <meta name="viewport" content="width=device-width, initial-scale=1">
              <title>Atrium: log in</title>
              <link rel="stylesheet" href="%1$s/webjars/picocss__pico/2.1.1/css/pico.min.css">
              <link rel="stylesheet" href="%1$s/console.css">
            </head>
            <body>
            <main class="container login">
              <h1>Atrium console</h1>
              %2$s
              <form method="post" action="%1$s/j_security_check">
                <label>User <input id="username" name="j_username" autocomplete="username" required autofocus></label>
                <label>Password <input id="password" name="j_password" type="password" autocomplete="current-password" required></label>
                <button id="login" type="submit">Log in</button>
              </form>
              <p><small>The users and roles of the hub's application realm, as for the API.</small></p>
            </main>
            </body>
            </html>
            """;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("Cache-Control", "no-store");
        Object forwardedFrom = request.getAttribute(RequestDispatcher.FORWARD_SERVLET_PATH);
        if (forwardedFrom instanceof String path && (path.equals(API_PATH) || path.startsWith(API_PATH + "/"))) {
            response.setHeader("WWW-Authenticate", "Basic realm=\"Atrium\"");
            ContainerErrors.write(response, HttpServletResponse.SC_UNAUTHORIZED);
            return;
        }
        boolean failed = request.getParameter("failed") != null;
        response.setStatus(failed ? HttpServletResponse.SC_UNAUTHORIZED : HttpServletResponse.SC_OK);
        response.setContentType("text/html");
        response.setCharacterEncoding("UTF-8");
        String message = failed ? "<p id=\"login-failed\" class=\"error\" role=\"alert\">Wrong user or password.</p>" : "";
        response.getWriter().write(PAGE.formatted(request.getContextPath(), message));
    }
}
