package io.atrium.simulators.labeled;

import io.atrium.resolution.model.IdType;
import io.atrium.resolution.model.PartyKind;
import io.atrium.resolution.model.PartyRecord;
import io.atrium.resolution.model.PartyRecordJson;
import io.atrium.simulators.population.ResidentIds;
import io.atrium.simulators.population.Script;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LabeledExportTest {

    private static String export(Script script, long seed, int persons) throws IOException {
        StringWriter out = new StringWriter();
        LabeledExport.write(script.generate(seed, persons), out, Long.MAX_VALUE);
        return out.toString();
    }

    private static List<PartyRecord> records(String jsonl) {
        return Arrays.stream(jsonl.split("\n")).map(PartyRecordJson::read).toList();
    }

    private static void assertSome(List<PartyRecord> records, String what, Predicate<PartyRecord> condition) {
        long count = records.stream().filter(condition).count();
        assertTrue(count > 0, "no record with " + what);
    }

    @Test
    void sameSeedGivesTheSameFileAndAnotherSeedAnother() throws IOException {
        String first = export(Script.CHINESE, 11, 800);
        assertEquals(first, export(Script.CHINESE, 11, 800));
        assertNotEquals(first, export(Script.CHINESE, 12, 800));
    }

    @Test
    void chineseRecordsNameTheProjectsTheirSourceTiesThePersonTo() throws IOException {
        List<PartyRecord> records = records(export(Script.CHINESE, 5, 4000));
        Map<String, Set<String>> heldByPerson = records.stream().filter(r -> r.getSource().equals("property"))
                .collect(Collectors.groupingBy(r -> (String) r.getAttributes().get(LabeledExport.TRUTH_ID),
                        Collectors.flatMapping(r -> r.projects().stream(), Collectors.toSet())));
        assertTrue(records.stream().filter(r -> r.getSource().equals("sales") || r.getSource().equals("membership"))
                .allMatch(r -> r.projects().isEmpty()), "customer rows and members name no project");
        assertTrue(records.stream().filter(r -> r.getKind() == PartyKind.ORGANIZATION).allMatch(r -> r.projects().isEmpty()));
        List<PartyRecord> tickets = records.stream().filter(r -> r.getSource().equals("service")).toList();
        long onAProject = tickets.stream().filter(r -> !r.projects().isEmpty()).count();
        assertTrue(onAProject > tickets.size() / 5 && onAProject < tickets.size() * 3 / 5, onAProject + " of " + tickets.size());
        // a ticket names a project its caller does not hold as well: relations are evidence, not truth
        assertSome(tickets, "ticket about a project the caller holds no unit in (per property)", r -> {
            Set<String> held = heldByPerson.get((String) r.getAttributes().get(LabeledExport.TRUTH_ID));
            return held != null && !held.isEmpty() && !r.projects().isEmpty() && !held.containsAll(r.projects());
        });
        assertTrue(records(export(Script.LATIN, 5, 1000)).stream().allMatch(r -> r.projects().isEmpty()),
                "the Latin population's business has no projects");
    }

    @Test
    void chineseRecordsAreCanonicalLabeledAndVaried() throws IOException {
        List<PartyRecord> records = records(export(Script.CHINESE, 5, 4000));
        assertTrue(records.size() > 8000);
        assertTrue(records.stream().allMatch(record -> record.getAttributes().get(LabeledExport.TRUTH_ID) instanceof String));
        assertSome(records, "traditional name", record -> record.getName().contains("陳") || record.getName().contains("張"));
        assertSome(records, "space inside a Chinese name", record -> record.getName().matches("\\p{IsHan}+[ \u3000]\\p{IsHan}+"));
        assertSome(records, "pinyin name", record -> record.getName().matches("[A-Z][a-z]+ [A-Z][a-z]+"));
        assertSome(records, "upper-case pinyin, given name first", record -> record.getName().matches("[A-Z]+ [A-Z]+"));
        assertSome(records, "honorific-only caller", record -> record.getSource().equals("service")
                && record.getName().matches("\\p{IsHan}{1,2}(先生|女士)"));
        assertSome(records, "dashed mobile", record -> record.getPhones().stream().anyMatch(p -> p.matches("1\\d\\d-\\d{4}-\\d{4}")));
        assertSome(records, "+86 spaced mobile", record -> record.getPhones().stream().anyMatch(p -> p.matches("\\+86 1\\d\\d \\d{4} \\d{4}")));
        assertSome(records, "86-prefixed mobile", record -> record.getPhones().stream().anyMatch(p -> p.matches("861\\d{10}")));
        assertSome(records, "landline", record -> record.getPhones().stream().anyMatch(p -> p.matches("0\\d{2,3}-\\d{8}")));
        assertSome(records, "15-digit ID", record -> record.getIdNumber() != null && record.getIdNumber().matches("\\d{15}"));
        assertSome(records, "lower-case x", record -> record.getIdNumber() != null && record.getIdNumber().endsWith("x"));
        assertSome(records, "ID with a wrong digit", record -> record.getIdType() == IdType.CN_RESIDENT
                && record.getIdNumber().matches("\\d{17}[\\dXx]") && !ResidentIds.isValid(record.getIdNumber()));
        assertSome(records, "person without ID", record -> record.getKind() == PartyKind.PERSON && record.getIdNumber() == null);
        assertSome(records, "company", record -> record.getKind() == PartyKind.ORGANIZATION && record.getIdType() == IdType.USCC);
        long sharedPhoneDifferentPeople = records.stream().filter(record -> !record.getPhones().isEmpty())
                .collect(Collectors.groupingBy(record -> record.getPhones().get(0).replaceAll("\\D", ""),
                        Collectors.mapping(record -> record.getAttributes().get(LabeledExport.TRUTH_ID),
                                Collectors.toSet())))
                .values().stream().filter(truths -> truths.size() > 1).count();
        assertTrue(sharedPhoneDifferentPeople > 50, "phones shared within families: " + sharedPhoneDifferentPeople);
    }

    @Test
    void latinRecordsHaveNicknamesSwapsAndGaps() throws IOException {
        List<PartyRecord> records = records(export(Script.LATIN, 5, 3000));
        assertSome(records, "nickname", record -> record.getGivenName() != null
                && List.of("Bill", "Bob", "Mike", "Liz", "Kate", "Tom").contains(record.getGivenName()));
        assertSome(records, "family name in the given-name field",
                record -> record.getGivenName() != null && List.of("Smith", "Müller", "Rossi", "Martin").contains(record.getGivenName()));
        assertSome(records, "initial", record -> record.getGivenName() != null && record.getGivenName().matches("[A-Z]\\."));
        assertSome(records, "lost umlaut", record -> "Mueller".equals(record.getFamilyName()) || "Muller".equals(record.getFamilyName()));
        assertSome(records, "no given name", record -> record.getGivenName() == null);
        assertSome(records, "no phone", record -> record.getPhones().isEmpty());
        assertSome(records, "passport", record -> record.getIdType() == IdType.PASSPORT);
        assertSome(records, "national phone format", record -> record.getPhones().stream().anyMatch(p -> p.startsWith("07")));
    }
}
