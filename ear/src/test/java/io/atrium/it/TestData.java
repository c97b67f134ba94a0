package io.atrium.it;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.UUID;

/** Unique test values, and files placed in the server's directories the way a source system would. */
final class TestData {

    static final ObjectMapper JSON = new ObjectMapper();

    private TestData() {
    }

    /**
     * Now on the sales system's clock: it keeps local times of China Standard Time, which the hub reads as
     * such and caps its watermark against (a local time of another zone would be hours off).
     */
    static java.time.LocalDateTime salesNow() {
        return java.time.LocalDateTime.now(java.time.ZoneId.of("Asia/Shanghai")).withNano(0);
    }

    /** A short id unique to this test; the database outlives a run. */
    static String runId() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    /**
     * A mainland mobile number derived from a seed. Well mixed: seeds that differ in one character
     * (run + "a", run + "b") must not give numbers one digit apart, which the matcher reads as a typo.
     */
    static String mobile(String seed) {
        return "139" + String.format("%08d", Math.floorMod(mixed(seed), 100_000_000L));
    }

    /**
     * A mobile, and the same with two neighbouring digits swapped across the halves of its match key (the last nine
     * digits, halved after five): a keying error that no phone blocking key meets, whole or by a half.
     */
    static List<String> mobileAndSwapAcrossKeyHalves(String seed) {
        String random = mobile(seed);
        return List.of(random.substring(0, 6) + "12" + random.substring(8), random.substring(0, 6) + "21" + random.substring(8));
    }

    /**
     * A birth date derived from a seed: test persons who share a common name must not also share a
     * birth date and gender, or the matcher rightly takes them for one person.
     */
    static java.time.LocalDate birthDate(String seed) {
        return java.time.LocalDate.of(1950, 1, 1).plusDays(Math.floorMod(mixed(seed), 20_000L));
    }

    /** A Chinese name from a seed that other runs are unlikely to use, so it is rare: matched with its plain weights. */
    static String rareName(String seed) {
        String given = "安柏澄德恩芳格瀚嘉婧珂岚玫楠琦瑞珊婷薇昕雅毓臻翰墨骁骏宸钧锐锋桐梓榆樾瑾瑜璇琬璟琅沅湘澜漪溪汐灏煜烨炜晗晔曦昀朗睿彦弈";
        int h = (int) Math.floorMod(mixed(seed), (long) given.length() * given.length());
        return "司马" + given.charAt(h / given.length()) + given.charAt(h % given.length());
    }

    static long mixed(String seed) {
        return UUID.nameUUIDFromBytes(seed.getBytes(java.nio.charset.StandardCharsets.UTF_8)).getMostSignificantBits();
    }

    static ObjectNode canonicalPerson(String source, String sourceId, String name, String phone) {
        ObjectNode record = JSON.createObjectNode()
                .put("source", source)
                .put("sourceId", sourceId)
                .put("kind", "PERSON")
                .put("name", name)
                .put("updatedAt", "2026-03-01T02:15:30Z");
        record.putArray("phones").add(phone);
        return record;
    }

    /** The server's data directory of the running suite (H2 or PostgreSQL run). */
    static Path serverData() {
        return Path.of(System.getProperty("atrium.it.data.dir"));
    }

    /** Whether the hub has moved this file to the directory's `.processed/` (under a time prefix). */
    static boolean processed(Path directory, String fileName) {
        try (var moved = Files.list(directory.resolve(".processed"))) {
            return moved.anyMatch(file -> file.getFileName().toString().endsWith("-" + fileName));
        } catch (java.nio.file.NoSuchFileException e) {
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the file next to its destination, then moves it in, so a poller never sees half a file. */
    static Path drop(Path directory, String fileName, String content, Charset charset) {
        try {
            Files.createDirectories(directory);
            Path partial = directory.resolve("." + fileName + ".partial");
            Files.writeString(partial, content, charset);
            return Files.move(partial, directory.resolve(fileName), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
