package org.erpinsight.sidecar.server;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.erpinsight.generated.client.ApiClient;
import org.erpinsight.generated.client.ApiException;
import org.erpinsight.generated.client.api.DefaultApi;
import org.erpinsight.generated.client.model.CustomerOverview;
import org.erpinsight.generated.client.model.InvoiceFilter;
import org.erpinsight.generated.client.model.InvoicePage;
import org.erpinsight.generated.client.model.InvoiceStatus;
import org.erpinsight.generated.client.model.LineRequest;
import org.erpinsight.generated.client.model.Order;
import org.erpinsight.generated.client.model.OrderConfirmation;
import org.erpinsight.generated.client.model.OrderConfirmationRequest;
import org.erpinsight.generated.client.model.OrderLinesRequest;
import org.erpinsight.generated.client.model.OrderRequest;
import org.erpinsight.generated.client.model.OrderStatus;
import org.erpinsight.generated.client.model.Party;
import org.erpinsight.generated.client.model.PartyCreation;
import org.erpinsight.generated.client.model.PartyKind;
import org.erpinsight.generated.client.model.PartyPage;
import org.erpinsight.generated.client.model.PriceQuote;
import org.erpinsight.generated.client.model.PriceQuoteRequest;
import org.erpinsight.generated.client.model.ProjectList;
import org.erpinsight.generated.client.model.ProjectOverview;
import org.erpinsight.generated.client.model.SupplierOverview;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * Other people's tools can use the contract: a Java client that openapi-generator made from the
 * checked-in openapi.json (nothing here hand-written about the wire) calls every operation of
 * the document against a running sidecar, and reads answers the same as a plain JSON read.
 * The generated client refuses fields the document does not declare.
 */
public class GeneratedClientTest {
    @ClassRule
    public static final RunningSidecar SIDECAR = new RunningSidecar();

    private static DefaultApi api;
    /** Operation ids called by the tests of this class; all of the document's must be among them. */
    private static final Set<String> CALLED = new TreeSet<>();

    @BeforeClass
    public static void client() {
        ApiClient client = new ApiClient();
        client.updateBaseUri(SIDECAR.uri("/api/v1").toString());
        client.setRequestInterceptor(request -> request.header("X-API-Key", RunningSidecar.KEY));
        client.getObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        api = new DefaultApi(client);
    }

    @AfterClass
    public static void everyOperationOfTheDocumentWasCalled() throws Exception {
        JsonNode document = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(SIDECAR.get("/api/v1/openapi.json").body());
        Set<String> documented = new TreeSet<>();
        document.get("paths").forEach(path -> path.forEach(operation -> documented.add(operation.get("operationId").asText())));
        assertEquals("operations the generated client called", documented, CALLED);
    }

    private static void called(String operationId) {
        synchronized (CALLED) {
            CALLED.add(operationId);
        }
    }

    @Test
    public void pingAndPartiesReadAsTheDocumentSays() throws Exception {
        var pong = api.ping();
        called("ping");
        assertEquals("tests", pong.getKey());
        assertEquals("[read, orders, admin]", pong.getScopes().toString());

        Party customer = api.getCustomer("10001");
        called("getCustomer");
        assertEquals(PartyKind.CUSTOMER, customer.getKind());
        assertEquals(SIDECAR.json("/api/v1/customers/10001").get("name").asText(), customer.getName());

        Party supplier = api.getSupplier("70001");
        called("getSupplier");
        assertEquals(PartyKind.SUPPLIER, supplier.getKind());

        assertEquals("10001", api.searchCustomers(null, customer.getVatNumber(), null, null, 5).getCustomers().get(0).getNumber());
        called("searchCustomers");
        assertEquals("70001", api.searchSuppliers(null, supplier.getVatNumber(), null, null, 5).getSuppliers().get(0).getNumber());
        called("searchSuppliers");

        PartyPage page = api.listParties(PartyKind.CUSTOMER, 0, 10);
        called("listParties");
        assertEquals(SIDECAR.json("/api/v1/parties?kind=CUSTOMER&offset=0&limit=10").get("total").asInt(), page.getTotal().intValue());
        assertEquals(10, page.getParties().size());
    }

