package org.erpinsight.sidecar.server;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.ClassRule;
import org.junit.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** ERP pricing and order entry over REST (and the same over SOAP) on the reference ERP. */
public class OrderEntryTest {
    @ClassRule
    public static final RunningSidecar SIDECAR = new RunningSidecar();

    private static String key() {
        return "test-" + UUID.randomUUID();
    }

    private static JsonNode quote(String customer, String item, String quantity, LocalDate date) throws Exception {
        String body = "{\"customerNumber\":\"" + customer + "\"," + (date == null ? "" : "\"date\":\"" + date + "\",")
                + "\"lines\":[{\"itemNumber\":\"" + item + "\",\"quantity\":\"" + quantity + "\"}]}";
        return SIDECAR.jsonOf(SIDECAR.send("POST", "/api/v1/price-quotes", body, null), 200);
    }

    private static void assertLineArithmetic(JsonNode line) {
        BigDecimal expected = new BigDecimal(line.get("unitPrice").asText()).multiply(new BigDecimal(line.get("quantity").asText()))
                .multiply(BigDecimal.valueOf(100).subtract(new BigDecimal(line.get("discountPercent").asText())))
                .divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP);
        assertEquals(expected, new BigDecimal(line.get("lineAmount").asText()));
    }

    @Test
    public void quantityBreaksCustomerGroupsAndDatedPromotionsDecideThePrice() throws Exception {
        // I-1002 has no promotion; 10001 is a retail customer in the domestic market
        JsonNode one = quote("10001", "I-1002", "1", null).at("/lines/0");
        JsonNode ten = quote("10001", "I-1002", "10", null).at("/lines/0");
        JsonNode fifty = quote("10001", "I-1002", "50", null).at("/lines/0");
        assertEquals("Base price", one.get("priceRule").asText());
        assertEquals("Quantity break 10+", ten.get("priceRule").asText());
        assertEquals("5", ten.get("discountPercent").asText());
        assertEquals("Quantity break 50+", fifty.get("priceRule").asText());
        assertLineArithmetic(ten);
        assertLineArithmetic(fifty);
        // 10005 is a wholesale customer: its group price beats the list price
        assertEquals("Wholesale price", quote("10005", "I-1002", "1", null).at("/lines/0/priceRule").asText());
        // I-1001 is on promotion for twenty days from the day the demo data was made
        assertEquals("Promotion", quote("10001", "I-1001", "1", null).at("/lines/0/priceRule").asText());
        assertEquals("Base price", quote("10001", "I-1001", "1", LocalDate.now().plusDays(60)).at("/lines/0/priceRule").asText());
        // a Swedish customer is quoted in its own currency
        assertEquals("SEK", quote("10002", "I-1002", "1", null).get("currency").asText());
    }

    @Test
    public void badQuoteRequestsAreClientErrors() throws Exception {
        assertEquals(422, SIDECAR.send("POST", "/api/v1/price-quotes",
                "{\"customerNumber\":\"10001\",\"lines\":[{\"itemNumber\":\"NOPE\",\"quantity\":\"1\"}]}", null).statusCode());
        assertEquals(404, SIDECAR.send("POST", "/api/v1/price-quotes",
                "{\"customerNumber\":\"99999\",\"lines\":[{\"itemNumber\":\"I-1001\",\"quantity\":\"1\"}]}", null).statusCode());
        for (String body : new String[] {"{\"customerNumber\":\"10001\",\"lines\":[]}",
            "{\"customerNumber\":\"10001\",\"lines\":[{\"itemNumber\":\"I-1001\",\"quantity\":\"-1\"}]}",
            "{\"customerNumber\":\"10001\",\"lines\":[{\"itemNumber\":\"I-1001\",\"quantity\":\"0.0001\"}]}",
            "{\"customerNumber\":\"10001\",\"lines\":[{\"itemNumber\":\"I-1001\",\"quantity\":\"abc\"}]}",
            "{\"customerNumber\":\"10001\",\"lines\":[{\"itemNumber\":\"I-1001\",\"quantity\":\"1\"}],\"extra\":1}",
            "{\"customerNumber\":", "[]", ""}) {
            HttpResponse<String> response = SIDECAR.send("POST", "/api/v1/price-quotes", body, null);
            assertEquals(body + " -> " + response.body(), 400, response.statusCode());
            assertEquals("INVALID_REQUEST", SIDECAR.jsonOf(response, 400).get("code").asText());
            assertFalse(response.body().contains("org.erpinsight"));
        }
        HttpResponse<String> xml = SIDECAR.send(java.net.http.HttpRequest.newBuilder(SIDECAR.uri("/api/v1/price-quotes"))
                .header("X-API-Key", RunningSidecar.KEY).header("Content-Type", "text/xml")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("<x/>")).build());
        assertEquals(415, xml.statusCode());
    }

    @Test
    public void aDraftIsCreatedOnceChangedAndConfirmedWithinTheCreditLimit() throws Exception {
        String key = key();
        String body = "{\"customerNumber\":\"10001\",\"reference\":\"CRM opportunity 4711\","
                + "\"lines\":[{\"itemNumber\":\"I-1002\",\"quantity\":\"2\"}]}";
        JsonNode order = SIDECAR.jsonOf(SIDECAR.send("POST", "/api/v1/orders", body, key), 201);
        assertEquals("DRAFT", order.get("status").asText());
        assertEquals("CRM opportunity 4711", order.get("reference").asText());
        assertLineArithmetic(order.at("/lines/0"));
        JsonNode retry = SIDECAR.jsonOf(SIDECAR.send("POST", "/api/v1/orders", body, key), 201);
        assertEquals("a retry answers the first order", order.get("number"), retry.get("number"));
        HttpResponse<String> reused = SIDECAR.send("POST", "/api/v1/orders", body.replace("\"2\"", "\"3\""), key);
        assertEquals("IDEMPOTENCY_KEY_REUSED", SIDECAR.jsonOf(reused, 409).get("code").asText());
        assertEquals(400, SIDECAR.send("POST", "/api/v1/orders", body, null).statusCode());
        assertEquals(400, SIDECAR.send("POST", "/api/v1/orders", body, "short").statusCode());

        String number = order.get("number").asText();
        JsonNode changed = SIDECAR.jsonOf(SIDECAR.send("PUT", "/api/v1/orders/" + number + "/lines",
                "{\"lines\":[{\"itemNumber\":\"I-1002\",\"quantity\":\"10\"},{\"itemNumber\":\"I-1003\",\"quantity\":\"1\"}]}", null), 200);
        assertEquals(2, changed.get("lines").size());
        assertEquals("Quantity break 10+", changed.at("/lines/0/priceRule").asText());
        BigDecimal sum = new BigDecimal(changed.at("/lines/0/lineAmount").asText()).add(new BigDecimal(changed.at("/lines/1/lineAmount").asText()));
        assertEquals(sum, new BigDecimal(changed.get("total").asText()));

        JsonNode confirmation = SIDECAR.jsonOf(SIDECAR.send("POST", "/api/v1/orders/" + number + "/confirm", "{}", null), 200);
        assertTrue(confirmation.get("confirmed").asBoolean());
        assertEquals("CONFIRMED", confirmation.at("/order/status").asText());
        assertTrue(confirmation.get("creditWarning").isNull());
        HttpResponse<String> locked = SIDECAR.send("PUT", "/api/v1/orders/" + number + "/lines",
                "{\"lines\":[{\"itemNumber\":\"I-1002\",\"quantity\":\"1\"}]}", null);
        assertEquals("ORDER_NOT_DRAFT", SIDECAR.jsonOf(locked, 409).get("code").asText());
        assertEquals("CONFIRMED", SIDECAR.json("/api/v1/orders/" + number).get("status").asText());
        boolean listed = false;
        for (JsonNode o : SIDECAR.json("/api/v1/customers/10001/orders?limit=200").get("orders")) {
            listed |= o.get("number").asText().equals(number);
        }
        assertTrue(listed);
        assertEquals("ORDER_NOT_FOUND", SIDECAR.jsonOf(SIDECAR.get("/api/v1/orders/SO-1"), 404).get("code").asText());
    }

    @Test
    public void overTheCreditLimitTheOrderStaysADraftUntilTheWarningIsAccepted() throws Exception {
        JsonNode order = SIDECAR.jsonOf(SIDECAR.send("POST", "/api/v1/orders",
                "{\"customerNumber\":\"10006\",\"lines\":[{\"itemNumber\":\"I-1002\",\"quantity\":\"1\"}]}", key()), 201);
        String number = order.get("number").asText();
        JsonNode refused = SIDECAR.jsonOf(SIDECAR.send("POST", "/api/v1/orders/" + number + "/confirm", "{}", null), 200);
        assertFalse(refused.get("confirmed").asBoolean());
        assertEquals("DRAFT", refused.at("/order/status").asText());
        JsonNode warning = refused.get("creditWarning");
        BigDecimal exceeded = new BigDecimal(warning.get("creditUsed").asText()).add(new BigDecimal(warning.get("orderTotal").asText()))
                .subtract(new BigDecimal(warning.get("creditLimit").asText()));
        assertEquals(exceeded, new BigDecimal(warning.get("exceededBy").asText()));
        assertEquals("DRAFT", SIDECAR.json("/api/v1/orders/" + number).get("status").asText());
        JsonNode accepted = SIDECAR.jsonOf(SIDECAR.send("POST", "/api/v1/orders/" + number + "/confirm",
                "{\"acceptCreditWarning\":true}", null), 200);
        assertTrue(accepted.get("confirmed").asBoolean());
        assertEquals("CONFIRMED", SIDECAR.json("/api/v1/orders/" + number).get("status").asText());
    }

    @Test
    public void concurrentRetriesWithOneKeyCreateOneOrder() throws Exception {
        String key = key();
        String body = "{\"customerNumber\":\"10003\",\"lines\":[{\"itemNumber\":\"I-1004\",\"quantity\":\"1\"}]}";
        int before = SIDECAR.json("/api/v1/customers/10003/orders").get("total").asInt();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<HttpResponse<String>>> answers = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                Callable<HttpResponse<String>> call = () -> SIDECAR.send("POST", "/api/v1/orders", body, key);
                answers.add(pool.submit(call));
            }
            Set<String> numbers = new HashSet<>();
            for (Future<HttpResponse<String>> answer : answers) {
                numbers.add(SIDECAR.jsonOf(answer.get(), 201).get("number").asText());
            }
            assertEquals(1, numbers.size());
        } finally {
            pool.shutdown();
        }
        assertEquals(before + 1, SIDECAR.json("/api/v1/customers/10003/orders").get("total").asInt());
    }

    @Test
    public void aCustomerCreatedFromTheCrmGetsANumberOnceAndIsFoundByIt() throws Exception {
        String key = key();
        JsonNode created = SIDECAR.jsonOf(SIDECAR.send("POST", "/api/v1/customers",
                "{\"name\":\"Nimbus Analytics ApS\",\"vatNumber\":\"DK 9988 7766\"}", key), 201);
        String number = created.get("number").asText();
        assertEquals("DK99887766", created.get("vatNumber").asText());
        assertEquals(number, SIDECAR.jsonOf(SIDECAR.send("POST", "/api/v1/customers",
                "{\"name\":\"Nimbus Analytics ApS\",\"vatNumber\":\"DK 9988 7766\"}", key), 201).get("number").asText());
        assertEquals("Nimbus Analytics ApS", SIDECAR.json("/api/v1/customers/" + number).get("name").asText());
        assertEquals(number, SIDECAR.json("/api/v1/customers?vatNumber=DK99887766").at("/customers/0/number").asText());
        assertEquals("DUPLICATE_NUMBER", SIDECAR.jsonOf(SIDECAR.send("POST", "/api/v1/customers",
                "{\"name\":\"Copy\",\"number\":\"10001\"}", key()), 409).get("code").asText());
        assertEquals(400, SIDECAR.send("POST", "/api/v1/customers", "{\"vatNumber\":\"DK1\"}", key()).statusCode());
        JsonNode supplier = SIDECAR.jsonOf(SIDECAR.send("POST", "/api/v1/suppliers", "{\"name\":\"Fjord Parts AS\",\"number\":\"S-900\"}", key()), 201);
        assertEquals("SUPPLIER", supplier.get("kind").asText());
        assertEquals("Fjord Parts AS", SIDECAR.json("/api/v1/suppliers/S-900").get("name").asText());
    }

    @Test
    public void soapEntersOrdersWithTheSameIdempotency() throws Exception {
        String key = key();
        String request = RunningSidecar.envelope("createOrder", "<v:idempotencyKey>" + key + "</v:idempotencyKey>"
                + "<v:customerNumber>10004</v:customerNumber><v:lines><v:itemNumber>I-1002</v:itemNumber>"
                + "<v:quantity>10</v:quantity></v:lines>");
        HttpResponse<String> first = SIDECAR.soap(request, RunningSidecar.KEY);
        assertEquals(first.body(), 200, first.statusCode());
        String number = first.body().replaceAll("(?s).*<number>(SO-[0-9]+)</number>.*", "$1");
        assertTrue(first.body().contains("<priceRule>Quantity break 10+</priceRule>"));
        HttpResponse<String> retry = SIDECAR.soap(request, RunningSidecar.KEY);
        assertTrue(retry.body().contains("<number>" + number + "</number>"));
        assertEquals("DRAFT", SIDECAR.json("/api/v1/orders/" + number).get("status").asText());
    }
}
