package org.erpinsight.sidecar.server;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Property-based fuzzing of both transports with bad input, sent over raw sockets so that
 * nothing between the generator and Jetty repairs it: paths and query strings, headers, JSON
 * bodies, SOAP envelopes and OData queries (13,000 requests a run, a new random seed each run; jqwik prints
 * the seed of a failure). Every answer must be a client error or a success, never a server
 * error (for SOAP, whose faults travel as HTTP 500 by SOAP 1.1, never a soap:Server fault or
 * an INTERNAL_ERROR code), never carry a stack trace; and no generated request may change
 * what the ERP holds: every write it sends is defective by construction.
 */
public class MalformedInputFuzzTest {
    private static final String REPORT_KEY = "fuzz-report-0123456789";
    private static final RunningSidecar SIDECAR = new RunningSidecar("--api-key", "bi:" + REPORT_KEY + ":report");
    private static final Pattern STACK_TRACE = Pattern.compile(
            "(\\bat (java|javax|jakarta|org|com|sun)\\.[\\w.$]+\\(|\\.java:\\d+\\)|Exception:|Caused by:)");
    private static final AtomicInteger SENT = new AtomicInteger();
    private static final List<String> CUSTOMERS = List.of("10001", "10006", "70001");
    private static String draftOrder;
    private static String before;
    private static final Level[] QUIETED = new Level[2];

    @BeforeContainer
    static void start() throws Exception {
        SIDECAR.before();
        // 11,000 access log lines would drown the report; unexpected failures still log at SEVERE
        QUIETED[0] = Logger.getLogger("org.erpinsight").getLevel();
        QUIETED[1] = Logger.getLogger("org.apache.cxf").getLevel();
        Logger.getLogger("org.erpinsight").setLevel(Level.WARNING);
        Logger.getLogger("org.apache.cxf").setLevel(Level.SEVERE);
        JsonNode order = SIDECAR.jsonOf(SIDECAR.send("POST", "/api/v1/orders",
                "{\"customerNumber\":\"10001\",\"lines\":[{\"itemNumber\":\"I-1002\",\"quantity\":\"3\"}]}", "fuzz-draft"), 201);
        draftOrder = order.get("number").asText();
        before = erpState();
    }

    @AfterContainer
    static void stop() throws Exception {
        try {
            assertEquals("what the ERP holds after " + SENT.get() + " fuzzed requests", before, erpState());
            assertTrue("at least 10,000 requests were sent: " + SENT.get(), SENT.get() >= 10_000);
        } finally {
            Logger.getLogger("org.erpinsight").setLevel(QUIETED[0]);
            Logger.getLogger("org.apache.cxf").setLevel(QUIETED[1]);
            SIDECAR.after();
        }
    }

    /** Parties, every order of the customers the fuzzer names, and the draft's lines: what a write would change. */
    private static String erpState() throws Exception {
        StringBuilder state = new StringBuilder();
        for (String kind : List.of("CUSTOMER", "SUPPLIER")) {
            state.append(kind).append(' ').append(SIDECAR.json("/api/v1/parties?kind=" + kind + "&limit=1").get("total")).append('\n');
        }
        for (String customer : CUSTOMERS.subList(0, 2)) {
            state.append(customer).append(' ').append(SIDECAR.json("/api/v1/customers/" + customer + "/orders?limit=100")).append('\n');
        }
        state.append(SIDECAR.json("/api/v1/orders/" + draftOrder));
        return state.toString();
    }

    // ---- the properties -------------------------------------------------------------------------

    @Property(tries = 4000)
    void badPathsAndQueryStringsAreClientErrors(@ForAll("readTargets") String target, @ForAll("readMethods") String method) throws Exception {
        assertAnswerIsNoServerError(send(new Request(method, target, List.of(), new byte[0])));
    }

