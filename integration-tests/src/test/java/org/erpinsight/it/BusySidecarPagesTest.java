package org.erpinsight.it;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.ClassRule;
import org.junit.Test;
import org.junit.rules.RuleChain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The burst that once took the ERP view away from everyone for 30 s: a real sidecar at 3 requests
 * a second for the CRM's key, ten users opening five companies twice each at the same moment.
 * Every page answers, none says "unreachable", the breaker never opens, pages the limit held back
 * show their last figures marked busy, and the next page after the burst is live again.
 */
public class BusySidecarPagesTest {
    private static final Sidecar SIDECAR = new Sidecar("--rate-limit", "3");
    // freshness 0: every page view asks the sidecar, as if every view were of a record nobody read lately
    private static final ReferenceHost HOST = new ReferenceHost(SIDECAR::baseUri, Sidecar.KEY, "rest", "data-figure=\"balance\"",
            "erpinsight.gateway.freshSeconds=0");

    @ClassRule
    public static final RuleChain RUNNING = RuleChain.outerRule(SIDECAR).around(HOST);

    private static final List<String> COMPANIES = List.of("c-1001", "c-1002", "c-1003", "c-1006", "c-1009");
    private static final Pattern BALANCE = Pattern.compile("data-figure=\"balance\" data-amount=\"([^\"]*)\"");

    private static String balance(String html) {
        Matcher m = BALANCE.matcher(html);
        assertTrue(html, m.find());
        return m.group(1);
    }

    /** A page with every figure live: no busy, stale or unreachable banner (waits out the limit between views). */
    private static String live(String company) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            String html = HOST.get("/crm/company/" + company, "sales").body();
            if (!html.contains("data-stale") && !html.contains("The ERP is busy") && !html.contains("ERP unreachable")
                    && html.contains("data-figure=\"balance\"")) {
                return html;
            }
            assertTrue("no live page of " + company + " within a minute at 3 requests/s", System.nanoTime() < deadline);
            Thread.sleep(1000);
        }
    }

    @Test
    public void aBurstOverTheRateLimitShowsBusyWithTheLastFiguresAndNeverOpensTheBreaker() throws Exception {
        java.util.Map<String, String> balances = new java.util.HashMap<>();
        for (String company : COMPANIES) {
            balances.put(company, balance(live(company)));
        }

        ExecutorService users = Executors.newFixedThreadPool(100);
        List<Future<HttpResponse<String>>> pages = new ArrayList<>();
        CountDownLatch go = new CountDownLatch(1);
        try {
            for (int user = 0; user < 10; user++) {
                for (int twice = 0; twice < 2; twice++) {
                    for (String company : COMPANIES) {
                        pages.add(users.submit(() -> {
                            go.await();
                            return HOST.get("/crm/company/" + company, "sales");
                        }));
                    }
                }
            }
            go.countDown();
            int busy = 0;
            for (int i = 0; i < pages.size(); i++) {
                HttpResponse<String> page = pages.get(i).get(60, TimeUnit.SECONDS);
                String company = COMPANIES.get(i % COMPANIES.size());
                assertEquals(200, page.statusCode());
                assertFalse(page.body(), page.body().contains("ERP unreachable"));
                assertFalse(page.body().contains("failed repeatedly"));
                assertEquals("every page shows the company's balance, live or last known", balances.get(company), balance(page.body()));
                if (page.body().contains("data-stale=\"busy\"")) {
                    busy++;
                    // the overview's banner, or a project row's note: either says busy, with the figures' age
                    assertTrue(page.body(), page.body().toLowerCase(java.util.Locale.ROOT).contains("the erp is busy; figures from "));
                }
            }
            assertTrue("the limit held some pages back (else this shows nothing)", busy > 0);
        } finally {
            users.shutdownNow();
        }

        JsonNode status = null;
        for (JsonNode s : new ObjectMapper().readTree(HOST.getWithBasicAuth("/system/console/erp-insight.json", "admin", "admin").body())
                .get("sidecars")) {
            status = s;
        }
        assertEquals(0, status.get("breakerOpenings").asLong());
        assertEquals("closed", status.get("circuitBreaker").asText());
        assertTrue(status.toString(), status.get("busyCalls").asLong() > 0);
        assertTrue(SIDECAR.metrics().contains("erp_sidecar_rejected_total{reason=\"rate_limited\"}"));

        // no pause to sit out: once the bucket has refilled, pages are live
        Thread.sleep(2500);
        String after = live("c-1001");
        assertFalse(after.contains("data-stale"));
    }
}
