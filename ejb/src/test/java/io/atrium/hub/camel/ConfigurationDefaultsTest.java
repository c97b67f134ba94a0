package io.atrium.hub.camel;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The hub's settings are written once: defaults in {@code META-INF/microprofile-config.properties}, server
 * configuration in the CLI script's expressions, and README's Settings table says what both say. A default
 * changed in one place only, a key added to the code but not documented, or a key that both the server and
 * the hub read with different defaults, fails here.
 */
class ConfigurationDefaultsTest {

    private static final Path ROOT = Path.of("..");
    private static final String NONE = "(none)";
    private static final String SERVER = " (server)";
    /** A row of the Settings table: key, default cell. */
    private static final Pattern ROW = Pattern.compile("^\\| `(atrium\\.[^`]+)` \\| (.+?) \\| .+ \\|$");
    /** A key as the code spells it in a string literal or a Camel placeholder; a trailing dot marks a prefix. */
    private static final Pattern KEY_IN_CODE = Pattern.compile("[\"{](atrium\\.[a-z][a-z0-9.-]*)");

    private static Map<String, String> documented;
    private static Properties defaults;
    private static Map<String, String> server;

    @BeforeAll
    static void read() throws IOException {
        documented = settingsTable(Files.readString(ROOT.resolve("README.md")));
        defaults = new Properties();
        try (InputStream in = ConfigurationDefaultsTest.class.getResourceAsStream("/META-INF/microprofile-config.properties")) {
            assertNotNull(in, "the defaults file is on the ejb module's class path");
            defaults.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        }
        server = expressionDefaults(Files.readString(ROOT.resolve("config/cli/configure-atrium.cli")));
    }

    @Test
    void everyDefaultOfTheHubIsDocumentedAsItIs() {
        Map<String, String> expected = new TreeMap<>();
        defaults.stringPropertyNames().forEach(key -> expected.put(key, "`" + defaults.getProperty(key) + "`"));
        Map<String, String> found = new TreeMap<>();
        expected.keySet().forEach(key -> found.put(key, documented.get(key) == null ? null
                : documented.get(key).replace(SERVER, "")));
        assertEquals(expected, found);
    }

    @Test
    void everyDefaultOfTheServerConfigurationIsDocumentedAsItIsAndAgreesWithTheHubs() {
        Map<String, String> expected = new TreeMap<>();
        server.forEach((key, value) -> expected.put(key, "`" + value + "`" + SERVER));
        Map<String, String> found = new TreeMap<>();
        server.keySet().forEach(key -> found.put(key, documented.get(key)));
        assertEquals(expected, found);
        server.forEach((key, value) -> {
            if (defaults.containsKey(key)) {
                assertEquals(value, defaults.getProperty(key), key + ": the server and the hub read it with one default");
            }
        });
    }

    @Test
    void everyDocumentedKeyHasItsDefaultInOnePlaceOrNone() {
        documented.forEach((key, value) -> assertTrue(
                value.equals(NONE) ? !defaults.containsKey(key) && !server.containsKey(key)
                        : defaults.containsKey(key) || server.containsKey(key),
                key + " is documented with " + value));
    }

    @Test
    void everyKeyTheCodeReadsIsDocumented() throws IOException {
        Set<String> read = new TreeSet<>();
        for (String module : new String[]{"connectors", "ejb", "web"}) {
            try (Stream<Path> sources = Files.walk(ROOT.resolve(module).resolve("src/main/java"))) {
                sources.filter(path -> path.toString().endsWith(".java")).forEach(path -> {
                    Matcher key = KEY_IN_CODE.matcher(readString(path));
                    while (key.find()) {
                        read.add(key.group(1));
                    }
                });
            }
        }
        assertTrue(read.size() > 20, "keys found in the code: " + read);
        Set<String> undocumented = new TreeSet<>();
        for (String key : read) {
            boolean prefix = key.endsWith(".");
            if (prefix ? documented.keySet().stream().noneMatch(row -> row.startsWith(key)) : !documented.containsKey(key)) {
                undocumented.add(key);
            }
        }
        assertEquals(Set.of(), undocumented);
    }

    private static Map<String, String> settingsTable(String readme) {
        int start = readme.indexOf("### Settings");
        assertTrue(start >= 0, "README has a Settings section");
        Map<String, String> rows = new LinkedHashMap<>();
        for (String line : readme.substring(start, readme.indexOf("\n### ", start + 1)).split("\n")) {
            Matcher row = ROW.matcher(line);
            if (row.matches()) {
                assertEquals(null, rows.put(row.group(1), row.group(2)), row.group(1) + " is documented once");
            }
        }
        return rows;
    }

    /** {@code ${atrium.key:default}} expressions, whose default may hold expressions of its own. */
    private static Map<String, String> expressionDefaults(String script) {
        Map<String, String> found = new TreeMap<>();
        for (int at = script.indexOf("${atrium."); at >= 0; at = script.indexOf("${atrium.", at + 1)) {
            int colon = script.indexOf(':', at);
            int depth = 1;
            int end = colon + 1;
            for (; depth > 0; end++) {
                char c = script.charAt(end);
                depth += c == '{' ? 1 : c == '}' ? -1 : 0;
            }
            String key = script.substring(at + 2, colon);
            String value = script.substring(colon + 1, end - 1);
            String earlier = found.put(key, value);
            assertTrue(earlier == null || earlier.equals(value), key + " has one default in the server configuration");
        }
        return found;
    }

    private static String readString(Path path) {
        try {
            return Files.readString(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
