package org.erpinsight.sidecar.server;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.apache.olingo.client.api.ODataClient;
import org.apache.olingo.client.api.communication.ODataClientErrorException;
import org.apache.olingo.client.api.communication.request.retrieve.ODataEntitySetRequest;
import org.apache.olingo.client.api.domain.ClientEntity;
import org.apache.olingo.client.api.domain.ClientEntitySet;
import org.apache.olingo.client.api.domain.ClientValue;
import org.apache.olingo.client.api.uri.URIBuilder;
import org.apache.olingo.client.core.ODataClientFactory;
import org.apache.olingo.commons.api.edm.Edm;
import org.apache.olingo.commons.api.edm.EdmEntityContainer;
import org.apache.olingo.commons.api.edm.EdmEntitySet;
import org.junit.ClassRule;
import org.junit.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The OData feed read with Apache Olingo's own OData client (not our code): $metadata, every entity
 * set, $select, $filter, $orderby, $top, $skip, $count, server-driven paging, one entity by key,
 * /$count; figures compared with the same figures over REST; every refusal an OData error answer.
 */
public class ODataFeedTest {
    private static final String REPORT_KEY = "report-secret-0123456789";

    @ClassRule
    public static final RunningSidecar SIDECAR = new RunningSidecar("--api-key", "bi:" + REPORT_KEY + ":report");

    private static final ODataClient CLIENT = ODataClientFactory.getClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    private static String root() {
        return SIDECAR.uri("/odata/v1").toString();
    }

    private static URIBuilder set(String name) {
        return CLIENT.newURIBuilder(root()).appendEntitySetSegment(name);
    }

    private static ClientEntitySet read(URI uri) {
        return read(uri, r -> { });
    }

    private static ClientEntitySet read(URI uri, Consumer<ODataEntitySetRequest<ClientEntitySet>> more) {
        ODataEntitySetRequest<ClientEntitySet> request = CLIENT.getRetrieveRequestFactory().getEntitySetRequest(uri);
        request.addCustomHeader("X-API-Key", REPORT_KEY);
        more.accept(request);
        return request.execute().getBody();
    }

    /** Every page of a set, following the server's next links. */
    private static List<ClientEntity> all(URI first, Integer pageSize) {
        List<ClientEntity> rows = new ArrayList<>();
        URI next = first;
        int pages = 0;
        while (next != null) {
            ClientEntitySet page = read(next, r -> {
                if (pageSize != null) {
                    r.addCustomHeader("Prefer", "odata.maxpagesize=" + pageSize);
                }
            });
            if (pageSize != null) {
                assertTrue("a page holds at most what the client asked: " + page.getEntities().size(), page.getEntities().size() <= pageSize);
            }
            rows.addAll(page.getEntities());
            next = page.getNext();
            assertTrue("paging ends", ++pages < 10_000);
        }
        return rows;
    }

    private static Object value(ClientEntity entity, String property) {
        ClientValue v = entity.getProperty(property).getValue();
        return v.isPrimitive() ? v.asPrimitive().toValue() : v;
    }

    /** A property as the feed wrote it (a day as 2026-12-26). */
    private static String text(ClientEntity entity, String property) {
        ClientValue v = entity.getProperty(property).getValue();
        return v == null || v.asPrimitive().toValue() == null ? null : v.asPrimitive().toString();
    }

    private static BigDecimal decimal(ClientEntity entity, String property) {
        Object v = value(entity, property);
        return v == null ? null : new BigDecimal(v.toString());
    }

    private static BigDecimal dec(JsonNode node, String field) {
        return node.get(field).isNull() ? null : new BigDecimal(node.get(field).asText());
    }

    private static void assertSame(String what, BigDecimal expected, BigDecimal actual) {
        assertTrue(what + ": " + expected + " vs " + actual, expected == null ? actual == null : expected.compareTo(actual) == 0);
    }

