package org.erpinsight.it;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.net.http.HttpResponse;

import org.junit.ClassRule;
import org.junit.Test;
import org.junit.rules.RuleChain;

/**
 * A frozen sidecar (it accepts connections and never answers) costs a page one timeout, not one
 * per tab: the first view of a linked company after the freeze answers within the read timeout and
 * a little, although the page has four tabs that each ask the sidecar; the next view answers at
 * once, the breaker open, with the last figures and their age. Meanwhile the page is not blank:
 * the record and every tab's frame, saying it loads, arrive at once.
 */
public class HungSidecarTest {
    private static final int READ_TIMEOUT_MILLIS = 2000;
    private static final SidecarProcess SIDECAR = new SidecarProcess();
    private static final ReferenceHost HOST = new ReferenceHost(SIDECAR::baseUri, Sidecar.KEY, "rest", "data-figure=\"balance\"",
            "erpinsight.gateway.freshSeconds=0", "erpinsight.sidecar.readTimeoutMillis=" + READ_TIMEOUT_MILLIS);

    @ClassRule
    public static final RuleChain RUNNING = RuleChain.outerRule(SIDECAR).around(HOST);

    @Test
    public void aFrozenSidecarCostsAPageOneTimeout() throws Exception {
        // seen once, so that there are last known figures to show
        assertTrue(HOST.get("/crm/company/c-1001", "admin").body().contains("data-figure=\"balance\""));
        SIDECAR.freeze();
        try {
            // read as it streams: the record and the tabs' frames, each saying it loads, come before any figure
            long start = System.nanoTime();
            HttpResponse<java.io.InputStream> streamed = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest
                    .newBuilder(HOST.uri("/crm/company/c-1001")).header("Cookie", "crm-user=admin").build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            StringBuilder body = new StringBuilder();
            long framesMillis = -1;
            try (java.io.InputStream in = streamed.body()) {
                byte[] chunk = new byte[8192];
                for (int n; (n = in.read(chunk)) > 0; ) {
                    body.append(new String(chunk, 0, n, java.nio.charset.StandardCharsets.UTF_8));
                    if (framesMillis < 0 && body.indexOf("<script>function fill(") >= 0) {
                        framesMillis = (System.nanoTime() - start) / 1_000_000;
                    }
                }
            }
            long firstMillis = (System.nanoTime() - start) / 1_000_000;
            String frames = body.substring(0, body.indexOf("<script>function fill("));
            assertTrue("the frames come at once, saying the tabs load: " + framesMillis + " ms",
                    framesMillis >= 0 && framesMillis < READ_TIMEOUT_MILLIS / 2);
            assertEquals("every tab's frame says it loads", frames.split("<section class=\"tab\"", -1).length - 1,
                    frames.split("<p class=\"loading\" role=\"status\">", -1).length - 1);
            assertTrue(frames, frames.contains("<p class=\"loading\""));
            assertTrue("no figure before the ERP answered", !frames.contains("data-figure=\"balance\""));
            String firstBody = body.toString();
            start = System.nanoTime();
            HttpResponse<String> second = HOST.get("/crm/company/c-1001", "admin");
            long secondMillis = (System.nanoTime() - start) / 1_000_000;
            System.out.printf("Frozen sidecar, read timeout %d ms: first view %d ms (its frames, loading, after %d ms), next view %d ms%n",
                    READ_TIMEOUT_MILLIS, firstMillis, framesMillis, secondMillis);

            assertEquals(200, streamed.statusCode());
            assertTrue("the first view waits one read timeout, not one per tab: " + firstMillis + " ms",
                    firstMillis < READ_TIMEOUT_MILLIS + 1000);
            assertTrue(firstBody, firstBody.contains("ERP unreachable"));
            assertTrue("the last figures, with their age", firstBody.contains("data-figure=\"balance\""));
            assertEquals(200, second.statusCode());
            assertTrue("the next view does not wait: " + secondMillis + " ms", secondMillis < 1000);
            assertTrue(second.body().contains("ERP unreachable"));
        } finally {
            SIDECAR.thaw();
        }
    }
}
