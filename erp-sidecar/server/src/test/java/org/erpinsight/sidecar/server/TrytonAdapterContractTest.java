package org.erpinsight.sidecar.server;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assume.assumeTrue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;
import org.junit.rules.ExternalResource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The adapter contract on a real Tryton 6.0 (started by erp-sidecar/adapter-tryton/tryton/tryton.sh
 * and named by ERP_INSIGHT_TRYTON_DIR), and every figure the sidecar reports checked against
 * Tryton's own JSON-RPC answer for the same record. Skipped, loudly, without a Tryton.
 */
public class TrytonAdapterContractTest extends AdapterContract {
    private static final String DIR = System.getenv("ERP_INSIGHT_TRYTON_DIR");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static String port() {
        try {
            for (String line : Files.readAllLines(Path.of(DIR, "trytond.conf"))) {
                if (line.startsWith("listen")) {
                    return line.replaceAll(".*:", "").strip();
                }
            }
        } catch (java.io.IOException e) {
            throw new IllegalStateException("Cannot read " + DIR + "/trytond.conf", e);
        }
        throw new IllegalStateException("No listen address in " + DIR + "/trytond.conf");
    }

    private static RunningSidecar sidecarOverTryton(String... more) {
        List<String> args = new ArrayList<>(List.of("--adapter", "tryton", "--set", "tryton.url=http://127.0.0.1:" + port(),
                "--set", "tryton.database=erpinsight", "--set", "tryton.password.file=" + Path.of(DIR, "admin-password"),
                // the company files its travel expenses under its own product category
                "--set", "tryton.travel.categories=Rejser"));
        args.addAll(List.of(more));
        return new RunningSidecar(args.toArray(String[]::new));
    }

    private static final RunningSidecar SIDECAR = DIR == null ? null : sidecarOverTryton();

    @ClassRule
    public static final ExternalResource RUNNING = new ExternalResource() {
        @Override
        protected void before() throws Throwable {
            if (SIDECAR != null) {
                SIDECAR.before();
            }
        }

        @Override
        protected void after() {
            if (SIDECAR != null) {
                SIDECAR.after();
            }
        }
    };

    @BeforeClass
    public static void needsTryton() {
        if (DIR == null) {
            System.err.println("SKIPPED: the Tryton adapter contract needs ERP_INSIGHT_TRYTON_DIR (see erp-sidecar/adapter-tryton/tryton/tryton.sh)");
        }
        assumeTrue("ERP_INSIGHT_TRYTON_DIR names a running Tryton", DIR != null);
    }

    @Override
    protected RunningSidecar sidecar() {
        return SIDECAR;
    }

    @Override
    protected Known known() {
        // the seed's own numbers (tryton/seed.py): 1004 Hansen & Søn is over its limit, 1003 Nordlys within it,
        // 5001 Fjord Components a supplier, 1002 Bergström has a project
        return new Known("1004", "1003", "5001", "CONSULT", "1002");
    }

    /** Tryton's JSON-RPC as a client of Tryton sees it, for the reference figures. */
    static final class Tryton {
        private final HttpClient http = HttpClient.newHttpClient();
        private final URI url = URI.create("http://127.0.0.1:" + port() + "/erpinsight/");
        private String auth;

        JsonNode call(String method, String params) throws Exception {
            if (auth == null) {
                String password = Files.readAllLines(Path.of(DIR, "admin-password")).get(0);
                JsonNode login = post("common.db.login", "[\"admin\",{\"password\":\"" + password + "\"},\"en\"]", null);
                auth = "Session " + Base64.getEncoder().encodeToString(("admin:" + login.get(0).asText() + ":" + login.get(1).asText()).getBytes());
            }
            return post(method, params, auth);
        }

        /** search_read on a model with a domain and fields given as JSON text. */
        JsonNode read(String model, String domain, String fields) throws Exception {
            return call("model." + model + ".search_read", "[" + domain + ",0,null,null," + fields + ",{\"company\":1}]");
        }

