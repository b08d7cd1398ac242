package org.erpinsight.sidecar.adapter.reference;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Fills a new reference ERP with deterministic demo data: the same size and creation date
 * always give the same rows. The first customers are hand-made so that the reference host's
 * sample CRM companies match them by name, VAT number and email domain.
 */
final class DemoData {
    static final long SEED = 20261128L;
    /** Raised whenever schema.sql changes: an older database is then recreated. */
    static final int SCHEMA_VERSION = 6;
    private static final int BATCH = 5_000;

    /** Hand-made customers: number, name, VAT, email, phone, postcode, city, country, credit limit, group. */
    static final String[][] KNOWN_CUSTOMERS = {
        {"10001", "Andersen Byg A/S", "DK12345678", "post@andersenbyg.dk", "+45 33 12 34 56", "2100", "København Ø", "DK", "250000", "RETAIL"},
        {"10002", "Bergström Logistik AB", "SE556677889901", "info@bergstromlogistik.se", "+46 8 123 456 78", "111 22", "Stockholm", "SE", "500000", "WHOLESALE"},
        {"10003", "Nordlys Energi AS", "NO987654321", "kontakt@nordlys-energi.no", "+47 22 33 44 55", "0150", "Oslo", "NO", "300000", "RETAIL"},
        {"10004", "Virtanen Tekniikka Oy", "FI12345678", "myynti@virtanentekniikka.fi", "+358 9 123 4567", "00100", "Helsinki", "FI", "80000", "RETAIL"},
        {"10005", "Müller Maschinenbau GmbH", "DE123456789", "vertrieb@mueller-maschinenbau.de", "+49 89 1234567", "80331", "München", "DE", "150000", "WHOLESALE"},
        {"10006", "Hansen & Søn ApS", "DK87654321", "mail@hansenogsoen.dk", "+45 86 12 34 56", "8000", "Aarhus C", "DK", "20000", "RETAIL"},
        {"10007", "Brightwater Consulting Ltd", "GB123456789", "hello@brightwater.co.uk", "+44 20 7946 0123", "EC1A 1BB", "London", "GB", "", "RETAIL"},
        {"10008", "Ærø Færgefart A/S", "DK11223344", "booking@aeroe-faergefart.dk", "+45 62 52 10 00", "5970", "Ærøskøbing", "DK", "60000", "RETAIL"},
        {"10009", "Østergaard Møbler A/S", "DK55667788", "salg@oestergaard-moebler.dk", "+45 98 76 54 32", "9000", "Aalborg", "DK", "120000", "WHOLESALE"},
        {"10010", "Lindqvist Bygg AB", "SE559988776601", "order@lindqvistbygg.se", "+46 31 987 65 43", "411 05", "Göteborg", "SE", "90000", "RETAIL"},
    };
    private static final String[] COUNTRIES = {"DK", "SE", "NO", "FI", "DE", "GB"};
    private static final String[] CURRENCIES = {"DKK", "SEK", "NOK", "EUR", "EUR", "GBP"};
    private static final String[] LEGAL_FORMS = {"A/S", "AB", "AS", "Oy", "GmbH", "Ltd"};
    private static final String[] TLDS = {"dk", "se", "no", "fi", "de", "co.uk"};
    private static final String[] PHONE_PREFIX = {"+45", "+46", "+47", "+358", "+49", "+44"};
    private static final String[] CITIES = {"Odense", "Malmö", "Bergen", "Tampere", "Hamburg", "Leeds"};
    private static final String[] FIRST = {"Nord", "Syd", "Vest", "Øst", "Fjord", "Skov", "Berg", "Dal", "Strand", "Lund",
        "Holm", "Bäck", "Sjö", "Elv", "Kyst", "Mose", "Eng", "Ås", "Vik", "Sand"};
    private static final String[] SECOND = {"Teknik", "Handel", "Bygg", "Data", "Energi", "Transport", "Møbler", "Trä",
        "Metal", "Consult", "Design", "Foods", "Marine", "Print", "Solar", "Agro"};
    private static final String[] ITEM_NAMES = {"Consulting hour", "Installation", "Service visit", "Server rack",
        "Network switch", "Cable kit", "Licence seat", "Support plan", "Sensor unit", "Control panel", "Pump", "Valve",
        "Filter cartridge", "Steel beam", "Timber plank", "Paint (10 l)", "Safety helmet", "Work gloves", "Ladder",
        "Drill set"};
    private static final String[] EMPLOYEES = {"Anna Holm", "Jonas Berg", "Mette Lund", "Erik Dahl", "Sofia Vik"};

