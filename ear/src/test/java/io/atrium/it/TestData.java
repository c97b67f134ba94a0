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

    /**
     * A Chinese name from a seed that no other record of the suite is likely to carry (a compound surname the name
     * prior does not list, two given characters: 63,504 names), so it is rare: matched with its plain weights. A name
     * the frequency snapshot has already counted from another class's records is weighed as rarer than typical, and a
     * name and birth date alone then merge instead of going to review: with one surname (3,969 names), after six
     * classes' records, DataQualityIT's review pair merged in 2 of 25 tries on each database; with these, in none.
     */
    static String rareName(String seed) {
        String surnames = "司马诸葛上官司徒东方皇甫令狐夏侯慕容尉迟公孙长孙宇文轩辕端木南宫";
        String given = "安柏澄德恩芳格瀚嘉婧珂岚玫楠琦瑞珊婷薇昕雅毓臻翰墨骁骏宸钧锐锋桐梓榆樾瑾瑜璇琬璟琅沅湘澜漪溪汐灏煜烨炜晗晔曦昀朗睿彦弈";
        int names = given.length() * given.length();
        int h = (int) Math.floorMod(mixed(seed), (long) surnames.length() / 2 * names);
        int surname = h / names * 2;
        int givenPair = h % names;
        return surnames.substring(surname, surname + 2) + given.charAt(givenPair / given.length()) + given.charAt(givenPair % given.length());
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
