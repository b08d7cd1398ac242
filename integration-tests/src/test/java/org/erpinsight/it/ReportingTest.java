package org.erpinsight.it;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.StringReader;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.ClassRule;
import org.junit.FixMethodOrder;
import org.junit.Test;
import org.junit.rules.RuleChain;
import org.junit.runners.MethodSorters;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reporting end to end: the CRM's links as CSV (read back with Apache Commons CSV) join the
 * sidecar's OData feed by number; a Reports tab, configured as an admin does in the Web Console,
 * frames the admin's BI report filtered by the record's ERP number.
 */
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class ReportingTest {
    private static final String REPORT_KEY = "it-report-0123456789abcdef";
    private static final String FEED_SECRET = "feed-secret-0123456789abcdef";
    private static final Sidecar SIDECAR = new Sidecar("--api-key", "bi:" + REPORT_KEY + ":report");
    private static final ReferenceHost HOST = new ReferenceHost(SIDECAR::baseUri, Sidecar.KEY, "rest");

    @ClassRule
    public static final RuleChain RUNNING = RuleChain.outerRule(SIDECAR).around(HOST);

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    private static HttpResponse<String> feed(String query, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(HOST.uri("/erp-insight/links.csv" + query));
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static List<CSVRecord> csv(String body) throws Exception {
        assertTrue("a byte order mark for Excel", body.startsWith("\uFEFF"));
        return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build().parse(new StringReader(body.substring(1))).getRecords();
    }

    @Test
    public void a_theLinksFeedIsTheCrmSideOfTheJoin() throws Exception {
        // the reference host takes a request without its cookie for its admin; an unknown user is nobody signed in
        HttpResponse<String> anonymous = feed("", "Cookie", "crm-user=nobody");
        assertEquals(401, anonymous.statusCode());
        assertTrue(anonymous.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic "));
        assertEquals("who may not see figures", 403, feed("", "Cookie", "crm-user=guest").statusCode());

        HttpResponse<String> answer = feed("", "Cookie", "crm-user=admin");
        assertEquals(answer.body(), 200, answer.statusCode());
        assertTrue(answer.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
        List<CSVRecord> rows = csv(answer.body());
        assertFalse(rows.isEmpty());
        assertEquals(List.of("RecordType", "RecordId", "RecordName", "Source", "Kind", "ErpNumber", "LinkedAt", "LinkedBy"),
                rows.get(0).getParser().getHeaderNames());
        boolean andersen = false;
        for (CSVRecord row : rows) {
            andersen |= row.get("RecordId").equals("c-1001") && row.get("Kind").equals("CUSTOMER") && row.get("ErpNumber").equals("10001")
                    && row.get("RecordName").equals("Andersen Byg A/S");
        }
        assertTrue("Andersen Byg is linked to customer 10001", andersen);

        // the join: every linked customer number is a customer of the sidecar's feed
        JsonNode customers = JSON.readTree(HTTP.send(HttpRequest.newBuilder(SIDECAR.baseUri().resolve("/odata/v1/Customers?$select=Number"))
                .header("X-API-Key", REPORT_KEY).build(), HttpResponse.BodyHandlers.ofString()).body());
        Set<String> numbers = new HashSet<>();
        customers.get("value").forEach(c -> numbers.add(c.get("Number").asText()));
        int joined = 0;
        for (CSVRecord row : rows) {
            if (row.get("Kind").equals("CUSTOMER")) {
                assertTrue(row.get("ErpNumber") + " is in the feed's Customers", numbers.contains(row.get("ErpNumber")));
                joined++;
            }
        }
        assertTrue("customers joined: " + joined, joined >= 3);

        List<CSVRecord> projects = csv(feed("?kind=PROJECT", "Cookie", "crm-user=admin").body());
        assertFalse(projects.isEmpty());
        projects.forEach(r -> assertEquals("PROJECT", r.get("Kind")));
        assertEquals(400, feed("?kind=NOPE", "Cookie", "crm-user=admin").statusCode());
    }

    @Test
    public void b_aNameWithQuotesCommasAndMarkupSurvivesTheRoundTrip() throws Exception {
        // link the record whose name is hostile, as an admin does from its page
        HttpResponse<String> page = HOST.get("/crm/company/c-1012", "admin");
        java.util.regex.Matcher csrf = java.util.regex.Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(page.body());
        assertTrue(csrf.find());
        HttpResponse<String> linked = HTTP.send(HttpRequest.newBuilder(HOST.uri("/erp-insight/link")).header("Cookie", "crm-user=admin")
                .header("Accept", "application/json").header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("record=company%2Fc-1012&source=default&kind=SUPPLIER&action=link&number=70003&csrf="
                        + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(linked.body(), 200, linked.statusCode());
        String name = null;
        for (CSVRecord row : csv(feed("?kind=SUPPLIER", "Cookie", "crm-user=admin").body())) {
            if (row.get("RecordId").equals("c-1012")) {
                name = row.get("RecordName");
            }
        }
        assertEquals("<script>alert(1)</script> & \"Quotes\" ApS", name);
    }

    @Test
    public void c_aBiToolReadsTheFeedWithAFeedKeyAndAReportsTabAppears() throws Exception {
        configure("bi=" + FEED_SECRET, "https://bi.example.com/r?customer={customerNumber}&id={recordId}", "");
        String basic = "Basic " + Base64.getEncoder().encodeToString(("powerbi:" + FEED_SECRET).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> withKey = feed("", "Cookie", "crm-user=nobody", "Authorization", basic);
        assertEquals(withKey.body(), 200, withKey.statusCode());
        assertFalse(csv(withKey.body()).isEmpty());
        assertEquals("a wrong key", 403, feed("", "Cookie", "crm-user=nobody", "X-API-Key", "not-the-feed-secret-0123456789").statusCode());

        String company = HOST.get("/crm/company/c-1001", "admin").body();
        assertTrue("a Reports tab on companies", company.contains("id=\"tab-reports\""));
        assertTrue(company, company.contains("<iframe class=\"erp-report\" src=\"https://bi.example.com/r?customer=10001&amp;id=c-1001\""));
        String unlinked = HOST.get("/crm/company/c-1010", "admin").body();
        assertTrue(unlinked.contains("Link the record to an ERP customer to see its report."));
        assertFalse("no report for projects is configured", HOST.get("/crm/project/pr-3001", "admin").body().contains("id=\"tab-reports\""));
        assertTrue("a guest sees no report", HOST.get("/crm/company/c-1001", "guest").body().contains("do not have permission"));

        configure("bi=" + FEED_SECRET, "", "");
        assertFalse("no report, no tab", HOST.get("/crm/company/c-1001", "admin").body().contains("id=\"tab-reports\""));
    }

    /** Sets the reporting configuration as an admin does, through the Web Console's configuration manager. */
    private static void configure(String feedKey, String companyReport, String projectReport) throws Exception {
        String form = "apply=true&action=ajaxConfigManager&propertylist=.feedKeys,company.report,contact.report,project.report,tabTitle,frameHeight"
                + "&.feedKeys=" + URLEncoder.encode(feedKey, StandardCharsets.UTF_8) + "&company.report=" + URLEncoder.encode(companyReport,
                StandardCharsets.UTF_8) + "&contact.report=&project.report=" + URLEncoder.encode(projectReport, StandardCharsets.UTF_8)
                + "&tabTitle=Reports&frameHeight=600";
        HttpResponse<String> saved = HTTP.send(HttpRequest.newBuilder(HOST.uri("/system/console/configMgr/org.erpinsight.crm.web.reporting"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("admin:admin".getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertTrue("saved: " + saved.statusCode(), saved.statusCode() < 400);
        Thread.sleep(800);
    }
}
