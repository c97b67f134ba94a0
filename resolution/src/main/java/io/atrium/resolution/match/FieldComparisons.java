package io.atrium.resolution.match;

import io.atrium.resolution.similarity.DamerauLevenshtein;
import io.atrium.resolution.similarity.JaroWinkler;
import io.atrium.resolution.standardize.Addresses;
import io.atrium.resolution.standardize.ChineseAddress;
import io.atrium.resolution.standardize.GivenNameGenders;
import io.atrium.resolution.standardize.Phones;
import io.atrium.resolution.standardize.StandardizedRecord;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The comparison of each field of two standardized records, as an ordered list of levels where the
 * first that applies wins. Null means the field says nothing (a value is missing).
 */
final class FieldComparisons {

    private static final double HIGH_SIMILARITY = 0.92;
    /** Jaro-Winkler = Jaro + 0.4 (1 - Jaro) at most, Jaro = (2 + shorter / longer) / 3 at most; less a rounding margin. */
    private static final double MIN_LENGTH_RATIO = 3 * (HIGH_SIMILARITY - 0.4) / 0.6 - 2 - 1e-9;
    private static final double LOW_SIMILARITY = 0.85;
    private static final double INITIAL_SIMILARITY = 0.9;
    /** Addresses agree on their parts when at least three parts and three quarters of the shorter's agree. */
    private static final int MIN_ADDRESS_PARTS = 3;
    private static final int ADDRESS_PARTS_SHARE_NUMERATOR = 3;
    private static final int ADDRESS_PARTS_SHARE_DENOMINATOR = 4;
    /** A name token whose best counterpart is less similar than this is a different name (Carlos, Carmen). */
    private static final double TOKEN_DIFFERENT = 0.84;
    /** Names shorter than this are too close to each other for one edit to say typo (Li, Lu; Lee, Leo). */
    private static final int MIN_TYPO_LENGTH = 5;

    private FieldComparisons() {
    }

    /** A field's level and, for term-frequency adjustment, the value both records share. */
    record Outcome(FieldKind field, ComparisonLevel level, FieldKind frequencyField, String sharedValue) {
        static Outcome of(FieldKind field, ComparisonLevel level) {
            return new Outcome(field, level, null, null);
        }
    }

    static Outcome idNumber(StandardizedRecord a, StandardizedRecord b) {
        if (a.idNumber() == null || b.idNumber() == null || a.idType() != b.idType()) {
            return null;
        }
        boolean equal = a.idNumber().equals(b.idNumber());
        boolean bothValid = a.idValid() && b.idValid();
        ComparisonLevel level = equal ? (bothValid ? ComparisonLevel.VALID_EXACT : ComparisonLevel.EXACT)
                : bothValid ? ComparisonLevel.VALID_CONFLICT
                : DamerauLevenshtein.distance(a.idNumber(), b.idNumber()) <= 1 ? ComparisonLevel.TYPO
                : ComparisonLevel.DIFFERENT;
        return Outcome.of(FieldKind.ID_NUMBER, level);
    }

