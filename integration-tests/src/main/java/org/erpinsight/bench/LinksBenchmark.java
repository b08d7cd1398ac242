package org.erpinsight.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import org.erpinsight.crm.links.matching.Matching;
import org.erpinsight.crm.links.matching.PartyFacts;
import org.erpinsight.crm.links.matching.PartyIndex;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Bulk suggestions at the scale of a real customer base ({@code ./erp-insight bench-links}):
 * 100,000 CRM companies and 100,000 ERP customers made from one seed with known truth (90,000 are
 * the same companies written differently; 10,000 on each side have no partner), the ERP customers
 * written into a reference ERP that a real sidecar serves. Timed: fetching every customer through
 * the sidecar's party listing, indexing them, and matching every CRM company; printed: precision
 * and recall of the links made at once, the review queue, seconds, and this JVM's peak heap.
 *
 * <p>The noise: typos, legal forms written differently (A/S, AS, A.S., ApS, AB, Oy, GmbH, Ltd /
 * Limited), æ/ø/å written ae/oe/aa, VAT numbers missing or formatted otherwise, shared email
 * domains (mail providers), phones with and without country code, and look-alike names (companies
 * built from the same words).
 *
 * <pre>
 * --prepare DIR     write the ERP customers into the reference ERP in DIR (once), then stop
 * --sidecar URL --key KEY [--threshold 0.6]   the run
 * </pre>
 */
public final class LinksBenchmark {
    static final int COMPANIES = 100_000;
    static final int SHARED = 90_000;
    private static final long SEED = 20261201L;

    private static final String[] FIRST = {"Andersen", "Hansen", "Jensen", "Nielsen", "Pedersen", "Larsen", "Sørensen", "Rasmussen",
        "Jørgensen", "Petersen", "Madsen", "Kristensen", "Olsen", "Thomsen", "Christiansen", "Poulsen", "Johansen", "Møller",
        "Mortensen", "Østergaard", "Bergström", "Lindqvist", "Åkesson", "Nyström", "Virtanen", "Korhonen", "Mäkinen", "Nieminen",
        "Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Nordlys", "Fjord", "Skov", "Strand", "Bakke", "Lund", "Dahl", "Holm",
        "Berg", "Vik", "Sund", "Brække", "Ærø", "Nordic", "Baltic", "Polar", "Viking", "Aurora", "Boreal", "Fyn", "Jylland",
        "Sjælland", "Bornholm", "Göta", "Skåne", "Dalarna", "Oslo", "Bergen", "Tampere", "Turku", "Malmö", "Århus", "Odense",
        "Aalborg", "Esbjerg", "Vejle", "Kolding", "Horsens", "Randers", "Silkeborg", "Næstved", "Roskilde", "Helsingør"};
    private static final String[] TRADE = {"Byg", "Maskin", "Transport", "Logistik", "Energi", "Consulting", "Data", "Software",
        "Elektro", "VVS", "Tømrer", "Murer", "Maler", "Auto", "Marine", "Fisk", "Food", "Agro", "Træ", "Stål", "Plast", "Trading",
        "Import", "Export", "Design", "Media", "Finans", "Ejendomme", "Invest", "Service", "Rengøring", "Sikkerhed", "Medico",
        "Pharma", "Kemi", "Optik", "Møbler", "Tekstil", "Print", "Emballage", "Værktøj", "Kran", "Vind", "Sol", "Varme",
        "Ventilation", "Teknik", "Automation", "Robotics", "Analytics"};
    private static final String[] MORE = {"", "", "", "", "Nord", "Syd", "Øst", "Vest", "Group", "Partners", "Center", "Holding",
        "Service", "International", "Danmark", "Sverige", "Norge", "Suomi"};
    private static final String[][] FORMS = {{"DK", "A/S", "AS", "A.S.", "a/s"}, {"DK", "ApS", "APS", "Aps"}, {"SE", "AB", "Ab", "Aktiebolag"},
        {"NO", "AS", "A/S", "As"}, {"FI", "Oy", "OY", "Oy Ab"}, {"DE", "GmbH", "GMBH", "Gmbh"}, {"GB", "Ltd", "Limited", "LTD"}};
    private static final String[] PROVIDERS = {"gmail.com", "outlook.com", "hotmail.com", "yahoo.com", "mail.dk", "live.se"};