    @Test
    public void theMetadataNamesEveryEntitySet() {
        var request = CLIENT.getRetrieveRequestFactory().getMetadataRequest(root());
        request.addCustomHeader("X-API-Key", REPORT_KEY);
        Edm edm = request.execute().getBody();
        EdmEntityContainer container = edm.getEntityContainer();
        Set<String> sets = new HashSet<>();
        for (EdmEntitySet s : container.getEntitySets()) {
            sets.add(s.getName());
        }
        assertEquals(Set.of("Customers", "Suppliers", "Invoices", "Orders", "Projects", "CustomerOverviews"), sets);
        assertEquals("Edm.Decimal", container.getEntitySet("Invoices").getEntityType().getStructuralProperty("Amount").getType()
                .getFullQualifiedName().getFullQualifiedNameAsString());
        assertEquals("Edm.Date", container.getEntitySet("Invoices").getEntityType().getStructuralProperty("DueDate").getType()
                .getFullQualifiedName().getFullQualifiedNameAsString());
        assertTrue("an order's lines", container.getEntitySet("Orders").getEntityType().getStructuralProperty("Lines").isCollection());
    }

    @Test
    public void customersAndSuppliersAreTheErpsParties() throws Exception {
        for (String kind : List.of("CUSTOMER", "SUPPLIER")) {
            JsonNode rest = SIDECAR.json("/api/v1/parties?kind=" + kind + "&limit=500");
            List<ClientEntity> rows = all(set(kind.equals("CUSTOMER") ? "Customers" : "Suppliers").build(), null);
            assertEquals(kind, rest.get("total").asInt(), rows.size());
            for (int i = 0; i < rows.size(); i++) {
                JsonNode party = rest.get("parties").get(i);
                assertEquals(party.get("number").asText(), text(rows.get(i), "Number"));
                assertEquals(party.get("name").asText(), text(rows.get(i), "Name"));
                assertEquals(party.get("vatNumber").isNull() ? null : party.get("vatNumber").asText(), text(rows.get(i), "VatNumber"));
            }
        }
        ClientEntitySet counted = read(set("Customers").count(true).top(2).build());
        assertEquals(2, counted.getEntities().size());
        assertEquals(Integer.valueOf(SIDECAR.json("/api/v1/parties?kind=CUSTOMER").get("total").asInt()), counted.getCount());
    }

    @Test
    public void aCustomersInvoicesAreTheSameAsOverRest() throws Exception {
        JsonNode rest = SIDECAR.json("/api/v1/customers/10001/invoices?limit=500");
        List<ClientEntity> rows = all(set("Invoices").filter("CustomerNumber eq '10001'").build(), 4);
        assertEquals(rest.get("total").asInt(), rows.size());
        assertTrue("more than one page of four", rows.size() > 4);
        for (int i = 0; i < rows.size(); i++) {
            JsonNode invoice = rest.get("invoices").get(i);
            assertEquals(invoice.get("number").asText(), text(rows.get(i), "Number"));
            assertSame("amount", dec(invoice, "amount"), decimal(rows.get(i), "Amount"));
            assertSame("open", dec(invoice, "openAmount"), decimal(rows.get(i), "OpenAmount"));
            assertEquals(invoice.get("status").asText(), text(rows.get(i), "Status"));
            assertEquals(invoice.get("dueDate").asText(), text(rows.get(i), "DueDate"));
        }
    }

    @Test
    public void everyInvoicePagesThroughOnceWithoutGapsOrRepeats() throws Exception {
        int expected = 0;
        JsonNode customers = SIDECAR.json("/api/v1/parties?kind=CUSTOMER&limit=500");
        for (JsonNode c : customers.get("parties")) {
            expected += SIDECAR.json("/api/v1/customers/" + c.get("number").asText() + "/invoices?limit=1").get("total").asInt();
        }
        List<ClientEntity> rows = all(set("Invoices").build(), 25);
        Set<String> numbers = new HashSet<>();
        rows.forEach(r -> numbers.add(text(r, "Number")));
        assertEquals("every invoice once", expected, rows.size());
        assertEquals("no invoice twice", expected, numbers.size());
        assertEquals(Integer.valueOf(expected), read(set("Invoices").count(true).top(1).build()).getCount());
    }

