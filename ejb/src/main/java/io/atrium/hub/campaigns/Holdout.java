package io.atrium.hub.campaigns;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * The draw of a campaign's holdout: the members in id order shuffled with the campaign's seed, the first
 * {@code round(members × share)} held out. The same members, share and seed always give the same holdout.
 */
final class Holdout {

    private Holdout() {
    }

    static Set<String> draw(List<String> membersInIdOrder, double share, long seed) {
        List<String> shuffled = new ArrayList<>(membersInIdOrder);
        Collections.shuffle(shuffled, new Random(seed));
        return new HashSet<>(shuffled.subList(0, (int) Math.round(shuffled.size() * share)));
    }
}