    private final Connection connection;
    private final DemoSize size;
    private final LocalDate today;
    private final Random random = new Random(SEED);

    DemoData(Connection connection, DemoSize size, LocalDate today) {
        this.connection = connection;
        this.size = size;
        this.today = today;
    }

    void load() throws SQLException {
        List<String[]> customers = customers();
        insertCustomers(customers);
        insertSuppliers();
        List<BigDecimal> itemPrices = insertItems();
        insertPriceRules(itemPrices);
        insertInvoices(customers, itemPrices);
        insertOrders(customers, itemPrices);
        insertProjects(customers);
        insertPurchases();
        insertExchangeRates();
        try (PreparedStatement meta = connection.prepareStatement("INSERT INTO erp_meta (k, v) VALUES (?, ?)")) {
            row(meta, "demo_size", size.name());
            row(meta, "created_on", today.toString());
            row(meta, "seed", Long.toString(SEED));
            row(meta, "schema_version", Integer.toString(SCHEMA_VERSION));
        }
    }

    private List<String[]> customers() {
        List<String[]> result = new ArrayList<>();
        for (int i = 0; i < size.customers(); i++) {
            if (i < KNOWN_CUSTOMERS.length) {
                result.add(KNOWN_CUSTOMERS[i]);
                continue;
            }
            int c = random.nextInt(COUNTRIES.length);
            String name = FIRST[random.nextInt(FIRST.length)] + SECOND[random.nextInt(SECOND.length)] + " " + (i + 1)
                    + " " + LEGAL_FORMS[c];
            String slug = Names.fold(name).replaceAll("[^a-z0-9]+", "");
            result.add(new String[] {
                Integer.toString(10001 + i), name, COUNTRIES[c] + (10_000_000 + random.nextInt(89_999_999)),
                "info@" + slug + "." + TLDS[c], PHONE_PREFIX[c] + " " + (20_000_000 + random.nextInt(79_999_999)),
                Integer.toString(1000 + random.nextInt(8999)), CITIES[c], COUNTRIES[c],
                Integer.toString(10_000 * (1 + random.nextInt(50))), random.nextInt(4) == 0 ? "WHOLESALE" : "RETAIL"});
        }
        return result;
    }

    private static String currencyOf(String country) {
        for (int i = 0; i < COUNTRIES.length; i++) {
            if (COUNTRIES[i].equals(country)) {
                return CURRENCIES[i];
            }
        }
        return "EUR";
    }