    @Test
    public void filterOrderbySkipTopAndSelectWork() throws Exception {
        URI uri = set("Invoices").filter("CustomerNumber eq '10001' and Amount gt 20000").orderBy("Amount desc").build();
        List<ClientEntity> sorted = all(uri, 3);
        assertFalse(sorted.isEmpty());
        for (int i = 1; i < sorted.size(); i++) {
            assertTrue("descending", decimal(sorted.get(i - 1), "Amount").compareTo(decimal(sorted.get(i), "Amount")) >= 0);
            assertTrue("filtered", decimal(sorted.get(i), "Amount").compareTo(new BigDecimal("20000")) > 0);
        }
        ClientEntitySet window = read(set("Invoices").filter("CustomerNumber eq '10001' and Amount gt 20000").orderBy("Amount desc")
                .skip(1).top(2).build());
        assertEquals(2, window.getEntities().size());
        assertEquals(text(sorted.get(1), "Number"), text(window.getEntities().get(0), "Number"));
        assertEquals(text(sorted.get(2), "Number"), text(window.getEntities().get(1), "Number"));

        ClientEntitySet selected = read(set("Customers").select("Number", "Name").top(1).build());
        ClientEntity one = selected.getEntities().get(0);
        assertNotNull(one.getProperty("Name"));
        assertNull("not selected", one.getProperty("VatNumber"));

        ClientEntitySet functions = read(set("Customers").filter("startswith(Name,'Andersen') or contains(tolower(Name),'virtanen')").build());
        Set<String> names = new HashSet<>();
        functions.getEntities().forEach(e -> names.add(text(e, "Name")));
        assertTrue(names.toString(), names.contains("Andersen Byg A/S") && names.size() >= 2);
        ClientEntitySet overdue = read(set("Invoices").filter("Status eq 'OVERDUE' and year(DueDate) ge 2000").count(true).build());
        for (ClientEntity e : overdue.getEntities()) {
            assertEquals("OVERDUE", text(e, "Status"));
        }
        assertEquals(Integer.valueOf(overdue.getEntities().size()), overdue.getCount());
    }

    @Test
    public void ordersComeWithTheirLinesAndProjectsAndOverviewsWithTheirFigures() throws Exception {
        JsonNode restOrders = SIDECAR.json("/api/v1/customers/10001/orders?limit=100");
        List<ClientEntity> orders = all(set("Orders").filter("CustomerNumber eq '10001'").build(), null);
        assertEquals(restOrders.get("total").asInt(), orders.size());
        JsonNode first = restOrders.get("orders").get(0);
        ClientEntity order = orders.get(0);
        assertEquals(first.get("number").asText(), text(order, "Number"));
        var lines = order.getProperty("Lines").getCollectionValue();
        assertEquals(first.get("lines").size(), lines.size());
        var line = lines.iterator().next().asComplex();
        assertEquals(first.get("lines").get(0).get("itemNumber").asText(), line.get("ItemNumber").getPrimitiveValue().toString());
        assertSame("line amount", dec(first.get("lines").get(0), "lineAmount"),
                new BigDecimal(line.get("LineAmount").getPrimitiveValue().toString()));

        JsonNode projects = SIDECAR.json("/api/v1/customers/10001/projects");
        List<ClientEntity> rows = all(set("Projects").filter("CustomerNumber eq '10001'").build(), null);
        assertEquals(projects.size(), rows.size());
        JsonNode figures = SIDECAR.json("/api/v1/projects/" + text(rows.get(0), "Number") + "/overview");
        assertSame("budget", dec(figures, "budget"), decimal(rows.get(0), "Budget"));
        assertSame("margin", dec(figures, "margin"), decimal(rows.get(0), "Margin"));

        var request = CLIENT.getRetrieveRequestFactory().getEntityRequest(set("CustomerOverviews").appendKeySegment("10001").build());
        request.addCustomHeader("X-API-Key", REPORT_KEY);
        ClientEntity overview = request.execute().getBody();
        JsonNode rest = SIDECAR.json("/api/v1/customers/10001/overview");
        assertSame("balance", dec(rest, "balance"), decimal(overview, "Balance"));
        assertSame("overdue", dec(rest, "overdueAmount"), decimal(overview, "OverdueAmount"));
        assertEquals(SIDECAR.json("/api/v1/parties?kind=CUSTOMER").get("total").asInt(), all(set("CustomerOverviews").build(), 50).size());
        assertEquals(SIDECAR.json("/api/v1/parties?kind=SUPPLIER").get("total").asText(),
                SIDECAR.get("/odata/v1/Suppliers/$count", REPORT_KEY).body());
    }

