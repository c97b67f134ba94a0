package io.atrium.resolution.blocking;

import io.atrium.resolution.model.IdType;
import io.atrium.resolution.standardize.Addresses;
import io.atrium.resolution.standardize.ChineseAddress;
import io.atrium.resolution.standardize.Phones;
import io.atrium.resolution.standardize.StandardizedRecord;

import java.util.LinkedHashSet;
import java.util.Set;

/** The blocking keys of a standardized record. Keys carry the party kind so persons never pair with companies. */
public final class Blocker {

    /** Digits of a phone match key in its first half for {@link BlockingRule#NAME_PHONE_PART}. */
    private static final int PHONE_HEAD = 5;
    /** Identifiers shorter than this have halves too common to pair on, even beside a name token. */
    private static final int MIN_ID_FOR_PARTS = 6;
    /**
     * Letters of a name token a key keeps: a typo later in the token (Stephneson, Blackxlow) or a letter dropped
     * or added there still meets, while the key stays narrow beside a birth date or half an identifier.
     */
    private static final int TOKEN_HEAD = 3;

    private Blocker() {
    }

    public static Set<BlockingKey> keys(StandardizedRecord r) {
        Set<BlockingKey> keys = new LinkedHashSet<>();
        String kind = r.isPerson() ? "P|" : "O|";
        if (r.idNumber() != null) {
            keys.add(new BlockingKey(BlockingRule.ID_NUMBER, kind + r.idType() + '|' + r.idNumber()));
        }
        for (String phone : phoneKeys(r)) {
            keys.add(new BlockingKey(BlockingRule.PHONE, kind + phone));
            if (r.surname() != null) {
                keys.add(new BlockingKey(BlockingRule.SURNAME_PHONE, kind + r.surname() + '|' + phone));
            }
        }
        for (String email : r.emails()) {
            keys.add(new BlockingKey(BlockingRule.EMAIL, kind + email));
        }
        if (r.isPerson()) {
            addPersonKeys(r, keys);
        } else if (r.orgName() != null) {
            keys.add(new BlockingKey(BlockingRule.ORG_NAME, r.orgCore()));
        }
        return keys;
    }

    /** The PHONE keys, for persons and for companies, under which records carrying this standardized number are found. */
    public static Set<BlockingKey> phoneLookupKeys(String standardizedNumber) {
        String phone = Phones.matchKey(standardizedNumber);
        return Set.of(new BlockingKey(BlockingRule.PHONE, "P|" + phone), new BlockingKey(BlockingRule.PHONE, "O|" + phone));
    }

    /** Distinct {@link Phones#matchKey}s of all the record's numbers. */
    public static Set<String> phoneKeys(StandardizedRecord r) {
        Set<String> keys = new LinkedHashSet<>();
        r.mobiles().forEach(p -> keys.add(Phones.matchKey(p)));
        r.landlines().forEach(p -> keys.add(Phones.matchKey(p)));
        r.unverifiedPhones().forEach(p -> keys.add(Phones.matchKey(p)));
        return keys;
    }

    private static void addPersonKeys(StandardizedRecord r, Set<BlockingKey> keys) {
        for (String surnameProject : r.surnameProjectKeys()) {
            keys.add(new BlockingKey(BlockingRule.SURNAME_PROJECT, surnameProject));
        }
        if (r.surname() != null) {
            // a surname-only caller (陈先生) on a mobile one keystroke off meets the full name by its surname
            addPhonePartKeys(r, BlockingRule.SURNAME_PHONE_PART, r.surname(), keys);
        }
        addIdPartPostcodeKeys(r, keys);
        if (r.nameKey() == null) {
            return;
        }
        if (r.weakName()) {
            // a surname-only name (a caller's 陈先生) meets its full name by birth date, or by half an arbitrary
            // identifier beside the surname; by address it would meet the whole household, by year or part of a
            // phone number or resident ID the whole clan
            addDateTokenKeys(r, keys);
            addIdPartKeys(r, keys);
            return;
        }
        addIdPartKeys(r, keys);
        addPhonePartKeys(r, BlockingRule.NAME_PHONE_PART, r.nameKey(), keys);
        if (r.birthDate() != null) {
            keys.add(new BlockingKey(BlockingRule.NAME_YEAR, r.nameKey() + '|' + r.birthDate().getYear()));
        }
        addDateTokenKeys(r, keys);
        if (r.address() != null) {
            // a Chinese home by its place and numbers, so that its writings with and without province, city and
            // road meet (ChineseAddress); other addresses as written
            ChineseAddress home = ChineseAddress.parse(r.address());
            String address = home == null ? r.address() : home.homeKey();
            for (String token : r.nameKey().split(" ")) {
                keys.add(new BlockingKey(BlockingRule.ADDRESS_TOKEN, address + '|' + token));
            }
        }
    }

