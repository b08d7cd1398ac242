package org.erpinsight.sidecar.server;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import org.junit.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The contract every ERP adapter must keep, run unchanged against each one through the
 * sidecar's REST API: lookups, overviews, invoices and their PDF, prices, order entry with
 * idempotency and the credit warning, party creation, projects. An adapter is done when it
 * passes. Subclasses name a running sidecar and records that exist in their ERP.
 */
public abstract class AdapterContract {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Records of the adapter's demo data the contract needs. */
    public record Known(String customerWithOverdueOverLimit, String customerWithinLimit, String supplier,
                        String itemWithQuantityBreakAt10, String customerWithProject) {
    }

    protected abstract RunningSidecar sidecar();

    protected abstract Known known();

    private OpenApiSchemas schemas() throws Exception {
        return new OpenApiSchemas(JSON.readTree(Files.readString(Path.of("../contract/src/main/resources/contract/openapi.json"))));
    }

    private void conforms(JsonNode answer, String schema) throws Exception {
        List<String> violations = schemas().violations(answer, schema);
        assertTrue(String.join("\n", violations), violations.isEmpty());
    }

    private static BigDecimal dec(JsonNode node, String field) {
        return new BigDecimal(node.get(field).asText());
    }

    @Test
    public void partiesAreFoundByNumberVatAndPageAndUnknownNumbersAre404() throws Exception {
        JsonNode customer = sidecar().json("/api/v1/customers/" + known().customerWithinLimit());
        conforms(customer, "Party");
        assertEquals("CUSTOMER", customer.get("kind").asText());
        if (customer.hasNonNull("vatNumber")) {
            JsonNode found = sidecar().json("/api/v1/customers?vatNumber=" + customer.get("vatNumber").asText());
            assertEquals(customer.get("number"), found.at("/customers/0/number"));
        }
        assertEquals("SUPPLIER", sidecar().json("/api/v1/suppliers/" + known().supplier()).get("kind").asText());
        assertEquals(404, sidecar().get("/api/v1/customers/" + known().supplier()).statusCode());
        JsonNode page = sidecar().json("/api/v1/parties?kind=CUSTOMER&limit=2");
        conforms(page, "PartyPage");
        assertTrue(page.get("total").asInt() >= 2);
        assertEquals("CUSTOMER_NOT_FOUND", sidecar().jsonOf(sidecar().get("/api/v1/customers/NO-SUCH-1"), 404).get("code").asText());
        assertEquals("SUPPLIER_NOT_FOUND", sidecar().jsonOf(sidecar().get("/api/v1/suppliers/NO-SUCH-1/overview"), 404).get("code").asText());
    }

    @Test
    public void theOverviewAddsUpAndAgreesWithTheInvoiceList() throws Exception {
        String number = known().customerWithOverdueOverLimit();
        JsonNode o = sidecar().json("/api/v1/customers/" + number + "/overview");
        conforms(o, "CustomerOverview");
        assertTrue(dec(o, "overdueAmount").signum() > 0);
        assertTrue(dec(o, "balance").compareTo(dec(o, "overdueAmount")) >= 0);
        assertTrue(o.get("overdueInvoiceCount").asInt() > 0);
        assertTrue("this customer is over its limit", dec(o, "creditUsed").compareTo(dec(o, "creditLimit")) > 0);
        assertEquals(24, o.get("revenueByMonth").size());
        BigDecimal thisYear = BigDecimal.ZERO;
        String year = o.get("asOf").asText().substring(0, 4);
        for (JsonNode m : o.get("revenueByMonth")) {
            if (m.get("month").asText().startsWith(year)) {
                thisYear = thisYear.add(dec(m, "amount"));
            }
        }
        assertEquals(0, thisYear.compareTo(dec(o, "revenueThisYear")));
        int all = sidecar().json("/api/v1/customers/" + number + "/invoices?limit=500").get("total").asInt();
        int parts = 0;
        BigDecimal overdue = BigDecimal.ZERO;
        for (String status : new String[] {"OPEN", "OVERDUE", "PAID"}) {
            JsonNode page = sidecar().json("/api/v1/customers/" + number + "/invoices?limit=500&status=" + status);
            conforms(page, "InvoicePage");
            parts += page.get("total").asInt();
            for (JsonNode invoice : page.get("invoices")) {
                assertEquals(status, invoice.get("status").asText());
                if (status.equals("OVERDUE")) {
                    overdue = overdue.add(dec(invoice, "openAmount"));
                }
            }
        }
        assertEquals(all, parts);
        assertEquals(0, overdue.compareTo(dec(o, "overdueAmount")));
    }

