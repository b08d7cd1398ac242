package org.erpinsight.crm.gateway;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.lang.annotation.Annotation;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

import org.erpinsight.crm.api.CustomerOverview;
import org.erpinsight.crm.api.ErpErrorCode;
import org.erpinsight.crm.api.ErpGatewayException;
import org.erpinsight.crm.api.ErpReading;
import org.erpinsight.crm.api.Party;
import org.erpinsight.crm.api.status.SidecarStatus;
import org.erpinsight.crm.api.transport.SidecarTransport;
import org.junit.After;
import org.junit.Test;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The gateway under many readers, over real HTTP, against a stand-in for the sidecar (the JDK's
 * HTTP server: it counts every call exactly and answers 429 on demand, which a real sidecar does
 * only by timing; BusySidecarPagesTest in integration-tests does the same with the real one).
 */
public class BusySidecarTest {
    private static final String OVERVIEW = "{\"customerNumber\":\"10001\",\"name\":\"Andersen Byg A/S\",\"currency\":\"DKK\","
            + "\"balance\":\"1250.00\",\"overdueAmount\":\"0.00\",\"openInvoiceCount\":1,\"overdueInvoiceCount\":0,"
            + "\"creditLimit\":null,\"creditUsed\":\"1250.00\",\"revenueThisYear\":\"1000.00\",\"revenueLastYear\":\"0.00\","
            + "\"revenueByMonth\":[],\"revenueByYear\":[],\"blocked\":false,\"asOf\":\"2026-12-04T10:00:00Z\"}";
    private static final String PARTY = "{\"number\":\"10001\",\"kind\":\"CUSTOMER\",\"name\":\"Andersen Byg A/S\"}";

    private final List<AutoCloseable> open = new ArrayList<>();
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    /** What the stand-in answers to the n-th call (from 1) of a path: a status, or 0 for the body. */
    private volatile IntFunction<Integer> statusOfCall = n -> 200;
    private volatile long answerDelayMillis;

    @After
    public void close() throws Exception {
        for (AutoCloseable c : open) {
            c.close();
        }
    }

