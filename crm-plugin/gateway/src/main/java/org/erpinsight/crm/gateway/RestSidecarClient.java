package org.erpinsight.crm.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.StringJoiner;

import org.erpinsight.crm.api.CustomerOverview;
import org.erpinsight.crm.api.ErpErrorCode;
import org.erpinsight.crm.api.ErpGatewayException;
import org.erpinsight.crm.api.InvoicePage;
import org.erpinsight.crm.api.InvoiceStatus;
import org.erpinsight.crm.api.LineRequest;
import org.erpinsight.crm.api.Order;
import org.erpinsight.crm.api.OrderConfirmation;
import org.erpinsight.crm.api.OrderPage;
import org.erpinsight.crm.api.PriceQuote;
import org.erpinsight.crm.api.Item;
import org.erpinsight.crm.api.ProjectOverview;
import org.erpinsight.crm.api.ProjectSummary;
import org.erpinsight.crm.api.SupplierOverview;
import org.erpinsight.crm.api.Party;
import org.erpinsight.crm.api.PartyKind;
import org.erpinsight.crm.api.PartyPage;
import org.erpinsight.crm.api.PartyQuery;
import org.erpinsight.crm.api.transport.SidecarClient;
import org.erpinsight.crm.api.transport.SidecarEndpoint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The contract's REST binding (/api/v1) for one sidecar. */
final class RestSidecarClient implements SidecarClient {
    /** Answers larger than this are refused rather than read into memory. */
    static final int MAX_BODY_BYTES = 4 * 1024 * 1024;

    private record CustomerList(List<Party> customers) {
    }

    private final SidecarEndpoint endpoint;
    private final ObjectMapper json;
    private final HttpClient http;