    static Outcome personName(StandardizedRecord a, StandardizedRecord b) {
        if (a.nameKey() == null || b.nameKey() == null) {
            return null;
        }
        if (a.weakName() || b.weakName()) {
            StandardizedRecord weak = a.weakName() ? a : b;
            StandardizedRecord other = weak == a ? b : a;
            // a Latin family name may sit in the given-name field (swapped fields), so any of its tokens counts
            boolean surnameAgrees = weak.nameKey().equals(other.surname())
                    || weak.hanName() != null && other.surname() != null
                    && FuzzyPinyin.folded(weak.nameKey()).equals(FuzzyPinyin.folded(other.surname()))
                    || (other.surname() == null || other.hanName() == null) && tokens(other.nameKey()).contains(weak.nameKey())
                    || weak.hanName() == null && other.hanName() == null && latinSurnameNear(weak.nameKey(), other);
            // a surname-only name says surname and gender: 陈先生 is not 陈丽 (F), whoever shares his phone, nor, where
            // no gender is stated, 陈秀英, whose given name only women bear
            String otherGender = other.gender() != null ? other.gender() : GivenNameGenders.of(other.hanName());
            boolean genderClash = weak.gender() != null && otherGender != null && !weak.gender().equals(otherGender);
            return surnameAgrees && !genderClash
                    ? new Outcome(FieldKind.NAME, ComparisonLevel.SURNAME, FieldKind.SURNAME, weak.nameKey())
                    : Outcome.of(FieldKind.NAME, ComparisonLevel.DIFFERENT);
        }
        if (a.hanName() != null && a.hanName().equals(b.hanName())) {
            return new Outcome(FieldKind.NAME, ComparisonLevel.EXACT, FieldKind.NAME, a.nameKey());
        }
        boolean sameScript = (a.hanName() == null) == (b.hanName() == null);
        if (a.nameKey().equals(b.nameKey())) {
            ComparisonLevel level = !sameScript ? ComparisonLevel.PINYIN
                    : a.hanName() == null ? ComparisonLevel.EXACT : ComparisonLevel.HOMOPHONE;
            return new Outcome(FieldKind.NAME, level, FieldKind.NAME, a.nameKey());
        }
        ComparisonLevel level = a.hanName() != null && b.hanName() != null
                ? hanNearness(a.hanName(), b.hanName()) : latinNearness(a, b);
        String family = level == ComparisonLevel.DIFFERENT ? sharedFamilyName(a, b) : null;
        if (family != null) {
            return new Outcome(FieldKind.NAME, ComparisonLevel.PARTIAL, FieldKind.SURNAME, family);
        }
        // the other part replaced: one given name, family names that agree in nothing (no term frequency: the
        // snapshot counts family names, not given ones)
        return level == ComparisonLevel.DIFFERENT && sameGivenName(a, b) ? Outcome.of(FieldKind.NAME, ComparisonLevel.PARTIAL)
                : Outcome.of(FieldKind.NAME, level);
    }

    /** Two Latin full names whose tokens besides the family name agree, within a typo (Matthew Green, Matthew McCarthy). */
    private static boolean sameGivenName(StandardizedRecord a, StandardizedRecord b) {
        if (a.hanName() != null || b.hanName() != null || a.surname() == null || b.surname() == null) {
            return false;
        }
        String left = givenName(a);
        String right = givenName(b);
        return !left.isEmpty() && !right.isEmpty() && JaroWinkler.similarity(left, right) >= HIGH_SIMILARITY;
    }

    /** The name's tokens but one family name, in order. */
    private static String givenName(StandardizedRecord r) {
        List<String> given = new ArrayList<>(tokens(r.nameKey()));
        given.remove(r.surname());
        return String.join(" ", given);
    }

    /**
     * The family name two full names share, or null: the same, or for Latin names one typo apart (Pantazopoulos,
     * Pantazooulos) or one's family name among the other's tokens (given and family name swapped), there too within a
     * typo (the fields swapped and the name mistyped: Weller Ebony, Flynn Welqer), as for a surname-only name.
     */
    private static String sharedFamilyName(StandardizedRecord a, StandardizedRecord b) {
        if (a.surname() == null || b.surname() == null) {
            return null;
        }
        if (a.surname().equals(b.surname())) {
            return a.surname();
        }
        if (a.hanName() != null || b.hanName() != null) {
            return null;
        }
        return tokens(b.nameKey()).contains(a.surname()) || latinSurnameNear(a.surname(), b) ? a.surname()
                : tokens(a.nameKey()).contains(b.surname()) || latinSurnameNear(b.surname(), a) ? b.surname() : null;
    }

