package org.erpinsight.sidecar.server;

import static org.junit.Assert.assertEquals;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Clock;
import java.util.Map;

import org.erpinsight.sidecar.core.AdapterSettings;
import org.erpinsight.sidecar.core.ErpAdapter;
import org.junit.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Two sidecar instances in front of one ERP (as behind a load balancer): a retry that lands
 * on the other instance still finds the first order, because the key lives in the ERP.
 */
public class InstancesTest {
    @Test
    public void aRetryOnAnotherInstanceAnswersTheFirstOrder() throws Exception {
        SidecarConfig config = SidecarConfig.load(new String[] {"--port", "0", "--api-key", "t:" + RunningSidecar.KEY + ":read+orders",
            "--data-dir", Files.createTempDirectory("instances").toString()}, Map.of());
        ErpAdapter erp = SidecarConfig.factory("reference").open(new AdapterSettings(config.dataDirectory(), Clock.systemUTC(), Map.of()));
        try (SidecarServer a = SidecarServer.start(config, erp); SidecarServer b = SidecarServer.start(config, erp)) {
            String body = "{\"customerNumber\":\"10002\",\"lines\":[{\"itemNumber\":\"I-1002\",\"quantity\":\"4\"}]}";
            String first = create(a, body);
            String retry = create(b, body);
            assertEquals(first, retry);
        }
    }

    private static String create(SidecarServer server, String body) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(server.baseUri().resolve("/api/v1/orders"))
                .header("X-API-Key", RunningSidecar.KEY).header("Idempotency-Key", "instances-test-1")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(response.body(), 201, response.statusCode());
        return new ObjectMapper().readTree(response.body()).get("number").asText();
    }
}
