package org.erpinsight.sidecar.server;

import static org.junit.Assert.assertEquals;
import static org.junit.Assume.assumeTrue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

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

    private static final RunningSidecar SIDECAR = DIR == null ? null : new RunningSidecar("--adapter", "tryton",
            "--set", "tryton.url=http://127.0.0.1:" + port(), "--set", "tryton.database=erpinsight",
            "--set", "tryton.password.file=" + Path.of(DIR, "admin-password"));

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
        // codes Tryton gave the seeded parties: 5 Hansen & Søn (over its limit), 4 Nordlys, 7 the supplier, 3 Bergström
        return new Known("5", "4", "7", "CONSULT", "3");
    }

    /** Tryton's JSON-RPC as a client of Tryton sees it, for the reference figures. */
    private static final class Tryton {
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

    private static BigDecimal decimal(JsonNode node) {
        return node == null || node.isNull() ? BigDecimal.ZERO : new BigDecimal(node.get("decimal").asText()).setScale(2, RoundingMode.HALF_UP);
    }

    @Test
    public void overviewFiguresAreTrytons() throws Exception {
        Tryton tryton = new Tryton();
        for (String code : new String[] {"2", "3", "5", "6"}) {
            JsonNode party = tryton.call("model.party.party.search_read", "[[[\"code\",\"=\",\"" + code + "\"]],0,1,null,"
                    + "[\"receivable\",\"receivable_today\",\"credit_limit_amount\",\"credit_amount\"],{\"company\":1}]").get(0);
            JsonNode o = SIDECAR.json("/api/v1/customers/" + code + "/overview");
            assertEquals(code, decimal(party.get("receivable")), new BigDecimal(o.get("balance").asText()));
            assertEquals(code, decimal(party.get("receivable_today")), new BigDecimal(o.get("overdueAmount").asText()));
            assertEquals(code, decimal(party.get("credit_limit_amount")), new BigDecimal(o.get("creditLimit").asText()));
            assertEquals(code, decimal(party.get("credit_amount")), new BigDecimal(o.get("creditUsed").asText()));
        }
    }

    @Test
    public void revenueAndSupplierFiguresAreTrytons() throws Exception {
        Tryton tryton = new Tryton();
        int year = java.time.LocalDate.now().getYear();
        JsonNode invoices = tryton.call("model.account.invoice.search_read", "[[[\"party.code\",\"=\",\"2\"],[\"type\",\"=\",\"out\"],"
                + "[\"state\",\"in\",[\"posted\",\"paid\"]],[\"invoice_date\",\">=\",{\"__class__\":\"date\",\"year\":" + year
                + ",\"month\":1,\"day\":1}]],0,null,null,[\"untaxed_amount\"],{\"company\":1}]");
        BigDecimal revenue = BigDecimal.ZERO.setScale(2);
        for (JsonNode invoice : invoices) {
            revenue = revenue.add(decimal(invoice.get("untaxed_amount")));
        }
        assertEquals(revenue, new BigDecimal(SIDECAR.json("/api/v1/customers/2/overview").get("revenueThisYear").asText()));
        JsonNode supplier = tryton.call("model.party.party.search_read", "[[[\"code\",\"=\",\"7\"]],0,1,null,[\"payable\"],{\"company\":1}]").get(0);
        assertEquals(decimal(supplier.get("payable")), new BigDecimal(SIDECAR.json("/api/v1/suppliers/7/overview").get("payableBalance").asText()));
    }

    @Test
    public void invoiceAmountsAreTrytons() throws Exception {
        Tryton tryton = new Tryton();
        for (JsonNode invoice : SIDECAR.json("/api/v1/customers/2/invoices?limit=50").get("invoices")) {
            JsonNode t = tryton.call("model.account.invoice.search_read", "[[[\"number\",\"=\",\"" + invoice.get("number").asText()
                    + "\"],[\"type\",\"=\",\"out\"]],0,1,null,[\"total_amount\",\"amount_to_pay\"],{\"company\":1}]").get(0);
            assertEquals(decimal(t.get("total_amount")), new BigDecimal(invoice.get("amount").asText()));
            assertEquals(decimal(t.get("amount_to_pay")), new BigDecimal(invoice.get("openAmount").asText()));
        }
    }

    @Test
    public void quotedPricesAreTrytonsSalePrices() throws Exception {
        Tryton tryton = new Tryton();
        JsonNode party = tryton.call("model.party.party.search_read", "[[[\"code\",\"=\",\"4\"]],0,1,null,[\"sale_price_list\"],{\"company\":1}]").get(0);
        JsonNode product = tryton.call("model.product.product.search_read", "[[[\"code\",\"=\",\"CONSULT\"]],0,1,null,[\"sale_uom\"],{}]").get(0);
        for (String quantity : new String[] {"1", "10", "60"}) {
            JsonNode price = tryton.call("model.product.product.read", "[[" + product.get("id").asInt() + "],[\"sale_price_uom\"],"
                    + "{\"company\":1,\"customer\":" + party.get("id").asInt() + ",\"price_list\":" + party.get("sale_price_list").asInt()
                    + ",\"quantity\":" + quantity + ",\"uom\":" + product.get("sale_uom").asInt() + "}]").get(0);
            JsonNode line = quote("4", quantity).at("/lines/0");
            assertEquals(quantity, decimal(price.get("sale_price_uom")), new BigDecimal(line.get("unitPrice").asText()));
        }
    }

    @Test
    public void projectAmountsAreTrytons() throws Exception {
        Tryton tryton = new Tryton();
        String number = SIDECAR.json("/api/v1/customers/3/projects").at("/projects/0/number").asText();
        JsonNode work = tryton.call("model.project.work.read", "[[" + number.substring(2) + "],[\"invoiced_amount\",\"amount_to_invoice\","
                + "\"revenue\",\"timesheet_duration\"],{\"company\":1}]").get(0);
        JsonNode p = SIDECAR.json("/api/v1/projects/" + number + "/overview");
        assertEquals(decimal(work.get("invoiced_amount")), new BigDecimal(p.get("invoiced").asText()));
        assertEquals(decimal(work.get("amount_to_invoice")), new BigDecimal(p.get("notInvoiced").asText()));
        assertEquals(decimal(work.get("revenue")), new BigDecimal(p.get("budget").asText()));
        BigDecimal hours = BigDecimal.valueOf(work.get("timesheet_duration").get("seconds").asDouble())
                .divide(BigDecimal.valueOf(3600), 2, RoundingMode.HALF_UP);
        assertEquals(hours, new BigDecimal(p.get("hours").asText()));
    }
}
