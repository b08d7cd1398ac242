package org.erpinsight.it;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.ClassRule;
import org.junit.FixMethodOrder;
import org.junit.Test;
import org.junit.rules.RuleChain;
import org.junit.runners.MethodSorters;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What an admin sees of the sidecar connections, with the real parts: the Felix Web Console's
 * "ERP Insight" page and its Test connection, a second sidecar configured through the Web
 * Console's own configuration manager with a wrong key, and the Felix Health Checks' servlet
 * reporting each sidecar, before and after the sidecar goes down.
 */
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class SidecarAdminTest {
    private static final Sidecar SIDECAR = new Sidecar();
    private static final ReferenceHost HOST = new ReferenceHost(SIDECAR::baseUri, Sidecar.KEY, "rest");

    @ClassRule
    public static final RuleChain RUNNING = RuleChain.outerRule(SIDECAR).around(HOST);

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static HttpResponse<String> console(String method, String path, Map<String, String> form) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(HOST.uri(path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("admin:admin".getBytes(StandardCharsets.UTF_8)));
        if (form == null) {
            request.GET();
        } else {
            request.header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(
                    form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                            + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"))));
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode sidecar(JsonNode page, String source) {
        for (JsonNode s : page.get("sidecars")) {
            if (s.get("source").asText().equals(source)) {
                return s;
            }
        }
        throw new AssertionError("no sidecar " + source + " in " + page);
    }

    private static JsonNode step(JsonNode sidecar, String name) {
        for (JsonNode s : sidecar.at("/lastTest/steps")) {
            if (s.get("name").asText().equals(name)) {
                return s;
            }
        }
        throw new AssertionError("no step " + name + " in " + sidecar);
    }

    @Test
    public void a_theConsolePageShowsTheSidecarAndItsCalls() throws Exception {
        assertEquals(200, HOST.get("/crm/company/c-1001", "admin").statusCode());
        HttpResponse<String> page = console("GET", "/system/console/erp-insight", null);
        assertEquals(200, page.statusCode());
        assertTrue("inside the Web Console's frame", page.body().contains("ERP Insight") && page.body().contains("Test connection"));
        assertTrue(page.body(), page.body().contains("data-source='default' data-state='ANSWERING'"));
        assertTrue(page.body().contains(SIDECAR.baseUri().toString().replaceAll("/$", "")));

        JsonNode status = sidecar(JSON.readTree(console("GET", "/system/console/erp-insight.json", null).body()), "default");
        assertEquals("ANSWERING", status.get("state").asText());
        assertEquals("closed", status.get("circuitBreaker").asText());
        assertTrue("the tabs' calls were counted", status.get("calls").asLong() >= 3);
        assertTrue(status.get("latencyMedianMillis").asLong() >= 0);
        assertEquals(401, HTTP.send(HttpRequest.newBuilder(HOST.uri("/system/console/erp-insight.json")).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode());
    }

    @Test
    public void b_testConnectionPassesEveryStepAgainstTheRealSidecar() throws Exception {
        JsonNode tested = sidecar(JSON.readTree(console("GET", "/system/console/erp-insight.json?test=default", null).body()), "default");
        assertTrue(tested.toString(), tested.at("/lastTest/ok").asBoolean());
        for (String name : new String[] {"Address", "ERP", "API key", "Scopes", "Transport"}) {
            assertEquals(name + ": " + step(tested, name), "OK", step(tested, name).get("outcome").asText());
        }
        assertTrue(step(tested, "API key").get("message").asText().contains("'it'"));
        // the button renders the steps in the console page
        HttpResponse<String> page = console("GET", "/system/console/erp-insight?test=default", null);
        assertTrue(page.body(), page.body().contains("data-step='Transport' data-outcome='OK'"));
    }

    @Test
    public void c_aSidecarConfiguredWithAWrongKeyIsToldInWords() throws Exception {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("apply", "true");
        form.put("action", "ajaxConfigManager");
        form.put("factoryPid", "org.erpinsight.crm.gateway.sidecar");
        form.put("propertylist", "source,url,.apiKey,transport");
        form.put("source", "wrongkey");
        form.put("url", SIDECAR.baseUri().toString());
        form.put(".apiKey", "not-the-key-0123456789");
        form.put("transport", "rest");
        HttpResponse<String> saved = console("POST", "/system/console/configMgr/%5BTemporary%20PID%20replaced%20by%20real%20PID%20upon%20save%5D", form);
        assertTrue("the Web Console saved the configuration: " + saved.statusCode(), saved.statusCode() < 400);
        JsonNode tested = null;
        for (int i = 0; i < 40; i++) {
            HttpResponse<String> answer = console("GET", "/system/console/erp-insight.json?test=wrongkey", null);
            if (answer.statusCode() == 200) {
                tested = sidecar(JSON.readTree(answer.body()), "wrongkey");
                break;
            }
            Thread.sleep(250);
        }
        assertTrue("the new sidecar appeared", tested != null);
        assertFalse(tested.at("/lastTest/ok").asBoolean());
        assertEquals("OK", step(tested, "Address").get("outcome").asText());
        JsonNode key = step(tested, "API key");
        assertEquals("FAILED", key.get("outcome").asText());
        assertTrue(key.toString(), key.get("message").asText().contains("does not accept this API key"));
        assertFalse("the key is never shown", console("GET", "/system/console/erp-insight?test=wrongkey", null).body()
                .contains("not-the-key-0123456789"));
    }

    @Test
    public void d_healthChecksReportEachSidecarAndTurnCriticalWhenItIsGone() throws Exception {
        JsonNode health = JSON.readTree(HOST.get("/system/health.json?tags=erpinsight-default", null).body());
        assertEquals(health.toString(), "OK", health.get("overallResult").asText());
        assertEquals("ERP Insight sidecar default", health.at("/results/0/name").asText());

        SIDECAR.stop();
        // the health check servlet caches results for a moment; the check itself asks the sidecar
        String overall = "";
        JsonNode down = null;
        for (int i = 0; i < 40 && !overall.equals("CRITICAL"); i++) {
            down = JSON.readTree(HOST.get("/system/health.json?tags=erpinsight-default", null).body());
            overall = down.get("overallResult").asText();
            Thread.sleep(250);
        }
        assertEquals(down.toString(), "CRITICAL", overall);
        assertTrue(down.toString(), down.toString().contains("connection refused"));
        // the page still renders, and says the sidecar is unreachable
        assertEquals(200, HOST.get("/crm/company/c-1001", "admin").statusCode());
    }
}