    /** A Latin surname-only name one typo from the other's family name or from one of its tokens (Dubois, Duobis). */
    private static boolean latinSurnameNear(String surname, StandardizedRecord other) {
        if (other.surname() != null && surnameTypo(surname, other.surname())) {
            return true;
        }
        for (String token : tokens(other.nameKey())) {
            if (token.length() > 2 && surnameTypo(surname, token)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Similar enough, or one letter dropped or added in a name of five letters or more (Wagner, Wangner): early in
     * the name that leaves Jaro-Winkler below the bar, yet is one slip of the keyboard. A letter replaced is not
     * enough on its own: Hansen and Jansen are two families.
     */
    private static boolean surnameTypo(String a, String b) {
        return JaroWinkler.similarity(a, b) >= HIGH_SIMILARITY || Math.abs(a.length() - b.length()) == 1
                && Math.min(a.length(), b.length()) >= MIN_TYPO_LENGTH && DamerauLevenshtein.distance(a, b) == 1;
    }

    /**
     * Two Chinese names that read differently. One character apart, where the two characters read alike
     * under the input methods' fuzzy-pinyin rules (zh/z, ch/c, sh/s, final ng/n, initial n/l: 周/邹, 玲/琳),
     * is the usual input slip: a good hint, in any position including the surname. One character apart
     * under the same surname otherwise is only a weak hint (siblings are named that way).
     */
    private static ComparisonLevel hanNearness(String a, String b) {
        if (a.length() != b.length()) {
            return ComparisonLevel.DIFFERENT;
        }
        int differing = -1;
        for (int i = 0; i < a.length(); i++) {
            if (a.charAt(i) != b.charAt(i)) {
                if (differing >= 0) {
                    return ComparisonLevel.DIFFERENT;
                }
                differing = i;
            }
        }
        if (differing < 0) {
            return ComparisonLevel.EXACT;
        }
        if (FuzzyPinyin.soundAlike(a.charAt(differing), b.charAt(differing))) {
            return ComparisonLevel.FUZZY_HIGH;
        }
        return ComparisonLevel.DIFFERENT;
    }

    /**
     * Latin names (or pinyin against Latin): token by token, whatever the order, each token paired with one
     * token of the other name, so that swapped given and family names and a typo in either still agree; a
     * diminutive (Mike, Michael) agrees like a typo; a name whose tokens all appear in the other's (a missing
     * given name) is a weak agreement; a token that agrees with nothing makes the names different, however
     * well the rest agrees (household members share the family name).
     */
    private static ComparisonLevel latinNearness(StandardizedRecord a, StandardizedRecord b) {
        List<String> left = tokens(a.nameKey());
        List<String> right = tokens(b.nameKey());
        if (sameLetters(a.nameKey(), b.nameKey())) {
            return ComparisonLevel.FUZZY_HIGH;
        }
        List<String> shorter = left.size() <= right.size() ? left : right;
        List<String> longer = shorter == left ? right : left;
        double total = 0;
        boolean nickname = false;
        boolean[] used = new boolean[longer.size()];
        List<String> longestFirst = new ArrayList<>(shorter);
        // full tokens pair before initials, so that the S. of S. Sanders cannot take Sanders from Sven Sanders
        longestFirst.sort(Comparator.comparingInt(String::length).reversed());
        for (String token : longestFirst) {
            // each token of the longer name pairs with one token of the shorter only: Thomas Thomas is not John Thomas
            double best = 0;
            int bestAt = -1;
            boolean tokenNickname = false;
            for (int i = 0; i < longer.size(); i++) {
                if (used[i]) {
                    continue;
                }
                double similarity = tokenSimilarity(token, longer.get(i));
                if (similarity > best) {
                    best = similarity;
                    bestAt = i;
                }
            }
            if (best < LOW_SIMILARITY) {
                for (int i = 0; i < longer.size(); i++) {
                    if (!used[i] && GivenNames.sameName(token, longer.get(i))) {
                        tokenNickname = true;
                        bestAt = i;
                        break;
                    }
                }
            }
            if (bestAt >= 0) {
                used[bestAt] = true;
            }
            if (best < LOW_SIMILARITY && tokenNickname) {
                nickname = true;
                best = INITIAL_SIMILARITY;
            }
            if (best < TOKEN_DIFFERENT) {
                // one token agrees with nothing: Anne and Hans Jansen are two people of one household,
                // however well the shared family name matches
                return ComparisonLevel.DIFFERENT;
            }
            total += best;
        }
        double similarity = total / shorter.size();
        if (left.size() == right.size()) {
            return nickname ? ComparisonLevel.FUZZY_HIGH
                    : similarity >= HIGH_SIMILARITY ? ComparisonLevel.FUZZY_HIGH
                    : similarity >= LOW_SIMILARITY ? ComparisonLevel.FUZZY_LOW : ComparisonLevel.DIFFERENT;
        }
        return similarity >= HIGH_SIMILARITY ? ComparisonLevel.FUZZY_LOW : ComparisonLevel.DIFFERENT;
    }

    /** Jaro-Winkler, except that an initial ("j" of "J. Bianchi") agrees fairly well with a name it starts. */
    private static double tokenSimilarity(String a, String b) {
        if (a.length() == 1 || b.length() == 1) {
            return a.charAt(0) == b.charAt(0) ? INITIAL_SIMILARITY : 0.0;
        }
        return JaroWinkler.similarity(a, b);
    }

    /** Same letters in any grouping: "xiao ming zhang" against "xiaoming zhang". */
    private static boolean sameLetters(String a, String b) {
        char[] left = a.replace(" ", "").toCharArray();
        char[] right = b.replace(" ", "").toCharArray();
        Arrays.sort(left);
        Arrays.sort(right);
        return Arrays.equals(left, right);
    }

    static Outcome organizationName(StandardizedRecord a, StandardizedRecord b) {
        if (a.orgName() == null || b.orgName() == null) {
            return null;
        }
        if (a.orgName().equals(b.orgName())) {
            return new Outcome(FieldKind.ORG_NAME, ComparisonLevel.EXACT, FieldKind.ORG_NAME, a.orgName());
        }
        ComparisonLevel level = a.orgCore().equals(b.orgCore()) ? ComparisonLevel.CORE_EXACT
                : JaroWinkler.similarity(a.orgCore(), b.orgCore()) >= HIGH_SIMILARITY ? ComparisonLevel.FUZZY_HIGH
                : ComparisonLevel.DIFFERENT;
        return Outcome.of(FieldKind.ORG_NAME, level);
    }

    static Outcome birthDate(StandardizedRecord a, StandardizedRecord b) {
        LocalDate x = a.birthDate();
        LocalDate y = b.birthDate();
        if (x == null || y == null) {
            return null;
        }
        ComparisonLevel level = x.equals(y) ? ComparisonLevel.EXACT
                : isDateTypo(x, y) ? ComparisonLevel.TYPO : ComparisonLevel.DIFFERENT;
        return Outcome.of(FieldKind.BIRTH_DATE, level);
    }

    /** One digit of yyyyMMdd differs, two adjacent digits are swapped, or day and month are swapped. */
    private static boolean isDateTypo(LocalDate x, LocalDate y) {
        boolean dayMonthSwapped = x.getYear() == y.getYear() && x.getMonthValue() == y.getDayOfMonth()
                && x.getDayOfMonth() == y.getMonthValue();
        return dayMonthSwapped || isOneDigitEdit(digits(x), digits(y));
    }

    private static int digits(LocalDate date) {
        return date.getYear() * 10_000 + date.getMonthValue() * 100 + date.getDayOfMonth();
    }

    private static boolean isOneDigitEdit(int x, int y) {
        int[] a = new int[8];
        int[] b = new int[8];
        for (int i = 7; i >= 0; i--, x /= 10, y /= 10) {
            a[i] = x % 10;
            b[i] = y % 10;
        }
        int first = -1;
        int differing = 0;
        for (int i = 0; i < 8; i++) {
            if (a[i] != b[i]) {
                first = first < 0 ? i : first;
                differing++;
            }
        }
        boolean adjacentSwap = differing == 2 && first < 7 && a[first] == b[first + 1] && a[first + 1] == b[first];
        return differing == 1 || adjacentSwap;
    }

    static Outcome gender(StandardizedRecord a, StandardizedRecord b) {
        if (a.gender() == null || b.gender() == null) {
            return null;
        }
        return Outcome.of(FieldKind.GENDER, a.gender().equals(b.gender()) ? ComparisonLevel.EXACT : ComparisonLevel.DIFFERENT);
    }

    /**
     * Numbers are compared by {@link Phones#matchKey}. A shared number counts as a landline only when both
     * sides know it as one (households and offices share landlines); several shared numbers count once.
     */
    static Outcome phone(StandardizedRecord a, StandardizedRecord b) {
        if (!a.hasPhone() || !b.hasPhone()) {
            return null;
        }
        String sharedPersonal = null;
        String sharedLandline = null;
        for (String number : a.mobiles()) {
            sharedPersonal = smaller(sharedPersonal, sharedKey(number, b, true));
        }
        for (String number : a.unverifiedPhones()) {
            sharedPersonal = smaller(sharedPersonal, sharedKey(number, b, true));
        }
        for (String number : a.landlines()) {
            sharedPersonal = smaller(sharedPersonal, sharedKey(number, b, false));
            sharedLandline = smaller(sharedLandline, sharedKey(number, b.landlines()));
        }
        if (sharedPersonal != null) {
            return new Outcome(FieldKind.PHONE, ComparisonLevel.MOBILE, FieldKind.PHONE, sharedPersonal);
        }
        if (sharedLandline != null) {
            return new Outcome(FieldKind.PHONE, ComparisonLevel.LANDLINE, FieldKind.PHONE, sharedLandline);
        }
        if (mistypedPersonalNumber(a, b)) {
            return Outcome.of(FieldKind.PHONE, ComparisonLevel.TYPO);
        }
        // a home landline and a mobile are not two answers to one question: only like numbers can disagree
        boolean comparable = hasPersonal(a) && hasPersonal(b) || !a.landlines().isEmpty() && !b.landlines().isEmpty();
        return comparable ? Outcome.of(FieldKind.PHONE, ComparisonLevel.DIFFERENT) : null;
    }

    private static boolean hasPersonal(StandardizedRecord r) {
        return !r.mobiles().isEmpty() || !r.unverifiedPhones().isEmpty();
    }

    /** A personal number of one that is a personal number of the other but for one digit or two swapped neighbours. */
    private static boolean mistypedPersonalNumber(StandardizedRecord a, StandardizedRecord b) {
        return mistyped(a.mobiles(), b) || mistyped(a.unverifiedPhones(), b);
    }

    private static boolean mistyped(List<String> numbers, StandardizedRecord b) {
        for (String x : numbers) {
            for (String y : b.mobiles()) {
                if (oneKeystrokeApart(x, y)) {
                    return true;
                }
            }
            for (String y : b.unverifiedPhones()) {
                if (oneKeystrokeApart(x, y)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Over the whole national numbers when both are of one country, not only the nine digits of their match keys:
     * +86 199 3032 5235 and +86 159 3034 5235 differ in two digits, one before the match key. Numbers of no
     * known or of different countries (a number written domestically and read in the default region) are
     * compared by their match keys.
     */
    private static boolean oneKeystrokeApart(String x, String y) {
        return Phones.sameCountry(x, y) && x.length() == y.length() ? isOneDigitTypo(x.substring(1), y.substring(1))
                : isOneDigitTypo(Phones.matchKey(x), Phones.matchKey(y));
    }

    /** Equal length (at least a full match key), and one digit differs or two adjacent digits are swapped. */
    static boolean isOneDigitTypo(String x, String y) {
        if (x.length() != y.length() || x.length() < Phones.MATCH_KEY_DIGITS) {
            return false;
        }
        int first = -1;
        int differing = 0;
        for (int i = 0; i < x.length(); i++) {
            if (x.charAt(i) != y.charAt(i)) {
                first = first < 0 ? i : first;
                if (++differing > 2) {
                    return false;
                }
            }
        }
        return differing == 1 || differing == 2 && first + 1 < x.length()
                && x.charAt(first) == y.charAt(first + 1) && x.charAt(first + 1) == y.charAt(first);
    }

    /** The number's match key if b has it as a personal number, or (for a personal number) as any number. */
    private static String sharedKey(String number, StandardizedRecord b, boolean personal) {
        String key = sharedKey(number, b.mobiles());
        if (key == null) {
            key = sharedKey(number, b.unverifiedPhones());
        }
        return key == null && personal ? sharedKey(number, b.landlines()) : key;
    }

    private static String sharedKey(String number, List<String> others) {
        String key = Phones.matchKey(number);
        for (String other : others) {
            if (other.endsWith(key)) {
                return key;
            }
        }
        return null;
    }

    /** The smaller of two shared values, so that the choice does not depend on list order. */
    private static String smaller(String current, String candidate) {
        return candidate == null ? current : current == null || candidate.compareTo(current) < 0 ? candidate : current;
    }

    static Outcome email(StandardizedRecord a, StandardizedRecord b) {
        if (a.emails().isEmpty() || b.emails().isEmpty()) {
            return null;
        }
        String shared = firstShared(a.emails(), b.emails());
        return shared != null
                ? new Outcome(FieldKind.EMAIL, ComparisonLevel.EXACT, FieldKind.EMAIL, shared)
                : Outcome.of(FieldKind.EMAIL, ComparisonLevel.DIFFERENT);
    }

    /**
     * Both records tie the person to one of the group's projects (a unit held, a lease, a ticket's project):
     * EXACT, weighed by how common the surname is in that project when both surnames agree, so that the one
     * 李 holding a unit where 李女士 called counts more than one of twenty. No shared project says nothing: a
     * customer holds units in several projects and calls about others.
     */
    static Outcome project(StandardizedRecord a, StandardizedRecord b) {
        for (String project : a.projects()) {
            if (b.projects().contains(project)) {
                boolean sameSurname = a.surname() != null && a.surname().equals(b.surname());
                return new Outcome(FieldKind.PROJECT, ComparisonLevel.EXACT, FieldKind.PROJECT,
                        sameSurname ? StandardizedRecord.surnameProjectKey(a.surname(), project) : null);
            }
        }
        return null;
    }

    static Outcome address(StandardizedRecord a, StandardizedRecord b) {
        if (a.address() == null || b.address() == null) {
            return null;
        }
        if (a.address().equals(b.address())) {
            return new Outcome(FieldKind.ADDRESS, ComparisonLevel.EXACT, FieldKind.ADDRESS, a.address());
        }
        if (ChineseAddress.isChinese(a.address()) && ChineseAddress.isChinese(b.address())) {
            // written without spaces, two Chinese homes of one compound differ in a digit or two and look alike to
            // Jaro-Winkler (金地花园4栋2306, 金地花园5栋3303): they are compared by their parts instead
            if (!ChineseAddress.lastNumbersAgree(a.address(), b.address())) {
                return Outcome.of(FieldKind.ADDRESS, ComparisonLevel.DIFFERENT);
            }
            ChineseAddress left = ChineseAddress.parse(a.address());
            ChineseAddress right = ChineseAddress.parse(b.address());
            if (left != null && right != null) {
                return Outcome.of(FieldKind.ADDRESS, left.sameHome(right) ? ComparisonLevel.FUZZY_HIGH : ComparisonLevel.DIFFERENT);
            }
        }
        if (JaroWinkler.similarity(a.address(), b.address()) >= HIGH_SIMILARITY) {
            return Outcome.of(FieldKind.ADDRESS, ComparisonLevel.FUZZY_HIGH);
        }
        List<String> leftAsWritten = tokens(a.address());
        List<String> rightAsWritten = tokens(b.address());
        List<String> left = joinSplitWords(leftAsWritten, rightAsWritten);
        List<String> right = joinSplitWords(rightAsWritten, leftAsWritten);
        return Outcome.of(FieldKind.ADDRESS, addressPartsAgree(left, right) ? ComparisonLevel.FUZZY_LOW
                : sameLocality(left, right) ? ComparisonLevel.LOCALITY
                : ComparisonLevel.DIFFERENT);
    }

    /**
     * The address's parts with a word split in two by a space joined again, as the other address writes it: two
     * neighbouring words whose join is a word of the other address but for one slip (wood lands, woodlands; gippslan
     * d, gippsland; hyattpalce, hyatt place), or two neighbouring words of it joined (the space moved: ascotp ark,
     * ascot park), and of which one agrees with no word of the other on its own. A clerk's space typed too early, too
     * late or twice, or a word run together with the next (mcmahonstreet), is as common a slip as a letter mistyped,
     * and read word by word it leaves two words that agree with nothing. Numbers are never joined: 12 3 is not 123.
     */
    static List<String> joinSplitWords(List<String> parts, List<String> other) {
        List<String> joined = null;
        for (int i = 0; i < parts.size(); i++) {
            String part = parts.get(i);
            if (i + 1 < parts.size() && !isNumber(part) && !isNumber(parts.get(i + 1))
                    && oneEditFromAWord(part, parts.get(i + 1), other)
                    && (!agreesWithAWord(part, other) || !agreesWithAWord(parts.get(i + 1), other))) {
                if (joined == null) {
                    joined = new ArrayList<>(parts.subList(0, i));
                }
                joined.add(part + parts.get(i + 1));
                i++;
            } else if (joined != null) {
                joined.add(part);
            }
        }
        return joined == null ? parts : joined;
    }

    /**
     * Whether the joined word is a word of the other address, or two neighbouring words of it joined, but for one
     * slip (Damerau-Levenshtein): Jaro-Winkler's bonus for a shared beginning would let a long word agree with the
     * same word and the next one appended (mcmahonstreet, mcmahonstreetwood).
     */
    private static boolean oneEditFromAWord(String first, String second, List<String> parts) {
        int length = first.length() + second.length();
        String word = null;
        for (int i = 0; i < parts.size(); i++) {
            String part = parts.get(i);
            if (isNumber(part)) {
                continue;
            }
            // lengths first: nearly every pair of words is ruled out before a string is built or compared
            String next = i + 1 < parts.size() && !isNumber(parts.get(i + 1)) ? parts.get(i + 1) : null;
            boolean alone = Math.abs(length - part.length()) <= 1;
            boolean withNext = next != null && Math.abs(length - part.length() - next.length()) <= 1;
            if (alone || withNext) {
                word = word == null ? first + second : word;
                if (alone && DamerauLevenshtein.withinOne(word, part) || withNext && DamerauLevenshtein.withinOne(word, part + next)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean agreesWithAWord(String word, List<String> parts) {
        for (String part : parts) {
            if (!isNumber(part) && samePart(word, part)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Two addresses written with spaces that end alike, in a postcode and the part beside it (a town, a state),
     * compared as parts are: the same locality, another street line (a move within the town, or the street written
     * so differently that its parts no longer agree). A Western address ends with its locality; the number among
     * the last parts makes it a postcode, not a two-word street. Weaker than agreeing on most parts: a locality is
     * shared by many people.
     */
    private static boolean sameLocality(List<String> left, List<String> right) {
        if (left.size() < MIN_ADDRESS_PARTS || right.size() < MIN_ADDRESS_PARTS) {
            return false;
        }
        boolean postcode = false;
        for (int i = 1; i <= Addresses.LOCALITY_PARTS; i++) {
            String x = left.get(left.size() - i);
            String y = right.get(right.size() - i);
            if (!samePart(x, y)) {
                return false;
            }
            postcode |= isNumber(x);
        }
        return postcode;
    }

    /** Numbers equal or with two neighbouring digits swapped; words within a typo. */
    private static boolean samePart(String x, String y) {
        return isNumber(x) ? isNumber(y) && Addresses.sameNumber(x, y)
                : !isNumber(y) && (x.equals(y) || lengthsAllowHighSimilarity(x, y) && JaroWinkler.similarity(x, y) >= HIGH_SIMILARITY);
    }

    /**
     * Whether two words' lengths leave Jaro-Winkler room to reach {@link #HIGH_SIMILARITY}: Jaro is at most
     * (2 + shorter / longer) / 3 and the prefix bonus at most 0.4 of what is left, so below a length ratio of 0.6
     * it stays under 0.92 ({@link #MIN_LENGTH_RATIO}). A shortcut that decides nothing differently (addresses compare
     * many words).
     */
    private static boolean lengthsAllowHighSimilarity(String x, String y) {
        return Math.min(x.length(), y.length()) >= MIN_LENGTH_RATIO * Math.max(x.length(), y.length());
    }

    /**
     * Most parts of two addresses agree, each part of the shorter address with one part of the longer:
     * words within a typo (Jaro-Winkler), numbers (house number, postcode) equal or with two neighbouring
     * digits swapped, a postcode also with one digit replaced beside its town ({@link #mistypedPostcode}). A number
     * that agrees with none is another home (178 and 176 Church Lane are
     * neighbours), so it decides DIFFERENT; a word may be mistyped or dropped. Addresses written
     * without spaces (Chinese) are one part and never get here with parts to compare.
     */
    private static boolean addressPartsAgree(List<String> left, List<String> right) {
        List<String> shorter = left.size() <= right.size() ? left : right;
        List<String> longer = shorter == left ? right : left;
        if (shorter.size() < MIN_ADDRESS_PARTS) {
            return false;
        }
        boolean[] used = new boolean[longer.size()];
        int agreeing = 0;
        for (int k = 0; k < shorter.size(); k++) {
            String part = shorter.get(k);
            boolean number = isNumber(part);
            int match = -1;
            for (int i = 0; i < longer.size() && match < 0; i++) {
                String other = longer.get(i);
                if (!used[i] && samePart(part, other)) {
                    match = i;
                }
            }
            if (match < 0 && number) {
                match = mistypedPostcode(shorter, k, longer, used);
            }
            if (match < 0 && number) {
                return false;
            }
            if (match >= 0) {
                used[match] = true;
                agreeing++;
            }
        }
        return agreeing * ADDRESS_PARTS_SHARE_DENOMINATOR >= shorter.size() * ADDRESS_PARTS_SHARE_NUMERATOR;
    }

    /**
     * Where the shorter address's number at {@code k} is a postcode mistyped in one digit, the position of the other
     * address's postcode, else -1. A postcode is a number of {@value Addresses#MIN_POSTCODE_DIGITS} digits or more among an
     * address's last two parts (its locality, as {@link #sameLocality} reads it); one digit replaced in it is one
     * keystroke, as a letter replaced in a word is, when the place it stands for is named alike just before it in
     * both (the town: dapto 4793, dapto 4703). Unlike a house number (176 and 178 Church Lane are two homes) a postcode
     * does not tell homes apart: the town named beside it already says which area it is, and the street and house
     * number, which must still agree, say which home. Another town of a neighbouring postcode (kew 3101, kew east
     * 3102) is not the town named before it, and stays another locality.
     */
    private static int mistypedPostcode(List<String> shorter, int k, List<String> longer, boolean[] used) {
        String postcode = shorter.get(k);
        if (k < 1 || k < shorter.size() - Addresses.LOCALITY_PARTS || postcode.length() < Addresses.MIN_POSTCODE_DIGITS) {
            return -1;
        }
        for (int j = Math.max(1, longer.size() - Addresses.LOCALITY_PARTS); j < longer.size(); j++) {
            String other = longer.get(j);
            String town = shorter.get(k - 1);
            String otherTown = longer.get(j - 1);
            if (!used[j] && isNumber(other) && oneDigitReplaced(postcode, other)
                    && !isNumber(town) && !isNumber(otherTown) && samePart(town, otherTown)) {
                return j;
            }
        }
        return -1;
    }

    /** Equal length, and exactly one digit differs. */
    private static boolean oneDigitReplaced(String x, String y) {
        if (x.length() != y.length()) {
            return false;
        }
        int differing = 0;
        for (int i = 0; i < x.length(); i++) {
            if (x.charAt(i) != y.charAt(i)) {
                differing++;
            }
        }
        return differing == 1;
    }

    private static boolean isNumber(String part) {
        return part.chars().allMatch(Character::isDigit);
    }

    /** The smallest shared value, so that the choice does not depend on list order. */
    private static String firstShared(List<String> a, List<String> b) {
        String shared = null;
        for (String value : a) {
            if (b.contains(value) && (shared == null || value.compareTo(shared) < 0)) {
                shared = value;
            }
        }
        return shared;
    }

    static List<String> tokens(String key) {
        return Arrays.asList(key.split(" "));
    }
}
