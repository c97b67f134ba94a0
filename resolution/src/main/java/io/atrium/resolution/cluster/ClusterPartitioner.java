package io.atrium.resolution.cluster;

import io.atrium.resolution.match.MatchResult;
import io.atrium.resolution.match.Scorer;
import io.atrium.resolution.model.RecordKey;
import io.atrium.resolution.standardize.StandardizedRecord;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Turns MERGE links into customers, deterministically: links are taken strongest first (ties by record
 * keys) and join two clusters unless some record of one conflicts with some record of the other (a
 * hard conflict of the scorer, or a steward's cannot-link). The result depends only on the records and
 * links given, never on the order they arrived in, so bulk and incremental resolution agree: the
 * incremental side re-partitions the whole connected component of MERGE links a new record touches.
 * Links between full names are taken first; a surname-only record (a caller's 陈先生) then joins the customer
 * its strongest links point to, and stays alone when links about as strong point to customers that can never
 * be one, or when the very number it called from is held by two such customers however the links' other evidence
 * differs (father and son on one phone): a coin toss is not a match. Such records are reported with the reason
 * ({@link Partition#heldBack()}), so that their links can be put before a data steward.
 */
public final class ClusterPartitioner {

    /** Why a surname-only record stayed alone though MERGE links point from it to customers. */
    public enum HeldBack {
        /** Links about as strong as its best point to customers that can never be one. */
        CLOSE_LINKS("a caller with a surname only whose links, about as strong, point to two customers who cannot be "
                + "one person: which one?"),
        /** The very number it called from is held by customers that can never be one. */
        SHARED_NUMBER("a caller with a surname only, on a number two customers who cannot be one person hold: which one?");

        private final String reason;

        HeldBack(String reason) {
            this.reason = reason;
        }

        /** For a data steward: what the queue shows beside the pair. */
        public String reason() {
            return reason;
        }

        /** Why the link's held-back end (of those given) stayed alone, empty when neither end was held back. */
        public static Optional<HeldBack> of(Map<RecordKey, HeldBack> heldBack, MatchResult link) {
            return Optional.ofNullable(heldBack.get(link.left())).or(() -> Optional.ofNullable(heldBack.get(link.right())));
        }
    }

    /**
     * @param clusters the customers, each sorted by key, in order of their first key
     * @param heldBack surname-only records kept alone, with why
     */
    public record Partition(List<List<RecordKey>> clusters, Map<RecordKey, HeldBack> heldBack) {

        public Partition {
            clusters = List.copyOf(clusters);
            heldBack = Map.copyOf(heldBack);
        }

        /** Why the link's held-back end stayed alone, empty when neither end was held back. */
        public Optional<HeldBack> heldBack(MatchResult link) {
            return HeldBack.of(heldBack, link);
        }
    }

    /**
     * Where the links of held-back callers stand in a steward's queue, in bits: how much more a link's evidence says
     * than the strongest other link of its caller (0 a coin toss between two customers, below 0 the weaker candidate).
     * A review pair is queued by its score, evidence on the side of a match; a held-back link only says which of its
     * caller's candidates is likelier, so these come after the review pairs, the clearer choices first.
     *
     * @param mergeLinks the MERGE links the partition was made from
     * @param heldBack   the partition's held-back records
     * @return the priority of every MERGE link with a held-back end
     */
    public static Map<MatchResult, Double> stewardPriorities(Collection<MatchResult> mergeLinks, Map<RecordKey, HeldBack> heldBack) {
        Map<RecordKey, List<MatchResult>> byCaller = new HashMap<>();
        for (MatchResult link : mergeLinks) {
            for (RecordKey end : List.of(link.left(), link.right())) {
                if (heldBack.containsKey(end)) {
                    byCaller.computeIfAbsent(end, k -> new ArrayList<>()).add(link);
                }
            }
        }
        Map<MatchResult, Double> priorities = new HashMap<>();
        byCaller.values().forEach(links -> links.forEach(link -> priorities.put(link, link.score()
                - links.stream().filter(other -> other != link).mapToDouble(MatchResult::score).max().orElse(link.score()))));
        return priorities;
    }

    private static final Comparator<MatchResult> STRONGEST_FIRST = (x, y) -> {
        int byScore = Double.compare(y.score(), x.score());
        if (byScore != 0) {
            return byScore;
        }
        int byLeft = x.left().compareTo(y.left());
        return byLeft != 0 ? byLeft : x.right().compareTo(y.right());
    };

    /** Links of a surname-only record within this many bits of its best one compete with it. */
    private static final double AMBIGUITY_MARGIN = 2.0;

    private final Scorer scorer;

    public ClusterPartitioner(Scorer scorer) {
        this.scorer = scorer;
    }

    /**
     * @param records    every record the links mention (others may be present and stay single)
     * @param mergeLinks links decided MERGE
     * @return the clusters, each sorted by key, in order of their first key
     */
    public List<List<RecordKey>> partition(Map<RecordKey, StandardizedRecord> records,
                                           Collection<MatchResult> mergeLinks, StewardConstraints steward) {
        return partitionReporting(records, mergeLinks, steward).clusters();
    }

    /** As {@link #partition}, reporting also the surname-only records held back and why. */
    public Partition partitionReporting(Map<RecordKey, StandardizedRecord> records,
                                        Collection<MatchResult> mergeLinks, StewardConstraints steward) {
        StandardizedRecord[] byIndex = records.values().toArray(StandardizedRecord[]::new);
        Map<RecordKey, Integer> index = new HashMap<>(byIndex.length * 2);
        for (int i = 0; i < byIndex.length; i++) {
            index.put(byIndex[i].key(), i);
        }
        Clusters clusters = new Clusters(byIndex.length);
        MatchResult[] ordered = mergeLinks.toArray(MatchResult[]::new);
        Arrays.parallelSort(ordered, STRONGEST_FIRST);
        int[] lefts = new int[ordered.length];
        int[] rights = new int[ordered.length];
        for (int l = 0; l < ordered.length; l++) {
            lefts[l] = index.get(ordered[l].left());
            rights[l] = index.get(ordered[l].right());
        }
        // full names first; a surname-only record (a caller's 陈先生) then joins the customer its links point to,
        // unless they point to two customers who are provably different people (a household's shared phone)
        for (int l = 0; l < ordered.length; l++) {
            if (!byIndex[lefts[l]].weakName() && !byIndex[rights[l]].weakName()) {
                join(clusters, lefts[l], rights[l], byIndex, steward);
            }
        }
        Map<Integer, List<Integer>> weakPartners = new HashMap<>();
        Map<Integer, List<Integer>> everyWeakPartner = new HashMap<>();
        Map<Integer, Double> strongest = new HashMap<>();
        for (int l = 0; l < ordered.length; l++) {
            MatchResult link = ordered[l];
            int left = lefts[l];
            int right = rights[l];
            if (byIndex[left].weakName() != byIndex[right].weakName()) {
                int weak = byIndex[left].weakName() ? left : right;
                int partner = weak == left ? right : left;
                if (steward.cannotLink(byIndex[weak].key(), byIndex[partner].key())) {
                    continue;
                }
                // ordered strongest first: the first link of a weak record is its best
                double best = strongest.computeIfAbsent(weak, w -> link.score());
                everyWeakPartner.computeIfAbsent(weak, w -> new ArrayList<>()).add(partner);
                if (link.score() >= best - AMBIGUITY_MARGIN) {
                    weakPartners.computeIfAbsent(weak, w -> new ArrayList<>()).add(partner);
                }
            }
        }
        Map<Integer, Optional<HeldBack>> ambiguous = new HashMap<>();
        for (int l = 0; l < ordered.length; l++) {
            int left = lefts[l];
            int right = rights[l];
            if (!byIndex[left].weakName() && !byIndex[right].weakName()) {
                continue;
            }
            boolean unclear = byIndex[left].weakName() && ambiguous.computeIfAbsent(left,
                    w -> pointsToDifferentPeople(clusters, w, weakPartners, everyWeakPartner, byIndex, steward)).isPresent()
                    || byIndex[right].weakName() && ambiguous.computeIfAbsent(right,
                    w -> pointsToDifferentPeople(clusters, w, weakPartners, everyWeakPartner, byIndex, steward)).isPresent();
            if (!unclear) {
                join(clusters, left, right, byIndex, steward);
            }
        }
        Map<RecordKey, HeldBack> heldBack = new HashMap<>();
        ambiguous.forEach((weak, why) -> why.ifPresent(reason -> heldBack.put(byIndex[weak].key(), reason)));
        return new Partition(clusters.groups(byIndex), heldBack);
    }

    private void join(Clusters clusters, int a, int b, StandardizedRecord[] records, StewardConstraints steward) {
        int left = clusters.root(a);
        int right = clusters.root(b);
        if (left != right && compatible(clusters, left, right, records, steward)) {
            clusters.union(left, right);
        }
    }

    /**
     * Whether a weak record's links point to customers that can never be one: those of its links within the margin
     * of its best, or, when nothing personal (an identifier, a birth date, an e-mail) ties it to any of them, any two
     * of its links whose records hold the very number it called from. A household's phone held by two of its members
     * says nothing about which of them called; that one link also shares a project or a known gender (a few bits
     * more) does not tell them apart either. Answers why, empty when they do not.
     */
    private Optional<HeldBack> pointsToDifferentPeople(Clusters clusters, int weak, Map<Integer, List<Integer>> nearPartners,
                                            Map<Integer, List<Integer>> everyPartner, StandardizedRecord[] records,
                                            StewardConstraints steward) {
        if (spansDifferentPeople(clusters, nearPartners.get(weak), records, steward)) {
            return Optional.of(HeldBack.CLOSE_LINKS);
        }
        List<Integer> partners = everyPartner.getOrDefault(weak, List.of());
        if (partners.stream().anyMatch(p -> sharesSomethingPersonal(records[weak], records[p]))) {
            return Optional.empty();
        }
        for (String number : numbers(records[weak])) {
            List<Integer> holders = partners.stream().filter(p -> numbers(records[p]).contains(number)).toList();
            if (spansDifferentPeople(clusters, holders, records, steward)) {
                return Optional.of(HeldBack.SHARED_NUMBER);
            }
        }
        return Optional.empty();
    }

    private static boolean sharesSomethingPersonal(StandardizedRecord a, StandardizedRecord b) {
        return a.idNumber() != null && a.idNumber().equals(b.idNumber())
                || a.birthDate() != null && a.birthDate().equals(b.birthDate())
                || a.emails().stream().anyMatch(b.emails()::contains);
    }

    private static List<String> numbers(StandardizedRecord record) {
        return Stream.of(record.mobiles(), record.landlines(), record.unverifiedPhones()).flatMap(List::stream).toList();
    }

    /** Whether the given records lie in customers that can never be one. */
    private boolean spansDifferentPeople(Clusters clusters, List<Integer> partners, StandardizedRecord[] records,
                                         StewardConstraints steward) {
        if (partners == null) {
            return false;
        }
        List<Integer> roots = new ArrayList<>();
        for (int partner : partners) {
            int root = clusters.root(partner);
            if (!roots.contains(root)) {
                roots.add(root);
            }
        }
        for (int i = 0; i < roots.size(); i++) {
            for (int j = i + 1; j < roots.size(); j++) {
                if (!compatible(clusters, roots.get(i), roots.get(j), records, steward)) {
                    return true;
                }
            }
        }
        return false;
    }

    private boolean compatible(Clusters clusters, int left, int right, StandardizedRecord[] records,
                               StewardConstraints steward) {
        for (int a = left; a >= 0; a = clusters.next[a]) {
            for (int b = right; b >= 0; b = clusters.next[b]) {
                if (steward.cannotLink(records[a].key(), records[b].key())
                        || scorer.conflicts(records[a], records[b]) && !reconciled(clusters, left, right, records, a, b)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Whether a member of either cluster explains the conflict between records a and b away ({@link Scorer#reconciles}). */
    private boolean reconciled(Clusters clusters, int left, int right, StandardizedRecord[] records, int a, int b) {
        for (int root : new int[] {left, right}) {
            for (int bridge = root; bridge >= 0; bridge = clusters.next[bridge]) {
                if (scorer.reconciles(records[bridge], records[a], records[b])) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Union-find whose roots also head a linked list of their members, so a cluster can be walked. */
    private static final class Clusters {
        private final int[] parent;
        private final int[] next;
        private final int[] last;
        private final int[] size;

        Clusters(int count) {
            parent = new int[count];
            next = new int[count];
            last = new int[count];
            size = new int[count];
            for (int i = 0; i < count; i++) {
                parent[i] = i;
                next[i] = -1;
                last[i] = i;
                size[i] = 1;
            }
        }

        int root(int i) {
            while (parent[i] != i) {
                parent[i] = parent[parent[i]];
                i = parent[i];
            }
            return i;
        }

        void union(int a, int b) {
            int into = size[a] >= size[b] ? a : b;
            int from = into == a ? b : a;
            parent[from] = into;
            next[last[into]] = from;
            last[into] = last[from];
            size[into] += size[from];
        }

        List<List<RecordKey>> groups(StandardizedRecord[] records) {
            List<List<RecordKey>> groups = new ArrayList<>();
            for (int i = 0; i < records.length; i++) {
                if (parent[i] == i) {
                    List<RecordKey> members = new ArrayList<>(size[i]);
                    for (int m = i; m >= 0; m = next[m]) {
                        members.add(records[m].key());
                    }
                    members.sort(null);
                    groups.add(members);
                }
            }
            groups.sort((x, y) -> x.get(0).compareTo(y.get(0)));
            return groups;
        }
    }
}