    private void insertCustomers(List<String[]> customers) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("INSERT INTO customer (number, name, name_folded, vat_number,"
                + " email, email_domain, phone, phone_digits, postcode, city, country_code, currency, credit_limit,"
                + " customer_group, market, blocked) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
            int n = 0;
            for (String[] c : customers) {
                s.setString(1, c[0]);
                s.setString(2, c[1]);
                s.setString(3, Names.fold(c[1]));
                s.setString(4, c[2]);
                s.setString(5, c[3]);
                s.setString(6, Names.emailDomain(c[3]));
                s.setString(7, c[4]);
                s.setString(8, Names.digits(c[4]));
                s.setString(9, c[5]);
                s.setString(10, c[6]);
                s.setString(11, c[7]);
                s.setString(12, currencyOf(c[7]));
                // an empty limit: the ERP sets none for this customer (no limit, not a limit of 0)
                s.setBigDecimal(13, c[8].isEmpty() ? null : new BigDecimal(c[8]).setScale(2));
                s.setString(14, c[9]);
                s.setString(15, "DK".equals(c[7]) ? "DOMESTIC" : "EXPORT");
                // one generated customer in fifty is blocked for credit reasons
                s.setBoolean(16, n >= KNOWN_CUSTOMERS.length && random.nextInt(50) == 0);
                batch(s, ++n);
            }
            s.executeBatch();
        }
    }

    /** Suppliers the demo CRM knows: Andersen Byg is a customer that also sells to us, Fjordview Hotel a supplier only. */
    static final String[][] KNOWN_SUPPLIERS = {
        {"Andersen Byg A/S", "DK12345678", "post@andersenbyg.dk", "DK"},
        {"Fjordview Hotel AS", "NO912345678", "post@fjordview.no", "NO"},
    };

    private void insertSuppliers() throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("INSERT INTO supplier (number, name, name_folded, vat_number,"
                + " email, email_domain, phone, phone_digits, postcode, city, country_code, currency, blocked)"
                + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
            for (int i = 0; i < size.suppliers(); i++) {
                int c = random.nextInt(COUNTRIES.length);
                String name = SECOND[random.nextInt(SECOND.length)] + " Supply " + (i + 1) + " " + LEGAL_FORMS[c];
                String email = "sales@" + Names.fold(name).replaceAll("[^a-z0-9]+", "") + "." + TLDS[c];
                String phone = PHONE_PREFIX[c] + " " + (20_000_000 + random.nextInt(79_999_999));
                String vat = COUNTRIES[c] + (10_000_000 + random.nextInt(89_999_999));
                if (i < KNOWN_SUPPLIERS.length) {
                    // the same draws as for any supplier, so that the rest of the data stays as it was
                    name = KNOWN_SUPPLIERS[i][0];
                    vat = KNOWN_SUPPLIERS[i][1];
                    email = KNOWN_SUPPLIERS[i][2];
                    c = java.util.Arrays.asList(COUNTRIES).indexOf(KNOWN_SUPPLIERS[i][3]);
                    phone = PHONE_PREFIX[c] + phone.substring(phone.indexOf(' '));
                }
                s.setString(1, Integer.toString(70001 + i));
                s.setString(2, name);
                s.setString(3, Names.fold(name));
                s.setString(4, vat);
                s.setString(5, email);
                s.setString(6, Names.emailDomain(email));
                s.setString(7, phone);
                s.setString(8, Names.digits(phone));
                s.setString(9, Integer.toString(1000 + random.nextInt(8999)));
                s.setString(10, CITIES[c]);
                s.setString(11, COUNTRIES[c]);
                s.setString(12, CURRENCIES[c]);
                s.setBoolean(13, false);
                batch(s, i + 1);
            }
            s.executeBatch();
        }
    }

    private List<BigDecimal> insertItems() throws SQLException {
        List<BigDecimal> prices = new ArrayList<>();
        try (PreparedStatement s = connection.prepareStatement(
                "INSERT INTO item (number, name, unit, base_price, currency) VALUES (?,?,?,?,?)")) {
            for (int i = 0; i < size.items(); i++) {
                BigDecimal price = BigDecimal.valueOf(500 + random.nextInt(250_000), 2);
                prices.add(price);
                s.setString(1, itemNumber(i));
                s.setString(2, ITEM_NAMES[i % ITEM_NAMES.length] + (i < ITEM_NAMES.length ? "" : " " + (i / ITEM_NAMES.length + 1)));
                s.setString(3, i % ITEM_NAMES.length == 0 ? "hour" : "pcs");
                s.setBigDecimal(4, price);
                s.setString(5, "DKK");
                batch(s, i + 1);
            }
            s.executeBatch();
        }
        return prices;
    }

    private static String itemNumber(int index) {
        return "I-" + (1001 + index);
    }

    /** Per item: the base price, a wholesale price, two quantity breaks, and for every fifth item a dated promotion. */
    private void insertPriceRules(List<BigDecimal> itemPrices) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("INSERT INTO price_rule (id, item_number, customer_group,"
                + " market, min_quantity, unit_price, discount_percent, valid_from, valid_to, description)"
                + " VALUES (?,?,?,?,?,?,?,?,?,?)")) {
            int id = 0;
            for (int i = 0; i < itemPrices.size(); i++) {
                BigDecimal base = itemPrices.get(i);
                id = rule(s, id, i, null, null, 1, base, 0, null, null, "Base price");
                id = rule(s, id, i, "WHOLESALE", null, 1, percentOf(base, 90), 0, null, null, "Wholesale price");
                id = rule(s, id, i, null, null, 10, base, 5, null, null, "Quantity break 10+");
                id = rule(s, id, i, null, null, 50, base, 12, null, null, "Quantity break 50+");
                id = rule(s, id, i, null, "EXPORT", 1, percentOf(base, 105), 0, null, null, "Export price");
                if (i % 5 == 0) {
                    id = rule(s, id, i, null, null, 1, percentOf(base, 80), 0, today.minusDays(10), today.plusDays(20),
                            "Promotion");
                }
            }
            s.executeBatch();
        }
    }

    private static BigDecimal percentOf(BigDecimal amount, int percent) {
        return amount.multiply(BigDecimal.valueOf(percent)).divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP);
    }

    private int rule(PreparedStatement s, int id, int item, String group, String market, int minQuantity,
                     BigDecimal price, int discount, LocalDate from, LocalDate to, String description) throws SQLException {
        s.setInt(1, id + 1);
        s.setString(2, itemNumber(item));
        s.setString(3, group);
        s.setString(4, market);
        s.setBigDecimal(5, BigDecimal.valueOf(minQuantity));
        s.setBigDecimal(6, price);
        s.setBigDecimal(7, BigDecimal.valueOf(discount));
        s.setDate(8, from == null ? null : Date.valueOf(from));
        s.setDate(9, to == null ? null : Date.valueOf(to));
        s.setString(10, description);
        batch(s, id + 1);
        return id + 1;
    }

    /**
     * Invoices over the last 26 months. Older ones are mostly paid; about one in ten stays
     * unpaid past its due date (overdue); recent ones are open or paid. Customer 10006 is
     * a slow payer above its credit limit.
     */
    private void insertInvoices(List<String[]> customers, List<BigDecimal> itemPrices) throws SQLException {
        try (PreparedStatement inv = connection.prepareStatement("INSERT INTO invoice (id, number, customer_number,"
                + " invoice_date, due_date, amount, paid_amount, paid_date, currency, tax_name, tax_rate, tax_amount)"
                + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?)");
             PreparedStatement line = connection.prepareStatement("INSERT INTO invoice_line (invoice_id, line_no,"
                + " item_number, quantity, unit_price, amount) VALUES (?,?,?,?,?,?)")) {
            int id = 0;
            long lines = 0;
            for (String[] customer : customers) {
                boolean slowPayer = "10006".equals(customer[0]);
                for (int k = 0; k < size.invoicesPerCustomer(); k++) {
                    id++;
                    LocalDate date = today.minusDays(random.nextInt(790));
                    LocalDate due = date.plusDays(30);
                    BigDecimal amount = BigDecimal.ZERO.setScale(2);
                    for (int l = 1; l <= size.linesPerInvoice(); l++) {
                        int item = random.nextInt(itemPrices.size());
                        BigDecimal quantity = BigDecimal.valueOf(1 + random.nextInt(20));
                        BigDecimal lineAmount = itemPrices.get(item).multiply(quantity).setScale(2, RoundingMode.HALF_UP);
                        amount = amount.add(lineAmount);
                        line.setInt(1, id);
                        line.setInt(2, l);
                        line.setString(3, itemNumber(item));
                        line.setBigDecimal(4, quantity);
                        line.setBigDecimal(5, itemPrices.get(item));
                        line.setBigDecimal(6, lineAmount);
                        batch(line, ++lines);
                    }
                    Vat vat = Vat.of(customer[7]);
                    BigDecimal tax = vat.on(amount);
                    amount = amount.add(tax);
                    LocalDate paidDate = null;
                    BigDecimal paid = BigDecimal.ZERO.setScale(2);
                    int roll = random.nextInt(100);
                    LocalDate candidatePaid = date.plusDays(5 + random.nextInt(slowPayer ? 80 : 40));
                    boolean staysUnpaid = slowPayer ? roll < 45 : roll < 10;
                    if (!staysUnpaid && !candidatePaid.isAfter(today)) {
                        paidDate = candidatePaid;
                        paid = amount;
                    } else if (!staysUnpaid && roll % 7 == 0 && date.isBefore(today.minusDays(3))) {
                        // a part payment on an open invoice
                        paidDate = today.minusDays(1 + random.nextInt(3));
                        paid = amount.divide(BigDecimal.valueOf(2), 2, RoundingMode.DOWN);
                    }
                    inv.setInt(1, id);
                    inv.setString(2, "INV-" + (100000 + id));
                    inv.setString(3, customer[0]);
                    inv.setDate(4, Date.valueOf(date));
                    inv.setDate(5, Date.valueOf(due));
                    inv.setBigDecimal(6, amount);
                    inv.setBigDecimal(7, paid);
                    inv.setDate(8, paidDate == null ? null : Date.valueOf(paidDate));
                    inv.setString(9, currencyOf(customer[7]));
                    inv.setString(10, vat.name());
                    inv.setBigDecimal(11, vat.rate());
                    inv.setBigDecimal(12, tax);
                    batch(inv, id);
                }
            }
            insertLongInvoice(inv, line, id + 1, lines);
            inv.executeBatch();
            line.executeBatch();
        }
    }

    /** VAT by the customer's country: Danish VAT at home, reverse charge within the EU, none on exports. */
    record Vat(String name, BigDecimal rate) {
        static Vat of(String country) {
            return switch (country) {
                case "DK" -> new Vat("Moms 25%", new BigDecimal("25.00"));
                case "SE", "FI", "DE" -> new Vat("EU reverse charge 0%", new BigDecimal("0.00"));
                default -> new Vat("Export 0%", new BigDecimal("0.00"));
            };
        }

        BigDecimal on(BigDecimal net) {
            return net.multiply(rate).divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP);
        }
    }

    /** Items whose names need more than Latin-1, for the long invoice below. */
    static final String[][] WIDE_ITEMS = {
        {"I-9001", "Łożysko kulkowe Ø20 mm — 2½\" (Kraków)", "pcs", "84.50"},
        {"I-9002", "Ηλεκτρικός πίνακας ελέγχου", "pcs", "249.00"},
        {"I-9003", "Кабель медный 3×2,5 мм² – €/m", "m", "12.75"},
    };
    static final int LONG_INVOICE_LINES = 75;

    /**
     * One invoice of 75 lines for Andersen Byg, with items named in Polish, Greek and Russian:
     * a document of several pages whose every line and character must come through. Made
     * without the random generator so that the rest of the demo data stays as it was.
     */
    private void insertLongInvoice(PreparedStatement inv, PreparedStatement line, int id, long lines) throws SQLException {
        try (PreparedStatement item = connection.prepareStatement(
                "INSERT INTO item (number, name, unit, base_price, currency) VALUES (?,?,?,?,'DKK')")) {
            for (String[] wide : WIDE_ITEMS) {
                item.setString(1, wide[0]);
                item.setString(2, wide[1]);
                item.setString(3, wide[2]);
                item.setBigDecimal(4, new BigDecimal(wide[3]));
                item.addBatch();
            }
            item.executeBatch();
        }
        BigDecimal net = BigDecimal.ZERO.setScale(2);
        for (int l = 1; l <= LONG_INVOICE_LINES; l++) {
            String[] wide = WIDE_ITEMS[(l - 1) % WIDE_ITEMS.length];
            BigDecimal quantity = BigDecimal.valueOf(1 + l % 3);
            BigDecimal price = new BigDecimal(wide[3]);
            BigDecimal amount = price.multiply(quantity).setScale(2, RoundingMode.HALF_UP);
            net = net.add(amount);
            line.setInt(1, id);
            line.setInt(2, l);
            line.setString(3, wide[0]);
            line.setBigDecimal(4, quantity);
            line.setBigDecimal(5, price);
            line.setBigDecimal(6, amount);
            batch(line, lines + l);
        }
        Vat vat = Vat.of("DK");
        BigDecimal tax = vat.on(net);
        inv.setInt(1, id);
        inv.setString(2, LONG_INVOICE);
        inv.setString(3, "10001");
        inv.setDate(4, Date.valueOf(today.minusDays(5)));
        inv.setDate(5, Date.valueOf(today.plusDays(25)));
        inv.setBigDecimal(6, net.add(tax));
        inv.setBigDecimal(7, BigDecimal.ZERO.setScale(2));
        inv.setDate(8, null);
        inv.setString(9, "DKK");
        inv.setString(10, vat.name());
        inv.setBigDecimal(11, vat.rate());
        inv.setBigDecimal(12, tax);
        inv.addBatch();
    }

    static final String LONG_INVOICE = "INV-LONG-1";

    private void insertOrders(List<String[]> customers, List<BigDecimal> itemPrices) throws SQLException {
        try (PreparedStatement order = connection.prepareStatement("INSERT INTO sales_order (id, number, customer_number,"
                + " order_date, status, reference, currency) VALUES (?,?,?,?,?,?,?)");
             PreparedStatement line = connection.prepareStatement("INSERT INTO order_line (order_id, line_no, item_number,"
                + " quantity, unit_price, discount_percent, amount, price_rule) VALUES (?,?,?,?,?,?,?,?)")) {
            int id = 0;
            long lines = 0;
            for (int c = 0; c < customers.size(); c += 2) {
                id++;
                String[] customer = customers.get(c);
                order.setInt(1, id);
                order.setString(2, "SO-" + (50000 + id));
                order.setString(3, customer[0]);
                order.setDate(4, Date.valueOf(today.minusDays(random.nextInt(60))));
                order.setString(5, random.nextBoolean() ? "CONFIRMED" : "DRAFT");
                order.setString(6, null);
                order.setString(7, currencyOf(customer[7]));
                batch(order, id);
                for (int l = 1; l <= 3; l++) {
                    int item = random.nextInt(itemPrices.size());
                    BigDecimal quantity = BigDecimal.valueOf(1 + random.nextInt(10));
                    line.setInt(1, id);
                    line.setInt(2, l);
                    line.setString(3, itemNumber(item));
                    line.setBigDecimal(4, quantity);
                    line.setBigDecimal(5, itemPrices.get(item));
                    line.setBigDecimal(6, BigDecimal.ZERO);
                    line.setBigDecimal(7, itemPrices.get(item).multiply(quantity).setScale(2, RoundingMode.HALF_UP));
                    line.setString(8, "Base price");
                    batch(line, ++lines);
                }
            }
            order.executeBatch();
            line.executeBatch();
        }
    }

    private void insertProjects(List<String[]> customers) throws SQLException {
        try (PreparedStatement project = connection.prepareStatement("INSERT INTO project (number, name, customer_number,"
                + " budget, hourly_rate, start_date, status) VALUES (?,?,?,?,?,?,?)");
             PreparedStatement time = connection.prepareStatement("INSERT INTO time_entry (id, project_number, entry_date,"
                + " employee, hours, hourly_cost, invoiced) VALUES (?,?,?,?,?,?,?)");
             PreparedStatement expense = connection.prepareStatement("INSERT INTO expense (id, project_number, expense_date,"
                + " kind, description, amount, invoiced) VALUES (?,?,?,?,?,?,?)")) {
            int timeId = 0;
            int expenseId = 0;
            for (int p = 0; p < size.projects(); p++) {
                String number = "P-" + (2001 + p);
                String customer = customers.get(p % customers.size())[0];
                LocalDate start = today.minusDays(30 + random.nextInt(300));
                project.setString(1, number);
                project.setString(2, SECOND[p % SECOND.length] + " rollout " + (p + 1));
                project.setString(3, customer);
                project.setBigDecimal(4, BigDecimal.valueOf(50_000 + 10_000L * random.nextInt(20)).setScale(2));
                project.setBigDecimal(5, BigDecimal.valueOf(950).setScale(2));
                project.setDate(6, Date.valueOf(start));
                project.setString(7, p % 4 == 3 ? "CLOSED" : "OPEN");
                batch(project, p + 1);
                int entries = 10 + random.nextInt(30);
                for (int e = 0; e < entries; e++) {
                    LocalDate date = start.plusDays(random.nextInt((int) Math.max(1, start.until(today).getDays() + 1)));
                    time.setInt(1, ++timeId);
                    time.setString(2, number);
                    time.setDate(3, Date.valueOf(date.isAfter(today) ? today : date));
                    time.setString(4, EMPLOYEES[random.nextInt(EMPLOYEES.length)]);
                    time.setBigDecimal(5, BigDecimal.valueOf(50 + random.nextInt(750), 2));
                    time.setBigDecimal(6, BigDecimal.valueOf(6250 + 500 * random.nextInt(6), 2));
                    time.setBoolean(7, random.nextInt(3) > 0);
                    batch(time, timeId);
                }
                int expenses = 2 + random.nextInt(6);
                for (int e = 0; e < expenses; e++) {
                    boolean travel = random.nextInt(3) > 0;
                    expense.setInt(1, ++expenseId);
                    expense.setString(2, number);
                    expense.setDate(3, Date.valueOf(start.plusDays(random.nextInt(30))));
                    expense.setString(4, travel ? "TRAVEL" : "OTHER");
                    expense.setString(5, travel ? "Travel to site" : "Materials");
                    expense.setBigDecimal(6, BigDecimal.valueOf(20_000 + random.nextInt(400_000), 2));
                    expense.setBoolean(7, random.nextBoolean());
                    batch(expense, expenseId);
                }
            }
            project.executeBatch();
            time.executeBatch();
            expense.executeBatch();
        }
    }

    private void insertPurchases() throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(
                "INSERT INTO purchase (id, supplier_number, purchase_date, amount, status) VALUES (?,?,?,?,?)")) {
            int id = 0;
            for (int i = 0; i < size.suppliers(); i++) {
                for (int k = 0; k < 10; k++) {
                    id++;
                    LocalDate date = today.minusDays(random.nextInt(700));
                    s.setInt(1, id);
                    s.setString(2, Integer.toString(70001 + i));
                    s.setDate(3, Date.valueOf(date));
                    s.setBigDecimal(4, BigDecimal.valueOf(100_000 + random.nextInt(5_000_000), 2));
                    s.setString(5, date.isAfter(today.minusDays(30)) ? "OPEN" : date.isAfter(today.minusDays(75)) ? "INVOICED" : "PAID");
                    batch(s, id);
                }
            }
            s.executeBatch();
        }
    }

    /** Fixed rates: the reference ERP prices in DKK and sells in the customer's currency. */
    private void insertExchangeRates() throws SQLException {
        String[][] rates = {{"DKK", "1"}, {"EUR", "7.46"}, {"SEK", "0.645"}, {"NOK", "0.637"}, {"GBP", "8.62"}, {"USD", "6.90"}};
        try (PreparedStatement s = connection.prepareStatement("INSERT INTO exchange_rate (currency, dkk_per_unit) VALUES (?, ?)")) {
            for (String[] rate : rates) {
                s.setString(1, rate[0]);
                s.setBigDecimal(2, new BigDecimal(rate[1]));
                s.executeUpdate();
            }
        }
    }

    private static void row(PreparedStatement s, String k, String v) throws SQLException {
        s.setString(1, k);
        s.setString(2, v.toLowerCase(Locale.ROOT));
        s.executeUpdate();
    }

    private static void batch(PreparedStatement s, long count) throws SQLException {
        s.addBatch();
        if (count % BATCH == 0) {
            s.executeBatch();
        }
    }
}