        private JsonNode post(String method, String params, String authorization) throws Exception {
            HttpRequest.Builder request = HttpRequest.newBuilder(url).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"id\":1,\"method\":\"" + method + "\",\"params\":" + params + "}"));
            if (authorization != null) {
                request.header("Authorization", authorization);
            }
            JsonNode answer = JSON.readTree(http.send(request.build(), HttpResponse.BodyHandlers.ofString()).body());
            if (answer.has("error") && !answer.get("error").isNull()) {
                throw new AssertionError(method + ": " + answer.get("error"));
            }
            return answer.get("result");
        }
    }

    private static final String[] CUSTOMERS = {"1001", "1002", "1003", "1004", "1005", "1006"};
    private static final String[] SUPPLIERS = {"5001", "5002"};

    private static BigDecimal decimal(JsonNode node) {
        return node == null || node.isNull() ? BigDecimal.ZERO.setScale(2)
                : new BigDecimal(node.get("decimal").asText()).setScale(2, RoundingMode.HALF_UP);
    }

    private static LocalDate date(JsonNode node) {
        return node == null || node.isNull() ? null : LocalDate.of(node.get("year").asInt(), node.get("month").asInt(), node.get("day").asInt());
    }

    private static String tdate(LocalDate d) {
        return "{\"__class__\":\"date\",\"year\":" + d.getYear() + ",\"month\":" + d.getMonthValue() + ",\"day\":" + d.getDayOfMonth() + "}";
    }

    private static BigDecimal amount(JsonNode o, String field) {
        return new BigDecimal(o.get(field).asText());
    }

    @Test
    public void overviewFiguresAreTrytons() throws Exception {
        Tryton tryton = new Tryton();
        LocalDate today = LocalDate.now();
        for (String code : CUSTOMERS) {
            JsonNode party = tryton.read("party.party", "[[\"code\",\"=\",\"" + code + "\"]]",
                    "[\"receivable\",\"credit_limit_amount\",\"credit_amount\"]").get(0);
            JsonNode o = SIDECAR.json("/api/v1/customers/" + code + "/overview");
            assertEquals(code, decimal(party.get("receivable")), amount(o, "balance"));
            if (party.get("credit_limit_amount").isNull()) {
                assertTrue(code + " has no limit in Tryton, so none in the overview", o.get("creditLimit").isNull());
            } else {
                assertEquals(code, decimal(party.get("credit_limit_amount")), amount(o, "creditLimit"));
            }
            assertEquals(code, decimal(party.get("credit_amount")), amount(o, "creditUsed"));

            // invoices are customer invoices with a positive total; credit notes are apart
            JsonNode invoices = tryton.read("account.invoice", "[[\"party.code\",\"=\",\"" + code + "\"],[\"type\",\"=\",\"out\"],"
                    + "[\"state\",\"in\",[\"posted\",\"paid\"]]]",
                    "[\"state\",\"invoice_date\",\"total_amount\",\"untaxed_amount\",\"amount_to_pay\",\"lines_to_pay.maturity_date\"]");
            int open = 0;
            int overdueCount = 0;
            BigDecimal overdue = BigDecimal.ZERO.setScale(2);
            BigDecimal thisYear = BigDecimal.ZERO.setScale(2);
            BigDecimal lastYear = BigDecimal.ZERO.setScale(2);
            LocalDate last = null;
            for (JsonNode invoice : invoices) {
                LocalDate date = date(invoice.get("invoice_date"));
                if (date.getYear() == today.getYear()) {
                    thisYear = thisYear.add(decimal(invoice.get("untaxed_amount")));
                } else if (date.getYear() == today.getYear() - 1) {
                    lastYear = lastYear.add(decimal(invoice.get("untaxed_amount")));
                }
                if (decimal(invoice.get("total_amount")).signum() < 0) {
                    continue;
                }
                last = last == null || date.isAfter(last) ? date : last;
                if (!"posted".equals(invoice.get("state").asText())) {
                    continue;
                }
                open++;
                // the seed's terms have one installment: overdue when it fell due before today
                LocalDate due = date(invoice.at("/lines_to_pay./0/maturity_date"));
                if (due.isBefore(today)) {
                    overdueCount++;
                    overdue = overdue.add(decimal(invoice.get("amount_to_pay")));
                }
            }
            assertEquals(code, overdue, amount(o, "overdueAmount"));
            assertEquals(code, open, o.get("openInvoiceCount").asInt());
            assertEquals(code, overdueCount, o.get("overdueInvoiceCount").asInt());
            assertEquals(code, thisYear, amount(o, "revenueThisYear"));
            assertEquals(code, lastYear, amount(o, "revenueLastYear"));
            assertEquals(code, String.valueOf(last), o.get("lastInvoiceDate").asText());
        }
    }

    @Test
    public void anInvoiceDueTodayIsOpenAndOverdueFromTomorrow() throws Exception {
        // Jensen El-service: one invoice due today (net 30 from 30 days ago), one due yesterday
        JsonNode o = SIDECAR.json("/api/v1/customers/1006/overview");
        assertEquals(1, o.get("overdueInvoiceCount").asInt());
        JsonNode dueToday = SIDECAR.json("/api/v1/customers/1006/invoices?status=OPEN").at("/invoices/0");
        assertEquals(LocalDate.now().toString(), dueToday.get("dueDate").asText());
        JsonNode overdue = SIDECAR.json("/api/v1/customers/1006/invoices?status=OVERDUE").at("/invoices/0");
        assertEquals(LocalDate.now().minusDays(1).toString(), overdue.get("dueDate").asText());
        assertEquals(amount(overdue, "openAmount"), amount(o, "overdueAmount"));
        assertTrue("Tryton's receivable_today counts today's", amount(o, "balance").compareTo(amount(o, "overdueAmount")) > 0);
    }

    @Test
    public void creditNotesAreNeitherOpenInvoicesNorTheLastInvoice() throws Exception {
        // Andersen Byg: a credit note four days ago, newer than its last invoice ten days ago
        JsonNode o = SIDECAR.json("/api/v1/customers/1001/overview");
        assertEquals(LocalDate.now().minusDays(10).toString(), o.get("lastInvoiceDate").asText());
        JsonNode all = SIDECAR.json("/api/v1/customers/1001/invoices?limit=50").get("invoices");
        JsonNode creditNote = null;
        for (JsonNode invoice : all) {
            if (amount(invoice, "amount").signum() < 0) {
                creditNote = invoice;
            }
        }
        assertTrue("the credit note is listed", creditNote != null);
        assertFalse("a credit note is never overdue", "OVERDUE".equals(creditNote.get("status").asText()));
    }

    @Test
    public void customersAndSuppliersAreWhoTrytonDoesBusinessWith() throws Exception {
        assertEquals(List.of(CUSTOMERS), numbers(SIDECAR.json("/api/v1/parties?kind=CUSTOMER&limit=100")));
        assertEquals(List.of(SUPPLIERS), numbers(SIDECAR.json("/api/v1/parties?kind=SUPPLIER&limit=100")));
        // the company, its employees and its suppliers are no customers; a customer is no supplier
        assertEquals(404, SIDECAR.get("/api/v1/customers/5001").statusCode());
        assertEquals(404, SIDECAR.get("/api/v1/suppliers/1001").statusCode());
        assertEquals("found by VAT whatever its categories", "1005",
                SIDECAR.json("/api/v1/customers?vatNumber=FI12345678").at("/customers/0/number").asText());
    }

    @Test
    public void categoryNamesNarrowTheListsButNotTheLookups() throws Throwable {
        RunningSidecar filtered = sidecarOverTryton("--set", "tryton.customer.categories=Kunde",
                "--set", "tryton.supplier.categories=Leverandør");
        filtered.before();
        try {
            assertEquals(List.of("1001", "1002", "1003"), numbers(filtered.json("/api/v1/parties?kind=CUSTOMER&limit=100")));
            assertEquals(List.of("5001"), numbers(filtered.json("/api/v1/parties?kind=SUPPLIER&limit=100")));
            assertEquals("Hansen & Søn ApS", filtered.json("/api/v1/customers/1004").get("name").asText());
        } finally {
            filtered.after();
        }
    }

    private static List<String> numbers(JsonNode page) {
        List<String> numbers = new ArrayList<>();
        page.get("parties").forEach(p -> numbers.add(p.get("number").asText()));
        assertEquals(numbers.size(), page.get("total").asInt());
        return numbers;
    }

    @Test
    public void supplierFiguresAreTrytons() throws Exception {
        Tryton tryton = new Tryton();
        int year = LocalDate.now().getYear();
        for (String code : SUPPLIERS) {
            JsonNode o = SIDECAR.json("/api/v1/suppliers/" + code + "/overview");
            JsonNode party = tryton.read("party.party", "[[\"code\",\"=\",\"" + code + "\"]]", "[\"payable\"]").get(0);
            assertEquals(code, decimal(party.get("payable")).negate(), amount(o, "payableBalance"));
            BigDecimal thisYear = BigDecimal.ZERO.setScale(2);
            BigDecimal lastYear = BigDecimal.ZERO.setScale(2);
            for (JsonNode invoice : tryton.read("account.invoice", "[[\"party.code\",\"=\",\"" + code + "\"],[\"type\",\"=\",\"in\"],"
                    + "[\"state\",\"in\",[\"posted\",\"paid\"]]]", "[\"invoice_date\",\"untaxed_amount\"]")) {
                int y = date(invoice.get("invoice_date")).getYear();
                if (y == year) {
                    thisYear = thisYear.add(decimal(invoice.get("untaxed_amount")));
                } else if (y == year - 1) {
                    lastYear = lastYear.add(decimal(invoice.get("untaxed_amount")));
                }
            }
            assertEquals(code, thisYear, amount(o, "purchasesThisYear"));
            assertEquals(code, lastYear, amount(o, "purchasesLastYear"));
            JsonNode open = tryton.read("purchase.purchase", "[[\"party.code\",\"=\",\"" + code + "\"],"
                    + "[\"state\",\"in\",[\"quotation\",\"confirmed\",\"processing\"]]]", "[\"untaxed_amount\"]");
            BigDecimal openAmount = BigDecimal.ZERO.setScale(2);
            for (JsonNode purchase : open) {
                openAmount = openAmount.add(decimal(purchase.get("untaxed_amount")));
            }
            assertEquals(code, open.size(), o.get("openPurchaseOrderCount").asInt());
            assertEquals(code, openAmount, amount(o, "openPurchaseOrderAmount"));
        }
        assertEquals("a quotation and a processing purchase are open; draft, done and cancelled are not", 2,
                SIDECAR.json("/api/v1/suppliers/5001/overview").get("openPurchaseOrderCount").asInt());
    }

    @Test
    public void invoiceAmountsAreTrytons() throws Exception {
        Tryton tryton = new Tryton();
        for (String code : CUSTOMERS) {
            for (JsonNode invoice : SIDECAR.json("/api/v1/customers/" + code + "/invoices?limit=50").get("invoices")) {
                JsonNode t = tryton.read("account.invoice", "[[\"number\",\"=\",\"" + invoice.get("number").asText()
                        + "\"],[\"type\",\"=\",\"out\"]]", "[\"total_amount\",\"amount_to_pay\"]").get(0);
                assertEquals(decimal(t.get("total_amount")), amount(invoice, "amount"));
                assertEquals(decimal(t.get("amount_to_pay")), amount(invoice, "openAmount"));
            }
        }
    }

    @Test
    public void quotedPricesAreWhatTrytonCharges() throws Exception {
        Tryton tryton = new Tryton();
        JsonNode party = tryton.read("party.party", "[[\"code\",\"=\",\"1003\"]]", "[\"sale_price_list\"]").get(0);
        String digits = tryton.call("model.sale.line.fields_get", "[[\"unit_price\"],{}]").at("/unit_price/digits").asText();
        int priceDigits = Integer.parseInt(digits.replaceAll("^.*,\\s*(\\d+)\\s*\\]$", "$1"));
        for (String item : new String[] {"CONSULT", "FILTER"}) {
            JsonNode product = tryton.read("product.product", "[[\"code\",\"=\",\"" + item + "\"]]", "[\"sale_uom\"]").get(0);
            for (String quantity : new String[] {"1", "3", "10", "60"}) {
                JsonNode price = tryton.call("model.product.product.read", "[[" + product.get("id").asInt() + "],[\"sale_price_uom\"],"
                        + "{\"company\":1,\"customer\":" + party.get("id").asInt() + ",\"price_list\":" + party.get("sale_price_list").asInt()
                        + ",\"quantity\":" + quantity + ",\"uom\":" + product.get("sale_uom").asInt() + "}]").get(0);
                // what Tryton puts on a sale line: the price rounded to its price digits (round_price, half-even)
                BigDecimal charged = new BigDecimal(price.at("/sale_price_uom/decimal").asText()).setScale(priceDigits, RoundingMode.HALF_EVEN);
                JsonNode line = sidecar().jsonOf(sidecar().send("POST", "/api/v1/price-quotes", "{\"customerNumber\":\"1003\",\"lines\":[{"
                        + "\"itemNumber\":\"" + item + "\",\"quantity\":\"" + quantity + "\"}]}", null), 200).at("/lines/0");
                assertEquals(item + " x " + quantity, 0, charged.compareTo(amount(line, "unitPrice")));
            }
        }
        // and the order Tryton makes from the quote has the same lines, to the cent
        String body = "{\"customerNumber\":\"1003\",\"lines\":[{\"itemNumber\":\"FILTER\",\"quantity\":\"10\"},"
                + "{\"itemNumber\":\"FILTER\",\"quantity\":\"3\"}]}";
        JsonNode quote = sidecar().jsonOf(sidecar().send("POST", "/api/v1/price-quotes", body, null), 200);
        assertEquals("four price digits kept", "11.7283", quote.at("/lines/0/unitPrice").asText());
        String key = "prices-" + java.util.UUID.randomUUID();
        sidecar().jsonOf(sidecar().send("POST", "/api/v1/orders", body, key), 201);
        JsonNode lines = tryton.read("sale.line", "[[\"sale.reference\",\"=\",\"" + key + "\"]]", "[\"unit_price\",\"amount\",\"sequence\"]");
        BigDecimal trytonTotal = BigDecimal.ZERO.setScale(2);
        for (JsonNode line : lines) {
            trytonTotal = trytonTotal.add(decimal(line.get("amount")));
        }
        assertEquals(amount(quote, "total"), trytonTotal);
    }

    @Test
    public void theInvoiceDocumentIsTrytonsOwnReport() throws Exception {
        org.erpinsight.sidecar.documents.Poppler.assumeInstalled();
        java.util.Optional<org.erpinsight.sidecar.documents.OfficeConverter> office = org.erpinsight.sidecar.documents.OfficeConverter
                .find(null, Files.createTempDirectory("office"), java.time.Duration.ofSeconds(120));
        if (office.isEmpty()) {
            System.err.println("SKIPPED: Tryton's invoice report needs LibreOffice (Debian: libreoffice-writer-nogui)");
        }
        org.junit.Assume.assumeTrue(office.isPresent());
        // Jensen El-service's invoice due today: two lines, 25 % VAT
        String number = SIDECAR.json("/api/v1/customers/1006/invoices?status=OPEN").at("/invoices/0/number").asText();
        HttpResponse<byte[]> pdf = HttpClient.newHttpClient().send(HttpRequest.newBuilder(SIDECAR.uri("/api/v1/invoices/" + number
                + "/document")).header("X-API-Key", RunningSidecar.KEY).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, pdf.statusCode());
        String info = org.erpinsight.sidecar.documents.Poppler.info(pdf.body());
        assertTrue("made by LibreOffice from Tryton's report: " + info, info.matches("(?s).*Producer:\\s+LibreOffice.*"));
        String text = org.erpinsight.sidecar.documents.Poppler.text(pdf.body());
        for (String expected : new String[] {number, "Nordisk Demo ApS", "Jensen El-service", "Installation", "Filterpatron", "Moms",
            "446.30", "89.26"}) {
            assertTrue(expected + " in\n" + text, text.contains(expected));
        }
        // the same text as Tryton's own report, asked of Tryton here
        Tryton tryton = new Tryton();
        int id = tryton.read("account.invoice", "[[\"number\",\"=\",\"" + number + "\"]]", "[\"id\"]").get(0).get("id").asInt();
        JsonNode report = tryton.call("report.account.invoice.execute", "[[" + id + "],{\"model\":\"account.invoice\",\"id\":" + id
                + ",\"ids\":[" + id + "]},{\"company\":1}]");
        byte[] own = office.get().toPdf(Base64.getMimeDecoder().decode(report.at("/1/base64").asText()), report.get(0).asText());
        assertEquals(org.erpinsight.sidecar.documents.Poppler.text(own), text);
    }

    @Test
    public void projectFiguresAreTrytons() throws Exception {
        Tryton tryton = new Tryton();
        for (String customer : new String[] {"1001", "1002"}) {
            for (JsonNode summary : SIDECAR.json("/api/v1/customers/" + customer + "/projects").get("projects")) {
                String number = summary.get("number").asText();
                assertTrue("a number the company gave the project: " + number, number.matches("PRJ-\\d+"));
                assertTrue(summary.get("name").asText().startsWith(number + " "));
                JsonNode work = tryton.read("project.work", "[[\"name\",\"=\",\"" + summary.get("name").asText() + "\"]]",
                        "[\"invoiced_amount\",\"amount_to_invoice\",\"revenue\",\"timesheet_duration\"]").get(0);
                JsonNode p = SIDECAR.json("/api/v1/projects/" + number + "/overview");
                assertEquals(number, decimal(work.get("invoiced_amount")), amount(p, "invoiced"));
                assertEquals(number, decimal(work.get("amount_to_invoice")), amount(p, "notInvoiced"));
                assertEquals(number, decimal(work.get("revenue")), amount(p, "budget"));
                BigDecimal hours = BigDecimal.valueOf(work.get("timesheet_duration").get("seconds").asDouble())
                        .divide(BigDecimal.valueOf(3600), 2, RoundingMode.HALF_UP);
                assertEquals(number, hours, amount(p, "hours"));
                String tree = "[\"OR\",[\"work.id\",\"=\"," + work.get("id").asInt() + "],[\"work.parent\",\"child_of\",["
                        + work.get("id").asInt() + "]]]";
                BigDecimal travel = BigDecimal.ZERO.setScale(2);
                BigDecimal other = BigDecimal.ZERO.setScale(2);
                for (JsonNode line : tryton.read("purchase.line", "[" + tree + ",[\"purchase.state\",\"in\",[\"confirmed\",\"processing\",\"done\"]]]",
                        "[\"amount\",\"product.template.categories.name\"]")) {
                    boolean isTravel = line.at("/product./template./categories.").findValuesAsText("name").contains("Rejser");
                    if (isTravel) {
                        travel = travel.add(decimal(line.get("amount")));
                    } else {
                        other = other.add(decimal(line.get("amount")));
                    }
                }
                assertTrue(number + " has travel expenses under the company's own code", travel.signum() > 0);
                assertEquals(number, travel, amount(p, "travelExpenses"));
                assertEquals(number, other, amount(p, "otherExpenses"));
                BigDecimal cost = BigDecimal.ZERO;
                for (JsonNode line : tryton.read("timesheet.line", "[[\"work.origin\",\"like\",\"project.work,%\"]]",
                        "[\"duration\",\"cost_price\",\"work.origin\"]")) {
                    String origin = line.at("/work./origin").asText();
                    int workId = Integer.parseInt(origin.substring(origin.indexOf(',') + 1));
                    if (inTree(tryton, work.get("id").asInt(), workId)) {
                        cost = cost.add(BigDecimal.valueOf(line.at("/duration/seconds").asDouble()).divide(BigDecimal.valueOf(3600), 4,
                                RoundingMode.HALF_UP).multiply(new BigDecimal(line.at("/cost_price/decimal").asText())));
                    }
                }
                assertEquals(number, cost.setScale(2, RoundingMode.HALF_UP), amount(p, "hoursCost"));
            }
        }
        assertEquals(404, SIDECAR.get("/api/v1/projects/PRJ-9999/overview").statusCode());
    }

    private static boolean inTree(Tryton tryton, int root, int work) throws Exception {
        return tryton.read("project.work", "[[\"id\",\"=\"," + work + "],[\"OR\",[\"id\",\"=\"," + root + "],[\"parent\",\"child_of\",[" + root
                + "]]]]", "[\"id\"]").size() == 1;
    }
}