    @Property(tries = 2000)
    void badODataQueriesAreClientErrors(@ForAll("feedTargets") String target) throws Exception {
        Answer answer = send(new Request("GET", target, List.<String[]>of(new String[] {"X-API-Key", REPORT_KEY}), new byte[0]));
        String context = "\nrequest: " + answer.request() + "\nanswer: " + answer.head() + "\n" + answer.body();
        if (answer.status() == 501) {
            // OData's own answer to a query option or function the service does not offer ($search, any()): the
            // client's request, said in an OData error, not a failure of the service
            assertTrue("an OData error answer" + context, answer.body().startsWith("{\"error\":"));
            assertTrue("no stack trace" + context, !STACK_TRACE.matcher(answer.head() + answer.body()).find());
            return;
        }
        assertAnswerIsNoServerError(answer);
        if (answer.status() >= 400 && answer.head().toLowerCase(java.util.Locale.ROOT).contains("content-type: application/json")) {
            assertTrue("an OData error answer" + context, answer.body().contains("\"error\""));
        }
    }

    @Property(tries = 2000)
    void badHeadersAreClientErrors(@ForAll("headerRequests") Request request) throws Exception {
        assertAnswerIsNoServerError(send(request));
    }

    @Property(tries = 3000)
    void badJsonBodiesAreClientErrors(@ForAll("jsonRequests") Request request) throws Exception {
        assertAnswerIsNoServerError(send(request));
    }

    @Property(tries = 2000)
    void badSoapMessagesAreClientFaults(@ForAll("soapRequests") Request request) throws Exception {
        assertAnswerIsNoServerError(send(request));
    }

    // ---- what the fuzzer found once, kept as examples -------------------------------------------

    @Example
    void aMalformedPercentEscapeIsAProblemNotAnInternalError() throws Exception {
        Answer answer = send(new Request("GET", "/api/v1/customers?name=%ZZ", List.<String[]>of(new String[] {"X-API-Key", RunningSidecar.KEY}), new byte[0]));
        assertEquals(answer.head(), 400, answer.status());
        assertTrue(answer.body(), answer.body().contains("\"code\":\"INVALID_REQUEST\"") && answer.body().contains("percent-escape"));
        assertEquals(400, send(new Request("PUT", "/api/v1/orders/0;[/lines", List.<String[]>of(new String[] {"X-API-Key", RunningSidecar.KEY}),
                new byte[0])).status());
    }

    @Example
    void aConfirmationNeedsAWellTypedBody() throws Exception {
        for (String body : List.of("", "{\"acceptCreditWarning\":1}", "{\"acceptCreditWarning\":\"\"}", "{\"acceptCreditWarning\":\"true\"}")) {
            Answer answer = send(jsonRequest("POST", "/api/v1/orders/" + draftOrder + "/confirm", body, null));
            assertEquals(body + " -> " + answer.body(), 400, answer.status());
        }
        assertEquals(400, send(jsonRequest("POST", "/api/v1/customers", "{\"name\":1}", "fuzz-number-as-name")).status());
    }

    @Example
    void soapRequestsAreCheckedAgainstTheSchema() throws Exception {
        Answer answer = send(new Request("POST", "/soap/erp", List.<String[]>of(new String[] {"X-API-Key", RunningSidecar.KEY},
                new String[] {"Content-Type", "text/xml"}), RunningSidecar.envelope("confirmOrder", "<v:orderNumber>" + draftOrder
                + "</v:orderNumber><v:acceptCreditWarning>maybe</v:acceptCreditWarning>").getBytes(StandardCharsets.UTF_8)));
        assertTrue(answer.body(), answer.body().contains(":Client</faultcode>") && answer.body().contains("INVALID_REQUEST"));
        Answer head = send(new Request("HEAD", "/soap/erp", List.of(), new byte[0]));
        assertEquals(405, head.status());
    }

    // ---- what is generated ----------------------------------------------------------------------

