package org.erpinsight.crm.links.matching;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The forms in which two systems' spellings of one company meet: names folded (æ/ø/å and ae/oe/aa
 * alike, accents gone, legal forms such as A/S, ApS, AB, AS, Oy, GmbH, Ltd left out, punctuation
 * gone), VAT and organisation numbers as their digits, email domains, the last digits of a phone.
 */
final class Normal {
    /** Legal forms and their spellings, as words after folding: not part of what a company is called. */
    private static final Set<String> LEGAL_FORMS = Set.of("as", "a s", "aps", "ab", "oy", "oyj", "gmbh", "ltd", "limited", "plc",
            "inc", "llc", "ag", "sa", "bv", "nv", "is", "ks", "amba", "smba", "asa", "hf", "ehf", "kg", "co", "company", "corp",
            "corporation", "mbh", "srl", "sarl", "spa", "oü", "ou", "sia", "uab", "ug");

    private Normal() {
    }

    /** The name's words, folded, without legal forms: "Østergaard Møbler A/S" and "Oestergaard Moebler AS" give the same. */
    static List<String> words(String name) {
        if (name == null) {
            return List.of();
        }
        // single letters joined by dots or slashes are one abbreviation: A/S, A.S., I/S, K/S
        String folded = fold(name).replaceAll("\\b([a-z])\\s*[./]\\s*([a-z])\\b\\.?", " $1$2 ");
        List<String> words = new ArrayList<>();
        for (String w : folded.split("[^a-z0-9]+")) {
            if (!w.isEmpty() && !LEGAL_FORMS.contains(w)) {
                words.add(w);
            }
        }
        return words;
    }

    /** Lower case, Nordic and German letters written out as their two-letter forms, accents dropped. */
    static String fold(String text) {
        String lower = text.toLowerCase(Locale.ROOT).replace("æ", "ae").replace("ø", "oe").replace("å", "aa").replace("ä", "ae")
                .replace("ö", "oe").replace("ü", "ue").replace("ß", "ss").replace("ð", "d").replace("þ", "th");
        return Normalizer.normalize(lower, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    }

    /** The digits of a VAT or organisation number, without country prefix or separators; null when too few to tell. */
    static String vat(String vat) {
        if (vat == null) {
            return null;
        }
        String digits = vat.replaceAll("[^0-9]", "");
        return digits.length() >= 6 ? digits : null;
    }

    static String domain(String email) {
        if (email == null || email.indexOf('@') < 0) {
            return null;
        }
        String domain = email.substring(email.lastIndexOf('@') + 1).strip().toLowerCase(Locale.ROOT);
        return domain.isEmpty() ? null : domain;
    }

    /** The last eight digits: the same number written with or without its country code. */
    static String phone(String phone) {
        if (phone == null) {
            return null;
        }
        String digits = phone.replaceAll("[^0-9]", "");
        return digits.length() < 6 ? null : digits.substring(Math.max(0, digits.length() - 8));
    }

    static String postcode(String postcode) {
        if (postcode == null) {
            return null;
        }
        String p = postcode.replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
        return p.isEmpty() ? null : p;
    }

    /** Jaro-Winkler similarity, 0 to 1: forgiving a typo or two, rewarding a shared beginning. */
    static double jaroWinkler(String a, String b) {
        if (a.equals(b)) {
            return 1;
        }
        int la = a.length();
        int lb = b.length();
        if (la == 0 || lb == 0) {
            return 0;
        }
        int window = Math.max(0, Math.max(la, lb) / 2 - 1);
        boolean[] ma = new boolean[la];
        boolean[] mb = new boolean[lb];
        int matches = 0;
        for (int i = 0; i < la; i++) {
            int from = Math.max(0, i - window);
            int to = Math.min(lb - 1, i + window);
            for (int j = from; j <= to; j++) {
                if (!mb[j] && a.charAt(i) == b.charAt(j)) {
                    ma[i] = true;
                    mb[j] = true;
                    matches++;
                    break;
                }
            }
        }
        if (matches == 0) {
            return 0;
        }
        int transpositions = 0;
        for (int i = 0, j = 0; i < la; i++) {
            if (ma[i]) {
                while (!mb[j]) {
                    j++;
                }
                if (a.charAt(i) != b.charAt(j)) {
                    transpositions++;
                }
                j++;
            }
        }
        double m = matches;
        double jaro = (m / la + m / lb + (m - transpositions / 2.0) / m) / 3;
        int prefix = 0;
        while (prefix < Math.min(4, Math.min(la, lb)) && a.charAt(prefix) == b.charAt(prefix)) {
            prefix++;
        }
        return jaro + prefix * 0.1 * (1 - jaro);
    }
}
