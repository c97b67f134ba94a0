package io.atrium.resolution.match;

import io.atrium.resolution.similarity.JaroWinkler;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Latin given names that are one name although their spellings are far apart: common English and
 * continental diminutives (Bill = William, Mike = Michael) and short forms that begin the full name
 * (Alex = Alexander, Chris = Christopher). Spelling variants within reach of Jaro-Winkler need no entry.
 */
final class GivenNames {

    private static final int MIN_SHORT_FORM = 3;
    private static final double TYPO_SIMILARITY = 0.92;
    private static final Map<String, String> CANONICAL = new HashMap<>();

    static {
        for (List<String> group : List.of(
                List.of("william", "bill", "billy", "will", "willy", "liam"),
                List.of("robert", "bob", "bobby", "rob", "robbie", "bert"),
                List.of("richard", "dick", "rick", "ricky", "rich"),
                List.of("daniel", "dan", "danny"),
                List.of("david", "dave", "davy"),
                List.of("samuel", "sam", "sammy"),
                List.of("benjamin", "ben", "benny"),
                List.of("nicholas", "nick", "nicky"),
                List.of("alexander", "alex", "sasha", "sascha"),
                List.of("christopher", "chris", "kit"),
                List.of("matthew", "matt"),
                List.of("peter", "pete"),
                List.of("stephen", "steve", "stevie"),
                List.of("michael", "mike", "mick", "micky", "mikey"),
                List.of("thomas", "tom", "tommy"),
                List.of("james", "jim", "jimmy", "jamie"),
                List.of("john", "jack", "johnny"),
                List.of("joseph", "joe", "joey", "sepp"),
                List.of("andrew", "andy", "drew"),
                List.of("anthony", "tony", "toni"),
                List.of("edward", "ed", "ted", "teddy", "eddie", "ned"),
                List.of("charles", "charlie", "chuck"),
                List.of("henry", "harry", "hank"),
                List.of("margaret", "maggie", "meg", "peggy", "greta", "grete"),
                List.of("elizabeth", "liz", "lizzy", "beth", "betty", "bettina", "elise", "lisa", "liesel"),
                List.of("katherine", "catherine", "kate", "katie", "cathy", "kathy", "kat", "katja", "kathrin"),
                List.of("susan", "sue", "susie", "suzy", "susanne"),
                List.of("jennifer", "jenny", "jen"),
                List.of("rebecca", "becky"),
                List.of("patricia", "pat", "patty", "tricia"),
                List.of("deborah", "debbie", "deb"),
                List.of("johannes", "johann", "hans", "hannes"),
                List.of("giuseppe", "beppe", "peppe"),
                List.of("francesco", "franco", "cesco"),
                List.of("francisco", "paco", "pancho"),
                List.of("jose", "pepe"),
                List.of("alejandro", "alex"),
                List.of("guillermo", "memo"))) {
            for (String name : group) {
                CANONICAL.putIfAbsent(name, group.get(0));
            }
        }
    }

    private GivenNames() {
    }

    /**
     * Whether two lower-case name tokens are one given name: a diminutive or a short form of the other,
     * also when the full form is mistyped (Jim and Jaems).
     */
    static boolean sameName(String a, String b) {
        if (a.equals(b)) {
            return true;
        }
        String x = CANONICAL.get(a);
        String y = CANONICAL.get(b);
        if (x != null && (x.equals(y) || y == null && JaroWinkler.similarity(x, b) >= TYPO_SIMILARITY)
                || y != null && x == null && JaroWinkler.similarity(y, a) >= TYPO_SIMILARITY) {
            return true;
        }
        String shorter = a.length() <= b.length() ? a : b;
        String longer = shorter == a ? b : a;
        return shorter.length() >= MIN_SHORT_FORM && longer.length() > shorter.length() + 1 && longer.startsWith(shorter);
    }
}
