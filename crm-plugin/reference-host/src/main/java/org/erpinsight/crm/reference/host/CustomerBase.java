package org.erpinsight.crm.reference.host;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import org.erpinsight.crm.api.host.CrmRecord;
import org.erpinsight.crm.api.host.RecordRef;
import org.erpinsight.crm.api.host.RecordType;

/**
 * A CRM the size of a customer base, for load tests and benchmarks: a company for each ERP
 * customer of the sidecar's large data set that the bundled samples do not have (10011 … 20000,
 * as {@code c-10011} …), linked to it, and a contact at each ({@code p-10011} …). The same seed
 * gives the same records every time; the names are the CRM's own, not the ERP's.
 */
final class CustomerBase {
    /** The large data set's customers are 10001 … 20000; the bundled samples hold the first ten's companies. */
    static final int FIRST = 10_011;
    static final int LAST = 20_000;
    private static final long SEED = 20261204L;
    private static final String[] WORDS = {"Nord", "Syd", "Vest", "Øst", "Fjord", "Skov", "Berg", "Dal", "Strand", "Lund", "Holm",
        "Sø", "Eng", "Vik", "Sand", "Bakke"};
    private static final String[] TRADES = {"Byg", "Teknik", "Handel", "Data", "Energi", "Transport", "Møbler", "Consult", "Design",
        "Foods", "Marine", "Print", "Solar", "Agro", "VVS", "Logistik"};
    private static final String[] FORMS = {"A/S", "ApS", "AB", "AS", "Oy", "GmbH", "Ltd"};
    private static final String[] COUNTRIES = {"DK", "DK", "SE", "NO", "FI", "DE", "GB"};
    private static final String[] FIRST_NAMES = {"Anna", "Mette", "Sofie", "Ida", "Lars", "Jens", "Mikkel", "Erik", "Karin", "Ole",
        "Nina", "Per", "Sara", "Jonas", "Emma", "Anders"};
    private static final String[] LAST_NAMES = {"Jensen", "Nielsen", "Hansen", "Pedersen", "Andersen", "Larsen", "Berg", "Lund",
        "Holm", "Dahl", "Virtanen", "Müller", "Smith", "Johansson"};

    private CustomerBase() {
    }

    static String companyId(int customerNumber) {
        return "c-" + customerNumber;
    }

    static List<SampleDirectory.Sample> samples() {
        Random random = new Random(SEED);
        List<SampleDirectory.Sample> samples = new ArrayList<>(2 * (LAST - FIRST + 1));
        for (int number = FIRST; number <= LAST; number++) {
            String name = WORDS[random.nextInt(WORDS.length)] + " " + TRADES[random.nextInt(TRADES.length)] + " "
                    + FORMS[random.nextInt(FORMS.length)];
            String country = COUNTRIES[random.nextInt(COUNTRIES.length)];
            String domain = name.toLowerCase(Locale.ROOT).replace("ø", "oe").replace("æ", "ae").replace("å", "aa")
                    .replaceAll("[^a-z]+", "") + number + "." + (country.equals("GB") ? "co.uk" : country.toLowerCase(Locale.ROOT));
            String phone = String.format("+45 %08d", 30_000_000 + number);
            String postcode = Integer.toString(1000 + random.nextInt(8999));
            String vat = country + (10_000_000 + random.nextInt(89_999_999));
            String customer = Integer.toString(number);
            samples.add(new SampleDirectory.Sample(new CrmRecord(new RecordRef(RecordType.COMPANY, companyId(number)), name, vat,
                    "info@" + domain, phone, postcode, country), customer, null, null));
            String first = FIRST_NAMES[random.nextInt(FIRST_NAMES.length)];
            String last = LAST_NAMES[random.nextInt(LAST_NAMES.length)];
            samples.add(new SampleDirectory.Sample(new CrmRecord(new RecordRef(RecordType.CONTACT, "p-" + number), first + " " + last,
                    null, first.toLowerCase(Locale.ROOT) + "@" + domain, String.format("+45 %08d", 40_000_000 + number), postcode,
                    country), null, null, null));
        }
        return samples;
    }
}