    /** One company as it truly is. */
    record Company(String name, String form, String country, String vat, String domain, String phone, String postcode) {
    }

    private LinksBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> a = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            a.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        List<Company> truth = companies();
        if (a.containsKey("prepare")) {
            prepare(Path.of(a.get("prepare")), truth);
            return;
        }
        run(a.get("sidecar"), a.get("key"), Double.parseDouble(a.getOrDefault("threshold", "0.6")), truth);
    }

    /** Distinct companies from one seed; names from shared words, so that look-alikes abound. */
    static List<Company> companies() {
        Random r = new Random(SEED);
        List<Company> list = new ArrayList<>(COMPANIES + COMPANIES - SHARED);
        java.util.Set<String> names = new java.util.HashSet<>();
        while (list.size() < COMPANIES + COMPANIES - SHARED) {
            String name = (FIRST[r.nextInt(FIRST.length)] + " " + TRADE[r.nextInt(TRADE.length)] + " " + MORE[r.nextInt(MORE.length)]
                    + (r.nextInt(4) == 0 ? " " + FIRST[r.nextInt(FIRST.length)] : "")).strip();
            String[] form = FORMS[r.nextInt(FORMS.length)];
            if (!names.add(name + "|" + form[0])) {
                continue;
            }
            int n = list.size();
            String vat = form[0] + String.format("%08d", 10_000_000 + n * 7 + r.nextInt(7));
            String domain = Bench.slug(name) + "-" + Integer.toString(n, 36) + "." + form[0].toLowerCase(Locale.ROOT);
            String phone = String.format("%08d", 20_000_000 + n * 3 + r.nextInt(3));
            list.add(new Company(name, form[1], form[0], vat, domain, phone, Integer.toString(1000 + r.nextInt(8999))));
        }
        return list;
    }

    /** The ERP's record of a company: its own spelling, nearly always with VAT number and email. */
    static PartyFacts erpSide(int i, Company c, Random r) {
        return new PartyFacts(erpNumber(i), c.name() + " " + c.form(), r.nextInt(10) == 0 ? null : c.vat(),
                (r.nextInt(12) == 0 ? "info@" + PROVIDERS[r.nextInt(PROVIDERS.length)] : "kontakt@" + c.domain()),
                r.nextInt(10) == 0 ? null : "+" + countryCode(c.country()) + " " + c.phone(), c.postcode(), c.country());
    }

    /** The CRM's record of the same company, written by other people: the noise. */
    static PartyFacts crmSide(int i, Company c, Random r, String[] form) {
        String name = c.name();
        if (r.nextInt(3) == 0) {
            name = name.replace("æ", "ae").replace("ø", "oe").replace("å", "aa").replace("Æ", "Ae").replace("Ø", "Oe").replace("Å", "Aa")
                    .replace("ö", "o").replace("ä", "a");
        }
        if (r.nextInt(8) == 0) {
            name = typo(name, r);
        }
        if (r.nextInt(5) == 0) {
            name = name.toUpperCase(Locale.ROOT);
        }
        String legal = r.nextInt(6) == 0 ? "" : " " + form[1 + r.nextInt(form.length - 1)];
        String vat = r.nextInt(4) == 0 ? null : r.nextBoolean() ? c.vat().substring(2) : c.vat().substring(0, 2) + " "
                + c.vat().substring(2, 6) + " " + c.vat().substring(6);
        String email = r.nextInt(7) == 0 ? "someone@" + PROVIDERS[r.nextInt(PROVIDERS.length)] : "sales@" + c.domain();
        String phone = r.nextInt(6) == 0 ? null : r.nextBoolean() ? c.phone().substring(0, 2) + " " + c.phone().substring(2, 4) + " "
                + c.phone().substring(4) : "00" + countryCode(c.country()) + c.phone();
        return new PartyFacts("c-" + i, name + legal, vat, email, phone, r.nextInt(10) == 0 ? null : c.postcode(), c.country());
    }

    private static String typo(String name, Random r) {
        int at = 1 + r.nextInt(Math.max(1, name.length() - 2));
        return switch (r.nextInt(3)) {
            case 0 -> name.substring(0, at) + name.substring(at + 1);                       // a letter left out
            case 1 -> name.substring(0, at) + name.charAt(at) + name.substring(at);          // a letter twice
            default -> name.substring(0, at - 1) + name.charAt(at) + name.charAt(at - 1) + name.substring(at + 1); // swapped
        };
    }

    private static String countryCode(String country) {
        return switch (country) {
            case "DK" -> "45";
            case "SE" -> "46";
            case "NO" -> "47";
            case "FI" -> "358";
            case "DE" -> "49";
            default -> "44";
        };
    }

    static String erpNumber(int i) {
        return "M" + String.format("%06d", i);
    }

    /** ERP customers 0 … 99,999: companies 0 … 89,999 (the CRM knows them too) and 100,000 … 109,999 (it does not). */
    static void prepare(Path dir, List<Company> truth) throws Exception {
        Path db = dir.resolve("reference-erp");
        if (!Files.exists(db)) {
            // the reference ERP makes its schema and small demo data; the customers follow
            org.erpinsight.sidecar.adapter.reference.ReferenceErp.open(new org.erpinsight.sidecar.adapter.reference.ReferenceErpSettings(dir,
                    org.erpinsight.sidecar.adapter.reference.DemoSize.SMALL, Clock.systemDefaultZone())).close();
        }
        try (Connection c = DriverManager.getConnection("jdbc:derby:" + db)) {
            try (var rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM customer WHERE number LIKE 'M%'")) {
                rs.next();
                if (rs.getInt(1) == COMPANIES) {
                    System.out.println("The 100,000 ERP customers are there already (" + db + ")");
                    return;
                }
                Preflight.require(rs.getInt(1) == 0, db + " holds " + rs.getInt(1) + " of the benchmark's ERP customers, not 0 or "
                        + COMPANIES + ": delete " + dir + " and run again");
            }
            c.setAutoCommit(false);
            Random r = new Random(SEED + 1);
            try (PreparedStatement s = c.prepareStatement("INSERT INTO customer (number, name, name_folded, vat_number, email,"
                    + " email_domain, phone, phone_digits, postcode, city, country_code, currency, credit_limit, customer_group, market,"
                    + " blocked) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,NULL,'STANDARD',?,FALSE)")) {
                for (int i = 0; i < COMPANIES; i++) {
                    int company = i < SHARED ? i : COMPANIES + (i - SHARED);
                    PartyFacts p = erpSide(i, truth.get(company), r);
                    s.setString(1, p.key());
                    s.setString(2, p.name());
                    s.setString(3, p.name().toLowerCase(Locale.ROOT));
                    s.setString(4, p.vatNumber());
                    s.setString(5, p.email());
                    s.setString(6, p.email().substring(p.email().indexOf('@') + 1));
                    s.setString(7, p.phone());
                    s.setString(8, p.phone() == null ? null : p.phone().replaceAll("[^0-9]", ""));
                    s.setString(9, p.postcode());
                    s.setString(10, "By");
                    s.setString(11, p.countryCode());
                    s.setString(12, "DK".equals(p.countryCode()) ? "DKK" : "EUR");
                    s.setString(13, "DK".equals(p.countryCode()) ? "DOMESTIC" : "EXPORT");
                    s.addBatch();
                    if (i % 1000 == 999) {
                        s.executeBatch();
                    }
                }
                s.executeBatch();
            }
            c.commit();
            try (var rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM customer WHERE number LIKE 'M%'")) {
                rs.next();
                Preflight.require(rs.getInt(1) == COMPANIES, "wrote " + COMPANIES + " ERP customers into " + db + ", read back "
                        + rs.getInt(1));
            }
            c.commit();
        } finally {
            // a clean shutdown checkpoints the log: a database left without one is recovered on the
            // sidecar's first boot, which once took longer than the connection pool's login timeout
            shutdown(db);
        }
        System.out.println("Wrote 100,000 ERP customers into " + db);
    }

    private static void shutdown(Path db) {
        try {
            DriverManager.getConnection("jdbc:derby:" + db + ";shutdown=true").close();
        } catch (java.sql.SQLException expected) {
            // Derby answers a shutdown with an exception (08006)
        }
    }

    static void run(String sidecar, String key, double threshold, List<Company> truth) throws Exception {
        // the CRM's companies: 0 … 89,999 have a partner in the ERP, 90,000 … 99,999 do not
        Random r = new Random(SEED + 2);
        List<PartyFacts> crm = new ArrayList<>(COMPANIES);
        for (int i = 0; i < COMPANIES; i++) {
            Company c = truth.get(i);
            String[] form = java.util.Arrays.stream(FORMS).filter(f -> f[0].equals(c.country()) && List.of(f).contains(c.form()))
                    .findFirst().orElse(FORMS[0]);
            crm.add(crmSide(i, c, r, form));
        }
        // the sidecar must serve the prepared data set: the benchmark's customers, and the small demo data's 60
        Preflight.sidecar(sidecar, key);
        long listed = Preflight.parties(sidecar, key, "CUSTOMER", COMPANIES);
        Preflight.get(sidecar + "/api/v1/customers/" + erpNumber(0), key);
        Preflight.get(sidecar + "/api/v1/customers/" + erpNumber(COMPANIES - 1), key);
        System.gc();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
        long start = System.nanoTime();
        HttpClient http = HttpClient.newHttpClient();
        ObjectMapper json = new ObjectMapper();
        List<PartyFacts> erp = new ArrayList<>(COMPANIES + 100);
        for (int offset = 0; ; offset += 1000) {
            HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(sidecar + "/api/v1/parties?kind=CUSTOMER&offset=" + offset
                    + "&limit=1000")).header("X-API-Key", key).build(), HttpResponse.BodyHandlers.ofString());
            JsonNode parties = json.readTree(page.body()).get("parties");
            for (JsonNode p : parties) {
                erp.add(new PartyFacts(p.get("number").asText(), p.get("name").asText(), text(p, "vatNumber"), text(p, "email"),
                        text(p, "phone"), text(p, "postcode"), text(p, "countryCode")));
            }
            if (parties.size() < 1000) {
                break;
            }
        }
        double fetched = (System.nanoTime() - start) / 1e9;
        Preflight.require(erp.size() == listed, "the sidecar listed " + listed + " customers, the pages held " + erp.size());
        PartyIndex index = new PartyIndex(erp);
        double indexed = (System.nanoTime() - start) / 1e9;
        List<Matching.Outcome> outcomes = Matching.run(index, crm, threshold);
        double seconds = (System.nanoTime() - start) / 1e9;
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        int automatic = 0;
        int right = 0;
        int review = 0;
        int reviewRight = 0;
        for (int i = 0; i < outcomes.size(); i++) {
            Matching.Outcome o = outcomes.get(i);
            boolean truthful = o.best() != null && i < SHARED && o.best().party().key().equals(erpNumber(i));
            if (o.automatic()) {
                automatic++;
                right += truthful ? 1 : 0;
            } else if (o.best() != null) {
                review++;
                reviewRight += truthful ? 1 : 0;
            }
        }
        System.out.printf("%,d CRM companies against %,d ERP customers (%,d true pairs), threshold %.2f%n", crm.size(), erp.size(), SHARED,
                threshold);
        System.out.printf("linked at once: %,d, of them right: %,d -> precision %.4f, recall %.4f%n", automatic, right,
                automatic == 0 ? 0 : (double) right / automatic, (double) right / SHARED);
        System.out.printf("to review: %,d (the best candidate right for %,d)%n", review, reviewRight);
        System.out.printf("seconds: %.1f in all (fetching the ERP's customers %.1f, indexing %.1f, matching %.1f)%n", seconds, fetched,
                indexed - fetched, seconds - indexed);
        System.out.printf("peak heap: %d MB (-Xmx%d MB)%n", peak / (1024 * 1024), Runtime.getRuntime().maxMemory() / (1024 * 1024));
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    /** Small helpers shared by the generator. */
    static final class Bench {
        private Bench() {
        }

        static String slug(String name) {
            return java.text.Normalizer.normalize(name.toLowerCase(Locale.ROOT).replace("æ", "ae").replace("ø", "oe").replace("å", "aa"),
                    java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "").replaceAll("[^a-z0-9]+", "");
        }
    }
}