    /**
     * Each half of the identifier beside a name, so that an identifier mistyped in one half still meets; the middle
     * character belongs to neither, so that two neighbours swapped across the middle (4975843, 4957843) leave the
     * second half whole, as a swap anywhere else leaves one half whole (the comparison calls both a typo). A resident
     * ID's or credit code's first half is a region and a decade of birth (or an authority), shared by a whole clan:
     * only the whole name narrows it, and a surname-only name not at all. Other identifiers are arbitrary characters,
     * narrow beside one name token alone, so that a typo in the other tokens or a missing given name still meets.
     */
    private static void addIdPartKeys(StandardizedRecord r, Set<BlockingKey> keys) {
        boolean structured = r.idType() == IdType.CN_RESIDENT || r.idType() == IdType.USCC;
        if (r.idNumber() == null || r.idNumber().length() < MIN_ID_FOR_PARTS || structured && r.weakName()) {
            return;
        }
        int half = r.idNumber().length() / 2;
        for (String head : structured ? Set.of(r.nameKey()) : tokenHeads(r)) {
            keys.add(new BlockingKey(BlockingRule.NAME_ID_PART, head + "|<" + r.idNumber().substring(0, half)));
            keys.add(new BlockingKey(BlockingRule.NAME_ID_PART, head + "|>" + r.idNumber().substring(half + 1)));
        }
    }

    /**
     * Each half of an arbitrary identifier (not a resident ID or credit code, whose first half is a region and a
     * decade, a whole clan's in one area) beside the address's postcode ({@link Addresses#postcode}), whatever the
     * name: the keys of {@link BlockingRule#NAME_ID_PART} need the first letters of a name token, so a record whose
     * identifier and every name token were mistyped at their start, or whose name was replaced, never met the record
     * it copies, though an identifier one keystroke off and the same address outweigh another name. A postcode
     * narrows half an identifier to the few people of one area who share it.
     */
    private static void addIdPartPostcodeKeys(StandardizedRecord r, Set<BlockingKey> keys) {
        boolean structured = r.idType() == IdType.CN_RESIDENT || r.idType() == IdType.USCC;
        if (r.idNumber() == null || r.idNumber().length() < MIN_ID_FOR_PARTS || structured) {
            return;
        }
        String postcode = Addresses.postcode(r.address());
        if (postcode == null) {
            return;
        }
        int half = r.idNumber().length() / 2;
        String prefix = "P|" + r.idType() + '|' + postcode;
        keys.add(new BlockingKey(BlockingRule.ID_PART_POSTCODE, prefix + "|<" + r.idNumber().substring(0, half)));
        keys.add(new BlockingKey(BlockingRule.ID_PART_POSTCODE, prefix + "|>" + r.idNumber().substring(half + 1)));
    }

    /** Beside {@code name}, each half of every full phone match key: a number mistyped in one half still meets. */
    private static void addPhonePartKeys(StandardizedRecord r, BlockingRule rule, String name, Set<BlockingKey> keys) {
        for (String phone : phoneKeys(r)) {
            if (phone.length() == Phones.MATCH_KEY_DIGITS) {
                keys.add(new BlockingKey(rule, name + "|<" + phone.substring(0, PHONE_HEAD)));
                keys.add(new BlockingKey(rule, name + "|>" + phone.substring(PHONE_HEAD)));
            }
        }
    }

    private static void addDateTokenKeys(StandardizedRecord r, Set<BlockingKey> keys) {
        if (r.birthDate() != null) {
            for (String head : tokenHeads(r)) {
                keys.add(new BlockingKey(BlockingRule.DATE_TOKEN, r.birthDate() + "|" + head));
            }
        }
    }

    /** The first {@link #TOKEN_HEAD} letters of each romanized name token, each once. */
    private static Set<String> tokenHeads(StandardizedRecord r) {
        Set<String> heads = new LinkedHashSet<>();
        for (String token : r.nameKey().split(" ")) {
            heads.add(token.length() <= TOKEN_HEAD ? token : token.substring(0, TOKEN_HEAD));
        }
        return heads;
    }
}
