package org.erpinsight.it;

import static org.junit.Assert.assertEquals;
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

/** Fifty users opening the same company at the same moment cost the real sidecar one call per figure. */
public class SharedReadsTest {
    private static final Sidecar SIDECAR = new Sidecar();
    private static final ReferenceHost HOST = new ReferenceHost(SIDECAR::baseUri, Sidecar.KEY, "rest", "data-figure=\"balance\"");

    @ClassRule
    public static final RuleChain RUNNING = RuleChain.outerRule(SIDECAR).around(HOST);

    /** How often the sidecar answered an operation so far (every transport and status). */
    private static long answered(String operation) throws Exception {
        Matcher m = Pattern.compile("^erp_sidecar_requests_total\\{[^}]*operation=\"" + operation + "\"[^}]*} ([0-9.]+)$", Pattern.MULTILINE)
                .matcher(SIDECAR.metrics());
        long sum = 0;
        while (m.find()) {
            sum += (long) Double.parseDouble(m.group(1));
        }
        return sum;
    }

    @Test
    public void fiftyUsersOpeningOneCompanyCostOneCallPerFigure() throws Exception {
        // c-1003 (Nordlys Energi, customer 10003) is opened by nobody before: no figure of it is cached
        long overviews = answered("getCustomerOverview");
        long invoices = answered("listInvoices");
        long orders = answered("listOrders");
        ExecutorService users = Executors.newFixedThreadPool(50);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<HttpResponse<String>>> pages = new ArrayList<>();
        try {
            for (int i = 0; i < 50; i++) {
                pages.add(users.submit(() -> {
                    go.await();
                    return HOST.get("/crm/company/c-1003", "sales");
                }));
            }
            go.countDown();
            for (Future<HttpResponse<String>> page : pages) {
                HttpResponse<String> p = page.get(60, TimeUnit.SECONDS);
                assertEquals(200, p.statusCode());
                assertTrue(p.body().contains("data-figure=\"balance\""));
            }
        } finally {
            users.shutdownNow();
        }
        assertEquals("one overview call for fifty pages", 1, answered("getCustomerOverview") - overviews);
        assertEquals("one invoice list call", 1, answered("listInvoices") - invoices);
        assertEquals("one order list call", 1, answered("listOrders") - orders);
    }
}
