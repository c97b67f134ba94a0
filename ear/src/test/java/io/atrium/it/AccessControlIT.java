package io.atrium.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.atrium.web.api.HubApi;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Who may call what, over real HTTP: every JAX-RS method found in the resource classes (so a new
 * endpoint cannot be forgotten) must be in README's API table, and is called by every demo user and
 * anonymously, on its exact path and on spellings that URL patterns do not match (trailing slash,
 * double slash, a percent-encoded letter, a path parameter). Only the roles the table names get
 * through; every refusal is JSON with a reason.
 */
class AccessControlIT extends DeployedHub {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> ALL_HUB_ROLES = Set.of("hub-viewer", "hub-operator", "hub-admin", "hub-app");
    private static final Set<Integer> REFUSED = Set.of(401, 403, 404);

    /** The demo users (config/cli/add-demo-users.sh) by their roles; none for an anonymous caller. */
    private static final List<Caller> CALLERS = List.of(
            new Caller("anonymous", null, Set.of()),
            new Caller("membership", "membership:membership-pass1!", Set.of()),
            new Caller("viewer", HubClient.VIEWER, Set.of("hub-viewer")),
            new Caller("app", HubClient.APP, Set.of("hub-app")),
            new Caller("operator", HubClient.OPERATOR, Set.of("hub-operator", "hub-viewer")),
            new Caller("admin", HubClient.ADMIN, Set.of("hub-admin", "hub-operator", "hub-viewer")),
            new Caller("metrics", MetricsIT.METRICS, Set.of("hub-metrics")));

    private static Map<String, Set<String>> documented;
    private static Set<String> implemented;

    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void readTheTableAndTheCode() throws Exception {
        documented = readmeApiTable();
        implemented = resourceMethods();
    }

    @Test
    void everyEndpointInTheCodeIsInTheReadmeTableAndNoOther() {
        assertTrue(implemented.size() >= 20, "found only " + implemented + ": is the scan looking in the right place?");
        assertEquals(implemented, documented.keySet(), "JAX-RS methods (left) against README's API table (right)");
    }

    /** The OpenAPI document is generated from the resources at build time: it must describe each of them. */
    @Test
    void everyEndpointInTheCodeIsInTheOpenApiDocument() throws IOException {
        Answer answer = call("GET", "/api/openapi.json", CALLERS.get(2));
        assertEquals(200, answer.status(), answer.toString());
        JsonNode document = JSON.readTree(answer.body());
        assertTrue(document.get("openapi").asText().startsWith("3."), answer.toString());
        String base = document.get("servers").get(0).get("url").asText();
        Set<String> described = new TreeSet<>();
        Set<String> verbs = Set.of("get", "put", "post", "delete", "options", "head", "patch");
        document.get("paths").fields().forEachRemaining(path -> path.getValue().fieldNames().forEachRemaining(field -> {
            if (verbs.contains(field)) {
                described.add(field.toUpperCase() + " " + normalized(path.getKey().substring("/api".length())));
            }
        }));
        assertEquals("/hub", base, "paths are under the web module's context root");
        assertEquals(implemented, described, "JAX-RS methods (left) against the OpenAPI document's operations (right)");
    }

    @Test
    void onlyTheRolesTheReadmeNamesGetThrough() {
        List<String> failures = new ArrayList<>();
        for (String endpoint : implemented) {
            Set<String> roles = documented.get(endpoint);
            String method = endpoint.substring(0, endpoint.indexOf(' '));
            String path = endpoint.substring(endpoint.indexOf(' ') + 1).replace("{}", "0");
            for (Caller caller : CALLERS) {
                boolean allowed = roles == null || caller.roles().stream().anyMatch(roles::contains);
                if (allowed) {
                    Answer answer = call(method, "/api" + path, caller);
                    if (roles == null ? answer.challenged() || answer.status() == 403 : answer.status() == 401 || answer.status() == 403) {
                        failures.add(caller.name() + " " + method + " " + path + " was refused: " + answer);
                    }
                    continue;
                }
                for (String variant : spellings(path)) {
                    Answer answer = call(method, "/api" + variant, caller);
                    if (!REFUSED.contains(answer.status())) {
                        failures.add(caller.name() + " " + method + " " + variant + " got through: " + answer);
                    } else if (answer.status() != 404 && !answer.hasReason()) {
                        failures.add(caller.name() + " " + method + " " + variant + " refused without a JSON reason: " + answer);
                    }
                }
            }
        }
        assertEquals(List.of(), failures);
    }

    @Test
    void theContainersOwnAnswersAreJsonWithAReason() {
        Answer challenge = call("GET", "/api/customers/0", CALLERS.get(0));
        assertEquals(401, challenge.status());
        assertTrue(challenge.challenged(), "a login challenge keeps its WWW-Authenticate header");
        assertTrue(challenge.hasReason(), challenge.toString());

        Answer notFound = call("GET", "/no-such-page", CALLERS.get(5));
        assertEquals(404, notFound.status());
        assertTrue(notFound.hasReason(), notFound.toString());

        Answer wrongPassword = call("GET", "/api/connectors", new Caller("intruder", "admin:wrong", Set.of()));
        assertEquals(401, wrongPassword.status());
        assertTrue(wrongPassword.hasReason(), wrongPassword.toString());
    }

