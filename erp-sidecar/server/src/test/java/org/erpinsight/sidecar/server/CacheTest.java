package org.erpinsight.sidecar.server;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.ClassRule;
import org.junit.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

/** The sidecar's cache for slow ERPs, on the reference ERP: reads are kept, writes clear it, answers say their age. */
public class CacheTest {
    @ClassRule
    public static final RunningSidecar SIDECAR = new RunningSidecar("--cache-seconds", "60");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static long erpCalls(String operation) throws Exception {
        Matcher m = Pattern.compile("erp_sidecar_erp_call_duration_seconds_count\\{operation=\"" + operation + "\"\\} (\\d+)")
                .matcher(SIDECAR.get("/metrics", null).body());
        return m.find() ? Long.parseLong(m.group(1)) : 0;
    }

    @Test
    public void aRepeatedReadIsServedFromTheCacheUntilTheSidecarWritesItself() throws Exception {
        HttpResponse<String> first = SIDECAR.get("/api/v1/customers/10003/overview");
        long calls = erpCalls("customerOverview");
        HttpResponse<String> second = SIDECAR.get("/api/v1/customers/10003/overview");
        assertEquals("the second read did not reach the ERP", calls, erpCalls("customerOverview"));
        assertTrue("a cached answer says its age", second.headers().firstValue("Age").isPresent());
        assertTrue(first.headers().firstValue("Age").isEmpty());
        assertEquals(JSON.readTree(first.body()).get("asOf"), JSON.readTree(second.body()).get("asOf"));

        SIDECAR.jsonOf(SIDECAR.send("POST", "/api/v1/orders", "{\"customerNumber\":\"10003\",\"lines\":[{\"itemNumber\":\"I-1002\","
                + "\"quantity\":\"1\"}]}", "cache-test-order-1"), 201);
        HttpResponse<String> afterWrite = SIDECAR.get("/api/v1/customers/10003/overview");
        assertTrue("a write of the sidecar's own clears the cache", afterWrite.headers().firstValue("Age").isEmpty());
        assertEquals(calls + 1, erpCalls("customerOverview"));
        assertNotEquals(JSON.readTree(first.body()).get("asOf"), JSON.readTree(afterWrite.body()).get("asOf"));
    }
}