    private String sidecar() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 200);
        ExecutorService threads = Executors.newFixedThreadPool(64);
        server.setExecutor(threads);
        server.createContext("/api/v1/", this::answer);
        server.start();
        open.add(() -> {
            server.stop(0);
            threads.shutdownNow();
        });
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void answer(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        int n = calls.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
        try {
            Thread.sleep(answerDelayMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        int status = statusOfCall.apply(n);
        byte[] body;
        if (status == 429) {
            exchange.getResponseHeaders().add("Retry-After", "1");
            exchange.getResponseHeaders().add("Content-Type", "application/problem+json");
            body = "{\"status\":429,\"code\":\"RATE_LIMITED\",\"detail\":\"Too many requests for this API key; retry in 1 s\"}"
                    .getBytes(StandardCharsets.UTF_8);
        } else {
            status = 200;
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            body = (path.endsWith("/overview") ? OVERVIEW : PARTY).getBytes(StandardCharsets.UTF_8);
        }
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    private int callsTo(String path) {
        AtomicInteger n = calls.get(path);
        return n == null ? 0 : n.get();
    }

    private static SidecarConfiguration config(String url, int places, int readTimeoutMillis) {
        return new SidecarConfiguration() {
            @Override public Class<? extends Annotation> annotationType() { return SidecarConfiguration.class; }
            @Override public String source() { return "default"; }
            @Override public String url() { return url; }
            @Override public String transport() { return SidecarTransport.REST; }
            @Override public String _apiKey() { return "secret-0123456789"; }
            @Override public int connectTimeoutMillis() { return 500; }
            @Override public int readTimeoutMillis() { return readTimeoutMillis; }
            @Override public int maxConcurrentCalls() { return places; }
            @Override public int maxBackgroundCalls() { return 1; }
            @Override public String _backgroundApiKey() { return ""; }
            @Override public int breakerFailures() { return 3; }
            @Override public int breakerOpenSeconds() { return 30; }
        };
    }

    private static GatewayConfiguration freshFor(int seconds) {
        return new GatewayConfiguration() {
            @Override public Class<? extends Annotation> annotationType() { return GatewayConfiguration.class; }
            @Override public int freshSeconds() { return seconds; }
            @Override public int renewSeconds() { return 15; }
            @Override public int keepLastKnownHours() { return 24; }
        };
    }

    private SidecarConnection connection(String url, int places, int readTimeoutMillis) {
        SidecarConnection connection = new SidecarConnection(config(url, places, readTimeoutMillis));
        connection.addTransport(new RestTransport(), Map.of(SidecarTransport.PROPERTY, SidecarTransport.REST));
        open.add(connection::deactivate);
        return connection;
    }

    private SidecarGateway gateway(SidecarConnection connection, int freshSeconds) {
        SidecarGateway gateway = new SidecarGateway(freshFor(freshSeconds));
        gateway.addConnection(connection);
        return gateway;
    }

    /** Runs {@code readers} reads at the same moment and returns what each got (a value or the exception). */
    private static <T> List<Object> atOnce(int readers, java.util.concurrent.Callable<T> read) throws Exception {
        ExecutorService users = Executors.newFixedThreadPool(readers);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Object>> answers = new ArrayList<>();
            for (int i = 0; i < readers; i++) {
                answers.add(users.submit(() -> {
                    go.await();
                    try {
                        return read.call();
                    } catch (ErpGatewayException e) {
                        return e;
                    }
                }));
            }
            go.countDown();
            List<Object> results = new ArrayList<>();
            for (Future<Object> answer : answers) {
                results.add(answer.get(30, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            users.shutdownNow();
        }
    }

    @Test
    public void fiftyIdenticalConcurrentReadsCostOneSidecarCall() throws Exception {
        answerDelayMillis = 300; // long enough for every reader to arrive while the first call is out
        SidecarConnection connection = connection(sidecar(), 8, 5000);
        SidecarGateway gateway = gateway(connection, 15);

        List<Object> overviews = atOnce(50, () -> gateway.readCustomerOverview("default", "10001"));
        List<Object> parties = atOnce(50, () -> gateway.customer("default", "10001"));

        for (Object o : overviews) {
            assertTrue(String.valueOf(o), o instanceof ErpReading<?> r && !r.stale()
                    && ((CustomerOverview) r.value()).balance().toPlainString().equals("1250.00"));
        }
        for (Object o : parties) {
            assertTrue(String.valueOf(o), o instanceof java.util.Optional<?> p && ((Party) p.orElseThrow()).name().equals("Andersen Byg A/S"));
        }
        assertEquals("fifty readers of one overview: one call", 1, callsTo("/api/v1/customers/10001/overview"));
        assertEquals("fifty readers of one customer: one call", 1, callsTo("/api/v1/customers/10001"));
        assertEquals(98, connection.status().sharedReads());
        // another customer is other figures: a call of its own
        gateway.customer("default", "10002");
        assertEquals(1, callsTo("/api/v1/customers/10002"));
    }

    @Test
    public void aStormOf429sNeverOpensTheBreakerAndPagesGetTheLastFiguresMarkedBusy() throws Exception {
        SidecarConnection connection = connection(sidecar(), 8, 400); // deadline 900 ms: the 1 s Retry-After never fits
        SidecarGateway gateway = gateway(connection, 0); // every view asks the sidecar
        ErpReading<CustomerOverview> first = gateway.readCustomerOverview("default", "10001");
        assertFalse(first.stale());

        statusOfCall = n -> 429; // from now on the sidecar refuses everything as over its rate limit
        List<Object> views = new ArrayList<>();
        for (int round = 0; round < 4; round++) {
            views.addAll(atOnce(50, () -> gateway.readCustomerOverview("default", "10001")));
            views.addAll(atOnce(20, () -> gateway.customer("default", "10042")));
        }

        for (Object v : views) {
            if (v instanceof ErpReading<?> r) {
                assertTrue("the last figures, marked stale", r.stale());
                assertTrue("busy, not unreachable: " + r.problem(), r.busy());
                assertEquals(ErpErrorCode.SIDECAR_BUSY, r.problemCode());
                assertEquals(first.readAt(), r.readAt());
            } else {
                ErpGatewayException e = (ErpGatewayException) v;
                assertEquals(e.getMessage(), ErpErrorCode.SIDECAR_BUSY, e.code());
                assertFalse(e.getMessage(), e.getMessage().contains("failed repeatedly"));
            }
        }
        assertTrue("the sidecar was asked again and said 429", callsTo("/api/v1/customers/10001/overview") > 1);
        SidecarStatus status = connection.status();
        assertEquals("busy is not down: the breaker never opened", 0, status.breakerOpenings());
        assertNotEquals(SidecarStatus.State.PAUSED, status.state());
        assertEquals("no failure counted", 0, status.failedCalls());
        assertTrue(status.busyCalls() > 0);

        // the moment the sidecar has room again, figures are live: no pause to sit out
        statusOfCall = n -> 200;
        Thread.sleep(1100); // its Retry-After
        ErpReading<CustomerOverview> back = gateway.readCustomerOverview("default", "10001");
        assertFalse(back.stale());
    }

    @Test
    public void aRetryAfterThatFitsTheDeadlineIsWaitedAndTheCallAnswered() throws Exception {
        statusOfCall = n -> n == 1 ? 429 : 200; // busy once, then room
        SidecarConnection connection = connection(sidecar(), 8, 3000);
        SidecarGateway gateway = gateway(connection, 0);

        long start = System.nanoTime();
        ErpReading<CustomerOverview> reading = gateway.readCustomerOverview("default", "10001");
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertFalse(reading.stale());
        assertEquals(2, callsTo("/api/v1/customers/10001/overview"));
        assertTrue("waited the sidecar's Retry-After of 1 s: " + millis + " ms", millis >= 1000);
        assertEquals(0, connection.status().busyCalls());
    }

    @Test
    public void aPageWithLastFiguresShowsThemAtOnceRatherThanWaitOutTheRetryAfter() throws Exception {
        SidecarConnection connection = connection(sidecar(), 8, 3000); // deadline 3.5 s: a 1 s Retry-After would fit
        SidecarGateway gateway = gateway(connection, 0);
        gateway.readCustomerOverview("default", "10001");
        statusOfCall = n -> 429;

        long start = System.nanoTime();
        ErpReading<CustomerOverview> reading = gateway.readCustomerOverview("default", "10001");
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertTrue(reading.busy());
        assertTrue("no wait for the Retry-After: " + millis + " ms", millis < 900);
    }

    @Test
    public void aRetryAfterLongerThanTheDeadlineFailsBusyAtOnceAndLaterCallsDoNotKnock() throws Exception {
        statusOfCall = n -> 429;
        SidecarConnection connection = connection(sidecar(), 8, 300); // deadline 800 ms: a 1 s Retry-After does not fit
        SidecarGateway gateway = gateway(connection, 0);

        ErpGatewayException busy = assertThrows(ErpGatewayException.class, () -> gateway.customer("default", "10001"));
        assertEquals(ErpErrorCode.SIDECAR_BUSY, busy.code());
        ErpGatewayException again = assertThrows(ErpGatewayException.class, () -> gateway.customer("default", "10001"));
        assertEquals(ErpErrorCode.SIDECAR_BUSY, again.code());
        assertEquals("within its Retry-After the sidecar is not asked again", 1, callsTo("/api/v1/customers/10001"));
    }

    @Test
    public void callsBeyondThePlacesInFlightWaitInLineRatherThanFail() throws Exception {
        answerDelayMillis = 100;
        SidecarConnection connection = connection(sidecar(), 2, 5000); // two places, forty different reads
        SidecarGateway gateway = gateway(connection, 15);
        AtomicInteger n = new AtomicInteger();

        List<Object> answers = atOnce(40, () -> gateway.customer("default", "c" + n.incrementAndGet()));

        for (Object a : answers) {
            assertTrue(String.valueOf(a), a instanceof java.util.Optional<?>);
        }
        assertEquals(40, calls.values().stream().mapToInt(AtomicInteger::get).sum());
        assertEquals(0, connection.status().busyCalls());
        assertEquals(0, connection.status().callsInFlight());
    }
}