    RestSidecarClient(SidecarEndpoint endpoint, ObjectMapper json) {
        this.endpoint = endpoint;
        this.json = json;
        this.http = HttpClient.newBuilder().connectTimeout(endpoint.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** The search criteria as a query string, for customers and suppliers alike. */
    private static String queryString(PartyQuery query) {
        StringJoiner params = new StringJoiner("&", "?", "");
        param(params, "name", query.name());
        param(params, "vatNumber", query.vatNumber());
        param(params, "emailDomain", query.emailDomain());
        param(params, "phone", query.phone());
        param(params, "limit", Integer.toString(query.limit()));
        return params.toString();
    }

    private record Pong(String status) {
    }

    @Override
    public void ping() {
        get("/ping", Pong.class);
    }

    @Override
    public Optional<Party> customer(String customerNumber) {
        return SidecarClient.unlessNotFound(() -> get("/customers/" + segment(customerNumber), Party.class));
    }

    @Override
    public List<Party> searchCustomers(PartyQuery query) {
        return get("/customers" + queryString(query), CustomerList.class).customers();
    }

    private record SupplierList(List<Party> suppliers) {
    }

    @Override
    public List<Party> searchSuppliers(PartyQuery query) {
        return get("/suppliers" + queryString(query), SupplierList.class).suppliers();
    }

    @Override
    public List<ProjectSummary> searchProjects(String text, int limit) {
        StringJoiner params = new StringJoiner("&", "?", "");
        param(params, "text", text);
        param(params, "limit", Integer.toString(limit));
        return get("/projects" + params, ProjectList.class).projects();
    }

    @Override
    public CustomerOverview customerOverview(String customerNumber) {
        return get("/customers/" + segment(customerNumber) + "/overview", CustomerOverview.class);
    }

    @Override
    public PartyPage parties(PartyKind kind, int offset, int limit) {
        return get("/parties?kind=" + kind.name() + "&offset=" + offset + "&limit=" + limit, PartyPage.class);
    }

    @Override
    public InvoicePage invoices(String customerNumber, InvoiceStatus status, int offset, int limit) {
        return get("/customers/" + segment(customerNumber) + "/invoices?status=" + (status == null ? "ALL" : status.name())
                + "&offset=" + offset + "&limit=" + limit, InvoicePage.class);
    }

    @Override
    public OrderPage orders(String customerNumber, int offset, int limit) {
        return get("/customers/" + segment(customerNumber) + "/orders?offset=" + offset + "&limit=" + limit, OrderPage.class);
    }

    private record QuoteBody(String customerNumber, List<LineRequest> lines) {
    }

    private record OrderBody(String customerNumber, String reference, List<LineRequest> lines) {
    }

    private record ConfirmationBody(boolean acceptCreditWarning) {
    }

    @Override
    public PriceQuote quote(String customerNumber, List<LineRequest> lines) {
        return post("/price-quotes", new QuoteBody(customerNumber, lines), null, PriceQuote.class);
    }

    @Override
    public Order createOrder(String idempotencyKey, String customerNumber, String reference, List<LineRequest> lines) {
        return post("/orders", new OrderBody(customerNumber, reference, lines), idempotencyKey, Order.class);
    }

    @Override
    public OrderConfirmation confirmOrder(String orderNumber, boolean acceptCreditWarning) {
        return post("/orders/" + segment(orderNumber) + "/confirm", new ConfirmationBody(acceptCreditWarning), null,
                OrderConfirmation.class);
    }

    private record LinesBody(List<LineRequest> lines) {
    }

    private record PartyCreationBody(String name, String number, String vatNumber) {
    }

    private record ItemList(List<Item> items) {
    }

    private record ProjectList(List<ProjectSummary> projects) {
    }

    @Override
    public Order replaceOrderLines(String orderNumber, List<LineRequest> lines) {
        return send("PUT", "/orders/" + segment(orderNumber) + "/lines", new LinesBody(lines), null, Order.class);
    }

    @Override
    public List<Item> searchItems(String text, int limit) {
        StringJoiner params = new StringJoiner("&", "?", "");
        param(params, "text", text);
        param(params, "limit", Integer.toString(limit));
        return get("/items" + params, ItemList.class).items();
    }

    @Override
    public Optional<Party> supplier(String supplierNumber) {
        return SidecarClient.unlessNotFound(() -> get("/suppliers/" + segment(supplierNumber), Party.class));
    }

    @Override
    public SupplierOverview supplierOverview(String supplierNumber) {
        return get("/suppliers/" + segment(supplierNumber) + "/overview", SupplierOverview.class);
    }

    @Override
    public List<ProjectSummary> projects(String customerNumber) {
        return get("/customers/" + segment(customerNumber) + "/projects", ProjectList.class).projects();
    }

    @Override
    public ProjectOverview projectOverview(String projectNumber) {
        return get("/projects/" + segment(projectNumber) + "/overview", ProjectOverview.class);
    }

    @Override
    public Party createParty(String idempotencyKey, PartyKind kind, String name, String number, String vatNumber) {
        return post(kind == PartyKind.SUPPLIER ? "/suppliers" : "/customers", new PartyCreationBody(name, number, vatNumber),
                idempotencyKey, Party.class);
    }

    @Override
    public Optional<Order> order(String orderNumber) {
        return SidecarClient.unlessNotFound(() -> get("/orders/" + segment(orderNumber), Order.class));
    }

    private <T> T post(String path, Object body, String idempotencyKey, Class<T> type) {
        return send("POST", path, body, idempotencyKey, type);
    }

    private <T> T send(String method, String path, Object body, String idempotencyKey, Class<T> type) {
        byte[] json;
        try {
            json = this.json.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new ErpGatewayException(ErpErrorCode.SIDECAR_ERROR, "Cannot write the request: " + e.getMessage(), e);
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(endpoint.url() + "/api/v1" + path))
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofByteArray(json));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return parse(exchange(request, "application/json"), type);
    }

    @Override
    public byte[] invoiceDocument(String invoiceNumber) {
        return fetch("/invoices/" + segment(invoiceNumber) + "/document", "application/pdf");
    }

    @Override
    public void close() {
        // HttpClient has no close on Java 17; its threads end when it is unreachable
    }

    private <T> T get(String path, Class<T> type) {
        return parse(fetch(path, "application/json"), type);
    }

    private <T> T parse(byte[] body, Class<T> type) {
        try {
            return json.readValue(body, type);
        } catch (IOException e) {
            throw new ErpGatewayException(ErpErrorCode.SIDECAR_ERROR,
                    "Sidecar '" + endpoint.source() + "' answered something that is not the contract's JSON", e);
        }
    }

    private byte[] fetch(String path, String accept) {
        return exchange(HttpRequest.newBuilder(URI.create(endpoint.url() + "/api/v1" + path)).GET(), accept);
    }

    /** The answer's body, bounded; any status but 200 or 201 becomes the contract's error. */
    private byte[] exchange(HttpRequest.Builder builder, String accept) {
        HttpRequest request = builder
                .timeout(endpoint.readTimeout())
                .header("Accept", accept + ", application/problem+json")
                .header("X-API-Key", endpoint.apiKey())
                .build();
        HttpResponse<InputStream> response;
        byte[] body;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream in = response.body()) {
                body = in.readNBytes(MAX_BODY_BYTES + 1);
            }
        } catch (HttpTimeoutException e) {
            throw new ErpGatewayException(ErpErrorCode.SIDECAR_UNREACHABLE,
                    "Sidecar '" + endpoint.source() + "' did not answer in time", e);
        } catch (IOException e) {
            throw new ErpGatewayException(ErpErrorCode.SIDECAR_UNREACHABLE,
                    "Sidecar '" + endpoint.source() + "' at " + endpoint.url() + " cannot be reached: "
                    + (e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName()), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ErpGatewayException(ErpErrorCode.SIDECAR_UNREACHABLE, "Interrupted while calling the sidecar", e);
        }
        if (body.length > MAX_BODY_BYTES) {
            throw new ErpGatewayException(ErpErrorCode.SIDECAR_ERROR, "Sidecar answer larger than " + MAX_BODY_BYTES + " bytes");
        }
        if (response.statusCode() != 200 && response.statusCode() != 201) {
            ErpGatewayException problem = problem(response.statusCode(), body);
            if (problem.code() == ErpErrorCode.SIDECAR_BUSY) {
                throw new ErpGatewayException(problem.code(), problem.getMessage(),
                        retryAfter(response.headers().firstValue("Retry-After").orElse(null)));
            }
            throw problem;
        }
        return body;
    }

    /** Retry-After in seconds (the sidecar sends seconds; an HTTP date or nonsense counts as one second). */
    static java.time.Duration retryAfter(String header) {
        if (header != null) {
            try {
                long seconds = Long.parseLong(header.strip());
                return java.time.Duration.ofSeconds(Math.max(0, Math.min(seconds, 3600)));
            } catch (NumberFormatException e) {
                // an HTTP date: not what a sidecar sends
            }
        }
        return java.time.Duration.ofSeconds(1);
    }

    /** Maps a problem+json answer to the gateway's codes; a body that is not one still gives a clear error. */
    private ErpGatewayException problem(int status, byte[] body) {
        String code = null;
        String detail = null;
        try {
            JsonNode node = json.readTree(body);
            code = node.path("code").asText(null);
            detail = node.path("detail").asText(null);
        } catch (IOException | RuntimeException e) {
            // not problem+json: fall back to the status
        }
        return ErpGatewayException.fromContract(code, status, detail == null ? "HTTP " + status : detail, endpoint.source());
    }

    private static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static void param(StringJoiner params, String name, String value) {
        if (value != null && !value.isBlank()) {
            params.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
        }
    }
}
