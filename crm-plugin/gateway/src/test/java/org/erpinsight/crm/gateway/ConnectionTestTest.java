package org.erpinsight.crm.gateway;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.erpinsight.crm.api.ErpErrorCode;
import org.erpinsight.crm.api.ErpGatewayException;
import org.erpinsight.crm.api.status.ConnectionCheck;
import org.erpinsight.crm.api.status.ConnectionCheck.Outcome;
import org.erpinsight.crm.api.transport.SidecarEndpoint;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;

import com.sun.net.httpserver.HttpServer;

/**
 * The connection test's words for what goes wrong. The answers of a misconfigured or broken sidecar
 * (a web server that is not one, an ERP that is down, an unknown key, a key without scopes, a
 * sidecar that hangs) come from a small JDK HTTP server standing in for it: a real sidecar cannot
 * be made to give all of them. The real sidecar's answers are tested end to end (ConnectionTestsEndToEnd).
 */
public class ConnectionTestTest {
    private HttpServer server;
    private final Map<String, String[]> answers = new ConcurrentHashMap<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(500)).build();

    @Before
    public void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String[] answer = answers.getOrDefault(exchange.getRequestURI().getPath(), new String[] {"404", "<html>Not found</html>"});
            if (answer[0].equals("hang")) {
                try {
                    Thread.sleep(3000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                answer = new String[] {"200", "{}"};
            }
            byte[] body = answer[1].getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(Integer.parseInt(answer[0]), body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
    }

    @After
    public void stop() {
        server.stop(0);
    }

    private ConnectionCheck check(String url, String key) {
        SidecarEndpoint endpoint = new SidecarEndpoint("erp", URI.create(url), key, Duration.ofMillis(500), Duration.ofMillis(1000));
        return new ConnectionTest(endpoint, http, "rest", () -> 3L).run();
    }

    private String local() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private static ConnectionCheck.Step step(ConnectionCheck check, String name) {
        return check.steps().stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no step " + name + " in " + check));
    }

    @Test
    public void aHealthySidecarWithAFullKeyPassesEveryStep() {
        answers.put("/health", new String[] {"200", "{\"status\":\"UP\",\"erp\":\"UP\"}"});
        answers.put("/api/v1/ping", new String[] {"200", "{\"status\":\"ok\",\"key\":\"crm\",\"scopes\":[\"read\",\"orders\",\"admin\"]}"});
        ConnectionCheck check = check(local(), "secret-0123456789");
        assertTrue(check.toString(), check.ok());
        assertEquals(List.of("Address", "ERP", "API key", "Scopes", "Transport"), check.steps().stream().map(ConnectionCheck.Step::name).toList());
        assertTrue(check.steps().stream().allMatch(s -> s.outcome() == Outcome.OK));
        assertTrue(step(check, "API key").message().contains("'crm'"));
    }

    @Test
    public void nothingListeningIsConnectionRefused() {
        int port = server.getAddress().getPort();
        server.stop(0);
        ConnectionCheck check = check("http://127.0.0.1:" + port, "secret-0123456789");
        assertFalse(check.ok());
        assertEquals(1, check.steps().size());
        assertTrue(check.toString(), step(check, "Address").message().contains("connection refused"));
    }

    @Test
    public void anUnknownHostIsNamed() {
        ConnectionCheck check = check("http://no-such-host.invalid:8280", "secret-0123456789");
        assertTrue(check.toString(), step(check, "Address").message().contains("'no-such-host.invalid' is unknown"));
    }

    @Test
    public void aWebServerThatIsNotASidecarIsToldApart() {
        ConnectionCheck check = check(local(), "secret-0123456789");
        assertEquals(Outcome.FAILED, step(check, "Address").outcome());
        assertTrue(check.toString(), step(check, "Address").message().contains("not as an ERP sidecar does"));
    }

    @Test
    public void aSidecarWhoseErpIsDownSaysSo() {
        answers.put("/health", new String[] {"503", "{\"status\":\"DOWN\",\"erp\":\"DOWN\"}"});
        answers.put("/api/v1/ping", new String[] {"200", "{\"status\":\"ok\",\"key\":\"crm\",\"scopes\":[\"read\",\"orders\",\"admin\"]}"});
        ConnectionCheck check = check(local(), "secret-0123456789");
        assertFalse(check.ok());
        assertEquals(Outcome.OK, step(check, "Address").outcome());
        assertTrue(step(check, "ERP").message().contains("reports its ERP as DOWN"));
    }

    @Test
    public void anUnknownKeyAndAMissingKeyAreRefusedInWords() {
        answers.put("/health", new String[] {"200", "{\"status\":\"UP\",\"erp\":\"UP\"}"});
        answers.put("/api/v1/ping", new String[] {"401", "{\"code\":\"UNAUTHENTICATED\"}"});
        ConnectionCheck unknown = check(local(), "wrong-0123456789");
        assertTrue(unknown.toString(), step(unknown, "API key").message().contains("does not accept this API key"));
        assertFalse(unknown.steps().stream().anyMatch(s -> s.name().equals("Transport")));
        ConnectionCheck missing = check(local(), "");
        assertTrue(step(missing, "API key").message().contains("No API key is configured"));
    }

    @Test
    public void aReadOnlyKeyIsAWarningThatNamesWhatUsersCannotDo() {
        answers.put("/health", new String[] {"200", "{\"status\":\"UP\",\"erp\":\"UP\"}"});
        answers.put("/api/v1/ping", new String[] {"200", "{\"status\":\"ok\",\"key\":\"crm\",\"scopes\":[\"read\"]}"});
        ConnectionCheck check = check(local(), "secret-0123456789");
        assertTrue("warnings do not fail the test", check.ok());
        ConnectionCheck.Step scopes = step(check, "Scopes");
        assertEquals(Outcome.WARNING, scopes.outcome());
        assertTrue(scopes.message(), scopes.message().contains("cannot enter or confirm orders") && scopes.message().contains("cannot create customers"));
    }

    @Test
    public void aKeyWithoutReadIsRefused() {
        answers.put("/health", new String[] {"200", "{\"status\":\"UP\",\"erp\":\"UP\"}"});
        answers.put("/api/v1/ping", new String[] {"403", "{\"code\":\"FORBIDDEN\"}"});
        assertTrue(step(check(local(), "secret-0123456789"), "API key").message().contains("lacks the 'read' scope"));
    }

    @Test
    public void aHangingSidecarIsNamedAfterTheReadTimeout() {
        answers.put("/health", new String[] {"hang", ""});
        long start = System.nanoTime();
        ConnectionCheck check = check(local(), "secret-0123456789");
        assertTrue(check.toString(), step(check, "Address").message().contains("did not answer within 1000 ms"));
        assertTrue("bounded by the read timeout", System.nanoTime() - start < 2_500_000_000L);
    }

    @Test
    public void aTransportThatFailsIsTheLastStep() {
        answers.put("/health", new String[] {"200", "{\"status\":\"UP\",\"erp\":\"UP\"}"});
        answers.put("/api/v1/ping", new String[] {"200", "{\"status\":\"ok\",\"key\":\"crm\",\"scopes\":[\"read\",\"orders\",\"admin\"]}"});
        SidecarEndpoint endpoint = new SidecarEndpoint("erp", URI.create(local()), "k-0123456789abcdef", Duration.ofMillis(500), Duration.ofMillis(1000));
        ConnectionCheck check = new ConnectionTest(endpoint, http, "soap", () -> {
            throw new ErpGatewayException(ErpErrorCode.TRANSPORT_MISSING, "no bundle provides soap");
        }).run();
        assertFalse(check.ok());
        assertTrue(step(check, "Transport").message().contains("no bundle provides soap"));
    }
}
