package org.erpinsight.sidecar.adapter.reference;

import java.text.Normalizer;
import java.util.Locale;

/** Folding of names and phone numbers so that searches ignore case, diacritics and formatting. */
final class Names {
    private Names() {
    }

    /** Lower case, Nordic letters spelled out (æ→ae, ø→oe, å→aa), other diacritics dropped. */
    static String fold(String name) {
        String lower = name.toLowerCase(Locale.ROOT)
                .replace("æ", "ae").replace("ø", "oe").replace("å", "aa")
                .replace("ä", "ae").replace("ö", "oe").replace("ü", "ue").replace("ß", "ss");
        return Normalizer.normalize(lower, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    }

    static String digits(String phone) {
        return phone == null ? null : phone.replaceAll("[^0-9]", "");
    }

    /** VAT numbers compared without spaces, dots or dashes, upper case. */
    static String vat(String vat) {
        return vat == null ? null : vat.replaceAll("[\\s.\\-]", "").toUpperCase(Locale.ROOT);
    }

    static String emailDomain(String email) {
        if (email == null) {
            return null;
        }
        int at = email.lastIndexOf('@');
        return at < 0 ? null : email.substring(at + 1).toLowerCase(Locale.ROOT);
    }
}
