package org.erpinsight.it;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.ClassRule;
import org.junit.Test;
import org.junit.rules.RuleChain;

/** When the sidecar goes down, a page shows the last figures it read, marked with their age, under a clear banner. */
public class StaleFiguresTest {
    private static final Sidecar SIDECAR = new Sidecar();
    // freshness 0: every page view asks the sidecar, so the outage is seen at once
    private static final ReferenceHost HOST = new ReferenceHost(SIDECAR::baseUri, Sidecar.KEY, "rest", "data-figure=\"balance\"",
            "erpinsight.gateway.freshSeconds=0");

    @ClassRule
    public static final RuleChain RUNNING = RuleChain.outerRule(SIDECAR).around(HOST);

    private static String balance(String html) {
        return figure(html, "balance");
    }

    private static String figure(String html, String id) {
        Matcher m = Pattern.compile("data-figure=\"" + id + "\" data-amount=\"([^\"]*)\"").matcher(html);
        assertTrue(html, m.find());
        return m.group(1);
    }

    @Test
    public void theLastKnownFiguresAreShownWithTheirAgeWhileTheSidecarIsDown() throws Exception {
        String live = HOST.get("/crm/company/c-1003", "admin").body();
        String balance = balance(live);
        assertTrue(!live.contains("last known figures"));
        // the supplier and project overviews are kept the same way
        String payable = figure(HOST.get("/crm/company/c-1001", "admin").body(), "payableBalance");
        String margin = figure(HOST.get("/crm/project/pr-3001", "admin").body(), "margin");
        SIDECAR.stop();
        String supplier = HOST.get("/crm/company/c-1001", "admin").body();
        assertTrue(supplier.contains("data-stale=\"true\""));
        assertEquals(payable, figure(supplier, "payableBalance"));
        String project = HOST.get("/crm/project/pr-3001", "admin").body();
        assertTrue(project.contains("Showing the last known figures, read "));
        assertEquals(margin, figure(project, "margin"));
        HttpResponse<String> page = HOST.get("/crm/company/c-1003", "admin");
        assertEquals(200, page.statusCode());
        assertTrue(page.body(), page.body().contains("ERP unreachable"));
        assertTrue(page.body().contains("Showing the last known figures, read "));
        assertTrue(page.body().contains("data-stale=\"true\""));
        assertEquals(balance, balance(page.body()));
    }
}
