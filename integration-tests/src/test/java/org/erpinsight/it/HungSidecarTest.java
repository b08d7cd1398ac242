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
 * once, the breaker open, with the last figures and their age.
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
            long start = System.nanoTime();
            HttpResponse<String> first = HOST.get("/crm/company/c-1001", "admin");
            long firstMillis = (System.nanoTime() - start) / 1_000_000;
            start = System.nanoTime();
            HttpResponse<String> second = HOST.get("/crm/company/c-1001", "admin");
            long secondMillis = (System.nanoTime() - start) / 1_000_000;
            System.out.printf("Frozen sidecar, read timeout %d ms: first view %d ms, next view %d ms%n", READ_TIMEOUT_MILLIS,
                    firstMillis, secondMillis);

            assertEquals(200, first.statusCode());
            assertTrue("the first view waits one read timeout, not one per tab: " + firstMillis + " ms",
                    firstMillis < READ_TIMEOUT_MILLIS + 1000);
            assertTrue(first.body(), first.body().contains("ERP unreachable"));
            assertTrue("the last figures, with their age", first.body().contains("data-figure=\"balance\""));
            assertEquals(200, second.statusCode());
            assertTrue("the next view does not wait: " + secondMillis + " ms", secondMillis < 1000);
            assertTrue(second.body().contains("ERP unreachable"));
        } finally {
            SIDECAR.thaw();
        }
    }
}
