package org.erpinsight.crm.gateway;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;

import javax.net.ssl.SSLException;

import org.erpinsight.crm.api.ErpGatewayException;
import org.erpinsight.crm.api.status.ConnectionCheck;
import org.erpinsight.crm.api.status.ConnectionCheck.Outcome;
import org.erpinsight.crm.api.status.ConnectionCheck.Step;
import org.erpinsight.crm.api.transport.SidecarEndpoint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The admin's "Test connection": the sidecar's address ({@code /health}), the ERP behind it, the API
 * key and its scopes ({@code /api/v1/ping}, which names the key and what it may do), and last the
 * configured transport. Each step says in words what it saw and, when something is wrong, what to
 * do. Later steps that need an earlier one are not run once it failed.
 */
final class ConnectionTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SidecarEndpoint endpoint;
    private final String transport;
    private final Supplier<Long> pingOverTransport;
    private final HttpClient http;

    /**
     * @param http a client with the endpoint's connect timeout, kept by the connection (a client per
     *        test would leave a selector thread behind each time until it is collected)
     * @param pingOverTransport pings over the configured transport and returns the milliseconds it
     *        took, or throws the gateway's exception
     */
    ConnectionTest(SidecarEndpoint endpoint, HttpClient http, String transport, Supplier<Long> pingOverTransport) {
        this.endpoint = endpoint;
        this.transport = transport;
        this.pingOverTransport = pingOverTransport;
        this.http = http;
    }

    ConnectionCheck run() {
        List<Step> steps = new ArrayList<>();
        HttpResponse<String> health;
        try {
            long start = System.nanoTime();
            health = get("/health", null);
            long millis = (System.nanoTime() - start) / 1_000_000;
            JsonNode body = parse(health.body());
            if (health.statusCode() >= 400 && health.statusCode() != 503 || body == null || !body.has("erp")) {
                steps.add(new Step("Address", Outcome.FAILED, endpoint.url() + " answered HTTP " + health.statusCode()
                        + " at /health, but not as an ERP sidecar does: is the URL the sidecar's (scheme, host and port only)?"));
                return done(steps);
            }
            steps.add(new Step("Address", Outcome.OK, "The sidecar answers at " + endpoint.url() + " (" + millis + " ms)."));
            String erp = body.path("erp").asText();
            if ("UP".equals(erp)) {
                steps.add(new Step("ERP", Outcome.OK, "The sidecar reaches its ERP."));
            } else {
                steps.add(new Step("ERP", Outcome.FAILED, "The sidecar answers, but reports its ERP as " + erp
                        + ": the ERP, or the sidecar's connection to it, is down. The sidecar's log says why."));
            }
        } catch (IOException e) {
            steps.add(new Step("Address", Outcome.FAILED, unreachable(e)));
            return done(steps);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            steps.add(new Step("Address", Outcome.FAILED, "Interrupted"));
            return done(steps);
        }

        if (endpoint.apiKey() == null || endpoint.apiKey().isBlank()) {
            steps.add(new Step("API key", Outcome.FAILED, "No API key is configured: enter the key IT issued for this CRM."));
            return done(steps);
        }
        try {
            HttpResponse<String> pong = get("/api/v1/ping", endpoint.apiKey());
            switch (pong.statusCode()) {
                case 200 -> {
                    JsonNode body = parse(pong.body());
                    String key = body == null ? "" : body.path("key").asText("");
                    steps.add(new Step("API key", Outcome.OK, "The sidecar accepts the key" + (key.isEmpty() ? "" : " (named '" + key + "' there)") + "."));
                    steps.add(scopes(body));
                }
                case 401 -> {
                    steps.add(new Step("API key", Outcome.FAILED, "The sidecar does not accept this API key. Compare it with the key"
                            + " IT issued for this CRM (the sidecar's ERP_SIDECAR_API_KEYS)."));
                    return done(steps);
                }
                case 403 -> {
                    steps.add(new Step("API key", Outcome.FAILED, "The sidecar knows this key, but it lacks the 'read' scope that"
                            + " every tab needs: ask IT to grant read."));
                    return done(steps);
                }
                case 429 -> steps.add(new Step("API key", Outcome.WARNING, "The sidecar's rate limit refused the test just now;"
                        + " try again in a second. If pages see this too, ask IT to raise the limit."));
                default -> {
                    steps.add(new Step("API key", Outcome.FAILED, "The sidecar answered HTTP " + pong.statusCode() + " to ping: "
                            + abbreviate(pong.body())));
                    return done(steps);
                }
            }
        } catch (IOException e) {
            steps.add(new Step("API key", Outcome.FAILED, unreachable(e)));
            return done(steps);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            steps.add(new Step("API key", Outcome.FAILED, "Interrupted"));
            return done(steps);
        }

        try {
            long millis = pingOverTransport.get();
            steps.add(new Step("Transport", Outcome.OK, transport.toUpperCase(Locale.ROOT) + " answers (ping in " + millis + " ms)."));
        } catch (ErpGatewayException e) {
            steps.add(new Step("Transport", Outcome.FAILED, transport.toUpperCase(Locale.ROOT) + ": " + e.getMessage()));
        } catch (UnsupportedOperationException e) {
            steps.add(new Step("Transport", Outcome.WARNING, "The installed " + transport + " transport cannot be tested (it predates"
                    + " ping); the checks above passed."));
        }
        return done(steps);
    }

    private static Step scopes(JsonNode pong) {
        Set<String> scopes = new java.util.LinkedHashSet<>();
        if (pong != null) {
            pong.path("scopes").forEach(s -> scopes.add(s.asText()));
        }
        if (pong == null || !pong.has("scopes")) {
            return new Step("Scopes", Outcome.WARNING, "This sidecar does not say what the key may do (an older version); the tabs"
                    + " will tell when an action is refused.");
        }
        List<String> missing = new ArrayList<>();
        if (!scopes.contains("orders")) {
            missing.add("'orders' (users cannot enter or confirm orders)");
        }
        if (!scopes.contains("admin")) {
            missing.add("'admin' (users cannot create customers or suppliers in the ERP)");
        }
        if (missing.isEmpty()) {
            return new Step("Scopes", Outcome.OK, "The key may read, enter orders and create parties (" + String.join(", ", scopes) + ").");
        }
        return new Step("Scopes", Outcome.WARNING, "The key may " + String.join(", ", scopes) + "; it lacks " + String.join(" and ", missing)
                + ". Ask IT for these scopes if your users need them.");
    }

    private String unreachable(IOException e) {
        boolean unresolved = false;
        Throwable refused = null;
        Throwable tls = null;
        // the JDK's client reports an unknown host as a ConnectException caused by UnresolvedAddressException
        for (Throwable t = e; t != null; t = t.getCause()) {
            unresolved |= t instanceof UnknownHostException || t instanceof java.nio.channels.UnresolvedAddressException;
            refused = refused == null && t instanceof ConnectException ? t : refused;
            tls = tls == null && t instanceof SSLException ? t : tls;
        }
        URI url = endpoint.url();
        String hostPort = url.getHost() + (url.getPort() < 0 ? "" : ":" + url.getPort());
        if (e instanceof HttpConnectTimeoutException) {
            return "No connection to " + hostPort + " within " + endpoint.connectTimeout().toMillis() + " ms: a firewall, or a wrong host.";
        }
        if (e instanceof HttpTimeoutException) {
            return "The sidecar at " + hostPort + " accepted the connection but did not answer within "
                    + endpoint.readTimeout().toMillis() + " ms: it is overloaded or hanging.";
        }
        if (unresolved) {
            return "The host name '" + url.getHost() + "' is unknown: check the URL.";
        }
        if (refused != null) {
            return "Nothing answers at " + hostPort + " (connection refused): is the sidecar running, and is the port right?";
        }
        if (tls != null) {
            return "TLS with " + hostPort + " failed (" + tls.getMessage() + "): check http versus https and the sidecar's certificate.";
        }
        return "The sidecar at " + hostPort + " cannot be reached: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
    }

    private HttpResponse<String> get(String path, String apiKey) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(endpoint.url() + path)).timeout(endpoint.readTimeout())
                .header("Accept", "application/json");
        if (apiKey != null) {
            request.header("X-API-Key", apiKey);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode parse(String body) {
        try {
            JsonNode node = JSON.readTree(body);
            return node != null && node.isObject() ? node : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static String abbreviate(String text) {
        String oneLine = text == null ? "" : text.replaceAll("\\s+", " ").strip();
        return oneLine.length() > 200 ? oneLine.substring(0, 200) + "…" : oneLine;
    }

    private ConnectionCheck done(List<Step> steps) {
        return new ConnectionCheck(endpoint.source(), steps);
    }
}
