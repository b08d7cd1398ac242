package org.erpinsight.sidecar.server;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicLong;

import org.erpinsight.sidecar.server.security.RateLimiter;
import org.junit.ClassRule;
import org.junit.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

/** Scopes, rate limits, body size limits and /metrics on a real sidecar. */
public class GuardsTest {
    @ClassRule
    public static final RunningSidecar SIDECAR = new RunningSidecar("--api-key", "slow:slow-secret-0123456789", "--rate-limit",
            "5", "--max-body-bytes", "4096", "--api-key", "roomy:roomy-secret-0123456789", "--key-rate-limit", "roomy=1000/100");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String ORDER = "{\"customerNumber\":\"10001\",\"lines\":[{\"itemNumber\":\"I-1002\",\"quantity\":\"1\"}]}";

    @Test
    public void pingTellsTheKeyItsNameAndScopes() throws Exception {
        var reader = SIDECAR.get("/api/v1/ping", RunningSidecar.READ_KEY);
        assertEquals(200, reader.statusCode());
        assertTrue(reader.body(), reader.body().contains("\"key\":\"reader\"") && reader.body().contains("\"scopes\":[\"read\"]"));
        assertTrue(SIDECAR.get("/api/v1/ping", RunningSidecar.KEY).body().contains("\"scopes\":[\"read\",\"orders\",\"admin\"]"));
    }

    @Test
    public void aReadKeyMayReadButNotWrite() throws Exception {
        assertEquals(200, SIDECAR.get("/api/v1/customers/10001", RunningSidecar.READ_KEY).statusCode());
        HttpResponse<String> refused = SIDECAR.send(HttpRequest.newBuilder(SIDECAR.uri("/api/v1/orders"))
                .header("X-API-Key", RunningSidecar.READ_KEY).header("Idempotency-Key", "guard-test-1")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(ORDER)).build());
        assertEquals(403, refused.statusCode());
        assertEquals("FORBIDDEN", JSON.readTree(refused.body()).get("code").asText());
        HttpResponse<String> soap = SIDECAR.soap(RunningSidecar.envelope("createParty", "<v:idempotencyKey>guard-test-2</v:idempotencyKey>"
                + "<v:kind>CUSTOMER</v:kind><v:name>Nope A/S</v:name>"), RunningSidecar.READ_KEY);
        assertTrue(soap.body(), soap.body().contains("<code>FORBIDDEN</code>"));
        assertTrue(soap.body().contains("<faultcode>soap:Client</faultcode>"));
        assertEquals("nothing was created", 0, SIDECAR.json("/api/v1/customers?name=Nope").get("customers").size());
    }

    @Test
    public void aKeyOverItsRateIsToldWhenToRetry() throws Exception {
        int limited = 0;
        String retryAfter = null;
        for (int i = 0; i < 40; i++) {
            HttpResponse<String> r = SIDECAR.get("/api/v1/customers/10001", "slow-secret-0123456789");
            if (r.statusCode() == 429) {
                limited++;
                retryAfter = r.headers().firstValue("Retry-After").orElse(null);
                assertEquals("RATE_LIMITED", JSON.readTree(r.body()).get("code").asText());
            }
        }
        assertTrue("a burst of 40 at 5/s is limited", limited > 0);
        assertTrue(Integer.parseInt(retryAfter) >= 1);
        assertEquals("other keys are not slowed", 200, SIDECAR.get("/api/v1/customers/10001").statusCode());
    }

    @Test
    public void aKeyWithALimitOfItsOwnIsLimitedByThatOne() throws Exception {
        for (int i = 0; i < 40; i++) {
            HttpResponse<String> r = SIDECAR.get("/api/v1/customers/10001", "roomy-secret-0123456789");
            assertEquals("a burst of 40 within its own burst of 100", 200, r.statusCode());
        }
    }

    @Test
    public void bodiesOverTheLimitAreRefused() throws Exception {
        String large = "{\"customerNumber\":\"10001\",\"reference\":\"" + "x".repeat(5000) + "\",\"lines\":[]}";
        HttpResponse<String> r = SIDECAR.send("POST", "/api/v1/price-quotes", large, null);
        assertEquals(413, r.statusCode());
        assertEquals("PAYLOAD_TOO_LARGE", JSON.readTree(r.body()).get("code").asText());
        HttpResponse<String> soap = SIDECAR.soap("<x>" + "y".repeat(5000) + "</x>", RunningSidecar.KEY);
        assertTrue(soap.body().contains("<ns2:code>PAYLOAD_TOO_LARGE</ns2:code>"));
    }

    @Test
    public void metricsCountRequestsByOperationAndNameNoCaller() throws Exception {
        SIDECAR.get("/api/v1/customers/10001/overview");
        SIDECAR.get("/api/v1/customers/99999/overview");
        SIDECAR.soap(RunningSidecar.envelope("getCustomer", "<v:customerNumber>10001</v:customerNumber>"), RunningSidecar.KEY);
        SIDECAR.soap("garbage", RunningSidecar.KEY);
        HttpResponse<String> metrics = SIDECAR.get("/metrics", null);
        assertEquals(200, metrics.statusCode());
        assertTrue(metrics.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"));
        String text = metrics.body();
        assertTrue(text, text.contains("erp_sidecar_requests_total{transport=\"rest\",operation=\"getCustomerOverview\",status=\"200\"}"));
        assertTrue(text.contains("erp_sidecar_requests_total{transport=\"rest\",operation=\"getCustomerOverview\",status=\"404\"}"));
        assertTrue(text.contains("erp_sidecar_errors_total{code=\"CUSTOMER_NOT_FOUND\"}"));
        assertTrue(text.contains("erp_sidecar_requests_total{transport=\"soap\",operation=\"getCustomer\",status=\"200\"}"));
        assertTrue(text.contains("erp_sidecar_rejected_total{reason=\"invalid_soap\"}"));
        assertTrue(text.contains("erp_sidecar_erp_call_duration_seconds_count{operation=\"customerOverview\"}"));
        assertTrue(text.contains("erp_sidecar_request_duration_seconds_bucket{transport=\"rest\",operation=\"getCustomerOverview\",le=\"+Inf\"}"));
        assertFalse("no key names, secrets or numbers in metrics", text.contains("tests") || text.contains("secret") || text.contains("99999"));
    }

    @Test
    public void theBucketRefillsAtTheConfiguredRate() {
        AtomicLong now = new AtomicLong();
        RateLimiter limiter = new RateLimiter(2, 4, now::get);
        for (int i = 0; i < 4; i++) {
            assertEquals(0, limiter.acquire("k"));
        }
        assertEquals(1, limiter.acquire("k"));
        now.addAndGet(500_000_000L);
        assertEquals("half a second at 2/s is one token", 0, limiter.acquire("k"));
        assertEquals(1, limiter.acquire("k"));
        assertEquals("keys have buckets of their own", 0, limiter.acquire("other"));
        assertEquals("0 turns the limit off", 0, new RateLimiter(0, 0, now::get).acquire("k"));
    }
}
