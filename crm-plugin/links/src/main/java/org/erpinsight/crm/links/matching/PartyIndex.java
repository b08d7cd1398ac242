package org.erpinsight.crm.links.matching;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The ERP's parties of one kind, indexed by what can tell a company: its VAT number, email domain,
 * phone, and the words of its name (whole, and their first four letters, which a typo at the end
 * leaves alike). A CRM record is compared only with the parties that share a key with it — never
 * with all of them — and the candidates come back scored, with their reasons.
 */
public final class PartyIndex {
    /** A name word this common (a "consulting", a "nordic") says little and would make the blocks huge: not a key. */
    private static final int COMMON = 400;
    /** An email domain this many parties share (a mail provider, a group's) is weak evidence. */
    private static final int SHARED_DOMAIN = 3;
    /** At most this many parties are scored for one record: those sharing the most keys with it. */
    private static final int MAX_COMPARED = 60;

    private final Prepared[] parties;
    private final Map<String, int[]> blocks;
    private final Map<String, Integer> domainCount = new HashMap<>();

    /** A party's facts in the forms they are compared in, made once. */
    record Prepared(PartyFacts facts, String name, Set<String> words, String vat, String domain, String phone, String postcode) {
        static Prepared of(PartyFacts f) {
            List<String> words = Normal.words(f.name());
            return new Prepared(f, String.join(" ", words), new HashSet<>(words), Normal.vat(f.vatNumber()), Normal.domain(f.email()),
                    Normal.phone(f.phone()), Normal.postcode(f.postcode()));
        }

        List<String> keys() {
            List<String> keys = new ArrayList<>();
            if (vat != null) {
                keys.add("v:" + vat);
            }
            if (domain != null) {
                keys.add("d:" + domain);
            }
            if (phone != null) {
                keys.add("p:" + phone);
            }
            for (String w : words) {
                if (w.length() >= 3) {
                    keys.add("w:" + w);
                    if (w.length() > 4) {
                        keys.add("w4:" + w.substring(0, 4));
                    }
                }
            }
            return keys;
        }
    }

    public PartyIndex(List<PartyFacts> erpParties) {
        parties = new Prepared[erpParties.size()];
        Map<String, int[]> growing = new HashMap<>();
        Map<String, Integer> sizes = new HashMap<>();
        for (int i = 0; i < parties.length; i++) {
            parties[i] = Prepared.of(erpParties.get(i));
            if (parties[i].domain() != null) {
                domainCount.merge(parties[i].domain(), 1, Integer::sum);
            }
            for (String key : parties[i].keys()) {
                int size = sizes.merge(key, 1, Integer::sum);
                int[] ids = growing.get(key);
                if (ids == null) {
                    ids = new int[2];
                    growing.put(key, ids);
                } else if (size > ids.length) {
                    ids = Arrays.copyOf(ids, ids.length * 2);
                    growing.put(key, ids);
                }
                ids[size - 1] = i;
            }
        }
        blocks = new HashMap<>(growing.size() * 2);
        growing.forEach((key, ids) -> {
            int size = sizes.get(key);
            if (size <= COMMON || key.startsWith("v:") || key.startsWith("p:") || key.startsWith("d:")) {
                blocks.put(key, Arrays.copyOf(ids, size));
            }
        });
    }

    public int size() {
        return parties.length;
    }

    /** The record's best candidates, best first, at most {@code max}; none below {@code floor}. */
    public List<Candidate> candidates(PartyFacts record, int max, double floor) {
        Prepared crm = Prepared.of(record);
        Map<Integer, Integer> shared = new HashMap<>();
        for (String key : crm.keys()) {
            int[] ids = blocks.get(key);
            if (ids == null || (key.startsWith("d:") && ids.length > 50)) {
                continue;
            }
            for (int id : ids) {
                shared.merge(id, key.startsWith("w") ? 1 : 3, Integer::sum);
            }
        }
        List<Map.Entry<Integer, Integer>> closest = new ArrayList<>(shared.entrySet());
        if (closest.size() > MAX_COMPARED) {
            closest.sort(Map.Entry.<Integer, Integer>comparingByValue().reversed());
            closest = closest.subList(0, MAX_COMPARED);
        }
        List<Candidate> scored = new ArrayList<>();
        for (Map.Entry<Integer, Integer> e : closest) {
            Candidate c = score(crm, parties[e.getKey()]);
            if (c.score() >= floor) {
                scored.add(c);
            }
        }
        scored.sort(Comparator.comparingDouble(Candidate::score).reversed());
        return scored.size() > max ? new ArrayList<>(scored.subList(0, max)) : scored;
    }

    /** How alike a CRM record and an ERP party are, 0 to 1, and why. */
    Candidate score(Prepared crm, Prepared erp) {
        List<String> reasons = new ArrayList<>(4);
        double score = 0;
        if (crm.vat() != null && erp.vat() != null) {
            if (crm.vat().equals(erp.vat())) {
                score += 0.5;
                reasons.add("same VAT number");
            } else {
                score -= 0.4;
                reasons.add("different VAT numbers");
            }
        }
        double name = nameLikeness(crm, erp);
        score += 0.45 * name;
        reasons.add(Math.round(name * 100) + "% alike names");
        if (crm.domain() != null && crm.domain().equals(erp.domain())) {
            boolean shared = domainCount.getOrDefault(erp.domain(), 0) > SHARED_DOMAIN;
            score += shared ? 0.03 : 0.2;
            reasons.add(shared ? "email domain shared by many" : "same email domain");
        }
        if (crm.phone() != null && crm.phone().equals(erp.phone())) {
            score += 0.15;
            reasons.add("same phone");
        }
        if (crm.postcode() != null && crm.postcode().equals(erp.postcode())) {
            score += 0.05;
            reasons.add("same postcode");
        }
        return new Candidate(erp.facts(), Math.max(0, Math.min(1, score)), List.copyOf(reasons));
    }

    /** The better of Jaro-Winkler over the whole folded names and the share of words they have in common. */
    private static double nameLikeness(Prepared a, Prepared b) {
        if (a.name().isEmpty() || b.name().isEmpty()) {
            return 0;
        }
        double jw = Normal.jaroWinkler(a.name(), b.name());
        int common = 0;
        for (String w : a.words()) {
            if (b.words().contains(w)) {
                common++;
            }
        }
        double dice = 2.0 * common / (a.words().size() + b.words().size());
        return Math.max(jw, dice);
    }
}