    /** Text a careless or hostile client might put anywhere. */
    static Arbitrary<String> fuzzText() {
        return Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(30),
                Arbitraries.strings().withChars("%0123456789abcdefABCDEFGZz/.;?#&=+-_~!$'()*,:@[]{}|\\^`\"<> ").ofMaxLength(16),
                Arbitraries.of("%ZZ", "%", "%4", "%%", "%C3%28", "%00", "%FF%FE", "%E2%82", "..", "../../etc/passwd", "%2e%2e%2f",
                        "%u0041", "' OR 1=1 --", "<script>alert(1)</script>", "${jndi:ldap://x/a}", "-1", "0", "99999999999999999999",
                        "1e309", "NaN", "null", "true", "", " ", "\t", "日本語", "Ø", "\u0000", "\uFFFF", "\uD800", "a".repeat(3000),
                        "10001/../10006", "10001%2F..%2F10006", "10001;x=1", "10001?x", "10001#x"),
                Arbitraries.integers().map(String::valueOf),
                Arbitraries.bigDecimals().map(d -> d.toPlainString()));
    }

    static final List<String> READ_TEMPLATES = List.of("/api/v1/customers/{}", "/api/v1/customers/{}/overview",
            "/api/v1/customers/{}/invoices", "/api/v1/customers/{}/orders", "/api/v1/customers/{}/projects", "/api/v1/suppliers/{}",
            "/api/v1/suppliers/{}/overview", "/api/v1/projects/{}/overview", "/api/v1/invoices/{}/document", "/api/v1/orders/{}",
            "/api/v1/orders/{}/lines", "/api/v1/orders/{}/confirm", "/api/v1/items", "/api/v1/customers", "/api/v1/parties",
            "/api/v1/ping", "/api/v1/openapi.json", "/api/v1/docs", "/api/v1/{}", "/{}", "/soap/erp", "/soap/{}", "/health",
            "/metrics", "/api/v1/customers/{}/{}");
    static final List<String> QUERY_NAMES = List.of("name", "vatNumber", "emailDomain", "phone", "limit", "offset", "status", "kind",
            "text", "wsdl", "xsd", "_method", "");

    static final List<String> FEED_SETS = List.of("Customers", "Suppliers", "Invoices", "Orders", "Projects", "CustomerOverviews",
            "Invoices/$count", "Customers('10001')", "Customers('x')", "$metadata", "", "Nothing", "Invoices(1)", "Orders/Lines");
    static final List<String> FEED_OPTIONS = List.of("$filter", "$orderby", "$top", "$skip", "$select", "$count", "$skiptoken",
            "$expand", "$search", "$format", "$apply", "$compute", "$levels", "filter");
    /** Pieces of queries a BI tool writes, to be joined with each other and with noise. */
    static final List<String> FEED_PIECES = List.of("Amount gt 5", "CustomerNumber eq '10001'", "contains(Name,'a')",
            "year(DueDate) eq 2026", "Amount desc", "Number,Name", "Status in ('OPEN','PAID')", "not Blocked", "Amount add 1 gt 2",
            "Amount div 0 eq 1", "substring(Name,99) eq ''", "length(Name) gt -1", "DueDate lt 2026-13-45", "Amount eq 'x'",
            "Name eq null", "Lines/any(l:l/Quantity gt 1)", "true", "1000000", "0", "-5", "n~0~0", "o~x~1", "n~1.2~3", "json", "xml",
            " and ", " or ", "(", ")", "'", "''", ",", "eq", "10001");

    @Provide
    Arbitrary<String> feedTargets() {
        Arbitrary<String> value = Arbitraries.oneOf(fuzzText(), Arbitraries.of(FEED_PIECES),
                Arbitraries.of(FEED_PIECES).list().ofMinSize(2).ofMaxSize(4).map(parts -> String.join(" ", parts)));
        Arbitrary<String> pair = Combinators.combine(Arbitraries.of(FEED_OPTIONS), value).as((n, v) -> n + "=" + quote(v));
        Arbitrary<String> query = pair.list().ofMinSize(0).ofMaxSize(4).map(pairs -> String.join("&", pairs));
        return Combinators.combine(Arbitraries.of(FEED_SETS), query).as((set, q) -> requestTarget("/odata/v1/" + set + (q.isEmpty() ? "" : "?" + q)));
    }

    @Provide
    Arbitrary<String> readMethods() {
        // no method with write semantics here: a bare POST to a real order's confirm could be a valid request
        return Arbitraries.of("GET", "GET", "GET", "HEAD", "DELETE", "OPTIONS", "PATCH", "TRACE", "FOO", "get");
    }

    @Provide
    Arbitrary<String> readTargets() {
        Arbitrary<String> segment = Arbitraries.oneOf(fuzzText(), Arbitraries.of(CUSTOMERS), Arbitraries.just(draftOrder));
        Arbitrary<String> path = Combinators.combine(Arbitraries.of(READ_TEMPLATES), segment, segment)
                .as((template, a, b) -> template.replaceFirst("\\{\\}", Matcher.quoteReplacement(quote(a)))
                        .replaceFirst("\\{\\}", Matcher.quoteReplacement(quote(b))));
        Arbitrary<String> pair = Combinators.combine(Arbitraries.of(QUERY_NAMES), fuzzText()).as((n, v) -> n + "=" + v);
        Arbitrary<String> query = Arbitraries.oneOf(Arbitraries.just(""), fuzzText(),
                pair.list().ofMinSize(1).ofMaxSize(4).map(pairs -> String.join("&", pairs)));
        return Combinators.combine(path, query).as((p, q) -> requestTarget(q.isEmpty() ? p : p + "?" + q));
    }

    @Provide
    Arbitrary<Request> headerRequests() {
        Arbitrary<String[]> contentType = Arbitraries.of("application/json", "application/json; charset=utf-16", "text/plain",
                "application/xml", "a/b/c", "", ";;;", "multipart/form-data; boundary=x", "application/x-www-form-urlencoded",
                "application/json; charset=nope", "text/xml; charset=\"").map(v -> new String[] {"Content-Type", v});
        Arbitrary<String[]> accept = Arbitraries.of("application/xml", "*/*", "text/html", "image/png", "garbage", "", "application/json;q=x")
                .map(v -> new String[] {"Accept", v});
        Arbitrary<String[]> apiKey = Arbitraries.oneOf(Arbitraries.just(RunningSidecar.KEY), Arbitraries.just(RunningSidecar.READ_KEY),
                fuzzText()).map(v -> new String[] {"X-API-Key", v});
        Arbitrary<String[]> idempotency = fuzzText().map(v -> new String[] {"Idempotency-Key", v});
        Arbitrary<String[]> other = Combinators.combine(Arbitraries.of("SOAPAction", "Content-Encoding", "Accept-Charset", "Accept-Encoding",
                "Range", "If-None-Match", "Expect", "Origin", "X-Forwarded-For", "Authorization", "Cookie", "Forwarded", "Host"), fuzzText())
                .as((n, v) -> new String[] {n, v});
        Arbitrary<List<String[]>> headers = Arbitraries.oneOf(contentType, accept, apiKey, idempotency, other).list().ofMinSize(1).ofMaxSize(5);
        Arbitrary<Request> writes = Combinators.combine(defectiveJsonWrites(), headers).as((r, h) -> r.withHeaders(h));
        Arbitrary<Request> reads = Combinators.combine(Arbitraries.of("/api/v1/customers/10001/overview", "/api/v1/items?text=I",
                "/api/v1/customers/10006/invoices?status=OVERDUE", "/api/v1/orders/" + draftOrder), headers)
                .as((target, h) -> new Request("GET", target, h, new byte[0]));
        Arbitrary<Request> soap = Combinators.combine(soapRequests(), headers).as((r, h) -> r.withHeaders(h));
        return Arbitraries.oneOf(writes, reads, soap);
    }

    @Provide
    Arbitrary<Request> jsonRequests() {
        // a price quote writes nothing, so any mutation may go there; the writes get defects only
        Arbitrary<Request> quotes = Combinators.combine(jsonValue(), jsonValue(), jsonValue())
                .as((customer, item, quantity) -> jsonRequest("POST", "/api/v1/price-quotes",
                        "{\"customerNumber\":" + customer + ",\"lines\":[{\"itemNumber\":" + item + ",\"quantity\":" + quantity + "}]}", null));
        // a valid party body without its Idempotency-Key is refused too (not in headerRequests: a header could add one)
        Arbitrary<Request> partyWithoutKey = Arbitraries.of("customers", "suppliers")
                .map(kind -> jsonRequest("POST", "/api/v1/" + kind, "{\"name\":\"Fuzz A/S\"}", null));
        return Arbitraries.oneOf(quotes, defectiveJsonWrites(), partyWithoutKey);
    }

    /** A JSON value of any type, or something that is not JSON at all. */
    static Arbitrary<String> jsonValue() {
        return Arbitraries.oneOf(fuzzText().map(MalformedInputFuzzTest::jsonString), Arbitraries.of("\"10001\"", "\"I-1002\"", "\"1\""),
                Arbitraries.of("1", "-1", "0", "1e309", "-0", "1.0e-400", "9".repeat(2000), "true", "null", "[]", "{}", "[[[[", "\"", "}",
                        "\"\\ud800\"", "\"\\u0000\"", "NaN", "'x'", "[" .repeat(5000), "{\"a\":".repeat(2000)));
    }

    /**
     * Writes to every write operation, each carrying at least one defect in its body that the
     * contract refuses, whatever headers come with it.
     */
    Arbitrary<Request> defectiveJsonWrites() {
        Arbitrary<String> badQuantity = Arbitraries.of("\"-1\"", "\"0\"", "\"abc\"", "\"1e999\"", "\"NaN\"", "\"\"", "\"0.0001\"", "\"1,5\"",
                "[]", "{}", "true", "\"9" + "9".repeat(40) + "\"");
        Arbitrary<String> unknownItem = fuzzText().map(t -> jsonString("NO-SUCH-" + t));
        Arbitrary<String> badLine = Arbitraries.oneOf(
                badQuantity.map(q -> "{\"itemNumber\":\"I-1002\",\"quantity\":" + q + "}"),
                unknownItem.map(i -> "{\"itemNumber\":" + i + ",\"quantity\":\"1\"}"),
                jsonValue().map(v -> "{\"itemNumber\":\"I-1002\",\"quantity\":\"1\",\"x\":" + v + "}"),
                Arbitraries.of("{}", "{\"itemNumber\":\"I-1002\"}", "{\"quantity\":\"1\"}", "null", "1", "\"I-1002\""));
        Arbitrary<String> badLines = Arbitraries.oneOf(Arbitraries.just("[]"), badLine.map(l -> "[" + l + "]"),
                badLine.map(l -> "[{\"itemNumber\":\"I-1001\",\"quantity\":\"1\"}," + l + "]"), jsonValue().filter(v -> !v.startsWith("[")));
        Arbitrary<String> orderBody = Combinators.combine(Arbitraries.of(CUSTOMERS).map(MalformedInputFuzzTest::jsonString), badLines)
                .as((c, lines) -> "{\"customerNumber\":" + c + ",\"lines\":" + lines + "}");
        Arbitrary<String> unknownCustomerOrder = fuzzText().map(t -> "{\"customerNumber\":" + jsonString("NO-SUCH-" + t)
                + ",\"lines\":[{\"itemNumber\":\"I-1002\",\"quantity\":\"1\"}]}");
        Arbitrary<String> partyBody = Arbitraries.oneOf(
                jsonValue().filter(v -> !v.startsWith("\"")).map(v -> "{\"name\":" + v + "}"),
                Arbitraries.of("{}", "{\"name\":\"\"}", "{\"name\":\"   \"}", "{\"number\":\"1\"}", "[]", "null"),
                jsonValue().map(v -> "{\"name\":\"Fuzz A/S\",\"unknown\":" + v + "}"),
                Arbitraries.just("{\"name\":\"" + "x".repeat(5000) + "\"}"));
        Arbitrary<String> broken = Combinators.combine(Arbitraries.of(
                        "{\"customerNumber\":\"10001\",\"lines\":[{\"itemNumber\":\"I-1002\",\"quantity\":\"1\"}]}", "{\"name\":\"Fuzz A/S\"}",
                        "{\"acceptCreditWarning\":true}", "{\"lines\":[{\"itemNumber\":\"I-1002\",\"quantity\":\"1\"}]}"),
                Arbitraries.integers().between(0, 10_000))
                .as((valid, cut) -> valid.substring(0, cut % (valid.length() - 1)));
        Arbitrary<String> key = fuzzText().map(t -> "fuzz-" + t.replaceAll("[\\r\\n]", "")).injectNull(0.2);
        Arbitrary<String> orderNumber = Arbitraries.oneOf(Arbitraries.just(draftOrder), fuzzText());

        Arbitrary<Request> createOrder = Combinators.combine(Arbitraries.oneOf(orderBody, unknownCustomerOrder, broken), key)
                .as((body, k) -> jsonRequest("POST", "/api/v1/orders", body, k));
        Arbitrary<Request> createParty = Combinators.combine(Arbitraries.of("customers", "suppliers"),
                        Arbitraries.oneOf(partyBody, broken), key)
                .as((kind, body, k) -> jsonRequest("POST", "/api/v1/" + kind, body, k));
        // a number the ERP already gives a party of the same kind (customers and suppliers are numbered apart)
        Arbitrary<Request> takenNumber = Combinators.combine(Arbitraries.of("customers:10001", "customers:10006", "suppliers:70001"), key)
                .as((taken, k) -> jsonRequest("POST", "/api/v1/" + taken.split(":")[0],
                        "{\"name\":\"Fuzz A/S\",\"number\":\"" + taken.split(":")[1] + "\"}", k));
        Arbitrary<Request> replaceLines = Combinators.combine(orderNumber, Arbitraries.oneOf(badLines.map(l -> "{\"lines\":" + l + "}"), broken))
                .as((o, body) -> jsonRequest("PUT", "/api/v1/orders/" + quote(o) + "/lines", body, null));
        Arbitrary<Request> confirm = Combinators.combine(orderNumber, Arbitraries.oneOf(broken,
                        jsonValue().filter(v -> !v.equals("true") && !v.equals("null")).map(v -> "{\"acceptCreditWarning\":" + v + "}"),
                        jsonValue().map(v -> "{\"acceptCreditWarning\":false,\"x\":" + v + "}")))
                .as((o, body) -> jsonRequest("POST", "/api/v1/orders/" + quote(o) + "/confirm", body, null));
        return Arbitraries.oneOf(createOrder, createParty, takenNumber, replaceLines, confirm);
    }

    @Provide
    Arbitrary<Request> soapRequests() {
        Arbitrary<String> text = fuzzText();
        Arbitrary<String> escaped = text.map(MalformedInputFuzzTest::xmlText);
        Arbitrary<String> reads = Combinators.combine(Arbitraries.of("getCustomer:customerNumber", "getCustomerOverview:customerNumber",
                        "getSupplier:supplierNumber", "getSupplierOverview:supplierNumber", "listInvoices:customerNumber",
                        "listOrders:customerNumber", "listProjects:customerNumber", "getProjectOverview:projectNumber",
                        "getInvoiceDocument:invoiceNumber", "getOrder:orderNumber", "searchItems:text", "searchCustomers:name",
                        "listParties:kind", "listInvoices:status", "listParties:limit", "searchItems:limit", "ping:x"),
                        Arbitraries.oneOf(escaped, text))
                .as((op, value) -> {
                    String[] parts = op.split(":");
                    return RunningSidecar.envelope(parts[0], "<v:" + parts[1] + ">" + value + "</v:" + parts[1] + ">");
                });
        Arbitrary<String> badQuantity = Arbitraries.of("-1", "0", "abc", "1e999", "NaN", "", "0.0001", "1,5", "9".repeat(60), "INF");
        Arbitrary<String> writes = Arbitraries.oneOf(
                Combinators.combine(escaped, badQuantity).as((key, q) -> RunningSidecar.envelope("createOrder",
                        "<v:idempotencyKey>" + key + "</v:idempotencyKey><v:customerNumber>10001</v:customerNumber>"
                                + "<v:lines><v:itemNumber>I-1002</v:itemNumber><v:quantity>" + q + "</v:quantity></v:lines>")),
                escaped.map(item -> RunningSidecar.envelope("createOrder", "<v:idempotencyKey>fuzz</v:idempotencyKey>"
                        + "<v:customerNumber>10001</v:customerNumber><v:lines><v:itemNumber>NO-SUCH-" + item
                        + "</v:itemNumber><v:quantity>1</v:quantity></v:lines>")),
                escaped.map(kind -> RunningSidecar.envelope("createParty", "<v:idempotencyKey>fuzz</v:idempotencyKey><v:kind>X" + kind
                        + "</v:kind><v:name>Fuzz A/S</v:name>")),
                Arbitraries.of("", " ", "\t").map(name -> RunningSidecar.envelope("createParty",
                        "<v:idempotencyKey>fuzz</v:idempotencyKey><v:kind>CUSTOMER</v:kind><v:name>" + name + "</v:name>")),
                badQuantity.map(q -> RunningSidecar.envelope("replaceOrderLines", "<v:orderNumber>" + draftOrder
                        + "</v:orderNumber><v:lines><v:itemNumber>I-1002</v:itemNumber><v:quantity>" + q + "</v:quantity></v:lines>")),
                escaped.map(b -> RunningSidecar.envelope("confirmOrder", "<v:orderNumber>" + draftOrder
                        + "</v:orderNumber><v:acceptCreditWarning>x" + b + "</v:acceptCreditWarning>")));
        Arbitrary<String> malformed = Arbitraries.oneOf(
                Combinators.combine(Arbitraries.oneOf(reads, writes), Arbitraries.integers().between(0, 100_000))
                        .as((xml, cut) -> xml.substring(0, cut % (xml.length() - 1))),
                Arbitraries.of("<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>" + RunningSidecar.envelope("getCustomer",
                                "<v:customerNumber>&e;</v:customerNumber>"),
                        "<!DOCTYPE x [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]><x>&b;</x>",
                        "<soap:Envelope xmlns:soap=\"urn:wrong\"><soap:Body/></soap:Envelope>",
                        "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body/></soap:Envelope>",
                        "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body><v:nope xmlns:v=\"http://erpinsight.org/sidecar/v1\"/></soap:Body></soap:Envelope>",
                        "not xml at all", "", "<a>" .repeat(3000), "\uFEFF<?xml version=\"1.0\" encoding=\"UTF-16\"?><x/>"),
                text);
        Arbitrary<String> contentType = Arbitraries.of("text/xml; charset=UTF-8", "text/xml; charset=UTF-8", "application/soap+xml",
                "application/json", "text/xml; charset=nope", "");
        return Combinators.combine(Arbitraries.oneOf(reads, writes, malformed), contentType)
                .as((body, type) -> new Request("POST", "/soap/erp", type.isEmpty() ? List.<String[]>of(new String[] {"X-API-Key", RunningSidecar.KEY})
                        : List.<String[]>of(new String[] {"X-API-Key", RunningSidecar.KEY}, new String[] {"Content-Type", type}),
                        body.getBytes(StandardCharsets.UTF_8)));
    }

    // ---- building requests ----------------------------------------------------------------------

    record Request(String method, String target, List<String[]> headers, byte[] body) {
        Request withHeaders(List<String[]> more) {
            List<String[]> all = new ArrayList<>(headers);
            all.removeIf(h -> more.stream().anyMatch(m -> m[0].equalsIgnoreCase(h[0])));
            all.addAll(more);
            return new Request(method, target, all, body);
        }

        @Override
        public String toString() {
            StringBuilder s = new StringBuilder(method).append(' ').append(target);
            headers.forEach(h -> s.append(" | ").append(h[0]).append(": ").append(h[1]));
            String text = new String(body, StandardCharsets.UTF_8);
            return s.append(" | body: ").append(text.length() > 300 ? text.substring(0, 300) + "..." : text).toString();
        }
    }

    static Request jsonRequest(String method, String target, String body, String idempotencyKey) {
        List<String[]> headers = new ArrayList<>();
        headers.add(new String[] {"X-API-Key", RunningSidecar.KEY});
        headers.add(new String[] {"Content-Type", "application/json"});
        if (idempotencyKey != null) {
            headers.add(new String[] {"Idempotency-Key", idempotencyKey});
        }
        return new Request(method, target, headers, body.getBytes(StandardCharsets.UTF_8));
    }

    /** Percent-encodes what would break the request line; leaves % alone, so malformed escapes reach the server. */
    static String quote(String segment) {
        StringBuilder out = new StringBuilder();
        for (byte b : segment.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c <= 0x20 || c >= 0x7f || c == '/' || c == '?' || c == '#') {
                out.append('%').append(String.format("%02X", c));
            } else {
                out.append((char) c);
            }
        }
        return out.toString();
    }

    /** A request target on one line: HTTP's framing is not what is under test. */
    static String requestTarget(String raw) {
        StringBuilder out = new StringBuilder();
        for (byte b : raw.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            out.append(c <= 0x20 || c >= 0x7f ? String.format("%%%02X", c) : String.valueOf((char) c));
        }
        return out.toString();
    }

    static String jsonString(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> out.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return out.append('"').toString();
    }

    static String xmlText(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    // ---- sending and judging --------------------------------------------------------------------

    record Answer(Request request, int status, String head, String body) {
    }

    static Answer send(Request request) throws IOException {
        SENT.incrementAndGet();
        URI base = SIDECAR.uri("/");
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(15_000);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.writeBytes((request.method() + " " + request.target() + " HTTP/1.1\r\nHost: " + base.getHost() + ":" + base.getPort()
                    + "\r\nConnection: close\r\nContent-Length: " + request.body().length + "\r\n").getBytes(StandardCharsets.UTF_8));
            for (String[] header : request.headers()) {
                if (!header[0].equalsIgnoreCase("Host")) {
                    // header values on one line, as framing is not under test
                    out.writeBytes((header[0] + ": " + header[1].replaceAll("[\\r\\n]", " ") + "\r\n").getBytes(StandardCharsets.UTF_8));
                }
            }
            out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
            out.writeBytes(request.body());
            OutputStream stream = socket.getOutputStream();
            stream.write(out.toByteArray());
            stream.flush();
            InputStream in = socket.getInputStream();
            byte[] all;
            try {
                all = in.readAllBytes();
            } catch (SocketTimeoutException e) {
                throw new AssertionError("no answer within 15 s to " + request);
            } catch (java.net.SocketException e) {
                // the server may close early on a request it refused before reading the body
                all = new byte[0];
            }
            int split = indexOf(all, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            String head = new String(all, 0, split < 0 ? all.length : split, StandardCharsets.ISO_8859_1);
            Matcher charset = Pattern.compile("(?im)^Content-Type:.*charset=\"?([\\w-]+)").matcher(head);
            String body = split < 0 ? "" : new String(all, split + 4, all.length - split - 4,
                    charset.find() ? java.nio.charset.Charset.forName(charset.group(1)) : StandardCharsets.UTF_8);
            int status = head.startsWith("HTTP/1.1 ") && head.length() >= 12 ? Integer.parseInt(head.substring(9, 12)) : -1;
            return new Answer(request, status, head, body);
        }
    }

    private static int indexOf(byte[] data, byte[] part) {
        outer:
        for (int i = 0; i + part.length <= data.length; i++) {
            for (int j = 0; j < part.length; j++) {
                if (data[i + j] != part[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static final Pattern SOAP_WRITE = Pattern.compile("<v:(createOrder|createParty|replaceOrderLines|confirmOrder)\\b");

    /** Every write the generators make is defective; one that succeeds shows which defect the service let through. */
    private static boolean isWrite(Request request) {
        if (request.target().startsWith("/soap/")) {
            return SOAP_WRITE.matcher(new String(request.body(), StandardCharsets.UTF_8)).find();
        }
        return (request.method().equals("POST") || request.method().equals("PUT")) && !request.target().contains("price-quotes");
    }

    static void assertAnswerIsNoServerError(Answer answer) {
        String context = "\nrequest: " + answer.request() + "\nanswer: " + answer.head() + "\n" + answer.body();
        assertTrue("an HTTP answer" + context, answer.status() >= 100);
        assertTrue("a defective write was refused" + context, !(isWrite(answer.request()) && answer.status() / 100 == 2));
        assertTrue("no stack trace" + context, !STACK_TRACE.matcher(answer.head() + answer.body()).find());
        if (answer.status() < 500) {
            return;
        }
        boolean soapFault = answer.request().target().startsWith("/soap/") && answer.body().contains("Fault>");
        assertTrue("a 5xx is only a SOAP 1.1 fault" + context, answer.status() == 500 && soapFault);
        // VersionMismatch is SOAP 1.1's own code for an envelope of another version: the client's error too
        assertTrue("the SOAP fault blames the client" + context, answer.body().contains(":Client</faultcode>")
                || answer.body().contains(":VersionMismatch</faultcode>"));
        assertTrue("no internal error code" + context, !answer.body().contains("INTERNAL_ERROR"));
    }
}
