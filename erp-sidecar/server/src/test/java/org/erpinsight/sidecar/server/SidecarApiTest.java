package org.erpinsight.sidecar.server;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.math.BigDecimal;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.ClassRule;
import org.junit.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The sidecar's REST and SOAP transports over the real reference ERP: answers, refusals and bad input. */
public class SidecarApiTest {
    @ClassRule
    public static final RunningSidecar SIDECAR = new RunningSidecar();
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode problem(HttpResponse<String> response, int status, String code) throws Exception {
        assertEquals(response.body(), status, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        JsonNode body = JSON.readTree(response.body());
        assertEquals(code, body.get("code").asText());
        assertEquals(status, body.get("status").asInt());
        assertFalse("no stack traces", response.body().contains("at org."));
        return body;
    }

    @Test
    public void customerAndOverviewAreServedWithAmountsAsDecimalStrings() throws Exception {
        JsonNode customer = SIDECAR.json("/api/v1/customers/10001");
        assertEquals("Andersen Byg A/S", customer.get("name").asText());
        assertEquals("DKK", customer.get("currency").asText());
        JsonNode overview = SIDECAR.json("/api/v1/customers/10001/overview");
        assertTrue(overview.get("balance").isTextual());
        assertTrue(overview.get("balance").asText().matches("-?\\d+\\.\\d{2}"));
        assertEquals(24, overview.get("revenueByMonth").size());
        BigDecimal sumOfMonthsThisYear = BigDecimal.ZERO;
        String thisYear = overview.get("asOf").asText().substring(0, 4);
        for (JsonNode month : overview.get("revenueByMonth")) {
            if (month.get("month").asText().startsWith(thisYear)) {
                sumOfMonthsThisYear = sumOfMonthsThisYear.add(new BigDecimal(month.get("amount").asText()));
            }
        }
        assertEquals(new BigDecimal(overview.get("revenueThisYear").asText()), sumOfMonthsThisYear);
    }

    @Test
    public void searchFindsByVatDomainPhoneAndFoldedName() throws Exception {
        assertEquals("10005", SIDECAR.json("/api/v1/customers?vatNumber=de%20123%20456%20789").at("/customers/0/number").asText());
        assertEquals("10007", SIDECAR.json("/api/v1/customers?emailDomain=brightwater.co.uk").at("/customers/0/number").asText());
        assertEquals("10002", SIDECAR.json("/api/v1/customers?phone=%2B46%208%20123%20456%2078").at("/customers/0/number").asText());
        // ø and æ are folded to oe and ae on both sides
        assertEquals("10008", SIDECAR.json("/api/v1/customers?name=aeroe%20faergefart").at("/customers/0/number").asText());
        assertEquals("10009", SIDECAR.json("/api/v1/customers?name=%C3%98stergaard").at("/customers/0/number").asText());
        assertEquals(0, SIDECAR.json("/api/v1/customers?name=zzzz-no-such").get("customers").size());
    }

    @Test
    public void partiesArePagedInNumberOrderWithATotal() throws Exception {
        JsonNode first = SIDECAR.json("/api/v1/parties?kind=CUSTOMER&offset=0&limit=10");
        JsonNode second = SIDECAR.json("/api/v1/parties?kind=customer&offset=10&limit=10");
        assertEquals(60, first.get("total").asInt());
        assertEquals(10, first.get("parties").size());
        assertEquals("10001", first.at("/parties/0/number").asText());
        assertEquals("10011", second.at("/parties/0/number").asText());
        assertEquals("SUPPLIER", SIDECAR.json("/api/v1/parties?kind=SUPPLIER").at("/parties/0/kind").asText());
    }

    @Test
    public void everyCallNeedsAValidApiKey() throws Exception {
        problem(SIDECAR.get("/api/v1/customers/10001", null), 401, "UNAUTHENTICATED");
        problem(SIDECAR.get("/api/v1/customers/10001", "wrong-key-0123456789"), 401, "UNAUTHENTICATED");
        problem(SIDECAR.get("/api/v1/customers/10001", "x".repeat(5000)), 401, "UNAUTHENTICATED");
        HttpResponse<String> soap = SIDECAR.soap(RunningSidecar.envelope("getCustomer", "<v:customerNumber>10001</v:customerNumber>"), null);
        assertEquals(500, soap.statusCode());
        assertTrue(soap.body(), soap.body().contains("<ns2:code>UNAUTHENTICATED</ns2:code>"));
        assertFalse(soap.body().contains("Andersen"));
    }

    @Test
    public void badInputIsAClientErrorWithAStableCode() throws Exception {
        problem(SIDECAR.get("/api/v1/customers/99999"), 404, "CUSTOMER_NOT_FOUND");
        problem(SIDECAR.get("/api/v1/customers/99999/overview"), 404, "CUSTOMER_NOT_FOUND");
        problem(SIDECAR.get("/api/v1/customers/bad%20number%3B"), 400, "INVALID_REQUEST");
        problem(SIDECAR.get("/api/v1/customers"), 400, "INVALID_REQUEST");
        problem(SIDECAR.get("/api/v1/customers?name=x"), 400, "INVALID_REQUEST");
        problem(SIDECAR.get("/api/v1/customers?name=abc&limit=abc"), 400, "INVALID_REQUEST");
        problem(SIDECAR.get("/api/v1/customers?name=abc&limit=100000"), 400, "INVALID_REQUEST");
        problem(SIDECAR.get("/api/v1/parties?kind=EMPLOYEE"), 400, "INVALID_REQUEST");
        problem(SIDECAR.get("/api/v1/parties?kind=CUSTOMER&offset=-1"), 400, "INVALID_REQUEST");
        problem(SIDECAR.get("/api/v1/no/such/thing"), 404, "NOT_FOUND");
        problem(SIDECAR.get("/elsewhere"), 404, "NOT_FOUND");
        problem(SIDECAR.send(HttpRequest.newBuilder(SIDECAR.uri("/api/v1/customers/10001"))
                .header("X-API-Key", RunningSidecar.KEY).DELETE().build()), 405, "METHOD_NOT_ALLOWED");
    }

    @Test
    public void soapServesTheSameFiguresAsRest() throws Exception {
        JsonNode rest = SIDECAR.json("/api/v1/customers/10006/overview");
        HttpResponse<String> soap = SIDECAR.soap(RunningSidecar.envelope("getCustomerOverview",
                "<v:customerNumber>10006</v:customerNumber>"), RunningSidecar.KEY);
        assertEquals(soap.body(), 200, soap.statusCode());
        assertTrue(soap.body().contains("<balance>" + rest.get("balance").asText() + "</balance>"));
        assertTrue(soap.body().contains("<overdueAmount>" + rest.get("overdueAmount").asText() + "</overdueAmount>"));
    }

    @Test
    public void aCustomerWithoutACreditLimitSaysSoOnBothTransports() throws Exception {
        JsonNode rest = SIDECAR.json("/api/v1/customers/10007/overview");
        assertTrue("null, not 0.00: " + rest, rest.has("creditLimit") && rest.get("creditLimit").isNull());
        assertTrue(SIDECAR.json("/api/v1/customers/10001/overview").get("creditLimit").isTextual());
        HttpResponse<String> soap = SIDECAR.soap(RunningSidecar.envelope("getCustomerOverview",
                "<v:customerNumber>10007</v:customerNumber>"), RunningSidecar.KEY);
        assertEquals(soap.body(), 200, soap.statusCode());
        assertFalse("SOAP leaves the element out", soap.body().contains("<creditLimit>"));
        assertTrue(soap.body().contains("<creditUsed>"));
    }

    @Test
    public void soapFaultsCarryTheContractCode() throws Exception {
        HttpResponse<String> unknown = SIDECAR.soap(RunningSidecar.envelope("getCustomerOverview",
                "<v:customerNumber>99999</v:customerNumber>"), RunningSidecar.KEY);
        assertEquals(500, unknown.statusCode());
        assertTrue(unknown.body(), unknown.body().contains("<code>CUSTOMER_NOT_FOUND</code>"));
        HttpResponse<String> malformed = SIDECAR.soap(RunningSidecar.envelope("getCustomer",
                "<v:customerNumber>no such; number</v:customerNumber>"), RunningSidecar.KEY);
        assertTrue(malformed.body(), malformed.body().contains("<code>INVALID_REQUEST</code>"));
    }

    @Test
    public void soapRefusesDtdsAndGarbageWithoutLeakingAnything() throws Exception {
        HttpResponse<String> xxe = SIDECAR.soap("<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
                + RunningSidecar.envelope("getCustomer", "<v:customerNumber>&e;</v:customerNumber>"), RunningSidecar.KEY);
        assertTrue(xxe.body(), xxe.body().contains("Fault"));
        assertFalse(xxe.body().contains("root:"));
        assertTrue("a refused DTD is a client error with the contract's code", xxe.body().contains("<code>INVALID_REQUEST</code>"));
        HttpResponse<String> garbage = SIDECAR.soap("this is not xml", RunningSidecar.KEY);
        assertTrue(garbage.body(), garbage.body().contains("<code>INVALID_REQUEST</code>"));
        assertTrue(garbage.body().contains("<faultcode>soap:Client</faultcode>"));
        HttpResponse<String> unknownOperation = SIDECAR.soap(RunningSidecar.envelope("dropTables", ""), RunningSidecar.KEY);
        assertTrue(unknownOperation.body(), unknownOperation.body().contains("<code>INVALID_REQUEST</code>"));
        assertFalse(garbage.body().contains("at org."));
    }

    @Test
    public void aLongInvoiceIsPrintedWholeWithItsTaxAndEveryCharacter() throws Exception {
        org.erpinsight.sidecar.documents.Poppler.assumeInstalled();
        HttpResponse<byte[]> pdf = java.net.http.HttpClient.newHttpClient().send(HttpRequest.newBuilder(SIDECAR.uri("/api/v1/invoices/INV-LONG-1/document"))
                .header("X-API-Key", RunningSidecar.KEY).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, pdf.statusCode());
        String text = org.erpinsight.sidecar.documents.Poppler.text(pdf.body());
        int pages = org.erpinsight.sidecar.documents.Poppler.pages(pdf.body());
        assertTrue("75 lines over several pages: " + pages, pages >= 2);
        assertTrue(text.contains("Page " + pages + " of " + pages));
        for (String item : new String[] {"I-9001", "I-9002", "I-9003"}) {
            assertEquals("lines of " + item, 25, text.split(item, -1).length - 1);
        }
        for (String name : new String[] {"Łożysko kulkowe Ø20 mm", "Ηλεκτρικός πίνακας ελέγχου", "Кабель медный 3×2,5 мм²", "€/m",
            "Andersen Byg A/S", "København Ø"}) {
            assertTrue(name, text.contains(name));
        }
        assertTrue("the VAT line", text.contains("Moms 25%"));
    }

    @Test
    public void healthIsPublicAndSaysOnlyUpOrDown() throws Exception {
        HttpResponse<String> health = SIDECAR.get("/health", null);
        assertEquals(200, health.statusCode());
        assertEquals("{\"status\":\"UP\",\"erp\":\"UP\"}", health.body());
    }
}