    @Test
    public void overviewsCarryTheSameFiguresAsThePlainJson() throws Exception {
        CustomerOverview overview = api.getCustomerOverview("10006");
        called("getCustomerOverview");
        JsonNode json = SIDECAR.json("/api/v1/customers/10006/overview");
        assertEquals(new BigDecimal(json.get("balance").asText()), new BigDecimal(overview.getBalance()));
        assertEquals(new BigDecimal(json.get("overdueAmount").asText()), new BigDecimal(overview.getOverdueAmount()));
        assertEquals(json.get("openInvoiceCount").asInt(), overview.getOpenInvoiceCount().intValue());
        assertEquals(json.get("revenueByMonth").size(), overview.getRevenueByMonth().size());

        SupplierOverview supplier = api.getSupplierOverview("70001");
        called("getSupplierOverview");
        assertEquals(new BigDecimal(SIDECAR.json("/api/v1/suppliers/70001/overview").get("payableBalance").asText()),
                new BigDecimal(supplier.getPayableBalance()));

        ProjectList projects = api.listProjects("10001");
        called("listProjects");
        assertFalse("10001 has projects", projects.getProjects().isEmpty());
        String project = projects.getProjects().get(0).getNumber();
        ProjectOverview projectOverview = api.getProjectOverview(project);
        called("getProjectOverview");
        assertTrue("found by its number", api.searchProjects(project, 10).getProjects().stream().anyMatch(p -> p.getNumber().equals(project)));
        called("searchProjects");
        assertEquals(project, projectOverview.getProjectNumber());
    }

    @Test
    public void invoicesAndTheirDocument() throws Exception {
        InvoicePage overdue = api.listInvoices("10006", InvoiceFilter.OVERDUE, 0, 50);
        called("listInvoices");
        assertFalse("10006 has overdue invoices", overdue.getInvoices().isEmpty());
        assertTrue(overdue.getInvoices().stream().allMatch(i -> i.getStatus() == InvoiceStatus.OVERDUE));

        var pdf = api.getInvoiceDocument(overdue.getInvoices().get(0).getNumber());
        called("getInvoiceDocument");
        byte[] bytes = Files.readAllBytes(pdf.toPath());
        assertEquals("%PDF", new String(bytes, 0, 4, java.nio.charset.StandardCharsets.US_ASCII));
        pdf.delete();
    }

    @Test
    public void itemsPricesAndOrderEntry() throws Exception {
        assertEquals("I-1002", api.searchItems("I-1002", 5).getItems().get(0).getNumber());
        called("searchItems");

        PriceQuote quote = api.quotePrices(new PriceQuoteRequest().customerNumber("10001")
                .lines(List.of(new LineRequest().itemNumber("I-1002").quantity("10"))));
        called("quotePrices");
        assertEquals("Quantity break 10+", quote.getLines().get(0).getPriceRule());

        String key = "generated-" + UUID.randomUUID();
        OrderRequest request = new OrderRequest().customerNumber("10001").reference("generated client")
                .lines(List.of(new LineRequest().itemNumber("I-1002").quantity("1")));
        Order draft = api.createOrder(key, request);
        called("createOrder");
        assertEquals(OrderStatus.DRAFT, draft.getStatus());
        assertEquals("a retry with the same key answers the same order", draft.getNumber(), api.createOrder(key, request).getNumber());

        Order changed = api.replaceOrderLines(draft.getNumber(), new OrderLinesRequest().lines(List.of(
                new LineRequest().itemNumber("I-1002").quantity("10"), new LineRequest().itemNumber("I-1001").quantity("2"))));
        called("replaceOrderLines");
        assertEquals(2, changed.getLines().size());
        assertEquals(quote.getLines().get(0).getUnitPrice(), changed.getLines().get(0).getUnitPrice());

        assertEquals(2, api.getOrder(draft.getNumber()).getLines().size());
        called("getOrder");
        assertTrue(api.listOrders("10001", 0, 50).getOrders().stream().anyMatch(o -> o.getNumber().equals(draft.getNumber())));
        called("listOrders");

        OrderConfirmation confirmation = api.confirmOrder(draft.getNumber(), new OrderConfirmationRequest());
        called("confirmOrder");
        assertTrue(confirmation.getConfirmed());
        assertEquals(OrderStatus.CONFIRMED, confirmation.getOrder().getStatus());
    }

    @Test
    public void partiesCreatedFromTheCrm() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        Party customer = api.createCustomer("generated-" + suffix, new PartyCreation().name("Generated Kunde " + suffix));
        called("createCustomer");
        assertEquals(PartyKind.CUSTOMER, customer.getKind());
        assertEquals(customer.getName(), api.getCustomer(customer.getNumber()).getName());

        Party supplier = api.createSupplier("generated-s-" + suffix, new PartyCreation().name("Generated Leverandør " + suffix));
        called("createSupplier");
        assertEquals(PartyKind.SUPPLIER, supplier.getKind());
    }

    @Test
    public void errorsArriveAsTheDocumentedProblem() throws Exception {
        try {
            api.getCustomerOverview("99999");
            fail("an unknown customer is not found");
        } catch (ApiException e) {
            assertEquals(404, e.getCode());
            assertTrue(e.getResponseBody(), e.getResponseBody().contains("\"code\":\"CUSTOMER_NOT_FOUND\""));
        }
    }
}