    /** A request the feed refuses: its status, and an OData error body with a code and a message. */
    private static void refused(String pathAndQuery, int status, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(root() + pathAndQuery));
        headers.forEach(request::header);
        HttpResponse<String> answer = HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(pathAndQuery + ": " + answer.body(), status, answer.statusCode());
        JsonNode error = JSON.readTree(answer.body()).get("error");
        assertNotNull(pathAndQuery + " answers an OData error: " + answer.body(), error);
        assertFalse(error.get("message").asText().isBlank());
        assertFalse("no stack trace", answer.body().contains("at org."));
    }

    @Test
    public void badQueriesGetODataErrorsNever500() throws Exception {
        Map<String, String> key = Map.of("X-API-Key", REPORT_KEY);
        refused("/Nothing", 404, key);
        refused("/Invoices?$filter=NoSuchProperty%20eq%201", 400, key);
        refused("/Invoices?$filter=Amount%20eq", 400, key);
        refused("/Invoices?$filter=Amount%20eq%20'text'", 400, key);
        refused("/Invoices?$orderby=Nope", 400, key);
        refused("/Invoices?$top=99999999999", 400, key);
        refused("/Invoices?$top=-1", 400, key);
        refused("/Invoices?$skiptoken=nonsense", 400, key);
        refused("/Orders?$expand=Lines", 400, key);
        refused("/Customers('no-such-customer')", 404, key);
        refused("/Customers", 401, Map.of());
        refused("/Customers", 401, Map.of("X-API-Key", "wrong-key-0123456789"));
        refused("/Customers", 403, Map.of("X-API-Key", RunningSidecar.READ_KEY));
        try {
            read(set("Customers").filter("Name eq").build());
            fail("a malformed filter is refused");
        } catch (ODataClientErrorException e) {
            assertEquals(400, e.getStatusLine().getStatusCode());
        }
        HttpResponse<String> post = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(root() + "/Customers"))
                .header("X-API-Key", REPORT_KEY).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"Number\":\"X\"}")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals("read only", 405, post.statusCode());
    }

    @Test
    public void reportingToolsMaySendTheKeyAsBasicAuthentication() throws Exception {
        HttpResponse<String> challenged = SIDECAR.get("/odata/v1/", null);
        assertEquals(401, challenged.statusCode());
        assertTrue(challenged.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic "));
        String basic = Base64.getEncoder().encodeToString(("analyst:" + REPORT_KEY).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        HttpResponse<String> service = HttpClient.newHttpClient().send(HttpRequest.newBuilder(SIDECAR.uri("/odata/v1/"))
                .header("Authorization", "Basic " + basic).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(service.body(), 200, service.statusCode());
        assertTrue("the service document lists the sets", service.body().contains("\"Invoices\""));
        HttpResponse<String> page = SIDECAR.get("/odata/v1/Customers?$top=1", REPORT_KEY);
        assertTrue("an absolute context URL: " + page.body(), page.body().contains("\"@odata.context\":\"" + SIDECAR.uri("/odata/v1/$metadata")));
    }
}