    @Test
    public void anInvoiceHasAPdfDocument() throws Exception {
        String invoice = sidecar().json("/api/v1/customers/" + known().customerWithOverdueOverLimit() + "/invoices?limit=1")
                .at("/invoices/0/number").asText();
        HttpResponse<byte[]> pdf = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                sidecar().uri("/api/v1/invoices/" + invoice + "/document")).header("X-API-Key", RunningSidecar.KEY).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, pdf.statusCode());
        assertTrue(new String(pdf.body(), 0, 5, StandardCharsets.ISO_8859_1).startsWith("%PDF-"));
        if (org.erpinsight.sidecar.documents.Poppler.installed()) {
            String text = org.erpinsight.sidecar.documents.Poppler.text(pdf.body());
            assertTrue(text, text.contains(invoice));
            String customer = sidecar().json("/api/v1/customers/" + known().customerWithOverdueOverLimit()).get("name").asText();
            assertTrue(customer + " in " + text, text.contains(customer));
        }
        assertEquals(404, sidecar().get("/api/v1/invoices/NO-SUCH-1/document").statusCode());
    }

    @Test
    public void pricesComeFromTheErpWithTheRuleThatApplied() throws Exception {
        JsonNode one = quote(known().customerWithinLimit(), "1");
        JsonNode ten = quote(known().customerWithinLimit(), "10");
        conforms(one, "PriceQuote");
        JsonNode l1 = one.at("/lines/0");
        JsonNode l10 = ten.at("/lines/0");
        assertTrue("a quantity break lowers the net price", net(l10).compareTo(net(l1)) < 0);
        assertFalse(l1.get("priceRule").asText().equals(l10.get("priceRule").asText()));
        for (JsonNode line : new JsonNode[] {l1, l10}) {
            BigDecimal expected = dec(line, "unitPrice").multiply(dec(line, "quantity"))
                    .multiply(BigDecimal.valueOf(100).subtract(dec(line, "discountPercent"))).divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP);
            assertEquals(expected, dec(line, "lineAmount"));
        }
        HttpResponse<String> unknown = sidecar().send("POST", "/api/v1/price-quotes", "{\"customerNumber\":\"" + known().customerWithinLimit()
                + "\",\"lines\":[{\"itemNumber\":\"NO-SUCH-ITEM\",\"quantity\":\"1\"}]}", null);
        assertEquals("ITEM_NOT_FOUND", sidecar().jsonOf(unknown, 422).get("code").asText());
    }

    private static BigDecimal net(JsonNode line) {
        return new BigDecimal(line.get("unitPrice").asText()).multiply(BigDecimal.valueOf(100).subtract(new BigDecimal(line.get("discountPercent").asText())));
    }

    protected JsonNode quote(String customer, String quantity) throws Exception {
        return sidecar().jsonOf(sidecar().send("POST", "/api/v1/price-quotes", "{\"customerNumber\":\"" + customer + "\",\"lines\":[{\"itemNumber\":\""
                + known().itemWithQuantityBreakAt10() + "\",\"quantity\":\"" + quantity + "\"}]}", null), 200);
    }

    private String order(String customer, String quantity, String key) throws Exception {
        JsonNode order = sidecar().jsonOf(sidecar().send("POST", "/api/v1/orders", "{\"customerNumber\":\"" + customer
                + "\",\"reference\":\"contract test\",\"lines\":[{\"itemNumber\":\"" + known().itemWithQuantityBreakAt10()
                + "\",\"quantity\":\"" + quantity + "\"}]}", key), 201);
        conforms(order, "Order");
        assertEquals("DRAFT", order.get("status").asText());
        return order.get("number").asText();
    }

    @Test
    public void ordersAreEnteredOnceChangedAndConfirmedWithinTheLimit() throws Exception {
        String key = "contract-" + UUID.randomUUID();
        String number = order(known().customerWithinLimit(), "1", key);
        assertEquals("a retry answers the first order", number, order(known().customerWithinLimit(), "1", key));
        HttpResponse<String> reused = sidecar().send("POST", "/api/v1/orders", "{\"customerNumber\":\"" + known().customerWithinLimit()
                + "\",\"lines\":[{\"itemNumber\":\"" + known().itemWithQuantityBreakAt10() + "\",\"quantity\":\"7\"}]}", key);
        assertEquals("IDEMPOTENCY_KEY_REUSED", sidecar().jsonOf(reused, 409).get("code").asText());
        JsonNode changed = sidecar().jsonOf(sidecar().send("PUT", "/api/v1/orders/" + number + "/lines",
                "{\"lines\":[{\"itemNumber\":\"" + known().itemWithQuantityBreakAt10() + "\",\"quantity\":\"10\"}]}", null), 200);
        assertEquals(0, new BigDecimal("10").compareTo(dec(changed.at("/lines/0"), "quantity")));
        JsonNode confirmed = sidecar().jsonOf(sidecar().send("POST", "/api/v1/orders/" + number + "/confirm", "{}", null), 200);
        conforms(confirmed, "OrderConfirmation");
        assertTrue(confirmed.get("confirmed").asBoolean());
        assertEquals("CONFIRMED", sidecar().json("/api/v1/orders/" + number).get("status").asText());
        assertEquals("ORDER_NOT_DRAFT", sidecar().jsonOf(sidecar().send("PUT", "/api/v1/orders/" + number + "/lines",
                "{\"lines\":[{\"itemNumber\":\"" + known().itemWithQuantityBreakAt10() + "\",\"quantity\":\"1\"}]}", null), 409).get("code").asText());
        assertEquals("ORDER_NOT_FOUND", sidecar().jsonOf(sidecar().get("/api/v1/orders/NO-SUCH-1"), 404).get("code").asText());
    }

    @Test
    public void overTheCreditLimitConfirmationWaitsForTheWarningToBeAccepted() throws Exception {
        String number = order(known().customerWithOverdueOverLimit(), "1", "contract-" + UUID.randomUUID());
        JsonNode refused = sidecar().jsonOf(sidecar().send("POST", "/api/v1/orders/" + number + "/confirm", "{}", null), 200);
        assertFalse(refused.get("confirmed").asBoolean());
        assertEquals("DRAFT", refused.at("/order/status").asText());
        assertTrue(dec(refused.get("creditWarning"), "exceededBy").signum() > 0);
        assertEquals("DRAFT", sidecar().json("/api/v1/orders/" + number).get("status").asText());
        JsonNode accepted = sidecar().jsonOf(sidecar().send("POST", "/api/v1/orders/" + number + "/confirm",
                "{\"acceptCreditWarning\":true}", null), 200);
        assertTrue(accepted.get("confirmed").asBoolean());
        assertEquals("CONFIRMED", sidecar().json("/api/v1/orders/" + number).get("status").asText());
    }

    @Test
    public void aCustomerMadeFromTheCrmIsMadeOnce() throws Exception {
        String key = "contract-" + UUID.randomUUID();
        String body = "{\"name\":\"Contract Test " + key.substring(9, 17) + " ApS\"}";
        JsonNode created = sidecar().jsonOf(sidecar().send("POST", "/api/v1/customers", body, key), 201);
        conforms(created, "Party");
        assertEquals(created.get("number"), sidecar().jsonOf(sidecar().send("POST", "/api/v1/customers", body, key), 201).get("number"));
        assertEquals(created.get("name"), sidecar().json("/api/v1/customers/" + created.get("number").asText()).get("name"));
    }

    @Test
    public void suppliersAndProjectsAreFoundForLinking() throws Exception {
        JsonNode supplier = sidecar().json("/api/v1/suppliers/" + known().supplier());
        if (supplier.hasNonNull("vatNumber")) {
            JsonNode found = sidecar().json("/api/v1/suppliers?vatNumber=" + supplier.get("vatNumber").asText());
            conforms(found, "SupplierSearchResult");
            assertEquals(known().supplier(), found.at("/suppliers/0/number").asText());
            assertEquals("SUPPLIER", found.at("/suppliers/0/kind").asText());
        }
        String name = supplier.get("name").asText();
        JsonNode byName = sidecar().json("/api/v1/suppliers?name=" + java.net.URLEncoder.encode(name.substring(0, Math.min(6, name.length())),
                StandardCharsets.UTF_8));
        assertTrue(byName.toString(), byName.get("suppliers").findValuesAsText("number").contains(known().supplier()));
        JsonNode project = sidecar().json("/api/v1/customers/" + known().customerWithProject() + "/projects").at("/projects/0");
        JsonNode projects = sidecar().json("/api/v1/projects?text=" + java.net.URLEncoder.encode(project.get("number").asText(),
                StandardCharsets.UTF_8));
        conforms(projects, "ProjectList");
        assertTrue(projects.toString(), projects.get("projects").findValuesAsText("number").contains(project.get("number").asText()));
        assertEquals("INVALID_REQUEST", sidecar().jsonOf(sidecar().get("/api/v1/projects?text=x"), 400).get("code").asText());
        assertEquals("INVALID_REQUEST", sidecar().jsonOf(sidecar().get("/api/v1/suppliers"), 400).get("code").asText());
    }

    @Test
    public void projectAndSupplierFiguresAddUp() throws Exception {
        JsonNode projects = sidecar().json("/api/v1/customers/" + known().customerWithProject() + "/projects");
        conforms(projects, "ProjectList");
        JsonNode p = sidecar().json("/api/v1/projects/" + projects.at("/projects/0/number").asText() + "/overview");
        conforms(p, "ProjectOverview");
        BigDecimal cost = dec(p, "hoursCost").add(dec(p, "travelExpenses")).add(dec(p, "otherExpenses"));
        assertEquals(0, dec(p, "invoiced").add(dec(p, "notInvoiced")).subtract(cost).compareTo(dec(p, "margin")));
        assertTrue(dec(p, "hours").signum() > 0);
        conforms(sidecar().json("/api/v1/suppliers/" + known().supplier() + "/overview"), "SupplierOverview");
    }
}
