package org.erpinsight.crm.links.matching;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A run over many CRM records against one index: each record's best candidate, and which of them
 * may be linked at once — above the admin's threshold, clearly ahead of the record's next
 * candidate (a look-alike name is not enough), and not claimed by a better-scoring record (one
 * ERP party, one record). The rest go to the review queue.
 */
public final class Matching {
    /** How far the best candidate must lead the second for a link to be made without a person. */
    public static final double LEAD = 0.15;

    private Matching() {
    }

    /** One record's outcome: its best candidate (or none), and whether it is linked at once. */
    public record Outcome(PartyFacts record, Candidate best, Candidate second, boolean automatic) {
    }

    public static List<Outcome> run(PartyIndex index, List<PartyFacts> records, double threshold) {
        List<Outcome> outcomes = new ArrayList<>(records.size());
        for (PartyFacts r : records) {
            List<Candidate> top = index.candidates(r, 2, 0.3);
            outcomes.add(new Outcome(r, top.isEmpty() ? null : top.get(0), top.size() > 1 ? top.get(1) : null, false));
        }
        // the best-scoring claims first: a party two records want goes to the clearer one, or to review
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < outcomes.size(); i++) {
            if (outcomes.get(i).best() != null) {
                order.add(i);
            }
        }
        order.sort(Comparator.comparingDouble((Integer i) -> outcomes.get(i).best().score()).reversed());
        Set<String> claimed = new HashSet<>();
        for (int i : order) {
            Outcome o = outcomes.get(i);
            boolean clear = o.best().score() >= threshold && (o.second() == null || o.best().score() - o.second().score() >= LEAD);
            if (clear && claimed.add(o.best().party().key())) {
                outcomes.set(i, new Outcome(o.record(), o.best(), o.second(), true));
            }
        }
        return outcomes;
    }
}
