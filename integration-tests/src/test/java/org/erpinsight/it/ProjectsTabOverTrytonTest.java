package org.erpinsight.it;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assume.assumeTrue;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;
import org.junit.rules.RuleChain;
import org.junit.rules.TestRule;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The Projects tab read through the Tryton adapter: a CRM company linked to the seeded Tryton's
 * Bergström Logistik (1002) shows project PRJ-1042 with every figure the sidecar reports for it
 * (hours from Tryton's timesheets, travel under the company's own product category). Needs the
 * Tryton the test command starts (ERP_INSIGHT_TRYTON_DIR); skipped, loudly, without it.
 */
public class ProjectsTabOverTrytonTest {
    private static final String DIR = System.getenv("ERP_INSIGHT_TRYTON_DIR");
    private static final Sidecar SIDECAR = DIR == null ? null : new Sidecar("--adapter", "tryton", "--set", "tryton.url=http://127.0.0.1:"
            + port(), "--set", "tryton.database=erpinsight", "--set", "tryton.password.file=" + Path.of(DIR, "admin-password"),
            "--set", "tryton.travel.categories=Rejser");
    private static final ReferenceHost HOST = DIR == null ? null
            : new ReferenceHost(SIDECAR::baseUri, Sidecar.KEY, "rest", "erp-insight erp-financial-overview");

    @ClassRule
    public static final TestRule RUNNING = DIR == null ? (base, description) -> base : RuleChain.outerRule(SIDECAR).around(HOST);

    private static String port() {
        try {
            for (String line : Files.readAllLines(Path.of(DIR, "trytond.conf"))) {
                if (line.startsWith("listen")) {
                    return line.replaceAll(".*:", "").strip();
                }
            }
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        throw new IllegalStateException("no listen address in trytond.conf");
    }

    @BeforeClass
    public static void needsTryton() {
        if (DIR == null) {
            System.err.println("SKIPPED: the Projects tab over Tryton needs ERP_INSIGHT_TRYTON_DIR (the test command starts a Tryton)");
        }
        assumeTrue(DIR != null);
    }

    private static String csrf() throws Exception {
        Matcher m = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(HOST.get("/crm/company/c-1002", "admin").body());
        assertTrue(m.find());
        return m.group(1);
    }

    private static HttpResponse<String> link(String action, String number) throws Exception {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("record", "company/c-1002");
        form.put("source", "default");
        form.put("kind", "CUSTOMER");
        form.put("action", action);
        if (number != null) {
            form.put("number", number);
        }
        form.put("csrf", csrf());
        form.put("returnTo", "/crm/company/c-1002");
        return HOST.postForm("/erp-insight/link", "admin", form);
    }

    @Test
    public void aCompanyLinkedToATrytonCustomerShowsItsProjectsWithTrytonsFigures() throws Exception {
        // the demo links c-1002 to the reference ERP's 10002; in this Tryton Bergström is 1002
        link("unlink", null);
        HttpResponse<String> linked = link("link", "1002");
        assertEquals(linked.body(), 200, linked.statusCode());
        String page = HOST.get("/crm/company/c-1002", "sales").body();
        Matcher row = Pattern.compile("(?s)<tr data-project=\"PRJ-1042\">(.*?)</tr>").matcher(page);
        assertTrue("PRJ-1042 is listed:\n" + page, row.find());
        JsonNode o = SIDECAR.json("/api/v1/projects/PRJ-1042/overview");
        for (String figure : new String[] {"budget", "hours", "hoursCost", "travelExpenses", "otherExpenses", "invoiced", "notInvoiced",
            "margin"}) {
            Matcher cell = Pattern.compile("data-figure=\"" + figure + "\" data-amount=\"([^\"]*)\"").matcher(row.group(1));
            assertTrue(figure, cell.find());
            assertEquals(figure, new BigDecimal(o.get(figure).asText()), new BigDecimal(cell.group(1)));
        }
        assertTrue("travel comes from the company's own category", new BigDecimal(o.get("travelExpenses").asText()).signum() > 0);
    }
}
