package org.erpinsight.crm.reference.host;

import java.util.Locale;
import java.util.Map;

/**
 * The reference host's own few words, in English and Danish. The host stands in for a CRM, which
 * has its own translations; the plugin's words live in the plugin.
 */
final class HostWords {
    private static final Map<String, String> ENGLISH = Map.ofEntries(
            Map.entry("records", "Records"), Map.entry("allRecords", "All records"), Map.entry("notFound", "Not found"),
            Map.entry("noSuchRecord", "No such record."), Map.entry("noTabs", "No tabs for this record."),
            Map.entry("loading", "Loading ERP figures …"), Map.entry("tooLong", "This tab took too long."),
            Map.entry("failed", "This tab could not be shown."), Map.entry("signedInAs", "Signed in as"),
            Map.entry("switchTo", "switch to"), Map.entry("field.type", "Type"), Map.entry("field.vat", "VAT number"),
            Map.entry("field.email", "Email"), Map.entry("field.phone", "Phone"), Map.entry("field.postcode", "Postcode / country"),
            Map.entry("type.company", "company"), Map.entry("type.contact", "contact"), Map.entry("type.project", "project"),
            Map.entry("type.companys", "Companies"), Map.entry("type.contacts", "Contacts"), Map.entry("type.projects", "Projects"));
    private static final Map<String, String> DANISH = Map.ofEntries(
            Map.entry("records", "Poster"), Map.entry("allRecords", "Alle poster"), Map.entry("notFound", "Ikke fundet"),
            Map.entry("noSuchRecord", "Posten findes ikke."), Map.entry("noTabs", "Ingen faner for denne post."),
            Map.entry("loading", "Henter tal fra ERP …"), Map.entry("tooLong", "Fanen var for længe om det."),
            Map.entry("failed", "Fanen kunne ikke vises."), Map.entry("signedInAs", "Logget ind som"),
            Map.entry("switchTo", "skift til"), Map.entry("field.type", "Type"), Map.entry("field.vat", "CVR-/momsnummer"),
            Map.entry("field.email", "E-mail"), Map.entry("field.phone", "Telefon"), Map.entry("field.postcode", "Postnummer / land"),
            Map.entry("type.company", "virksomhed"), Map.entry("type.contact", "kontakt"), Map.entry("type.project", "projekt"),
            Map.entry("type.companys", "Virksomheder"), Map.entry("type.contacts", "Kontakter"), Map.entry("type.projects", "Projekter"));

    private final Map<String, String> words;

    private HostWords(Map<String, String> words) {
        this.words = words;
    }

    static HostWords of(Locale locale) {
        return new HostWords(locale != null && "da".equals(locale.getLanguage()) ? DANISH : ENGLISH);
    }

    String get(String key) {
        return words.getOrDefault(key, ENGLISH.getOrDefault(key, key));
    }
}