    /** The exact path, and spellings a URL pattern would not match but a lenient router might. */
    private static List<String> spellings(String path) {
        int lastLetter = lastLetter(path);
        return List.of(path, path + "/", "/" + path, path + ";x=1",
                path.substring(0, lastLetter) + "%" + Integer.toHexString(path.charAt(lastLetter)).toUpperCase()
                        + path.substring(lastLetter + 1));
    }

    private static int lastLetter(String path) {
        for (int i = path.length() - 1; i >= 0; i--) {
            if (Character.isLetter(path.charAt(i))) {
                return i;
            }
        }
        throw new IllegalArgumentException(path);
    }

    /** @param path under the hub's context root, e.g. {@code /api/health} */
    private Answer call(String method, String path, Caller caller) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(deploymentUrl.toString()).resolve("/hub" + path))
                .header("Content-Type", "application/json")
                .method(method, "GET".equals(method) ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString("{}"));
        if (caller.credentials() != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString(caller.credentials().getBytes(StandardCharsets.UTF_8)));
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body(),
                    response.headers().firstValue("WWW-Authenticate").orElse(""));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * README's API table: the first cell names endpoints as `METHOD /path` (query strings dropped), the
     * second the roles: `none` (open), `any hub role`, or the roles in backticks.
     */
    private static Map<String, Set<String>> readmeApiTable() throws IOException {
        String readme = Files.readString(java.nio.file.Path.of(System.getProperty("atrium.readme", "../README.md")));
        String table = readme.substring(readme.indexOf("\n## API\n"));
        table = table.substring(0, table.indexOf("\n## ", 1));
        Map<String, Set<String>> endpoints = new TreeMap<>();
        Pattern endpoint = Pattern.compile("`(GET|POST|PUT|DELETE|PATCH) (/[^`?]*)[^`]*`");
        Pattern role = Pattern.compile("`(hub-[a-z]+)`");
        for (String row : table.split("\n")) {
            String[] cells = row.split("\\|");
            if (!row.startsWith("| `") || cells.length < 3) {
                continue;
            }
            String rolesCell = cells[2].trim();
            Set<String> roles;
            if (rolesCell.startsWith("none")) {
                roles = null;
            } else if (rolesCell.startsWith("any hub role")) {
                roles = ALL_HUB_ROLES;
            } else {
                roles = new TreeSet<>();
                Matcher named = role.matcher(rolesCell);
                while (named.find()) {
                    roles.add(named.group(1));
                }
            }
            Matcher found = endpoint.matcher(cells[1]);
            while (found.find()) {
                endpoints.put(found.group(1) + " " + normalized(found.group(2)), roles);
            }
        }
        return endpoints;
    }

    /** Every resource method of the web module as `METHOD /path`, path parameters as `{}`. */
    private static Set<String> resourceMethods() throws Exception {
        Set<String> endpoints = new TreeSet<>();
        URI jar = HubApi.class.getProtectionDomain().getCodeSource().getLocation().toURI();
        try (FileSystem classes = FileSystems.newFileSystem(java.nio.file.Path.of(jar));
             Stream<java.nio.file.Path> files = Files.walk(classes.getPath("/"))) {
            for (java.nio.file.Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = file.toString().substring(1).replace('/', '.').replaceAll("\\.class$", "");
                Class<?> type = Class.forName(name, false, AccessControlIT.class.getClassLoader());
                Path root = type.getAnnotation(Path.class);
                if (root == null) {
                    continue;
                }
                for (Method method : type.getMethods()) {
                    for (String verb : httpMethods(method.getAnnotations())) {
                        Path sub = method.getAnnotation(Path.class);
                        endpoints.add(verb + " " + normalized(root.value() + (sub == null ? "" : "/" + sub.value())));
                    }
                }
            }
        }
        return endpoints;
    }

    private static Collection<String> httpMethods(Annotation[] annotations) {
        return Stream.of(annotations).map(a -> a.annotationType().getAnnotation(HttpMethod.class))
                .filter(designator -> designator != null).map(HttpMethod::value).toList();
    }

    private static String normalized(String path) {
        return ("/" + path).replaceAll("\\{[^}]*}", "{}").replaceAll("/+", "/").replaceAll("(.)/$", "$1");
    }

    private record Caller(String name, String credentials, Set<String> roles) {
    }

    private record Answer(int status, String body, String wwwAuthenticate) {

        boolean challenged() {
            return wwwAuthenticate.startsWith("Basic");
        }

        boolean hasReason() {
            try {
                JsonNode json = JSON.readTree(body);
                return json.hasNonNull("error") && !json.get("error").asText().isBlank();
            } catch (IOException e) {
                return false;
            }
        }

        @Override
        public String toString() {
            return status + " " + (body.length() > 120 ? body.substring(0, 120) + "..." : body);
        }
    }
}
